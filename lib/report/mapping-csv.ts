/**
 * The command line's `mapping.csv` (PRODUCT.md §5): UTF-8 (the caller encodes), comma-separated,
 * header `category,pronote_id,ent_id,status,score,last_name,first_name`, one row per Pronote person
 * read, in the order read.
 */
import type { Proposal } from '../matching/types';
import type { Person } from '../core/person';

export const MAPPING_CSV_HEADER = ['category', 'pronote_id', 'ent_id', 'status', 'score', 'last_name', 'first_name'] as const;

/** RFC 4180 quoting: a field with a comma, a quote, a line break or edge spaces is quoted. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Neutralises a text cell (a name) that a spreadsheet would run as a formula: a value starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote `'` (OWASP "CSV
 * Injection"), since support staff open these files in Excel. Only for free text, never for ids or
 * scores, which the readers (lib/matching/decisions-file.ts) take back as they are.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A confidence written with at most 4 decimals, clamped to [0, 1]; 0 for none or not a number. */
export function formatScore(score: number): string {
  if (!Number.isFinite(score) || score <= 0) return '0';
  return String(Math.round(Math.min(score, 1) * 10000) / 10000);
}

/**
 * Writes `mapping.csv` from the Pronote persons and the engine's proposals (same order, same
 * length: `match()` returns one proposal per person). `ent_id` is the pair (`auto`), the best
 * candidate (`review`) or empty (`unmatched`); `score` is 0 when there is none. Lines end with CRLF.
 * @throws Error when the two lists do not line up (a programming error, not bad input).
 */
export function writeMappingCsv(persons: readonly Person[], proposals: readonly Proposal[]): string {
  if (persons.length !== proposals.length) throw new Error(`mapping.csv: ${persons.length} persons but ${proposals.length} proposals`);
  const lines: string[] = [MAPPING_CSV_HEADER.join(',')];
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i];
    const r = proposals[i];
    if (r.pronoteId !== p.id || r.category !== p.category) throw new Error(`mapping.csv: proposal ${i} is not for person ${p.id}`);
    const entId = r.status === 'unmatched' ? '' : (r.entId ?? '');
    const score = r.status === 'unmatched' ? 0 : r.score;
    const cells = [r.category, r.pronoteId, entId, r.status, formatScore(score), neutraliseFormula(p.lastName), neutraliseFormula(p.firstName)];
    lines.push(cells.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
