/**
 * Text comparison for labels read on admin pages: the same label may come with or without
 * accents, in any case, with non-breaking or doubled spaces, typographic apostrophes and a
 * trailing colon (DOMAIN.md: the HTML of these screens is unknown, find controls by their
 * visible text).
 */

/**
 * The comparison form of a visible text: accents removed, lower case, every run of spaces
 * (non-breaking and narrow ones included) made one space, typographic apostrophes made `'`,
 * leading and trailing spaces and punctuation (`:`, `*`, `?`, `.`) removed.
 */
export function normaliseText(text: string): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\s\u00a0\u202f\u2007\u200b]+/g, ' ')
    .replace(/^[\s:*?.\u2026-]+|[\s:*?.\u2026]+$/g, '')
    .trim();
}

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
