/**
 * Issue 14, "Done when": the command line on a decisions file that gives one ENT account to two
 * persons exits 0, lists the conflict in `summary.json` and on stderr (one line), applies neither
 * decision, and holds the account in at most one automatic row of `mapping.csv`. The same for each
 * form `--decisions` reads (issue 18, point 4): the decisions CSV, the people's table (semicolons,
 * BOM, French headers and values) and a RapprochementSSO file. Run on the bundled sample (`sample/`,
 * `scripts/generate.ts --sample`) as a user would, through `npx tsx scripts/reconcile.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/core/person';
import { readPronoteExport } from '../../../lib/pronote';
import { writeRapprochementSso } from '../../../lib/report/rapprochement-sso';

const work = mkdtempSync(join(tmpdir(), 'passerelle-cli-decisions-'));

function reconcile(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/reconcile.ts', '--sample', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 170_000,
  });
  return { status: r.status, stderr: r.stderr };
}

interface Row {
  category: string;
  pronote_id: string;
  ent_id: string;
  status: string;
}

const mapping = (out: string) => Papa.parse<Row>(readFileSync(join(out, 'mapping.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Two teachers the engine pairs on its own, with their partner-export `Ident` (RapprochementSSO). */
let a: Person;
let b: Person;
/** The account the engine gives `a`: the decisions give it to `b` too. */
let account: string;

beforeAll(() => {
  const out = join(work, 'plain');
  expect(reconcile(['--out', out]).status).toBe(0);
  const rows = mapping(out);
  const file = resolve('sample/pronote-export.xml');
  const persons = readPronoteExport([{ name: 'pronote-export.xml', bytes: new Uint8Array(readFileSync(file)) }]).persons;
  const auto = rows.filter((r) => r.category === 'teacher' && r.status === 'auto');
  const withIdent = auto
    .map((r) => ({ r, p: persons.find((p) => p.category === 'teacher' && p.id === r.pronote_id) }))
    .filter((x) => /^\d+$/.test(x.p?.raw?.Ident ?? ''));
  expect(withIdent.length).toBeGreaterThanOrEqual(2);
  [a, b] = [withIdent[0].p as Person, withIdent[1].p as Person];
  account = withIdent[0].r.ent_id;
}, 180_000);

/** Runs the command line with `file` as `--decisions` and checks every point of the issue. */
function checkConflict(name: string, text: string, notRead: number) {
  const path = join(work, name);
  writeFileSync(path, text, 'utf8');
  const out = join(work, `out-${name}`);
  const run = reconcile(['--decisions', path, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  expect(summary.conflicts).toEqual([{ kind: 'same-account', source: name, account, persons: [a.id, b.id].sort() }]);
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('Conflit'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(account);
  // Neither applied: both to review for the conflict, nobody decided.
  expect(summary.decided).toBe(0);
  expect(summary.reasons.teacher.conflict).toBe(2);
  const rows = mapping(out);
  for (const p of [a, b]) expect(rows.find((r) => r.category === 'teacher' && r.pronote_id === p.id)?.status).toBe('review');
  expect(rows.filter((r) => r.ent_id === account && r.status === 'auto').length).toBeLessThanOrEqual(1);
  expect(summary.decisionsFile.notRead).toHaveLength(notRead);
  return { summary, stderr: run.stderr };
}

describe('the command line on decisions giving one account to two persons', () => {
  it('the decisions CSV: a conflict, neither applied; a line it cannot read is listed with its line', () => {
    const csv = [
      'category,pronote_id,ent_id,status,score,last_name,first_name,decision,decided_at',
      `teacher,${a.id},${account},auto,1,A,B,manual,2026-09-01T10:00:00.000Z`,
      `teacher,${b.id},${account},auto,1,C,D,confirmed,2026-09-02T10:00:00.000Z`,
      'teacher,XYZ,123,auto,1,E,F,peut-être,',
      `student,${a.id},,unmatched,0,G,H,unresolved,`,
    ].join('\r\n');
    const { summary, stderr } = checkConflict('decisions.csv', csv, 1);
    expect(summary.decisionsFile).toMatchObject({ format: 'decisions-csv', decisions: 2, noDecision: 1, notRead: [{ location: 'l. 4' }] });
    expect(stderr).toContain('l. 4\u202f: décision «\u202fpeut-être\u202f» inconnue');
    expect(stderr).toContain('l. 4: unknown decision "peut-être"');
  }, 180_000);

  it("the people's table (Excel: semicolons, BOM, French headers and values)", () => {
    const table = [
      '\uFEFFcatégorie;identifiant Pronote;compte ENT;statut;nom;prénom;classe;date de décision',
      `Enseignant;${a.id};${account};à la main;A;B;;01/09/2026`,
      `Enseignant;${b.id};${account};Confirmé;C;D;;02/09/2026`,
      `Élève;P0;;à traiter;E;F;3A;`,
    ].join('\r\n');
    const { summary } = checkConflict('tableau.csv', table, 0);
    expect(summary.decisionsFile).toMatchObject({ format: 'people-table', decisions: 2, noDecision: 1 });
  }, 180_000);

  it('a RapprochementSSO file', () => {
    const row = (p: Person) => ({
      category: p.category,
      pronoteId: p.id,
      status: 'review' as const,
      score: 0,
      lastName: p.lastName,
      firstName: p.firstName,
      ident: p.raw.Ident,
      decision: { kind: 'manual' as const, entId: account, decidedAt: '2026-09-01T10:00:00.000Z' },
    });
    const sso = writeRapprochementSso([row(a), row(b)], { uai: '0000000A', name: 'Test' });
    expect(sso.written).toBe(2);
    const { summary } = checkConflict('RapprochementSSO.xml', sso.xml, 0);
    expect(summary.decisionsFile).toMatchObject({ format: 'rapprochement-sso', decisions: 2 });
  }, 180_000);
});
