/**
 * The six steps (seed §4): the engine's proposals stored per step, in chunks, and a step's life:
 * validated (frozen, its decisions remembered for the school), cancelled, reopened, resumed.
 */
import { CATEGORIES, type Category } from '../core/person';
import type { Conflict } from '../rapprochement/earlier-decisions';
import { loadDecisions } from './decisions';
import { StepFrozenError } from './errors';
import { Holders, pairsWith, refKey } from './holders';
import { displayName } from './items';
import { updateRapprochement } from './lifecycle';
import {
  type AutoPairRow,
  chunkItems,
  chunkStep,
  type PasserelleDB,
  type Rapprochement,
  type RememberedRow,
  type StepItem,
  type StepRow,
  type StepState,
} from './schema';
import { commitAfter, now, pauseWithin } from './transaction';

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
    for (const category of CATEGORIES) if (row.steps[category] !== 'validated' || !(await db.stepChunks.get([rid, category, 0]))) replaced.push(category);
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

/** The first pending step from index `from` on, or -1 when none is left. */
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
