import { describe, expect, it } from 'vitest';
import { loadDecisions, loadStep, saveInput, setDecision } from '../../../lib/store';
import { freshDb } from './fresh-db';
import { directory, paired } from './sample';

const store = freshDb('inputs');

describe('the inputs of a rapprochement', () => {
  it('a new file replaces the pairing atomically but keeps decisions; a failed write changes nothing', async () => {
    const rid = await paired(store.db);
    await setDecision(store.db, rid, { category: 'student', pronoteId: 'S2', kind: 'no-account' });
    const before = await store.db.rapprochements.get(rid);
    await expect(saveInput(store.db, 9999, 'pronote', [], { files: [], counts: {} as never, notRead: [], notes: [] })).rejects.toThrow();
    expect(await store.db.rapprochements.get(rid)).toEqual(before);
    const after = await saveInput(store.db, rid, 'directory', directory.slice(0, 2), { files: ['autre.xml'], counts: {} as never, notRead: [], notes: [] });
    expect(after.phase).toBe('start');
    expect(await loadStep(store.db, rid, 'teacher')).toEqual([]);
    expect(await loadDecisions(store.db, rid)).toHaveLength(1);
  });
});
