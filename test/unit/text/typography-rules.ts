/**
 * The French typography rules the test and `npm run fix:typography` share: U+202F NARROW NO-BREAK
 * SPACE before `: ; ? !` and inside `« »`, and the typographic apostrophe ’. One pass finds the
 * problems and builds the fixed text, so the fixer can never disagree with the test.
 *
 * The exceptions are written here, each with why:
 * - A `: ; ? !` followed by a letter, digit, `/`, `=` or another character of a word is not
 *   punctuation but part of a token: a URL (`https://`, `?service=`), a time (`08:30`), an XML
 *   name (`cas:user`), CSS (`!important`), a file or identifier. Only a sign followed by a space,
 *   a line end, the end of the text or closing punctuation is a French punctuation mark.
 * - URLs (`https://…`) and HTML entities (`&amp;`) are masked whole: a `?` or `;` that ends them
 *   belongs to them.
 * - `\uFFFC` stands for a placeholder (`${x}` of a template literal): it counts as a word, so
 *   `${n} :` is checked like `12 :`. `$1` placeholders of messages.json are plain text already.
 * - A straight `'` is an apostrophe only between a letter and a letter (or `«`): `l'annuaire`.
 *   Elsewhere it quotes code (`code='INVALID_TICKET'`) and stays straight.
 * - Two signs in a row (`?!`) take one space, before the first.
 */

/** The character that stands for a template literal's `${…}` in the text checked. */
export const PLACEHOLDER = '\uFFFC';
/** U+202F NARROW NO-BREAK SPACE, the space French typography wants before `: ; ? !` and inside `« »`. */
export const NNBSP = '\u202f';

const SIGNS = ':;?!';
/** Spaces that are wrong at these places (any horizontal space but U+202F); line ends are not. */
const OTHER_SPACE = /[ \t\u00a0\u2000-\u200a\u205f\u3000]/;
/** What may follow a punctuation mark: the end, a space, a line end, closing punctuation. */
const AFTER_SIGN = /[\s\u202f)\]»"’.,…:;?!]/;
const LETTER = /\p{L}/u;
/** Regions where no rule applies: URLs and HTML entities (see the file's docstring). */
const MASKED = /\b[a-z][a-z0-9+.-]*:\/\/[^\s«»"<>]*|&[a-z]+;|&#x?[0-9a-f]+;/gi;

/** One place that breaks a rule, at `index` in the text checked. */
export interface TypographyProblem {
  index: number;
  /** What is wrong and what is wanted, in a few words. */
  rule: string;
}

/** The text with every rule applied, and the problems found on the way (indices in the original). */
export interface TypographyResult {
  fixed: string;
  problems: TypographyProblem[];
}

function maskedIndices(text: string): Set<number> {
  const masked = new Set<number>();
  for (const m of text.matchAll(MASKED)) for (let i = m.index; i < m.index + m[0].length; i++) masked.add(i);
  return masked;
}

/** Checks and fixes one French text (see the file's docstring for the rules and exceptions). */
export function checkTypography(text: string): TypographyResult {
  const masked = maskedIndices(text);
  const problems: TypographyProblem[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (masked.has(i)) {
      out += c;
      continue;
    }
    const next = text[i + 1];
    const prev = text[i - 1];
    if (SIGNS.includes(c) && (next === undefined || AFTER_SIGN.test(next))) {
      if (prev !== undefined && SIGNS.includes(prev)) {
        out += c;
        continue;
      }
      // Remove the spaces already written before the sign, then put one U+202F.
      let spaces = 0;
      while (out.length > spaces && (OTHER_SPACE.test(out[out.length - 1 - spaces]) || out[out.length - 1 - spaces] === NNBSP)) spaces++;
      const before = out.slice(out.length - spaces);
      if (before !== NNBSP) {
        problems.push({ index: i, rule: spaces === 0 ? `missing U+202F before « ${c} »` : `plain or other space before « ${c} » (wants U+202F)` });
      }
      out = `${out.slice(0, out.length - spaces)}${NNBSP}${c}`;
      continue;
    }
    if (c === '«') {
      let j = i + 1;
      while (j < text.length && (OTHER_SPACE.test(text[j]) || text[j] === NNBSP)) j++;
      if (text.slice(i + 1, j) !== NNBSP) problems.push({ index: i, rule: 'after « wants one U+202F' });
      out += `«${NNBSP}`;
      i = j - 1;
      continue;
    }
    if (c === '»') {
      let spaces = 0;
      while (out.length > spaces && (OTHER_SPACE.test(out[out.length - 1 - spaces]) || out[out.length - 1 - spaces] === NNBSP)) spaces++;
      if (out.slice(out.length - spaces) !== NNBSP) problems.push({ index: i, rule: 'before » wants one U+202F' });
      out = `${out.slice(0, out.length - spaces)}${NNBSP}»`;
      continue;
    }
    if (c === "'" && prev !== undefined && LETTER.test(prev) && next !== undefined && (LETTER.test(next) || next === '«')) {
      problems.push({ index: i, rule: "straight apostrophe ' (wants ’)" });
      out += '’';
      continue;
    }
    out += c;
  }
  return { fixed: out, problems };
}
