/**
 * The workbench's pairing as CSV: the command line's `mapping.csv` columns (PRODUCT.md §5,
 * `category,pronote_id,ent_id,status,score,last_name,first_name`) plus `decision` and `decided_at`.
 * The command line reads this file back as earlier decisions (`--decisions`).
 */
import type { DecisionKind, Status } from '../matching/types';
import type { Category } from '../core/person';
import { neutraliseFormula } from './mapping-csv';

/** One Pronote person's outcome: the engine's proposal and the user's decision, if any. */
export interface PairingRow {
  category: Category;
  pronoteId: string;
  /** The engine's status for this person. */
  status: Status;
  /** The engine's confidence in [0, 1] for its pair or best candidate; 0 when none. */
  score: number;
  /** The engine's pair (`auto`) or best candidate (`review`). */
  engineEntId?: string;
  lastName: string;
  firstName: string;
  birthDate?: string;
  sex?: 'M' | 'F';
  /** The pupil's class (Pronote), when known; written in the people's table only. */
  className?: string;
  /** The user's decision, if any. */
  decision?: { kind: DecisionKind; entId?: string; decidedAt: string };
}

/** The `decision` column: the user's decision, `auto` for an engine pair left as is, else `unresolved`. */
export type DecisionColumn = 'auto' | DecisionKind | 'unresolved';

export const DECISIONS_CSV_HEADER = ['category', 'pronote_id', 'ent_id', 'status', 'score', 'last_name', 'first_name', 'decision', 'decided_at'] as const;

/** The `decision` column of a row. */
export function decisionOf(row: PairingRow): DecisionColumn {
  if (row.decision) return row.decision.kind;
  return row.status === 'auto' ? 'auto' : 'unresolved';
}

/**
 * The ENT account of a row as written in `ent_id`: for `confirmed` and `manual`, the account chosen;
 * for `rejected`, the account rejected (so that the file reads back as that decision); for
 * `no-account`, empty; without a decision, the engine's pair or best candidate (as `mapping.csv`).
 */
export function entIdOf(row: PairingRow): string {
  if (!row.decision) return row.engineEntId ?? '';
  if (row.decision.kind === 'no-account') return '';
  return row.decision.entId ?? '';
}

/** The account the person is finally paired with, or undefined (rejected, no account, unresolved). */
export function pairedEntId(row: PairingRow): string | undefined {
  const d = decisionOf(row);
  if (d === 'auto') return row.engineEntId;
  if (d === 'confirmed' || d === 'manual') return row.decision?.entId;
  return undefined;
}

/** RFC 4180 quoting: a field with a comma, a quote, a line break or edge spaces is quoted. */
function field(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function formatScore(score: number): string {
  if (!Number.isFinite(score) || score <= 0) return '0';
  return String(Math.round(Math.min(score, 1) * 1000) / 1000);
}

/**
 * Writes the rows as CSV text: UTF-8 (the caller encodes), comma-separated, CRLF line ends, one
 * header line, one line per row in the given order. Names are data: quoted when needed, and a name
 * a spreadsheet would run as a formula gets a leading `'` (`neutraliseFormula`); ids are written as
 * they are; `decided_at` is the decision's ISO 8601 date-time, empty without a decision.
 */
export function writeDecisionsCsv(rows: Iterable<PairingRow>): string {
  const lines = [DECISIONS_CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.category,
        row.pronoteId,
        entIdOf(row),
        row.status,
        formatScore(row.score),
        neutraliseFormula(row.lastName),
        neutraliseFormula(row.firstName),
        decisionOf(row),
        row.decision?.decidedAt ?? '',
      ]
        .map(field)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
