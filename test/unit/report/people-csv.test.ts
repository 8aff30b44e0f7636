import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readDecisionsTable } from '../../../lib/rapprochement/decisions-file';
import { type PairingRow, writeDecisionsCsv } from '../../../lib/report/decisions-csv';
import { writePeopleCsv } from '../../../lib/report/people-csv';

const at = '2026-09-03T08:15:00.000Z';

const rows: PairingRow[] = [
  { category: 'teacher', pronoteId: 'P1', status: 'auto', score: 0.98, engineEntId: 'E1', lastName: 'Dupont', firstName: 'Anne-Sophie' },
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
    lastName: 'Martin; dite "Jo"',
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
  { category: 'staff', pronoteId: 'P6', status: 'review', score: 0.55, engineEntId: 'E6', lastName: '=HYPERLINK("x")', firstName: 'Z' },
];

describe('people CSV (for Excel)', () => {
  it('starts with a BOM and writes French headers and values separated by semicolons', () => {
    const csv = writePeopleCsv(rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['Catégorie', 'Identifiant Pronote', 'Compte ENT', 'Statut', 'Nom', 'Prénom', 'Classe', 'Date de décision']);
    expect(parsed.data.slice(1)).toEqual([
      ['Enseignants', 'P1', 'E1', 'automatique', 'Dupont', 'Anne-Sophie', '', ''],
      ['Élèves', 'P2', 'E2', 'confirmé', 'Le Gall', 'Yann', '4A', '03/09/2026'],
      ['Élèves', 'P3', 'E9', 'à la main', 'Martin; dite "Jo"', 'Julie', '3B', '03/09/2026'],
      ['Responsables', 'P4', 'E4', 'rejeté', 'Durand', 'Paul', '', '03/09/2026'],
      ['Maîtres de stage', 'P5', '', 'pas de compte ENT', 'Maître', 'Stage', '', '03/09/2026'],
      ['Personnels', 'P6', 'E6', 'à traiter', `'=HYPERLINK("x")`, 'Z', '', ''],
    ]);
  });

  it('reads back as decisions (--decisions) with the same pairs as the decisions CSV', () => {
    const strip = (d: { category: string; pronoteId: string; kind: string; entId?: string }) => ({
      category: d.category,
      pronoteId: d.pronoteId,
      kind: d.kind,
      entId: d.entId || undefined,
    });
    const fromTable = readDecisionsTable(writePeopleCsv(rows), 'tableau.csv');
    const fromDecisions = readDecisionsTable(writeDecisionsCsv(rows), 'decisions.csv');
    expect(fromTable.format).toBe('people-table');
    expect(fromTable.notRead).toEqual([]);
    expect(fromTable.decisions.map(strip)).toEqual(fromDecisions.decisions.map(strip));
    expect(fromTable.decisions.map(strip)).toEqual([
      { category: 'student', pronoteId: 'P2', kind: 'confirmed', entId: 'E2' },
      { category: 'student', pronoteId: 'P3', kind: 'manual', entId: 'E9' },
      { category: 'guardian', pronoteId: 'P4', kind: 'rejected', entId: 'E4' },
      { category: 'supervisor', pronoteId: 'P5', kind: 'no-account', entId: undefined },
    ]);
  });
});
