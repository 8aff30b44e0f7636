/**
 * Guardians paired through the student–guardian links in every form and direction (issue 13,
 * point 1): a partner export read by `lib/pronote` with the links on the student
 * (`<Responsable Ident>`), on the guardian (`<Eleve Ident>`, `<Enfant>`, `Enfants="a,b"`) or
 * nowhere, against a directory whose links sit on the student (`ENTElevePersRelEleve`), on the
 * guardian, or both. With links, each guardian pairs through its children past a namesake of
 * another family; without, the guardian of the paired students pairs by name when the name is
 * unique among them, and goes to review when it is not.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/core/person';
import { match, type Proposal } from '../../../lib/matching';
import { readPronoteExport } from '../../../lib/pronote';
import { ent, filler, type P, pronote } from './persons';

/** Three students, four guardians; PG4 is the grandmother, linked to nobody in Pronote. */
const KIDS: Record<string, string[]> = { G1: ['S1', 'S2'], G2: ['S1', 'S2'], G3: ['S3'] };
const GUARDIANS = [
  { ident: 'G1', nom: 'ROUSSEL', prenom: 'Olivier', sexe: 'M' },
  { ident: 'G2', nom: 'ROUSSEL', prenom: 'Claire', sexe: 'F' },
  { ident: 'G3', nom: 'NGUYEN', prenom: 'Thi Mai', sexe: 'F' },
];
const STUDENTS = [
  { ident: 'S1', nom: 'ROUSSEL', prenom: 'Manon', date: '14/02/2011', classe: '6A' },
  { ident: 'S2', nom: 'ROUSSEL', prenom: 'Hugo', date: '03/09/2013', classe: '4B' },
  { ident: 'S3', nom: 'NGUYEN', prenom: 'Linh', date: '20/05/2012', classe: '5C' },
];

type Form = 'student' | 'guardian-eleve' | 'guardian-enfant' | 'guardian-enfants-list' | 'guardian-attribute' | 'none';

/** The partner export with the links written in `form`. */
function exportText(form: Form): string {
  const parentsOf = (s: string) => Object.keys(KIDS).filter((g) => KIDS[g].includes(s));
  const students = STUDENTS.map((s) => {
    const links =
      form === 'student'
        ? parentsOf(s.ident)
            .map((g) => `<Responsable Ident="${g}"/>`)
            .join('')
        : '';
    return `<Eleve Ident="${s.ident}" IDPN="P${s.ident}" Nom="${s.nom}" Prenom="${s.prenom}" DateNaissance="${s.date}"><Classe Nom="${s.classe}"/>${links}</Eleve>`;
  }).join('');
  const guardians = GUARDIANS.map((g) => {
    const kids = KIDS[g.ident];
    const attrs = form === 'guardian-attribute' ? ` Enfants="${kids.join(',')}"` : '';
    const inner =
      form === 'guardian-eleve'
        ? kids.map((k) => `<Eleve Ident="${k}"/>`).join('')
        : form === 'guardian-enfant'
          ? kids.map((k) => `<Enfant>${k}</Enfant>`).join('')
          : form === 'guardian-enfants-list'
            ? `<Enfants>${kids.join(';')}</Enfants>`
            : '';
    return `<Responsable Ident="${g.ident}" IDPN="P${g.ident}" Nom="${g.nom}" Prenom="${g.prenom}" Sexe="${g.sexe}"${attrs}>${inner}</Responsable>`;
  }).join('');
  return `<EXPORT_IDENTIFIANTS><Eleves>${students}</Eleves><Responsables>${guardians}</Responsables></EXPORT_IDENTIFIANTS>`;
}

const read = (form: Form) => readPronoteExport([{ name: 'export.xml', bytes: new TextEncoder().encode(exportText(form)) }]);

type DirLinks = 'student' | 'guardian' | 'both';

/**
 * The ENT side: the three students and their guardians among 300 other students and 300 other
 * guardians, and a namesake of each Pronote guardian, of another family (linked to another student).
 */
function directory(links: DirLinks): Person[] {
  const onStudent = links !== 'guardian';
  const onGuardian = links !== 'student';
  const parents: Record<string, string[]> = { E1: ['A1', 'A2'], E2: ['A1', 'A2'], E3: ['A3'], E9: ['A9', 'A10', 'A11'] };
  const kids: Record<string, string[]> = { A1: ['E1', 'E2'], A2: ['E1', 'E2'], A3: ['E3'], A9: ['E9'], A10: ['E9'], A11: ['E9'] };
  const g = (id: string) => (onStudent ? parents[id] : undefined);
  const c = (id: string) => (onGuardian ? kids[id] : undefined);
  return [
    ...filler(300),
    ...filler(300, 'guardian').map((p) => ({ ...p, id: `FG${p.id}` })),
    ent('student', { id: 'E1', last: 'Roussel', first: 'Manon', birth: '2011-02-14', classes: ['6A'], guardians: g('E1') }),
    ent('student', { id: 'E2', last: 'Roussel', first: 'Hugo', birth: '2013-09-03', classes: ['4B'], guardians: g('E2') }),
    ent('student', { id: 'E3', last: 'Nguyen', first: 'Linh', birth: '2012-05-20', classes: ['5C'], guardians: g('E3') }),
    ent('student', { id: 'E9', last: 'Roussel', first: 'Jeanne', birth: '2010-10-10', classes: ['3A'], guardians: g('E9') }),
    ent('guardian', { id: 'A1', last: 'Roussel', first: 'Olivier', sex: 'M', children: c('A1') }),
    ent('guardian', { id: 'A2', last: 'Roussel', first: 'Claire', sex: 'F', children: c('A2') }),
    ent('guardian', { id: 'A3', last: 'Nguyen', first: 'Thi Mai', sex: 'F', children: c('A3') }),
    // Namesakes of another family: the cousin's parents.
    ent('guardian', { id: 'A9', last: 'Roussel', first: 'Olivier', sex: 'M', children: c('A9') }),
    ent('guardian', { id: 'A10', last: 'Roussel', first: 'Claire', sex: 'F', children: c('A10') }),
    ent('guardian', { id: 'A11', last: 'Nguyen', first: 'Thi Mai', sex: 'F', children: c('A11') }),
  ];
}

const byId = (proposals: Proposal[]) => new Map(proposals.map((p) => [p.pronoteId, p]));
const WANT: Record<string, string> = { PG1: 'A1', PG2: 'A2', PG3: 'A3' };

describe('links in every form of the export, against directory links on either side', () => {
  const FORMS: Form[] = ['student', 'guardian-eleve', 'guardian-enfant', 'guardian-enfants-list', 'guardian-attribute'];
  for (const form of FORMS) {
    it.each<DirLinks>(['student', 'guardian', 'both'])(`export links ${form}, directory links on the %s: each guardian through its children`, (dirLinks) => {
      const r = read(form);
      expect(r.guardianLinks).toEqual({ guardians: 3, linked: 3 });
      const res = byId(match({ pronote: r.persons, directory: directory(dirLinks) }).proposals);
      for (const s of ['PS1', 'PS2', 'PS3']) expect(res.get(s)?.status).toBe('auto');
      for (const [p, e] of Object.entries(WANT)) {
        const got = res.get(p)!;
        expect(got).toMatchObject({ status: 'auto', entId: e });
        expect(got.candidates[0].evidence.find((x) => x.field === 'children')?.level).toBe('exact');
      }
    });
  }

  it('the link read from the guardian side is completed on the student, and the reverse', () => {
    const linked = (persons: Person[], id: string, field: 'children' | 'guardians') => {
      const links = persons.find((p) => p.id === id)?.[field] ?? [];
      return links.map((g) => g.id).sort();
    };
    expect(linked(read('guardian-enfant').persons, 'PS1', 'guardians')).toEqual(['PG1', 'PG2']);
    expect(linked(read('student').persons, 'PG1', 'children')).toEqual(['PS1', 'PS2']);
  });
});

describe('no link in the export', () => {
  it('is said, and the guardians of the paired students pair by a name unique among them', () => {
    const r = read('none');
    expect(r.guardianLinks).toEqual({ guardians: 3, linked: 0 });
    // Each namesake belongs to another family: among the guardians of the paired students (the
    // school's scope), each name is met once.
    const dir = directory('both').filter((p) => !['A9', 'A10', 'A11', 'E9'].includes(p.id));
    dir.push(
      ent('guardian', { id: 'A9', last: 'Roussel', first: 'Olivier', sex: 'M' }),
      ent('guardian', { id: 'A11', last: 'Nguyen', first: 'Thi Mai', sex: 'F' }),
    );
    const res = byId(match({ pronote: r.persons, directory: dir }).proposals);
    for (const [p, e] of Object.entries(WANT)) expect(res.get(p)).toMatchObject({ status: 'auto', entId: e });
  });

  it('a name met twice among the guardians of the paired students goes to review, right account offered', () => {
    const r = read('none');
    const dir = directory('both');
    // The cousin is a student of the school too: once she is paired, her parents are in scope,
    // namesakes of PG1–PG3.
    const pro = [
      ...r.persons,
      { ...r.persons.find((p) => p.id === 'PS1')!, id: 'PS9', firstName: 'Jeanne', birthDate: '2010-10-10', classes: ['3A'], guardians: [] },
    ];
    const res = byId(match({ pronote: pro, directory: dir }).proposals);
    expect(res.get('PS9')).toMatchObject({ status: 'auto', entId: 'E9' });
    for (const [p, e] of Object.entries({ PG1: 'A1', PG2: 'A2' })) {
      const got = res.get(p)!;
      expect(got.status).toBe('review');
      expect(got.candidates.map((c) => c.entId)).toContain(e);
    }
    // Thi Mai Nguyen's namesake is of the cousin's family too: in scope, so reviewed as well.
    expect(res.get('PG3')!.status).toBe('review');
  });
});

describe('a guardian with no paired child, and the Pronote email', () => {
  // No link in the export; a directory of several schools holds her account and a dozen namesakes
  // of other families, so that names and email together stay under the unlinked threshold.
  const pro = [pronote('guardian', { id: 'PG', last: 'BERNARD', first: 'Emma', sex: 'F', email: 'emma.bernard@example.net' })];
  const namesakes = Array.from({ length: 12 }, (_, i) =>
    ent('guardian', { id: `N${i}`, last: 'Bernard', first: 'Emma', sex: 'F', email: `n${i}@example.org` }),
  );
  const accounts = (mine: Partial<P>, withNamesakes: boolean) => [
    ...filler(3000, 'guardian').map((p) => ({ ...p, id: `FG${p.id}`, email: `fg${p.id}@example.org` })),
    ent('guardian', { id: 'A1', last: 'BERNARD', first: 'EMMA', sex: 'F', email: 'emma.bernard@example.net', ...mine }),
    ...(withNamesakes ? namesakes : []),
  ];
  const got = (mine: Partial<P> = {}, who = pro, withNamesakes = true) => match({ pronote: who, directory: accounts(mine, withNamesakes) }).proposals[0];

  it('is paired when the email is the account’s and both names are equal', () => {
    expect(got()).toMatchObject({ status: 'auto', entId: 'A1' });
  });
  it('goes to review without the email: thirteen accounts of that name', () => {
    const r = got({}, [{ ...pro[0], email: undefined }]);
    expect(r).toMatchObject({ status: 'review', reason: 'homonyms' });
  });
  it('the same email with another given name (a couple’s shared address) does not vouch', () => {
    expect(got({ first: 'Hervé' }, pro, false).status).not.toBe('auto');
  });
  it('the same email with one part of a double surname is not enough either', () => {
    expect(got({ last: 'BERNARD-GUERMEUR' }).status).not.toBe('auto');
  });
});
