/**
 * Candidate search (issue 4, "Method" 2): for each Pronote person of a category, the accounts of the
 * pool that share a blocking key with it (`blocking.ts`), each weighed once (`weigh.ts`), best first.
 * The name-only keys are searched only when the keys with a date (or a guardian's paired children)
 * found no sure candidate (`sure`).
 */
import { BlockIndex } from './blocking';
import { compareDates, type Prepared } from './compare';
import type { PatternCounts } from './em';
import type { Context, MatchRun, Scored } from './run';
import { sortByWeight } from './sort-by-weight';
import { KEEP_CANDIDATES, REVIEW_BITS } from './thresholds';
import { nameLevels, outOfScope, weigh } from './weigh';

export const NO_PREPARED: Prepared[] = [];

/**
 * The candidates of each person of `ps` (same positions), best first, at most `KEEP_CANDIDATES`:
 * accounts of `pool` not taken nor rejected for the person, weighing at least 8 bits under the
 * review threshold (as if in scope: scope orders and weighs, never hides, issue 13, point 2).
 * `extraCandidates` adds accounts found otherwise (a guardian's paired children's guardians).
 * Ticks the run's tracker once per person. `patterns`, when given, counts the comparison pattern
 * of every pair weighed (the blocked candidate pairs, for `em.ts`).
 */
export function findCandidates(
  ps: Prepared[],
  pool: Prepared[],
  run: MatchRun,
  ctx: Context,
  extraCandidates?: (p: Prepared) => Prepared[],
  patterns?: PatternCounts,
): Scored[][] {
  const { taken, rejected, tracker } = run;
  // Freed with the category's search once it is done.
  const index = new BlockIndex(pool, run.D, run.ids);
  const floor = ctx.prior + REVIEW_BITS - 8;
  const cands: Scored[][] = new Array(ps.length);
  // One visitor for all persons (no closure per person): the person and list in hand.
  let p: Prepared = ps[0];
  let list: Scored[] = [];
  let rej: Set<string> | undefined;
  const visit = (d: Prepared) => {
    if (taken[d.index] || rej?.has(d.person.id)) return;
    const w = weigh(p, d, ctx, undefined, patterns);
    // Scope orders and weighs, never hides (issue 13, point 2): kept as if in scope.
    if (w - outOfScope(d, ctx) >= floor) list.push({ d, w });
  };
  for (let k = 0; k < ps.length; k++) {
    p = ps[k];
    list = [];
    rej = rejected.get(p.index);
    const extra = extraCandidates?.(p) ?? NO_PREPARED;
    index.start(p, extra.length > 0);
    index.visitKeys(true, visit);
    for (let i = 0; i < extra.length; i++) index.extra(extra[i], visit);
    // The name-only keys, unless a sure candidate is already in hand (see `sure`).
    if (!sure(p, list, ctx)) index.visitKeys(false, visit);
    sortByWeight(list);
    // Enough to replace candidates taken by other pairs; the rest never matters and costs memory at 200k.
    if (list.length > KEEP_CANDIDATES) list.length = KEEP_CANDIDATES;
    cands[k] = list;
    tracker.tick();
  }
  return cands;
}

/**
 * True when a candidate found by a strong key agrees on both names exactly and on the birth date
 * (or, for a guardian, is linked to one of the person's paired children): the name-only keys can then
 * only add accounts that disagree on the date or the children, far below it (issue 4: guardians
 * "first through their children, then by name"), and are not searched. This is most of the cost
 * at 200,000 persons, where name blocks are large.
 */
function sure(p: Prepared, list: Scored[], ctx: Context): boolean {
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const { last, first } = nameLevels(p, c.d);
    if (last !== 'exact' || first !== 'exact') continue;
    if (p.date ? compareDates(p.date, c.d.date) === 'exact' : !!ctx.children && ctx.children(p, c.d) > 0) return true;
  }
  return false;
}

/**
 * Weighs the candidates again with the context's weights (learned ones, `em.ts`), drops those now
 * under the search's floor and sorts each list again, best first.
 */
export function reweigh(ps: Prepared[], cands: Scored[][], ctx: Context): void {
  const floor = ctx.prior + REVIEW_BITS - 8;
  for (let k = 0; k < ps.length; k++) {
    const p = ps[k];
    const list = cands[k];
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      c.w = weigh(p, c.d, ctx);
      if (c.w - outOfScope(c.d, ctx) >= floor) list[n++] = c;
    }
    list.length = n;
    sortByWeight(list);
  }
}
