/**
 * The partial export (seed §2, option « Uniquement les utilisateurs sans identifiants CAS »): only
 * the Pronote persons who have no CAS identifier yet. Here: every person without an ENT account in
 * the truth (new students, grandparents, supervisors...), plus 10 % of the others, drawn from the
 * seed (people who never logged in through the ENT). Links to persons left out are dropped.
 */
import type { Person } from '../../lib/core/person';
import type { Generated } from './index';
import { createRandom } from './prng';

export function partialExport(g: Generated, seed: number): Pick<Generated, 'pronote' | 'truth'> {
  const random = createRandom(seed ^ 0x5a5a5a5a);
  const truth = g.truth.filter((t) => !t.entId || random.chance(0.1));
  const kept = new Set(truth.map((t) => t.pronoteId));
  const pronote: Person[] = g.pronote
    .filter((p) => kept.has(p.id))
    .map((p) => ({
      ...p,
      guardians: p.guardians.filter((r) => kept.has(r.id)),
      children: p.children.filter((r) => kept.has(r.id)),
    }));
  return { pronote, truth };
}
