/**
 * The one reader of earlier-decisions files (issue 14; issue 18, point 4), for the command line's
 * `--decisions` and the panel alike. It takes:
 * - the workbench's decisions CSV (`lib/report/decisions-csv.ts`:
 *   `category,pronote_id,ent_id,status,score,last_name,first_name,decision,decided_at`);
 * - the people's table the admin downloads for Excel (issue 18, point 4: semicolons, UTF-8 BOM,
 *   French headers and values: catégorie, identifiant Pronote, compte ENT, statut « automatique /
 *   confirmé / à la main / rejeté / pas de compte ENT / à traiter », date de décision dd/mm/yyyy);
 * - a RapprochementSSO V2.0 file (`lib/pronote/rapprochement-sso.ts`; PRODUCT.md "Identifiers"):
 *   its pairs, as `manual` decisions.
 * Told apart by their content (XML or table), then, for tables, by their headers (folded:
 * `lib/core/fold.ts`). Every line of a table is read or listed as not read with its line number
 * (`lib/input/table-rows.ts` line accounting); a line that holds no decision (an engine pair left as
 * it was, a person left to handle) is counted, not listed.
 */
import type { Localized } from '../core/localized';
import { foldWords } from '../core/fold';
import { CATEGORIES, type Category, InputError, type NotRead } from '../core/person';
import { CATEGORY_NAMES } from '../core/vocabulary';
import { parseDate } from '../input/dates';
import { notTextMessage, openInput } from '../input/open';
import type { InputFile } from '../input/source';
import { lineRange, readTableRows } from '../input/table-rows';
import type { Decision, DecisionKind } from '../matching/types';
import { readRapprochementSso } from '../pronote';
import type { DecisionSource } from './earlier-decisions';

/** Which of the three files it was. */
export type DecisionsFileFormat = 'decisions-csv' | 'people-table' | 'rapprochement-sso';

/** A decisions file as read: its decisions (as a flow source named by the file), and what was not. */
export interface DecisionsFileRead extends DecisionSource {
  format: DecisionsFileFormat;
  /** Table lines read that hold no decision (`auto`/`automatique`, `unresolved`/`à traiter`). */
  noDecision: number;
  /** Table lines not read, each with its line (`l. 12`) and why. */
  notRead: NotRead[];
}

type Field = 'category' | 'pronoteId' | 'entId' | 'decision' | 'decidedAt';

/** Header names per field, folded (`foldWords`): the decisions CSV's, then the people's table's. */
const HEADERS: Record<Field, string[]> = {
  category: ['category', 'categorie'],
  pronoteId: ['pronote id', 'identifiant pronote', 'id pronote'],
  entId: ['ent id', 'compte ent', 'identifiant ent', 'id ent'],
  decision: ['decision', 'statut'],
  decidedAt: ['decided at', 'date de decision', 'date decision'],
};

/** Decision column values, folded → the decision (or `null`: a line that holds no decision). */
const DECISIONS: Record<string, DecisionKind | null> = {
  confirmed: 'confirmed',
  manual: 'manual',
  rejected: 'rejected',
  'no account': 'no-account',
  auto: null,
  unresolved: null,
  // The people's table (issue 18, point 4), singular and plural, with or without "ENT".
  confirme: 'confirmed',
  'a la main': 'manual',
  manuel: 'manual',
  rejete: 'rejected',
  'pas de compte ent': 'no-account',
  'pas de compte': 'no-account',
  'sans compte ent': 'no-account',
  automatique: null,
  'a traiter': null,
  'a verifier': null,
  'sans correspondance': null,
};

/** Category column values, folded: the code (`teacher`), and the French and English names, singular or plural. */
const CATEGORY_VALUES: Map<string, Category> = (() => {
  const out = new Map<string, Category>();
  const singular = (w: string) => w.replace(/s\b/g, '');
  for (const c of CATEGORIES) {
    out.set(c, c);
    for (const name of [CATEGORY_NAMES[c].fr, CATEGORY_NAMES[c].en]) {
      out.set(foldWords(name), c);
      out.set(singular(foldWords(name)), c);
    }
  }
  out.set('professeur', 'teacher');
  out.set('eleve', 'student');
  out.set('personnel', 'staff');
  return out;
})();

const notReadLine = (source: string, line: string, reason: Localized, excerpt: string): NotRead => ({
  source,
  location: `l. ${line}`,
  reason,
  excerpt: excerpt.slice(0, 300),
});

/**
 * Reads a decisions table's text (the decisions CSV or the people's table). `source` names the
 * file in messages.
 * @throws InputError (`wrong-kind`) when the header holds none of the known columns (not a decisions
 *   table); (`missing-column`) when it lacks the category, the Pronote id or the decision column.
 */
export function readDecisionsTable(text: string, source: string): DecisionsFileRead {
  const { rows } = readTableRows(text.replace(/^\uFEFF/, ''));
  const header = (rows[0]?.fields ?? []).map((h) => foldWords(h));
  const column = {} as Record<Field, number>;
  for (const f of Object.keys(HEADERS) as Field[]) column[f] = header.findIndex((h) => HEADERS[f].includes(h));
  const names: Record<Field, string> = {
    category: 'category / catégorie',
    pronoteId: 'pronote_id / identifiant Pronote',
    entId: 'ent_id / compte ENT',
    decision: 'decision / statut',
    decidedAt: 'decided_at / date de décision',
  };
  if (Object.values(column).every((c) => c < 0)) {
    // Not one known header: not a decisions table at all (a note, another CSV), not a column missing.
    throw new InputError(
      {
        fr: `Le fichier «\u202f${source}\u202f» n’est ni un tableau de décisions ni un fichier RapprochementSSO\u202f: aucune des colonnes attendues (catégorie, identifiant Pronote, statut). Passerelle attend ici le CSV des décisions ou le tableau téléchargés depuis l’atelier de rapprochement, ou un fichier RapprochementSSO.`,
        en: `The file "${source}" is neither a decisions table nor a RapprochementSSO file: none of the expected columns (category, pronote_id, decision). Passerelle expects the decisions CSV or the table downloaded from the workbench, or a RapprochementSSO file here.`,
      },
      source,
      'wrong-kind',
    );
  }
  for (const f of ['category', 'pronoteId', 'decision'] as const) {
    if (column[f] >= 0) continue;
    throw new InputError(
      {
        fr: `Le fichier de décisions «\u202f${source}\u202f» n’a pas de colonne «\u202f${names[f]}\u202f»\u202f: donnez le fichier des décisions ou le tableau téléchargés depuis l’atelier de rapprochement, ou un fichier RapprochementSSO.`,
        en: `The decisions file "${source}" has no "${names[f]}" column: give the decisions file or the table downloaded from the workbench, or a RapprochementSSO file.`,
      },
      source,
      'missing-column',
    );
  }
  const people = header.includes('categorie') || header.includes('statut');
  const decisions: Decision[] = [];
  const notRead: NotRead[] = [];
  let noDecision = 0;
  for (const row of rows.slice(1)) {
    const line = lineRange(row.firstLine, row.lastLine);
    const excerpt = row.fields.join(people ? ' ; ' : ', ');
    const get = (f: Field) => (column[f] >= 0 ? (row.fields[column[f]] ?? '').trim() : '');
    const no = (fr: string, en: string) => notRead.push(notReadLine(source, line, { fr, en }, excerpt));
    const value = get('decision');
    const kind = DECISIONS[foldWords(value)];
    if (kind === undefined) {
      no(
        `décision «\u202f${value}\u202f» inconnue (attendu\u202f: confirmé, à la main, rejeté, pas de compte ENT, automatique ou à traiter).`,
        `unknown decision "${value}" (expected: confirmed, manual, rejected, no-account, auto or unresolved).`,
      );
      continue;
    }
    if (kind === null) {
      noDecision++;
      continue;
    }
    const category = CATEGORY_VALUES.get(foldWords(get('category')));
    if (!category) {
      no(`catégorie «\u202f${get('category')}\u202f» inconnue.`, `unknown category "${get('category')}".`);
      continue;
    }
    const pronoteId = get('pronoteId');
    if (!pronoteId) {
      no('identifiant Pronote vide.', 'empty Pronote id.');
      continue;
    }
    const entId = get('entId');
    if ((kind === 'confirmed' || kind === 'manual') && !entId) {
      no('décision de rapprochement sans compte ENT.', 'a pairing decision without an ENT account.');
      continue;
    }
    const d: Decision = { category, pronoteId, kind, decidedAt: decidedAt(get('decidedAt')) };
    if (entId && kind !== 'no-account') d.entId = entId;
    decisions.push(d);
  }
  return { origin: 'file', source, decisions, format: people ? 'people-table' : 'decisions-csv', noDecision, notRead };
}

/** ISO date-times are kept as written (the decisions CSV); `dd/mm/yyyy` (the people's table) becomes ISO; else empty. */
function decidedAt(value: string): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const day = parseDate(value);
  return day ? `${day}T00:00:00.000Z` : '';
}

/**
 * Reads an earlier-decisions file given by the user: a RapprochementSSO file (XML), else the
 * decisions CSV or the people's table. Bytes are decoded as every input is (`lib/input/decode.ts`:
 * BOM, UTF-8, else windows-1252, what Excel writes).
 * @throws InputError (`not-text`) when the file is empty or blank, or not text (PDF, workbook, image:
 *   `lib/input/open.ts` names the kind); when the XML is not a RapprochementSSO file, or a table
 *   lacks a needed column.
 */
export function readDecisionsFile(file: InputFile): DecisionsFileRead {
  // An empty file, a PDF, a workbook...: said as such, not as a table missing its columns.
  const { text } = openInput(file, 'decisions');
  if (!text.trim()) throw new InputError(notTextMessage(file.name, 'empty', 'decisions'), file.name, 'not-text');
  if (text.trimStart().startsWith('<')) {
    return { origin: 'file', source: file.name, decisions: readRapprochementSso(file), format: 'rapprochement-sso', noDecision: 0, notRead: [] };
  }
  return readDecisionsTable(text, file.name);
}
