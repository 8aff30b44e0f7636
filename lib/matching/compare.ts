/**
 * Field comparisons in levels (issue 4, "Comparisons in levels"): each field of a Pronote person and
 * a directory account is compared into one of `exact`, `close`, `phonetic`, `swapped` (birth dates),
 * `different` or `missing`. Weights are applied in `weights.ts`.
 */
import type { Person } from '../core/person';
import type { Level } from './types';
import {
  classKey,
  type DateParts,
  dateParts,
  emailKey,
  allGivenNamesKey,
  givenNameForms,
  letterBit,
  type NameForm,
  postalKey,
  splitFullName,
  surnameForms,
} from './normalise';

/**
 * Jaro-Winkler similarity in [0, 1] (Winkler 1990; prefix scale 0.1, prefix up to 4 characters).
 * 1 for equal strings, 0 when one is empty.
 */
// Reused match flags: Jaro-Winkler runs on every candidate pair, allocation would dominate.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, flagsA.length * 2));
    flagsB = new Uint8Array(Math.max(lb, flagsB.length * 2));
  }
  const ma = flagsA;
  const mb = flagsB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), stopping early above `max`; returns `max + 1` when the distance exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const lb = b.length;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}

// Reused rows of the edit-distance table (called on many candidate pairs).
let rowA = new Int32Array(32);
let rowB = new Int32Array(32);
let rowC = new Int32Array(32);

/** One way of reading a person's names. */
export interface Reading {
  /** Surname forms: usage name first, then birth name and names found in the fields. */
  last: NameForm[];
  /** Phonetic codes of the surname forms' cores. */
  lastPhon: string[];
  /** Given name as written (compound kept), or undefined. */
  first?: NameForm;
  firstPhon: string;
  /** Other acceptable given names: parts of a compound given name and other given names (compact); main reading only. */
  firstOthers: string[];
  /** Every given name as one order-free key (`allGivenNamesKey`); '' when there is no other given name. */
  firstAll: string;
}

/** A person normalised once for matching (issue 4: "normalise names once per person"); its own main reading. */
export interface Prepared extends Reading {
  index: number;
  person: Person;
  date?: DateParts;
  sex?: 'M' | 'F';
  classes: string[];
  email: string;
  postal: string;
  /** True when the names come from splitting a single full-name field (both orders tried). */
  fromFullName: boolean;
  /** Alternative (last, first) readings when only a full name is known. */
  splits: Array<{ last: NameForm[]; first?: NameForm }>;
  /** The (last, first) readings compared: the main one, or the splits of a full name. */
  readings: Reading[];
}

// Shared by every person who has none, so 450,000 prepared persons do not each hold empty arrays.
const NONE: never[] = [];

/** Normalises one person for matching (see `Prepared`). */
export function prepare(person: Person, index: number): Prepared {
  let last = surnameForms(person.lastName, person.birthName);
  const firsts = givenNameForms(person.firstName, person.otherFirstNames);
  let first: NameForm | undefined = firsts[0];
  const splits: Prepared['splits'] = [];
  let fromFullName = false;
  // Only a full name in one field: keep its readings in both orders (issue 4, "Method").
  if (!first && last.length > 0 && last[0].tokens.length > 1) {
    fromFullName = true;
    for (const s of splitFullName(person.lastName)) {
      splits.push({ last: surnameForms(s.last), first: givenNameForms(s.first)[0] });
    }
  }
  if (fromFullName && splits.length) {
    last = splits[0].last;
    first = splits[0].first;
  }
  const lastPhon = phonsOf(last);
  const firstPhon = first ? first.compactPhon : '';
  const firstOthers = fromFullName || firsts.length < 2 ? NONE : firsts.slice(1).map((f) => f.compact);
  const firstAll = fromFullName ? '' : allGivenNamesKey(person.firstName, person.otherFirstNames);
  const prepared: Prepared = {
    index,
    person,
    last,
    lastPhon,
    first,
    firstPhon,
    firstOthers,
    firstAll,
    readings: NONE,
    date: person.birthDate ? dateParts(person.birthDate) : undefined,
    sex: person.sex,
    classes: person.classes.length ? classKeys(person.classes) : NONE,
    email: emailKey(person.email),
    postal: postalKey(person.postalCode),
    fromFullName,
    splits: splits.length ? splits : NONE,
  };
  // The person is its own main reading (most persons): no second object per person.
  prepared.readings = fromFullName
    ? splits.map((s) => ({
        last: s.last,
        lastPhon: phonsOf(s.last),
        first: s.first,
        firstPhon: s.first ? s.first.compactPhon : '',
        firstOthers: NONE,
        firstAll: '',
      }))
    : [prepared];
  return prepared;
}

// Shared per distinct surname list (lists are shared by `surnameForms`' memo), so not one per person.
const phonsCache = new WeakMap<NameForm[], string[]>();
function phonsOf(forms: NameForm[]): string[] {
  if (!forms.length) return NONE;
  let v = phonsCache.get(forms);
  if (!v) {
    v = forms.map((f) => f.phon);
    phonsCache.set(forms, v);
  }
  return v;
}

// Class lists of one class (most students) are shared per class name.
const oneClass = new Map<string, string[]>();
function classKeys(classes: readonly string[]): string[] {
  if (classes.length === 1) {
    let v = oneClass.get(classes[0]);
    if (!v) {
      const k = classKey(classes[0]);
      v = k ? [k] : NONE;
      if (oneClass.size > 100_000) oneClass.clear();
      oneClass.set(classes[0], v);
    }
    return v;
  }
  return classes.map(classKey).filter(Boolean);
}

const CLOSE_JW = 0.92;

/** A surname typo: Jaro-Winkler ≥ 0.92, or one edit on names of 5+ letters. */
function typo(x: string, y: string): boolean {
  if (jaroWinkler(x, y) >= CLOSE_JW) return true;
  return Math.min(x.length, y.length) >= 5 && Math.abs(x.length - y.length) <= 1 && editDistance(x, y, 1) <= 1;
}

/**
 * False when `typo` cannot hold, from letters alone (most compared surnames differ, and this is far
 * cheaper): a letter of one name absent from the other needs its own edit, and cannot be a
 * Jaro-Winkler match, so the match count is at most the letters shared. The bound is exact
 * arithmetic of `jaroWinkler` with no transposition, so no pair that `typo` accepts is ruled out.
 */
function typoPossible(x: NameForm, y: NameForm): boolean {
  const a = x.core;
  const b = y.core;
  let inA = 0;
  for (let i = 0; i < a.length; i++) if (y.mask & (1 << letterBit(a.charCodeAt(i)))) inA++;
  let inB = 0;
  for (let i = 0; i < b.length; i++) if (x.mask & (1 << letterBit(b.charCodeAt(i)))) inB++;
  const la = a.length;
  const lb = b.length;
  // One edit: at most one letter of each name missing from the other.
  if (la - inA <= 1 && lb - inB <= 1 && Math.min(la, lb) >= 5 && Math.abs(la - lb) <= 1) return true;
  const m = Math.min(inA, inB);
  if (!m) return false;
  const jaro = (m / la + m / lb + 1) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro) >= CLOSE_JW - 1e-9;
}

function keysIntersect(a: NameForm[], b: NameForm[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const keys = a[i].keys;
    for (let k = 0; k < keys.length; k++) for (let j = 0; j < b.length; j++) if (b[j].keys.includes(keys[k])) return true;
  }
  return false;
}

/** Token-level containment for compound surnames: MARTIN-DURAND vs MARTIN (tokens of 3+ letters). */
function compoundPart(a: NameForm, b: NameForm): boolean {
  if (a.tokens.length === b.tokens.length) return false;
  const short = a.tokens.length < b.tokens.length ? a : b;
  const long = short === a ? b : a;
  let meaningful = 0;
  for (let i = 0; i < short.tokens.length; i++) {
    const t = short.tokens[i];
    if (t.length < 3) continue;
    if (!long.tokens.includes(t)) return false;
    meaningful++;
  }
  return meaningful > 0;
}

/**
 * Surname level: `exact` when a form agrees after normalisation (any usage/birth form, with or
 * without leading particles: LE GALL = Legall, MARTIN épouse DURAND = DURAND); `close` for a typo
 * (Jaro-Winkler ≥ 0.92 or one edit on names of 5+ letters) or one part of a compound name;
 * `phonetic` when the French phonetic codes agree; `different`; `missing` when a side has none.
 */
export function compareSurnames(a: NameForm[], aPhon: string[], b: NameForm[], bPhon: string[]): Level {
  if (!a.length || !b.length) return 'missing';
  if (keysIntersect(a, b)) return 'exact';
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (compoundPart(a[i], b[j])) return 'close';
      if (typoPossible(a[i], b[j]) && typo(a[i].core, b[j].core)) return 'close';
    }
  }
  for (let i = 0; i < aPhon.length; i++) if (aPhon[i] && bPhon.includes(aPhon[i])) return 'phonetic';
  return 'different';
}

/** The given names of one side of a comparison (a person's main reading, or one reading of a full name). */
export type GivenNames = Pick<Reading, 'first' | 'firstPhon' | 'firstOthers' | 'firstAll'>;

/**
 * Given-name level: `exact` on the compact form (Anne-Sophie = Anne Sophie), on the same given
 * names in another order (Paule Mary = MARY PAULE), or on the same given names spread over the
 * first-name and other-given-names fields ("Héloïse Emma" = "HÉLOÏSE" with "Emma"); `close` when
 * one is a part of the other's compound name or another given name (Anne-Sophie vs Anne; a second
 * given name used daily), when every given name of one side's first-name field is among the
 * other's given names (only the first of several, or extra ones: issue 13, point 4), or a typo
 * as for surnames (Jaro-Winkler ≥ 0.92, or one edit on names of 5+ letters: "Clata" for Clara,
 * "Licas" for Lucas); `phonetic`; `different`; `missing`.
 */
export function compareGivenNames(a: Prepared, b: Prepared): Level {
  return compareGiven(a, b);
}

export function compareGiven(a: GivenNames, b: GivenNames): Level {
  const af = a.first;
  const bf = b.first;
  if (!af || !bf) return 'missing';
  if (af.compact === bf.compact) return 'exact';
  // The same given names in another order (MARY PAULE / Paule Mary).
  if (af.tokens.length > 1 && af.tokens.length === bf.tokens.length && af.sorted === bf.sorted) return 'exact';
  if ((a.firstAll || b.firstAll) && (a.firstAll || af.sorted) === (b.firstAll || bf.sorted)) return 'exact';
  if (a.firstOthers.includes(bf.compact) || b.firstOthers.includes(af.compact)) return 'close';
  if (tokensAmong(af, b) || tokensAmong(bf, a)) return 'close';
  if (jaroWinkler(af.compact, bf.compact) >= CLOSE_JW || (typoPossible(af, bf) && typo(af.core, bf.core))) return 'close';
  if (a.firstPhon && a.firstPhon === b.firstPhon) return 'phonetic';
  return 'different';
}

/**
 * True when the first-name field `f` holds several given names and each is a given name of `other`
 * (its first-name tokens or other given names): "Martin JEAN-LUC" against "JEAN LUC" with "Martin".
 * Single given names are left to the compact and typo tests.
 */
function tokensAmong(f: NameForm, other: GivenNames): boolean {
  if (f.tokens.length < 2 || !other.first) return false;
  const tokens = other.first.tokens;
  for (let i = 0; i < f.tokens.length; i++) {
    const t = f.tokens[i];
    if (!tokens.includes(t) && !other.firstOthers.includes(t)) return false;
  }
  return true;
}

/**
 * Birth-date level: `exact`; `swapped` when day and month are exchanged (03/04 vs 04/03);
 * `close` for one wrong digit or two neighbouring digits exchanged in `yyyymmdd`; `different`;
 * `missing` when either side has none (guardians usually have none: DOMAIN.md, AAF).
 */
export function compareDates(a: DateParts | undefined, b: DateParts | undefined): Level {
  if (!a || !b) return 'missing';
  if (a.iso === b.iso) return 'exact';
  if (a.y === b.y && a.m === b.d && a.d === b.m) return 'swapped';
  const x = a.digits;
  const y = b.digits;
  let diff = 0;
  let first = -1;
  for (let i = 0; i < 8; i++) {
    if (x[i] !== y[i]) {
      if (first < 0) first = i;
      diff++;
    }
  }
  if (diff === 1) return 'close';
  if (diff === 2 && x[first] === y[first + 1] && x[first + 1] === y[first]) return 'close';
  return 'different';
}

/** Level of two small sets (classes): `exact` when they share one, `missing` when one is empty. */
export function compareSets(a: string[], b: string[]): Level {
  if (!a.length || !b.length) return 'missing';
  for (let i = 0; i < a.length; i++) if (b.includes(a[i])) return 'exact';
  return 'different';
}

/** Level of two single values (sex, email, postal code): `exact`, `different` or `missing`. */
export function compareValues(a: string | undefined, b: string | undefined): Level {
  if (!a || !b) return 'missing';
  return a === b ? 'exact' : 'different';
}

/** Names of a prepared person as (last, first) readings: the main one and, for a full name, the splits. */
export function readings(p: Prepared): Reading[] {
  return p.readings;
}
