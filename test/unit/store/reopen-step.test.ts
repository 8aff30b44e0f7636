
import { describe, expect, it } from 'vitest';
import type { Category, Person } from '../../../lib/core/person';
import type { Proposal } from '../../../lib/matching/types';
import {
  buildStepItems,
  createRapprochement,
  findRemembered,
  type PasserelleDB,
  removeDecision,
  reopenStep,
  saveInput,
  saveProposals,
  setDecision,
  validateStep,
} from '../../../lib/store';
import { useFreshDb } from './fresh-db';

function person(side: 'pronote' | 'directory', category: Category, id: string, lastName: string, firstName: string): Person {
  return {
    side, source: 'f.xml', location: 'ligne 1', category, id, idKind: side === 'pronote' ? 'IDPN' : 'account',
    lastName, firstName, otherFirstNames: [], classes: [], children: [], guardians: [], structures: [], raw: {},
  };
}
const counts = { teacher: 2, student: 0, guardian: 0, supervisor: 0, inspector: 0, staff: 0 };
const pronote = [person('pronote', 'teacher', 'T1', 'Dupont', 'Anne'), person('pronote', 'teacher', 'T2', 'Martin', 'Julie')];
const directory = [person('directory', 'teacher', 'E-T1', 'DUPONT', 'Anne'), person('directory', 'teacher', 'E-T2', 'MARTIN', 'Julie')];
const proposals: Proposal[] = [
  { category: 'teacher', pronoteId: 'T1', status: 'auto', entId: 'E-T1', score: 0.99, candidates: [{ entId: 'E-T1', score: 0.99, evidence: [] }] },
  { category: 'teacher', pronoteId: 'T2', status: 'review', entId: 'E-T2', score: 0.7, candidates: [{ entId: 'E-T2', score: 0.7, evidence: [] }], reason: 'homonyms' },
];

let db: PasserelleDB;
useFreshDb('reopen', (d) => {
  db = d;
});

describe('reopening a validated step', () => {
  it('makes it pending and shown, takes back what its validation remembered, and lets it change again', async () => {
    const r = await createRapprochement(db, { uai: '0310047H', schoolName: 'Collège Zola', year: '2026-2027', mode: 'complet' });
    const rid = r.id!;
    await saveInput(db, rid, 'pronote', pronote, { files: ['e.xml'], counts, notRead: [], notes: [] });
    await saveInput(db, rid, 'directory', directory, { files: ['a.xml'], counts, notRead: [], notes: [] });
    await saveProposals(db, rid, buildStepItems(proposals, pronote, directory));
    await setDecision(db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2' });
    const validated = await validateStep(db, rid, 'teacher');
    expect(validated.currentStep).toBe(1);
    expect(await findRemembered(db, '0310047H', 'teacher', 'T2')).toMatchObject({ kind: 'confirmed' });

    const reopened = await reopenStep(db, rid, 'teacher');
    expect(reopened).toMatchObject({ phase: 'steps', currentStep: 0, position: 0 });
    expect(reopened.steps.teacher).toBe('pending');
    expect(await findRemembered(db, '0310047H', 'teacher', 'T2')).toBeUndefined();
    // Pending again: the decision can be undone, and validating remembers what is decided then.
    await removeDecision(db, rid, 'teacher', 'T2');
    await setDecision(db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'no-account' });
    await validateStep(db, rid, 'teacher');
    expect(await findRemembered(db, '0310047H', 'teacher', 'T2')).toMatchObject({ kind: 'no-account' });
  });
});
