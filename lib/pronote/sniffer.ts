/**
 * Layout sniffing for Pronote exports of unknown layout (issue 3, "Any other layout: sniff it";
 * DOMAIN.md: the identifier export's exact layout is unknown, its neighbours are known).
 *
 * 1. Person records: elements holding both a last-name-like and a first-name-like field (attribute or
 *    child element); their inside is not searched further (a student's `Responsable` link is a field).
 * 2. Category per element name: from the name itself (French/English, accents or not, singular or
 *    plural: category-words.ts), else from the container (`<TABLE nom="Elèves">` of EDT), else from a
 *    category field shared by the records (`Categorie="Maître de stage"`), else guessed from the
 *    fields (then unsure).
 * 3. Fields from synonyms, attributes or child elements: EDT's `NOM`, `PRENOM`, `DATE_NAISS`
 *    (dd/mm/yyyy), `SEXE`, `CLASSE` are one known neighbour. The identifier field by preference
 *    `IDPN`, `IdentifiantPronote`, `Identifiant`, `Ident`, `Id` (PRODUCT.md, "Identifiers"). The
 *    link fields (`guardians` on students, `children` on guardians) by their values: the key whose
 *    values name persons of the other category of the file (link-fields.ts), on either side.
 *    Fields on at least half of one category's records that the mapping leaves unused are listed.
 * 4. Confidence in [0, 1]: share of records holding the id, last-name and first-name fields, lowered when
 *    the id field is only a generic one (`Id`, `numero`) and when a category had to be guessed.
 *    `sure` when confidence ≥ 0.9, every category named by the file and a Pronote id field found.
 */
import { categoryFromWord } from '../input/category-words';
import { compact } from '../input/words';
import { scanXmlRecords, type XmlNode } from '../input/xml';
import type { Category } from '../core/person';
import { categorisedRecords, fieldValue } from './apply-profile';
import { LINK_SYNONYMS, type LinkTargets, type UnusedField, unusedFields, withLinkFields } from './link-fields';
import type { CategoryRule, MappingProfile, ProfileField } from './mapping-profile';

/** Synonyms per field, folded with `compact`, in order of preference. */
const SYNONYMS: Record<Exclude<ProfileField, 'ident'>, string[]> = {
  id: ['idpn', 'identifiantpronote', 'idpronote', 'identifiantpn', 'identifiant', 'ident', 'id', 'numero', 'num', 'no', 'code'],
  lastName: ['nom', 'nomusage', 'nomdusage', 'lastname', 'surname', 'familyname', 'nomfamille', 'nomdefamille', 'sn', 'name'],
  birthName: ['nomnaissance', 'nomdenaissance', 'nompatronymique', 'nomjeunefille', 'birthname', 'maidenname'],
  firstName: ['prenom', 'firstname', 'givenname', 'prenom1', 'forename', 'prenoms'],
  otherFirstNames: ['autresprenoms', 'autreprenom', 'prenom2', 'othernames', 'middlename', 'middlenames'],
  birthDate: ['datenaissance', 'datenaiss', 'datedenaissance', 'datenais', 'naissance', 'birthdate', 'dateofbirth', 'dob', 'nele'],
  sex: ['sexe', 'sex', 'genre', 'gender'],
  civility: ['civilite', 'civ', 'titre', 'title'],
  classes: ['classe', 'classes', 'division', 'divisions', 'class'],
  email: ['email', 'mail', 'courriel', 'adressemail', 'emailaddress', 'adresseemail'],
  postalCode: ['codepostal', 'cp', 'postalcode', 'zip', 'zipcode'],
  guardians: LINK_SYNONYMS.guardians,
  children: LINK_SYNONYMS.children,
  category: ['categorie', 'category', 'profil', 'profile', 'typepersonne', 'categoriepersonne', 'type', 'role'],
};
/** Id fields that name a Pronote identifier; others (`Id`, `numero`...) may be a row number. */
const PRONOTE_ID_FIELDS = new Set(['idpn', 'identifiantpronote', 'idpronote', 'identifiantpn', 'identifiant', 'ident']);

export interface SniffResult {
  mapping: MappingProfile;
  /** In [0, 1]. */
  confidence: number;
  sure: boolean;
  /** Number of person records found. */
  records: number;
  /** Fields on at least half of one category's records that the mapping does not read (link-fields.ts). */
  unused: UnusedField[];
}

interface Occurrence {
  node: XmlNode;
  parent: XmlNode;
}

const keyCache = new WeakMap<XmlNode, Map<string, string>>();

/** Keys of a record (folded → as written): attribute names and child element names. */
function keysOf(node: XmlNode): Map<string, string> {
  const cached = keyCache.get(node);
  if (cached) return cached;
  const keys = new Map<string, string>();
  keyCache.set(node, keys);
  const attrs = Object.keys(node.attrs);
  for (let i = 0; i < attrs.length; i++) keys.set(compact(attrs[i]), attrs[i]);
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const folded = compact(children[i].name);
    if (!keys.has(folded)) keys.set(folded, children[i].name);
  }
  return keys;
}

function has(keys: Map<string, string>, field: keyof typeof SYNONYMS): boolean {
  return SYNONYMS[field].some((s) => keys.has(s));
}

/** Finds the person records (outermost elements with a last name and a first name). */
function findRecords(root: XmlNode): Occurrence[] {
  const out: Occurrence[] = [];
  const walk = (node: XmlNode) => {
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const keys = keysOf(c);
      if (has(keys, 'lastName') && has(keys, 'firstName')) out.push({ node: c, parent: node });
      else walk(c);
    }
  };
  walk(root);
  return out;
}

/** Element names of the person records {@link sniffLayout} would find, without the rest of the sniff. */
export function recordElementNames(root: XmlNode): Set<string> {
  const names = new Set<string>();
  const records = findRecords(root);
  for (let i = 0; i < records.length; i++) names.add(records[i].node.name);
  return names;
}

const countsCache = new WeakMap<XmlNode[], Map<string, { key: string; n: number }>>();

/**
 * How many records hold each folded key, with the first spelling met. Counted once per list of
 * records: a sniff asks for a dozen fields over the same records.
 */
function keyCounts(records: XmlNode[]): Map<string, { key: string; n: number }> {
  const cached = countsCache.get(records);
  if (cached) return cached;
  const counts = new Map<string, { key: string; n: number }>();
  for (const r of records) {
    for (const [folded, key] of keysOf(r)) {
      const e = counts.get(folded);
      if (e) e.n++;
      else counts.set(folded, { key, n: 1 });
    }
  }
  countsCache.set(records, counts);
  return counts;
}

/** The original key (attribute or element name) for a field among records, most used synonym first by preference. */
function chooseKey(records: XmlNode[], field: keyof typeof SYNONYMS, minShare = 0.3): { key: string; folded: string } | undefined {
  const counts = keyCounts(records);
  for (const s of SYNONYMS[field]) {
    const e = counts.get(s);
    if (e && e.n > 0 && e.n >= minShare * records.length) return { key: e.key, folded: s };
  }
  return undefined;
}

function containerCategory(parent: XmlNode): Category | undefined {
  const fromName = categoryFromWord(parent.name);
  if (fromName) return fromName;
  for (const v of Object.values(parent.attrs)) {
    const c = categoryFromWord(v);
    if (c) return c;
  }
  return undefined;
}

/** Each category the category field `key` of `node` names, with the first value naming it (document order). */
type CategoryValues = Map<Category, string>;

function addCategoryValue(values: CategoryValues, node: XmlNode, key: string): void {
  const v = node.attrs[key] ?? node.children.find((c) => c.name === key)?.text;
  const c = v ? categoryFromWord(v) : undefined;
  if (c && v && !values.has(c)) values.set(c, v);
}

/**
 * The categories that the field `key` of the `element` records names over the whole text, each with
 * the first value naming it: what {@link sniffLayout} finds on a whole tree, for a sample of it (a
 * category of a few records, three inspectors among 500,000 users, is likely missing from a sample).
 * Records as {@link scanXmlRecords} takes them: outermost elements of that name.
 * @returns undefined when the fast scanner does not read the text.
 */
export function categoryValuesInText(text: string, element: string, key: string): CategoryValues | undefined {
  const values: CategoryValues = new Map();
  const root = scanXmlRecords(text, { names: new Set([element]), onRecord: (node) => addCategoryValue(values, node, key) });
  return root ? values : undefined;
}

/**
 * Proposes a mapping profile for an export of unknown layout.
 * @param linkTargets when `root` is a sample of a large file (scanXmlSample), gives every id and
 * ident of the file's students and guardians for a profile: a link names any record of the other
 * category, not only those of the sample.
 * @param categoryValues when `root` is a sample, gives the categories that a category field names
 * over the whole file (see {@link categoryValuesInText}), so that no category is missed.
 * @returns undefined when no person record is found.
 */
export function sniffLayout(
  root: XmlNode,
  name = 'Profil détecté',
  linkTargets?: (profile: MappingProfile) => LinkTargets | undefined,
  categoryValues?: (element: string, key: string) => CategoryValues | undefined,
): SniffResult | undefined {
  const records = findRecords(root);
  if (records.length === 0) return undefined;
  const nodes = records.map((r) => r.node);
  const fields: MappingProfile['fields'] = {};
  for (const field of Object.keys(SYNONYMS) as (keyof typeof SYNONYMS)[]) {
    if (field === 'category') continue;
    // Optional fields may be filled on a few records only (a class for students among all users).
    const chosen = chooseKey(nodes, field, field === 'lastName' || field === 'firstName' ? 0.3 : 0);
    if (chosen) fields[field] = chosen.key;
  }
  const idChoice = chooseKey(nodes, 'id', 0.5);
  if (idChoice) fields.id = idChoice.key;
  else delete fields.id;
  // A second key that links may use (partner-like layouts: IDPN as id, Ident for links).
  if (idChoice && idChoice.folded !== 'ident') {
    const identKey = nodes.map((n) => keysOf(n).get('ident')).find(Boolean);
    if (identKey) fields.ident = identKey;
  }

  // Categories, per element name.
  const byElement = new Map<string, Occurrence[]>();
  for (const r of records) {
    const list = byElement.get(r.node.name) ?? [];
    list.push(r);
    byElement.set(r.node.name, list);
  }
  const categories: MappingProfile['categories'] = {};
  let guessed = false;
  let categoryKey: string | undefined;
  for (const [element, occ] of byElement) {
    const fromName = categoryFromWord(element) ?? containerCategory(occ[0].parent);
    if (fromName && !categories[fromName]) {
      categories[fromName] = { element };
      continue;
    }
    // A category field shared by the records of this element.
    const cat = chooseKey(
      occ.map((o) => o.node),
      'category',
      0.5,
    );
    let values: CategoryValues | undefined = cat ? categoryValues?.(element, cat.key) : undefined;
    if (!values) {
      values = new Map();
      if (cat) for (const o of occ) addCategoryValue(values, o.node, cat.key);
    }
    if (cat && values.size > 0) {
      categoryKey = cat.key;
      for (const [c, v] of values) if (!categories[c]) categories[c] = { element, categoryValue: v } satisfies CategoryRule;
      continue;
    }
    // Guess from the fields, for the user to confirm.
    guessed = true;
    const sample = occ.map((o) => keysOf(o.node));
    const share = (field: keyof typeof SYNONYMS) => sample.filter((k) => has(k, field)).length / sample.length;
    const guess: Category = share('classes') > 0.5 || share('birthDate') > 0.5 ? 'student' : share('guardians') > 0 ? 'student' : 'guardian';
    const free = ([guess, 'teacher', 'staff', 'guardian', 'student', 'supervisor', 'inspector'] as Category[]).find((c) => !categories[c]);
    if (free) categories[free] = { element };
  }
  if (categoryKey) fields.category = categoryKey;
  // By name, the link fields are only a guess (an `Eleve` key on every record); by their values,
  // they name persons of the other category (link-fields.ts), on either side.
  delete fields.guardians;
  delete fields.children;
  const named: MappingProfile = { name, categories, fields };
  const records2 = categorisedRecords(root, named);
  const linked = withLinkFields(records2, named, fieldValue, linkTargets?.(named));

  // Confidence: records that hold the id, last-name and first-name fields (filled or not: an empty
  // value is the record's problem, listed as not read, not a sign of a wrong layout).
  const holds = (n: XmlNode, key: string | undefined) => !!key && (key in n.attrs || n.children.some((c) => c.name === key));
  const complete = nodes.filter((n) => (holds(n, fields.id) || holds(n, fields.ident)) && holds(n, fields.lastName) && holds(n, fields.firstName)).length;
  let confidence = complete / nodes.length;
  const pronoteId = !!idChoice && PRONOTE_ID_FIELDS.has(idChoice.folded);
  if (!idChoice) confidence *= 0.3;
  else if (!pronoteId) confidence *= 0.8;
  if (guessed) confidence *= 0.6;
  confidence = Math.round(confidence * 1000) / 1000;
  const mapping: MappingProfile = linked;
  return { mapping, confidence, sure: confidence >= 0.9 && !guessed && pronoteId, records: records.length, unused: unusedFields(records2, mapping) };
}
