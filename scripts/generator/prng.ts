/**
 * A small seeded pseudo-random generator (mulberry32) so that every generated data set is
 * reproducible from its seed. Not for cryptography: the output only has to look like the field.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability `p` (0 ≤ p ≤ 1). */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Index drawn from cumulative weights (strictly increasing, last = total). */
  weighted(cumulative: Float64Array | readonly number[]): number;
}

/**
 * Makes a mulberry32 generator (public-domain algorithm by Tommy Ettinger) from a 32-bit seed.
 * Any number is accepted: it is folded to an unsigned 32-bit integer.
 */
export function createRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (cumulative) => {
      const target = next() * cumulative[cumulative.length - 1];
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/**
 * Cumulative Zipf weights for a list ranked from most to least frequent: weight of rank r is
 * 1 / r^exponent, so that common names come back often and rare ones seldom (name frequencies
 * in France follow a power law; INSEE fichier des prénoms).
 */
export function zipfCumulative(length: number, exponent = 1): Float64Array {
  const cumulative = new Float64Array(length);
  let total = 0;
  for (let r = 0; r < length; r++) {
    total += 1 / (r + 1) ** exponent;
    cumulative[r] = total;
  }
  return cumulative;
}
