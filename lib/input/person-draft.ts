/** A Person with every list empty, for readers to fill (lib/person.ts holds the model). */
import type { Person, ReadNote } from '../core/person';
import { ownText, type TextPool } from './own-text';

export { ownText, TextPool } from './own-text';

export function newPerson(base: Pick<Person, 'side' | 'source' | 'location' | 'category' | 'id' | 'idKind' | 'lastName' | 'firstName'>): Person {
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
 * The empty list that readers give persons once read (`otherFirstNames`, `classes`, `structures`,
 * `children`, `guardians`): frozen, so that a later change throws instead of reaching every person
 * sharing it; replace the list to change it. A fresh empty array weighs 32 bytes.
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * Replaces every text of `p` (fields, list items, link ids, raw values) by its own copy
 * (`ownText`), so that the person keeps nothing of the file it was read from; with a `pool`, equal
 * short values of one read share one copy (not the id and the location, unique to each record).
 * In place; returns `p`.
 */
export function ownStrings(p: Person, pool?: TextPool): Person {
  const own = pool ? (s: string) => pool.own(s) : ownText;
  p.source = own(p.source);
  // Never pooled: unique to each record, they would only fill the pool (three unique values a person
  // made its map rehash and restart over a 540,000-person export: `npm run bench -- reading-large`).
  p.location = ownText(p.location);
  p.id = ownText(p.id);
  p.lastName = own(p.lastName);
  p.firstName = own(p.firstName);
  if (p.birthName !== undefined) p.birthName = own(p.birthName);
  if (p.civility !== undefined) p.civility = own(p.civility);
  if (p.email !== undefined) p.email = own(p.email);
  if (p.postalCode !== undefined) p.postalCode = own(p.postalCode);
  if (p.birthDate !== undefined) p.birthDate = own(p.birthDate);
  ownList(p.otherFirstNames, own);
  ownList(p.classes, own);
  ownList(p.structures, own);
  for (let i = 0; i < p.children.length; i++) p.children[i].id = own(p.children[i].id);
  for (let i = 0; i < p.guardians.length; i++) p.guardians[i].id = own(p.guardians[i].id);
  const raw = p.raw;
  for (const key in raw) raw[key] = own(raw[key]);
  return p;
}

function ownList(list: string[], own: (s: string) => string): void {
  for (let i = 0; i < list.length; i++) list[i] = own(list[i]);
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
 * for empty values. The result may still view the file's text: readers give each person they keep
 * to `ownStrings`.
 */
export function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  NOT_TEXT.lastIndex = 0;
  if (NOT_TEXT.test(value)) value = value.replace(NOT_TEXT, '');
  // Most values hold single spaces at most: trimming alone gives the same text, without a copy.
  const v = FOLDABLE.test(value) ? value.replace(/\s+/g, ' ').trim() : value.trim();
  return v === '' ? undefined : v;
}

/**
 * True when `value` holds a character of {@link NOT_TEXT}: a loop over char codes, since this runs on
 * every value of every record (a regex test per value took about 1 s per 100,000 persons here).
 */
function hasNotText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 ? c < 0x09 || c > 0x0d : c < 0x7f ? false : c <= 0x9f || (c >= 0x202a && (c <= 0x202e || (c >= 0x2066 && c <= 0x2069)))) return true;
  }
  return false;
}

/** How many changed records a note names one by one; the rest are counted. */
const NAMED_CHANGES = 20;

/**
 * Notes the records whose values {@link clean} changed by removing control or bidi characters
 * (issue 15, point 5: "shown as removed in the not-read/notes list when a name changed"), one note
 * per file naming each record's location, the fields and the characters removed (as U+XXXX). Works
 * on `raw` (the record as read, every reader fills it), and removes the same characters from `raw`
 * so that what is shown on screen is text too.
 * @param persons persons read, from any number of files (grouped by `source`).
 * @returns one note per file that had such values, none otherwise; in file order.
 */
export function removedCharacterNotes(persons: readonly Person[]): ReadNote[] {
  const byFile = new Map<string, { where: [string, string][]; count: number; chars: Set<string> }>();
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i];
    let fields: string[] | undefined;
    // Values first (the common case, nothing to remove): a `for…in` over every record was the cost.
    const values = Object.values(p.raw);
    let any = false;
    for (let k = 0; k < values.length && !any; k++) any = hasNotText(values[k]);
    if (!any) continue;
    for (const key in p.raw) {
      const value = p.raw[key];
      if (!hasNotText(value)) continue;
      if (!fields) fields = [];
      fields.push(key);
      let file = byFile.get(p.source);
      if (!file) {
        file = { where: [], count: 0, chars: new Set() };
        byFile.set(p.source, file);
      }
      for (const c of value.match(NOT_TEXT) ?? []) file.chars.add(`U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
      p.raw[key] = value.replace(NOT_TEXT, '');
    }
    if (!fields) continue;
    const file = byFile.get(p.source) as { where: [string, string][]; count: number };
    file.count++;
    const who = `${p.location} (${`${p.lastName} ${p.firstName}`.trim()}`;
    if (file.where.length < NAMED_CHANGES) file.where.push([`${who}\u202f: ${fields.join(', ')})`, `${who}: ${fields.join(', ')})`]);
  }
  const notes: ReadNote[] = [];
  for (const [source, { where, count, chars }] of byFile) {
    const more = count - where.length;
    const fr = where.map((w) => w[0]).join('\u202f; ');
    const en = where.map((w) => w[1]).join('; ');
    const codes = [...chars].sort().join(', ');
    notes.push({
      source,
      message: {
        fr: `${count < 2 ? 'Un enregistrement contenait' : `${count} enregistrements contenaient`} des caractères invisibles (caractères de contrôle ou d’inversion du sens d’écriture\u202f: ${codes}), retirés des noms et des valeurs\u202f: ${fr}${more > 0 ? `\u202f; et ${more} autre(s)` : ''}. Vérifiez ces noms dans le fichier d’origine.`,
        en: `${count < 2 ? 'One record held' : `${count} records held`} invisible characters (control or text-direction characters: ${codes}), removed from the names and values: ${en}${more > 0 ? `; and ${more} more` : ''}. Check these names in the original file.`,
      },
    });
  }
  return notes;
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
