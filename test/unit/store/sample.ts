/**
 * A small school for the store's tests: two teachers and two students on each side, the engine's
 * proposals about them (one automatic pair per category, one to review, one without candidate),
 * and `paired`, which stores them as the flow does (files read, then the pairing).
 */
import type { Category, Person } from '../../../lib/core/person';
import { newPerson } from '../../../lib/input/person-draft';
import type { Proposal } from '../../../lib/matching/types';
import { buildStepItems, createRapprochement, type PasserelleDB, saveInput, saveProposals } from '../../../lib/store';

/** A person as a reader gives it, with only what the store's tests look at. */
export function person(
  side: 'pronote' | 'directory',
  category: Category,
  id: string,
  lastName: string,
  firstName: string,
  extra: Partial<Person> = {},
): Person {
  return {
    ...newPerson({ side, source: 'f.xml', location: 'ligne 1', category, id, idKind: side === 'pronote' ? 'IDPN' : 'account', lastName, firstName }),
    ...extra,
  };
}

export const pronote = [
  person('pronote', 'teacher', 'T1', 'Dupont', 'Anne', { raw: { Ident: '11' } }),
  person('pronote', 'teacher', 'T2', 'Martin', 'Julie', { raw: { Ident: '12' } }),
  person('pronote', 'student', 'S1', 'Çelik', 'Zoé', { classes: ['3A'], birthDate: '2012-04-03', raw: { Ident: '21' } }),
  person('pronote', 'student', 'S2', 'Petit', 'Léo', { classes: ['4B'], birthDate: '2011-01-02', raw: { Ident: '22' } }),
];
export const directory = [
  person('directory', 'teacher', 'E-T1', 'DUPONT', 'Anne', { structures: ['0310047H'] }),
  person('directory', 'teacher', 'E-T2', 'MARTIN', 'Julie', { structures: ['0310047H'] }),
  person('directory', 'student', 'E-S1', 'CELIK', 'Zoe', { classes: ['3A'], structures: ['0310047H'] }),
  person('directory', 'student', 'E-S9', 'PETIT', 'Leon', { classes: ['4B'], structures: ['0999999Z'] }),
];
export const proposals: Proposal[] = [
  {
    category: 'teacher',
    pronoteId: 'T1',
    status: 'auto',
    entId: 'E-T1',
    score: 0.99,
    candidates: [{ entId: 'E-T1', score: 0.99, evidence: [{ field: 'lastName', level: 'exact', weight: 6 }] }],
  },
  {
    category: 'teacher',
    pronoteId: 'T2',
    status: 'review',
    entId: 'E-T2',
    score: 0.7,
    candidates: [{ entId: 'E-T2', score: 0.7, evidence: [{ field: 'firstName', level: 'exact', weight: 3 }] }],
    reason: 'homonyms',
  },
  { category: 'student', pronoteId: 'S1', status: 'auto', entId: 'E-S1', score: 0.97, candidates: [{ entId: 'E-S1', score: 0.97, evidence: [] }] },
  { category: 'student', pronoteId: 'S2', status: 'unmatched', score: 0, candidates: [], reason: 'not-in-directory' },
];

/** Stores the sample school (UAI 0310047H, 2026-2027) with both files read and paired; returns its id. */
export async function paired(db: PasserelleDB): Promise<number> {
  const r = await createRapprochement(db, { uai: ' 0310047h', schoolName: 'Collège Zola', year: '2026-2027', mode: 'complet' });
  await saveInput(db, r.id!, 'pronote', pronote, {
    files: ['export.xml'],
    counts: { teacher: 2, student: 2, guardian: 0, supervisor: 0, inspector: 0, staff: 0 },
    notRead: [],
    notes: [],
  });
  await saveInput(db, r.id!, 'directory', directory, {
    files: ['aaf.xml'],
    counts: { teacher: 2, student: 2, guardian: 0, supervisor: 0, inspector: 0, staff: 0 },
    notRead: [],
    notes: [],
    structures: ['0310047H', '0999999Z'],
  });
  await saveProposals(db, r.id!, buildStepItems(proposals, pronote, directory));
  return r.id!;
}
