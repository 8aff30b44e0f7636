import { describe, expect, it } from 'vitest';
import {
  loadDecisions,
  loadStep,
  type PasserelleDB,
  saveInput,
  setDecision,
} from '../../../lib/store';
import { useFreshDb } from './fresh-db';
import { directory, paired } from './sample';

let db: PasserelleDB;
useFreshDb('inputs', (d) => {
  db = d;
});

describe('the inputs of a rapprochement', () => {
  it('a new file replaces the pairing atomically but keeps decisions; a failed write changes nothing', async () => {
    const rid = await paired(db);
    await setDecision(db, rid, { category: 'student', pronoteId: 'S2', kind: 'no-account' });
    const before = await db.rapprochements.get(rid);
    await expect(saveInput(db, 9999, 'pronote', [], { files: [], counts: {} as never, notRead: [], notes: [] })).rejects.toThrow();
    expect(await db.rapprochements.get(rid)).toEqual(before);
    const after = await saveInput(db, rid, 'directory', directory.slice(0, 2), { files: ['autre.xml'], counts: {} as never, notRead: [], notes: [] });
    expect(after.phase).toBe('start');
    expect(await loadStep(db, rid, 'teacher')).toEqual([]);
    expect(await loadDecisions(db, rid)).toHaveLength(1);
  });
});
