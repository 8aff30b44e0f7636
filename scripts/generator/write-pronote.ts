/**
 * Writes Pronote persons as an identifier export, in three layouts:
 * - `partner`: Index Éducation's partner export attribute layout (DOMAIN.md, "The Pronote identifier
 *   export"; the conventions written at the top of lib/pronote/partner-export.ts): containers
 *   `Professeurs`, `Eleves`, `Responsables`, `MaitresDeStage`, `InspecteursPedagogiques`,
 *   `Personnels`; attributes `Ident`, `IDPN` (not for staff), `Nom`, `Prenom`, `DateNaissance`
 *   (dd/mm/yyyy), `Sexe`, `CodePostal`, `EMail`; students' `<Classe Nom>` and `<Responsable Ident>`.
 *   The root says which users the export holds, both as `TousLesUtilisateurs` and as the reader's
 *   `UniquementSansIdentifiantsCAS`.
 * - `edt`: an EDT-like layout (EDT `EXP_ELEVES.xml`: `<TABLE nom="Elèves">`, `<Eleves numero>` with
 *   child elements `NOM`, `PRENOM`, `DATE_NAISS`...), one table per category, written in
 *   windows-1252 under an ISO-8859-1 declaration as Windows software does.
 * - `english`: `<Users><User category="Teacher" id lastName firstName birthDate="yyyy-mm-dd" class guardians .../>`.
 * The last two are for the sniffer (issue 3: "at least two other layouts").
 */
import type { Category, Person } from '../../lib/core/person';
import { stripAccents } from './noise';
import { byCategory } from './sides';
import type { OutputFile } from './write-aaf';
import { escapeAttr, escapeText, frenchDate } from './xml-text';

export type Layout = 'partner' | 'edt' | 'english';
export const LAYOUTS: Layout[] = ['partner', 'edt', 'english'];

const PARTNER: Record<Category, [container: string, element: string]> = {
  teacher: ['Professeurs', 'Professeur'],
  student: ['Eleves', 'Eleve'],
  guardian: ['Responsables', 'Responsable'],
  supervisor: ['MaitresDeStage', 'MaitreDeStage'],
  inspector: ['InspecteursPedagogiques', 'InspecteurPedagogique'],
  staff: ['Personnels', 'Personnel'],
};

const EDT: Record<Category, [table: string, element: string]> = {
  teacher: ['Professeurs', 'Professeurs'],
  student: ['Elèves', 'Eleves'],
  guardian: ['Responsables', 'Responsables'],
  supervisor: ['Maîtres de stage', 'MaitresDeStage'],
  inspector: ['Inspecteurs pédagogiques', 'InspecteursPedagogiques'],
  staff: ['Personnels', 'Personnels'],
};

const ENGLISH: Record<Category, string> = {
  teacher: 'Teacher',
  student: 'Student',
  guardian: 'Guardian',
  supervisor: 'InternshipSupervisor',
  inspector: 'Inspector',
  staff: 'Staff',
};

/** The export's `Ident` of a person: the one the generator gave (`raw.Ident`), else its id. */
function identOf(p: Person): string {
  return p.raw.Ident ?? p.id;
}

/** Groups persons by category in the seed's order, keeping their order inside a category. */
function grouped(persons: Person[]): [Category, Person[]][] {
  const map = new Map<Category, Person[]>();
  for (const p of byCategory(persons)) {
    const list = map.get(p.category);
    if (list) list.push(p);
    else map.set(p.category, [p]);
  }
  return [...map.entries()];
}

function attrs(pairs: [string, string | undefined][]): string {
  return pairs
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeAttr(v!)}"`)
    .join('');
}

export interface PronoteWriteOptions {
  /** `all-users` (default) or `without-cas-only` (the partial export). */
  kind?: 'all-users' | 'without-cas-only';
}

/** The partner layout (see the file's comment). */
export function partnerExport(persons: Person[], options: PronoteWriteOptions = {}): OutputFile {
  const all = (options.kind ?? 'all-users') === 'all-users';
  return {
    name: 'pronote-export.xml',
    chunks: function* () {
      const identById = new Map<string, string>();
      for (const p of persons) if (p.category === 'guardian') identById.set(p.id, identOf(p));
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<EXPORT_IDENTIFIANTS_PRONOTE TousLesUtilisateurs="${all ? 1 : 0}" UniquementSansIdentifiantsCAS="${all ? 0 : 1}">\n`;
      for (const [category, list] of grouped(persons)) {
        const [container, element] = PARTNER[category];
        yield `<${container}>\n`;
        for (const p of list) {
          const head = `<${element}${attrs([
            ['Ident', identOf(p)],
            ['IDPN', category === 'staff' ? undefined : p.id],
            ['Nom', p.lastName],
            ['Prenom', p.firstName],
            ['DateNaissance', frenchDate(p.birthDate)],
            ['Sexe', p.sex],
            ['CodePostal', p.postalCode],
            ['EMail', p.email],
          ])}`;
          if (category !== 'student' || (p.classes.length === 0 && p.guardians.length === 0)) {
            yield `${head}/>\n`;
            continue;
          }
          let inner = '';
          for (const c of p.classes) inner += `<Classe Nom="${escapeAttr(c)}"/>`;
          for (const g of p.guardians) inner += `<Responsable Ident="${escapeAttr(identById.get(g.id) ?? g.id)}"/>`;
          yield `${head}>${inner}</${element}>\n`;
        }
        yield `</${container}>\n`;
      }
      yield '</EXPORT_IDENTIFIANTS_PRONOTE>\n';
    },
  };
}

// windows-1252 has these characters beyond Latin-1; anything else outside Latin-1 loses its accent.
const NOT_1252 = /[^\n\r\u0020-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;

function el(name: string, value: string | undefined): string {
  return value ? `<${name}>${escapeText(value.replace(NOT_1252, (c) => stripAccents(c)))}</${name}>` : `<${name}/>`;
}

/** The EDT-like layout (see the file's comment). */
export function edtExport(persons: Person[]): OutputFile {
  return {
    name: 'pronote-edt.xml',
    encoding: 'windows-1252',
    chunks: function* () {
      yield '<?xml version="1.0" encoding="ISO-8859-1"?>\n<EXPORT_EDT>\n';
      for (const [category, list] of grouped(persons)) {
        const [table, element] = EDT[category];
        yield `<TABLE nom="${escapeAttr(table)}">\n`;
        let n = 0;
        for (const p of list) {
          n++;
          yield `<${element} numero="${n}">${el('NOM', p.lastName)}${el('PRENOM', p.firstName)}${el('DATE_NAISS', frenchDate(p.birthDate))}${el('SEXE', p.sex)}${
            category === 'student' ? el('CLASSE', p.classes[0]) : ''
          }${el('CODE_POSTAL', p.postalCode)}${el('MAIL', p.email)}${el('IDENTIFIANT_PRONOTE', p.id)}</${element}>\n`;
        }
        yield '</TABLE>\n';
      }
      yield '</EXPORT_EDT>\n';
    },
  };
}

/** The English-named layout (see the file's comment). */
export function englishExport(persons: Person[]): OutputFile {
  return {
    name: 'pronote-english.xml',
    chunks: function* () {
      yield '<?xml version="1.0" encoding="UTF-8"?>\n<Users>\n';
      for (const [category, list] of grouped(persons)) {
        for (const p of list) {
          yield `<User${attrs([
            ['category', ENGLISH[category]],
            ['id', p.id],
            ['lastName', p.lastName],
            ['firstName', p.firstName],
            ['birthDate', p.birthDate],
            ['sex', p.sex],
            ['class', p.classes.join(',')],
            ['email', p.email],
            ['postalCode', p.postalCode],
            ['guardians', p.guardians.map((g) => g.id).join(',')],
          ])}/>\n`;
        }
      }
      yield '</Users>\n';
    },
  };
}

/** The files of the layouts asked. */
export function pronoteFiles(persons: Person[], layouts: Layout[] = LAYOUTS, options: PronoteWriteOptions = {}): OutputFile[] {
  return layouts.map((layout) => (layout === 'partner' ? partnerExport(persons, options) : layout === 'edt' ? edtExport(persons) : englishExport(persons)));
}
