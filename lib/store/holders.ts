/**
 * Who holds each ENT account of a rapprochement (`HolderRow`, one holder per account): the pieces
 * that the writes of `steps.ts` and `decisions.ts` use, inside their own transactions, to keep
 * "one ENT account for at most one Pronote person" (issue 14).
 */
import type { Decision } from '../matching/types';
import { AccountTakenError, HolderFrozenError } from './errors';
import type { HolderRow, PasserelleDB, PersonRef, Rapprochement } from './schema';

/** True when a decision pairs the person with an account. */
export const pairsWith = (d: Pick<Decision, 'kind' | 'entId'> | undefined): string | undefined =>
  d && (d.kind === 'confirmed' || d.kind === 'manual') ? d.entId : undefined;

/** A person's key within a rapprochement: its category and Pronote id. */
export const refKey = (r: PersonRef) => `${r.category}\u0000${r.pronoteId}`;

/** The holders of a rapprochement's accounts while a pairing is stored: one per account. */
export class Holders {
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

/** Frees the account(s) a person holds (at most one while the invariant holds). */
export async function releaseHeld(db: PasserelleDB, rid: number, who: PersonRef): Promise<void> {
  await db.holders.where('[rid+category+pronoteId]').equals([rid, who.category, who.pronoteId]).delete();
}

/** Makes `h` the holder of its account, or throws (aborting the transaction) when someone else holds it. */
export async function claimOrThrow(db: PasserelleDB, row: Rapprochement, h: HolderRow): Promise<void> {
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
