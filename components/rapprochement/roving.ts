/**
 * The roving tabindex of a step's list (WAI-ARIA "managing focus within components"): the list is
 * one Tab stop, the row of the person shown in the detail, and the arrow keys, Home and End move it.
 * Pure, so that the virtualised list and its keyboard handler agree on which row that is.
 */

/** A move in the list, as `step-keys.ts` names the keys. */
export type RovingMove = 'next' | 'previous' | 'first' | 'last' | 'current';

/**
 * The row (index in the list shown) that is in the tab order: the selected person's, or the first
 * row when the selected person is not in the list (a filter hides them); -1 for an empty list.
 */
export function tabStop(shown: readonly { index: number }[], selected: number): number {
  if (!shown.length) return -1;
  const at = shown.findIndex((s) => s.index === selected);
  return Math.max(at, 0);
}

/**
 * The row a move lands on from row `at` in a list of `count` rows: clamped at both ends (no
 * wrapping, as in a listbox); from no row (-1: the selected person is filtered out), any move but
 * "last" lands on the first. -1 for an empty list.
 */
export function rovingTarget(at: number, count: number, move: RovingMove): number {
  if (count <= 0) return -1;
  if (move === 'first') return 0;
  if (move === 'last') return count - 1;
  if (at < 0 || at >= count) return 0;
  const delta = move === 'next' ? 1 : move === 'previous' ? -1 : 0;
  return Math.max(0, Math.min(count - 1, at + delta));
}
