/**
 * Reads persons from an XML tree with a mapping profile: the partner layout (a fixed profile) and
 * every sniffed or saved profile go through here, so each record becomes either a Person or a
 * not-read entry with its element, line and reason.
 *
 * | Person field    | source in a sniffed or saved layout (profile field → attribute or child element) |
 * | --------------- | ------------------------------------------------------------------------------- |
 * | id              | `fields.id`, else `fields.ident` (idKind `pronote-field`)                        |
 * | category        | `categories[c].element`, and `fields.category` = `categoryValue` when shared     |
 * | lastName        | `fields.lastName`, else `fields.birthName`                                       |
 * | birthName       | `fields.birthName` when different from the last name                             |
 * | firstName       | `fields.firstName`                                                               |
 * | otherFirstNames | `fields.otherFirstNames` (comma-separated, or one child element per name)        |
 * | birthDate       | `fields.birthDate` (dd/mm/yyyy, yyyy-mm-dd)                                      |
 * | sex, civility   | `fields.sex`, `fields.civility`                                                  |
 * | classes         | `fields.classes`: attribute (comma-separated) or every child element of that name |
 * | email           | `fields.email`                                                                   |
 * | postalCode      | `fields.postalCode`                                                              |
 * | guardians       | `fields.guardians` on students: the guardians' `ident` or `id` values (link-fields.ts), and the guardians that name the student |
 * | children        | `fields.children` on guardians: the students' `ident` or `id` values, and the students that name the guardian |
 * | raw             | every attribute, and child elements' names → values                              |
 */
import { categoryFromWord } from '../input/category-words';
import { parseDate } from '../input/dates';
import { clean, NO_ITEMS, newPerson, ownStrings, parseSex, TextPool } from '../input/person-draft';
import { completeRelations } from '../input/relations';
import { compact } from '../input/words';
import { NO_ATTRS, NO_CHILDREN, scanXmlRecords, type XmlNode } from '../input/xml';
import { CATEGORIES, type Category, type IdKind, type NotRead, type Person } from '../core/person';
import { addRecordIds, KEY_ATTRS, type LinkTargets, linkValues } from './link-fields';
import type { MappingProfile } from './mapping-profile';

/** Attribute (exact name, then any case) or direct child element text. */
export function fieldValue(node: XmlNode, name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (name in node.attrs) return clean(node.attrs[name]);
  const lower = name.toLowerCase();
  for (const k in node.attrs) if (sameInAnyCase(k, name, lower)) return clean(node.attrs[k]);
  for (const c of node.children) if (c.name === name || sameInAnyCase(c.name, name, lower)) return clean(c.text) ?? labelOf(c);
  return undefined;
}

/**
 * `candidate.toLowerCase() === lower` (`lower` is `name` lower-cased), without lower-casing names of
 * another length: lower-casing keeps the length of every character but U+0130 (İ → i̇), so only
 * names holding it are compared whatever their length. Reading an export looks up about ten
 * fields per person this way, most of them absent.
 */
function sameInAnyCase(candidate: string, name: string, lower: string): boolean {
  if (candidate.length !== name.length && candidate.indexOf('\u0130') < 0 && name.indexOf('\u0130') < 0) return false;
  return candidate.toLowerCase() === lower;
}

const LABEL_ATTRS = ['Nom', 'nom', 'Libelle', 'libelle', 'Name', 'name', 'Code', 'code', 'Valeur', 'value'];

function labelOf(node: XmlNode): string | undefined {
  for (const a of LABEL_ATTRS) if (node.attrs[a]) return clean(node.attrs[a]);
  return undefined;
}

/** Every value of a repeated field: attribute (comma-separated) or every child element of that name. */
function listValues(node: XmlNode, name: string | undefined, attrs: string[]): string[] {
  if (!name) return [];
  const out: string[] = [];
  const attr = node.attrs[name];
  if (attr !== undefined) for (const v of attr.split(/[,;|]/)) if (clean(v)) out.push(clean(v) as string);
  const lower = name.toLowerCase();
  for (const c of node.children) {
    if (c.name !== name && !sameInAnyCase(c.name, name, lower)) continue;
    let v = clean(c.text);
    for (const a of attrs) if (!v && c.attrs[a]) v = clean(c.attrs[a]);
    if (v) out.push(v);
  }
  return out;
}

export interface ProfileReadOptions {
  source: string;
  /** idKind for records whose `id` field is filled (partner: `IDPN`; sniffed: `pronote-field`). */
  idKind: IdKind;
  /** idKind for records whose id comes from the `ident` field (partner: `Ident`). */
  identKind: IdKind;
  /** True to take the records out of `root` as they are read (the caller is done with them). */
  consume?: boolean;
}

export interface ProfileReadResult {
  persons: Person[];
  notRead: NotRead[];
  /** Persons whose id came from `ident` because `id` was empty, per category. */
  identFallbacks: Partial<Record<Category, number>>;
}

/** The person elements a profile selects, outside other person elements, in document order. */
function collect(root: XmlNode, profile: MappingProfile): { node: XmlNode; rank: number }[] {
  const names = recordNames(profile);
  const out: { node: XmlNode; rank: number }[] = [];
  const ranks = new Map<string, number>();
  const walk = (node: XmlNode) => {
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      // `<Staff><Staff .../></Staff>`: an element holding records of its own name is a container.
      if (names.has(c.name) && !holdsOwnName(c)) {
        const rank = (ranks.get(c.name) ?? 0) + 1;
        ranks.set(c.name, rank);
        out.push({ node: c, rank });
      } else walk(c);
    }
  };
  if (names.has(root.name)) out.push({ node: root, rank: 1 });
  else walk(root);
  return out;
}

/** The person records a profile selects, with their category (records of no category left out). */
export function categorisedRecords(root: XmlNode, profile: MappingProfile): { node: XmlNode; category: Category }[] {
  const out: { node: XmlNode; category: Category }[] = [];
  for (const { node } of collect(root, profile)) {
    const category = categoryOf(node, profile);
    if (category) out.push({ node, category });
  }
  return out;
}

function holdsOwnName(node: XmlNode): boolean {
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (children[i].name === node.name) return true;
  return false;
}

function categoryOf(node: XmlNode, profile: MappingProfile): Category | undefined {
  const value = profile.fields.category ? fieldValue(node, profile.fields.category) : undefined;
  let fallback: Category | undefined;
  for (const category of CATEGORIES) {
    const rule = profile.categories[category];
    if (!rule || rule.element !== node.name) continue;
    if (rule.categoryValue === undefined) fallback ??= category;
    else if (
      value !== undefined &&
      (compact(value) === compact(rule.categoryValue) || (categoryFromWord(value) === category && categoryFromWord(rule.categoryValue) === category))
    )
      return category;
  }
  return fallback;
}

/** The map of `outer` for `key`, made empty the first time. */
export function innerMap<K, V>(outer: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

/** A record not read, with its element's attributes (or text) as excerpt. */
function notReadEntry(source: string, location: string, node: XmlNode, fr: string, en: string): NotRead {
  const excerpt = Object.entries(node.attrs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ')
    .slice(0, 300);
  return { source, location, reason: { fr, en }, excerpt: excerpt || node.text.slice(0, 300) };
}

/** The first non-empty key attribute of an element (`Ident`, `IDPN`, `Id`...). */
function firstKey(node: XmlNode): string | undefined {
  for (let k = 0; k < KEY_ATTRS.length; k++) {
    const v = node.attrs[KEY_ATTRS[k]];
    if (v) return v;
  }
  return undefined;
}

/** Removes the `records` from their parents' children (the tree then holds everything else). */
function detachRecords(root: XmlNode, records: Set<XmlNode>): void {
  const walk = (node: XmlNode) => {
    const children = node.children;
    let kept = 0;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (records.has(c)) continue;
      walk(c);
      children[kept++] = c;
    }
    if (kept < children.length) node.children = kept === 0 ? NO_CHILDREN : children.slice(0, kept);
  };
  walk(root);
}

/** Reads records one by one with a profile, then resolves the links between those read. */
interface ProfileReader {
  /** Reads one record (`rank`: its 1-based place among the records of its element name). */
  read(node: XmlNode, rank: number): void;
  /** The persons read (links resolved), the records not read and the ids taken from `ident`. */
  finish(): ProfileReadResult;
}

/** {@link NO_ITEMS} as a list of strings (frozen: replaced, never changed). */
const NONE = NO_ITEMS as unknown as string[];

function profileReader(profile: MappingProfile, options: ProfileReadOptions): ProfileReader {
  const { source } = options;
  const f = profile.fields;
  const persons: Person[] = [];
  const notRead: NotRead[] = [];
  const identFallbacks: Partial<Record<Category, number>> = {};
  // Per category: the first person read for each id, and the file's keys (ident, id) → id.
  const seen = new Map<Category, Map<string, Person>>();
  const keyToId = new Map<Category, Map<string, string>>();
  const guardianRefs = new Map<Person, string[]>();
  const childRefs = new Map<Person, string[]>();
  const pool = new TextPool();
  const read = (node: XmlNode, rank: number): void => {
    const location = `${node.name}[${rank}], l. ${node.line}`;
    const category = categoryOf(node, profile);
    if (!category) {
      const value = f.category ? fieldValue(node, f.category) : undefined;
      notRead.push(
        notReadEntry(
          source,
          location,
          node,
          `Catégorie non reconnue${value ? ` («\u202f${value}\u202f»)` : ''}\u202f: choisissez-la dans la correspondance.`,
          `Category not recognised${value ? ` ("${value}")` : ''}: choose it in the mapping.`,
        ),
      );
      return;
    }
    const ident = fieldValue(node, f.ident);
    let id = fieldValue(node, f.id);
    let idKind = options.idKind;
    if (!id && ident) {
      id = ident;
      idKind = options.identKind;
      identFallbacks[category] = (identFallbacks[category] ?? 0) + 1;
    }
    const lastName = fieldValue(node, f.lastName) ?? fieldValue(node, f.birthName);
    const firstName = fieldValue(node, f.firstName);
    if (!id) {
      notRead.push(
        notReadEntry(
          source,
          location,
          node,
          `Pas d’identifiant Pronote (${[f.id, f.ident].filter(Boolean).join(', ') || 'aucun champ choisi'})\u202f: l’ENT ne pourrait pas le recevoir.`,
          `No Pronote identifier (${[f.id, f.ident].filter(Boolean).join(', ') || 'no field chosen'}): the ENT could not receive it.`,
        ),
      );
      return;
    }
    if (!lastName && !firstName) {
      notRead.push(notReadEntry(source, location, node, `Personne ${id} sans nom ni prénom.`, `Person ${id} has no last name or first name.`));
      return;
    }
    const seenHere = innerMap(seen, category);
    const first = seenHere.get(id);
    if (first) {
      notRead.push(
        notReadEntry(
          source,
          location,
          node,
          `Identifiant ${id} déjà lu (${first.location})\u202f: enregistrement en double.`,
          `Identifier ${id} already read (${first.location}): duplicate record.`,
        ),
      );
      return;
    }
    const p = newPerson({ side: 'pronote', source, location, category, id, idKind, lastName: lastName ?? '', firstName: firstName ?? '' });
    const birthName = fieldValue(node, f.birthName);
    if (birthName && birthName !== p.lastName) p.birthName = birthName;
    // Lists left empty share one frozen array (NO_ITEMS): see `finish`.
    p.structures = NONE;
    const others = listValues(node, f.otherFirstNames, []);
    p.otherFirstNames = others.length === 0 ? NONE : others.flatMap((v) => v.split(/\s*,\s*/)).filter(Boolean);
    const birthDate = parseDate(fieldValue(node, f.birthDate));
    if (birthDate) p.birthDate = birthDate;
    const sex = parseSex(fieldValue(node, f.sex));
    if (sex) p.sex = sex;
    const civility = fieldValue(node, f.civility);
    if (civility) p.civility = civility;
    const classes = listValues(node, f.classes, LABEL_ATTRS);
    p.classes = classes.length === 0 ? NONE : [...new Set(classes)];
    const email = fieldValue(node, f.email);
    if (email) p.email = email;
    const postalCode = fieldValue(node, f.postalCode);
    if (postalCode) p.postalCode = postalCode;
    if (category === 'student' && f.guardians) guardianRefs.set(p, linkValues(node, f.guardians));
    else if (category === 'guardian' && f.children) childRefs.set(p, linkValues(node, f.children));
    // The record's own attributes object becomes `raw` (the tree is dropped once read, and nothing
    // after this reads a record's attributes): a copy cost about 200 bytes a person, 100 MB for a
    // 540,000-person export (scripts/bench/reading-large-export.ts).
    p.raw = node.attrs === NO_ATTRS ? {} : node.attrs;
    const children = node.children;
    for (let k = 0; k < children.length; k++) {
      const c = children[k];
      const value = c.text || labelOf(c) || firstKey(c);
      if (value) p.raw[c.name] = p.raw[c.name] ? `${p.raw[c.name]} | ${value}` : value;
    }
    persons.push(ownStrings(p, pool));
    // Keyed by the person's own id, which links then share (the file's text is let go after reading).
    seenHere.set(p.id, p);
    const keys = innerMap(keyToId, category);
    if (ident) keys.set(ident, p.id);
    keys.set(p.id, p.id);
  };
  const finish = (): ProfileReadResult => {
    // Links name the guardian by its key in the file (partner layout: `Ident`), which may differ from its id (`IDPN`).
    const guardianKeys = keyToId.get('guardian');
    for (const [student, refs] of guardianRefs) {
      // The person's own id when the link resolves; else an own copy (a view would keep the whole file).
      for (const ref of refs) student.guardians.push({ id: guardianKeys?.get(ref) ?? pool.own(ref) });
    }
    const studentKeys = keyToId.get('student');
    for (const [guardian, refs] of childRefs) {
      for (const ref of refs) {
        const id = studentKeys?.get(ref) ?? pool.own(ref);
        if (!guardian.children.some((c) => c.id === id)) guardian.children.push({ id });
      }
    }
    completeRelations(persons);
    // Lists grown by `push` keep room for 16 or more links; exact copies weighed 60 MB less at
    // 540,000 persons. Empty lists share one frozen array (`NO_ITEMS`, as the other lists since
    // `read`): 32 bytes each, three or four a person, 57 MB at 540,000 persons (`npm run bench --
    // reading-large`: persons 393 → 332 MiB).
    for (let i = 0; i < persons.length; i++) {
      const p = persons[i];
      p.children = p.children.length ? p.children.slice() : (NO_ITEMS as unknown as Person['children']);
      p.guardians = p.guardians.length ? p.guardians.slice() : (NO_ITEMS as unknown as Person['guardians']);
    }
    return { persons, notRead, identFallbacks };
  };
  return { read, finish };
}

/**
 * Applies a profile to a parsed export.
 * @returns persons (links between students and guardians resolved through `ident` or `id`),
 * records not read with their element, line and reason, and the count of ids taken from `ident`.
 */
export function readWithProfile(root: XmlNode, profile: MappingProfile, options: ProfileReadOptions): ProfileReadResult {
  const reader = profileReader(profile, options);
  const records: Array<{ node: XmlNode; rank: number } | undefined> = collect(root, profile);
  // Consumed: each record leaves the tree once read, so that the persons grow as the tree shrinks
  // (reading a 540,000-person export peaked at the file's text, its whole tree and every person at
  // once: `npm run bench -- reading-large`).
  if (options.consume) detachRecords(root, new Set(records.map((r) => r!.node)));
  for (let r = 0; r < records.length; r++) {
    const { node, rank } = records[r]!;
    if (options.consume) records[r] = undefined;
    reader.read(node, rank);
  }
  return reader.finish();
}

/** The element names of a profile's records. */
export function recordNames(profile: MappingProfile): Set<string> {
  const names = new Set<string>();
  for (const rule of Object.values(profile.categories)) if (rule) names.add(rule.element);
  return names;
}

/**
 * True when {@link readStreamWithProfile} reads from the text what {@link readWithProfile} reads from
 * `root`: the root is not a record, and no element of a record name holds one of its own name (a
 * `<Staff>` list of `<Staff>`, which `collect` walks into). Then the records are exactly the
 * outermost elements of those names, as the scanner takes them. (A category field's values are
 * taken from the whole text when the layout is sniffed on a sample: sniffer.ts, categoryValuesInText.)
 */
export function recordsStream(root: XmlNode, profile: MappingProfile): boolean {
  const names = recordNames(profile);
  if (names.has(root.name)) return false;
  const container = (node: XmlNode): boolean => {
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (names.has(c.name) ? holdsOwnName(c) : container(c)) return true;
    }
    return false;
  };
  return !container(root);
}

/**
 * {@link readWithProfile} on the text itself: each record is read as the scanner closes it and
 * dropped at once, so that the file's records never stand in memory beside the persons (reading a
 * 540,000-person export: peak RSS 1,992 MiB from the tree, see scripts/bench/reading-large-export.ts
 * for today's figure). Use it on text that `readXmlTree` read with its fast scanner, with a profile
 * for which {@link recordsStream} holds.
 * @returns the same result as readWithProfile, or undefined when the fast scanner does not read the text.
 */
export function readStreamWithProfile(text: string, profile: MappingProfile, options: ProfileReadOptions): ProfileReadResult | undefined {
  const reader = profileReader(profile, options);
  const ranks = new Map<string, number>();
  const root = scanXmlRecords(text, {
    names: recordNames(profile),
    onRecord: (node) => {
      const rank = (ranks.get(node.name) ?? 0) + 1;
      ranks.set(node.name, rank);
      reader.read(node, rank);
    },
  });
  return root ? reader.finish() : undefined;
}

/**
 * Every `id` and `ident` value of the student and guardian records of `text`, read with `profile` as the
 * scanner closes each record (nothing of the records kept): the link targets of a sampled file
 * (link-fields.ts). Same conditions as {@link readStreamWithProfile}.
 * @returns the values, or undefined when the fast scanner does not read the text.
 */
export function recordTargets(text: string, profile: MappingProfile): LinkTargets | undefined {
  const targets = new Map<Category, Set<string>>();
  const root = scanXmlRecords(text, {
    names: recordNames(profile),
    onRecord: (node) => {
      const category = categoryOf(node, profile);
      // Links join students and guardians only: the ids of the others are not kept.
      if (category !== 'student' && category !== 'guardian') return;
      let ids = targets.get(category);
      if (!ids) {
        ids = new Set();
        targets.set(category, ids);
      }
      addRecordIds(ids, node, profile, fieldValue);
    },
  });
  return root ? targets : undefined;
}
