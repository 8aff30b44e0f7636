/**
 * The school's scope (issue 13, point 2): the structures of the school, from the UAI or structure
 * asked for or else from the sure pairs already made, and per account whether it is in them.
 * Scope orders and weighs candidates (`weigh.ts`); it never hides an account from review.
 */
import type { Prepared } from './compare';
import type { Outcome } from './run';
import type { ScopeInfo } from './types';

/** A structure is in the derived scope when it holds at least this share of the sure pairs (and 3 of them). */
const SCOPE_SHARE = 0.02;

/**
 * The scope asked for (`MatchInput.scope`, trimmed; compared without case with the accounts'
 * structures): `uai` when an account holds it, else `none` with `askedKnown: false` (the run says
 * so and relies on the pairs). No scope asked: `none`.
 */
export function askedScope(asked: string | undefined, D: readonly Prepared[]): ScopeInfo {
  const wanted = asked?.trim();
  if (!wanted) return { from: 'none', structures: [] };
  const upper = wanted.toUpperCase();
  const askedKnown = D.some((d) => d.person.structures.some((x) => x.toUpperCase() === upper));
  return askedKnown ? { asked: wanted, askedKnown, from: 'uai', structures: [wanted] } : { asked: wanted, askedKnown, from: 'none', structures: [] };
}

/**
 * The structures of the sure pairs made so far (issue 13, point 2 (a)): each structure holding at
 * least `SCOPE_SHARE` of them and 3 pairs. Keeps `previous` when no sure pair has a structure.
 */
export function derivedScope(outcomes: Map<number, Outcome>, previous: ScopeInfo): ScopeInfo {
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
  const structures = [...counts]
    .filter(([, n]) => n >= 3 && n >= total * SCOPE_SHARE)
    .map(([s]) => s)
    .sort();
  if (!structures.length) return previous;
  return { ...previous, from: 'pairs', structures };
}

/**
 * Per directory index, 1 for an account of one of `structures`, -1 for an account of another
 * structure, 0 for an account without structure; undefined when no account of the pool is outside
 * (the scope then changes nothing).
 */
export function structureScope(pool: Prepared[], size: number, structures: string[]): Int8Array | undefined {
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
export function linkedScope(pool: Prepared[], linked: Set<number>): Int8Array | undefined {
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
