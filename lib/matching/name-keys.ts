/**
 * Name-only evidence (issue 13, point 3): a pair without a birth date is automatic when both names
 * are equal after normalisation and that name is unique on both sides within the school's scope.
 * "Equal after normalisation" is one shared key: a surname form (`NameForm.keys`: usage or birth
 * name, with or without leading particles; accents, case, punctuation and civilities already
 * folded by `normalise.ts`) with the given name's tokens in any order (`NameForm.sorted`). The
 * partial forms (one part of a double surname, only the first of several given names) make no key:
 * they are never enough alone.
 *
 * Keys are numbers (interned string ids packed in one float), counted in typed arrays, so counting
 * the 250,000 accounts of the largest run allocates no string.
 */
import type { KeyInterner } from './blocking';
import type { Prepared } from './compare';
import { KeyTable } from './key-table';
import { allGivenNamesKey } from './normalise';

/** At most this many keys per person (surname forms × one given name): few persons have more than three. */
const MAX_KEYS = 16;
const scratch = new Float64Array(MAX_KEYS);

/**
 * Writes the name keys of `p` into `out` (no duplicate) and returns how many; 0 for a person
 * without a given name or whose names come from splitting one full-name field (the split is a
 * guess, so it is no evidence of equality).
 */
export function nameKeys(p: Prepared, ids: KeyInterner, out: Float64Array): number {
  if (!p.first || p.fromFullName) return 0;
  let n = keysWith(p, ids.id(p.first.sorted), ids, out, 0);
  const all = allGivenNamesKey(p.person.firstName, p.person.otherFirstNames);
  if (all && all !== p.first.sorted) n = keysWith(p, ids.id(all), ids, out, n);
  return n;
}

/** Adds to `out[n…]` each surname key of `p` joined to the given-name key `given`; returns the new count. */
function keysWith(p: Prepared, given: number, ids: KeyInterner, out: Float64Array, n: number): number {
  for (let i = 0; i < p.last.length; i++) {
    const keys = p.last[i].keys;
    for (let k = 0; k < keys.length && n < out.length; k++) {
      const key = ids.id(keys[k]) * 67108864 + given;
      let seen = false;
      for (let j = 0; j < n; j++) if (out[j] === key) seen = true;
      if (!seen) out[n++] = key;
    }
  }
  return n;
}

/** How many persons of a group carry each name key. */
export class NameCounts {
  private readonly table = new KeyTable(1024);
  private counts = new Int32Array(1024);

  /** Counts each key of `p` once. */
  add(p: Prepared, ids: KeyInterner): void {
    const n = nameKeys(p, ids, scratch);
    for (let i = 0; i < n; i++) {
      const id = this.table.add(scratch[i]);
      if (id >= this.counts.length) {
        const grown = new Int32Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
      this.counts[id]++;
    }
  }

  /** The number of persons counted with this key (0 when none). */
  count(key: number): number {
    const id = this.table.find(key);
    return id < 0 ? 0 : this.counts[id];
  }
}

const keysP = new Float64Array(MAX_KEYS);
const keysD = new Float64Array(MAX_KEYS);

/**
 * True when `p` and `d` share a name key that no other person of `p`'s side (`pronote`) and no other
 * account in scope (`directory`) carries: the same name, unique on both sides.
 */
export function uniqueSameName(p: Prepared, d: Prepared, ids: KeyInterner, pronote: NameCounts, directory: NameCounts): boolean {
  const np = nameKeys(p, ids, keysP);
  if (!np) return false;
  const nd = nameKeys(d, ids, keysD);
  for (let i = 0; i < np; i++) {
    for (let j = 0; j < nd; j++) {
      if (keysP[i] !== keysD[j]) continue;
      if (pronote.count(keysP[i]) === 1 && directory.count(keysP[i]) === 1) return true;
    }
  }
  return false;
}
