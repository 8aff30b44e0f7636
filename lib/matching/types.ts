/**
 * What the matching engine (`lib/matching`, issue 4) takes and returns. Contract between the engine,
 * the command line, the workbench (issue 5) and the ENT helper's suggestions (issue 7).
 */
import type { Category, Person } from '../core/person';
import type { Reason, Status } from '../core/vocabulary';

/** Comparison level of one field (issue 4, "Comparisons in levels"). */
export type Level = 'exact' | 'close' | 'phonetic' | 'swapped' | 'different' | 'missing';

/** One field's contribution to a candidate's score, shown to the user as evidence. */
export interface Evidence {
  field: 'lastName' | 'birthName' | 'firstName' | 'birthDate' | 'class' | 'sex' | 'email' | 'postalCode' | 'children' | 'structure';
  level: Level;
  /** Log-likelihood weight (Fellegi-Sunter), in bits; positive agrees, negative disagrees. */
  weight: number;
}

export interface Candidate {
  /** Directory person id. */
  entId: string;
  /** Confidence in [0, 1]. */
  score: number;
  evidence: Evidence[];
}

export type { Reason, Status } from '../core/vocabulary';

/** The engine's proposal for one Pronote person. */
export interface Proposal {
  category: Category;
  pronoteId: string;
  status: Status;
  /** The pair (`auto`) or best candidate (`review`); undefined for `unmatched`. */
  entId?: string;
  /** Confidence in [0, 1] of that pair or candidate; 0 when none. */
  score: number;
  /** Ranked candidates, best first (at most a handful). */
  candidates: Candidate[];
  reason?: Reason;
  /** Set when an earlier decision decided this person. */
  decided?: DecisionKind;
}

export type DecisionKind = 'confirmed' | 'manual' | 'rejected' | 'no-account';

/** A decision made by a person (or imported from RapprochementSSO); overrides the engine. */
export interface Decision {
  category: Category;
  pronoteId: string;
  /** Hash of (category, normalised last name, first name, birth date): finds the person next year. */
  personKey?: string;
  kind: DecisionKind;
  /** For `confirmed` and `manual`: the ENT account; for `rejected`: the account rejected. */
  entId?: string;
  /** ISO 8601 date-time. */
  decidedAt: string;
}

export interface MatchInput {
  pronote: Person[];
  directory: Person[];
  decisions?: Decision[];
  /** Called now and then with the share done, in [0, 1]. */
  onProgress?: (done: number, stage: string) => void;
  /**
   * The school, when known: its UAI (the command line's `--uai`, the panel's chosen structure) or
   * a structure id of the feed, as the directory persons' `structures` hold it. Accounts of other
   * schools are weighed down, never removed (issue 13, point 2).
   */
  scope?: string;
  /**
   * `fixed` (the default): the fixed weights (`weights.ts`). `estimated`: comparison weights learned
   * per category from the candidate pairs of this run (`em.ts`, issue 13, point 6), the fixed weights
   * when too few pairs or no convergence. EM is not the default because on the AAF-derived exports
   * (`scripts/check-pairing.ts`) it paired 2 guardians fewer of 991 and lowered recall on some
   * generator variants (`npm run bench -- weights` prints both ways).
   */
  weights?: 'estimated' | 'fixed';
}

/** The weights one category was weighed with (issue 13, point 6), for the summary and the benchmark. */
export interface WeightsNote {
  category: Category;
  /** `estimated`: learned from this run's candidate pairs; `fixed`: the fixed weights (see `reason`). */
  source: 'estimated' | 'fixed';
  /** Why the fixed weights: too few candidate pairs, no convergence, or EM not asked for (`default`). */
  reason?: 'too-few-pairs' | 'no-convergence' | 'default';
  /** Candidate pairs counted. */
  pairs: number;
  /** The learned weights in bits (rounded to 0.01) per field and level, when `estimated`. */
  weights?: Partial<Record<Evidence['field'], Partial<Record<Level, number>>>>;
}

/** How the run found the school's scope (issue 13, point 2), for the summary and the report. */
export interface ScopeInfo {
  /** The UAI or structure asked for (`MatchInput.scope`), if any. */
  asked?: string;
  /** False when an asked UAI is held by no account: it restricts nothing and the run says so. */
  askedKnown?: boolean;
  /** `uai`: from the one asked; `pairs`: from the structures of the sure pairs; `none`: no scope. */
  from: 'uai' | 'pairs' | 'none';
  /** The structures in scope, sorted (empty for `none`). */
  structures: string[];
}

export interface MatchResult {
  proposals: Proposal[];
  /** Directory persons paired by no proposal, by category. */
  unusedDirectory: number;
  /** The school's scope as used by the run. */
  scope: ScopeInfo;
  /** The weights of each category paired (Pronote persons to pair and accounts to pair them with). */
  weights: WeightsNote[];
}
