/**
 * Reading and writing rapprochements. Every write that touches more than one row runs in one
 * Dexie transaction, so that closing the panel mid-way never leaves work half-written.
 */
import Dexie from 'dexie';
import type { Decision, DecisionKind } from '../matching/types';
import { CATEGORIES, type Category, type NotRead, type Person, type Side } from '../core/person';
import type {
  AutoPairRow,
  DecisionRow,
  HolderRow,
  PersonRef,
  InputSummary,
  Mode,
  ModeSource,
  PasserelleDB,
  Rapprochement,
  RememberedRow,
  StepItem,
  StepRow,
  StepState,
} from './schema';
import { displayName } from './items';
import { chunkItems, chunkStep } from './schema';
import type { Conflict } from '../rapprochement/earlier-decisions';

/** Thrown when a write would change a step already validated (validating freezes it, seed §4). */
export class StepFrozenError extends Error {
  constructor(readonly category: Category) {
    super(`step ${category} is validated`);
    this.name = 'StepFrozenError';
  }
}

/**
 * Thrown when a decision gives a person an ENT account that another person holds (issue 14): the
 * caller shows `holder` and offers to move the account (`setDecision(..., { taken: 'move' })`) or
 * to keep it (nothing to write). Nothing was written.
 */
export class AccountTakenError extends Error {
  constructor(readonly holder: HolderRow) {
    super(`account ${holder.entId} is held by ${holder.category} ${holder.pronoteId}`);
    this.name = 'AccountTakenError';
  }
}

/**
 * Thrown when the account wanted (or given back by an undo) is held by a person whose step is
 * validated: validated steps are frozen, that step must be reopened first. Nothing was written.
 */
export class HolderFrozenError extends Error {
  constructor(readonly holder: HolderRow) {
    super(`account ${holder.entId} is held in the validated step ${holder.category}`);
    this.name = 'HolderFrozenError';
  }
}

/** True when a decision pairs the person with an account. */
export const pairsWith = (d: Pick<Decision, 'kind' | 'entId'> | undefined): string | undefined =>
  d && (d.kind === 'confirmed' || d.kind === 'manual') ? d.entId : undefined;

const now = () => new Date().toISOString();

function pendingSteps(): Record<Category, StepState> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 'pending'])) as Record<Category, StepState>;
}

/**
 * Starts a new rapprochement for a school and year and makes it the open one.
 * `uai` is upper-cased and trimmed. Returns the stored row (with its id).
 */
export async function createRapprochement(
  db: PasserelleDB,
  init: { uai: string; schoolName: string; year: string; mode: Mode; modeSource?: ModeSource; versionChanged?: boolean },
): Promise<Rapprochement> {
  const at = now();
  const row: Rapprochement = {
    uai: init.uai.trim().toUpperCase(),
    schoolName: init.schoolName.trim(),
    year: init.year.trim(),
    mode: init.mode,
    ...(init.modeSource ? { modeSource: init.modeSource } : {}),
    ...(init.versionChanged ? { versionChanged: true } : {}),
    createdAt: at,
    updatedAt: at,
    phase: 'start',
    steps: pendingSteps(),
    currentStep: 0,
    position: 0,
  };
  return db.transaction('rw', db.rapprochements, db.meta, async () => {
    row.id = await db.rapprochements.add(row);
    await db.meta.put({ key: 'current', value: row.id });
    return row;
  });
}

/** The rapprochement open in the panel: the one last opened, else the last updated; undefined if none. */
export async function openRapprochement(db: PasserelleDB): Promise<Rapprochement | undefined> {
  const current = await db.meta.get('current');
  if (typeof current?.value === 'number') {
    const row = await db.rapprochements.get(current.value);
    if (row) return row;
  }
  return db.rapprochements.orderBy('updatedAt').last();
}

/** Makes `id` the open rapprochement (the panel shows it when reopened). */
export async function setOpenRapprochement(db: PasserelleDB, id: number | undefined): Promise<void> {
  if (id === undefined) await db.meta.delete('current');
  else await db.meta.put({ key: 'current', value: id });
}

/** Every stored rapprochement, the last updated first. */
export async function listRapprochements(db: PasserelleDB): Promise<Rapprochement[]> {
  return (await db.rapprochements.orderBy('updatedAt').reverse().toArray()) as Rapprochement[];
}

/** The latest rapprochement of a school (by UAI, any year), or undefined. */
export async function latestForSchool(db: PasserelleDB, uai: string): Promise<Rapprochement | undefined> {
  const rows = await db.rapprochements.where('uai').equals(uai.trim().toUpperCase()).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * Changes fields of a rapprochement (where the user is, mode, structure...) and its `updatedAt`.
 * Returns the row as stored; throws when it does not exist.
 */
export async function updateRapprochement(
  db: PasserelleDB,
  id: number,
  patch: Partial<Omit<Rapprochement, 'id' | 'createdAt'>>,
): Promise<Rapprochement> {
  return db.transaction('rw', db.rapprochements, async () => {
    const row = await db.rapprochements.get(id);
    if (!row) throw new Error(`no rapprochement ${id}`);
    const next = { ...row, ...patch, updatedAt: now() };
    await db.rapprochements.put(next);
    return next;
  });
}

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

/** The longest `saveProposals` waits for its `pause` (ms). */
const PAUSE_MAX_MS = 400;

/**
 * Waits, inside the current transaction, until `pause` settles or `PAUSE_MAX_MS` have passed. The
 * transaction is kept open by small reads (IndexedDB commits a transaction left without requests).
 * Used so that the panel draws the step it was just given before the worker serialises the others:
 * both at once make the panel's tasks long on a machine with few cores.
 */
async function pauseWithin(db: PasserelleDB, rid: number, pause: Promise<unknown>): Promise<void> {
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
async function commitAfter(writes: Promise<unknown>[]): Promise<void> {
  const idb = Dexie.currentTransaction?.idbtrans as (IDBTransaction & { commit?: () => void }) | undefined;
  try {
    idb?.commit?.();
  } catch {
    // Already committing (or no commit(): it then commits by itself once idle).
  }
  await Promise.all(writes);
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

/** What `saveProposals` gives its `onReady` callback. */
export interface ProposalsReady {
  rapprochement: Rapprochement;
  /** The step on screen (`rapprochement.currentStep`), as stored chunks' JSON, when this write replaces it. */
  current?: { category: Category; chunks: string[] };
}

/**
 * Stores the engine's proposals (with the persons they name), in chunks per category, and moves the
 * rapprochement to the steps. Steps already validated keep their state and their stored rows
 * (a validated step is frozen). All or nothing, in one transaction.
 *
 * `onReady` is called inside the transaction before the other steps are serialised and written
 * (as in `saveInput`): the caller may show the current step at once.
 */
export async function saveProposals(
  db: PasserelleDB,
  rid: number,
  items: Record<Category, StepItem[]> | ((category: Category) => StepItem[]),
  extra: { rememberedUsed?: number; conflicts?: Conflict[] } = {},
  onReady?: (ready: ProposalsReady) => void,
  pause?: Promise<unknown>,
): Promise<Rapprochement> {
  // A function is asked for each step to store, the current one first (before `onReady`).
  const itemsOf = typeof items === 'function' ? items : (c: Category) => items[c] ?? [];
  return db.transaction('rw', [db.rapprochements, db.stepChunks, db.decisions, db.holders, db.autoPairs], async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    const replaced: Category[] = [];
    for (const category of CATEGORIES)
      if (row.steps[category] !== 'validated' || !(await db.stepChunks.get([rid, category, 0]))) replaced.push(category);
    const next: Rapprochement = {
      ...row,
      phase: 'steps',
      pairedAt: now(),
      rememberedUsed: extra.rememberedUsed ?? row.rememberedUsed,
      conflicts: extra.conflicts ?? row.conflicts,
      updatedAt: now(),
    };
    // Whole steps are replaced: each step's range is deleted, then one write adds all the new rows.
    await Promise.all(
      replaced.flatMap((c) => [
        db.stepChunks.where('[rid+category]').equals([rid, c]).delete(),
        db.holders.where('[rid+category]').equals([rid, c]).delete(),
        db.autoPairs.where('[rid+category]').equals([rid, c]).delete(),
      ]),
    );
    const holders = new Holders(await db.holders.where('rid').equals(rid).toArray());
    const decided = new Map((await db.decisions.where('rid').equals(rid).toArray()).map((d) => [refKey(d), d]));
    // The user's pairs first (the store kept them one-to-one), then the engine's.
    for (const d of decided.values()) {
      const entId = pairsWith(d);
      if (entId && replaced.includes(d.category))
        holders.claim({ rid, entId, category: d.category, pronoteId: d.pronoteId, by: 'decision', label: d.personLabel });
    }
    const autoRows: AutoPairRow[] = [];
    const claimed = (category: Category): StepItem[] =>
      itemsOf(category).map((item) => {
        const { proposal } = item;
        if (proposal.status !== 'auto' || !proposal.entId) return item;
        const ref = { category, pronoteId: proposal.pronoteId };
        const label = displayName(item.person);
        autoRows.push({ rid, ...ref, entId: proposal.entId, label });
        if (decided.has(refKey(ref))) return item;
        if (holders.claim({ rid, entId: proposal.entId, ...ref, by: 'auto', label })) return item;
        // Held already (a validated step's pair): never two holders; this one is to review.
        return { ...item, proposal: { ...proposal, status: 'review' as const, reason: 'conflict' as const } };
      });
    const currentCategory = CATEGORIES[next.currentStep];
    const rows = new Map<Category, StepRow[]>();
    if (replaced.includes(currentCategory)) rows.set(currentCategory, chunkStep(rid, currentCategory, claimed(currentCategory)));
    const current = rows.get(currentCategory);
    onReady?.({ rapprochement: next, current: current && { category: currentCategory, chunks: current.map((r) => r.json) } });
    // Only a step given to the panel is waited for (otherwise the panel reads it from the store).
    if (pause && current) await pauseWithin(db, rid, pause);
    for (const c of replaced) if (!rows.has(c)) rows.set(c, chunkStep(rid, c, claimed(c)));
    await commitAfter([
      db.stepChunks.bulkPut(replaced.flatMap((c) => rows.get(c) ?? [])),
      db.holders.bulkPut(holders.added),
      db.autoPairs.bulkPut(autoRows),
      db.rapprochements.put(next),
    ]);
    return next;
  });
}

const refKey = (r: PersonRef) => `${r.category}\u0000${r.pronoteId}`;

/** The holders of a rapprochement's accounts while a pairing is stored: one per account. */
class Holders {
  private readonly byAccount = new Map<string, HolderRow>();
  readonly added: HolderRow[] = [];

  constructor(existing: HolderRow[]) {
    for (const h of existing) this.byAccount.set(h.entId, h);
  }

  /** Makes `h` the account's holder; false when someone holds it already. */
  claim(h: HolderRow): boolean {
    if (this.byAccount.has(h.entId)) return false;
    this.byAccount.set(h.entId, h);
    this.added.push(h);
    return true;
  }
}

/**
 * The items of one step (empty when not paired yet), read chunk by chunk: each read is its own
 * short task, so the panel stays responsive while a large step opens.
 */
export async function loadStep(db: PasserelleDB, rid: number, category: Category): Promise<StepItem[]> {
  const items: StepItem[] = [];
  for (let chunk = 0; ; chunk++) {
    const row = await db.stepChunks.get([rid, category, chunk]);
    if (!row) return items;
    for (const item of chunkItems(row)) items.push(item);
  }
}

/** The decisions of a rapprochement, optionally of one category. */
export async function loadDecisions(db: PasserelleDB, rid: number, category?: Category): Promise<DecisionRow[]> {
  if (!category) return db.decisions.where('rid').equals(rid).toArray();
  // The primary key starts with [rid, category]: only that step's rows are read.
  return db.decisions
    .where('[rid+category+pronoteId]')
    .between([rid, category, Dexie.minKey], [rid, category, Dexie.maxKey])
    .toArray();
}

/** A decision as the panel gives it to `setDecision`. */
export type DecisionInput = Omit<Decision, 'decidedAt'> & { decidedAt?: string; entLabel?: string; personLabel?: string };

/**
 * Records a decision (replacing an earlier one for the same person), keeping "one ENT account for
 * at most one Pronote person" (issue 14) inside this one transaction, so that two panel pages
 * writing at once cannot break it (IndexedDB runs them one after the other; the holders' key is
 * the account).
 *
 * When the decision pairs the person with an account another person holds:
 * - `taken: 'ask'` (the default): throws `AccountTakenError` naming the holder, nothing written;
 * - `taken: 'move'`: the holder loses the pair (a rejection marked `movedTo`) and goes back to the
 *   people to handle; undoing this decision gives it back (`removeDecision`).
 * Throws `StepFrozenError` when the person's step is validated, and `HolderFrozenError` when the
 * holder's step is (validated steps are frozen: reopen it first). `decidedAt` is set to now when
 * missing.
 */
export async function setDecision(
  db: PasserelleDB,
  rid: number,
  decision: DecisionInput,
  options: { taken?: 'ask' | 'move' } = {},
): Promise<DecisionRow> {
  return db.transaction('rw', [db.rapprochements, db.decisions, db.holders], async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    if (row.steps[decision.category] === 'validated') throw new StepFrozenError(decision.category);
    const at = decision.decidedAt ?? now();
    const stored: DecisionRow = { ...decision, rid, decidedAt: at };
    const me: PersonRef = { category: decision.category, pronoteId: decision.pronoteId };
    const entId = pairsWith(decision);
    if (entId) {
      const holder = await db.holders.get([rid, entId]);
      if (holder && refKey(holder) !== refKey(me)) {
        if (row.steps[holder.category] === 'validated') throw new HolderFrozenError(holder);
        if (options.taken !== 'move') throw new AccountTakenError(holder);
        const before = await db.decisions.get([rid, holder.category, holder.pronoteId]);
        const { rid: _rid, ...previous } = before ?? ({} as DecisionRow);
        stored.displaced = { category: holder.category, pronoteId: holder.pronoteId, previous: before ? previous : undefined };
        await db.decisions.put({
          rid,
          category: holder.category,
          pronoteId: holder.pronoteId,
          personKey: before?.personKey,
          personLabel: holder.label ?? before?.personLabel,
          kind: 'rejected',
          entId,
          decidedAt: at,
          movedTo: me,
        });
        await db.holders.delete([rid, entId]);
      }
    }
    await releaseHeld(db, rid, me);
    // `add`, not `put`: were the account held still, IndexedDB would refuse and nothing be written.
    if (entId) await db.holders.add({ rid, entId, ...me, by: 'decision', label: decision.personLabel });
    await db.decisions.put(stored);
    await db.rapprochements.update(rid, { updatedAt: now() });
    return stored;
  });
}

/** Frees the account(s) a person holds (at most one while the invariant holds). */
async function releaseHeld(db: PasserelleDB, rid: number, who: PersonRef): Promise<void> {
  await db.holders.where('[rid+category+pronoteId]').equals([rid, who.category, who.pronoteId]).delete();
}

/**
 * Undoes the decision about one person: they go back to the engine's proposal (its automatic pair,
 * if any), and an account this decision had moved from someone goes back to them with their
 * earlier decision. Throws `StepFrozenError` when the step is validated, `AccountTakenError` (or
 * `HolderFrozenError`) when the engine's pair is now held by another person (nothing written:
 * decide otherwise, or free that account first).
 */
export async function removeDecision(
  db: PasserelleDB,
  rid: number,
  category: Category,
  pronoteId: string,
): Promise<void> {
  await db.transaction('rw', [db.rapprochements, db.decisions, db.holders, db.autoPairs], async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    if (row.steps[category] === 'validated') throw new StepFrozenError(category);
    const me: PersonRef = { category, pronoteId };
    const mine = await db.decisions.get([rid, category, pronoteId]);
    await releaseHeld(db, rid, me);
    await db.decisions.delete([rid, category, pronoteId]);
    // Given back to the person it was moved from, while their state is still the move's.
    const from = mine?.displaced;
    if (from && row.steps[from.category] !== 'validated') {
      const theirs = await db.decisions.get([rid, from.category, from.pronoteId]);
      if (theirs?.movedTo && refKey(theirs.movedTo) === refKey(me)) {
        await db.decisions.delete([rid, from.category, from.pronoteId]);
        if (from.previous) await db.decisions.put({ ...from.previous, rid });
        const entId = from.previous ? pairsWith(from.previous) : (await db.autoPairs.get([rid, from.category, from.pronoteId]))?.entId;
        if (entId) await claimOrThrow(db, row, { rid, entId, category: from.category, pronoteId: from.pronoteId, by: from.previous ? 'decision' : 'auto', label: theirs.personLabel });
      }
    }
    const auto = await db.autoPairs.get([rid, category, pronoteId]);
    if (auto) await claimOrThrow(db, row, { rid, entId: auto.entId, ...me, by: 'auto', label: auto.label });
    await db.rapprochements.update(rid, { updatedAt: now() });
  });
}

/** Makes `h` the holder of its account, or throws (aborting the transaction) when someone else holds it. */
async function claimOrThrow(db: PasserelleDB, row: Rapprochement, h: HolderRow): Promise<void> {
  const holder = await db.holders.get([h.rid, h.entId]);
  if (holder && refKey(holder) !== refKey(h)) {
    throw row.steps[holder.category] === 'validated' ? new HolderFrozenError(holder) : new AccountTakenError(holder);
  }
  await db.holders.put(h);
}

/** Who holds each account of a rapprochement (`HolderRow`), for the screens and the tests. */
export async function loadHolders(db: PasserelleDB, rid: number): Promise<HolderRow[]> {
  return db.holders.where('rid').equals(rid).toArray();
}

function nextPending(steps: Record<Category, StepState>, from: number): number {
  for (let i = from; i < CATEGORIES.length; i++) if (steps[CATEGORIES[i]] === 'pending') return i;
  return -1;
}

/**
 * Validates a step: it is frozen, its decisions are remembered for the school's next import, and
 * the rapprochement moves to the next pending step (or to the results after the last one).
 */
export async function validateStep(db: PasserelleDB, rid: number, category: Category): Promise<Rapprochement> {
  return db.transaction('rw', [db.rapprochements, db.decisions, db.remembered], async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    const steps = { ...row.steps, [category]: 'validated' as StepState };
    const decisions = (await db.decisions.where('rid').equals(rid).toArray()).filter((d) => d.category === category);
    await db.remembered.bulkPut(
      decisions.map(
        (d): RememberedRow => ({
          uai: row.uai,
          year: row.year,
          category: d.category,
          pronoteId: d.pronoteId,
          personKey: d.personKey ?? '',
          kind: d.kind,
          entId: d.entId,
          decidedAt: d.decidedAt,
        }),
      ),
    );
    const next = nextPending(steps, CATEGORIES.indexOf(category) + 1);
    const after: Rapprochement = {
      ...row,
      steps,
      currentStep: next < 0 ? row.currentStep : next,
      position: 0,
      phase: next < 0 ? 'results' : 'steps',
      updatedAt: now(),
    };
    await db.rapprochements.put(after);
    return after;
  });
}

/**
 * Cancels the import during a step: that step is marked cancelled, the steps already validated
 * stay validated (seed §4), decisions are kept, and the rapprochement shows its results.
 */
export async function cancelStep(db: PasserelleDB, rid: number, category: Category): Promise<Rapprochement> {
  return db.transaction('rw', db.rapprochements, async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    if (row.steps[category] === 'validated') throw new StepFrozenError(category);
    const after: Rapprochement = {
      ...row,
      steps: { ...row.steps, [category]: 'cancelled' },
      phase: 'results',
      updatedAt: now(),
    };
    await db.rapprochements.put(after);
    return after;
  });
}

/**
 * Reopens a validated step (seed §4: a validated step is frozen; reopening is the way to change it
 * again): it becomes pending and is shown. The decisions of that step remembered for the school's
 * next import at its validation are taken back (validating again remembers them anew), so that an
 * undone decision is not remembered. A step that is not validated is only shown.
 */
export async function reopenStep(db: PasserelleDB, rid: number, category: Category): Promise<Rapprochement> {
  return db.transaction('rw', [db.rapprochements, db.decisions, db.remembered], async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    const steps = { ...row.steps };
    if (steps[category] === 'validated') {
      steps[category] = 'pending';
      const decided = await loadDecisions(db, rid, category);
      await db.remembered.bulkDelete(
        (await db.remembered.bulkGet(decided.map((d) => [row.uai, category, d.pronoteId])))
          .filter((m): m is RememberedRow => !!m && m.year === row.year)
          .map((m) => [m.uai, m.category, m.pronoteId]),
      );
    }
    const after: Rapprochement = { ...row, steps, phase: 'steps', currentStep: CATEGORIES.indexOf(category), position: 0, updatedAt: now() };
    await db.rapprochements.put(after);
    return after;
  });
}

/** Takes a cancelled step up again (it becomes pending and is shown). */
export async function resumeStep(db: PasserelleDB, rid: number, category: Category): Promise<Rapprochement> {
  const row = await db.rapprochements.get(rid);
  if (!row) throw new Error(`no rapprochement ${rid}`);
  const steps = { ...row.steps };
  if (steps[category] === 'cancelled') steps[category] = 'pending';
  return updateRapprochement(db, rid, { steps, phase: 'steps', currentStep: CATEGORIES.indexOf(category), position: 0 });
}

/**
 * The decisions remembered from earlier imports of a school, as engine input: the latest per
 * Pronote id. `personKey` is set when it was known, so that renumbered persons are found again.
 */
export async function rememberedDecisions(db: PasserelleDB, uai: string): Promise<Decision[]> {
  const rows = await db.remembered.where('uai').equals(uai.trim().toUpperCase()).toArray();
  return rows.map((r) => ({
    category: r.category,
    pronoteId: r.pronoteId,
    personKey: r.personKey || undefined,
    kind: r.kind,
    entId: r.entId,
    decidedAt: r.decidedAt,
  }));
}

/** The remembered decision of one person, by Pronote id first, else by person key. */
export async function findRemembered(
  db: PasserelleDB,
  uai: string,
  category: Category,
  pronoteId: string,
  personKey?: string,
): Promise<RememberedRow | undefined> {
  const key = uai.trim().toUpperCase();
  const byId = await db.remembered.get([key, category, pronoteId]);
  if (byId) return byId;
  if (!personKey) return undefined;
  return (await db.remembered.where('[uai+personKey]').equals([key, personKey]).toArray()).find(
    (r) => r.category === category,
  );
}

/** Counts of what is stored, for the line that tells the user (PRODUCT.md §3). */
export interface StoredCounts {
  rapprochements: number;
  schools: number;
  persons: number;
  decisions: number;
  remembered: number;
  profiles: number;
}

/**
 * What is stored, as counts. Persons are counted from each rapprochement's summaries, so that the
 * persons themselves are never read (22,000 persons would block the panel for a while).
 */
export async function storedCounts(db: PasserelleDB): Promise<StoredCounts> {
  return db.transaction('r', [db.rapprochements, db.inputs, db.decisions, db.remembered, db.profiles], async () => {
    const rapprochements = await db.rapprochements.toArray();
    const stored = new Set((await db.inputs.toCollection().primaryKeys()).map(([rid, side]) => `${rid}|${side}`));
    let persons = 0;
    for (const r of rapprochements)
      for (const side of ['pronote', 'directory'] as const) {
        const counts = r[side]?.counts;
        if (counts && stored.has(`${r.id}|${side}`)) persons += CATEGORIES.reduce((n, c) => n + (counts[c] ?? 0), 0);
      }
    const schools = new Set([...rapprochements.map((r) => r.uai), ...(await db.remembered.orderBy('uai').uniqueKeys())]);
    return {
      rapprochements: rapprochements.length,
      schools: schools.size,
      persons,
      decisions: await db.decisions.count(),
      remembered: await db.remembered.count(),
      profiles: await db.profiles.count(),
    };
  });
}

/** Deletes all stored personal data: every rapprochement, person, decision and remembered decision. Mapping profiles (no personal data) are deleted too. */
export async function deleteAllData(db: PasserelleDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

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
