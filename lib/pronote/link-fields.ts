/**
 * Student ↔ guardian link fields of a Pronote export, and the fields a mapping leaves unused
 * (issue 13, point 1: "Links in every form, both directions").
 *
 * The identifier export's layout is not public (DOMAIN.md, "The Pronote identifier export"): links
 * may sit on the student (`<Responsable Ident>` children, `Responsables="a,b"`) or on the guardian
 * (`<Eleve Ident>` or `<Enfant>` children, an `<Enfants>` list of `<Enfant>`, `Enfants="a;b"`).
 * So the link field is found like any other field, by its values: the key (attribute or child
 * element) of one category's records whose values name persons of the other category of the same
 * file, by their `id` or `ident`. Names only break ties, or decide when the other category is absent.
 */
import { compact } from '../input/words';
import type { XmlNode } from '../input/xml';
import type { Category } from '../core/person';
import { clean } from '../input/person-draft';
import type { MappingProfile, ProfileField } from './mapping-profile';

/** How a record's field is read (apply-profile.ts `fieldValue`), given so that this file imports no reader. */
export type FieldValue = (node: XmlNode, name: string | undefined) => string | undefined;

/** A person record with its category, as the profile reads it. */
export interface CategorisedRecord {
  node: XmlNode;
  category: Category;
}

/** Attributes naming a person's key on a link element, in order of preference. */
export const KEY_ATTRS = ['Ident', 'IDPN', 'Id', 'ID', 'id', 'Identifiant', 'IdentifiantPronote', 'Numero', 'numero'];

/** Separators of a list held in one value (`a,b`, `a;b`, `a|b`, `a b`): identifiers hold none. */
const LIST_SEPARATORS = /[,;|\s]+/;

const KEY_NAMES = new Set(KEY_ATTRS.map((k) => compact(k)));

function split(value: string | undefined, out: string[]): void {
  const v = clean(value);
  if (!v) return;
  for (const part of v.split(LIST_SEPARATORS)) if (part) out.push(part);
}

/**
 * The identifiers one link element holds: its key attribute (`Ident`, `IDPN`, `Id`...), else its
 * text (a list is split), else its children's (`<Enfants><Enfant Ident="1"/><Enfant>2</Enfant></Enfants>`;
 * when some children are named as keys, `<Responsable><Ident>2</Ident><Nom>…</Nom></Responsable>`,
 * only those).
 */
function refsOfElement(node: XmlNode, out: string[]): void {
  for (let k = 0; k < KEY_ATTRS.length; k++) {
    const v = clean(node.attrs[KEY_ATTRS[k]]);
    if (v) {
      out.push(v);
      return;
    }
  }
  const children = node.children;
  if (children.length === 0) {
    split(node.text, out);
    return;
  }
  const keyed = children.filter((c) => KEY_NAMES.has(compact(c.name)));
  for (const c of keyed.length > 0 ? keyed : children) {
    if (c.children.length > 0 || KEY_ATTRS.some((a) => c.attrs[a])) refsOfElement(c, out);
    else split(c.text, out);
  }
}

/**
 * Every identifier a link field holds on a record: an attribute (any case) holding one id or a list
 * (`a,b`, `a;b`), or every child element of that name (see {@link refsOfElement}).
 * @returns identifiers as written (trimmed), in document order; [] when `name` is undefined or absent.
 */
export function linkValues(node: XmlNode, name: string | undefined): string[] {
  if (!name) return [];
  const out: string[] = [];
  const lower = name.toLowerCase();
  const attrs = node.attrs;
  if (name in attrs) split(attrs[name], out);
  else for (const k in attrs) if (k.toLowerCase() === lower) split(attrs[k], out);
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === name || c.name.toLowerCase() === lower) refsOfElement(c, out);
  }
  return out;
}

/** Names that say a field links to guardians (on students) or to children (on guardians), folded. */
export const LINK_SYNONYMS: Record<'guardians' | 'children', string[]> = {
  guardians: [
    'responsable',
    'responsables',
    'responsablelegal',
    'responsableslegaux',
    'parent',
    'parents',
    'guardian',
    'guardians',
    'representantlegal',
    'legalguardian',
  ],
  children: ['enfant', 'enfants', 'eleve', 'eleves', 'child', 'children', 'student', 'students', 'pupil', 'pupils', 'responsablede', 'ideleve', 'identeleve'],
};

/** Records read per category to score a candidate key: enough to see the field, cheap on 200,000. */
const SAMPLE = 5000;

/** Attribute and child element names of a record, as written. */
function recordKeys(node: XmlNode): string[] {
  const keys = Object.keys(node.attrs);
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (!keys.includes(children[i].name)) keys.push(children[i].name);
  return keys;
}

/** The keys a profile already reads (folded), other than the link fields themselves. */
function usedKeys(profile: MappingProfile, except: ProfileField[] = []): Set<string> {
  const used = new Set<string>();
  for (const [field, key] of Object.entries(profile.fields) as [ProfileField, string | undefined][]) {
    if (key && !except.includes(field)) used.add(compact(key));
  }
  return used;
}

function byCategory(records: readonly CategorisedRecord[]): Map<Category, XmlNode[]> {
  const out = new Map<Category, XmlNode[]>();
  for (const r of records) {
    const list = out.get(r.category);
    if (list) list.push(r.node);
    else out.set(r.category, [r.node]);
  }
  return out;
}

/** How a candidate link key fares: values met, values naming a person of the other category, records holding one. */
export interface LinkScore {
  key: string;
  values: number;
  resolved: number;
  records: number;
}

/** Adds the record's `id` and `ident` values, as the profile reads them, to `ids`: what a link may name. */
export function addRecordIds(ids: Set<string>, node: XmlNode, profile: MappingProfile, fieldValue: FieldValue): void {
  const id = fieldValue(node, profile.fields.id);
  if (id) ids.add(id);
  const ident = fieldValue(node, profile.fields.ident);
  if (ident) ids.add(ident);
}

/** The `id` and `ident` values of records (see {@link addRecordIds}). */
function recordIds(nodes: readonly XmlNode[], profile: MappingProfile, fieldValue: FieldValue): Set<string> {
  const ids = new Set<string>();
  for (const node of nodes) addRecordIds(ids, node, profile, fieldValue);
  return ids;
}

/**
 * Every `id` and `ident` value of a file's records per category, when the records given to
 * {@link withLinkFields} are a sample of a large file (the readers' sampled tree): a link names any
 * record of the other category, not only those of the sample.
 */
export type LinkTargets = ReadonlyMap<Category, ReadonlySet<string>>;

/**
 * The best key of `from` records whose values name `to` records (by `id` or `ident`).
 * A key wins with the most resolved values, at least half of its values resolved; ties go to the
 * names of `synonyms`. When `to` is empty (a file of students only), a key named as a link is kept.
 */
function bestLinkKey(
  from: XmlNode[],
  to: XmlNode[],
  profile: MappingProfile,
  synonyms: string[],
  fieldValue: FieldValue,
  allTargets: ReadonlySet<string> | undefined,
): LinkScore | undefined {
  if (from.length === 0) return undefined;
  const used = usedKeys(profile, ['guardians', 'children']);
  const targets = allTargets ?? recordIds(to, profile, fieldValue);
  const scores = new Map<string, LinkScore>();
  const step = Math.max(1, Math.floor(from.length / SAMPLE));
  for (let r = 0; r < from.length; r += step) {
    const node = from[r];
    const own = new Set([fieldValue(node, profile.fields.id), fieldValue(node, profile.fields.ident)]);
    for (const key of recordKeys(node)) {
      if (used.has(compact(key))) continue;
      const values = linkValues(node, key);
      if (values.length === 0) continue;
      let s = scores.get(key);
      if (!s) {
        s = { key, values: 0, resolved: 0, records: 0 };
        scores.set(key, s);
      }
      s.records++;
      for (const v of values) {
        s.values++;
        if (targets.has(v) && !own.has(v)) s.resolved++;
      }
    }
  }
  const rank = (key: string) => {
    const i = synonyms.indexOf(compact(key));
    return i < 0 ? synonyms.length : i;
  };
  let best: LinkScore | undefined;
  for (const s of scores.values()) {
    const named = rank(s.key) < synonyms.length;
    const resolves = s.resolved > 0 && s.resolved * 2 >= s.values;
    if (!resolves && !(targets.size === 0 && named)) continue;
    if (!best || s.resolved > best.resolved || (s.resolved === best.resolved && rank(s.key) < rank(best.key))) best = s;
  }
  return best;
}

/**
 * Finds the link fields of a file read with `profile` (whose id, ident and categories are set):
 * `guardians` on students (values naming guardians), `children` on guardians (values naming students).
 * A link field the profile already names is kept when its values resolve (or nothing better does).
 * `fieldValue` reads the id and ident of a record (apply-profile.ts). `targets`, when the records
 * are a sample, holds every id and ident of the file's records per category.
 * @returns the profile's fields with `guardians` and `children` set where found (a new object).
 */
export function withLinkFields(records: readonly CategorisedRecord[], profile: MappingProfile, fieldValue: FieldValue, targets?: LinkTargets): MappingProfile {
  const groups = byCategory(records);
  const students = groups.get('student') ?? [];
  const guardians = groups.get('guardian') ?? [];
  const fields = { ...profile.fields };
  const toGuardians = bestLinkKey(students, guardians, profile, LINK_SYNONYMS.guardians, fieldValue, targets && (targets.get('guardian') ?? new Set()));
  const toChildren = bestLinkKey(guardians, students, profile, LINK_SYNONYMS.children, fieldValue, targets && (targets.get('student') ?? new Set()));
  if (toGuardians) fields.guardians = toGuardians.key;
  if (toChildren) fields.children = toChildren.key;
  return { ...profile, fields };
}

/** A field found on at least half of one category's records that the mapping does not read. */
export interface UnusedField {
  category: Category;
  /** The attribute or child element name, as written. */
  field: string;
  /** Share of the category's records holding it, in (0, 1]. */
  share: number;
  /** One value met, cut at 60 characters. */
  example: string;
}

/**
 * The fields present on at least half of one category's records that `profile` reads nowhere
 * (issue 13: "listed on the mapping screen, never kept silently in `raw`"), per category, most
 * frequent first.
 */
export function unusedFields(records: readonly CategorisedRecord[], profile: MappingProfile): UnusedField[] {
  const used = usedKeys(profile);
  const out: UnusedField[] = [];
  for (const [category, nodes] of byCategory(records)) {
    const step = Math.max(1, Math.floor(nodes.length / SAMPLE));
    let seen = 0;
    const counts = new Map<string, { n: number; example: string }>();
    for (let r = 0; r < nodes.length; r += step) {
      seen++;
      const node = nodes[r];
      for (const key of recordKeys(node)) {
        if (used.has(compact(key))) continue;
        const e = counts.get(key);
        if (e) e.n++;
        else {
          const child = node.children.find((c) => c.name === key);
          const example = node.attrs[key] ?? (child ? child.text || linkValues(node, key).join(', ') || `<${key}>` : '');
          counts.set(key, { n: 1, example: example.slice(0, 60) });
        }
      }
    }
    const list: UnusedField[] = [];
    for (const [field, { n, example }] of counts) if (n * 2 >= seen) list.push({ category, field, share: Math.round((n / seen) * 1000) / 1000, example });
    list.sort((a, b) => b.share - a.share || a.field.localeCompare(b.field));
    for (const f of list) out.push(f);
  }
  return out;
}
