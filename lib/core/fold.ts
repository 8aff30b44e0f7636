/**
 * The one family of text folding: every comparison of text in Passerelle (names in the
 * rapprochement and the search, header and element names of the readers, labels on admin pages,
 * pasted error messages, ENT project names) goes through one of these functions, so that "Élève",
 * "ELEVE" and "eleve" are the same word everywhere.
 *
 * The base step is {@link stripAccents}; each member adds what its inputs need. All are pure,
 * never throw, and return "" for an empty or undefined input.
 *
 * Why folding matters for names: accents, compound names and hyphens are what break exact pairing
 * (seed §"rapprochement"; DOMAIN.md, failure 5).
 */

/** Letters that Unicode decomposition does not split into base letter + accent. */
const LIGATURES: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
};
const LIGATURE_RE = /[œŒæÆßøØđĐłŁı]/g;
/** Anything outside printable ASCII: only such text needs the Unicode decomposition. */
const NOT_ASCII = /[^ -~]/;

/**
 * `text` with ligatures spelt out (œ → oe, Æ → AE, ß → ss) and accents removed (NFD, then the
 * combining marks dropped: "Çelik" → "Celik"). Case, spaces and punctuation are kept.
 * Plain ASCII (most names) is returned as it is, without decomposition.
 */
export function stripAccents(text: string | undefined): string {
  if (!text) return '';
  if (!NOT_ASCII.test(text)) return text;
  return text
    .replace(LIGATURE_RE, (c) => LIGATURES[c])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The comparison form of a name or a word: {@link stripAccents}, lower case, every run of other
 * characters than letters and digits (apostrophes, hyphens, dots, spaces) made one space, trimmed.
 * "Anne-Sophie" → "anne sophie", "N'DIAYE" → "n diaye", "Œuvrard" → "oeuvrard". Digits are kept
 * (class names).
 */
export function foldWords(text: string | undefined): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** {@link foldWords} without spaces: "Mon Bureau Numérique" and "monbureaunumerique" give one key. */
export function foldCompact(text: string | undefined): string {
  return foldWords(text).replace(/ /g, '');
}

/**
 * {@link foldWords} for identifiers written in camel case as well as in words (file headers,
 * XML element and attribute names): "DateNaissance" and "date de naissance" give "date naissance"
 * and "date de naissance", whose compact forms are compared by the readers.
 */
export function foldIdentifier(text: string | undefined): string {
  return foldWords(stripAccents(text).replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/**
 * Folds pasted prose (error pages copied from a browser, a mail, a screenshot's OCR) for
 * recognition: {@link stripAccents}, lower case, typographic quotes and apostrophes made plain
 * (`"` and `'`), every run of white space (line breaks, non-breaking spaces) made one space, trimmed.
 * Punctuation is kept: the recognisers' patterns use it.
 */
export function foldProse(text: string | undefined): string {
  return stripAccents(text)
    .replace(/[«»“”„‟″]/g, '"')
    .replace(/[’‘‚‛´`ʼ]/g, "'")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Latin letters with diacritics (U+00C0–U+017F) → their base letters, computed once. */
const LATIN_FOLD: Record<string, string> = {};
for (let c = 0xc0; c <= 0x17f; c++) {
  const ch = String.fromCharCode(c);
  LATIN_FOLD[ch] = stripAccents(ch);
}
const NON_ASCII_TEXT = /[^\u0020-\u007e\t\n\r]/;
const LABEL_EDGE = new Set([' ', ':', '*', '?', '.', '\u2026']);

/**
 * The comparison form of a visible label on an admin page (DOMAIN.md: the HTML of these screens is
 * unknown, controls are found by their visible text): accents removed, lower case, every run of
 * spaces (non-breaking and narrow ones included) made one space, typographic apostrophes made `'`,
 * leading and trailing spaces and punctuation (`:`, `*`, `?`, `.`, `…`, and `-` in front) removed.
 * Runs on every element of a page: ASCII text takes a fast path, common accented letters a table.
 */
export function foldLabel(text: string | undefined): string {
  let t = (text ?? '').toLowerCase();
  if (NON_ASCII_TEXT.test(t)) {
    t = t.replace(/[\u00c0-\u017f]/g, (c) => LATIN_FOLD[c]);
    if (NON_ASCII_TEXT.test(t)) {
      t = stripAccents(t)
        .toLowerCase()
        .replace(/[\u2018\u2019\u02bc\u00b4]/g, "'")
        .replace(/[\u00a0\u202f\u2007\u200b]/g, ' ');
    }
  }
  t = t.replace(/`/g, "'").replace(/\s+/g, ' ');
  let a = 0;
  let b = t.length;
  while (a < b && (LABEL_EDGE.has(t[a]) || t[a] === '-')) a++;
  while (b > a && LABEL_EDGE.has(t[b - 1])) b--;
  return t.slice(a, b);
}
