import { foldWords } from '../../../lib/core/fold';
import { describe, expect, it } from 'vitest';
import {
  classKey,
  formOfTokens,
  givenNameForms,
  type NameForm,
  nameForm,
  parseSurname,
  personKey,
  phonetic,
  splitFullName,
  surnameForms,
} from '../../../lib/matching';

describe('name forms', () => {
  it('Anne-Sophie and Anne Sophie have the same compact form', () => {
    expect(nameForm('Anne-Sophie')?.compact).toBe(nameForm('Anne Sophie')?.compact);
    expect(nameForm('ANNE SOPHIE')?.compact).toBe('annesophie');
  });
  it('LE GALL and Legall share a key; particles can be dropped', () => {
    const a = nameForm('LE GALL')!;
    const b = nameForm('Legall')!;
    expect(a.keys).toContain(b.compact);
    expect(nameForm('DE LA FONTAINE')!.keys).toEqual(expect.arrayContaining(['delafontaine', 'lafontaine', 'fontaine']));
  });
  it("N'DIAYE and Ndiaye have the same compact form", () => {
    expect(nameForm("N'DIAYE")!.compact).toBe(nameForm('Ndiaye')!.compact);
  });
  it('does not treat Saint as a particle', () => {
    expect(nameForm('SAINT-MARTIN')!.keys).not.toContain('martin');
  });
  it('removes civilities typed into the name field', () => {
    expect(nameForm('Mme DURAND')!.compact).toBe('durand');
    expect(nameForm('M. Petit')!.compact).toBe('petit');
    // A civility alone is kept: it may be the name.
    expect(nameForm('Madame')!.compact).toBe('madame');
  });
  it('gives one-word names of plain letters the same form as the general folding does', () => {
    // One-word names skip the general folding (the common case); particles, civilities and single
    // letters alone are names too. The general path is folding, then the tokens' form.
    for (const name of ['MARTIN', 'Lucas', 'dupont', 'LE', 'De', 'O', 'Mme', 'McDonald', 'NGUYEN']) {
      const shape = (f: NameForm | undefined) =>
        f && { full: f.full, compact: f.compact, core: f.core, keys: f.keys, tokens: f.tokens, mask: f.mask, phon: f.phon };
      const general = shape(formOfTokens([foldWords(name)]));
      expect(shape(nameForm(name))).toEqual(general);
      const surname = parseSurname(name);
      expect(shape(surname.usage)).toEqual(general);
      expect(surname.birth).toBeUndefined();
      expect(surname.others).toEqual([]);
    }
    expect(nameForm('LE GALL')!.keys).toEqual(['legall', 'gall']);
    expect(nameForm('Zoé')!.compact).toBe('zoe');
  });
});

describe('née / épouse forms', () => {
  it('MARTIN épouse DURAND: usage DURAND, birth MARTIN', () => {
    const s = parseSurname('MARTIN épouse DURAND');
    expect(s.usage?.compact).toBe('durand');
    expect(s.birth?.compact).toBe('martin');
    expect(parseSurname('MARTIN ép. DURAND').usage?.compact).toBe('durand');
  });
  it('DURAND née MARTIN: usage DURAND, birth MARTIN', () => {
    const s = parseSurname('Mme DURAND née MARTIN');
    expect(s.usage?.compact).toBe('durand');
    expect(s.birth?.compact).toBe('martin');
  });
  it('keeps the usage name first, then the birth name of its own field', () => {
    expect(surnameForms('Durand', 'MARTIN').map((f) => f.compact)).toEqual(['durand', 'martin']);
    expect(surnameForms('DURAND (MARTIN)').map((f) => f.compact)).toEqual(['durand', 'martin']);
  });
});

describe('given names', () => {
  it('lists the compound name, its parts and the other given names', () => {
    expect(givenNameForms('Anne-Sophie', ['Claire']).map((f) => f.compact)).toEqual(['annesophie', 'anne', 'sophie', 'claire']);
  });
  it('splits a full name in both orders', () => {
    const s = splitFullName('DUPONT Jean');
    expect(s).toContainEqual({ last: 'dupont', first: 'jean' });
    expect(s).toContainEqual({ last: 'jean', first: 'dupont' });
    expect(splitFullName('Dupont')).toEqual([]);
  });
});

describe('French phonetic code', () => {
  it.each([
    ['Lefebvre', 'Lefèvre'],
    ['Mathieu', 'Matthieu'],
    ['Gauthier', 'Gautier'],
    ['Philippe', 'Filipe'],
    ['Dupont', 'Dupond'],
    ['Caroline', 'Karoline'],
    ['Nicolas', 'Nikolas'],
    ['Maillard', 'Mayard'],
    ['Schmitt', 'Chmit'],
    ['Çelik', 'Celik'],
  ])('%s sounds like %s', (a, b) => {
    expect(phonetic(a)).toBe(phonetic(b));
    expect(phonetic(a)).not.toBe('');
  });
  it.each([
    ['Martin', 'Martine'],
    ['Durand', 'Dupont'],
    ['Jean', 'Jeanne'],
  ])('%s does not sound like %s', (a, b) => {
    expect(phonetic(a)).not.toBe(phonetic(b));
  });
});

describe('class names', () => {
  it('3EME A, 3e A, 3ème-A and 52006$3A are the class 3A', () => {
    for (const c of ['3EME A', '3e A', '3ème-A', '52006$3A', '3a']) expect(classKey(c)).toBe('3a');
    expect(classKey('4B')).not.toBe(classKey('3B'));
  });
});

describe('personKey', () => {
  const base = { category: 'student' as const, lastName: 'LE GALL', firstName: 'Anne-Sophie', birthDate: '2011-04-03' };
  it('is stable across spelling noise that normalisation absorbs', () => {
    expect(personKey(base)).toMatch(/^pk1-[0-9a-f]{16}$/);
    expect(personKey({ ...base, lastName: 'Le Gall', firstName: 'anne sophie' })).toBe(personKey(base));
    expect(personKey({ ...base, firstName: 'ANNE-SOPHIE' })).toBe(personKey(base));
  });
  it('changes with the birth date, the category or the name', () => {
    expect(personKey({ ...base, birthDate: '2011-03-04' })).not.toBe(personKey(base));
    expect(personKey({ ...base, category: 'guardian' })).not.toBe(personKey(base));
    expect(personKey({ ...base, firstName: 'Anne' })).not.toBe(personKey(base));
  });
});
