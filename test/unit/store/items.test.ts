import { describe, expect, it } from 'vitest';
import { loadDecisions, loadStep, resultRows, setDecision } from '../../../lib/store';
import { freshDb } from './fresh-db';
import { pronote, paired } from './sample';

const store = freshDb('items');

describe('result rows', () => {
  it('gives the writers one row per Pronote person with its decision and numeric Ident', async () => {
    const rid = await paired(store.db);
    await setDecision(store.db, rid, { category: 'student', pronoteId: 'S2', kind: 'manual', entId: 'E-S9' });
    const steps = Object.fromEntries(
      await Promise.all(
        (['teacher', 'student', 'guardian', 'supervisor', 'inspector', 'staff'] as const).map(async (c) => [c, await loadStep(store.db, rid, c)]),
      ),
    );
    const rows = resultRows(steps, await loadDecisions(store.db, rid), pronote);
    expect(rows.map((r) => [r.category, r.pronoteId, r.ident, r.engineEntId, r.decision?.kind])).toEqual([
      ['teacher', 'T1', '11', 'E-T1', undefined],
      ['teacher', 'T2', '12', 'E-T2', undefined],
      ['student', 'S1', '21', 'E-S1', undefined],
      ['student', 'S2', '22', undefined, 'manual'],
    ]);
    // The people's table shows the class (issue 18 point 4): the Pronote person's own.
    expect(rows.filter((r) => r.category === 'student').map((r) => r.className)).toEqual(['3A', '4B']);
  });
});
