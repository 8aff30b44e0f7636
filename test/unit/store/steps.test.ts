import { describe, expect, it } from 'vitest';
import { cancelStep, findRemembered, loadDecisions, loadStep, removeDecision, reopenStep, setDecision, validateStep } from '../../../lib/store';
import { freshDb } from './fresh-db';
import { paired } from './sample';

const store = freshDb('steps');

describe('the steps', () => {
  it('stores the proposals per step with the persons they name', async () => {
    const rid = await paired(store.db);
    const teachers = await loadStep(store.db, rid, 'teacher');
    expect(teachers.map((i) => [i.proposal.pronoteId, i.person.lastName, i.candidates[0]?.lastName])).toEqual([
      ['T1', 'Dupont', 'DUPONT'],
      ['T2', 'Martin', 'MARTIN'],
    ]);
    expect(await loadStep(store.db, rid, 'guardian')).toEqual([]);
  });

  it('cancelling a step keeps the validated ones and every decision', async () => {
    const rid = await paired(store.db);
    await validateStep(store.db, rid, 'teacher');
    await setDecision(store.db, rid, { category: 'student', pronoteId: 'S2', kind: 'manual', entId: 'E-S9' });
    const after = await cancelStep(store.db, rid, 'student');
    expect(after.steps).toMatchObject({ teacher: 'validated', student: 'cancelled', guardian: 'pending' });
    expect(after.phase).toBe('results');
    expect(await loadDecisions(store.db, rid)).toHaveLength(1);
  });
});

describe('reopening a validated step', () => {
  it('makes it pending and shown, takes back what its validation remembered, and lets it change again', async () => {
    const rid = await paired(store.db);
    await setDecision(store.db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2' });
    const validated = await validateStep(store.db, rid, 'teacher');
    expect(validated.currentStep).toBe(1);
    expect(await findRemembered(store.db, '0310047H', 'teacher', 'T2')).toMatchObject({ kind: 'confirmed' });

    const reopened = await reopenStep(store.db, rid, 'teacher');
    expect(reopened).toMatchObject({ phase: 'steps', currentStep: 0, position: 0 });
    expect(reopened.steps.teacher).toBe('pending');
    expect(await findRemembered(store.db, '0310047H', 'teacher', 'T2')).toBeUndefined();
    // Pending again: the decision can be undone, and validating remembers what is decided then.
    await removeDecision(store.db, rid, 'teacher', 'T2');
    await setDecision(store.db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'no-account' });
    await validateStep(store.db, rid, 'teacher');
    expect(await findRemembered(store.db, '0310047H', 'teacher', 'T2')).toMatchObject({ kind: 'no-account' });
  });
});
