/**
 * Reader of the ENT's *Administration > Importer les identifiants Pronote* screens (seed section 4:
 * the import of the exported file, then the rapprochement in six steps, one per Pronote category,
 * where the accounts not recognised automatically are paired by hand "via une interface de type
 * recherche annuaire"; seed section 2 and FAQ: the import mode « complet » or « partiel »).
 * Found by visible text; the vendors have not published this HTML. Reads only.
 */
import { foldLabel } from '../core/fold';
import { controlSelector, isHidden, readChecked, readValue } from './controls';
import { ENT_IMPORT_LABELS, phrasesOf } from './screen-labels';
import { findControl, findLabels } from './labels';
import type { Reading } from './reading';

export type ImportMode = 'complet' | 'partiel';

/** One account listed by the wizard as not recognised. */
export interface UnrecognisedAccount {
  lastName: string;
  firstName: string;
  className?: string;
}

/** Where one unrecognised account is on the page. */
export interface RowAnchor {
  /** The row (table row or list item), to show the suggestion next to it. */
  element: Element;
  /** The directory search field of this row, or of the page when rows have none. */
  searchField?: Element;
}

export interface EntImportSnapshot {
  /** The import mode chosen; undefined when the screen shows no choice. */
  mode?: ImportMode;
  /** The step shown, 1 to 6, when the wizard says it ("Étape 2/6"). */
  step?: number;
  unrecognised: UnrecognisedAccount[];
  /** The UAI (RNE) shown on the page, upper case. */
  uai?: string;
}

export interface EntImportAnchors {
  /** The mode's radio or list. */
  mode?: Element;
  /** One per `snapshot.unrecognised`, in the same order. */
  rows: RowAnchor[];
}

type FoundRow = UnrecognisedAccount & RowAnchor;

const { title: TITLE, modeList: MODE_LIST, unrecognised: UNRECOGNISED, search: SEARCH, complet, partiel } = phrasesOf(ENT_IMPORT_LABELS);
const MODES: Record<ImportMode, string[]> = { complet, partiel };
const LIST = 'table, ul, ol, [role=table], [role=grid], [role=list]';

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function modeOf(text: string): ImportMode | undefined {
  const t = foldLabel(text);
  if (/\bcomplet\b/.test(t)) return 'complet';
  if (/\bpartiel\b/.test(t)) return 'partiel';
  return undefined;
}

function readMode(root: ParentNode): { mode?: ImportMode; element: Element } | undefined {
  let seen: Element | undefined;
  for (const mode of ['complet', 'partiel'] as ImportMode[]) {
    const radio = findControl(root, MODES[mode], { kinds: ['checkbox'] });
    if (!radio) continue;
    seen ??= radio.control;
    if (readChecked(radio.control)) return { mode, element: radio.control };
  }
  const list = findControl(root, MODE_LIST, { kinds: ['select'] });
  if (list) {
    const mode = modeOf(readValue(list.control));
    if (mode || !seen) return { mode, element: list.control };
  }
  return seen ? { element: seen } : undefined;
}

/**
 * Splits "DUPONT Marie" / "DE LA FONTAINE Jean-Pierre" / "Dupont, Marie": the leading upper-case
 * words are the last name (French lists print it so), the rest the first name.
 */
export function splitDisplayName(text: string): { lastName: string; firstName: string } {
  const name = clean(text);
  const comma = name.indexOf(',');
  if (comma > 0) return { lastName: name.slice(0, comma).trim(), firstName: name.slice(comma + 1).trim() };
  const words = name.split(' ');
  let n = 0;
  while (n < words.length - 1 && /\p{L}/u.test(words[n]) && words[n] === words[n].toUpperCase()) n++;
  if (n === 0) n = 1;
  return { lastName: words.slice(0, n).join(' '), firstName: words.slice(n).join(' ') };
}

/** "DUPONT Marie (4A)", "DUPONT Marie - 4A", "DUPONT Marie, classe 4A": name and class. */
function parseLine(text: string): { lastName: string; firstName: string; className?: string } | undefined {
  let line = clean(text);
  let className: string | undefined;
  const m =
    /\s*\((?:classe\s*:?\s*)?([^()]+)\)\s*$/i.exec(line) ??
    /\s+[-–—]\s+(?:classe\s*:?\s*)?(\S+)\s*$/i.exec(line) ??
    /[,;]?\s+classe\s*:?\s*(\S+)\s*$/i.exec(line);
  if (m) {
    className = m[1].trim();
    line = line.slice(0, m.index).trim();
  }
  if (!line) return undefined;
  return { ...splitDisplayName(line), className };
}

const HEADERS = {
  last: ['nom', 'nom de famille'],
  first: ['prenom'],
  name: ['nom prenom', 'nom et prenom', 'utilisateur', 'compte', 'identite', 'nom - prenom'],
  className: ['classe', 'classes'],
};

function columnOf(headers: string[], names: string[]): number {
  return headers.findIndex((h) => names.includes(h));
}

/** Text of a cell without its controls and buttons (a row may hold a search field and actions). */
function cellText(cell: Element | undefined): string {
  if (!cell) return '';
  const copy = cell.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll(`${controlSelector(['checkbox', 'text', 'select', 'button'])}, [data-passerelle-host]`)) el.remove();
  return clean(copy.textContent);
}

function rowsOfTable(table: Element): FoundRow[] {
  const rows = [...table.querySelectorAll('tr, [role=row]')].filter((r) => !isHidden(r));
  const headerRow = rows.find((r) => r.querySelector('th, [role=columnheader]'));
  const headers = headerRow ? [...headerRow.children].map((c) => foldLabel(c.textContent ?? '')) : [];
  const last = columnOf(headers, HEADERS.last);
  const first = columnOf(headers, HEADERS.first);
  const whole = columnOf(headers, HEADERS.name);
  const cls = columnOf(headers, HEADERS.className);
  const out: FoundRow[] = [];
  for (const row of rows) {
    if (row === headerRow) continue;
    const cells = [...row.children];
    let person: { lastName: string; firstName: string; className?: string } | undefined;
    if (last >= 0 && first >= 0) person = { lastName: cellText(cells[last]), firstName: cellText(cells[first]) };
    else if (whole >= 0 || last >= 0) person = parseLine(cellText(cells[whole >= 0 ? whole : last]));
    else person = parseLine(cellText(cells[0]));
    if (!person?.lastName) continue;
    if (cls >= 0) person.className = cellText(cells[cls]) || undefined;
    out.push({ ...person, element: row, searchField: searchIn(row) });
  }
  return out;
}

function rowsOfList(list: Element): FoundRow[] {
  const items = [...list.querySelectorAll('li, [role=listitem]')].filter((li) => li.closest(LIST) === list && !isHidden(li));
  const out: FoundRow[] = [];
  for (const item of items) {
    const person = parseLine(cellText(item));
    if (person?.lastName) out.push({ ...person, element: item, searchField: searchIn(item) });
  }
  return out;
}

function searchIn(scope: Element): Element | undefined {
  const el = scope.querySelector('input[type=search], input[type=text], input:not([type]), [role=searchbox], [role=textbox]');
  return el && !isHidden(el) ? el : undefined;
}

/** The list that follows a label "Comptes non reconnus" (a table or a list after it, nearby). */
function listAfter(label: Element): Element | undefined {
  for (let scope = label.parentElement, level = 0; scope && level < 4; scope = scope.parentElement, level++) {
    const lists = [...scope.querySelectorAll(LIST)].filter((l) => !l.contains(label) && (label.compareDocumentPosition(l) & 4) !== 0 && !isHidden(l));
    if (lists.length) return lists[0];
  }
  return undefined;
}

const UAI = /\b(?:UAI|RNE)\s*(?:\(RNE\))?\s*[:=]?\s*([0-9]{7}[A-Za-z])\b/;

/**
 * Reads the import screens: the mode (« complet » / « partiel », radios or a list), the step shown,
 * the accounts listed as not recognised (name, class, their row and the directory search field),
 * and the UAI when the page shows it. `undefined` when the page is not the import (no title, no
 * mode choice, no list of unrecognised accounts).
 */
export function readEntImport(root: ParentNode): Reading<EntImportSnapshot, EntImportAnchors> | undefined {
  const titled = findLabels(root, TITLE).length > 0;
  const mode = readMode(root);
  const snap: EntImportSnapshot = { unrecognised: [] };
  const anchors: EntImportAnchors = { rows: [] };
  if (mode) {
    if (mode.mode) snap.mode = mode.mode;
    anchors.mode = mode.element;
  }
  const seen = new Set<Element>();
  const found: FoundRow[] = [];
  for (const label of findLabels(root, UNRECOGNISED)) {
    const list = listAfter(label);
    if (!list || seen.has(list)) continue;
    seen.add(list);
    found.push(...(list.matches('table, [role=table], [role=grid]') ? rowsOfTable(list) : rowsOfList(list)));
  }
  if (!titled && !mode && !found.length) return undefined;
  const pageSearch = findControl(root, SEARCH, { kinds: ['text'] })?.control;
  for (const { element, searchField, ...account } of found) {
    snap.unrecognised.push(account);
    anchors.rows.push({ element, searchField: searchField ?? pageSearch });
  }
  const text = ((root as Node).nodeType === 9 ? (root as Document).documentElement : (root as Node)).textContent ?? '';
  const step = /[ée]tape\s*(\d)\s*(?:\/|sur)\s*6/i.exec(text);
  if (step) snap.step = Number(step[1]);
  const uai = UAI.exec(text);
  if (uai) snap.uai = uai[1].toUpperCase();
  return { snapshot: snap, anchors };
}
