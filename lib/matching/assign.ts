/**
 * Assignment (issue 4, "Method" 4): from the candidates of a category's persons, the automatic pairs
 * (above the pair's threshold, `MARGIN_BITS` over both the person's next candidate and the account's
 * next claimant, so automatic pairs are one-to-one; homonyms and twins never), repeated while pairs
 * made free the way for others; then review or unmatched, with a reason, for those left.
 */
import type { Prepared } from './compare';
import { autoBits, confusable, nameOnlyAuto, namesAllowAuto, sureEvidence } from './pair-rules';
import { reviewReason } from './reasons';
import type { Claim, Context, MatchRun, Scored } from './run';
import { MARGIN_BITS, MAX_CANDIDATES, REVIEW_BITS } from './thresholds';
import { outOfScope } from './weigh';

/** Passes of pairing at most: each frees accounts for the next (a fifth never made a pair). */
const PASSES = 4;

/**
 * Decides the persons `ps` of one category from their candidates `cands` (same positions, best
 * first): sets an outcome per Pronote index in `run.outcomes` and marks automatic pairs in
 * `run.taken`.
 */
export function assign(ps: Prepared[], cands: Scored[][], run: MatchRun, ctx: Context): void {
  const { D, taken, outcomes: out } = run;
  // Claims of each account: the best and second-best weight among the Pronote persons still open.
  const bestW = new Float64Array(D.length);
  const secondW = new Float64Array(D.length);
  const bestP = new Int32Array(D.length);
  const seen = new Int32Array(D.length);
  const open = new Uint8Array(ps.length).fill(1);
  const autoAt: Array<Scored | undefined> = new Array(ps.length);
  for (let pass = 1; pass <= PASSES; pass++) {
    for (let k = 0; k < ps.length; k++) {
      if (!open[k]) continue;
      const all = cands[k];
      for (let i = 0; i < all.length; i++) {
        const c = all[i];
        const di = c.d.index;
        if (taken[di]) continue;
        if (seen[di] !== pass) {
          seen[di] = pass;
          bestW[di] = c.w;
          bestP[di] = k;
          secondW[di] = Number.NEGATIVE_INFINITY;
        } else if (c.w > bestW[di]) {
          secondW[di] = bestW[di];
          bestW[di] = c.w;
          bestP[di] = k;
        } else if (c.w > secondW[di]) secondW[di] = c.w;
      }
    }
    const made: number[] = [];
    const tops: Scored[] = [];
    for (let k = 0; k < ps.length; k++) {
      if (!open[k]) continue;
      const p = ps[k];
      const all = cands[k];
      // The first two candidates not taken.
      let top: Scored | undefined;
      let next: Scored | undefined;
      for (let i = 0; i < all.length; i++) {
        const c = all[i];
        if (taken[c.d.index]) continue;
        if (!top) top = c;
        else {
          next = c;
          break;
        }
      }
      if (!top) continue;
      const byNames = top.w - ctx.prior < autoBits(p, top.d, ctx);
      if (byNames && !nameOnlyAuto(p, top.d, top.w, ctx)) continue;
      if (next && top.w - next.w < MARGIN_BITS) continue;
      const rival = bestP[top.d.index] === k ? secondW[top.d.index] : bestW[top.d.index];
      if (top.w - rival < MARGIN_BITS) continue;
      if (confusable(top, all)) continue;
      if (!byNames && !namesAllowAuto(p, top.d, ctx)) continue;
      made.push(k);
      tops.push(top);
    }
    if (!made.length) break;
    for (let i = 0; i < made.length; i++) {
      taken[tops[i].d.index] = 1;
      open[made[i]] = 0;
      autoAt[made[i]] = tops[i];
    }
  }

  // Claims again for the reasons of those left.
  const claims = new Map<number, Claim[]>();
  for (let k = 0; k < ps.length; k++) {
    if (!open[k]) continue;
    const all = cands[k];
    for (let i = 0; i < all.length && i < MAX_CANDIDATES; i++) {
      const c = all[i];
      if (taken[c.d.index]) continue;
      const l = claims.get(c.d.index);
      if (l) l.push({ p: ps[k], w: c.w });
      else claims.set(c.d.index, [{ p: ps[k], w: c.w }]);
    }
  }
  for (let k = 0; k < ps.length; k++) {
    const p = ps[k];
    const all = cands[k];
    const pair = autoAt[k];
    if (pair) {
      out.set(p.index, { status: 'auto', pair, cands: [pair], sure: sureEvidence(p, pair.d) });
      continue;
    }
    const live: Scored[] = [];
    for (let i = 0; i < all.length; i++) {
      const c = all[i];
      if (live.length === MAX_CANDIDATES) break;
      if (!taken[c.d.index]) live.push(c);
    }
    const top = live[0];
    let reviewable = false;
    for (let i = 0; i < live.length && !reviewable; i++) reviewable = live[i].w - outOfScope(live[i].d, ctx) - ctx.prior >= REVIEW_BITS;
    if (!top || !reviewable) {
      out.set(p.index, { status: 'unmatched', cands: [], reason: undefined });
      continue;
    }
    out.set(p.index, { status: 'review', pair: top, cands: live, reason: reviewReason(p, top, live, all, claims, ctx) });
  }
}
