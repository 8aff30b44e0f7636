/**
 * A new, empty store for each test of the calling file (fake-indexeddb, set up in the test setup),
 * deleted after the test: `use` receives the open database and its name before each test.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { PasserelleDB } from '../../../lib/store/schema';

export function useFreshDb(prefix: string, use: (db: PasserelleDB, name: string) => void): void {
  let db: PasserelleDB | undefined;
  let name = '';
  beforeEach(async () => {
    name = `${prefix}-${Math.random()}`;
    db = new PasserelleDB(name);
    await db.open();
    use(db, name);
  });
  afterEach(async () => {
    db?.close();
    await Dexie.delete(name);
  });
}

/**
 * {@link useFreshDb} as an object to read in each test: `const store = freshDb('steps')`, then
 * `store.db` (the test's open database) and `store.name`.
 */
export function freshDb(prefix: string): { readonly db: PasserelleDB; readonly name: string } {
  const current = { db: undefined as unknown as PasserelleDB, name: '' };
  useFreshDb(prefix, (db, name) => {
    current.db = db;
    current.name = name;
  });
  return current;
}
