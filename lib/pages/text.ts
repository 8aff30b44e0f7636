/**
 * Text comparison for labels read on admin pages: the same label may come with or without
 * accents, in any case, with non-breaking or doubled spaces, typographic apostrophes and a
 * trailing colon (DOMAIN.md: the HTML of these screens is unknown, find controls by their
 * visible text).
 */

/** Latin letters with diacritics (U+00C0–U+017F) → their base letters, computed once. */
const FOLD: Record<string, string> = {};
for (let c = 0xc0; c <= 0x17f; c++) {
  const ch = String.fromCharCode(c);
  FOLD[ch] = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
/** Any character outside ASCII (letters with accents, special spaces, typographic quotes). */
const NON_ASCII = /[^\u0020-\u007e\t\n\r]/;
const EDGE = new Set([' ', ':', '*', '?', '.', '\u2026']);

/**
 * The comparison form of a visible text: accents removed, lower case, every run of spaces
 * (non-breaking and narrow ones included) made one space, typographic apostrophes made `'`,
 * leading and trailing spaces and punctuation (`:`, `*`, `?`, `.`, and `-` in front) removed.
 * Runs on every element of a page: ASCII text takes a fast path, common accented letters a table.
 */
export function normaliseText(text: string): string {
  let t = (text ?? '').toLowerCase();
  if (NON_ASCII.test(t)) {
    t = t.replace(/[\u00c0-\u017f]/g, (c) => FOLD[c]);
    if (NON_ASCII.test(t)) {
      t = t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[\u2018\u2019\u02bc\u00b4]/g, "'")
        .replace(/[\u00a0\u202f\u2007\u200b]/g, ' ');
    }
  }
  t = t.replace(/`/g, "'").replace(/\s+/g, ' ');
  let a = 0;
  let b = t.length;
  while (a < b && (EDGE.has(t[a]) || t[a] === '-')) a++;
  while (b > a && EDGE.has(t[b - 1])) b--;
  return t.slice(a, b);
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
