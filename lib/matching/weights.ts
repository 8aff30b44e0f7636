/**
 * Fellegi-Sunter weights (Fellegi & Sunter 1969): each field level adds log2(m/u) bits, where m is
 * the chance of that level for the same person and u for two different persons. The m/u values
 * below are set from the noise the product meets (typos, usage versus birth names, day/month
 * swaps: DOMAIN.md failure 5) and checked on the labelled benchmark (`npm run bench`); surname and
 * given-name agreement weigh by rarity, with u taken from the directory's own name frequencies.
 */
import type { Evidence, Level } from './types';

export type Field = Evidence['field'];

/**
 * An account outside the school's scope (issue 13, point 2): log2(m/u) with m ≈ 0.015 (the right
 * account sits in another school of the feed: a teacher attached elsewhere, a guardian whose
 * children are not paired) and u ≈ 0.9 (most accounts of an académie's feed are elsewhere). More
 * than `MARGIN_BITS`, so a namesake in another school never takes the margin from the one in scope;
 * the account stays a candidate for review.
 */
export const OUT_OF_SCOPE = -6.5;

/** Weights in bits per field and level; a level absent weighs 0. */
export type WeightTable = Record<Field, Partial<Record<Level, number>>>;

/** Fixed weights in bits per field and level (exact surnames and given names use rarity instead). */
export const WEIGHTS: WeightTable = {
  lastName: { close: 6, phonetic: 5, different: -7, missing: 0 },
  birthName: { exact: 2, different: 0, missing: 0 },
  firstName: { close: 4, phonetic: 3.5, different: -6, missing: 0 },
  // Students span about 7 birth years (u ≈ 1/2500 for an exact date).
  birthDate: { exact: 10, swapped: 5, close: 4, different: -9, missing: 0 },
  sex: { exact: 0.9, different: -3, missing: 0 },
  class: { exact: 2.5, different: -1, missing: 0 },
  email: { exact: 9, different: -0.5, missing: 0 },
  postalCode: { exact: 2.5, different: -1.5, missing: 0 },
  children: { different: -5, missing: 0 },
  structure: { exact: 0, different: OUT_OF_SCOPE, missing: 0 },
};

/**
 * Guardians: one shared child already paired weighs log2(m/u) with m ≈ 0.95 and u ≈ 2/N (a random
 * account of N is one of the child's two guardians), i.e. the prior minus about one bit; each further
 * shared child (siblings) adds `CHILD_MORE`.
 */
export function childWeight(shared: number, prior: number): number {
  return prior - 1.07 + CHILD_MORE * (shared - 1);
}
export const CHILD_MORE = 3;

/**
 * Guardians' surnames disagree far more often for the same person (usage name on one side, birth
 * name on the other, DOMAIN.md "AAF": `sn` versus `ENTPersonNomPatro`): m(different) ≈ 0.12.
 */
export const GUARDIAN_LAST_DIFFERENT = -3;

/**
 * Lower automatic threshold, in bits over the prior, for a guardian whose account is linked to one
 * of the person's paired children and whose given name agrees exactly: among the child's two or
 * three guardians the given name discriminates far better than its population frequency says.
 */
export const AUTO_BITS_THROUGH_CHILD = 4;

/** Probability that the same person's name agrees exactly on both sides (m of the exact level). */
const M_EXACT = 0.95;

/**
 * Weight of an exact name agreement from its frequency in the directory: log2(m / u) with
 * u = (count + 0.5) / max(total, 1000), clamped to [min, max]. A name met once in 12,000 accounts
 * weighs about 12.9 bits, one met 100 times about 6.8 bits.
 */
export function rarityWeight(count: number, total: number, min: number, max: number): number {
  const u = (count + 0.5) / Math.max(total, 1000);
  const w = Math.log2(M_EXACT / u);
  return w < min ? min : Math.min(w, max);
}

/** Bounds of the rarity weights, in bits. */
export const LAST_EXACT_RANGE = [4, 14] as const;
export const FIRST_EXACT_RANGE = [2, 11] as const;

/**
 * Prior odds in bits against a random account being the person: log2 of the pool size (at least
 * 1,000). The confidence shown is the posterior 1 / (1 + 2^(prior − total weight)).
 */
export function priorBits(poolSize: number): number {
  return Math.log2(Math.max(poolSize, 1000));
}

/** Confidence in [0, 1] from a total weight and the prior, rounded to 4 decimals. */
export function confidence(weight: number, prior: number): number {
  const c = 1 / (1 + 2 ** (prior - weight));
  return Math.round(c * 10000) / 10000;
}
