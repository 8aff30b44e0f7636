/**
 * The engine's decision thresholds, in bits over the prior (`weights.ts`: `priorBits`), and how many
 * candidates it keeps. Checked on the labelled benchmark (`npm run bench`) and on exports derived
 * from the real AAF files (`scripts/check-pairing.ts`).
 */

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
export const KEEP_CANDIDATES = 16;
/**
 * Bits over the prior a name-only pair needs on top of its uniqueness (confidence ≥ 0.5): the names
 * must weigh more than the account's odds of being anyone (issue 13, point 3).
 */
export const NAME_ONLY_BITS = 0;
