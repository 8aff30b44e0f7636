/**
 * The workbench's pairing as an Index Éducation "RapprochementSSO V2.0" file (plain XML, valid
 * against `shared/data/schemas/RapprochementSSO.xsd`): the file an ENT sends to Pronote with the
 * pairs already made, `Ident` (Pronote) ↔ `ID_Partenaire` (ENT account).
 *
 * Schema facts this writer follows (read from the XSD):
 * - namespace `http://www.index-education.com/rapprochementssoV2.0`, root `PARTENAIRE_INDEX` with
 *   required `Date` (xs:dateTime) and `Partenaire`;
 * - children in this order: `Etablissements` (required, `Etablissement` with `Ident`, `Numero` = UAI,
 *   `Nom`), `EtablissementsGeres` (required), then `Personnels`, `Professeurs`, `Responsables`,
 *   `Eleves`, each optional but holding at least one person when present;
 * - `Ident` is an xs:unsignedInt: the partner export's numeric `Ident`, not its `IDPN`;
 * - students need `DateNaissance` (xs:date); `Sexe` is `Masculin` or `Feminin`;
 * - there is no list for maîtres de stage or inspecteurs pédagogiques.
 */
import type { Category } from '../core/person';
import { type PairingRow, pairedEntId } from './decisions-csv';

export const SSO_NAMESPACE = 'http://www.index-education.com/rapprochementssoV2.0';

/** A row with what this file needs beyond the CSV: the Pronote numeric `Ident` and, for students, their guardians. */
export interface SsoRow extends PairingRow {
  /** The partner export's numeric `Ident` (xs:unsignedInt), when known. */
  ident?: string;
  /** Students: the Pronote ids of their guardians. */
  guardians?: string[];
}

export type SsoSkipReason = 'not-paired' | 'no-category' | 'no-ident' | 'no-birth-date';

export interface SsoResult {
  xml: string;
  /** Persons written, by list. */
  written: number;
  /** Persons left out and why (shown to the user next to the download). */
  skipped: { category: Category; pronoteId: string; reason: SsoSkipReason }[];
}

const LISTS: [Category, string, string][] = [
  ['staff', 'Personnels', 'Personnel'],
  ['teacher', 'Professeurs', 'Professeur'],
  ['guardian', 'Responsables', 'Responsable'],
  ['student', 'Eleves', 'Eleve'],
];

const UNSIGNED_INT_MAX = 4294967295;

function isUnsignedInt(value: string | undefined): value is string {
  return value !== undefined && /^\d{1,10}$/.test(value) && Number(value) <= UNSIGNED_INT_MAX;
}

/** Attribute text: markup escaped, characters that XML 1.0 forbids removed, whitespace kept as references. */
function attr(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}

function attrs(pairs: [string, string | undefined][]): string {
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${attr(v)}"`)
    .join('');
}

/**
 * Writes the pairs of `rows` (those finally paired: automatic left as is, confirmed, manual) as a
 * RapprochementSSO V2.0 document. Persons of categories the schema has no list for, without a
 * numeric `Ident`, or students without a birth date, are left out and listed in `skipped`.
 * `date` is the file's `Date` (xs:dateTime, default now); `partner` its `Partenaire` attribute.
 */
export function writeRapprochementSso(
  rows: Iterable<SsoRow>,
  school: { uai: string; name: string },
  options: { date?: Date; partner?: string } = {},
): SsoResult {
  const skipped: SsoResult['skipped'] = [];
  const byCategory = new Map<Category, { row: SsoRow; entId: string }[]>();
  const identOf = new Map<string, string>();
  const all = [...rows];
  for (const row of all) if (isUnsignedInt(row.ident)) identOf.set(`${row.category}\u0000${row.pronoteId}`, row.ident);
  for (const row of all) {
    const entId = pairedEntId(row);
    if (!entId) {
      skipped.push({ category: row.category, pronoteId: row.pronoteId, reason: 'not-paired' });
      continue;
    }
    if (!LISTS.some(([c]) => c === row.category)) {
      skipped.push({ category: row.category, pronoteId: row.pronoteId, reason: 'no-category' });
      continue;
    }
    if (!isUnsignedInt(row.ident)) {
      skipped.push({ category: row.category, pronoteId: row.pronoteId, reason: 'no-ident' });
      continue;
    }
    if (row.category === 'student' && !/^\d{4}-\d{2}-\d{2}$/.test(row.birthDate ?? '')) {
      skipped.push({ category: row.category, pronoteId: row.pronoteId, reason: 'no-birth-date' });
      continue;
    }
    const list = byCategory.get(row.category) ?? [];
    list.push({ row, entId });
    byCategory.set(row.category, list);
  }

  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<PARTENAIRE_INDEX xmlns="${SSO_NAMESPACE}"${attrs([
      ['Date', date],
      ['Partenaire', options.partner ?? 'Passerelle'],
      ['ProtocoleDelegationAuthentification', 'CAS'],
    ])}>`,
    '  <Etablissements>',
    `    <Etablissement${attrs([
      ['Ident', '1'],
      ['Numero', school.uai],
      ['Nom', school.name || school.uai],
    ])}/>`,
    '  </Etablissements>',
    '  <EtablissementsGeres>',
    '    <Etablissement Ident="1"/>',
    '  </EtablissementsGeres>',
  ];
  let written = 0;
  for (const [category, listName, element] of LISTS) {
    const list = byCategory.get(category);
    if (!list?.length) continue;
    out.push(`  <${listName}>`);
    for (const { row, entId } of list) {
      written++;
      const common: [string, string | undefined][] = [
        ['Ident', row.ident],
        ['Nom', row.lastName],
        ['Prenom', row.firstName],
      ];
      if (category === 'student') {
        const children = (row.guardians ?? [])
          .map((id) => identOf.get(`guardian\u0000${id}`))
          .filter((ident): ident is string => ident !== undefined)
          .map((ident) => `      <Responsable Ident="${ident}"/>`);
        const open = `    <${element}${attrs([
          ...common,
          ['DateNaissance', row.birthDate as string],
          ['Sexe', row.sex === 'M' ? 'Masculin' : row.sex === 'F' ? 'Feminin' : undefined],
          ['ID_Partenaire', entId],
        ])}`;
        if (children.length) out.push(`${open}>`, ...children, `    </${element}>`);
        else out.push(`${open}/>`);
      } else if (category === 'teacher') {
        out.push(
          `    <${element}${attrs([
            ...common,
            ['DateNaissance', /^\d{4}-\d{2}-\d{2}$/.test(row.birthDate ?? '') ? row.birthDate : undefined],
            ['ID_Partenaire', entId],
          ])}/>`,
        );
      } else {
        out.push(`    <${element}${attrs([...common, ['ID_Partenaire', entId]])}/>`);
      }
    }
    out.push(`  </${listName}>`);
  }
  out.push('</PARTENAIRE_INDEX>', '');
  return { xml: out.join('\n'), written, skipped };
}
