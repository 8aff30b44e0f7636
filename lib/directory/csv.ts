/**
 * CSV files and pasted tables → directory persons, through a column mapping (columns.ts). Rows come
 * from lib/input/table-rows.ts (papaparse, delimiter guessed among `;`, `,`, tab and `|`; every
 * physical line in exactly one row, locations `l. 5` or `l. 5-6`). ONDE extractions
 * (../shared/data/onde-csv-entcore: windows-1252, `;`, one file per category, no account id) are
 * the reference case.
 *
 * | Person field    | column (header synonyms in columns.ts)                                               |
 * | --------------- | ------------------------------------------------------------------------------------ |
 * | id              | `id` column (Identifiant, Id ENT, uid...), else `login` (Login...); else a synthetic  |
 * |                 | key `category:last name:first name:birth date` (idKind `synthetic`, with a note)     |
 * | category        | `category` column (Profil, Catégorie...), else the file name or the headers          |
 * | lastName        | `lastName` (Nom d'usage) when filled, else `name` (Nom), else `birthName`             |
 * | birthName       | `birthName` (Nom de naissance), else `name` when a different usage name is filled    |
 * | firstName       | `firstName` (Prénom)                                                                |
 * | otherFirstNames | `otherFirstNames` (Autres prénoms), split on commas                                 |
 * | birthDate       | `birthDate` (dd/mm/yyyy or yyyy-mm-dd)                                              |
 * | sex, civility   | `sex` (Sexe), `civility` (Civilité)                                                 |
 * | classes         | `classes` (Classe), split on commas; a `structure$` prefix removed                  |
 * | email           | `email` (Courriel)                                                                  |
 * | postalCode      | `postalCode` (CP, Code postal)                                                      |
 * | structures      | `structure` (UAI, Établissement)                                                    |
 * | children        | `childId`, or the repeated `child*` columns (names and class) matched to the         |
 * |                 | students read in the same call; guardians are then set on those students           |
 * | raw             | every column, header → value                                                        |
 */
import { foldIdentifier } from '../core/fold';
import { categoryFromWord } from '../input/category-words';
import { parseDate } from '../input/dates';
import { clean, newPerson, ownStrings, parseSex } from '../input/person-draft';
import type { Category, NotRead, Person, ReadNote } from '../core/person';
import { type ColumnMapping, type DirectoryField, proposeMapping } from './columns';
import { lineByLineStretches, lineRange, readTableRows, type TableRow } from '../input/table-rows';

/** A child named on a guardian's row without an id (ONDE): matched to students after all files are read. */
export interface ChildRef {
  guardian: Person;
  /** Set when the row names the child's id: the link is made directly, names are not matched. */
  id?: string;
  lastName?: string;
  name?: string;
  firstName?: string;
  birthDate?: string;
  className?: string;
}

export interface CsvResult {
  persons: Person[];
  notRead: NotRead[];
  notes: ReadNote[];
  childRefs: ChildRef[];
  mapping: ColumnMapping;
  /** Set when the headers were not all recognised or a needed column is missing. */
  columnMapping?: { proposed: ColumnMapping; sure: boolean };
  syntheticIds: number;
}

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Key used for ONDE-like rows that carry no id; unique within one reading (suffix on collision). */
export function syntheticKey(category: Category, lastName: string, firstName: string, birthDate: string | undefined): string {
  return `${category}:${foldIdentifier(lastName)}:${foldIdentifier(firstName)}:${birthDate ?? ''}`;
}

/**
 * Reads one CSV text (or pasted table).
 * @param source file name (or "collage"/"paste") shown to the user; also used to guess the category.
 * @param options.profile a saved mapping to use instead of the proposed one (when its column count fits).
 * @param options.delimiter forces the delimiter (tab for pastes).
 * @param usedIds ids already given in this reading, so synthetic keys stay unique across files.
 */
export function readCsvText(text: string, source: string, options: { profile?: ColumnMapping; delimiter?: string }, usedIds: Set<string>): CsvResult {
  const table = readTableRows(text, options.delimiter);
  const tableRows: TableRow[] = table.rows;
  const persons: Person[] = [];
  const notRead: NotRead[] = [];
  const notes: ReadNote[] = [];
  const childRefs: ChildRef[] = [];
  const headers = (tableRows[0]?.fields ?? []).map((h) => h.trim());
  const proposal = proposeMapping(headers, source);
  const profileFits = options.profile && options.profile.columns.length === headers.length;
  const mapping = profileFits ? (options.profile as ColumnMapping) : proposal.mapping;
  // Shown on the mapping screen when a header is unknown or a needed column or the category is missing.
  const columnMapping = !profileFits && (!proposal.sure || !proposal.allRecognised) ? { proposed: proposal.mapping, sure: proposal.sure } : undefined;
  if (options.profile && !profileFits) {
    notes.push({
      source,
      message: {
        fr: `La correspondance de colonnes enregistrée (${options.profile.columns.length} colonnes) ne va pas à ce fichier (${headers.length} colonnes)\u202f: Passerelle en propose une nouvelle.`,
        en: `The saved column mapping (${options.profile.columns.length} columns) does not fit this file (${headers.length} columns): Passerelle proposes a new one.`,
      },
    });
  }
  let syntheticIds = 0;
  const stretches = lineByLineStretches(tableRows.slice(1));
  if (stretches.length > 0) {
    const lines = stretches.map(([a, b]) => lineRange(a, b)).join(', ');
    const n = stretches.reduce((sum, [a, b]) => sum + b - a + 1, 0);
    notes.push({
      source,
      message: {
        fr: `${n < 2 ? 'Ligne' : 'Lignes'} ${lines}\u202f: guillemets mal placés (un guillemet non refermé, ou suivi d’un autre caractère). Ces lignes ont été lues une à une, les guillemets pris comme du texte, pour qu’aucune ligne n’en avale d’autres\u202f: vérifiez-les.`,
        en: `${n < 2 ? 'Line' : 'Lines'} ${lines}: misplaced quotes (an unclosed quote, or one followed by another character). These lines were read one by one, quotes taken as text, so that no line swallows others: check them.`,
      },
    });
  }
  const stray = tableRows.slice(1).filter((r) => r.strayBreak);
  if (stray.length > 0) {
    const lines = stray.map((r) => lineRange(r.firstLine, r.lastLine)).join(', ');
    notes.push({
      source,
      message: {
        fr: `${stray.length < 2 ? 'Ligne' : 'Lignes'} ${lines}\u202f: un retour à la ligne isolé (CR) coupe la ligne en deux\u202f; elle a été lue comme une seule ligne, le retour remplacé par une espace.`,
        en: `${stray.length < 2 ? 'Line' : 'Lines'} ${lines}: a stray line break (CR) cuts the row in two; it was read as one row, the break taken as a space.`,
      },
    });
  }

  for (let r = 1; r < tableRows.length; r++) {
    const row = tableRows[r].fields;
    const location = `l. ${lineRange(tableRows[r].firstLine, tableRows[r].lastLine)}`;
    const excerpt = row.join(' ; ').slice(0, 300);
    const get = (field: DirectoryField): string | undefined => {
      const i = mapping.columns.indexOf(field);
      return i < 0 ? undefined : clean(row[i]);
    };
    const raw: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (row[i] !== undefined && row[i] !== '') raw[h || `#${i + 1}`] = row[i];
    });
    let category = mapping.category;
    const catValue = get('category');
    if (catValue) category = categoryFromWord(catValue);
    if (!category) {
      notRead.push({
        source,
        location,
        reason: catValue
          ? { fr: `Profil «\u202f${catValue}\u202f» non reconnu.`, en: `Profile "${catValue}" not recognised.` }
          : {
              fr: 'Catégorie inconnue\u202f: ni colonne Profil, ni nom de fichier qui la dise (eleves, responsables, enseignants, personnels). Choisissez-la dans la correspondance des colonnes.',
              en: 'Unknown category: no Profile column, and the file name does not say it (eleves, responsables, enseignants, personnels). Choose it in the column mapping.',
            },
        excerpt,
      });
      continue;
    }
    const usage = get('lastName');
    const name = get('name');
    const birth = get('birthName');
    const lastName = usage ?? name ?? birth;
    const firstName = get('firstName');
    if (!lastName && !firstName) {
      notRead.push({
        source,
        location,
        reason: { fr: 'Ligne sans nom ni prénom.', en: 'Row without a last name or a first name.' },
        excerpt,
      });
      continue;
    }
    const birthDate = parseDate(get('birthDate'));
    let id = get('id') ?? get('login');
    let idKind: Person['idKind'] = 'account';
    if (!id) {
      idKind = 'synthetic';
      syntheticIds++;
      const base = syntheticKey(category, lastName ?? '', firstName ?? '', birthDate);
      id = base;
      for (let k = 2; usedIds.has(id); k++) id = `${base}#${k}`;
    } else if (usedIds.has(`${category}\u0000${id}`)) {
      notRead.push({
        source,
        location,
        reason: { fr: `Identifiant «\u202f${id}\u202f» déjà lu plus haut\u202f: ligne en double.`, en: `Id "${id}" already read above: duplicate row.` },
        excerpt,
      });
      continue;
    }
    usedIds.add(idKind === 'synthetic' ? id : `${category}\u0000${id}`);
    const p = newPerson({ side: 'directory', source, location, category, id, idKind, lastName: lastName ?? '', firstName: firstName ?? '' });
    const birthName = birth ?? (usage && name && foldIdentifier(usage) !== foldIdentifier(name) ? name : undefined);
    if (birthName) p.birthName = birthName;
    p.otherFirstNames = splitList(get('otherFirstNames'));
    if (birthDate) p.birthDate = birthDate;
    const sex = parseSex(get('sex'));
    if (sex) p.sex = sex;
    const civility = get('civility');
    if (civility) p.civility = civility;
    p.classes = splitList(get('classes')).map((c) => c.replace(/^[^$]*\$/, ''));
    const email = get('email');
    if (email) p.email = email;
    const postalCode = get('postalCode');
    if (postalCode) p.postalCode = postalCode;
    const structure = get('structure');
    if (structure) p.structures = [structure];
    p.raw = raw;
    // Children: a new group starts each time a child column repeats (ONDE repeats them three times).
    let current: ChildRef | undefined;
    let seen = new Set<DirectoryField>();
    mapping.columns.forEach((field, i) => {
      if (!field?.startsWith('child')) return;
      if (!current || seen.has(field)) {
        if (current) pushChild(current);
        current = { guardian: p };
        seen = new Set();
      }
      seen.add(field);
      const value = clean(row[i]);
      if (!value) return;
      if (field === 'childId') {
        current.id = value;
        if (!p.children.some((c) => c.id === value)) p.children.push({ id: value });
      } else if (field === 'childLastName') current.lastName = value;
      else if (field === 'childName') current.name = value;
      else if (field === 'childFirstName') current.firstName = value;
      else if (field === 'childBirthDate') current.birthDate = parseDate(value);
      else if (field === 'childClass') current.className = value;
    });
    if (current) pushChild(current);
    persons.push(ownStrings(p));
  }
  function pushChild(ref: ChildRef): void {
    if (!ref.id && (ref.firstName || ref.name || ref.lastName)) childRefs.push(ref);
  }
  return { persons, notRead, notes, childRefs, mapping, columnMapping, syntheticIds };
}

/**
 * Links guardians' children named without id to the students read (ONDE): same last name (usage or
 * family) and first name, folded; the class decides between homonyms.
 * @returns the number of children that matched no student or several.
 */
export function linkChildRefs(refs: ChildRef[], persons: Person[]): number {
  const byName = new Map<string, Person[]>();
  const keyOf = (last: string, first: string) => `${foldIdentifier(last)}|${foldIdentifier(first)}`;
  for (const p of persons) {
    if (p.category !== 'student') continue;
    for (const last of new Set([p.lastName, p.birthName].filter((v): v is string => !!v))) {
      const k = keyOf(last, p.firstName);
      const list = byName.get(k) ?? [];
      if (!list.includes(p)) list.push(p);
      byName.set(k, list);
    }
  }
  let missed = 0;
  for (const ref of refs) {
    const candidates = new Set<Person>();
    for (const last of [ref.lastName, ref.name]) {
      if (!last) continue;
      for (const p of byName.get(keyOf(last, ref.firstName ?? '')) ?? []) candidates.add(p);
    }
    let list = [...candidates];
    if (list.length > 1 && ref.className) list = list.filter((p) => p.classes.some((c) => foldIdentifier(c) === foldIdentifier(ref.className ?? '')));
    if (list.length > 1 && ref.birthDate) list = list.filter((p) => p.birthDate === ref.birthDate);
    if (list.length !== 1) {
      missed++;
      continue;
    }
    const student = list[0];
    if (!ref.guardian.children.some((c) => c.id === student.id)) ref.guardian.children.push({ id: student.id });
  }
  return missed;
}
