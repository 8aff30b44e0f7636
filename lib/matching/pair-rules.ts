/**
 * The rules an automatic pair must pass beyond its weight (issue 4, "Method" 4; issue 13, points
 * 3 and 5): the threshold of the pair, names that agree enough, name-only evidence, homonyms and
 * twins the weights do not separate, and whether a pair is sure enough to vouch for another.
 */
import { compareDates, compareSets, compareValues, type Prepared } from './compare';
import { uniqueSameName } from './name-keys';
import type { Context, Scored } from './run';
import { AUTO_BITS, AUTO_BITS_UNLINKED, MARGIN_BITS, NAME_ONLY_BITS } from './thresholds';
import { nameLevels, sameName } from './weigh';
import { AUTO_BITS_THROUGH_CHILD } from './weights';

/**
 * Name-only evidence (issue 13, point 3): no birth date on one side, both names equal after
 * normalisation and unique on both sides within the scope, nothing disagreeing (sex, class, a
 * guardian's paired children), the account in scope (for a guardian: linked to a student surely
 * paired, when any is), and the names weighing `NAME_ONLY_BITS` over
 * the prior. The margins are checked by the caller as for any automatic pair.
 */
export function nameOnlyAuto(p: Prepared, d: Prepared, w: number, ctx: Context): boolean {
  if (w - ctx.prior < NAME_ONLY_BITS) return false;
  if (p.date && d.date) return false;
  if (ctx.scope && ctx.scope[d.index] < 0) return false;
  if (ctx.pairedGuardians && ctx.pairedGuardians.size > 0 && !ctx.pairedGuardians.has(d.index)) return false;
  if (compareValues(p.sex, d.sex) === 'different' || compareSets(p.classes, d.classes) === 'different') return false;
  if (ctx.children && ctx.children(p, d) === 0) return false;
  return uniqueSameName(p, d, ctx.ids, ctx.pronoteNames, ctx.directoryNames);
}

/** Whether the automatic pair's names agree enough (a strong score on dates alone is not a pair). */
export function namesAllowAuto(p: Prepared, d: Prepared, ctx: Context): boolean {
  const { last, first } = nameLevels(p, d);
  if (first === 'different' || first === 'missing') return false;
  if (last !== 'different' && last !== 'missing') return true;
  // Guardians: a usage name unknown on the other side is common; the shared child vouches.
  return first === 'exact' && !!ctx.children && ctx.children(p, d) > 0;
}

/**
 * The automatic threshold of a pair: lower for a guardian linked to a paired child with the same
 * given name. A guardian with no paired child (no link in the export, or a lost one) needs the
 * unlinked threshold, unless the Pronote email is the account's own (the AAF's `mail`) and both
 * names are equal: an address is personal, so with the same name it is evidence of its own, as a
 * birth date is for a student (issue 13, point 3: "another agreeing field"). An address a couple
 * shares does not vouch, since the other parent's given name differs. A child that disagrees (0)
 * keeps the unlinked threshold; the margins over the other candidates apply as for any pair.
 */
export function autoBits(p: Prepared, d: Prepared, ctx: Context): number {
  if (ctx.children) {
    const shared = ctx.children(p, d);
    if (shared > 0) return nameLevels(p, d).first === 'exact' ? AUTO_BITS_THROUGH_CHILD : AUTO_BITS;
    if (shared < 0 && sameEmailAndNames(p, d)) return AUTO_BITS;
    return AUTO_BITS_UNLINKED;
  }
  return ctx.autoBits ?? AUTO_BITS;
}

/** The same email on both sides, and surname and given name both equal after normalisation. */
function sameEmailAndNames(p: Prepared, d: Prepared): boolean {
  if (!p.email || p.email !== d.email) return false;
  const { last, first } = nameLevels(p, d);
  return last === 'exact' && first === 'exact';
}

/**
 * No disagreement on birth date nor on class (issue 13, point 5). Day and month exchanged
 * (08/02 for 02/08, DOMAIN.md failure 5) is the same date typed the other way, not another one:
 * it counts as agreeing when the class agrees too. A wrong digit (another month, another day) or
 * another date is a disagreement, whatever the class.
 */
export function sureEvidence(p: Prepared, d: Prepared): boolean {
  const date = compareDates(p.date, d.date);
  const cls = compareSets(p.classes, d.classes);
  if (date === 'swapped') return cls === 'exact';
  return (date === 'exact' || date === 'missing') && cls !== 'different';
}

/** True when another candidate is a homonym or twin of the best one that the weights do not separate. */
export function confusable(top: Scored, all: Scored[]): boolean {
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    if (c !== top && top.w - c.w < MARGIN_BITS && (sameName(c.d, top.d) || isTwin(c.d, top.d))) return true;
  }
  return false;
}

/** Same birth date and a surname form in common. */
export function isTwin(a: Prepared, b: Prepared): boolean {
  return !!a.date && a.date.iso === b.date?.iso && a.last.some((f) => b.last.some((g) => g.compact === f.compact));
}
