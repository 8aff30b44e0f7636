/**
 * Reading and writing rapprochements. Every write that touches more than one row runs in one
 * Dexie transaction, so that closing the panel mid-way never leaves work half-written.
 */
import Dexie from 'dexie';
import type { Decision, DecisionKind } from '../matching/types';
import { CATEGORIES, type Category, type Person, type Side } from '../core/person';
import type {
  DecisionRow,
  InputSummary,
  Mode,
  PasserelleDB,
  Rapprochement,
  RememberedRow,
  StepItem,
  StepRow,
  StepState,
} from './schema';
import { chunkItems, chunkStep } from './schema';

/** Thrown when a write would change a step already validated (validating freezes it, seed §4). */
export class StepFrozenError extends Error {
  constructor(readonly category: Category) {
    super(`step ${category} is validated`);
    this.name = 'StepFrozenError';
  }
}

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
  init: { uai: string; schoolName: string; year: string; mode: Mode },
): Promise<Rapprochement> {
  const at = now();
  const row: Rapprochement = {
    uai: init.uai.trim().toUpperCase(),
    schoolName: init.schoolName.trim(),
    year: init.year.trim(),
    mode: init.mode,
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
): Promise<Rapprochement> {
  return db.transaction('rw', [db.rapprochements, db.inputs, db.stepChunks], async () => {
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
  extra: { rememberedUsed?: number } = {},
  onReady?: (ready: ProposalsReady) => void,
  pause?: Promise<unknown>,
): Promise<Rapprochement> {
  // A function is asked for each step to store, the current one first (before `onReady`).
  const itemsOf = typeof items === 'function' ? items : (c: Category) => items[c] ?? [];
  return db.transaction('rw', [db.rapprochements, db.stepChunks], async () => {
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
      updatedAt: now(),
    };
    // Whole steps are replaced: each step's range is deleted, then one write adds all the new rows.
    await Promise.all(replaced.map((c) => db.stepChunks.where('[rid+category]').equals([rid, c]).delete()));
    const currentCategory = CATEGORIES[next.currentStep];
    const rows = new Map<Category, StepRow[]>();
    if (replaced.includes(currentCategory)) rows.set(currentCategory, chunkStep(rid, currentCategory, itemsOf(currentCategory)));
    const current = rows.get(currentCategory);
    onReady?.({ rapprochement: next, current: current && { category: currentCategory, chunks: current.map((r) => r.json) } });
    // Only a step given to the panel is waited for (otherwise the panel reads it from the store).
    if (pause && current) await pauseWithin(db, rid, pause);
    for (const c of replaced) if (!rows.has(c)) rows.set(c, chunkStep(rid, c, itemsOf(c)));
    await commitAfter([db.stepChunks.bulkPut(replaced.flatMap((c) => rows.get(c) ?? [])), db.rapprochements.put(next)]);
    return next;
  });
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

/**
 * Records a decision (replacing an earlier one for the same person). Throws `StepFrozenError` when
 * the person's step is validated. `decidedAt` is set to now when missing.
 */
export async function setDecision(
  db: PasserelleDB,
  rid: number,
  decision: Omit<Decision, 'decidedAt'> & { decidedAt?: string; entLabel?: string },
): Promise<DecisionRow> {
  return db.transaction('rw', db.rapprochements, db.decisions, async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    if (row.steps[decision.category] === 'validated') throw new StepFrozenError(decision.category);
    const stored: DecisionRow = { ...decision, rid, decidedAt: decision.decidedAt ?? now() };
    await db.decisions.put(stored);
    await db.rapprochements.update(rid, { updatedAt: now() });
    return stored;
  });
}

/** Undoes the decision about one person. Throws `StepFrozenError` when the step is validated. */
export async function removeDecision(
  db: PasserelleDB,
  rid: number,
  category: Category,
  pronoteId: string,
): Promise<void> {
  await db.transaction('rw', db.rapprochements, db.decisions, async () => {
    const row = await db.rapprochements.get(rid);
    if (!row) throw new Error(`no rapprochement ${rid}`);
    if (row.steps[category] === 'validated') throw new StepFrozenError(category);
    await db.decisions.delete([rid, category, pronoteId]);
    await db.rapprochements.update(rid, { updatedAt: now() });
  });
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

/** Deletes one rapprochement and everything it holds (remembered decisions are kept). */
export async function deleteRapprochement(db: PasserelleDB, rid: number): Promise<void> {
  await db.transaction('rw', [db.rapprochements, db.inputs, db.stepChunks, db.decisions, db.meta], async () => {
    await db.inputs.where('rid').equals(rid).delete();
    await db.stepChunks.where('rid').equals(rid).delete();
    await db.decisions.where('rid').equals(rid).delete();
    await db.rapprochements.delete(rid);
    const current = await db.meta.get('current');
    if (current?.value === rid) await db.meta.delete('current');
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

/** Final outcome of one Pronote person, as written in the CSV's `decision` column. */
export type Outcome = 'auto' | DecisionKind | 'unresolved';

/** The outcome of a proposal given the user's decision (if any). */
export function outcomeOf(item: StepItem, decision: Pick<Decision, 'kind'> | undefined): Outcome {
  if (decision) return decision.kind;
  return item.proposal.status === 'auto' ? 'auto' : 'unresolved';
}
