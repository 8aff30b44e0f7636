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
  field: 'lastName' | 'birthName' | 'firstName' | 'birthDate' | 'class' | 'sex' | 'email' | 'postalCode' | 'children';
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
}

export interface MatchResult {
  proposals: Proposal[];
  /** Directory persons paired by no proposal, by category. */
  unusedDirectory: number;
}
