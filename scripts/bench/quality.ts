/**
 * The benchmarks' quality measures (a helper, not a benchmark): the exact-key baseline, and the
 * tally of proposals against the generator's truth per category. Precision = right automatic pairs
 * / automatic pairs; recall = right automatic pairs / Pronote persons who have an ENT account in
 * the truth; review share = persons sent to review / persons; right first = review persons with an
 * account whose first candidate is it.
 */
import { foldCompact } from '../../lib/core/fold';
import { DIRECTORY_POOLS, type Proposal } from '../../lib/matching';
import { CATEGORIES, type Category, type Person } from '../../lib/core/person';

/** Exact-key baseline: normalised last name + first name + birth date, paired only when unique on both sides (DOMAIN.md failure 5). */
export function baseline(pronote: Person[], directory: Person[]): Proposal[] {
  const key = (p: Person) => `${foldCompact(p.lastName)}|${foldCompact(p.firstName)}|${p.birthDate ?? ''}`;
  const count = (persons: Person[], cat: (p: Person) => string) => {
    const m = new Map<string, Person[]>();
    for (const p of persons) {
      const k = `${cat(p)}|${key(p)}`;
      const l = m.get(k);
      if (l) l.push(p);
      else m.set(k, [p]);
    }
    return m;
  };
  const pools = new Map<Category, Map<string, Person[]>>();
  for (const c of CATEGORIES) {
    const pool = directory.filter((d) => DIRECTORY_POOLS[c].includes(d.category));
    pools.set(
      c,
      count(pool, () => c),
    );
  }
  const pronoteKeys = count(pronote, (p) => p.category);
  return pronote.map((p) => {
    const k = `${p.category}|${key(p)}`;
    const dir = pools.get(p.category)!.get(k);
    const unique = dir?.length === 1 && pronoteKeys.get(k)!.length === 1;
    return unique
      ? { category: p.category, pronoteId: p.id, status: 'auto', entId: dir[0].id, score: 1, candidates: [] }
      : { category: p.category, pronoteId: p.id, status: 'unmatched', score: 0, candidates: [] };
  });
}

export interface Row {
  category: Category;
  status: Proposal['status'];
  entId?: string;
  /** The right ENT account, '' when the person has none. */
  truth: string;
}

export interface Stats {
  persons: number;
  withAccount: number;
  auto: number;
  right: number;
  review: number;
  reviewWithAccount: number;
  reviewFirst: number;
  /** ENT accounts in more than one automatic pair (must stay 0). */
  accountsTwice: number;
}

export type Tally = Map<Category | 'overall', Stats>;

/** Proposals joined to the truth (by category and Pronote id). */
export function rowsOf(truthRows: { category: Category; pronoteId: string; entId: string }[], proposals: Proposal[]): Row[] {
  const truth = new Map(truthRows.map((t) => [`${t.category}|${t.pronoteId}`, t.entId]));
  return proposals.map((p) => ({ category: p.category, status: p.status, entId: p.entId, truth: truth.get(`${p.category}|${p.pronoteId}`) ?? '' }));
}

export function tally(rows: Row[]): Tally {
  const out: Tally = new Map();
  const zero = (): Stats => ({ persons: 0, withAccount: 0, auto: 0, right: 0, review: 0, reviewWithAccount: 0, reviewFirst: 0, accountsTwice: 0 });
  for (const c of [...CATEGORIES, 'overall'] as const) out.set(c, zero());
  const autoAccounts = new Map<string, number>();
  for (const r of rows) {
    if (r.status === 'auto' && r.entId) autoAccounts.set(r.entId, (autoAccounts.get(r.entId) ?? 0) + 1);
    for (const s of [out.get(r.category)!, out.get('overall')!]) {
      s.persons++;
      if (r.truth) s.withAccount++;
      if (r.status === 'auto') {
        s.auto++;
        if (r.entId === r.truth) s.right++;
      } else if (r.status === 'review') {
        s.review++;
        if (r.truth) {
          s.reviewWithAccount++;
          if (r.entId === r.truth) s.reviewFirst++;
        }
      }
    }
  }
  // Rows of several seeds are pooled: account ids of different seeds may coincide, so callers tally one set at a time and add.
  out.get('overall')!.accountsTwice = [...autoAccounts.values()].filter((n) => n > 1).length;
  return out;
}

/** Adds tallies of separate sets (the `accountsTwice` of each set counted on its own). */
export function addTallies(tallies: Tally[]): Tally {
  const out: Tally = new Map();
  for (const t of tallies) {
    for (const [k, s] of t) {
      const o = out.get(k);
      if (!o) out.set(k, { ...s });
      else for (const f of Object.keys(s) as (keyof Stats)[]) o[f] += s[f];
    }
  }
  return out;
}

export const pct = (a: number, b: number, digits = 2): string => (b ? `${((a / b) * 100).toFixed(digits)} %` : '—');

/** Prints the per-category table: baseline and engine side by side. */
/**
 * One category's measures as table cells: precision and recall of the automatic pairs (right
 * among automatic, right among persons with an account), the share sent to review and how often
 * review put the right account first (one decimal for the last two).
 */
export function measures(s: Stats): { precision: string; recall: string; review: string; first: string } {
  return {
    precision: pct(s.right, s.auto),
    recall: pct(s.right, s.withAccount),
    review: pct(s.review, s.persons, 1),
    first: pct(s.reviewFirst, s.reviewWithAccount, 1),
  };
}

/** Prints the engine's measures beside the exact-key baseline's, one line per category and one overall. */
export function printQuality(engine: Tally, base: Tally, indent = ''): void {
  const head = ['category', 'persons', 'with acct', 'baseline P', 'baseline R', 'engine P', 'engine R', 'review', 'right 1st'];
  const lines = [head];
  for (const c of [...CATEGORIES, 'overall'] as const) {
    const e = engine.get(c)!;
    const [em, bm] = [measures(e), measures(base.get(c)!)];
    lines.push([
      c,
      String(e.persons),
      String(e.withAccount),
      bm.precision,
      bm.recall,
      em.precision,
      em.recall,
      em.review,
      `${em.first} (${e.reviewFirst}/${e.reviewWithAccount})`,
    ]);
  }
  printTable(lines, indent);
}

/** Prints rows as a text table: the first column left-aligned, the others right-aligned, each as wide as its widest cell. */
export function printTable(lines: string[][], indent = ''): void {
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  for (const l of lines) console.log(indent + l.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '));
}
