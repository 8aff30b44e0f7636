/**
 * One school's pairing rows for the CSV writers' tests (decisions-csv, people-csv): every category,
 * every decision kind and one row left unresolved, a name with a comma and quotes, a staff name
 * that a French spreadsheet would run as a formula (`;` is its argument separator), and a score
 * with more digits than the CSV keeps.
 */
import type { PairingRow } from '../../../lib/report/decisions-csv';

/** When every decision below was taken (ISO 8601, UTC). */
export const at = '2026-09-03T08:15:00.000Z';

export const rows: PairingRow[] = [
  { category: 'teacher', pronoteId: 'P1', status: 'auto', score: 0.98765, engineEntId: 'E1', lastName: 'Dupont', firstName: 'Anne-Sophie' },
  {
    category: 'student',
    pronoteId: 'P2',
    status: 'review',
    score: 0.71,
    engineEntId: 'E2',
    lastName: 'Le Gall',
    firstName: 'Yann',
    className: '4A',
    decision: { kind: 'confirmed', entId: 'E2', decidedAt: at },
  },
  {
    category: 'student',
    pronoteId: 'P3',
    status: 'unmatched',
    score: 0,
    lastName: 'Martin, dite "Jo"',
    firstName: 'Julie',
    className: '3B',
    decision: { kind: 'manual', entId: 'E9', decidedAt: at },
  },
  {
    category: 'guardian',
    pronoteId: 'P4',
    status: 'auto',
    score: 0.95,
    engineEntId: 'E4',
    lastName: 'Durand',
    firstName: 'Paul',
    decision: { kind: 'rejected', entId: 'E4', decidedAt: at },
  },
  {
    category: 'supervisor',
    pronoteId: 'P5',
    status: 'review',
    score: 0.4,
    engineEntId: 'E5',
    lastName: 'Maître',
    firstName: 'Stage',
    decision: { kind: 'no-account', decidedAt: at },
  },
  { category: 'staff', pronoteId: 'P6', status: 'review', score: 0.55, engineEntId: 'E6', lastName: '=HYPERLINK("x";"y")', firstName: 'Z' },
  { category: 'inspector', pronoteId: 'P7', status: 'unmatched', score: 0, lastName: 'Seul', firstName: 'Ia' },
];
