/** The mapping profiles the user confirmed (how an export of another layout reads), saved by name; no personal data. */
import type { Side } from '../core/person';
import type { PasserelleDB } from './schema';
import { now } from './transaction';

/** Saves a confirmed mapping profile under a name (replacing one of the same name and side). */
export async function saveProfile(db: PasserelleDB, name: string, side: Side, profile: unknown): Promise<number> {
  return db.transaction('rw', db.profiles, async () => {
    const same = (await db.profiles.where('name').equals(name).toArray()).find((p) => p.side === side);
    return db.profiles.put({ id: same?.id, name, side, profile, savedAt: now() });
  });
}

/** The saved profiles, newest first. */
export async function listProfiles(db: PasserelleDB) {
  return (await db.profiles.toArray()).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
