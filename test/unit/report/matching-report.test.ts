import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { match, type Proposal } from '../../../lib/matching';
import { readDecisionsTable } from '../../../lib/rapprochement/decisions-file';
import { CATEGORIES, InputError } from '../../../lib/core/person';
import { type PairingRow, writeDecisionsCsv } from '../../../lib/report/decisions-csv';
import { MAPPING_CSV_HEADER, neutraliseFormula, writeMappingCsv } from '../../../lib/report/mapping-csv';
import { buildSummary } from '../../../lib/report/summary';
import { pronote } from '../matching/persons';
import { dir, pro, result } from './small-run';

describe('mapping.csv', () => {
  const text = writeMappingCsv(pro, result.proposals);
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

  it('has the exact header and one row per Pronote person, in order', () => {
    expect(text.split('\r\n')[0]).toBe('category,pronote_id,ent_id,status,score,last_name,first_name');
    expect(rows.meta.fields).toEqual([...MAPPING_CSV_HEADER]);
    expect(rows.data.map((r) => r.pronote_id)).toEqual(['P1', 'P2', 'G1', 'S1']);
  });

  it('writes the pair, its score, and empty ent_id with score 0 when unmatched', () => {
    expect(rows.data[0]).toMatchObject({ category: 'student', ent_id: 'E1', status: 'auto' });
    expect(Number(rows.data[0].score)).toBeGreaterThan(0.99);
    expect(Number(rows.data[0].score)).toBeLessThanOrEqual(1);
    expect(rows.data[3]).toMatchObject({ category: 'supervisor', ent_id: '', status: 'unmatched', score: '0' });
  });

  it('quotes names holding commas, quotes and edge spaces, and reads back the same', () => {
    expect(text).toContain('"Dupont, ""dit"" Jean"," Marc"');
    expect(rows.data[1].last_name).toBe('Dupont, "dit" Jean');
    expect(rows.data[1].first_name).toBe(' Marc');
  });

  it('neutralises names a spreadsheet would run as formulas (leading quote), not ids or scores', () => {
    const evil = [
      pronote('student', { id: 'X1', last: '=HYPERLINK("http://evil/","x")', first: '+SUM(1+1)' }),
      pronote('teacher', { id: 'X2', last: '@cmd|calc', first: '-2+3' }),
      pronote('staff', { id: 'X3', last: '\tTab', first: 'Anne-Sophie' }),
    ];
    const evilText = writeMappingCsv(evil, match({ pronote: evil, directory: dir }).proposals);
    const back = Papa.parse<Record<string, string>>(evilText, { header: true, skipEmptyLines: true }).data;
    expect(back.map((r) => [r.pronote_id, r.last_name, r.first_name])).toEqual([
      ['X1', `'=HYPERLINK("http://evil/","x")`, "'+SUM(1+1)"],
      ['X2', "'@cmd|calc", "'-2+3"],
      ['X3', "'\tTab", 'Anne-Sophie'],
    ]);
    expect(evilText).not.toMatch(/,[=+@-]/);
    expect(back.every((r) => /^\d/.test(r.score))).toBe(true);
    expect(neutraliseFormula('Le Gall')).toBe('Le Gall');
    expect(neutraliseFormula('\rX')).toBe("'\rX");
  });

  it('refuses proposals that do not line up with the persons', () => {
    expect(() => writeMappingCsv(pro, result.proposals.slice(1))).toThrow();
    expect(() => writeMappingCsv([...pro].reverse(), result.proposals)).toThrow();
  });
});

describe('summary.json', () => {
  const summary = buildSummary({
    pronote: {
      persons: pro,
      notRead: [{ source: 'x.xml', location: 'Eleve[3]', reason: { fr: 'sans nom', en: 'no name' } }],
      files: ['x.xml'],
      exportKind: 'all-users',
    },
    directory: { persons: dir, notRead: [], files: ['aaf'] },
    proposals: result.proposals,
    unusedDirectory: result.unusedDirectory,
    seconds: 1.23456,
  });
  it('lists the six categories everywhere, with 0 for the empty ones', () => {
    for (const c of CATEGORIES) {
      expect(summary.pronote.read[c]).toBeTypeOf('number');
      expect(summary.directory.read[c]).toBeTypeOf('number');
      expect(Object.keys(summary.pairs[c]).sort()).toEqual(['auto', 'review', 'unmatched']);
    }
    expect(summary.pronote.read.teacher).toBe(0);
    expect(summary.pronote.read).toMatchObject({ student: 2, guardian: 1, supervisor: 1 });
    expect(summary.directory.read.student).toBe(201);
  });
  it('counts pairs, records not read, reasons and seconds', () => {
    expect(summary.pairs.student.auto).toBe(1);
    expect(summary.pairs.supervisor.unmatched).toBe(1);
    expect(summary.pronote.notRead).toBe(1);
    expect(summary.reasons.supervisor['no-ent-category']).toBe(1);
    expect(summary.seconds).toBe(1.235);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('decisions CSV read back', () => {
  const csv = [
    'category,pronote_id,ent_id,status,score,last_name,first_name,decision,decided_at',
    'student,P1,E1,auto,0.99,A,B,auto,',
    'student,P2,E2,review,0.8,A,B,confirmed,2026-09-01T10:00:00Z',
    'guardian,G1,E9,review,0.5,A,B,rejected,2026-09-01T10:00:00Z',
    'supervisor,S1,,unmatched,0,A,B,no-account,2026-09-01T10:00:00Z',
    'student,P3,,unmatched,0,A,B,unresolved,',
    'nobody,P4,E4,auto,1,A,B,manual,',
  ].join('\r\n');

  it('keeps the decisions, counts engine pairs and unresolved rows, lists an unknown category with its line', () => {
    const { decisions, noDecision, notRead, format } = readDecisionsTable(`\uFEFF${csv}`, 'decisions.csv');
    expect(format).toBe('decisions-csv');
    expect(noDecision).toBe(2);
    expect(notRead).toMatchObject([{ source: 'decisions.csv', location: 'l. 7', reason: { en: 'unknown category "nobody".' } }]);
    expect(decisions).toEqual([
      { category: 'student', pronoteId: 'P2', kind: 'confirmed', entId: 'E2', decidedAt: '2026-09-01T10:00:00Z' },
      { category: 'guardian', pronoteId: 'G1', kind: 'rejected', entId: 'E9', decidedAt: '2026-09-01T10:00:00Z' },
      { category: 'supervisor', pronoteId: 'S1', kind: 'no-account', decidedAt: '2026-09-01T10:00:00Z' },
    ]);
  });

  it('refuses a file without the decision column, saying which', () => {
    expect(() => readDecisionsTable('category,pronote_id,ent_id\nstudent,P1,E1\n', 'mapping.csv')).toThrow(InputError);
    try {
      readDecisionsTable('category,pronote_id,ent_id\n', 'mapping.csv');
    } catch (e) {
      expect((e as InputError).userMessage.fr).toContain('«\u202fdecision / statut\u202f»');
    }
  });

  it('reads back a workbench export whose names were neutralised, ids untouched', () => {
    const at = '2026-09-03T08:15:00.000Z';
    const rows: PairingRow[] = [
      {
        category: 'student',
        pronoteId: 'P1',
        status: 'review',
        score: 0.7,
        engineEntId: 'E1',
        lastName: '=HYPERLINK("http://evil/","x")',
        firstName: '+SUM(1+1)',
        decision: { kind: 'confirmed', entId: 'E1', decidedAt: at },
      },
      {
        category: 'teacher',
        pronoteId: 'P2',
        status: 'review',
        score: 0.6,
        engineEntId: 'E2',
        lastName: '@cmd|calc',
        firstName: 'Z',
        decision: { kind: 'manual', entId: 'E7', decidedAt: at },
      },
    ];
    const out = writeDecisionsCsv(rows);
    expect(out).toContain(`"'=HYPERLINK(""http://evil/"",""x"")",'+SUM(1+1),confirmed`);
    expect(out).toContain("'@cmd|calc,Z,manual");
    const { decisions, noDecision, notRead } = readDecisionsTable(out, 'decisions.csv');
    expect(noDecision + notRead.length).toBe(0);
    expect(decisions).toEqual([
      { category: 'student', pronoteId: 'P1', kind: 'confirmed', entId: 'E1', decidedAt: at },
      { category: 'teacher', pronoteId: 'P2', kind: 'manual', entId: 'E7', decidedAt: at },
    ]);
  });

  it('decisions read back override the engine', () => {
    const { decisions } = readDecisionsTable('category,pronote_id,ent_id,decision,decided_at\nstudent,P1,,no-account,2026-01-01\n', 'd.csv');
    const r = match({ pronote: pro, directory: dir, decisions }).proposals[0] as Proposal;
    expect(r).toMatchObject({ status: 'unmatched', decided: 'no-account' });
  });
});
