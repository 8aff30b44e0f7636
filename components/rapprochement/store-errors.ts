/**
 * What the user reads when a write of the workbench is refused or fails (issue 14 point 5: shown,
 * never lost in the console). The store's refusals (`lib/store/errors.ts`) name the step or
 * the holder; anything else is a failure of the write, in which case nothing was stored.
 */
import { CATEGORIES } from '../../lib/core/person';
import { AccountTakenError, type HolderRow, HolderFrozenError, StepFrozenError } from '../../lib/store';
import { t } from '../i18n';
import { categoryLabel } from './format';

/** The holder of an account as the messages name them ("NOM Prénom", else their Pronote id). */
export const holderName = (h: HolderRow) => h.label || h.pronoteId;

/** `[n, name]` of a category's step, as the messages name it (1 to 6, seed §4 order). */
export const stepOf = (h: Pick<HolderRow, 'category'>): [string, string] => [String(CATEGORIES.indexOf(h.category) + 1), categoryLabel(h.category)];

/**
 * The message of a failed write, in the UI language. `undo` is true for an undo (its account taken
 * means "the engine's pair is now someone else's", not "this choice is taken").
 */
export function storeErrorMessage(error: unknown, undo = false): string {
  if (error instanceof HolderFrozenError) return t('wbHolderFrozen', [error.holder.entId, holderName(error.holder), ...stepOf(error.holder)]);
  if (error instanceof StepFrozenError) return t('wbStepFrozenError', [categoryLabel(error.category)]);
  if (error instanceof AccountTakenError && undo) return t('wbUndoTaken', [error.holder.entId, holderName(error.holder), ...stepOf(error.holder)]);
  const text = error instanceof Error ? error.message : String(error);
  return t('wbWriteFailed', [text]);
}
