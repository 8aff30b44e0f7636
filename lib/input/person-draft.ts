/** A Person with every list empty, for readers to fill (lib/person.ts holds the model). */
import type { Category, IdKind, Person, Side } from '../core/person';

export function newPerson(base: {
  side: Side;
  source: string;
  location: string;
  category: Category;
  id: string;
  idKind: IdKind;
  lastName: string;
  firstName: string;
}): Person {
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

/** Trims and folds inner runs of blanks; undefined for empty values. */
export function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
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
