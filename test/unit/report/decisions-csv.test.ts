import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type PairingRow, writeDecisionsCsv } from '../../../lib/report/decisions-csv';

const at = '2026-09-03T08:15:00.000Z';

describe('decisions CSV', () => {
  const rows: PairingRow[] = [
    { category: 'teacher', pronoteId: 'P1', status: 'auto', score: 0.98765, engineEntId: 'E1', lastName: 'Dupont', firstName: 'Anne-Sophie' },
    {
      category: 'student',
      pronoteId: 'P2',
      status: 'review',
      score: 0.71,
      engineEntId: 'E2',
      lastName: 'Le Gall',
      firstName: 'Yann',
      decision: { kind: 'confirmed', entId: 'E2', decidedAt: at },
    },
    {
      category: 'student',
      pronoteId: 'P3',
      status: 'unmatched',
      score: 0,
      lastName: 'Martin, dite "Jo"',
      firstName: 'Julie',
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
    { category: 'staff', pronoteId: 'P6', status: 'review', score: 0.55, engineEntId: 'E6', lastName: '<script>x</script>', firstName: 'Z' },
    { category: 'inspector', pronoteId: 'P7', status: 'unmatched', score: 0, lastName: 'Seul', firstName: 'Ia' },
  ];

  it('writes the command line columns plus decision and decided_at, one row per person', () => {
    const csv = writeDecisionsCsv(rows);
    const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['category', 'pronote_id', 'ent_id', 'status', 'score', 'last_name', 'first_name', 'decision', 'decided_at']);
    expect(parsed.data.slice(1)).toEqual([
      ['teacher', 'P1', 'E1', 'auto', '0.988', 'Dupont', 'Anne-Sophie', 'auto', ''],
      ['student', 'P2', 'E2', 'review', '0.71', 'Le Gall', 'Yann', 'confirmed', at],
      ['student', 'P3', 'E9', 'unmatched', '0', 'Martin, dite "Jo"', 'Julie', 'manual', at],
      ['guardian', 'P4', 'E4', 'auto', '0.95', 'Durand', 'Paul', 'rejected', at],
      ['supervisor', 'P5', '', 'review', '0.4', 'Maître', 'Stage', 'no-account', at],
      ['staff', 'P6', 'E6', 'review', '0.55', '<script>x</script>', 'Z', 'unresolved', ''],
      ['inspector', 'P7', '', 'unmatched', '0', 'Seul', 'Ia', 'unresolved', ''],
    ]);
  });

  it('quotes fields with commas and quotes (RFC 4180) and ends lines with CRLF', () => {
    const csv = writeDecisionsCsv(rows.slice(2, 3));
    expect(csv).toBe(
      'category,pronote_id,ent_id,status,score,last_name,first_name,decision,decided_at\r\n' +
        `student,P3,E9,unmatched,0,"Martin, dite ""Jo""",Julie,manual,${at}\r\n`,
    );
  });
});
