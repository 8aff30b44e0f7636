import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeDecisionsCsv } from '../../../lib/report/decisions-csv';
import { at, rows } from './pairing-rows';

describe('decisions CSV', () => {
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
      ['staff', 'P6', 'E6', 'review', '0.55', `'=HYPERLINK("x";"y")`, 'Z', 'unresolved', ''],
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
