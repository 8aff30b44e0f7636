/**
 * The keyboard map of a step (listed to the user under "Raccourcis clavier", message `wbKeys`):
 * which key does what, apart from the handlers that do it.
 */

/** What a key asks for in a step. */
export type StepKeyAction = 'next' | 'previous' | 'first' | 'last' | 'search' | 'confirm' | 'reject' | 'no-account' | 'undo';

const KEYS: Record<string, StepKeyAction> = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  k: 'previous',
  '/': 'search',
  f: 'search',
  c: 'confirm',
  r: 'reject',
  n: 'no-account',
  u: 'undo',
};

/**
 * The action of a key press outside a text field, or undefined (modifier keys held, or a key of no
 * action). In a text field only Escape counts, as `'list'` (back to the list).
 */
export function stepKeyAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, inField: boolean): StepKeyAction | 'list' | undefined {
  if (inField) return e.key === 'Escape' ? 'list' : undefined;
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return KEYS[e.key];
}
