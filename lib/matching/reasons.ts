/**
 * Why a person was left for review or unmatched (issue 4, "For each person left"): homonyms,
 * duplicates on either side, ambiguity, a low score, former students, guardians of unpaired
 * students, persons with no account.
 */
import type { Category } from '../core/person';
import { NO_PREPARED } from './candidates';
import type { Prepared } from './compare';
import { autoBits, isTwin, namesAllowAuto } from './pair-rules';
import type { Claim, Context, MatchRun, Scored } from './run';
import { MARGIN_BITS } from './thresholds';
import type { Reason } from './types';
import { nameKey, sameName } from './weigh';

/** The reason of a person sent to review with `top` first among `live` (all its candidates: `all`). */
export function reviewReason(p: Prepared, top: Scored, live: Scored[], all: Scored[], claims: Map<number, Claim[]>, ctx: Context): Reason {
  const near = all.find((c) => c !== top && top.w - c.w < MARGIN_BITS && (sameName(c.d, top.d) || isTwin(c.d, top.d)));
  if (near) {
    const sameDates = !!p.date && top.d.date?.iso === p.date.iso && near.d.date?.iso === p.date.iso;
    return sameDates && sameName(near.d, top.d) ? 'duplicate-ent' : 'homonyms';
  }
  const rivals = (claims.get(top.d.index) ?? []).filter((r) => r.p !== p && top.w - r.w < MARGIN_BITS);
  for (const r of rivals) {
    const q = r.p;
    if (sameName(q, p)) return p.date?.iso === q.date?.iso ? 'duplicate-pronote' : 'homonyms';
  }
  if (rivals.length) return 'ambiguous';
  if (live[1] && top.w - live[1].w < MARGIN_BITS) return 'ambiguous';
  if (top.w - ctx.prior < autoBits(p, top.d, ctx) || !namesAllowAuto(p, top.d, ctx)) return 'low-score';
  return 'ambiguous';
}

/** The reason of a person decided "no account": supervisors and inspectors have no ENT category. */
export function noAccountReason(category: Category): Reason {
  return category === 'supervisor' || category === 'inspector' ? 'no-ent-category' : 'not-in-directory';
}

/** The likely reason why a Pronote person found no candidate (issue 4, "For each person left"). */
export function unmatchedReason(p: Prepared, run: MatchRun): Reason {
  const { outcomes } = run;
  const category = p.person.category;
  if (category === 'supervisor' || category === 'inspector') return 'no-ent-category';
  if (
    duplicates(run)
      .get(p.index)
      ?.some((q) => outcomes.get(q)?.status === 'auto')
  )
    return 'duplicate-pronote';
  if (category === 'student' && p.classes.length === 0) return 'former-student';
  if (category === 'guardian') {
    const kids = run.kidsOf[p.index] ?? NO_PREPARED;
    if (!kids.some((k) => outcomes.get(k.index)?.status === 'auto')) return 'guardian-of-unpaired';
  }
  return 'not-in-directory';
}

/** The Pronote namesakes of each person left unmatched (same category, names and date), built once per run. */
function duplicates(run: MatchRun): Map<number, number[]> {
  if (run.duplicates) return run.duplicates;
  const { P, outcomes } = run;
  // Only the namesakes of persons left unmatched are ever asked for: other surnames are skipped
  // without building their keys (a few percent of 200,000 persons are left).
  const wanted = new Set<string>();
  for (let i = 0; i < P.length; i++) if (outcomes.get(P[i].index)?.status === 'unmatched') wanted.add(P[i].last[0]?.compact ?? '');
  const groups = new Map<string, number[]>();
  for (let i = 0; i < P.length; i++) {
    const p = P[i];
    if (!wanted.has(p.last[0]?.compact ?? '')) continue;
    // Without a birth date (guardians, staff), a namesake is a duplicate only if the address or email agrees too.
    const k = `${p.person.category}|${nameKey(p)}|${p.date ? p.date.iso : `${p.postal}|${p.email}`}`;
    const g = groups.get(k);
    if (g) g.push(p.index);
    else groups.set(k, [p.index]);
  }
  const found = new Map<number, number[]>();
  groups.forEach((g) => {
    if (g.length > 1)
      for (let k = 0; k < g.length; k++)
        found.set(
          g[k],
          g.filter((j) => j !== g[k]),
        );
  });
  run.duplicates = found;
  return found;
}
