/**
 * The timing of the store's write transactions: the time a write is stamped with, committing as
 * soon as the last writes are issued, and holding a transaction open while the panel draws.
 */
import Dexie from 'dexie';
import type { PasserelleDB } from './schema';

/** This instant as an ISO string, the form of every time the store keeps. */
export const now = () => new Date().toISOString();

/** The longest `saveProposals` waits for its `pause` (ms). */
const PAUSE_MAX_MS = 400;

/**
 * Waits, inside the current transaction, until `pause` settles or `PAUSE_MAX_MS` have passed. The
 * transaction is kept open by small reads (IndexedDB commits a transaction left without requests).
 * Used so that the panel draws the step it was just given before the worker serialises the others:
 * both at once make the panel's tasks long on a machine with few cores.
 */
export async function pauseWithin(db: PasserelleDB, rid: number, pause: Promise<unknown>): Promise<void> {
  let settled = false;
  pause.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  const until = performance.now() + PAUSE_MAX_MS;
  while (!settled && performance.now() < until) await db.rapprochements.get(rid);
}

/**
 * Waits for the last writes of the current transaction, issued together, and commits it as soon as
 * they are done (IndexedDB `commit()`), so that the commit does not wait for this thread to be
 * free again: in the worker, the next file is often being read (seconds of script). Only writes
 * already issued may be given (a later request would find the transaction committing).
 */
export async function commitAfter(writes: Promise<unknown>[]): Promise<void> {
  const idb = Dexie.currentTransaction?.idbtrans as (IDBTransaction & { commit?: () => void }) | undefined;
  try {
    idb?.commit?.();
  } catch {
    // Already committing (or no commit(): it then commits by itself once idle).
  }
  await Promise.all(writes);
}
