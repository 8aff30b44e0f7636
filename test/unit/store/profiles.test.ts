import { afterEach, describe, expect, it, vi } from 'vitest';
import { listProfiles, saveProfile } from '../../../lib/store';
import { freshDb } from './fresh-db';

const store = freshDb('profiles');

afterEach(() => {
  vi.useRealTimers();
});

/** Saves at a given time, so that "newest first" does not depend on the clock's resolution. */
async function saveAt(iso: string, name: string, side: 'pronote' | 'directory', profile: unknown): Promise<number> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await saveProfile(store.db, name, side, profile);
  } finally {
    vi.useRealTimers();
  }
}

describe('mapping profiles', () => {
  it('keeps one profile per name and side: saving the same name again replaces it, the other side keeps its own', async () => {
    const first = await saveAt('2026-09-01T10:00:00.000Z', 'Export maison', 'pronote', { fields: { id: 'Code' } });
    await saveAt('2026-09-01T11:00:00.000Z', 'Export maison', 'directory', { fields: { id: 'Login' } });
    const again = await saveAt('2026-09-01T12:00:00.000Z', 'Export maison', 'pronote', { fields: { id: 'Numéro' } });
    expect(again).toBe(first);
    const profiles = await listProfiles(store.db);
    expect(profiles.map((p) => [p.name, p.side, p.profile])).toEqual([
      ['Export maison', 'pronote', { fields: { id: 'Numéro' } }],
      ['Export maison', 'directory', { fields: { id: 'Login' } }],
    ]);
  });

  it('lists the profiles newest first', async () => {
    await saveAt('2026-09-02T08:00:00.000Z', 'B', 'pronote', {});
    await saveAt('2026-09-03T08:00:00.000Z', 'C', 'pronote', {});
    await saveAt('2026-09-01T08:00:00.000Z', 'A', 'pronote', {});
    expect((await listProfiles(store.db)).map((p) => [p.name, p.savedAt])).toEqual([
      ['C', '2026-09-03T08:00:00.000Z'],
      ['B', '2026-09-02T08:00:00.000Z'],
      ['A', '2026-09-01T08:00:00.000Z'],
    ]);
  });
});
