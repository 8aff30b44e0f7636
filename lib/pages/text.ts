/**
 * How visible label texts are scored against the labels the readers look for. The texts are first
 * folded by `foldLabel` (`lib/core/fold.ts`): the same label may come with or without accents, in any
 * case, with non-breaking or doubled spaces and a trailing colon (DOMAIN.md: the HTML of these
 * screens is unknown, find controls by their visible text).
 */

/**
 * How well the visible text `text` reads as the label `phrase` (both normalised):
 * 3 the same words, 2 the phrase at word boundaries in a short text (a label with a few more
 * words), 0 otherwise (absent, or inside a long help text).
 */
export function labelScore(text: string, phrase: string): number {
  if (!phrase || !text) return 0;
  if (text === phrase) return 3;
  const at = text.indexOf(phrase);
  if (at < 0) return 0;
  const before = at === 0 || /[^a-z0-9]/.test(text[at - 1]);
  const end = at + phrase.length;
  const after = end === text.length || /[^a-z0-9]/.test(text[end]);
  if (!before || !after) return 0;
  return text.length <= phrase.length + 40 ? 2 : 0;
}
