/**
 * Weighing a candidate pair (issue 4, "Method" 3): fields compared in levels (`compare.ts`) and
 * weighed in the Fellegi-Sunter manner with the run's weights (`weights.ts`), exact names by their
 * rarity in the pool (the directory's own frequencies).
 */
import type { KeyInterner } from './blocking';
import { compareDates, compareGiven, compareSets, compareSurnames, compareValues, type Prepared } from './compare';
import { type PatternCounts, patternCode } from './em';
import type { Context, Scored } from './run';
import type { Candidate, Evidence, Level } from './types';
import { childWeight, confidence, FIRST_EXACT_RANGE, GUARDIAN_LAST_DIFFERENT, LAST_EXACT_RANGE, rarityWeight } from './weights';

const RANK: Record<Level, number> = { exact: 4, close: 3, phonetic: 2, swapped: 2, missing: 1, different: 0 };

/** Levels of the names of a pair, over the readings of a full-name field (both orders). */
export function nameLevels(p: Prepared, d: Prepared): { last: Level; first: Level } {
  let best: { last: Level; first: Level } | undefined;
  let bestScore = -1;
  if (p.readings.length === 1 && d.readings.length === 1) {
    const rp = p.readings[0];
    const rd = d.readings[0];
    return crossed({ last: compareSurnames(rp.last, rp.lastPhon, rd.last, rd.lastPhon), first: compareGiven(rp, rd) }, p, d);
  }
  for (let i = 0; i < p.readings.length; i++) {
    const rp = p.readings[i];
    for (let j = 0; j < d.readings.length; j++) {
      const rd = d.readings[j];
      const last = compareSurnames(rp.last, rp.lastPhon, rd.last, rd.lastPhon);
      const first = compareGiven(rp, rd);
      const s = RANK[last] * 5 + RANK[first];
      if (s > bestScore) {
        bestScore = s;
        best = { last, first };
      }
    }
  }
  return crossed(best ?? { last: 'missing', first: 'missing' }, p, d);
}

/**
 * Given name and surname typed the wrong way round (THÉO LALOIER for LALOIER Théo: issue 13,
 * point 4) count as `close` on both, so that the weights and the rules of an automatic pair see the
 * same levels; any other pair of levels is returned as it is.
 */
function crossed(levels: { last: Level; first: Level }, p: Prepared, d: Prepared): { last: Level; first: Level } {
  if (levels.last !== 'different' || levels.first !== 'different' || !p.first || !d.first || p.fromFullName || d.fromFullName) return levels;
  const crossLast = compareSurnames([p.first], [p.firstPhon], d.last, d.lastPhon);
  const crossFirst = compareGiven(
    { first: p.last[0], firstPhon: p.lastPhon[0], firstOthers: NO_OTHERS, firstAll: '' },
    { first: d.first, firstPhon: d.firstPhon, firstOthers: NO_OTHERS, firstAll: '' },
  );
  return crossLast === 'exact' && crossFirst === 'exact' ? { last: 'close', first: 'close' } : levels;
}

const NO_OTHERS: string[] = [];

/**
 * Total Fellegi-Sunter weight of a pair in bits; pushes the evidence of each field when `ev` is given.
 * Given name and surname typed the wrong way round count as `close` on both. −∞ when both names
 * differ and neither an email nor a shared child says otherwise (not a candidate), unless `ev` asks
 * for the evidence. `patterns`, when given, counts the pair's comparison pattern (`em.ts`).
 */
export function weigh(p: Prepared, d: Prepared, ctx: Context, ev?: Evidence[], patterns?: PatternCounts): number {
  const { last, first } = nameLevels(p, d);
  // Both names different: not a candidate unless an email or a shared child says otherwise.
  const shared = ctx.children ? ctx.children(p, d) : -1;
  if (last === 'different' && first === 'different' && !ev && (!p.email || p.email !== d.email) && shared <= 0) {
    return Number.NEGATIVE_INFINITY;
  }
  const W = ctx.weights;
  const items = ctx.evidence;
  let w = 0;
  let x: number;
  if (last === 'exact') {
    x = ctx.lastExactW[d.index];
    if (Number.isNaN(x)) {
      let count = Number.POSITIVE_INFINITY;
      for (let i = 0; i < d.last.length; i++) count = Math.min(count, ctx.lastCount[ctx.ids.core(d.last[i])] || 1);
      x = rarityWeight(count, ctx.total, LAST_EXACT_RANGE[0], LAST_EXACT_RANGE[1]);
      ctx.lastExactW[d.index] = x;
    }
  } else x = last === 'different' && ctx.children ? GUARDIAN_LAST_DIFFERENT : (W.lastName[last] ?? 0);
  w += x;
  if (ev) items.push(ev, 'lastName', last, x);
  if (first === 'exact') {
    x = ctx.firstExactW[d.index];
    if (Number.isNaN(x)) {
      x = rarityWeight((d.first && ctx.firstCount[ctx.ids.compact(d.first)]) || 1, ctx.total, FIRST_EXACT_RANGE[0], FIRST_EXACT_RANGE[1]);
      ctx.firstExactW[d.index] = x;
    }
  } else x = W.firstName[first] ?? 0;
  w += x;
  if (ev) items.push(ev, 'firstName', first, x);
  const date = compareDates(p.date, d.date);
  x = W.birthDate[date] ?? 0;
  w += x;
  if (ev) items.push(ev, 'birthDate', date, x);
  const sex = compareValues(p.sex, d.sex);
  x = W.sex[sex] ?? 0;
  w += x;
  if (ev) items.push(ev, 'sex', sex, x);
  const cls = compareSets(p.classes, d.classes);
  x = W.class[cls] ?? 0;
  w += x;
  if (ev && cls !== 'missing') items.push(ev, 'class', cls, x);
  const email = compareValues(p.email, d.email);
  x = W.email[email] ?? 0;
  w += x;
  if (ev && email !== 'missing') items.push(ev, 'email', email, x);
  const postal = compareValues(p.postal, d.postal);
  x = W.postalCode[postal] ?? 0;
  w += x;
  if (ev && postal !== 'missing') items.push(ev, 'postalCode', postal, x);
  if (shared >= 0) {
    x = shared > 0 ? childWeight(shared, ctx.prior) : (W.children.different ?? 0);
    w += x;
    if (ev) items.push(ev, 'children', shared > 0 ? 'exact' : 'different', x);
  }
  if (ctx.scope && ctx.scope[d.index] < 0) {
    x = W.structure.different ?? 0;
    w += x;
    if (ev) items.push(ev, 'structure', 'different', x);
  }
  if (patterns) patterns.add(patternCode(last, first, date, sex, cls, email, postal));
  return w;
}

/** The scope's weight of an account (negative outside the school's scope, else 0). */
export function outOfScope(d: Prepared, ctx: Context): number {
  return ctx.scope && ctx.scope[d.index] < 0 ? (ctx.weights.structure.different ?? 0) : 0;
}

/** A candidate as shown: its confidence and the evidence of each field. */
export function toCandidate(p: Prepared, c: Scored, ctx: Context): Candidate {
  const evidence: Evidence[] = [];
  const w = weigh(p, c.d, ctx, evidence);
  return { entId: c.d.person.id, score: confidence(w, ctx.prior), evidence };
}

/** The main surname and given name of a person, compact ("dupont|marie"). */
export function nameKey(p: Prepared): string {
  return `${p.last[0]?.compact ?? ''}|${p.first?.compact ?? ''}`;
}

/** `nameKey(a) === nameKey(b)`, without building the strings. */
export function sameName(a: Prepared, b: Prepared): boolean {
  return (a.last[0]?.compact ?? '') === (b.last[0]?.compact ?? '') && (a.first?.compact ?? '') === (b.first?.compact ?? '');
}

/**
 * The pool's name frequencies for the rarity weights: accounts per surname core and per given name,
 * indexed by the run's string ids, and the empty per-account caches of the exact-name weights
 * (`size`: the number of directory accounts).
 */
export function nameFrequencies(
  pool: Prepared[],
  size: number,
  ids: KeyInterner,
): Pick<Context, 'lastCount' | 'firstCount' | 'total' | 'lastExactW' | 'firstExactW'> {
  // Ids first, so the counts can be arrays indexed by id.
  for (let i = 0; i < pool.length; i++) {
    const d = pool[i];
    for (let j = 0; j < d.last.length; j++) ids.core(d.last[j]);
    if (d.first) ids.compact(d.first);
  }
  const lastCount = new Int32Array(ids.size);
  const firstCount = new Int32Array(ids.size);
  for (let i = 0; i < pool.length; i++) {
    const d = pool[i];
    for (let j = 0; j < d.last.length; j++) lastCount[ids.core(d.last[j])]++;
    if (d.first) firstCount[ids.compact(d.first)]++;
  }
  const lastExactW = new Float64Array(size).fill(Number.NaN);
  const firstExactW = new Float64Array(size).fill(Number.NaN);
  return { lastCount, firstCount, total: pool.length, lastExactW, firstExactW };
}
