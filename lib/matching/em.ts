/**
 * Comparison weights learned from the files at hand (issue 13, point 6): expectation–maximisation
 * in the Fellegi–Sunter manner (Fellegi & Sunter 1969; EM for record linkage: Winkler 1988, Jaro
 * 1989) over the counts of comparison patterns among the blocked candidate pairs of one category.
 * Two latent classes (same person, M; different persons, U), fields independent within a class;
 * each field's level has m = P(level | M) and u = P(level | U), and weighs log2(m / u) bits.
 *
 * No pair is stored: the candidate search counts each pair's pattern (the levels of the seven fields
 * below) in a `PatternCounts` table of 17,496 cells, and EM runs over its non-empty cells. Exact
 * surnames and given names keep their rarity weights (u from the directory's own name frequencies,
 * `weights.ts`); a missing field keeps 0; guardians' shared children and the scope keep theirs.
 * Each estimate is clamped within `BAND_BITS` of today's fixed weight and keeps its sign; with too
 * few pairs, no convergence, or classes that come out the wrong way round, the fixed weights are
 * used and the estimate says why. Deterministic: same counts, same weights.
 */
import type { Level } from './types';
import type { Field, WeightTable } from './weights';

/** The fields compared on every candidate pair, in the order of the pattern code. */
export const EM_FIELDS = ['lastName', 'firstName', 'birthDate', 'sex', 'class', 'email', 'postalCode'] as const;
export type EmField = (typeof EM_FIELDS)[number];

/** Levels per field: names and dates in six, the other fields agree, differ or are missing. */
const ALL_LEVELS: readonly Level[] = ['exact', 'close', 'phonetic', 'swapped', 'different', 'missing'];
const VALUE_LEVELS: readonly Level[] = ['exact', 'different', 'missing'];
export const FIELD_LEVELS: Record<EmField, readonly Level[]> = {
  lastName: ALL_LEVELS,
  firstName: ALL_LEVELS,
  birthDate: ALL_LEVELS,
  sex: VALUE_LEVELS,
  class: VALUE_LEVELS,
  email: VALUE_LEVELS,
  postalCode: VALUE_LEVELS,
};
const RADIX = EM_FIELDS.map((f) => FIELD_LEVELS[f].length);
/** Cells of a pattern table (6 × 6 × 6 × 3 × 3 × 3 × 3). */
export const PATTERNS = RADIX.reduce((a, b) => a * b, 1);

const SIX: Record<Level, number> = { exact: 0, close: 1, phonetic: 2, swapped: 3, different: 4, missing: 5 };
const THREE: Record<Level, number> = { exact: 0, close: 1, phonetic: 1, swapped: 1, different: 1, missing: 2 };

/** The cell of a pattern (the levels of the seven fields of `EM_FIELDS`, in that order). */
export function patternCode(last: Level, first: Level, date: Level, sex: Level, cls: Level, email: Level, postal: Level): number {
  return (((((SIX[last] * 6 + SIX[first]) * 6 + SIX[date]) * 3 + THREE[sex]) * 3 + THREE[cls]) * 3 + THREE[email]) * 3 + THREE[postal];
}

/** The levels of a cell, by field (`patternCode` read back). */
export function patternLevels(code: number): number[] {
  const out = new Array<number>(EM_FIELDS.length);
  for (let f = EM_FIELDS.length - 1; f >= 0; f--) {
    out[f] = code % RADIX[f];
    code = Math.floor(code / RADIX[f]);
  }
  return out;
}

/** A pattern count table, one per run, emptied for each category (`clear`). */
export class PatternCounts {
  readonly counts = new Float64Array(PATTERNS);
  total = 0;

  add(code: number, n = 1): void {
    this.counts[code] += n;
    this.total += n;
  }

  clear(): void {
    this.counts.fill(0);
    this.total = 0;
  }
}

/** Bits an estimate may move from the fixed weight, either way. */
export const BAND_BITS = 1;
/** Fewer candidate pairs than this, or fewer than `MIN_MATCHES` estimated matches: the fixed weights. */
export const MIN_PAIRS = 1000;
export const MIN_MATCHES = 100;
/** A level seen on fewer pairs than this keeps its fixed weight (nothing to learn from). */
const MIN_LEVEL_PAIRS = 20;
const MAX_ITERATIONS = 300;
/** Converged when no m or u moves by more than this in one iteration. */
const TOLERANCE = 1e-7;
/** Starting weights of exact names (their rarity weights are per name; these are typical). */
const EXACT_START: Partial<Record<EmField, number>> = { lastName: 8, firstName: 6 };

export interface EmOptions {
  band?: number;
  minPairs?: number;
  minMatches?: number;
  maxIterations?: number;
}

/** The weights of one category's run and how they were found. */
export interface WeightEstimate {
  /** `estimated`: learned and clamped; `fixed`: today's fixed weights (see `reason`). */
  source: 'estimated' | 'fixed';
  reason?: 'too-few-pairs' | 'no-convergence';
  /** Candidate pairs counted. */
  pairs: number;
  iterations: number;
  /** Estimated share of the pairs that are the same person (0 when not estimated). */
  matchShare: number;
  /** The weights to use: the clamped estimates over the fixed table, or the fixed table itself. */
  weights: WeightTable;
  /** log2(m / u) before clamping, per field and level learned (empty when not estimated). */
  raw: Partial<Record<EmField, Partial<Record<Level, number>>>>;
  /** m and u per field and level index (`FIELD_LEVELS`), when estimated. */
  m?: Record<EmField, number[]>;
  u?: Record<EmField, number[]>;
}

/**
 * Estimates the weights of `fixed`'s levels for the fields of `EM_FIELDS` from a pattern table
 * (`counts`, indexed by `patternCode`; counts may be fractional). Starts from `fixed` (u from the
 * levels' shares among all pairs, m from u × 2^fixed weight, a match share of 10 %), then EM until
 * no m or u moves by more than 1e-7. Returns the fixed table itself when the pairs are too few, EM
 * does not converge within 300 iterations, or the agreeing class comes out as U. Never throws.
 */
export function estimateWeights(counts: Float64Array, fixed: WeightTable, options: EmOptions = {}): WeightEstimate {
  const band = options.band ?? BAND_BITS;
  const minPairs = options.minPairs ?? MIN_PAIRS;
  const minMatches = options.minMatches ?? MIN_MATCHES;
  const maxIterations = options.maxIterations ?? MAX_ITERATIONS;
  const F = EM_FIELDS.length;
  // The non-empty cells, their counts and levels (a few thousand at most).
  const cellN: number[] = [];
  const cellLevels: number[][] = [];
  let N = 0;
  for (let c = 0; c < counts.length; c++) {
    if (!(counts[c] > 0)) continue;
    cellN.push(counts[c]);
    cellLevels.push(patternLevels(c));
    N += counts[c];
  }
  const fallback = (reason: WeightEstimate['reason'], iterations = 0): WeightEstimate => ({
    source: 'fixed',
    reason,
    pairs: N,
    iterations,
    matchShare: 0,
    weights: fixed,
    raw: {},
  });
  if (N < minPairs) return fallback('too-few-pairs');

  // Shares of each level among all pairs: u's start, and which levels have anything to learn from.
  const seen = EM_FIELDS.map((f) => new Float64Array(FIELD_LEVELS[f].length));
  for (let c = 0; c < cellN.length; c++) for (let f = 0; f < F; f++) seen[f][cellLevels[c][f]] += cellN[c];
  let u = seen.map((s) => normalised(Array.from(s, (x) => x + 1e-3)));
  let m = EM_FIELDS.map((field, f) => normalised(FIELD_LEVELS[field].map((level, l) => u[f][l] * 2 ** startWeight(fixed, field, level))));
  let share = 0.1;
  const g = new Float64Array(cellN.length);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // E: the probability that each cell's pairs are the same person.
    const logW = m.map((mf, f) => mf.map((x, l) => Math.log(x / u[f][l])));
    const logPrior = Math.log(share / (1 - share));
    for (let c = 0; c < cellN.length; c++) {
      let logRatio = logPrior;
      const lv = cellLevels[c];
      for (let f = 0; f < F; f++) logRatio += logW[f][lv[f]];
      g[c] = logRatio > 40 ? 1 : logRatio < -40 ? 0 : 1 / (1 + Math.exp(-logRatio));
    }
    // M: the match share, m and u from the expected counts (a small floor keeps every level possible).
    const mCount = EM_FIELDS.map((f) => new Float64Array(FIELD_LEVELS[f].length).fill(1e-6));
    const uCount = EM_FIELDS.map((f) => new Float64Array(FIELD_LEVELS[f].length).fill(1e-6));
    let matches = 0;
    for (let c = 0; c < cellN.length; c++) {
      const nm = cellN[c] * g[c];
      const nu = cellN[c] - nm;
      matches += nm;
      const lv = cellLevels[c];
      for (let f = 0; f < F; f++) {
        mCount[f][lv[f]] += nm;
        uCount[f][lv[f]] += nu;
      }
    }
    const nextM = mCount.map((x) => normalised(Array.from(x)));
    const nextU = uCount.map((x) => normalised(Array.from(x)));
    const nextShare = Math.min(1 - 1e-9, Math.max(1e-9, matches / N));
    let moved = Math.abs(nextShare - share);
    for (let f = 0; f < F; f++) {
      for (let l = 0; l < nextM[f].length; l++) {
        moved = Math.max(moved, Math.abs(nextM[f][l] - m[f][l]), Math.abs(nextU[f][l] - u[f][l]));
      }
    }
    m = nextM;
    u = nextU;
    share = nextShare;
    if (moved < TOLERANCE) {
      converged = true;
      break;
    }
  }
  if (!converged) return fallback('no-convergence', iterations);
  if (share * N < minMatches) return fallback('too-few-pairs', iterations);
  // The agreeing class must be M: exact agreement likelier for M than for U over the fields seen.
  let agreement = 0;
  for (let f = 0; f < F; f++) if (seen[f][0] >= MIN_LEVEL_PAIRS) agreement += Math.log(m[f][0] / u[f][0]);
  if (!(agreement > 0)) return fallback('no-convergence', iterations);

  const weights: WeightTable = { ...fixed };
  const raw: WeightEstimate['raw'] = {};
  for (let f = 0; f < F; f++) {
    const field = EM_FIELDS[f];
    const row = { ...fixed[field] };
    const rawRow: Partial<Record<Level, number>> = {};
    FIELD_LEVELS[field].forEach((level, l) => {
      const today = fixed[field][level];
      // Only the levels that have a fixed weight and are seen are learned; missing stays 0.
      if (today === undefined || level === 'missing' || seen[f][l] < MIN_LEVEL_PAIRS) return;
      const w = Math.log2(m[f][l] / u[f][l]);
      rawRow[level] = w;
      let v = Math.min(today + band, Math.max(today - band, w));
      if (today > 0) v = Math.max(v, 0);
      else if (today < 0) v = Math.min(v, 0);
      row[level] = v;
    });
    weights[field as Field] = row;
    raw[field] = rawRow;
  }
  const byField = (x: number[][]) => Object.fromEntries(EM_FIELDS.map((f, i) => [f, x[i]])) as Record<EmField, number[]>;
  return { source: 'estimated', pairs: N, iterations, matchShare: share, weights, raw, m: byField(m), u: byField(u) };
}

function startWeight(fixed: WeightTable, field: EmField, level: Level): number {
  if (level === 'missing') return 0;
  return fixed[field][level] ?? (level === 'exact' ? (EXACT_START[field] ?? 0) : 0);
}

function normalised(x: number[]): number[] {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.map((v) => v / s);
}
