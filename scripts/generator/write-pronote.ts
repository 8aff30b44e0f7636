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
 *
 * Links between students and guardians (issue 13, point 1: "Links in every form, both directions"),
 * option `links`, by each export's own key (`Ident` in the partner layout, the id elsewhere):
 * - `student` (default of partner and english): on the student, `<Responsable Ident>` children
 *   (partner), `guardians="a,b"` (english), `<RESPONSABLE>` children (edt);
 * - `guardian-elements`: on the guardian, one child element per child: `<Eleve Ident>` (partner),
 *   `<ELEVE>id</ELEVE>` (edt), `<Child id>` (english);
 * - `guardian-enfant`: on the guardian, `<Enfant Ident>` (partner), `<ENFANTS><ENFANT>id</ENFANT></ENFANTS>`
 *   (edt), `<Children><Child>id</Child></Children>` (english);
 * - `guardian-attribute`: on the guardian, `Enfants="a,b"` (partner), `ENFANTS="a;b"` (edt),
 *   `children="a;b"` (english);
 * - `none` (default of edt): no link anywhere.
 */
import type { Category, Person } from '../../lib/core/person';
import { stripAccents } from './noise';
import { byCategory, PARTNER_ELEMENT } from './sides';
import type { OutputFile } from './write-aaf';
import { escapeAttr, escapeText, frenchDate } from './xml-text';

export type Layout = 'partner' | 'edt' | 'english';
export const LAYOUTS: Layout[] = ['partner', 'edt', 'english'];

/**
 * Each category's names in the three layouts: the partner export's plural container (`Professeurs`
 * around each `Professeur`, its person element being {@link PARTNER_ELEMENT}), which the EDT layout
 * also takes as its person element; the EDT table's name; the english layout's category.
 */
const NAMES: Record<Category, { plural: string; edtTable: string; english: string }> = {
  teacher: { plural: 'Professeurs', edtTable: 'Professeurs', english: 'Teacher' },
  student: { plural: 'Eleves', edtTable: 'Elèves', english: 'Student' },
  guardian: { plural: 'Responsables', edtTable: 'Responsables', english: 'Guardian' },
  supervisor: { plural: 'MaitresDeStage', edtTable: 'Maîtres de stage', english: 'InternshipSupervisor' },
  inspector: { plural: 'InspecteursPedagogiques', edtTable: 'Inspecteurs pédagogiques', english: 'Inspector' },
  staff: { plural: 'Personnels', edtTable: 'Personnels', english: 'Staff' },
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

/** Where and how the export writes the student–guardian links (see the file's comment). */
export type LinkForm = 'student' | 'guardian-elements' | 'guardian-enfant' | 'guardian-attribute' | 'none';
export const LINK_FORMS: LinkForm[] = ['student', 'guardian-elements', 'guardian-enfant', 'guardian-attribute', 'none'];

export interface PronoteWriteOptions {
  /** `all-users` (default) or `without-cas-only` (the partial export). */
  kind?: 'all-users' | 'without-cas-only';
  /** Link form; default `student`, except the edt layout, which writes none by default. */
  links?: LinkForm;
}

/**
 * Each guardian's children, from the students' `guardians` (the generator's links live there), in
 * the students' order: the guardian side written from the same links as the student side.
 */
function childrenOf(persons: Person[]): Map<string, Person[]> {
  const out = new Map<string, Person[]>();
  for (const p of persons) {
    if (p.category !== 'student') continue;
    for (const g of p.guardians) {
      const list = out.get(g.id);
      if (list) list.push(p);
      else out.set(g.id, [p]);
    }
  }
  return out;
}

/** The partner layout (see the file's comment). */
export function partnerExport(persons: Person[], options: PronoteWriteOptions = {}): OutputFile {
  const all = (options.kind ?? 'all-users') === 'all-users';
  const links = options.links ?? 'student';
  return {
    name: 'pronote-export.xml',
    chunks: function* () {
      const identById = new Map<string, string>();
      for (const p of persons) if (p.category === 'guardian') identById.set(p.id, identOf(p));
      const children = links === 'student' || links === 'none' ? new Map<string, Person[]>() : childrenOf(persons);
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<EXPORT_IDENTIFIANTS_PRONOTE TousLesUtilisateurs="${all ? 1 : 0}" UniquementSansIdentifiantsCAS="${all ? 0 : 1}">\n`;
      for (const [category, list] of grouped(persons)) {
        const container = NAMES[category].plural;
        const element = PARTNER_ELEMENT[category];
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
            ['Enfants', links === 'guardian-attribute' && category === 'guardian' ? children.get(p.id)?.map(identOf).join(',') : undefined],
          ])}`;
          let inner = '';
          if (category === 'student') {
            for (const c of p.classes) inner += `<Classe Nom="${escapeAttr(c)}"/>`;
            if (links === 'student') for (const g of p.guardians) inner += `<Responsable Ident="${escapeAttr(identById.get(g.id) ?? g.id)}"/>`;
          } else if (category === 'guardian' && (links === 'guardian-elements' || links === 'guardian-enfant')) {
            const child = links === 'guardian-elements' ? 'Eleve' : 'Enfant';
            for (const s of children.get(p.id) ?? []) inner += `<${child} Ident="${escapeAttr(identOf(s))}"/>`;
          }
          yield inner ? `${head}>${inner}</${element}>\n` : `${head}/>\n`;
        }
        yield `</${container}>\n`;
      }
      yield '</EXPORT_IDENTIFIANTS_PRONOTE>\n';
    },
  };
}

// windows-1252 has these characters beyond Latin-1; anything else outside Latin-1 loses its accent.
const NOT_1252 =
  /[^\n\r\u0020-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;

function el(name: string, value: string | undefined): string {
  return value ? `<${name}>${escapeText(value.replace(NOT_1252, (c) => stripAccents(c)))}</${name}>` : `<${name}/>`;
}

/** The EDT-like layout (see the file's comment). */
export function edtExport(persons: Person[], options: PronoteWriteOptions = {}): OutputFile {
  const links = options.links ?? 'none';
  return {
    name: 'pronote-edt.xml',
    encoding: 'windows-1252',
    chunks: function* () {
      const children = links === 'student' || links === 'none' ? new Map<string, Person[]>() : childrenOf(persons);
      const linkElements = (p: Person): string => {
        if (links === 'student' && p.category === 'student') return p.guardians.map((g) => el('RESPONSABLE', g.id)).join('');
        const kids = p.category === 'guardian' ? (children.get(p.id) ?? []) : [];
        if (links === 'guardian-elements') return kids.map((s) => el('ELEVE', s.id)).join('');
        if (links === 'guardian-enfant' && kids.length) return `<ENFANTS>${kids.map((s) => el('ENFANT', s.id)).join('')}</ENFANTS>`;
        return '';
      };
      yield '<?xml version="1.0" encoding="ISO-8859-1"?>\n<EXPORT_EDT>\n';
      for (const [category, list] of grouped(persons)) {
        const { edtTable: table, plural: element } = NAMES[category];
        yield `<TABLE nom="${escapeAttr(table)}">\n`;
        let n = 0;
        for (const p of list) {
          n++;
          const listed = links === 'guardian-attribute' && p.category === 'guardian' ? children.get(p.id) : undefined;
          const attribute = listed?.length ? ` ENFANTS="${escapeAttr(listed.map((s) => s.id).join(';'))}"` : '';
          yield `<${element} numero="${n}"${attribute}>${el('NOM', p.lastName)}${el('PRENOM', p.firstName)}${el('DATE_NAISS', frenchDate(p.birthDate))}${el('SEXE', p.sex)}${
            category === 'student' ? el('CLASSE', p.classes[0]) : ''
          }${el('CODE_POSTAL', p.postalCode)}${el('MAIL', p.email)}${el('IDENTIFIANT_PRONOTE', p.id)}${linkElements(p)}</${element}>\n`;
        }
        yield '</TABLE>\n';
      }
      yield '</EXPORT_EDT>\n';
    },
  };
}

/** The English-named layout (see the file's comment). */
export function englishExport(persons: Person[], options: PronoteWriteOptions = {}): OutputFile {
  const links = options.links ?? 'student';
  return {
    name: 'pronote-english.xml',
    chunks: function* () {
      const children = links === 'student' || links === 'none' ? new Map<string, Person[]>() : childrenOf(persons);
      yield '<?xml version="1.0" encoding="UTF-8"?>\n<Users>\n';
      for (const [category, list] of grouped(persons)) {
        for (const p of list) {
          const head = `<User${attrs([
            ['category', NAMES[category].english],
            ['id', p.id],
            ['lastName', p.lastName],
            ['firstName', p.firstName],
            ['birthDate', p.birthDate],
            ['sex', p.sex],
            ['class', p.classes.join(',')],
            ['email', p.email],
            ['postalCode', p.postalCode],
            ['guardians', links === 'student' ? p.guardians.map((g) => g.id).join(',') : undefined],
            [
              'children',
              links === 'guardian-attribute'
                ? children
                    .get(p.id)
                    ?.map((s) => s.id)
                    .join(';')
                : undefined,
            ],
          ])}`;
          const kids = p.category === 'guardian' ? (children.get(p.id) ?? []) : [];
          let inner = '';
          if (links === 'guardian-elements') for (const s of kids) inner += `<Child id="${escapeAttr(s.id)}"/>`;
          if (links === 'guardian-enfant' && kids.length) inner = `<Children>${kids.map((s) => `<Child>${escapeText(s.id)}</Child>`).join('')}</Children>`;
          yield inner ? `${head}>${inner}</User>\n` : `${head}/>\n`;
        }
      }
      yield '</Users>\n';
    },
  };
}

/** The files of the layouts asked. */
export function pronoteFiles(persons: Person[], layouts: Layout[] = LAYOUTS, options: PronoteWriteOptions = {}): OutputFile[] {
  return layouts.map((layout) =>
    layout === 'partner' ? partnerExport(persons, options) : layout === 'edt' ? edtExport(persons, options) : englishExport(persons, options),
  );
}
