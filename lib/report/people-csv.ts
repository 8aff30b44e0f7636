/**
 * The people's table the admin opens in French Excel (issue 18, point 4): semicolons, a UTF-8 BOM
 * (without it Excel reads the accents as Latin-1), French headers and values. The command line's
 * `--decisions` reads it back (lib/rapprochement/decisions-file.ts), so the statut words and the
 * headers below must stay among the ones that reader knows.
 */
import { CATEGORY_NAMES } from '../core/vocabulary';
import { type PairingRow, decisionOf, entIdOf } from './decisions-csv';
import { neutraliseFormula } from './mapping-csv';

export const PEOPLE_CSV_HEADER = ['Catégorie', 'Identifiant Pronote', 'Compte ENT', 'Statut', 'Nom', 'Prénom', 'Classe', 'Date de décision'] as const;

/** The statut column, one French word per decision column value. */
const STATUT: Record<ReturnType<typeof decisionOf>, string> = {
  auto: 'automatique',
  confirmed: 'confirmé',
  manual: 'à la main',
  rejected: 'rejeté',
  'no-account': 'pas de compte ENT',
  unresolved: 'à traiter',
};

/** Quotes a field with a semicolon, a quote, a line break or edge spaces (RFC 4180 with `;`). */
function field(value: string): string {
  return /[";\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** An ISO 8601 date-time as dd/mm/yyyy in Paris time (schools' time); empty when absent or invalid. */
function frenchDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

/**
 * Writes the people's table: a BOM, one header line, one line per row in the given order, CRLF
 * line ends. The category is its French singular-or-plural name (`Enseignants`), the compte ENT is
 * as in the decisions CSV (`entIdOf`), names and class pass through `neutraliseFormula`.
 * Returns the text; the caller encodes it as UTF-8. Does not throw.
 */
export function writePeopleCsv(rows: Iterable<PairingRow>): string {
  const lines = [PEOPLE_CSV_HEADER.join(';')];
  for (const row of rows) {
    lines.push(
      [
        CATEGORY_NAMES[row.category].fr,
        row.pronoteId,
        entIdOf(row),
        STATUT[decisionOf(row)],
        neutraliseFormula(row.lastName),
        neutraliseFormula(row.firstName),
        neutraliseFormula(row.className ?? ''),
        frenchDate(row.decision?.decidedAt),
      ]
        .map(field)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
