/**
 * The matching engine (issue 4): pairs Pronote persons with ENT directory accounts, per category.
 * Synchronous and pure (no DOM, no browser API): runs in Node, in tests and in a Web Worker.
 *
 * Method (issue 4, "Method"; PRODUCT.md §3):
 * 1. every person normalised once (`compare.prepare`);
 * 2. candidates searched by blocking on strict keys (`candidates.ts`, `blocking.ts`), each pair
 *    weighed once;
 * 3. fields compared in levels and weighed in the Fellegi-Sunter manner (`weigh.ts`, `weights.ts`),
 *    name rarity from the directory's own frequencies; when asked (`weights: 'estimated'`), the other
 *    weights learned per category by EM from the comparison patterns the candidate search counted
 *    (`em.ts`), within a band around the fixed ones, and the candidates weighed again with them;
 * 4. automatic pairs one-to-one, with a margin, homonyms and twins never (`assign.ts`,
 *    `pair-rules.ts`), repeated while pairs made free the way for others;
 * 5. categories in the order of `categories.ts`: students, teachers and staff, then guardians
 *    through their paired children (`guardians.ts`), then supervisors and inspectors against the
 *    teacher and staff accounts (the ENT has no such category); the school's scope from the UAI
 *    asked for or from the sure pairs (`scope.ts`);
 * 6. a reason for every person left (`reasons.ts`); earlier decisions override all of this
 *    (`apply-decisions.ts`).
 * Everything a run keeps lives in its `MatchRun` (`run.ts`).
 *
 * Loops over persons, keys and candidates are indexed, not `for…of`: until the engine is compiled
 * (the first run in a fresh Worker is the one a user waits for) each `for…of` step allocates an
 * iterator result, which was a quarter of all the memory a 10,000-person run allocated.
 */
import type { Category } from '../core/person';
import { applyDecisions } from './apply-decisions';
import { assign } from './assign';
import { KeyInterner } from './blocking';
import { findCandidates, reweigh } from './candidates';
import { DIRECTORY_POOLS, ORDER } from './categories';
import { type Prepared, prepare } from './compare';
import { EM_FIELDS, estimateWeights, PatternCounts } from './em';
import { EvidenceItems } from './evidence';
import { guardianLinks } from './guardians';
import { NameCounts } from './name-keys';
import { unmatchedReason } from './reasons';
import type { Context, MatchRun, Scored, Tracker } from './run';
import { askedScope, derivedScope, linkedScope, structureScope } from './scope';
import { AUTO_BITS_UNLINKED } from './thresholds';
import type { Candidate, Level, MatchInput, MatchResult, Proposal, WeightsNote } from './types';
import { nameFrequencies, toCandidate } from './weigh';
import { priorBits, WEIGHTS } from './weights';

/**
 * Pairs Pronote persons with directory accounts (issue 4). See the module comment for the method.
 *
 * Input: both sides' persons as read (`lib/pronote`, `lib/directory`), earlier decisions, and an
 * optional progress callback called with (share done in [0, 1], stage name: `prepare`, then a
 * category name, then `reasons`, then `done`). Output: one proposal per Pronote person, in input
 * order; the number of directory accounts used by no automatic pair; the scope used. Pronote ids
 * are expected unique per category.
 */
export function match(input: MatchInput): MatchResult {
  const { pronote, directory, decisions = [], onProgress } = input;
  const tracker = progress(pronote.length * 2 + directory.length || 1, onProgress);
  tracker.stage('prepare');
  const P = pronote.map((p, i) => {
    tracker.tick();
    return prepare(p, i);
  });
  const D = directory.map((d, i) => {
    tracker.tick();
    return prepare(d, i);
  });
  const run: MatchRun = {
    P,
    D,
    ids: new KeyInterner(),
    evidence: new EvidenceItems(),
    weights: WEIGHTS,
    learn: input.weights === 'estimated',
    patterns: input.weights === 'estimated' ? new PatternCounts() : undefined,
    weightNotes: [],
    taken: new Uint8Array(D.length),
    outcomes: new Map(),
    rejected: new Map(),
    tracker,
    kidsOf: [],
  };
  const dirByCategory = new Map<Category, Prepared[]>();
  for (let i = 0; i < D.length; i++) {
    const d = D[i];
    const l = dirByCategory.get(d.person.category);
    if (l) l.push(d);
    else dirByCategory.set(d.person.category, [d]);
  }
  // Earlier decisions first: they override the engine (issue 4).
  applyDecisions(run, decisions);
  const { outcomes, taken, ids } = run;

  const pronoteByCategory = new Map<Category, Prepared[]>();
  for (let i = 0; i < P.length; i++) {
    const p = P[i];
    if (outcomes.has(p.index)) continue;
    const l = pronoteByCategory.get(p.person.category);
    if (l) l.push(p);
    else pronoteByCategory.set(p.person.category, [p]);
  }
  const contexts = new Map<Category, Context>();
  let scopeInfo = askedScope(input.scope, D);
  for (const category of ORDER) {
    tracker.stage(category);
    const pool = DIRECTORY_POOLS[category].flatMap((c) => dirByCategory.get(c) ?? []);
    const names = nameFrequencies(pool, D.length, ids);
    // The school's structures from the sure pairs so far, unless a known UAI gives them.
    if (scopeInfo.from !== 'uai' && category !== 'student') scopeInfo = derivedScope(outcomes, scopeInfo);
    const links = category === 'guardian' ? guardianLinks(P, D, outcomes, scopeInfo.structures) : undefined;
    if (links) run.kidsOf = links.kidsOf;
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
      pairedGuardians: links?.ofPairedStudents,
      pronoteNames,
      directoryNames,
      weights: run.weights,
      evidence: run.evidence,
    };
    contexts.set(category, ctx);
    if (!ps.length) continue;
    const free = pool.filter((d) => !taken[d.index]);
    if (!free.length) {
      assign(
        ps,
        ps.map(() => []),
        run,
        ctx,
      );
      continue;
    }
    run.patterns?.clear();
    const cands = findCandidates(ps, free, run, ctx, links?.extra, run.patterns);
    learnWeights(run, category, ps, cands, ctx);
    assign(ps, cands, run, ctx);
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
      score: o.decided && o.pair ? 1 : (candidates[0]?.score ?? 0),
      candidates,
    };
    if (o.decided) proposal.decided = o.decided;
    const reason = o.reason ?? (o.status === 'unmatched' ? unmatchedReason(p, run) : undefined);
    if (reason) proposal.reason = reason;
    return proposal;
  });
  tracker.stage('done');
  const used = new Set<number>();
  outcomes.forEach((o) => {
    if (o.status === 'auto' && o.pair) used.add(o.pair.d.index);
  });
  return { proposals, unusedDirectory: D.length - used.size, scope: scopeInfo, weights: run.weightNotes };
}

/**
 * The category's weights (issue 13, point 6): learned from the patterns its candidate search
 * counted, then its candidates weighed again with them; the fixed weights otherwise. Noted in the
 * run either way.
 */
function learnWeights(run: MatchRun, category: Category, ps: Prepared[], cands: Scored[][], ctx: Context): void {
  if (!run.patterns) {
    run.weightNotes.push({ category, source: 'fixed', reason: 'default', pairs: 0 });
    return;
  }
  const estimate = estimateWeights(run.patterns.counts, run.weights);
  if (estimate.source === 'fixed') {
    run.weightNotes.push({ category, source: 'fixed', reason: estimate.reason, pairs: estimate.pairs });
    return;
  }
  ctx.weights = estimate.weights;
  reweigh(ps, cands, ctx);
  const learned: WeightsNote['weights'] = {};
  for (const field of EM_FIELDS) {
    const row: Partial<Record<Level, number>> = {};
    for (const level of Object.keys(estimate.raw[field] ?? {}) as Level[]) row[level] = Math.round((estimate.weights[field][level] ?? 0) * 100) / 100;
    learned[field] = row;
  }
  run.weightNotes.push({ category, source: 'estimated', pairs: estimate.pairs, weights: learned });
}

/** The run's progress: `onProgress` called at each stage and every 2,000 units of work. */
function progress(totalWork: number, onProgress: MatchInput['onProgress']): Tracker {
  let done = 0;
  let lastReport = 0;
  let stageName = 'prepare';
  return {
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
}
