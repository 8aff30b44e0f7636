import { describe, expect, it } from 'vitest';
import { match } from '../../../lib/matching';
import {
  BAND_BITS,
  EM_FIELDS,
  type EmField,
  estimateWeights,
  FIELD_LEVELS,
  PATTERNS,
  PatternCounts,
  patternCode,
  patternLevels,
} from '../../../lib/matching/em';
import type { Level } from '../../../lib/matching/types';
import { WEIGHTS } from '../../../lib/matching/weights';
import { ent, pronote } from './persons';

type Dist = Partial<Record<Level, number>>;

/** A known model: the share of matches, and m and u per field (each a distribution over its levels). */
const TRUTH: { share: number; m: Record<EmField, Dist>; u: Record<EmField, Dist> } = {
  share: 0.15,
  m: {
    lastName: { exact: 0.86, close: 0.06, phonetic: 0.02, different: 0.05, missing: 0.01 },
    firstName: { exact: 0.88, close: 0.05, phonetic: 0.02, different: 0.04, missing: 0.01 },
    birthDate: { exact: 0.9, swapped: 0.02, close: 0.03, different: 0.02, missing: 0.03 },
    sex: { exact: 0.97, different: 0.01, missing: 0.02 },
    class: { exact: 0.7, different: 0.1, missing: 0.2 },
    email: { exact: 0.3, different: 0.1, missing: 0.6 },
    postalCode: { exact: 0.6, different: 0.2, missing: 0.2 },
  },
  u: {
    lastName: { exact: 0.5, close: 0.1, phonetic: 0.05, different: 0.34, missing: 0.01 },
    firstName: { exact: 0.2, close: 0.1, phonetic: 0.05, different: 0.64, missing: 0.01 },
    birthDate: { exact: 0.002, swapped: 0.001, close: 0.02, different: 0.947, missing: 0.03 },
    sex: { exact: 0.5, different: 0.48, missing: 0.02 },
    class: { exact: 0.05, different: 0.75, missing: 0.2 },
    email: { exact: 0.001, different: 0.399, missing: 0.6 },
    postalCode: { exact: 0.1, different: 0.7, missing: 0.2 },
  },
};

/** The expected pattern counts of `pairs` candidate pairs drawn from a model (fractional counts). */
function table(pairs: number, model = TRUTH): Float64Array {
  const counts = new Float64Array(PATTERNS);
  for (let c = 0; c < PATTERNS; c++) {
    const lv = patternLevels(c);
    let pm = model.share;
    let pu = 1 - model.share;
    EM_FIELDS.forEach((field, f) => {
      const level = FIELD_LEVELS[field][lv[f]];
      pm *= model.m[field][level] ?? 0;
      pu *= model.u[field][level] ?? 0;
    });
    counts[c] = pairs * (pm + pu);
  }
  return counts;
}

describe('estimateWeights (EM over comparison pattern counts)', () => {
  it('recovers known m and u from a synthetic pattern count table', () => {
    const e = estimateWeights(table(200_000), WEIGHTS, { band: 100 });
    expect(e.source).toBe('estimated');
    expect(e.matchShare).toBeCloseTo(TRUTH.share, 3);
    for (const field of EM_FIELDS) {
      for (const [level, w] of Object.entries(e.raw[field] ?? {})) {
        const want = Math.log2(TRUTH.m[field][level as Level]! / TRUTH.u[field][level as Level]!);
        expect(Math.abs(w - want), `${field}.${level}`).toBeLessThan(0.02);
      }
    }
    // Every level that has a fixed weight and is seen was learned.
    expect(Object.keys(e.raw.birthDate ?? {}).sort()).toEqual(['close', 'different', 'exact', 'swapped']);
    expect(Object.keys(e.raw.lastName ?? {}).sort()).toEqual(['close', 'different', 'phonetic']);
  });

  it('keeps each weight within the band around the fixed one, with its sign', () => {
    const e = estimateWeights(table(200_000), WEIGHTS);
    expect(e.source).toBe('estimated');
    let clamped = 0;
    for (const field of EM_FIELDS) {
      for (const [level, raw] of Object.entries(e.raw[field] ?? {})) {
        const today = WEIGHTS[field][level as Level]!;
        const w = e.weights[field][level as Level]!;
        expect(w).toBeGreaterThanOrEqual(today - BAND_BITS - 1e-12);
        expect(w).toBeLessThanOrEqual(today + BAND_BITS + 1e-12);
        expect(Math.sign(w) === 0 || Math.sign(w) === Math.sign(today)).toBe(true);
        if (w !== raw) clamped++;
        else expect(w).toBeCloseTo(raw, 12);
      }
    }
    // The synthetic model is far from the fixed weights on several levels (lastName different: −2.8 bits against −7).
    expect(clamped).toBeGreaterThan(0);
    // Levels not learned (missing, exact names, guardians' children, scope) keep the fixed weight.
    expect(e.weights.lastName.missing).toBe(0);
    expect(e.weights.children).toEqual(WEIGHTS.children);
    expect(e.weights.structure).toEqual(WEIGHTS.structure);
  });

  it('falls back on the fixed weights with too few pairs, and says so', () => {
    const e = estimateWeights(table(300), WEIGHTS);
    expect(e).toMatchObject({ source: 'fixed', reason: 'too-few-pairs' });
    expect(e.weights).toBe(WEIGHTS);
    expect(estimateWeights(new Float64Array(PATTERNS), WEIGHTS)).toMatchObject({ source: 'fixed', reason: 'too-few-pairs', pairs: 0 });
  });

  it('falls back on the fixed weights when EM does not converge', () => {
    const e = estimateWeights(table(200_000), WEIGHTS, { maxIterations: 2 });
    expect(e).toMatchObject({ source: 'fixed', reason: 'no-convergence', iterations: 2 });
    expect(e.weights).toBe(WEIGHTS);
  });

  it('falls back when the pairs show no class of same persons (all levels independent)', () => {
    // One class only: m = u, nothing to separate; EM must not invent weights from it.
    const flat = { share: 0.5, m: TRUTH.u, u: TRUTH.u };
    const e = estimateWeights(table(200_000, flat), WEIGHTS);
    if (e.source === 'estimated') {
      for (const field of EM_FIELDS) for (const raw of Object.values(e.raw[field] ?? {})) expect(Math.abs(raw)).toBeLessThan(0.5);
    } else expect(e.reason).toBe('no-convergence');
  });

  it('is deterministic: the same counts, added in any order, give the same weights', () => {
    const t = table(50_000);
    const a = new PatternCounts();
    const b = new PatternCounts();
    for (let c = 0; c < PATTERNS; c++) if (t[c]) a.add(c, t[c]);
    for (let c = PATTERNS - 1; c >= 0; c--) if (t[c]) b.add(c, t[c]);
    expect(estimateWeights(a.counts, WEIGHTS)).toEqual(estimateWeights(b.counts, WEIGHTS));
    expect(estimateWeights(t, WEIGHTS)).toEqual(estimateWeights(t, WEIGHTS));
  });

  it('codes patterns one to one', () => {
    const seen = new Set<number>();
    for (const last of FIELD_LEVELS.lastName) {
      for (const date of FIELD_LEVELS.birthDate) {
        for (const sex of FIELD_LEVELS.sex) {
          const code = patternCode(last, 'exact', date, sex, 'missing', 'different', 'exact');
          expect(seen.has(code)).toBe(false);
          seen.add(code);
          const lv = patternLevels(code);
          expect([FIELD_LEVELS.lastName[lv[0]], FIELD_LEVELS.birthDate[lv[2]], FIELD_LEVELS.sex[lv[3]]]).toEqual([last, date, sex]);
          expect(code).toBeLessThan(PATTERNS);
        }
      }
    }
  });
});

describe('match: the weights of each category', () => {
  const P = [pronote('student', { id: 'p1', last: 'Martin', first: 'Léa', birth: '2011-03-04' })];
  const D = [ent('student', { id: 'e1', last: 'MARTIN', first: 'Lea', birth: '2011-03-04' })];

  it('says a small run keeps the fixed weights (too few candidate pairs)', () => {
    const r = match({ pronote: P, directory: D, weights: 'estimated' });
    expect(r.weights.find((w) => w.category === 'student')).toMatchObject({ source: 'fixed', reason: 'too-few-pairs', pairs: 1 });
    expect(r.proposals[0]).toMatchObject({ status: 'auto', entId: 'e1' });
  });

  it('uses the fixed weights by default, and says so', () => {
    for (const r of [match({ pronote: P, directory: D }), match({ pronote: P, directory: D, weights: 'fixed' })]) {
      expect(r.weights.find((w) => w.category === 'student')).toMatchObject({ source: 'fixed', reason: 'default' });
    }
  });
});
