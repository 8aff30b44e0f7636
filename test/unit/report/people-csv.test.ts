import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readDecisionsTable } from '../../../lib/rapprochement/decisions-file';
import { writeDecisionsCsv } from '../../../lib/report/decisions-csv';
import { writePeopleCsv } from '../../../lib/report/people-csv';
import { rows } from './pairing-rows';

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
      ['Élèves', 'P3', 'E9', 'à la main', 'Martin, dite "Jo"', 'Julie', '3B', '03/09/2026'],
      ['Responsables', 'P4', 'E4', 'rejeté', 'Durand', 'Paul', '', '03/09/2026'],
      ['Maîtres de stage', 'P5', '', 'pas de compte ENT', 'Maître', 'Stage', '', '03/09/2026'],
      ['Personnels', 'P6', 'E6', 'à traiter', `'=HYPERLINK("x";"y")`, 'Z', '', ''],
      ['Inspecteurs pédagogiques', 'P7', '', 'à traiter', 'Seul', 'Ia', '', ''],
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
