/**
 * AAF XML (annuaire fédérateur: DOMAIN.md "The AAF feed") → directory persons. Files come in any
 * order, several at once; links are completed once all are read (lib/input/relations.ts).
 * The whole file is first checked well-formed by fast-xml-parser's validator (lib/input/xml.ts); then
 * records are cut out one `addRequest` at a time and read by a scanner that knows the fixed shape of
 * ficAlimMENESR.dtd (`attr name` → `value`*). Building a fast-xml-parser tree took about 1 s per MB
 * here (12,000 accounts ≈ 15 s); the scanner reads the same data in a fraction of that, and memory
 * stays near the size of the text plus the persons (a 100 MB feed is never one tree).
 *
 * | Person field      | AAF source (values under `attributes/attr[@name]/value`)                          |
 * | ----------------- | --------------------------------------------------------------------------------- |
 * | id (`account`)    | `identifier/id`                                                                    |
 * | category          | `operationalAttributes/attr[@name=categoriePersonne]`: `Eleve` → student,          |
 * |                   | `PersRelEleve` → guardian, `PersEducNat` → teacher when                            |
 * |                   | `PersEducNatPresenceDevantEleves` = `O`, else staff                                 |
 * | lastName          | `sn` (usage name); `ENTPersonNomPatro` when `sn` is empty                          |
 * | birthName         | `ENTPersonNomPatro`                                                               |
 * | firstName         | `givenName`                                                                        |
 * | otherFirstNames   | `ENTPersonAutresPrenoms` (the first given name removed when repeated)              |
 * | birthDate         | `ENTPersonDateNaissance` (dd/mm/yyyy; empty for guardians)                         |
 * | sex               | `ENTPersonSexe` when present (not in the AAF-VE1301 sample)                        |
 * | civility          | `personalTitle` (`M.`, `Mme`, `Mlle`)                                              |
 * | classes           | `ENTEleveClasses` (students), `ENTAuxEnsClasses` (staff), without `structure$`     |
 * | email             | `mail`                                                                             |
 * | postalCode        | `ENTPersonCodePostal`                                                              |
 * | guardians         | `ENTElevePersRelEleve` `id$lien$financier$legal$contact$paiement`, legal = 4th     |
 * |                   | field `1`; else `ENTEleveAutoriteParentale` (legal) and `ENTEleveParents`           |
 * | children          | the students that name the guardian (completed after all files are read)           |
 * | structures        | `ENTPersonStructRattach` and class prefixes (the feed's structure ids), given as   |
 * |                   | their UAI when the `EtabEducNat` file maps them (`ENTStructureUAI`); guardians     |
 * |                   | take their children's. `ENTEleveStructRattachId` is a per-student id, not a school |
 * | raw               | every `attr` (values joined by ` | `) and `identifier/id`                            |
 */
import type { Localized } from '../core/localized';
import { parseDate } from '../input/dates';
import { clean, newPerson, ownStrings, parseSex } from '../input/person-draft';
import { countLines, decodeXmlEntities } from '../input/xml';
import type { Category, NotRead, Person, ReadNote, Relation } from '../core/person';

/** AAF files that hold no persons (DOMAIN.md): skipped with a note, never counted as not read. */
const NOT_PERSONS: Record<string, Localized> = {
  EtabEducNat: { fr: 'd’établissements', en: 'schools' },
  MatiereEducNat: { fr: 'de matières', en: 'subjects' },
  MatEducNat: { fr: 'de matières', en: 'subjects' },
  MefEducNat: { fr: 'de formations (MEF)', en: 'courses (MEF)' },
};

const ATTR = /<attr\s+name\s*=\s*(["'])(.*?)\1\s*(?:\/>|>([\s\S]*?)<\/attr\s*>)/g;
const VALUE = /<value\s*(?:\/>|>([\s\S]*?)<\/value\s*>)/g;
const ID = /<identifier\s*>\s*<id\s*>([\s\S]*?)<\/id\s*>/;

function valueText(inner: string | undefined): string {
  if (!inner) return '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  return (cdata ? cdata[1] : decodeXmlEntities(inner)).trim();
}

/**
 * Attr names met in the previous records of a file, by rank in the record (as written, and as
 * decoded): records of one file list the same attrs in the same order, so each name is one string
 * shared by every record (no copy, and its hash and key lookups are done once).
 */
interface NameCache {
  written: string[];
  decoded: string[];
}

function newNameCache(): NameCache {
  return { written: [], decoded: [] };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

// Markup of the usual AAF layout, as char codes: compared in place, without a call per tag.
const ATTR_OPEN = codes('<attr name="');
const VALUE_OPEN = codes('<value>');
const VALUE_CLOSE = codes('</value>');
const VALUE_EMPTY = codes('<value/>');
const ATTR_CLOSE = codes('</attr>');

function codes(markup: string): number[] {
  return Array.from(markup, (c) => c.charCodeAt(0));
}

/** True when `text` holds the characters `markup` (char codes) at `p`. */
function holds(text: string, p: number, markup: number[]): boolean {
  for (let k = 0; k < markup.length; k++) if (text.charCodeAt(p + k) !== markup[k]) return false;
  return true;
}

/** True when `text` holds `name` at `p`. */
function holdsName(text: string, p: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (text.charCodeAt(p + k) !== name.charCodeAt(k)) return false;
  return true;
}

/**
 * {@link attrsOf} of `text.slice(from, to)` for the shape AAF files have: `<attr name="N">` then
 * `<value>text</value>` or `<value/>` (blanks between them allowed) and `</attr>`, or
 * `<attr name="N"/>`. Read in place with char codes (30-odd attrs per record, 12,000 records).
 * Undefined as soon as the slice departs from that shape (blanks inside tags, single quotes, CDATA,
 * markup in values…): the regular expressions then read the slice.
 */
function attrsOfPlain(text: string, from: number, to: number, names: NameCache): Map<string, string[]> | undefined {
  const out = new Map<string, string[]>();
  let p = from;
  let rank = 0;
  for (;;) {
    while (p < to && isBlank(text.charCodeAt(p))) p++;
    if (p + 5 >= to) return out;
    let at = p;
    if (!holds(text, p, ATTR_OPEN)) {
      at = text.indexOf('<attr', p);
      if (at < 0 || at + 5 >= to) return out;
      if (text.charCodeAt(at + 5) !== 32) {
        // `<attributes>`: not an attr; a blank other than one space before `name`: left to the regexes.
        if (/\s/.test(text[at + 5])) return undefined;
        p = at + 5;
        continue;
      }
      if (!text.startsWith('name="', at + 6)) return undefined;
    }
    const nameAt = at + 12;
    // The name of the same rank in the previous record, when it is this one (it holds no quote).
    let name = names.written[rank];
    let nameEnd: number;
    if (name !== undefined && holdsName(text, nameAt, name) && text.charCodeAt(nameAt + name.length) === 34) {
      nameEnd = nameAt + name.length;
    } else {
      nameEnd = text.indexOf('"', nameAt);
      if (nameEnd < 0 || nameEnd + 1 >= to) return undefined;
      name = text.slice(nameAt, nameEnd);
      if (/[\n\r\u2028\u2029]/.test(name)) return undefined;
      names.written[rank] = name;
      names.decoded[rank] = decodeXmlEntities(name);
    }
    const values: string[] = [];
    const c = text.charCodeAt(nameEnd + 1);
    if (c === 47 && text.charCodeAt(nameEnd + 2) === 62) {
      p = nameEnd + 3; // `/>`
    } else if (c === 62) {
      p = nameEnd + 2;
      for (;;) {
        let d = text.charCodeAt(p);
        while (isBlank(d)) d = text.charCodeAt(++p);
        if (d !== 60) return undefined;
        if (holds(text, p, VALUE_OPEN)) {
          // The value's text runs to the next `<`, which must close it (no CDATA, no markup).
          const start = p + 7;
          const end = text.length;
          let q = start;
          let amp = false;
          for (;;) {
            if (q >= end) return undefined;
            const e = text.charCodeAt(q);
            if (e === 60) break;
            if (e === 38) amp = true;
            q++;
          }
          if (!holds(text, q, VALUE_CLOSE)) return undefined;
          if (q > start) {
            let t = text.slice(start, q);
            if (amp) t = decodeXmlEntities(t);
            // trim() only when an end may be a blank (U+0020 and below, U+00A0 and above).
            const a = t.charCodeAt(0);
            const b = t.charCodeAt(t.length - 1);
            if (a <= 32 || b <= 32 || a >= 0xa0 || b >= 0xa0) t = t.trim();
            if (t !== '') values.push(t);
          }
          p = q + 8;
        } else if (holds(text, p, VALUE_EMPTY)) {
          p += 8;
        } else if (holds(text, p, ATTR_CLOSE)) {
          p += 7;
          break;
        } else return undefined;
      }
    } else return undefined;
    if (p > to) return undefined;
    out.set(names.decoded[rank], values);
    rank++;
  }
}

/** `attr[@name]` → non-empty values, from `text.slice(from, to)` (part of a record). */
function attrsOf(text: string, from: number, to: number, names: NameCache): Map<string, string[]> {
  const plain = attrsOfPlain(text, from, to, names);
  if (plain) return plain;
  const xml = text.slice(from, to);
  const out = new Map<string, string[]>();
  ATTR.lastIndex = 0;
  for (let a = ATTR.exec(xml); a; a = ATTR.exec(xml)) {
    const values: string[] = [];
    if (a[3]) {
      VALUE.lastIndex = 0;
      for (let v = VALUE.exec(a[3]); v; v = VALUE.exec(a[3])) {
        const t = valueText(v[1]);
        if (t !== '') values.push(t);
      }
    }
    out.set(decodeXmlEntities(a[2]), values);
  }
  return out;
}

export interface AafFileResult {
  persons: Person[];
  notRead: NotRead[];
  notes: ReadNote[];
  /**
   * Structures described by an `EtabEducNat` file: the feed's structure id (`identifier/id`, the
   * value persons carry in `ENTPersonStructRattach`) → its UAI (`ENTStructureUAI`, else
   * `ENTEtablissementUAI`) and usual name (`ENTStructureNomCourant`). Empty for person files.
   */
  structures: AafStructure[];
}

/** One school of an AAF feed (DOMAIN.md, "The AAF feed": `EtabEducNat`). */
export interface AafStructure {
  /** The feed's own structure id (e.g. `52006`). */
  id: string;
  /** The school's UAI (e.g. `1004001V`), upper case; undefined when the record gives none. */
  uai?: string;
  name?: string;
}

const RECORD_START = /<(addRequest|modifyRequest|deleteRequest)\b[^>]*>/g;
const CLOSING: Record<string, string> = { addRequest: '</addRequest>', modifyRequest: '</modifyRequest>', deleteRequest: '</deleteRequest>' };

function withoutPrefix(v: string): string {
  const i = v.indexOf('$');
  return i < 0 ? v : v.slice(i + 1);
}

function prefixOf(v: string): string | undefined {
  const i = v.indexOf('$');
  return i > 0 ? v.slice(0, i) : undefined;
}

function notRead(source: string, location: string, fr: string, en: string, excerpt?: string): NotRead {
  return { source, location, reason: { fr, en }, excerpt };
}

/**
 * Reads one AAF file whose text is already checked (well-formed, no entity declarations).
 * @param source the file name shown to the user.
 * @returns persons, records not read (with `addRequest[n], l. N` locations and reasons), and a note
 * when the file holds structures, subjects or courses instead of persons.
 */
export function readAafText(text: string, source: string): AafFileResult {
  const persons: Person[] = [];
  const notReadList: NotRead[] = [];
  const skipped = new Map<string, number>();
  const shapes: RawShapes = { byNames: new Map() };
  const opNames = newNameCache();
  const attrNames = newNameCache();
  let line = 1;
  let lastIndex = 0;
  let n = 0;
  const structures: AafStructure[] = [];
  RECORD_START.lastIndex = 0;
  for (let m = RECORD_START.exec(text); m; m = RECORD_START.exec(text)) {
    const kind = m[1];
    const close = text.indexOf(CLOSING[kind], m.index);
    if (close < 0) break; // the validator has already refused unclosed records
    const whole = text.slice(m.index, close + kind.length + 3);
    const body = text.slice(m.index + m[0].length, close);
    RECORD_START.lastIndex = close;
    n++;
    line += countLines(text, lastIndex, m.index);
    lastIndex = m.index;
    const location = `${kind}[${n}], l. ${line}`;
    const attributesAt = body.search(/<attributes\b|<modifications\b/);
    const bodyAt = m.index + m[0].length;
    const op = attrsOf(text, bodyAt, attributesAt < 0 ? close : bodyAt + attributesAt, opNames);
    const otherCategory = op.get('categorieStructure')?.[0] ?? op.get('categorieMatiere')?.[0] ?? op.get('categorieMef')?.[0];
    const personCategory = op.get('categoriePersonne')?.[0];
    if (!personCategory && otherCategory) {
      skipped.set(otherCategory, (skipped.get(otherCategory) ?? 0) + 1);
      if (otherCategory === 'EtabEducNat' && kind === 'addRequest') {
        const structure = structureOf(body, attributesAt < 0 ? undefined : attrsOf(text, bodyAt + attributesAt, close, attrNames));
        if (structure) structures.push(structure);
      }
      continue;
    }
    const id = valueText(ID.exec(body)?.[1]);
    const excerpt = whole.slice(0, 300);
    if (kind !== 'addRequest') {
      notReadList.push(
        notRead(
          source,
          location,
          `Modification ou suppression d’un compte (${kind})\u202f: Passerelle lit les fichiers AAF complets («\u202fComplet\u202f»), pas les fichiers de différences.`,
          `Account change or removal (${kind}): Passerelle reads complete AAF files ("Complet"), not delta files.`,
          excerpt,
        ),
      );
      continue;
    }
    if (!id) {
      notReadList.push(
        notRead(source, location, 'Enregistrement sans identifiant (identifier/id vide).', 'Record without an identifier (identifier/id is empty).', excerpt),
      );
      continue;
    }
    const attrs = attributesAt < 0 ? new Map<string, string[]>() : attrsOf(text, bodyAt + attributesAt, close, attrNames);
    const first = (name: string) => clean(attrs.get(name)?.[0]);
    let category: Category;
    if (personCategory === 'Eleve') category = 'student';
    else if (personCategory === 'PersRelEleve') category = 'guardian';
    else if (personCategory === 'PersEducNat') {
      const presence = first('PersEducNatPresenceDevantEleves')?.toUpperCase();
      const teaches = presence ? presence === 'O' : (attrs.get('ENTPersonFonctions') ?? []).some((f) => f.startsWith('ENS$'));
      category = teaches ? 'teacher' : 'staff';
    } else {
      notReadList.push(
        notRead(
          source,
          location,
          `Catégorie de personne inconnue «\u202f${personCategory ?? ''}\u202f» (attendu\u202f: Eleve, PersRelEleve ou PersEducNat).`,
          `Unknown person category "${personCategory ?? ''}" (expected Eleve, PersRelEleve or PersEducNat).`,
          excerpt,
        ),
      );
      continue;
    }
    const sn = first('sn');
    const birthName = first('ENTPersonNomPatro');
    const givenName = first('givenName');
    const lastName = sn ?? birthName;
    if (!lastName && !givenName) {
      notReadList.push(notRead(source, location, `Compte ${id} sans nom ni prénom (sn, givenName).`, `Account ${id} has no name (sn, givenName).`, excerpt));
      continue;
    }
    const p = newPerson({ side: 'directory', source, location, category, id, idKind: 'account', lastName: lastName ?? '', firstName: givenName ?? '' });
    if (birthName) p.birthName = birthName;
    const others = (attrs.get('ENTPersonAutresPrenoms') ?? []).map((v) => clean(v)).filter((v): v is string => !!v);
    p.otherFirstNames = others[0] && others[0] === givenName ? others.slice(1) : others;
    const birth = first('ENTPersonDateNaissance');
    p.birthDate = parseDate(birth);
    const sex = parseSex(first('ENTPersonSexe'));
    if (sex) p.sex = sex;
    const civility = first('personalTitle');
    if (civility) p.civility = civility;
    const email = first('mail');
    if (email) p.email = email;
    const postalCode = first('ENTPersonCodePostal');
    if (postalCode) p.postalCode = postalCode;
    const classValues = [...(attrs.get('ENTEleveClasses') ?? []), ...(attrs.get('ENTAuxEnsClasses') ?? [])];
    p.classes = [...new Set(classValues.map(withoutPrefix).filter((c) => c !== ''))];
    // Not `ENTEleveStructRattachId`: a per-student id inside the structure (DOMAIN.md, "The AAF feed").
    const own = [...(attrs.get('ENTPersonStructRattach') ?? []), ...classValues.map(prefixOf).filter((s): s is string => !!s)];
    p.structures = [...new Set(own)];
    if (category === 'student') p.guardians = guardianLinks(attrs);
    p.raw = rawRecord(id, attrs, shapes);
    persons.push(ownStrings(p));
  }
  const notes: ReadNote[] = [];
  for (const [cat, count] of skipped) {
    const what = NOT_PERSONS[cat] ?? { fr: cat, en: cat };
    if (cat === 'EtabEducNat') {
      // Read, not ignored: its schools turn the feed's structure ids into UAI (structuresAsUai).
      notes.push({
        source,
        message: {
          fr: `Fichier AAF ${what.fr} (${cat}, ${count} enregistrements)\u202f: lu pour les établissements (UAI et nom, ${structures.length} avec un identifiant), pas comme des personnes.`,
          en: `AAF file of ${what.en} (${cat}, ${count} records): read for the schools (UAI and name, ${structures.length} with an id), not as persons.`,
        },
      });
      continue;
    }
    notes.push({
      source,
      message: {
        fr: `Fichier AAF ${what.fr} (${cat}, ${count} enregistrements)\u202f: il ne contient pas de personnes, il est ignoré.`,
        en: `AAF file of ${what.en} (${cat}, ${count} records): it holds no persons and is skipped.`,
      },
    });
  }
  if (n === 0) {
    notes.push({
      source,
      message: { fr: 'Fichier AAF sans aucun enregistrement (addRequest).', en: 'AAF file without any record (addRequest).' },
    });
  }
  return { persons, notRead: notReadList, notes, structures };
}

/** The structure of an `EtabEducNat` record, or undefined without an id. */
function structureOf(body: string, attrs: Map<string, string[]> | undefined): AafStructure | undefined {
  const id = valueText(ID.exec(body)?.[1]);
  if (!id) return undefined;
  const first = (name: string) => clean(attrs?.get(name)?.[0]);
  const uai = first('ENTStructureUAI') ?? first('ENTEtablissementUAI');
  const name = first('ENTStructureNomCourant');
  const out: AafStructure = { id };
  if (uai) out.uai = uai.toUpperCase();
  if (name) out.name = name;
  return out;
}

/**
 * Replaces the feed's structure ids of each person by their UAI where the `EtabEducNat` records
 * map them (ids without a UAI are kept as they are). Persons are changed in place; returns how many
 * structure values were translated.
 */
export function structuresAsUai(persons: Person[], structures: AafStructure[]): number {
  const uaiOf = new Map<string, string>();
  for (const s of structures) if (s.uai) uaiOf.set(s.id, s.uai);
  if (!uaiOf.size) return 0;
  let n = 0;
  for (const p of persons) {
    if (!p.structures.length) continue;
    const next: string[] = [];
    for (const s of p.structures) {
      const u = uaiOf.get(s);
      if (u) n++;
      const v = u ?? s;
      if (!next.includes(v)) next.push(v);
    }
    p.structures = next;
  }
  return n;
}

/** Templates of `raw` objects per list of attr names (records of one file mostly share one). */
interface RawShapes {
  byNames: Map<string, Record<string, string>>;
  lastNames?: string[];
  last?: Record<string, string>;
}

/**
 * `{ id, [attr name]: values joined by " | " }`, in that key order. Built as an object with 30-odd
 * keys, one key at a time, each record's `raw` takes V8's slow dictionary path: reading 12,000
 * accounts spent about half its time there. A copy of a template object of the same keys (one per
 * list of names, made by `JSON.parse`, which lays out fast objects) is filled in instead.
 */
function rawRecord(id: string, attrs: Map<string, string[]>, shapes: RawShapes): Record<string, string> {
  let template: Record<string, string> | undefined;
  const last = shapes.lastNames;
  if (last && last.length === attrs.size) {
    let i = 0;
    for (const name of attrs.keys()) {
      if (name !== last[i]) break;
      i++;
    }
    if (i === last.length) template = shapes.last;
  }
  if (!template) {
    const names = [...attrs.keys()];
    // `__proto__` set as a key sets the prototype (ignored for a string): no template can copy that.
    if (names.includes('__proto__')) {
      const raw: Record<string, string> = { id };
      for (const [name, values] of attrs) raw[name] = values.join(' | ');
      return raw;
    }
    const signature = JSON.stringify(names);
    template = shapes.byNames.get(signature);
    if (!template) {
      template = JSON.parse(`{"id":""${names.map((n) => `,${JSON.stringify(n)}:""`).join('')}}`) as Record<string, string>;
      shapes.byNames.set(signature, template);
    }
    shapes.lastNames = names;
    shapes.last = template;
  }
  const raw = { ...template };
  raw.id = id;
  for (const [name, values] of attrs) raw[name] = values.length === 1 ? values[0] : values.join(' | ');
  return raw;
}

/** Student → guardians from `ENTElevePersRelEleve`, else the older parent attributes (DOMAIN.md). */
function guardianLinks(attrs: Map<string, string[]>): Relation[] {
  const links: Relation[] = [];
  const add = (id: string, legal: boolean | undefined) => {
    if (!id) return;
    const existing = links.find((l) => l.id === id);
    if (!existing) links.push(legal === undefined ? { id } : { id, legal });
    else if (existing.legal === undefined && legal !== undefined) existing.legal = legal;
  };
  for (const v of attrs.get('ENTElevePersRelEleve') ?? []) {
    const fields = v.split('$');
    const legalField = fields[3];
    add(fields[0].trim(), legalField === undefined || legalField === '' ? undefined : legalField === '1');
  }
  if (links.length === 0) {
    for (const id of attrs.get('ENTEleveAutoriteParentale') ?? []) add(id, true);
    for (const id of attrs.get('ENTEleveParents') ?? []) add(id, undefined);
  }
  return links;
}
