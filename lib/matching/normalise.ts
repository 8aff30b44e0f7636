/**
 * Name, date and class normalisation for the rapprochement (issue 4, "Method": normalise once).
 * Pure functions, no DOM: reused by the workbench's search (issue 5) and the ENT helper (issue 7).
 *
 * French naming facts used here (DOMAIN.md, "The AAF feed" — usage name `sn` versus birth name
 * `ENTPersonNomPatro`, other given names, civilities `M.`, `Mme`, `Mlle`; seed §"rapprochement":
 * accents, compound names and hyphens are what break exact pairing, DOMAIN.md failure 5).
 */
import { foldWords } from '../core/fold';

/**
 * A bounded memo for the pure functions below: names repeat a lot (MARTIN, Marie), so each distinct
 * spelling is normalised once. Cleared when full, so memory stays bounded in a long-lived Worker.
 */
function memo<T>(fn: (key: string) => T, limit = 200_000): (key: string) => T {
  let cache = new Map<string, T>();
  return (key: string) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      if (cache.size >= limit) cache = new Map();
      cache.set(key, v);
    }
    return v;
  };
}

/**
 * `memo` for a function of two strings, without building a key string per call (a second level of
 * maps); bounded the same way.
 */
function memo2<T>(fn: (a: string, b: string) => T, limit = 200_000): (a: string, b: string) => T {
  let cache = new Map<string, Map<string, T>>();
  let size = 0;
  // Most persons have no second value (no birth name, no other given name): one lookup for them.
  const single = memo((a: string) => fn(a, ''), limit);
  return (a: string, b: string) => {
    if (!b) return single(a);
    let inner = cache.get(a);
    let v = inner?.get(b);
    if (v === undefined) {
      v = fn(a, b);
      if (size >= limit) {
        cache = new Map();
        size = 0;
        inner = undefined;
      }
      if (!inner) {
        inner = new Map();
        cache.set(a, inner);
      }
      inner.set(b, v);
      size++;
    }
    return v;
  };
}

/**
 * Particles of French (and frequent foreign) surnames. A name is compared with and without its
 * leading particles (LE GALL ≈ Legall ≈ Gall, DE LA FONTAINE ≈ Lafontaine). "saint" is not one:
 * SAINT-MARTIN is not MARTIN.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'd',
  'la',
  'le',
  'les',
  'l',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'do',
  'el',
  'al',
  'ben',
  'ter',
  'ten',
  'mac',
  'mc',
  'o',
]);

/** Civilities sometimes typed into a name field ("Mme DURAND"); removed when a name follows. */
export const CIVILITIES: ReadonlySet<string> = new Set(['m', 'mr', 'mme', 'mlle', 'melle', 'mle', 'monsieur', 'madame', 'mademoiselle', 'dr', 'docteur', 'pr']);

/**
 * Markers of the "née"/"épouse" forms, with which side is the birth name:
 * "DURAND née MARTIN" (usage, then birth), "MARTIN épouse DURAND" (birth, then married).
 */
const BIRTH_AFTER = new Set(['nee', 'ne']);
const BIRTH_BEFORE = new Set(['epouse', 'ep', 'epse', 'veuve', 'vve', 've', 'divorcee', 'div']);
const ALIAS = new Set(['dite', 'dit', 'alias']);

/** One normalised form of a surname or given name. */
export interface NameForm {
  /** Folded tokens joined by one space ("le gall"). */
  full: string;
  /** Folded, no spaces ("legall"): Anne-Sophie = Anne Sophie = AnneSophie. */
  compact: string;
  /** Compact without any particle ("gall"); equals `compact` when there is none. */
  core: string;
  /**
   * Every compact form that counts as the same name: the compact form and the forms without
   * leading particles ("delafontaine", "lafontaine", "fontaine").
   */
  keys: string[];
  /** Folded tokens, civilities removed. */
  tokens: string[];
  /**
   * French phonetic code of `core`, and of `compact` (the same string when there is no particle);
   * computed on first use (given-name parts and other given names never need them).
   */
  readonly phon: string;
  readonly compactPhon: string;
  /**
   * The tokens in alphabetical order, joined ("mary paule" and "paule mary" → "marypaule"): given
   * names written in another order are the same given names (issue 13, point 4).
   */
  readonly sorted: string;
  /**
   * Letters present in `core`, one bit per letter (a–z; digits share the upper bits): lets the
   * comparisons rule out a typo without running Jaro-Winkler (see `compare.ts`).
   */
  mask: number;
}

/** A `NameForm` whose phonetic codes are worked out when first asked for. */
class Form implements NameForm {
  readonly mask: number;
  private phonCode: string | undefined = undefined;
  private compactPhonCode: string | undefined = undefined;
  private sortedCode: string | undefined = undefined;

  constructor(
    readonly full: string,
    readonly compact: string,
    readonly core: string,
    readonly keys: string[],
    readonly tokens: string[],
  ) {
    this.mask = letterMask(core);
  }

  get phon(): string {
    if (this.phonCode === undefined) this.phonCode = phonetic(this.core);
    return this.phonCode;
  }

  get sorted(): string {
    if (this.sortedCode === undefined) this.sortedCode = this.tokens.length < 2 ? this.compact : [...this.tokens].sort().join('');
    return this.sortedCode;
  }

  get compactPhon(): string {
    if (this.compactPhonCode === undefined) this.compactPhonCode = this.core === this.compact ? this.phon : phonetic(this.compact);
    return this.compactPhonCode;
  }
}

/** The letter bitmask of a folded compact string (a–z: bits 0–25; digits fold onto bits 26–30). */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << letterBit(s.charCodeAt(i));
  return m;
}

/** The bit of one character of a folded string in `letterMask`. */
export function letterBit(code: number): number {
  return code >= 97 ? (code - 97) & 31 : 26 + (code % 5);
}

function tokensOf(folded: string): string[] {
  const tokens = folded ? folded.split(' ') : [];
  while (tokens.length > 1 && CIVILITIES.has(tokens[0])) tokens.shift();
  // A civility typed after the name ("MARLE Mme"); a lone "m" there may be an initial, so it stays.
  while (tokens.length > 1 && tokens[tokens.length - 1].length > 1 && CIVILITIES.has(tokens[tokens.length - 1])) tokens.pop();
  return tokens;
}

/** The normalised form of a list of folded tokens, or undefined when there is no letter. */
export function formOfTokens(tokens: string[]): NameForm | undefined {
  if (tokens.length === 0) return undefined;
  const compact = tokens.join('');
  if (!compact) return undefined;
  const meaningful = tokens.filter((t) => !PARTICLES.has(t));
  const core = meaningful.length > 0 ? meaningful.join('') : compact;
  const keys = [compact];
  for (let i = 0; i < tokens.length - 1 && PARTICLES.has(tokens[i]); i++) {
    const rest = tokens.slice(i + 1).join('');
    if (!keys.includes(rest)) keys.push(rest);
  }
  if (!keys.includes(core)) keys.push(core);
  return new Form(tokens.join(' '), compact, core, keys, tokens);
}

/** Normalised form of a single name as written (no "née"/"épouse" parsing). */
export function nameForm(text: string | undefined): NameForm | undefined {
  return plainForm(text) ?? formOfTokens(tokensOf(foldWords(text)));
}

/**
 * The form of a name of plain letters a–z, either case, in one word (MARTIN, Lucas: most names),
 * without the general folding: no accent, space or particle to handle, so every spelling is the
 * lower-case word. Undefined for any other name. Normalising each distinct name is most of a first
 * pairing's preparation, before the engine is compiled.
 */
function plainForm(text: string | undefined): NameForm | undefined {
  if (!text) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return undefined;
  }
  const word = text.toLowerCase();
  return new Form(word, word, word, [word], [word]);
}

/** A surname read from a field, split into usage and birth names when the field says so. */
export interface ParsedSurname {
  /** The usage name (nom d'usage), or the whole field when no marker is present. */
  usage?: NameForm;
  /** The birth name when the field holds "née X" / "X épouse Y". */
  birth?: NameForm;
  /** Other names given with "dit"/"dite" or in parentheses. */
  others: NameForm[];
}

/**
 * Parses a surname field: civilities removed; "DURAND née MARTIN" → usage DURAND, birth MARTIN;
 * "MARTIN épouse DURAND" (also "ép.", "veuve") → usage DURAND, birth MARTIN; "X dit Y" and
 * "X (Y)" → usage X, other Y.
 */
export function parseSurname(text: string | undefined): ParsedSurname {
  const plain = plainForm(text);
  if (plain) return { usage: plain, others: [] };
  const others: NameForm[] = [];
  let main = text ?? '';
  // Particles moved behind the name, as directories sort them: "LA FONTAINE (DE)" is DE LA FONTAINE.
  let moved = '';
  main = main.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    const t = foldWords(inner);
    if (t?.split(' ').every((w) => PARTICLES.has(w))) {
      moved += `${t} `;
      return ' ';
    }
    const f = nameForm(inner);
    if (f) others.push(f);
    return ' ';
  });
  const tokens = tokensOf(moved + foldWords(main));
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (!BIRTH_AFTER.has(t) && !BIRTH_BEFORE.has(t) && !ALIAS.has(t)) continue;
    const before = formOfTokens(tokens.slice(0, i));
    const after = formOfTokens(tokens.slice(i + 1));
    if (BIRTH_AFTER.has(t)) return { usage: before, birth: after, others };
    if (BIRTH_BEFORE.has(t)) return { usage: after, birth: before, others };
    if (after) others.push(after);
    return { usage: before, others };
  }
  return { usage: formOfTokens(tokens), others };
}

/**
 * Every surname form of a person, usage name first: the usage field parsed, then the birth-name
 * field, then the names found inside them. Duplicates (same compact form) are dropped.
 */
export function surnameForms(lastName: string | undefined, birthName?: string): NameForm[] {
  return surnameFormsMemo(lastName ?? '', birthName ?? '');
}

// Each field is parsed once per distinct spelling; the pairs (usage, birth name) are only combined.
const parsedSurname = memo(parseSurname);

const surnameFormsMemo = memo2((lastName: string, birthName: string) => {
  const out: NameForm[] = [];
  const add = (f: NameForm | undefined) => {
    if (f && !out.some((o) => o.compact === f.compact)) out.push(f);
  };
  const a = parsedSurname(lastName);
  const b = birthName ? parsedSurname(birthName) : NO_SURNAME;
  add(a.usage);
  add(b.usage);
  add(a.birth);
  add(b.birth);
  for (let i = 0; i < a.others.length; i++) add(a.others[i]);
  for (let i = 0; i < b.others.length; i++) add(b.others[i]);
  return out;
});

const NO_SURNAME: ParsedSurname = { others: [] };

/**
 * Every given-name form of a person: the first name as written (compound kept: "anne sophie"), its
 * first part alone ("anne"), then each other given name. Used for the "close" level
 * (Marie-Claire vs Marie, a second given name used daily).
 */
export function givenNameForms(firstName: string | undefined, otherFirstNames: readonly string[] = []): NameForm[] {
  const others = otherFirstNames.length === 0 ? '' : otherFirstNames.length === 1 ? otherFirstNames[0] : otherFirstNames.join('\u0000');
  return givenNameFormsMemo(firstName ?? '', others);
}

// One form per distinct spelling, shared by every person (and list) that has it.
const nameFormMemo = memo((text: string) => nameForm(text) ?? null);

const givenNameFormsMemo = memo2((firstName: string, others: string) => {
  const out: NameForm[] = [];
  const add = (f: NameForm | null | undefined) => {
    if (f && !out.some((o) => o.compact === f.compact)) out.push(f);
  };
  // A civility alone in the given-name field ("MME", "Monsieur": Pronote guardians written "M. et
  // Mme") is no given name: read as one it would disagree with every account.
  const main = civilityOnly(firstName) ? null : nameFormMemo(firstName);
  add(main);
  if (main && main.tokens.length > 1) for (const t of main.tokens) add(nameFormMemo(t));
  if (others) for (const o of others.split('\u0000')) add(nameFormMemo(o));
  return out;
});

/** True when the field holds civilities only ("Mme", "M. et Mme"; `et` joins two of them). */
function civilityOnly(field: string): boolean {
  const tokens = foldWords(field).split(' ').filter(Boolean);
  return tokens.length > 0 && tokens.some((t) => CIVILITIES.has(t)) && tokens.every((t) => CIVILITIES.has(t) || t === 'et');
}

/**
 * Every given name of a person as one order-free key (`NameForm.sorted` of the first-name field and
 * the other given names together): "Héloïse Emma" in one field and "HÉLOÏSE" with "Emma" as another
 * given name are the same names (issue 13, point 4: given names in any order). '' when the person
 * has no other given name (the first-name key already says it all).
 */
export function allGivenNamesKey(firstName: string | undefined, otherFirstNames: readonly string[] = []): string {
  if (!otherFirstNames.length || !firstName) return '';
  return allGivenMemo(firstName, otherFirstNames.join(' '));
}

const allGivenMemo = memo2((firstName: string, others: string) => nameForm(`${firstName} ${others}`)?.sorted ?? '');

/**
 * When only a full name is known (one field "DUPONT Jean Pierre"), the possible
 * (last name, first name) splits in both orders: surname first with one or more tokens, and given
 * name first. Returns [] for fewer than two tokens.
 */
export function splitFullName(fullName: string): Array<{ last: string; first: string }> {
  const tokens = tokensOf(foldWords(fullName));
  const out: Array<{ last: string; first: string }> = [];
  for (let i = 1; i < tokens.length; i++) {
    out.push({ last: tokens.slice(0, i).join(' '), first: tokens.slice(i).join(' ') });
    out.push({ last: tokens.slice(i).join(' '), first: tokens.slice(0, i).join(' ') });
  }
  return out;
}

/**
 * A French phonetic code of a folded name (our own, in the manner of Soundex-FR/Phonex): spellings
 * that sound alike give the same code — Lefebvre/Lefèvre, Mathieu/Matthieu, Gauthier/Gautier,
 * Philippe/Filipe, Dupont/Dupond, Kévin/Kevin, Caroline/Karoline. Spaces are ignored. Codes use
 * letters for sounds and digits for nasal vowels (1 = an/en, 2 = in/ain/un, 3 = on).
 */
export function phonetic(name: string): string {
  return phoneticMemo(name);
}

const phoneticMemo = memo((name: string): string => {
  let s = foldWords(name).replace(/[^a-z]/g, '');
  if (!s) return '';
  s = s
    .replace(/^mc/, 'mac')
    .replace(/sch/g, 'X')
    .replace(/ch/g, 'X')
    .replace(/sh/g, 'X')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/gu(?=[eiy])/g, 'g')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/ge(?=[aou])/g, 'j')
    .replace(/gn/g, 'ni')
    .replace(/qu/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/cc(?=[eiy])/g, 'ks')
    .replace(/sc(?=[eiy])/g, 's')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x$/, '')
    .replace(/x/g, 'ks')
    .replace(/h/g, '')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/y/g, 'i')
    .replace(/bv/g, 'v')
    .replace(/eaux?/g, 'o')
    .replace(/au/g, 'o')
    .replace(/ou/g, 'U')
    .replace(/oi/g, 'oa')
    .replace(/(?<=[aeouU])ill(?=[aeiouU]|$)/g, 'i')
    .replace(/(?:[ae]?in|[ae]?im|un|um)(?![aeiouUnm])/g, '2')
    .replace(/(?:[ae]n|[ae]m)(?![aeiouUnm])/g, '1')
    .replace(/(?:on|om)(?![aeiouUnm])/g, '3')
    .replace(/[ae]i/g, 'e')
    .replace(/(?<=[aeiouU])s(?=[aeiouU])/g, 'z');
  // Silent endings: final e, s, t, d, x, z (Dupont/Dupond, Martine keeps its n).
  s = s
    .replace(/(?<=.)[stdxz]+$/, '')
    .replace(/(?<=..)e$/, '')
    .replace(/(?<=.)[stdx]+$/, '');
  // Doubled letters sound single (Matthieu, Philippe).
  s = s.replace(/(.)\1+/g, '$1');
  return s;
});

/** A birth date split into its numbers, from ISO `yyyy-mm-dd`; undefined when unreadable. */
export interface DateParts {
  iso: string;
  /** `yyyymmdd`, for digit-level comparison. */
  digits: string;
  y: number;
  m: number;
  d: number;
}

export function dateParts(iso: string | undefined): DateParts | undefined {
  if (!iso) return undefined;
  return datePartsMemo(iso) ?? undefined;
}

// Shared per date (a few thousand birth dates among hundreds of thousands of persons); never changed.
const datePartsMemo = memo((iso: string): DateParts | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return { iso, digits: m[1] + m[2] + m[3], y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
});

/** The ISO date with day and month exchanged (03/04 ↔ 04/03), or undefined when not a valid date. */
export function swappedDate(p: DateParts): string | undefined {
  if (p.d > 12 || p.d === p.m) return undefined;
  return `${p.y}-${String(p.d).padStart(2, '0')}-${String(p.m).padStart(2, '0')}`;
}

/**
 * A class name folded for comparison: "3EME A", "3e A", "3ème-A" and "3A" give "3a"; a structure
 * prefix `structureId$` (AAF `ENTEleveClasses`) is dropped.
 */
export function classKey(name: string): string {
  return classKeyMemo(name);
}

const classKeyMemo = memo((name: string): string => {
  const bare = name.includes('$') ? name.slice(name.lastIndexOf('$') + 1) : name;
  return foldWords(bare)
    .replace(/ /g, '')
    .replace(/^(\d+)(?:ieme|eme|e|nde|de|ere|re|er)(?=[a-z0-9])/, '$1');
});

/** An email folded for comparison (trimmed, lower case); "" when absent or without "@". */
export function emailKey(email: string | undefined): string {
  const e = (email ?? '').trim().toLowerCase();
  return e.includes('@') ? e : '';
}

/** A postal code reduced to its digits (French codes: 5 digits); "" when absent. */
export function postalKey(code: string | undefined): string {
  return (code ?? '').replace(/\D/g, '');
}
