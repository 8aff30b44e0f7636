/**
 * What a rapprochement was given: the persons read from each side (with the earlier decisions a
 * RapprochementSSO file carries) and the earlier-decisions file of the start screen.
 */
import type { NotRead, Person, Side } from '../core/person';
import type { Decision } from '../matching/types';
import { pendingSteps } from './lifecycle';
import type { InputSummary, PasserelleDB, Rapprochement } from './schema';
import { commitAfter, now } from './transaction';

/**
 * Stores the persons read from one side with their summary. The earlier pairing (if any) is
 * dropped, since it was made from other files: the steps go back to pending; the user's decisions
 * are kept (they are given to the engine again). All or nothing.
 *
 * `onReady(next)` is called inside the transaction, before the persons are serialised and written:
 * the caller may show `next` at once. Every later transaction of the store on this rapprochement
 * (the panel's, the worker's) waits for this one, so it sees the write; if the write fails or the
 * panel closes first, nothing of it is stored (the promise rejects in the first case).
 */
export async function saveInput(
  db: PasserelleDB,
  rid: number,
  side: Side,
  persons: Person[],
  summary: InputSummary,
  onReady?: (next: Rapprochement) => void,
  earlier?: Decision[],
): Promise<Rapprochement> {
  return db.transaction('rw', [db.rapprochements, db.inputs, db.stepChunks, db.holders, db.autoPairs, db.meta], async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    const next: Rapprochement = {
      ...row,
      [side]: summary,
      phase: 'start',
      steps: pendingSteps(),
      currentStep: 0,
      position: 0,
      pairedAt: undefined,
      updatedAt: now(),
    };
    if (side === 'directory') next.structure = undefined;
    await db.stepChunks.where('rid').equals(rid).delete();
    await db.holders.where('rid').equals(rid).delete();
    await db.autoPairs.where('rid').equals(rid).delete();
    if (earlier) await db.meta.put({ key: earlierKey(rid), value: earlier });
    onReady?.(next);
    const json = JSON.stringify(side === 'directory' ? withoutRaw(persons) : persons);
    await commitAfter([db.inputs.put({ rid, side, json }), db.rapprochements.put(next)]);
    return next;
  });
}

/**
 * Directory persons as stored: without the source fields (`raw`: half the row for AAF files),
 * which nothing reads once they are read (the Pronote side keeps them: `Ident` goes in the
 * RapprochementSSO file).
 */
function withoutRaw(persons: Person[]): Person[] {
  return persons.map((p) => ({ ...p, raw: {} }));
}

const earlierKey = (rid: number) => `earlier:${rid}`;

/** The earlier decisions given with the Pronote side (a RapprochementSSO file's pairs), or none. */
export async function loadEarlier(db: PasserelleDB, rid: number): Promise<Decision[]> {
  const row = await db.meta.get(earlierKey(rid));
  return Array.isArray(row?.value) ? (row.value as Decision[]) : [];
}

const decisionsFileKey = (rid: number) => `decisions-file:${rid}`;

/** An earlier-decisions file given on the start screen, as stored (`lib/rapprochement/decisions-file.ts` reads it). */
export interface StoredDecisionsFile {
  /** The file name. */
  source: string;
  format: string;
  decisions: Decision[];
  /** Lines read that hold no decision. */
  noDecision: number;
  /** Lines not read (with their line and reason), shown on the start screen. */
  notRead: NotRead[];
}

/**
 * Stores the earlier-decisions file of a rapprochement (replacing one given before), given to the
 * flow as the source `file` at the next pairing (as the command line's `--decisions`). The steps
 * already built are left as they are until then. One transaction.
 */
export async function saveDecisionsFile(db: PasserelleDB, rid: number, file: StoredDecisionsFile): Promise<Rapprochement> {
  return db.transaction('rw', db.rapprochements, db.meta, async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    await db.meta.put({ key: decisionsFileKey(rid), value: file });
    const next = { ...row, updatedAt: now() };
    await db.rapprochements.put(next);
    return next;
  });
}

/** The earlier-decisions file given on the start screen, or undefined. */
export async function loadDecisionsFile(db: PasserelleDB, rid: number): Promise<StoredDecisionsFile | undefined> {
  const row = await db.meta.get(decisionsFileKey(rid));
  return row?.value && typeof row.value === 'object' ? (row.value as StoredDecisionsFile) : undefined;
}

/** The persons stored for one side, or an empty list. */
export async function loadInput(db: PasserelleDB, rid: number, side: Side): Promise<Person[]> {
  const row = await db.inputs.get([rid, side]);
  return row ? (JSON.parse(row.json) as Person[]) : [];
}
