/** A Person with every list empty, for readers to fill (lib/person.ts holds the model). */
import type { Person } from '../core/person';

export function newPerson(
  base: Pick<Person, 'side' | 'source' | 'location' | 'category' | 'id' | 'idKind' | 'lastName' | 'firstName'>,
): Person {
  // An explicit literal, not `{ ...base }`: V8 copies a spread through a slow generic path here
  // (about 10 µs per person in the readers' profiles).
  return {
    side: base.side,
    source: base.source,
    location: base.location,
    category: base.category,
    id: base.id,
    idKind: base.idKind,
    lastName: base.lastName,
    firstName: base.firstName,
    otherFirstNames: [],
    classes: [],
    children: [],
    guardians: [],
    structures: [],
    raw: {},
  };
}

/**
 * A blank other than a space, or two blanks in a row (the characters of `\s`): only then does
 * folding change more than the ends of a value.
 */
const FOLDABLE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|\s\s/;

/**
 * C0 and C1 control characters (tab, LF, VT, FF, CR apart: they are blanks, folded) and the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069): names are text (issue 15, point 5), and a
 * U+202E in a name would turn it around on screen and in every export.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point of this pattern
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Trims, folds inner runs of blanks and removes control and bidi-override characters; undefined
 * for empty values. The result is a copy, never a slice of the file's text (a slice would keep the
 * whole decoded file in memory).
 */
export function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  NOT_TEXT.lastIndex = 0;
  if (NOT_TEXT.test(value)) value = value.replace(NOT_TEXT, '');
  // Most values hold single spaces at most: trimming alone gives the same text, without a copy.
  const v = FOLDABLE.test(value) ? value.replace(/\s+/g, ' ').trim() : value.trim();
  return v === '' ? undefined : v;
}

/** `M`/`F` from the values found in the inputs (`M`, `F`, `Masculin`, `Féminin`, `1`, `2`, `H`, `G`...). */
export function parseSex(value: string | undefined): 'M' | 'F' | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (/^(m|h|g|1|masculin|homme|garçon|garcon|male|man|boy)$/.test(v)) return 'M';
  if (/^(f|2|féminin|feminin|femme|fille|female|woman|girl)$/.test(v)) return 'F';
  return undefined;
}

/** Appends one by one: `push(...list)` overflows the call stack past about 100,000 items. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
