/**
 * The user's decisions about persons, each written with "one ENT account for at most one Pronote
 * person" checked inside its own transaction (issue 14), and the decisions remembered for a
 * school's next import.
 */
import Dexie from 'dexie';
import type { Category } from '../core/person';
import type { Decision } from '../matching/types';
import { AccountTakenError, HolderFrozenError, StepFrozenError } from './errors';
import { claimOrThrow, pairsWith, refKey, releaseHeld } from './holders';
import type { DecisionRow, PasserelleDB, PersonRef, RememberedRow } from './schema';
import { now } from './transaction';

/** The decisions of a rapprochement, optionally of one category. */
export async function loadDecisions(db: PasserelleDB, rid: number, category?: Category): Promise<DecisionRow[]> {
  if (!category) return db.decisions.where('rid').equals(rid).toArray();
  // The primary key starts with [rid, category]: only that step's rows are read.
  return db.decisions.where('[rid+category+pronoteId]').between([rid, category, Dexie.minKey], [rid, category, Dexie.maxKey]).toArray();
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
export async function setDecision(db: PasserelleDB, rid: number, decision: DecisionInput, options: { taken?: 'ask' | 'move' } = {}): Promise<DecisionRow> {
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

/**
 * Undoes the decision about one person: they go back to the engine's proposal (its automatic pair,
 * if any), and an account this decision had moved from someone goes back to them with their
 * earlier decision. Throws `StepFrozenError` when the step is validated, `AccountTakenError` (or
 * `HolderFrozenError`) when the engine's pair is now held by another person (nothing written:
 * decide otherwise, or free that account first).
 */
export async function removeDecision(db: PasserelleDB, rid: number, category: Category, pronoteId: string): Promise<void> {
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
        if (entId)
          await claimOrThrow(db, row, {
            rid,
            entId,
            category: from.category,
            pronoteId: from.pronoteId,
            by: from.previous ? 'decision' : 'auto',
            label: theirs.personLabel,
          });
      }
    }
    const auto = await db.autoPairs.get([rid, category, pronoteId]);
    if (auto) await claimOrThrow(db, row, { rid, entId: auto.entId, ...me, by: 'auto', label: auto.label });
    await db.rapprochements.update(rid, { updatedAt: now() });
  });
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
  return (await db.remembered.where('[uai+personKey]').equals([key, personKey]).toArray()).find((r) => r.category === category);
}
