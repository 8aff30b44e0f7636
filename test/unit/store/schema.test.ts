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

describe('schema migrations', () => {
  it('opens a version 1 database and upgrades its rows', async () => {
    const old = new Dexie(name + '-v1');
    old.version(1).stores(SCHEMA_V1);
    await old.open();
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
    old.close();
    const upgraded = new PasserelleDB(name + '-v1');
    const r = await openRapprochement(upgraded);
    expect(r).toMatchObject({ updatedAt: '2025-09-01T10:00:00.000Z', phase: 'steps', position: 0, currentStep: 0 });
    expect(upgraded.verno).toBe(5);
    expect(await findRemembered(upgraded, '0310047H', 'teacher', 'T1')).toMatchObject({ personKey: '' });
    upgraded.close();
    await Dexie.delete(name + '-v1');
  });
});

describe('schema v3', () => {
  it('splits the steps of a version 2 database into chunks, in order', async () => {
    const old = new Dexie(name + '-v2');
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.open();
    const items = buildStepItems(
      Array.from(
        { length: STEP_CHUNK * 2 + 5 },
        (_, i): Proposal => ({ category: 'guardian', pronoteId: `G${i}`, status: 'unmatched', score: 0, candidates: [] }),
      ),
      Array.from({ length: STEP_CHUNK * 2 + 5 }, (_, i) => person('pronote', 'guardian', `G${i}`, `Nom${i}`, 'P')),
      [],
    ).guardian;
    await old.table('steps').put({ rid: 1, category: 'guardian', items });
    old.close();
    const upgraded = new PasserelleDB(name + '-v2');
    const loaded = await loadStep(upgraded, 1, 'guardian');
    expect(loaded.map((i) => i.proposal.pronoteId)).toEqual(items.map((i) => i.proposal.pronoteId));
    expect(await upgraded.stepChunks.count()).toBe(3);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('steps');
    upgraded.close();
    await Dexie.delete(name + '-v2');
  });
});

describe('schema v4', () => {
  it('turns the persons and step items of a version 3 database into JSON text, unchanged', async () => {
    const old = new Dexie(name + '-v3');
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.open();
    const items = buildStepItems(proposals, pronote, directory);
    await old.table('inputs').put({ rid: 1, side: 'pronote', persons: pronote });
    await old.table('stepChunks').put({ rid: 1, category: 'teacher', chunk: 0, items: items.teacher });
    old.close();
    const upgraded = new PasserelleDB(name + '-v3');
    expect(await loadInput(upgraded, 1, 'pronote')).toEqual(pronote);
    expect(await loadStep(upgraded, 1, 'teacher')).toEqual(JSON.parse(JSON.stringify(items.teacher)));
    const row = await upgraded.stepChunks.get([1, 'teacher', 0]);
    expect(typeof row?.json).toBe('string');
    expect(row).not.toHaveProperty('items');
    upgraded.close();
    await Dexie.delete(name + '-v3');
  });
});
