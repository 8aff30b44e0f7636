import { describe, expect, it } from 'vitest';
import {
  createRapprochement,
  deleteAllData,
  loadInput,
  openRapprochement,
  PasserelleDB,
  saveProfile,
  setDecision,
  storedCounts,
  updateRapprochement,
  validateStep,
} from '../../../lib/store';
import { useFreshDb } from './fresh-db';
import { paired } from './sample';

let db: PasserelleDB;
let name: string;
useFreshDb('lifecycle', (d, n) => {
  db = d;
  name = n;
});

describe('rapprochement lifecycle and the whole store', () => {
  it('keeps a rapprochement per school and year and reopens the one last used, where the user was', async () => {
    const rid = await paired(db);
    await updateRapprochement(db, rid, { currentStep: 1, position: 7 });
    const other = await createRapprochement(db, { uai: '0690001A', schoolName: 'Lycée B', year: '2025-2026', mode: 'partiel' });
    expect((await openRapprochement(db))?.id).toBe(other.id);
    db.close();
    db = new PasserelleDB(name);
    const reopened = await openRapprochement(db);
    expect(reopened?.uai).toBe('0690001A');
    const first = await db.rapprochements.get(rid);
    expect(first).toMatchObject({ uai: '0310047H', year: '2026-2027', mode: 'complet', phase: 'steps', currentStep: 1, position: 7 });
    expect(await loadInput(db, rid, 'pronote')).toHaveLength(4);
  });

  it('says what is stored and deletes all of it', async () => {
    const rid = await paired(db);
    await setDecision(db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2' });
    await validateStep(db, rid, 'teacher');
    await saveProfile(db, 'Export maison', 'pronote', { fields: { id: 'Code' } });
    expect(await storedCounts(db)).toEqual({ rapprochements: 1, schools: 1, persons: 8, decisions: 1, remembered: 1, profiles: 1 });
    await deleteAllData(db);
    expect(await storedCounts(db)).toEqual({ rapprochements: 0, schools: 0, persons: 0, decisions: 0, remembered: 0, profiles: 0 });
    expect(await openRapprochement(db)).toBeUndefined();
  });
});
