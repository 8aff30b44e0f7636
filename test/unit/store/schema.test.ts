import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../lib/matching/types';
import {
  buildStepItems,
  findRemembered,
  loadInput,
  loadStep,
  openRapprochement,
  PasserelleDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  STEP_CHUNK,
} from '../../../lib/store';
import { useFreshDb } from './fresh-db';
import { person, pronote, directory, proposals } from './sample';

let name: string;
useFreshDb('schema', (_d, n) => {
  name = n;
});

/** An open database of schema `version` as an earlier release left it (named after the test's store). */
async function oldDatabase(version: 1 | 2 | 3): Promise<Dexie> {
  const old = new Dexie(`${name}-v${version}`);
  const schemas = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3];
  for (let v = 1; v <= version; v++) old.version(v).stores(schemas[v - 1]);
  await old.open();
  return old;
}

/** Closes `old`, opens it again with today's schema (which upgrades it), runs `check` on it, then deletes it. */
async function afterUpgrade(old: Dexie, check: (db: PasserelleDB) => Promise<void>): Promise<void> {
  old.close();
  const db = new PasserelleDB(old.name);
  try {
    await check(db);
  } finally {
    db.close();
    await Dexie.delete(old.name);
  }
}

describe('schema migrations', () => {
  it('opens a version 1 database and upgrades its rows', async () => {
    const old = await oldDatabase(1);
    await old.table('rapprochements').add({
      uai: '0310047H',
      schoolName: 'A',
      year: '2025-2026',
      mode: 'complet',
      createdAt: '2025-09-01T10:00:00.000Z',
      steps: {},
      pairedAt: '2025-09-01T11:00:00.000Z',
    });
    await old
      .table('remembered')
      .put({ uai: '0310047H', year: '2025-2026', category: 'teacher', pronoteId: 'T1', kind: 'confirmed', entId: 'E', decidedAt: '2025-09-01T10:00:00.000Z' });
    await afterUpgrade(old, async (upgraded) => {
      const r = await openRapprochement(upgraded);
      expect(r).toMatchObject({ updatedAt: '2025-09-01T10:00:00.000Z', phase: 'steps', position: 0, currentStep: 0 });
      expect(upgraded.verno).toBe(5);
      expect(await findRemembered(upgraded, '0310047H', 'teacher', 'T1')).toMatchObject({ personKey: '' });
    });
  });
});

describe('schema v3', () => {
  it('splits the steps of a version 2 database into chunks, in order', async () => {
    const old = await oldDatabase(2);
    const items = buildStepItems(
      Array.from(
        { length: STEP_CHUNK * 2 + 5 },
        (_, i): Proposal => ({ category: 'guardian', pronoteId: `G${i}`, status: 'unmatched', score: 0, candidates: [] }),
      ),
      Array.from({ length: STEP_CHUNK * 2 + 5 }, (_, i) => person('pronote', 'guardian', `G${i}`, `Nom${i}`, 'P')),
      [],
    ).guardian;
    await old.table('steps').put({ rid: 1, category: 'guardian', items });
    await afterUpgrade(old, async (upgraded) => {
      const loaded = await loadStep(upgraded, 1, 'guardian');
      expect(loaded.map((i) => i.proposal.pronoteId)).toEqual(items.map((i) => i.proposal.pronoteId));
      expect(await upgraded.stepChunks.count()).toBe(3);
      expect(upgraded.tables.map((t) => t.name)).not.toContain('steps');
    });
  });
});

describe('schema v4', () => {
  it('turns the persons and step items of a version 3 database into JSON text, unchanged', async () => {
    const old = await oldDatabase(3);
    const items = buildStepItems(proposals, pronote, directory);
    await old.table('inputs').put({ rid: 1, side: 'pronote', persons: pronote });
    await old.table('stepChunks').put({ rid: 1, category: 'teacher', chunk: 0, items: items.teacher });
    await afterUpgrade(old, async (upgraded) => {
      expect(await loadInput(upgraded, 1, 'pronote')).toEqual(pronote);
      expect(await loadStep(upgraded, 1, 'teacher')).toEqual(JSON.parse(JSON.stringify(items.teacher)));
      const row = await upgraded.stepChunks.get([1, 'teacher', 0]);
      expect(typeof row?.json).toBe('string');
      expect(row).not.toHaveProperty('items');
    });
  });
});
