/**
 * The command line's `mapping.csv` (PRODUCT.md §5): UTF-8 (the caller encodes), comma-separated,
 * header `category,pronote_id,ent_id,status,score,last_name,first_name`, one row per Pronote person
 * read, in the order read.
 */
import type { Proposal } from '../matching/types';
import type { Person } from '../person';

export const MAPPING_CSV_HEADER = ['category', 'pronote_id', 'ent_id', 'status', 'score', 'last_name', 'first_name'] as const;

/** RFC 4180 quoting: a field with a comma, a quote, a line break or edge spaces is quoted. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
    lines.push([r.category, r.pronoteId, entId, r.status, formatScore(score), p.lastName, p.firstName].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
