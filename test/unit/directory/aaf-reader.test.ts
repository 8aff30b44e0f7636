import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DirectoryReadResult, readDirectory } from '../../../lib/directory';
import type { InputFile } from '../../../lib/input/source';
import { InputError, type Person } from '../../../lib/core/person';

const DIR = '../shared/data/aaf-entcore/';
const names = readdirSync(DIR).filter((f) => f.endsWith('.xml'));
const load = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(DIR + name)) });

/** addRequest elements per categoriePersonne, counted from the files independently of the reader. */
function countAddRequests(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of names) {
    const text = readFileSync(DIR + name, 'utf8');
    for (const m of text.matchAll(/<addRequest>[\s\S]*?<\/addRequest>/g)) {
      const cat = /name="categoriePersonne"><value>(\w+)</.exec(m[0])?.[1];
      if (cat) counts[cat] = (counts[cat] ?? 0) + 1;
    }
  }
  return counts;
}

describe('AAF directory (../shared/data/aaf-entcore, every file)', () => {
  let r: DirectoryReadResult;
  const byId = new Map<string, Person>();
  beforeAll(() => {
    // reversed order: the reader must not depend on students coming before guardians
    r = readDirectory([...names].reverse().map(load));
    for (const p of r.persons) byId.set(p.id, p);
  });

  it('reads as many persons per category as there are addRequest elements', () => {
    const expected = countAddRequests();
    expect(expected).toEqual({ Eleve: 642, PersRelEleve: 9975, PersEducNat: 701 });
    const count = (...cats: string[]) => r.persons.filter((p) => cats.includes(p.category)).length;
    expect(count('student')).toBe(expected.Eleve);
    expect(count('guardian')).toBe(expected.PersRelEleve);
    expect(count('teacher', 'staff')).toBe(expected.PersEducNat);
    expect(r.notRead).toEqual([]);
  });

  it('tells teachers from staff by PersEducNatPresenceDevantEleves', () => {
    let o = 0;
    for (const name of names.filter((n) => n.includes('PersEducNat')))
      o += readFileSync(DIR + name, 'utf8').match(/PresenceDevantEleves"><value>O</g)?.length ?? 0;
    expect(r.persons.filter((p) => p.category === 'teacher')).toHaveLength(o);
    expect(byId.get('2397000')?.category).toBeDefined();
  });

  it('skips the structure, subject and MEF files with a note', () => {
    const skipped = r.notes.filter((n) => /EtabEducNat|MatEducNat|MefEducNat/.test(n.message.fr));
    expect(skipped.map((n) => n.source).sort()).toEqual(names.filter((n) => /EtabEducNat|MatiereEducNat|MefEducNat/.test(n)).sort());
    expect(skipped[0].message.fr).toContain('ne contient pas de personnes');
  });

  it('maps the fields of a student, with classes without the structure prefix and legal links', () => {
    const s = byId.get('2605692')!;
    expect(s).toMatchObject({
      category: 'student',
      idKind: 'account',
      lastName: 'Long',
      birthName: 'AZOT',
      firstName: 'Kù',
      otherFirstNames: ['Jetsmao', 'Xzuzcosvo', 'Pykewi'],
      birthDate: '1995-09-14',
      civility: 'Mlle',
      classes: ['RUS1TERM'],
      source: 'FULL_ENTTSSERVICES_Complet_20130117_Eleve_0001.xml',
      location: 'addRequest[1], l. 5',
    });
    // ENTPersonStructRattach 52006, given as its UAI by the EtabEducNat file; never the per-student
    // ENTEleveStructRattachId (837982).
    expect(s.structures).toEqual(['0059951P']);
    expect(s.guardians).toEqual([
      { id: '2867253', legal: true },
      { id: '2867254', legal: false },
    ]);
    expect(s.raw.ENTEleveLibelleMEF).toBe('1CAP2  COIFFURE');
  });

  it('fills guardians’ children from the students’ links, across files', () => {
    let checked = 0;
    for (const s of r.persons.filter((p) => p.category === 'student')) {
      for (const rel of s.guardians) {
        const g = byId.get(rel.id);
        if (!g) continue;
        expect(g.category).toBe('guardian');
        expect(g.children).toContainEqual({ id: s.id, legal: rel.legal });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
    const guardian = r.persons.find((p) => p.category === 'guardian' && p.children.length > 0)!;
    expect(guardian.birthDate).toBeUndefined();
    expect(guardian.structures.length).toBeGreaterThan(0);
  });

  it('decodes entities in values and keeps guardians’ usage and birth names apart', () => {
    const g = byId.get('1986923')!;
    expect(g).toMatchObject({ lastName: 'Nichols', birthName: 'LYBLE', firstName: 'Mélodie', civility: 'M.', postalCode: '04100' });
    const withAmp = r.persons.find((p) => p.raw.ENTEleveLibelleMEF?.includes('&'));
    expect(withAmp?.raw.ENTEleveLibelleMEF).toMatch(/ & /);
    expect(r.structures).toContain('0059951P');
  });

  it('counts the feed’s ten schools, by UAI, with their names', () => {
    expect(r.structures).toEqual(['0049951V', '0049952W', '0059951P', '0059952R', '1004001V', '1004002D', '1005001R', '1005002Z', '1013001F', '1013002Z']);
    expect(r.structureNames?.['1004001V']).toBe('Z.REMP-DIGNE-AIX_MARS.');
    // Every student and guardian with a link sits in one of them.
    const students = r.persons.filter((p) => p.category === 'student');
    expect(students.every((p) => p.structures.length === 1 && r.structures.includes(p.structures[0]))).toBe(true);
  });

  it('keeps the feed’s structure ids when the EtabEducNat file is not given', () => {
    const alone = readDirectory(names.filter((n) => n.includes('_Eleve_')).map(load));
    expect(alone.structures).toEqual(['52000', '52001', '52002', '52003', '52004', '52005', '52006', '52007', '52008', '52009']);
  });

  it('refuses a Pronote export given as a directory, saying what it looks like', () => {
    const bytes = new TextEncoder().encode(
      '<EXPORT_IDENTIFIANTS><Eleves><Eleve Ident="1" IDPN="74CPUWN8RAJQVM5K" Nom="A" Prenom="B"/></Eleves></EXPORT_IDENTIFIANTS>',
    );
    try {
      readDirectory([{ name: 'export.xml', bytes }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).userMessage.fr).toContain('ressemble à un export Pronote');
    }
  });
});

describe('AAF records written another way read the same', () => {
  // The reader reads the usual layout (`<attr name="N"><value>…</value></attr>`) without regular
  // expressions and any other spelling with them: both must give the same persons, raw records included.
  it('single quotes and blanks inside tags, on every file of ../shared/data/aaf-entcore', () => {
    // Blanks around some values too (read the same: values are trimmed), in both spellings.
    const padded = (name: string) => readFileSync(DIR + name, 'utf8').replace(/<value>([^<]*9[^<]*)<\/value>/g, '<value>\n $1\t</value>');
    const usual = readDirectory(names.map((name) => ({ name, bytes: new TextEncoder().encode(padded(name)) })));
    const other = readDirectory(
      names.map((name) => {
        const text = padded(name)
          .replace(/<attr name="([^"]*)">/g, "<attr  name='$1' >")
          .replace(/<value>/g, '<value >')
          .replace(/<\/attr>/g, '</attr >');
        return { name, bytes: new TextEncoder().encode(text) };
      }),
    );
    expect(usual.persons.length).toBe(642 + 9975 + 701);
    expect(usual.persons.map((p) => [p.id, p.lastName, p.firstName, p.birthDate])).toEqual(
      readDirectory(names.map(load)).persons.map((p) => [p.id, p.lastName, p.firstName, p.birthDate]),
    );
    expect(other.persons).toEqual(usual.persons);
    expect(other.persons.map((p) => Object.keys(p.raw))).toEqual(usual.persons.map((p) => Object.keys(p.raw)));
    expect(other.notRead).toEqual(usual.notRead);
    expect(other.notes).toEqual(usual.notes);
  });
});
