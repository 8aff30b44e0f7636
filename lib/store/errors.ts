/** What the store throws when it refuses a write; nothing of that write is stored (its transaction is aborted). */
import type { Category } from '../core/person';
import type { HolderRow } from './schema';

/** Thrown when a write would change a step already validated (validating freezes it, seed §4). */
export class StepFrozenError extends Error {
  constructor(readonly category: Category) {
    super(`step ${category} is validated`);
    this.name = 'StepFrozenError';
  }
}

/**
 * Thrown when a decision gives a person an ENT account that another person holds (issue 14): the
 * caller shows `holder` and offers to move the account (`setDecision(..., { taken: 'move' })`) or
 * to keep it (nothing to write). Nothing was written.
 */
export class AccountTakenError extends Error {
  constructor(readonly holder: HolderRow) {
    super(`account ${holder.entId} is held by ${holder.category} ${holder.pronoteId}`);
    this.name = 'AccountTakenError';
  }
}

/**
 * Thrown when the account wanted (or given back by an undo) is held by a person whose step is
 * validated: validated steps are frozen, that step must be reopened first. Nothing was written.
 */
export class HolderFrozenError extends Error {
  constructor(readonly holder: HolderRow) {
    super(`account ${holder.entId} is held in the validated step ${holder.category}`);
    this.name = 'HolderFrozenError';
  }
}
