/**
 * Pairing quality check for CI (issue 13, "Done when"): on Pronote exports generated from the real
 * AAF files of `../shared/data/aaf-entcore`, one per link form (links on the student side, on the
 * guardian side, none), runs the command line as a user would (`scripts/generate.ts --from-aaf
 * --links …`, then `scripts/reconcile.ts`) and checks the automatic pairs of mapping.csv against the
 * generator's truth.csv:
 * - guardian recall ≥ 95 % when the export carries links, ≥ 90 % when it carries none;
 * - precision of the automatic pairs ≥ 99.9 % (all categories);
 * - no ENT account in two automatic pairs.
 * Recall = right automatic pairs / Pronote persons with an account in the truth. Prints every
 * number (per category and form), then one line per check; exits 1 when a check fails.
 *
 *   npx tsx scripts/check-pairing.ts [--seed N] [--variant NAME] [--forms FORM,…] [--keep DIR]
 *
 * `--variant` generates a harder export (scripts/generator/variants.ts) with the same bars;
 * FORM is one of write-pronote.ts' `LINK_FORMS` (student side, the three guardian-side forms, none);
 * `--keep` leaves the generated exports and the outputs in DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { CATEGORIES } from '../lib/core/person';
import { LINK_FORMS, type LinkForm } from './generator/write-pronote';

const AAF = resolve('../shared/data/aaf-entcore');
const BARS = { guardianWithLinks: 0.95, guardianWithoutLinks: 0.9, precision: 0.999 };

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seed = option('seed') ?? '1';
const variant = option('variant');
const forms = (option('forms')?.split(',') ?? LINK_FORMS) as LinkForm[];
const keep = option('keep');
const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'passerelle-pairing-'));

function tsx(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 << 20,
    timeout: 600_000,
  });
  return { status: r.status, stderr: r.stderr ?? String(r.error ?? '') };
}

interface MappingRow {
  category: string;
  pronote_id: string;
  ent_id: string;
  status: string;
}

interface FormResult {
  form: LinkForm;
  perCategory: Map<string, { withAccount: number; right: number; auto: number; review: number; persons: number }>;
  precision: number;
  wrong: number;
  accountsTwice: number;
  seconds: number;
}

const failures: string[] = [];
const lines: string[] = [];
function check(ok: boolean, what: string): void {
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

function runForm(form: LinkForm): FormResult | undefined {
  const gen = join(work, `export-${form}`);
  const out = join(work, `out-${form}`);
  const g = tsx([
    'scripts/generate.ts',
    '--out',
    gen,
    '--from-aaf',
    AAF,
    '--layouts',
    'partner',
    '--seed',
    seed,
    '--links',
    form,
    ...(variant ? ['--variant', variant] : []),
  ]);
  if (g.status !== 0 || !existsSync(join(gen, 'truth.csv'))) {
    check(false, `${form}: generator wrote the export (exit ${g.status}: ${g.stderr.slice(-400)})`);
    return undefined;
  }
  const t0 = performance.now();
  const r = tsx(['scripts/reconcile.ts', '--pronote', join(gen, 'pronote-export.xml'), '--directory', AAF, '--out', out]);
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 || !existsSync(join(out, 'mapping.csv'))) {
    check(false, `${form}: the command line ran (exit ${r.status}: ${r.stderr.slice(-400)})`);
    return undefined;
  }
  const truth = new Map<string, string>();
  for (const t of Papa.parse<Record<string, string>>(readFileSync(join(gen, 'truth.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data) {
    truth.set(`${t.category}|${t.pronote_id}`, t.ent_id ?? '');
  }
  const rows = Papa.parse<MappingRow>(readFileSync(join(out, 'mapping.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const perCategory: FormResult['perCategory'] = new Map();
  for (const c of [...CATEGORIES, 'overall']) perCategory.set(c, { withAccount: 0, right: 0, auto: 0, review: 0, persons: 0 });
  const autoAccounts = new Map<string, number>();
  let missing = 0;
  for (const row of rows) {
    const key = `${row.category}|${row.pronote_id}`;
    if (!truth.has(key)) missing++;
    const right = truth.get(key) ?? '';
    for (const s of [perCategory.get(row.category), perCategory.get('overall')]) {
      if (!s) continue;
      s.persons++;
      if (right) s.withAccount++;
      if (row.status === 'auto') {
        s.auto++;
        if (row.ent_id === right) s.right++;
      } else if (row.status === 'review') s.review++;
    }
    if (row.status === 'auto') autoAccounts.set(row.ent_id, (autoAccounts.get(row.ent_id) ?? 0) + 1);
  }
  check(
    missing === 0 && rows.length === truth.size,
    `${form}: mapping.csv has one row per person of truth.csv (${rows.length} rows, ${truth.size} in the truth, ${missing} unknown)`,
  );
  const o = perCategory.get('overall')!;
  return {
    form,
    perCategory,
    precision: o.auto ? o.right / o.auto : 1,
    wrong: o.auto - o.right,
    accountsTwice: [...autoAccounts.values()].filter((n) => n > 1).length,
    seconds,
  };
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(2)} %` : '—');

function main(): void {
  console.log(`Pairing check on exports generated from ${AAF} (seed ${seed}${variant ? `, variant ${variant}` : ''}); work folder ${work}`);
  const results: FormResult[] = [];
  for (const form of forms) {
    const r = runForm(form);
    if (r) results.push(r);
  }
  for (const r of results) {
    console.log(`\nlinks: ${r.form} (command line ${r.seconds.toFixed(1)} s)`);
    console.log('  category      persons  with acct   automatic  precision     recall   review');
    for (const [c, s] of r.perCategory) {
      console.log(
        `  ${c.padEnd(11)} ${String(s.persons).padStart(9)} ${String(s.withAccount).padStart(10)} ${String(s.auto).padStart(11)} ${pct(s.right, s.auto).padStart(10)} ${pct(s.right, s.withAccount).padStart(10)} ${pct(s.review, s.persons).padStart(8)}`,
      );
    }
    const gd = r.perCategory.get('guardian')!;
    const bar = r.form === 'none' ? BARS.guardianWithoutLinks : BARS.guardianWithLinks;
    const recall = gd.withAccount ? gd.right / gd.withAccount : 0;
    check(recall >= bar, `${r.form}: guardian recall ${pct(gd.right, gd.withAccount)} ≥ ${bar * 100} %`);
    check(
      r.precision >= BARS.precision,
      `${r.form}: precision ${(r.precision * 100).toFixed(2)} % ≥ ${BARS.precision * 100} % (${r.wrong} wrong automatic pair(s))`,
    );
    check(r.accountsTwice === 0, `${r.form}: no ENT account in two automatic pairs (${r.accountsTwice})`);
  }
  console.log('');
  for (const l of lines) console.log(l);
  console.log(`\n${lines.length - failures.length} passed, ${failures.length} failed`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exitCode = failures.length ? 1 : 0;
}

main();
