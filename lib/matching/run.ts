/**
 * The state of one matching run, passed explicitly to every part of the engine: nothing of a run is
 * kept in module variables or on the shared name forms, so two runs (or two Workers' runs) never
 * see each other's ids, caches or evidence.
 */
import type { KeyInterner } from './blocking';
import type { Prepared } from './compare';
import type { PatternCounts } from './em';
import type { EvidenceItems } from './evidence';
import type { NameCounts } from './name-keys';
import type { Decision, Reason, WeightsNote } from './types';
import type { WeightTable } from './weights';

/** A candidate account and its total weight in bits. */
export interface Scored {
  d: Prepared;
  w: number;
}

/** Progress of a run: `tick` per unit of work, `stage` at each stage's start. */
export interface Tracker {
  tick(n?: number): void;
  stage(name: string): void;
}

/** What the engine knows while pairing one Pronote category with its pool of accounts. */
export interface Context {
  prior: number;
  /** Automatic threshold of the category when not `AUTO_BITS`. */
  autoBits?: number;
  total: number;
  /** Accounts of the pool per surname core and per given name, by the run's string ids. */
  lastCount: Int32Array;
  firstCount: Int32Array;
  ids: KeyInterner;
  /**
   * Guardians: the number of the person's paired children whose account is linked to `d`, or -1
   * when none of the person's children is paired (nothing known).
   */
  children?: (p: Prepared, d: Prepared) => number;
  /** Exact-name weights per directory index, computed once (NaN until then): rarity is per pool. */
  lastExactW: Float64Array;
  firstExactW: Float64Array;
  /**
   * Per directory index: 1 in the school's scope, -1 outside it, 0 unknown (no structure); undefined
   * when the run knows no scope, or every account is in it.
   */
  scope: Int8Array | undefined;
  /**
   * Guardians: the accounts the directory links to the students surely paired. Only there is a name
   * alone strong evidence (issue 13, point 2: "the same name met only elsewhere is weak"); the
   * school's other guardians (`scope`) are ordered and weighed as the school's, never paired on names.
   */
  pairedGuardians?: Set<number>;
  /** Name keys of the category's Pronote persons and of the pool's accounts in scope (name-only pairs). */
  pronoteNames: NameCounts;
  directoryNames: NameCounts;
  /** The run's weights per field and level (`weights.ts`). */
  weights: WeightTable;
  /** The run's shared evidence items. */
  evidence: EvidenceItems;
}

/** Where one Pronote person stands. */
export interface Outcome {
  status: 'auto' | 'review' | 'unmatched';
  /**
   * An automatic pair that may vouch for another (a child for its guardian, a structure for the
   * scope): decided by a person, or made with its full margin and no disagreement on birth date or
   * class (issue 13, point 5).
   */
  sure?: boolean;
  pair?: Scored;
  cands: Scored[];
  reason?: Reason;
  decided?: Decision['kind'];
}

/** A Pronote person still open that has an account among its first candidates, with the weight. */
export interface Claim {
  p: Prepared;
  w: number;
}

/** One run: both sides prepared, what is decided so far, and the run's caches. */
export interface MatchRun {
  /** Pronote persons and directory accounts, by `index`. */
  P: Prepared[];
  D: Prepared[];
  /** The run's interned strings (blocking keys, name counts). */
  ids: KeyInterner;
  evidence: EvidenceItems;
  /** The fixed weights (`weights.ts`), the start of each category's learned ones. */
  weights: WeightTable;
  /** Whether each category's weights are learned (`em.ts`), and the one pattern table for it. */
  learn: boolean;
  patterns: PatternCounts | undefined;
  /** The weights each category was weighed with. */
  weightNotes: WeightsNote[];
  /** 1 at the directory index of an account already in an automatic pair. */
  taken: Uint8Array;
  /** Per Pronote index. */
  outcomes: Map<number, Outcome>;
  /** Per Pronote index, the accounts that a person rejected for it. */
  rejected: Map<number, Set<string>>;
  tracker: Tracker;
  /** Each Pronote guardian's Pronote children (set when the guardians are paired). */
  kidsOf: Array<Prepared[] | undefined>;
  /** Pronote namesakes per Pronote index (`reasons.ts`), built when first asked for. */
  duplicates?: Map<number, number[]>;
}
