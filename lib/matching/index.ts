/**
 * The matching engine (issue 4): pairs Pronote persons with ENT directory accounts, per category.
 * Synchronous and pure (no DOM, no browser API): runs in Node, in tests and in a Web Worker.
 *
 * Method (issue 4, "Method"; PRODUCT.md §3):
 * 1. every person normalised once (`compare.prepare`);
 * 2. blocking on strict keys (`blocking.ts`), each candidate pair compared once; the name-only keys
 *    are searched only when the keys with a date (or a guardian's paired children) found no sure
 *    candidate (`sure`);
 * 3. fields compared in levels and weighed in the Fellegi-Sunter manner (`compare.ts`, `weights.ts`),
 *    name rarity from the directory's own frequencies;
 * 4. an automatic pair only above `AUTO_BITS` and with `MARGIN_BITS` over both the person's next
 *    candidate and the account's next claimant (so automatic pairs are one-to-one); homonyms and
 *    twins that the evidence cannot separate never pair automatically; repeated while pairs made
 *    free the way for others;
 * 5. categories in the order teachers, staff, students, then guardians through their paired
 *    children (DOMAIN.md: guardians have no birth date but have children), then supervisors and
 *    inspectors against the teacher and staff accounts (the ENT has no such category);
 * 6. a reason for every person left (`Reason`); earlier decisions override all of this.
 *
 * Loops over persons, keys and candidates are indexed, not `for…of`: until the engine is compiled
 * (the first run in a fresh Worker is the one a user waits for) each `for…of` step allocates an
 * iterator result, which was a quarter of all the memory a 10,000-person run allocated.
 */
import type { Category, Person } from '../core/person';
import { BlockIndex, KeyInterner } from './blocking';
import {
  compareDates,
  compareGiven,
  compareSets,
  compareSurnames,
  compareValues,
  type Prepared,
  prepare,
} from './compare';
import { personKey } from './person-key';
import { sortByWeight } from './sort-by-weight';
import { NameCounts, uniqueSameName } from './name-keys';
import type { Candidate, Decision, Evidence, Level, MatchInput, MatchResult, Proposal, Reason, ScopeInfo } from './types';
import {
  AUTO_BITS_THROUGH_CHILD,
  childWeight,
  confidence,
  FIRST_EXACT_RANGE,
  GUARDIAN_LAST_DIFFERENT,
  LAST_EXACT_RANGE,
  priorBits,
  rarityWeight,
  WEIGHTS,
} from './weights';

export * from './compare';
export * from './normalise';
export { personKey } from './person-key';
export type * from './types';

/** Total weight over the prior, in bits, needed for an automatic pair (confidence ≥ 0.992). */
export const AUTO_BITS = 7;
/**
 * Threshold for a guardian that no paired child links to the account, and for supervisors and
 * inspectors: names alone (no birth date) often meet a namesake elsewhere in a feed of several
 * schools, and most supervisors and inspectors have no account at all (DOMAIN.md).
 */
export const AUTO_BITS_UNLINKED = 12;
/** Lead in bits over the next candidate and over the account's next claimant for an automatic pair. */
export const MARGIN_BITS = 6;
/** Candidates at or above this many bits over the prior are offered for review (confidence ≥ 0.2). */
export const REVIEW_BITS = -2;
/** Candidates kept per person, best first. */
export const MAX_CANDIDATES = 5;
/** Candidates kept per person while pairing (those beyond are too weak to matter). */
const KEEP_CANDIDATES = 16;

/** Directory categories a Pronote category is compared with (DOMAIN.md: no ENT supervisors or inspectors). */
export const DIRECTORY_POOLS: Record<Category, Category[]> = {
  teacher: ['teacher'],
  staff: ['staff'],
  student: ['student'],
  guardian: ['guardian'],
  supervisor: ['teacher', 'staff'],
  inspector: ['teacher', 'staff'],
};

/**
 * Order of work: students first, whose sure pairs (birth dates) show the school's structures to the
 * teachers and staff (issue 13, point 2); guardians need their children paired; supervisors and
 * inspectors take what is left.
 */
const ORDER: Category[] = ['student', 'teacher', 'staff', 'guardian', 'supervisor', 'inspector'];

/**
 * Bits over the prior a name-only pair needs on top of its uniqueness (confidence ≥ 0.5): the names
 * must weigh more than the account's odds of being anyone (issue 13, point 3).
 */
export const NAME_ONLY_BITS = 0;

/** A structure is in the derived scope when it holds at least this share of the sure pairs (and 3 of them). */
const SCOPE_SHARE = 0.02;

interface Scored {
  d: Prepared;
  w: number;
}

interface Context {
  prior: number;
  /** Automatic threshold of the category when not `AUTO_BITS`. */
  autoBits?: number;
  total: number;
  /** Accounts of the pool per surname core and per given name, by the run's string ids. */
  lastCount: Int32Array;
  firstCount: Int32Array;
  ids: KeyInterner;
  /**
   * Guardians: the number of the person's paired children whose account is linked to `d`, or -1
   * when none of the person's children is paired (nothing known).
   */
  children?: (p: Prepared, d: Prepared) => number;
  /** Exact-name weights per directory index, computed once (NaN until then): rarity is per pool. */
  lastExactW: Float64Array;
  firstExactW: Float64Array;
  /**
   * Per directory index: 1 in the school's scope, -1 outside it, 0 unknown (no structure); undefined
   * when the run knows no scope, or every account is in it.
   */
  scope: Int8Array | undefined;
  /** Name keys of the category's Pronote persons and of the pool's accounts in scope (name-only pairs). */
  pronoteNames: NameCounts;
  directoryNames: NameCounts;
}

interface Outcome {
  status: 'auto' | 'review' | 'unmatched';
  /**
   * An automatic pair that may vouch for another (a child for its guardian, a structure for the
   * scope): decided by a person, or made with its full margin and no disagreement on birth date or
   * class (issue 13, point 5).
   */
  sure?: boolean;
  pair?: Scored;
  cands: Scored[];
  reason?: Reason;
  decided?: Decision['kind'];
}

/**
 * Evidence items are few distinct values (field, level, weight to 0.01 bit) shown on hundreds of
 * thousands of candidates: each is made once and shared, and must never be changed by a reader.
 */
const evidenceItems = new Map<number, Evidence>();
const FIELD_CODE: Record<Evidence['field'], number> = {
  lastName: 0,
  birthName: 1,
  firstName: 2,
  birthDate: 3,
  class: 4,
  sex: 5,
  email: 6,
  postalCode: 7,
  children: 8,
  structure: 9,
};
const LEVEL_CODE: Record<Level, number> = { exact: 0, close: 1, phonetic: 2, swapped: 3, different: 4, missing: 5 };
const push = (ev: Evidence[] | undefined, field: Evidence['field'], level: Level, weight: number) => {
  if (!ev) return;
  const hundredths = Math.round(weight * 100);
  const rounded = hundredths / 100;
  if (!(Math.abs(hundredths) < 50_000)) {
    ev.push({ field, level, weight: rounded });
    return;
  }
  // A small integer key: field, level, weight in hundredths of a bit (within ±500 bits).
  const key = (FIELD_CODE[field] * 8 + LEVEL_CODE[level]) * 100_000 + hundredths + 50_000;
  let item = evidenceItems.get(key);
  if (!item) {
    // Bounded: rarity weights are the only open-ended part, and they are clamped and rounded.
    if (evidenceItems.size > 50_000) evidenceItems.clear();
    item = { field, level, weight: rounded };
    evidenceItems.set(key, item);
  }
  ev.push(item);
};

function fixed(field: Evidence['field'], level: Level): number {
  return WEIGHTS[field][level] ?? 0;
}

const RANK: Record<Level, number> = { exact: 4, close: 3, phonetic: 2, swapped: 2, missing: 1, different: 0 };

/** Levels of the names of a pair, over the readings of a full-name field (both orders). */
function nameLevels(p: Prepared, d: Prepared): { last: Level; first: Level } {
  let best: { last: Level; first: Level } | undefined;
  let bestScore = -1;
  if (p.readings.length === 1 && d.readings.length === 1) {
    const rp = p.readings[0];
    const rd = d.readings[0];
    return {
      last: compareSurnames(rp.last, rp.lastPhon, rd.last, rd.lastPhon),
      first: compareGiven(rp.first, rp.firstPhon, rp.firstOthers, rd.first, rd.firstPhon, rd.firstOthers),
    };
  }
  for (let i = 0; i < p.readings.length; i++) {
    const rp = p.readings[i];
    for (let j = 0; j < d.readings.length; j++) {
      const rd = d.readings[j];
      const last = compareSurnames(rp.last, rp.lastPhon, rd.last, rd.lastPhon);
      const first = compareGiven(rp.first, rp.firstPhon, rp.firstOthers, rd.first, rd.firstPhon, rd.firstOthers);
      const s = RANK[last] * 5 + RANK[first];
      if (s > bestScore) {
        bestScore = s;
        best = { last, first };
      }
    }
  }
  return best ?? { last: 'missing', first: 'missing' };
}

/**
 * Total Fellegi-Sunter weight of a pair in bits; pushes the evidence of each field when `ev` is given.
 * Given name and surname typed the wrong way round count as `close` on both.
 */
function weigh(p: Prepared, d: Prepared, ctx: Context, ev?: Evidence[]): number {
  let { last, first } = nameLevels(p, d);
  if (last === 'different' && first === 'different' && p.first && d.first && !p.fromFullName && !d.fromFullName) {
    const crossLast = compareSurnames([p.first], [p.firstPhon], d.last, d.lastPhon);
    const crossFirst = compareGiven(p.last[0], p.lastPhon[0], [], d.first, d.firstPhon, []);
    if (crossLast === 'exact' && crossFirst === 'exact') {
      last = 'close';
      first = 'close';
    }
  }
  // Both names different: not a candidate unless an email or a shared child says otherwise.
  const shared = ctx.children ? ctx.children(p, d) : -1;
  if (last === 'different' && first === 'different' && !ev && (!p.email || p.email !== d.email) && shared <= 0) {
    return Number.NEGATIVE_INFINITY;
  }
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
  } else x = last === 'different' && ctx.children ? GUARDIAN_LAST_DIFFERENT : fixed('lastName', last);
  w += x;
  push(ev, 'lastName', last, x);
  if (first === 'exact') {
    x = ctx.firstExactW[d.index];
    if (Number.isNaN(x)) {
      x = rarityWeight((d.first && ctx.firstCount[ctx.ids.compact(d.first)]) || 1, ctx.total, FIRST_EXACT_RANGE[0], FIRST_EXACT_RANGE[1]);
      ctx.firstExactW[d.index] = x;
    }
  } else x = fixed('firstName', first);
  w += x;
  push(ev, 'firstName', first, x);
  const date = compareDates(p.date, d.date);
  x = fixed('birthDate', date);
  w += x;
  push(ev, 'birthDate', date, x);
  const sex = compareValues(p.sex, d.sex);
  x = fixed('sex', sex);
  w += x;
  push(ev, 'sex', sex, x);
  const cls = compareSets(p.classes, d.classes);
  x = fixed('class', cls);
  w += x;
  if (cls !== 'missing') push(ev, 'class', cls, x);
  const email = compareValues(p.email, d.email);
  x = fixed('email', email);
  w += x;
  if (email !== 'missing') push(ev, 'email', email, x);
  const postal = compareValues(p.postal, d.postal);
  x = fixed('postalCode', postal);
  w += x;
  if (postal !== 'missing') push(ev, 'postalCode', postal, x);
  if (shared >= 0) {
    x = shared > 0 ? childWeight(shared, ctx.prior) : fixed('children', 'different');
    w += x;
    push(ev, 'children', shared > 0 ? 'exact' : 'different', x);
  }
  if (ctx.scope && ctx.scope[d.index] < 0) {
    x = fixed('structure', 'different');
    w += x;
    push(ev, 'structure', 'different', x);
  }
  return w;
}

/** The scope's weight of an account (negative outside the school's scope, else 0). */
function outOfScope(d: Prepared, ctx: Context): number {
  return ctx.scope && ctx.scope[d.index] < 0 ? fixed('structure', 'different') : 0;
}

/**
 * Name-only evidence (issue 13, point 3): no birth date on one side, both names equal after
 * normalisation and unique on both sides within the scope, nothing disagreeing (sex, class, a
 * guardian's paired children), the account in scope, and the names weighing `NAME_ONLY_BITS` over
 * the prior. The margins are checked by the caller as for any automatic pair.
 */
function nameOnlyAuto(p: Prepared, d: Prepared, w: number, ctx: Context): boolean {
  if (w - ctx.prior < NAME_ONLY_BITS) return false;
  if (p.date && d.date) return false;
  if (ctx.scope && ctx.scope[d.index] < 0) return false;
  if (compareValues(p.sex, d.sex) === 'different' || compareSets(p.classes, d.classes) === 'different') return false;
  if (ctx.children && ctx.children(p, d) === 0) return false;
  return uniqueSameName(p, d, ctx.ids, ctx.pronoteNames, ctx.directoryNames);
}

function nameKey(p: Prepared): string {
  return `${p.last[0]?.compact ?? ''}|${p.first?.compact ?? ''}`;
}

/** `nameKey(a) === nameKey(b)`, without building the strings. */
function sameName(a: Prepared, b: Prepared): boolean {
  return (a.last[0]?.compact ?? '') === (b.last[0]?.compact ?? '') && (a.first?.compact ?? '') === (b.first?.compact ?? '');
}

function countNames(
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

/** Whether the automatic pair's names agree enough (a strong score on dates alone is not a pair). */
function namesAllowAuto(p: Prepared, d: Prepared, ctx: Context): boolean {
  const { last, first } = nameLevels(p, d);
  if (first === 'different' || first === 'missing') return false;
  if (last !== 'different' && last !== 'missing') return true;
  // Guardians: a usage name unknown on the other side is common; the shared child vouches.
  return first === 'exact' && !!ctx.children && ctx.children(p, d) > 0;
}

/** The automatic threshold of a pair: lower for a guardian linked to a paired child with the same given name. */
function autoBits(p: Prepared, d: Prepared, ctx: Context): number {
  if (ctx.children) {
    if (ctx.children(p, d) > 0) return nameLevels(p, d).first === 'exact' ? AUTO_BITS_THROUGH_CHILD : AUTO_BITS;
    return AUTO_BITS_UNLINKED;
  }
  return ctx.autoBits ?? AUTO_BITS;
}

interface Tracker {
  tick(n?: number): void;
  stage(name: string): void;
}

/**
 * Pairs the Pronote persons `ps` of one category with the accounts `pool` not yet `taken`.
 * Sets an outcome per Pronote person index in `out`; marks automatic pairs in `taken`.
 */
function pairCategory(
  ps: Prepared[],
  pool: Prepared[],
  D: readonly Prepared[],
  taken: Uint8Array,
  rejected: Map<number, Set<string>>,
  ctx: Context,
  tracker: Tracker,
  ids: KeyInterner,
  out: Map<number, Outcome>,
  extraCandidates?: (p: Prepared) => Prepared[],
): void {
  if (!ps.length) return;
  // Freed with the category once it is done.
  const index = new BlockIndex(pool, D, ids);
  const floor = ctx.prior + REVIEW_BITS - 8;
  // Candidates of each person, by position in `ps`.
  const cands: Scored[][] = new Array(ps.length);
  // One visitor for all persons (no closure per person): the person and list in hand.
  let p: Prepared = ps[0];
  let list: Scored[] = [];
  let rej: Set<string> | undefined;
  const visit = (d: Prepared) => {
    if (taken[d.index] || rej?.has(d.person.id)) return;
    const w = weigh(p, d, ctx);
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

  // Claims of each account: the best and second-best weight among the Pronote persons still open.
  const bestW = new Float64Array(D.length);
  const secondW = new Float64Array(D.length);
  const bestP = new Int32Array(D.length);
  const seen = new Int32Array(D.length);
  const open = new Uint8Array(ps.length).fill(1);
  const autoAt: Array<Scored | undefined> = new Array(ps.length);
  for (let pass = 1; pass <= 4; pass++) {
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

/** A Pronote person still open that has an account among its first candidates, with the weight. */
interface Claim {
  p: Prepared;
  w: number;
}

const NO_PREPARED: Prepared[] = [];

/**
 * No disagreement on birth date nor on class (issue 13, point 5). Day and month exchanged
 * (08/02 for 02/08, DOMAIN.md failure 5) is the same date typed the other way, not another one:
 * it counts as agreeing when the class agrees too. A wrong digit (another month, another day) or
 * another date is a disagreement, whatever the class.
 */
function sureEvidence(p: Prepared, d: Prepared): boolean {
  const date = compareDates(p.date, d.date);
  const cls = compareSets(p.classes, d.classes);
  if (date === 'swapped') return cls === 'exact';
  return (date === 'exact' || date === 'missing') && cls !== 'different';
}

/** True when another candidate is a homonym or twin of the best one that the weights do not separate. */
function confusable(top: Scored, all: Scored[]): boolean {
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    if (c !== top && top.w - c.w < MARGIN_BITS && (sameName(c.d, top.d) || isTwin(c.d, top.d))) return true;
  }
  return false;
}

function isTwin(a: Prepared, b: Prepared): boolean {
  return !!a.date && a.date.iso === b.date?.iso && a.last.some((f) => b.last.some((g) => g.compact === f.compact));
}

function reviewReason(
  p: Prepared,
  top: Scored,
  live: Scored[],
  all: Scored[],
  claims: Map<number, Claim[]>,
  ctx: Context,
): Reason {
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

/** Latest decision first; decisions found by Pronote id, else by a person key that only one person has. */
function decisionsFor(P: Prepared[], decisions: Decision[]): Map<number, Decision[]> {
  const byId = new Map<string, Decision[]>();
  const byKey = new Map<string, Decision[]>();
  for (const d of [...decisions].sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0))) {
    const idKey = `${d.category}|${d.pronoteId}`;
    byId.set(idKey, [...(byId.get(idKey) ?? []), d]);
    if (d.personKey) byKey.set(d.personKey, [...(byKey.get(d.personKey) ?? []), d]);
  }
  const out = new Map<number, Decision[]>();
  if (!decisions.length) return out;
  const keys = new Map<string, number>();
  const pk = P.map((p) => personKey(p.person));
  for (const k of pk) keys.set(k, (keys.get(k) ?? 0) + 1);
  P.forEach((p, i) => {
    const found = byId.get(`${p.person.category}|${p.person.id}`) ?? (keys.get(pk[i]) === 1 ? byKey.get(pk[i]) : undefined);
    if (found) out.set(p.index, found);
  });
  return out;
}

/**
 * Pairs Pronote persons with directory accounts (issue 4). See the module comment for the method.
 *
 * Input: both sides' persons as read (`lib/pronote`, `lib/directory`), earlier decisions, and an
 * optional progress callback called with (share done in [0, 1], stage name: `prepare`, then a
 * category name, then `done`). Output: one proposal per Pronote person, in input order; the number
 * of directory accounts used by no automatic pair. Pronote ids are expected unique per category.
 */
export function match(input: MatchInput): MatchResult {
  const { pronote, directory, decisions = [], onProgress } = input;
  const totalWork = pronote.length * 2 + directory.length || 1;
  let done = 0;
  let lastReport = 0;
  let stageName = 'prepare';
  const tracker: Tracker = {
    tick(n = 1) {
      done += n;
      if (onProgress && done - lastReport >= 2000) {
        lastReport = done;
        onProgress(Math.min(1, done / totalWork), stageName);
      }
    },
    stage(name) {
      stageName = name;
      onProgress?.(Math.min(1, done / totalWork), name);
    },
  };
  tracker.stage('prepare');
  const P = pronote.map((p, i) => {
    tracker.tick();
    return prepare(p, i);
  });
  const D = directory.map((d, i) => {
    tracker.tick();
    return prepare(d, i);
  });
  const dirByCategory = new Map<Category, Prepared[]>();
  const dirById = new Map<string, Prepared>();
  for (let i = 0; i < D.length; i++) {
    const d = D[i];
    const l = dirByCategory.get(d.person.category);
    if (l) l.push(d);
    else dirByCategory.set(d.person.category, [d]);
    // Only earlier decisions look accounts up by id.
    if (decisions.length) dirById.set(`${d.person.category}|${d.person.id}`, d);
  }
  const taken = new Uint8Array(D.length);
  const outcomes = new Map<number, Outcome>();
  const rejected = new Map<number, Set<string>>();

  // Earlier decisions first: they override the engine (issue 4).
  const found = decisionsFor(P, decisions);
  for (const [pi, list] of found) {
    const p = P[pi];
    for (const dec of list) {
      if (dec.kind === 'rejected') {
        if (dec.entId) rejected.set(pi, (rejected.get(pi) ?? new Set()).add(dec.entId));
        continue;
      }
      if (outcomes.has(pi)) continue;
      if (dec.kind === 'no-account') {
        outcomes.set(pi, { status: 'unmatched', cands: [], decided: 'no-account', reason: noAccountReason(p.person.category) });
        continue;
      }
      const account = DIRECTORY_POOLS[p.person.category]
        .map((c) => dirById.get(`${c}|${dec.entId}`))
        .find((d) => d && !taken[d.index]);
      // An account gone from this year's directory: the decision no longer applies, the engine decides.
      if (!account) continue;
      taken[account.index] = 1;
      outcomes.set(pi, { status: 'auto', sure: true, pair: { d: account, w: Number.POSITIVE_INFINITY }, cands: [], decided: dec.kind });
    }
  }

  const pronoteByCategory = new Map<Category, Prepared[]>();
  for (let i = 0; i < P.length; i++) {
    const p = P[i];
    if (outcomes.has(p.index)) continue;
    const l = pronoteByCategory.get(p.person.category);
    if (l) l.push(p);
    else pronoteByCategory.set(p.person.category, [p]);
  }
  const contexts = new Map<Category, Context>();
  const ids = new KeyInterner();
  const asked = input.scope?.trim();
  let askedKnown: boolean | undefined;
  let scopeInfo: ScopeInfo = { from: 'none', structures: [] };
  if (asked) {
    const wanted = asked.toUpperCase();
    askedKnown = D.some((d) => d.person.structures.some((x) => x.toUpperCase() === wanted));
    scopeInfo = askedKnown ? { asked, askedKnown, from: 'uai', structures: [asked] } : { asked, askedKnown, from: 'none', structures: [] };
  }
  // Each Pronote guardian's Pronote children, for the guardians' pairs and their reasons.
  let kidsOf: Array<Prepared[] | undefined> = [];
  for (const category of ORDER) {
    tracker.stage(category);
    const pool = DIRECTORY_POOLS[category].flatMap((c) => dirByCategory.get(c) ?? []);
    const names = countNames(pool, D.length, ids);
    const links = category === 'guardian' ? guardianLinks(P, D, outcomes) : undefined;
    if (links) kidsOf = links.kidsOf;
    // The school's structures from the sure pairs so far, unless a known UAI gives them.
    if (scopeInfo.from !== 'uai' && category !== 'student') scopeInfo = derivedScope(outcomes, scopeInfo);
    const scope = category === 'guardian' && links?.linked.size ? linkedScope(pool, links.linked) : structureScope(pool, D.length, scopeInfo.structures);
    const ps = pronoteByCategory.get(category) ?? [];
    const pronoteNames = new NameCounts();
    for (let i = 0; i < P.length; i++) if (P[i].person.category === category) pronoteNames.add(P[i], ids);
    const directoryNames = new NameCounts();
    for (let i = 0; i < pool.length; i++) if (!scope || scope[pool[i].index] >= 0) directoryNames.add(pool[i], ids);
    // Every field given here, in one order, for every category: the compiled engine then meets one
    // shape of context, not three (each new shape made V8 compile `weigh` again, 60–90 ms of its
    // compiler's time on these machines).
    const ctx: Context = {
      prior: priorBits(pool.length),
      autoBits: category === 'supervisor' || category === 'inspector' ? AUTO_BITS_UNLINKED : undefined,
      total: names.total,
      lastCount: names.lastCount,
      firstCount: names.firstCount,
      ids,
      children: links?.children,
      lastExactW: names.lastExactW,
      firstExactW: names.firstExactW,
      scope,
      pronoteNames,
      directoryNames,
    };
    contexts.set(category, ctx);
    pairCategory(ps, pool.filter((d) => !taken[d.index]), D, taken, rejected, ctx, tracker, ids, outcomes, links?.extra);
  }

  tracker.stage('reasons');
  const proposals = P.map((p) => {
    const o = outcomes.get(p.index)!;
    const category = p.person.category;
    const ctx = contexts.get(category)!;
    const candidates: Candidate[] = o.cands.map((c) => toCandidate(p, c, ctx));
    if (o.decided && o.pair) candidates.unshift(toCandidate(p, o.pair, ctx));
    const proposal: Proposal = {
      category,
      pronoteId: p.person.id,
      status: o.status,
      entId: o.pair?.d.person.id,
      score: o.decided && o.pair ? 1 : candidates[0]?.score ?? 0,
      candidates,
    };
    if (o.decided) proposal.decided = o.decided;
    const reason = o.reason ?? (o.status === 'unmatched' ? unmatchedReason(p, P, outcomes, kidsOf) : undefined);
    if (reason) proposal.reason = reason;
    return proposal;
  });
  tracker.stage('done');
  const used = new Set<number>();
  outcomes.forEach((o) => {
    if (o.status === 'auto' && o.pair) used.add(o.pair.d.index);
  });
  return { proposals, unusedDirectory: D.length - used.size, scope: scopeInfo };
}

/**
 * The structures of the sure pairs made so far (issue 13, point 2 (a)): each structure holding at
 * least `SCOPE_SHARE` of them and 3 pairs. Keeps `previous` when no sure pair has a structure.
 */
function derivedScope(outcomes: Map<number, Outcome>, previous: ScopeInfo): ScopeInfo {
  const counts = new Map<string, number>();
  let total = 0;
  outcomes.forEach((o) => {
    if (o.status !== 'auto' || !o.sure || !o.pair) return;
    const structures = o.pair.d.person.structures;
    if (!structures.length) return;
    total++;
    for (let i = 0; i < structures.length; i++) counts.set(structures[i], (counts.get(structures[i]) ?? 0) + 1);
  });
  if (!total) return previous;
  const structures = [...counts].filter(([, n]) => n >= 3 && n >= total * SCOPE_SHARE).map(([s]) => s).sort();
  if (!structures.length) return previous;
  return { ...previous, from: 'pairs', structures };
}

/**
 * Per directory index, 1 for an account of one of `structures`, -1 for an account of another
 * structure, 0 for an account without structure; undefined when no account of the pool is outside
 * (the scope then changes nothing).
 */
function structureScope(pool: Prepared[], size: number, structures: string[]): Int8Array | undefined {
  if (!structures.length) return undefined;
  const wanted = new Set(structures.map((s) => s.toUpperCase()));
  const scope = new Int8Array(size);
  let outside = 0;
  for (let i = 0; i < pool.length; i++) {
    const d = pool[i];
    const list = d.person.structures;
    if (!list.length) continue;
    let inside = false;
    for (let j = 0; j < list.length; j++) if (wanted.has(list[j].toUpperCase())) inside = true;
    scope[d.index] = inside ? 1 : -1;
    if (!inside) outside++;
  }
  return outside ? scope : undefined;
}

/**
 * Guardians' scope (issue 13, point 2 (a)): the accounts that the directory links to the students
 * already surely paired are in it, the others outside; undefined when every account is linked.
 */
function linkedScope(pool: Prepared[], linked: Set<number>): Int8Array | undefined {
  let size = 0;
  for (let i = 0; i < pool.length; i++) size = Math.max(size, pool[i].index + 1);
  const scope = new Int8Array(size);
  let outside = 0;
  for (let i = 0; i < pool.length; i++) {
    const inside = linked.has(pool[i].index);
    scope[pool[i].index] = inside ? 1 : -1;
    if (!inside) outside++;
  }
  return outside ? scope : undefined;
}

function toCandidate(p: Prepared, c: Scored, ctx: Context): Candidate {
  const evidence: Evidence[] = [];
  const w = weigh(p, c.d, ctx, evidence);
  return { entId: c.d.person.id, score: confidence(w, ctx.prior), evidence };
}

function noAccountReason(category: Category): Reason {
  return category === 'supervisor' || category === 'inspector' ? 'no-ent-category' : 'not-in-directory';
}

/**
 * Guardians through their children (issue 4): the Pronote guardian's children already paired give
 * the ENT guardians of those students as candidates, and the count of shared children as evidence.
 * Links are read both ways (a student's `guardians`, a guardian's `children`) on both sides.
 */
function guardianLinks(P: Prepared[], D: Prepared[], outcomes: Map<number, Outcome>) {
  // Small lists, not sets: a person has a few children or guardians, and 100,000 sets weigh a lot.
  const kidsOf: Array<Prepared[] | undefined> = new Array(P.length);
  eachLink(P, (s, g) => {
    const list = kidsOf[g.index];
    if (!list) kidsOf[g.index] = [s];
    else if (!list.includes(s)) list.push(s);
  });
  const dirGuardiansOf: Array<number[] | undefined> = new Array(D.length);
  eachLink(D, (s, g) => {
    const list = dirGuardiansOf[s.index];
    if (!list) dirGuardiansOf[s.index] = [g.index];
    else if (!list.includes(g.index)) list.push(g.index);
  });
  // Only sure child pairs lower a guardian's threshold or weigh as shared children (issue 13,
  // point 5: a weak student pair must not carry its error to the guardian); any automatic child
  // pair still brings its account's guardians as candidates.
  const pairedKids: Array<number[] | undefined> = new Array(P.length);
  const candidateKids: Array<number[] | undefined> = new Array(P.length);
  kidsOf.forEach((kids, gi) => {
    if (!kids) return;
    let sure: number[] | undefined;
    let any: number[] | undefined;
    for (let i = 0; i < kids.length; i++) {
      const o = outcomes.get(kids[i].index);
      if (o?.status !== 'auto' || !o.pair) continue;
      if (!any) any = [];
      any.push(o.pair.d.index);
      if (!o.sure) continue;
      if (!sure) sure = [];
      sure.push(o.pair.d.index);
    }
    if (sure) pairedKids[gi] = sure;
    if (any) candidateKids[gi] = any;
  });
  // The accounts linked to surely paired students: the guardians of the school's population.
  const linked = new Set<number>();
  outcomes.forEach((o) => {
    if (o.status !== 'auto' || !o.sure || !o.pair || o.pair.d.person.category !== 'student') return;
    const gs = dirGuardiansOf[o.pair.d.index];
    if (gs) for (let i = 0; i < gs.length; i++) linked.add(gs[i]);
  });
  // Called for every account compared with one person in turn: that person's lookup is kept.
  let lastP: Prepared | undefined;
  let lastKids: number[] | undefined;
  return {
    kidsOf,
    linked,
    children(p: Prepared, d: Prepared): number {
      if (p !== lastP) {
        lastP = p;
        lastKids = pairedKids[p.index];
      }
      const kids = lastKids;
      if (!kids) return -1;
      let shared = 0;
      for (let i = 0; i < kids.length; i++) if (dirGuardiansOf[kids[i]]?.includes(d.index)) shared++;
      return shared;
    },
    extra(p: Prepared): Prepared[] {
      const kids = candidateKids[p.index];
      if (!kids) return NO_PREPARED;
      const out: Prepared[] = [];
      for (let i = 0; i < kids.length; i++) {
        const gs = dirGuardiansOf[kids[i]] ?? NO_INDEXES;
        for (let j = 0; j < gs.length; j++) if (!out.includes(D[gs[j]])) out.push(D[gs[j]]);
      }
      return out;
    },
  };
}

const NO_INDEXES: number[] = [];

/**
 * Calls `link(student, guardian)` for each link between two persons of one side, read both ways (a
 * student's `guardians`, a guardian's `children`), in the side's order; a link may come twice, and
 * links to an id absent from the side are skipped. Persons are found by id per category, so no
 * "category|id" string is built per link.
 */
function eachLink(side: Prepared[], link: (student: Prepared, guardian: Prepared) => void): void {
  const students = new Map<string, Prepared>();
  const guardians = new Map<string, Prepared>();
  for (let i = 0; i < side.length; i++) {
    const p = side[i];
    if (p.person.category === 'student') students.set(p.person.id, p);
    else if (p.person.category === 'guardian') guardians.set(p.person.id, p);
  }
  for (let i = 0; i < side.length; i++) {
    const p = side[i];
    const { children, guardians: theirGuardians } = p.person;
    if (p.person.category === 'guardian') {
      for (let j = 0; j < children.length; j++) {
        const s = students.get(children[j].id);
        if (s) link(s, p);
      }
    } else if (p.person.category === 'student') {
      for (let j = 0; j < theirGuardians.length; j++) {
        const g = guardians.get(theirGuardians[j].id);
        if (g) link(p, g);
      }
    }
  }
}

/** The likely reason why a Pronote person found no candidate (issue 4, "For each person left"). */
function unmatchedReason(p: Prepared, P: Prepared[], outcomes: Map<number, Outcome>, kidsOf: Array<Prepared[] | undefined>): Reason {
  const category = p.person.category;
  if (category === 'supervisor' || category === 'inspector') return 'no-ent-category';
  if (duplicates(P, outcomes).get(p.index)?.some((q) => outcomes.get(q)?.status === 'auto')) return 'duplicate-pronote';
  if (category === 'student' && p.classes.length === 0) return 'former-student';
  if (category === 'guardian') {
    const kids = kidsOf[p.index] ?? NO_PREPARED;
    if (!kids.some((k) => outcomes.get(k.index)?.status === 'auto')) return 'guardian-of-unpaired';
  }
  return 'not-in-directory';
}

// Lazily built per-run lookups for the reasons (weakly keyed by the prepared array of a run).
const dupCache = new WeakMap<Prepared[], Map<number, number[]>>();
function duplicates(P: Prepared[], outcomes: Map<number, Outcome>): Map<number, number[]> {
  const m = dupCache.get(P);
  if (m) return m;
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
    if (g.length > 1) for (let k = 0; k < g.length; k++) found.set(g[k], g.filter((j) => j !== g[k]));
  });
  dupCache.set(P, found);
  return found;
}

/** Persons of a list by category, for callers that show counts (all six categories, 0 included). */
export function countByCategory(persons: Person[]): Record<Category, number> {
  const out = { teacher: 0, student: 0, guardian: 0, supervisor: 0, inspector: 0, staff: 0 } as Record<Category, number>;
  for (const p of persons) out[p.category]++;
  return out;
}
