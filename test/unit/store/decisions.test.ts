import { describe, expect, it } from 'vitest';
import { findRemembered, loadDecisions, rememberedDecisions, removeDecision, setDecision, StepFrozenError, validateStep } from '../../../lib/store';
import { freshDb } from './fresh-db';
import { paired } from './sample';

const store = freshDb('decisions');

describe('decisions and remembered decisions', () => {
  it('records and undoes decisions until the step is validated, then refuses to change it', async () => {
    const rid = await paired(store.db);
    await setDecision(store.db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2', personKey: 'k-t2' });
    await setDecision(store.db, rid, { category: 'teacher', pronoteId: 'T1', kind: 'rejected', entId: 'E-T1' });
    await removeDecision(store.db, rid, 'teacher', 'T1');
    expect((await loadDecisions(store.db, rid)).map((d) => [d.pronoteId, d.kind])).toEqual([['T2', 'confirmed']]);
    expect((await loadDecisions(store.db, rid))[0].decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    const after = await validateStep(store.db, rid, 'teacher');
    expect(after.steps.teacher).toBe('validated');
    expect(after.currentStep).toBe(1);
    await expect(setDecision(store.db, rid, { category: 'teacher', pronoteId: 'T1', kind: 'no-account' })).rejects.toBeInstanceOf(StepFrozenError);
    await expect(removeDecision(store.db, rid, 'teacher', 'T2')).rejects.toBeInstanceOf(StepFrozenError);
    expect(await loadDecisions(store.db, rid, 'teacher')).toHaveLength(1);
  });

  it('remembers validated decisions for the school, by Pronote id and by person key', async () => {
    const rid = await paired(store.db);
    await setDecision(store.db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2', personKey: 'k-t2' });
    await setDecision(store.db, rid, { category: 'student', pronoteId: 'S2', kind: 'no-account', personKey: 'k-s2' });
    await validateStep(store.db, rid, 'teacher');
    // not validated: not remembered
    expect((await rememberedDecisions(store.db, '0310047H')).map((d) => d.pronoteId)).toEqual(['T2']);
    expect(await findRemembered(store.db, '0310047h', 'teacher', 'RENUMBERED', 'k-t2')).toMatchObject({ entId: 'E-T2', year: '2026-2027' });
    expect(await findRemembered(store.db, '0310047H', 'teacher', 'T2')).toMatchObject({ kind: 'confirmed' });
    expect(await findRemembered(store.db, '0310047H', 'student', 'X', 'k-t2')).toBeUndefined();
  });
});
