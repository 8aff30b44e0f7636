/**
 * `npm test` stage "command line" (scripts/test.mjs runs this file when present): runs the command
 * line as a user would, on the bundled sample and on `../shared/data/aaf-entcore` against a Pronote
 * export generated from it, and checks the output files (issue 4, "Done when"): mapping.csv header,
 * one row per Pronote person read, statuses and scores, all six categories in summary.json, the
 * report; exit 0 when it ran, 2 with the reader's message (no stack trace) when the input cannot be
 * used; exports with the links on the guardian side in each form, and with none (issue 13); what a
 * newcomer met on the sample (an edited tableau.csv kept, records not read said on the terminal,
 * --mapping documented and tried from the README, --uai on the sample, a cut export, unusable
 * --decisions files, an unwritable --out, English text without a space before colons). Prints each
 * check; exits non-zero on any failure. No subset: run it whole (`npx tsx scripts/cli-check.ts`).
 */
import { escapeHtml, REPORT_CSP } from '../lib/report/report-html';
import { formatNumber } from '../lib/core/format';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { CATEGORIES, type Person } from '../lib/core/person';
import { MAPPING_CSV_HEADER } from '../lib/report/mapping-csv';
import { generate } from './generator/index';
import { writeFiles } from './generator/write-files';
import { partnerExport } from './generator/write-pronote';

const AAF = '../shared/data/aaf-entcore';
const work = mkdtempSync(join(tmpdir(), 'passerelle-cli-'));
let failures = 0;
let passes = 0;

function check(ok: boolean, what: string, detail = ''): void {
  if (ok) passes++;
  else failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `: ${detail}` : ''}`);
}

function tsx(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // A command that hangs fails its checks (status null) instead of hanging the tests.
  const r = spawnSync('npx', ['tsx', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 << 20, timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function reconcile(args: string[]) {
  return tsx(['scripts/reconcile.ts', ...args]);
}

interface Row {
  category: string;
  pronote_id: string;
  ent_id: string;
  status: string;
  score: string;
  last_name: string;
  first_name: string;
}

/** Checks the three output files of a run; returns the rows of mapping.csv. */
function checkOutputs(label: string, out: string, expectedRows?: number): Row[] {
  const csvText = readFileSync(join(out, 'mapping.csv'), 'utf8');
  check(!csvText.startsWith('\uFEFF'), `${label}: mapping.csv is UTF-8 without BOM`);
  const headerLine = csvText.split(/\r?\n/, 1)[0];
  check(headerLine === MAPPING_CSV_HEADER.join(','), `${label}: mapping.csv header is exactly ${MAPPING_CSV_HEADER.join(',')}`, headerLine);
  const rows = Papa.parse<Row>(csvText, { header: true, skipEmptyLines: true }).data;
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const readTotal = CATEGORIES.reduce((n, c) => n + (summary.pronote?.read?.[c] ?? 0), 0);
  check(rows.length === readTotal && readTotal > 0, `${label}: one mapping.csv row per Pronote person read (${readTotal})`, `${rows.length} rows`);
  if (expectedRows !== undefined) check(rows.length === expectedRows, `${label}: rows = Pronote persons written (${expectedRows})`, `${rows.length}`);
  const badStatus = rows.filter((r) => !['auto', 'review', 'unmatched'].includes(r.status));
  check(badStatus.length === 0, `${label}: every status is auto, review or unmatched`, JSON.stringify(badStatus[0]));
  const badCategory = rows.filter((r) => !(CATEGORIES as readonly string[]).includes(r.category));
  check(badCategory.length === 0, `${label}: every category is one of the six`, JSON.stringify(badCategory[0]));
  const badScore = rows.filter((r) => !/^(0|1|0\.\d+)$/.test(r.score) || Number(r.score) < 0 || Number(r.score) > 1);
  check(badScore.length === 0, `${label}: every score is a number in [0, 1]`, JSON.stringify(badScore[0]));
  const badEnt = rows.filter((r) => (r.status === 'unmatched') !== (r.ent_id === '') || (r.status === 'unmatched' && r.score !== '0'));
  check(badEnt.length === 0, `${label}: ent_id empty and score 0 exactly for unmatched rows`, JSON.stringify(badEnt[0]));
  const autoIds = rows.filter((r) => r.status === 'auto').map((r) => `${r.category}|${r.ent_id}`);
  check(new Set(autoIds).size === autoIds.length, `${label}: no ENT account in two automatic pairs of a category`);
  const ids = rows.map((r) => `${r.category}|${r.pronote_id}`);
  check(new Set(ids).size === ids.length, `${label}: one row per Pronote identifier`);

  const six = (o: unknown) => !!o && CATEGORIES.every((c) => typeof (o as Record<string, unknown>)[c] !== 'undefined');
  check(
    six(summary.pronote?.read) && typeof summary.pronote?.notRead === 'number',
    `${label}: summary.json pronote.read has the six categories, notRead a number`,
  );
  check(
    six(summary.directory?.read) && typeof summary.directory?.notRead === 'number',
    `${label}: summary.json directory.read has the six categories, notRead a number`,
  );
  const pairsOk = six(summary.pairs) && CATEGORIES.every((c) => ['auto', 'review', 'unmatched'].every((s) => Number.isInteger(summary.pairs[c][s])));
  check(pairsOk, `${label}: summary.json pairs has auto/review/unmatched for the six categories`);
  const pairsMatch = CATEGORIES.every((c) =>
    ['auto', 'review', 'unmatched'].every((s) => summary.pairs[c][s] === rows.filter((r) => r.category === c && r.status === s).length),
  );
  check(pairsMatch, `${label}: summary.json pairs agree with mapping.csv`);
  check(typeof summary.seconds === 'number' && summary.seconds >= 0, `${label}: summary.json seconds is a number`);

  const html = readFileSync(join(out, 'report.html'), 'utf8');
  check(html.startsWith('<!DOCTYPE html>') && html.includes('</html>'), `${label}: report.html is a whole HTML document`);
  check(
    html.includes('<html lang="fr">') && html.includes('Personnes restantes, par raison') && !html.includes('People left'),
    `${label}: report.html is in French by default and lists the people left by reason`,
  );
  check(
    CATEGORIES.every((c) => html.includes(`<td class="n">${formatNumber(summary.pairs[c].auto, 'fr')}</td>`)),
    `${label}: report.html shows the counts`,
  );
  // The people left by name (issue 18, point 5): every one of the first thousand, as escaped text.
  const left = rows.filter((r) => r.status !== 'auto').slice(0, 1000);
  const unnamed = left.filter((r) => !html.includes(`<td>${escapeHtml([r.last_name, r.first_name].filter(Boolean).join(' ') || r.pronote_id)}</td>`));
  check(unnamed.length === 0, `${label}: report.html names the people left (${left.length} checked)`, JSON.stringify(unnamed[0]));
  const csp = /<head><meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  check(
    csp === REPORT_CSP && /script-src 'none'/.test(csp) && !/<script/i.test(html),
    `${label}: report.html carries its CSP first in the head (no script allowed) and holds no script`,
    csp,
  );
  return rows;
}

function truthOf(path: string): Map<string, string> {
  const rows = Papa.parse<{ category: string; pronote_id: string; ent_id: string }>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return new Map(rows.map((r) => [`${r.category}|${r.pronote_id}`, r.ent_id]));
}

function precision(rows: Row[], truth: Map<string, string>): number {
  const auto = rows.filter((r) => r.status === 'auto');
  return auto.filter((r) => truth.get(`${r.category}|${r.pronote_id}`) === r.ent_id).length / (auto.length || 1);
}

try {
  // 1. The bundled sample.
  check(existsSync('sample'), 'sample/ is present (scripts/generate.ts --sample writes it)');
  const sampleOut = join(work, 'sample');
  const s = reconcile(['--sample', '--out', sampleOut]);
  check(s.status === 0, '--sample: exit code 0', `${s.status} ${s.stderr.slice(-500)}`);
  if (s.status === 0) {
    const rows = checkOutputs('--sample', sampleOut);
    if (existsSync('sample/truth.csv')) {
      const p = precision(rows, truthOf('sample/truth.csv'));
      check(p >= 0.99, `--sample: automatic pairs right against sample/truth.csv (${(p * 100).toFixed(2)} %)`);
    }
  }

  // 1b. report.html in English (`--lang en`), a language it does not know refused, and the help.
  const englishOut = join(work, 'sample-en');
  const e = reconcile(['--sample', '--lang', 'en', '--out', englishOut]);
  check(e.status === 0, '--sample --lang en: exit code 0', `${e.status} ${e.stderr.slice(-500)}`);
  if (e.status === 0) {
    const html = readFileSync(join(englishOut, 'report.html'), 'utf8');
    check(
      html.includes('<html lang="en">') &&
        html.includes('People left, by reason') &&
        html.includes('What to do:') &&
        !/Personnes restantes|À faire|Catégorie/.test(html),
      '--lang en: report.html is in English',
    );
    const csp = /<head><meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    check(csp === REPORT_CSP && !/<script/i.test(html), '--lang en: report.html carries its CSP first in the head and holds no script', csp);
  }
  const badLang = reconcile(['--sample', '--lang', 'de', '--out', join(work, 'de')]);
  check(
    badLang.status === 2 && /--lang/.test(badLang.stderr),
    '--lang de: exit code 2 with a message naming --lang',
    `${badLang.status} ${badLang.stderr.slice(-300)}`,
  );
  const help = reconcile(['--help']);
  check(help.status === 0 && /--lang fr\|en/.test(help.stdout), '--help: exit code 0, lists --lang fr|en', `${help.status} ${help.stdout.slice(0, 300)}`);

  // 1c. What a newcomer met on the sample.
  // An edited tableau.csv in --out: kept, unless given back with --decisions (or --force).
  const kept = join(work, 'kept');
  check(reconcile(['--sample', '--out', kept]).status === 0, 'tableau.csv: a first run writes it');
  const tableau = join(kept, 'tableau.csv');
  const lines = readFileSync(tableau, 'utf8').split('\r\n');
  const cells = lines[1].split(';');
  cells[3] = 'confirmé';
  lines[1] = cells.join(';');
  const edited = lines.join('\r\n');
  writeFileSync(tableau, edited, 'utf8');
  const again = reconcile(['--sample', '--out', kept]);
  check(
    again.status === 2 && readFileSync(tableau, 'utf8') === edited,
    'tableau.csv with a decision typed in: a run without --decisions exits 2 and leaves it as it was',
    `${again.status} ${again.stderr.slice(0, 300)}`,
  );
  check(
    /décision\(s\) saisie\(s\)[\s\S]*--decisions [\s\S]*--out[\s\S]*--force/.test(again.stderr) &&
      /decision\(s\) typed in[\s\S]*--decisions [\s\S]*--out[\s\S]*--force/.test(again.stderr) &&
      again.stderr.includes(tableau) &&
      !again.stderr.includes('Utilisation / Usage'),
    'tableau.csv kept: the message names the file and the three ways out (--decisions, --out, --force), in French and English',
    again.stderr.slice(0, 400),
  );
  const carried = reconcile(['--sample', '--decisions', tableau, '--out', kept]);
  check(
    carried.status === 0 && readFileSync(tableau, 'utf8').split('\r\n')[1] === lines[1].replace(/;automatique;|;confirmé;/, ';confirmé;'),
    'tableau.csv given back with --decisions: the run goes through and the decision stays in the new table',
    `${carried.status} ${carried.stderr.slice(0, 300)} ${readFileSync(tableau, 'utf8').split('\r\n')[1]}`,
  );
  const forced = reconcile(['--sample', '--force', '--out', kept]);
  check(forced.status === 0 && !readFileSync(tableau, 'utf8').includes('confirmé'), '--force: the table is overwritten', forced.stderr.slice(0, 300));
  check(/--force/.test(help.stdout) && /--force/.test(readFileSync('README.md', 'utf8')), '--help and the README name --force');
  // A rejection typed in the table stays one, with its account and date, run after run.
  const rejectedCells = readFileSync(tableau, 'utf8').split('\r\n')[2].split(';');
  rejectedCells[3] = 'rejeté';
  rejectedCells[7] = '03/09/2026';
  const rejectedLine = rejectedCells.join(';');
  const withRejection = readFileSync(tableau, 'utf8').split('\r\n');
  withRejection[2] = rejectedLine;
  writeFileSync(tableau, withRejection.join('\r\n'), 'utf8');
  const [second, third] = [join(work, 'rejected-2'), join(work, 'rejected-3')];
  const run2 = reconcile(['--sample', '--decisions', tableau, '--out', second]);
  const run3 = reconcile(['--sample', '--decisions', join(second, 'tableau.csv'), '--out', third]);
  const rowOf = (dir: string) =>
    readFileSync(join(dir, 'tableau.csv'), 'utf8')
      .split('\r\n')
      .find((l) => l.split(';')[1] === rejectedCells[1]);
  check(
    run2.status === 0 && run3.status === 0 && rowOf(second) === rejectedLine && rowOf(third) === rejectedLine,
    'a rejection typed in tableau.csv is written back as one (the account refused, its date), and the run after keeps it',
    `${rowOf(second)} | ${rowOf(third)} | want ${rejectedLine}`,
  );

  // Records not read: counted on the terminal, Pronote and ENT apart, with where the list is.
  const damaged = join(work, 'aaf-damaged');
  mkdirSync(damaged);
  for (const name of readdirSync('sample/aaf')) {
    let text = readFileSync(join('sample/aaf', name), 'utf8');
    if (/_Eleve_/.test(name)) text = text.replace('</ficAlimMENESR>', '<deleteRequest><identifier><id>X1</id></identifier></deleteRequest>\n</ficAlimMENESR>');
    writeFileSync(join(damaged, name), text, 'utf8');
  }
  const nr = reconcile(['--pronote', 'sample/pronote-export.xml', '--directory', damaged, '--out', join(work, 'not-read')]);
  check(
    nr.status === 0 &&
      nr.stderr.includes('1 enregistrement(s) non lu(s) (Pronote\u202f: 0, ENT\u202f: 1)') &&
      nr.stderr.includes('1 record(s) not read (Pronote: 0, ENT: 1)') &&
      nr.stderr.includes(join(work, 'not-read', 'report.html')),
    'records not read: counted on the terminal with where the list is (report.html), in French and English',
    nr.stderr.slice(-600),
  );

  // --mapping: --help says what it takes; the README's example profile reads the sample's English layout.
  check(
    /--pronote[^\n]*XML/.test(help.stdout) && !/XML ou CSV/.test(help.stdout) && /"categories"/.test(help.stdout),
    '--help: --pronote takes XML, --mapping shows the profile format',
  );
  const profileJson = /```json\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1] ?? '';
  const profilePath = join(work, 'profile.json');
  writeFileSync(profilePath, profileJson, 'utf8');
  const mapped = reconcile(['--pronote', 'sample/pronote-english.xml', '--directory', 'sample/aaf', '--mapping', profilePath, '--out', join(work, 'mapped')]);
  if (mapped.status === 0) {
    const rows = Papa.parse<Row>(readFileSync(join(work, 'mapped', 'mapping.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const p = precision(rows, truthOf('sample/truth.csv'));
    check(
      rows.length === 723 && p >= 0.99,
      `--mapping with the README's profile: the 723 persons of sample/pronote-english.xml read and paired (${(p * 100).toFixed(2)} %)`,
      String(rows.length),
    );
  } else check(false, "--mapping with the README's profile: exit code 0", mapped.stderr.slice(0, 300));
  const csvExport = join(work, 'pronote.csv');
  writeFileSync(csvExport, 'Nom;Prénom;Identifiant\nDUPONT;Jean;123\nMARTIN;Léa;124\n', 'utf8');
  const csvRun = reconcile(['--pronote', csvExport, '--directory', 'sample/aaf', '--out', join(work, 'csv')]);
  check(
    csvRun.status === 2 && /L’option --mapping ne permet pas non plus de lire un CSV[\s\S]*The --mapping option cannot read a CSV either/.test(csvRun.stderr),
    'a Pronote CSV: exit 2, the refusal says what --mapping takes',
    csvRun.stderr.slice(0, 400),
  );

  // --uai on the sample (its aaf/ holds an EtabEducNat file); an unknown one said like the other messages.
  const uaiSample = reconcile(['--sample', '--uai', '0482409H', '--out', join(work, 'uai-sample')]);
  const sampleScope = uaiSample.status === 0 ? JSON.parse(readFileSync(join(work, 'uai-sample', 'summary.json'), 'utf8')).scope : undefined;
  check(
    sampleScope?.from === 'uai' && sampleScope.askedKnown === true,
    '--sample --uai 0482409H: the sample school is known by its UAI',
    JSON.stringify(sampleScope),
  );
  const uaiOther = reconcile(['--sample', '--uai', '9999999Z', '--out', join(work, 'uai-other')]);
  const fr = uaiOther.stderr.split('\n').find((l) => l.startsWith('UAI 9999999Z inconnu')) ?? '';
  const en = uaiOther.stderr.split('\n').find((l) => l.startsWith('UAI 9999999Z unknown')) ?? '';
  check(
    fr.includes('l’annuaire') && !fr.includes("'") && fr.includes('\u202f:') && !fr.includes(' / ') && en !== '' && !en.includes(' :'),
    '--uai unknown: a French line (’, narrow space before the colon), then an English one',
    `${fr} | ${en}`,
  );

  // A cut export, as an interrupted copy leaves it (inside a tag): said to be cut, not invalid XML.
  const cut = join(work, 'coupe.xml');
  writeFileSync(cut, readFileSync('sample/pronote-export.xml', 'utf8').slice(0, 5000), 'utf8');
  const cutRun = reconcile(['--pronote', cut, '--directory', 'sample/aaf', '--out', join(work, 'bad')]);
  check(
    cutRun.status === 2 &&
      /est incomplet[\s\S]*coupé pendant la copie ou le téléchargement[\s\S]*is incomplete[\s\S]*cut off while copied or downloaded/.test(cutRun.stderr) &&
      !/valid XML/.test(cutRun.stderr),
    'a Pronote export cut inside a tag: exit 2, said to be cut (incomplete copy or download)',
    cutRun.stderr.slice(0, 400),
  );

  // --decisions files that are not decisions files: their kind, not a missing column.
  const emptyFile = join(work, 'vide.csv');
  writeFileSync(emptyFile, '');
  const pdf = join(work, 'decisions.pdf');
  writeFileSync(pdf, '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  for (const [file, fr, en] of [
    [emptyFile, 'est vide', 'is empty'],
    [pdf, 'est un document PDF', 'is a PDF document'],
  ] as const) {
    const r = reconcile(['--sample', '--decisions', file, '--out', join(work, 'bad')]);
    check(
      r.status === 2 && r.stderr.includes(fr) && r.stderr.includes(en) && !/colonne|column/.test(r.stderr),
      `--decisions ${file.split('/').pop()}: exit 2, "${en}", no missing column`,
      r.stderr.slice(0, 300),
    );
  }

  // English text has no space before a colon: the report in English and the terminal's lines.
  const enHtml = existsSync(join(englishOut, 'report.html')) ? readFileSync(join(englishOut, 'report.html'), 'utf8') : '';
  const enText = enHtml.replace(/<style[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '');
  const spaced = /.{0,40}[\s\u202f\u00a0]:.{0,20}/.exec(enText)?.[0];
  check(enText.length > 0 && !spaced, '--lang en: no space before a colon in report.html', spaced);
  const enLines = [e, nr, uaiOther].flatMap((r) => r.stderr.split('\n')).filter((l) => /^\d+ (Pronote person|record)|^UAI \S+ unknown|^Conflict/.test(l));
  const spacedLine = enLines.find((l) => /[\s\u202f]:/.test(l));
  check(enLines.length >= 3 && !spacedLine, 'the English terminal lines have no space before a colon', spacedLine);

  // 2. The real AAF feed (ten structures, one directory) against a Pronote export generated from it.
  const gen = join(work, 'from-aaf');
  const g = tsx(['scripts/generate.ts', '--out', gen, '--from-aaf', AAF, '--layouts', 'partner', '--seed', '7']);
  check(g.status === 0 && existsSync(join(gen, 'truth.csv')), 'generator: Pronote export written from ../shared/data/aaf-entcore', g.stderr.slice(-500));
  const pronoteFile = join(gen, 'pronote-export.xml');
  const aafOut = join(work, 'aaf');
  const a = reconcile(['--pronote', pronoteFile, '--directory', AAF, '--out', aafOut]);
  check(a.status === 0, 'aaf-entcore: exit code 0', `${a.status} ${a.stderr.slice(-500)}`);
  if (a.status === 0) {
    const seconds = JSON.parse(readFileSync(join(aafOut, 'summary.json'), 'utf8')).seconds;
    if (seconds > 1.5)
      check(/Rapprochement \d+ % \([^)]*\) \/ Pairing \d+ %/.test(a.stderr), `aaf-entcore: a progress line on stderr (the run took ${seconds} s)`);
    const truth = truthOf(join(gen, 'truth.csv'));
    const rows = checkOutputs('aaf-entcore', aafOut, truth.size);
    const p = precision(rows, truth);
    check(p >= 0.99, `aaf-entcore: automatic pairs right against truth.csv (${(p * 100).toFixed(2)} %)`);
    const summary = JSON.parse(readFileSync(join(aafOut, 'summary.json'), 'utf8'));
    check(
      summary.directory.read.student === 642,
      'aaf-entcore: the 642 students of the feed are read as one directory',
      String(summary.directory.read.student),
    );
  }

  // 2a. --uai (issue 13, point 2): a UAI of the feed (EtabEducNat) is the scope; one it does not
  // know restricts nothing, and stderr and summary.json say so.
  const known = reconcile(['--pronote', pronoteFile, '--directory', AAF, '--uai', '1004001v', '--out', join(work, 'uai-known')]);
  check(known.status === 0, '--uai 1004001V: exit code 0', known.stderr.slice(-300));
  if (known.status === 0) {
    const scope = JSON.parse(readFileSync(join(work, 'uai-known', 'summary.json'), 'utf8')).scope;
    check(
      scope?.from === 'uai' && scope.askedKnown === true && scope.structures?.[0] === '1004001V',
      '--uai 1004001V: summary.json scope from the UAI',
      JSON.stringify(scope),
    );
  }
  const unknown = reconcile(['--pronote', pronoteFile, '--directory', AAF, '--uai', '9999999Z', '--out', join(work, 'uai-unknown')]);
  check(unknown.status === 0, '--uai unknown: exit code 0', unknown.stderr.slice(-300));
  if (unknown.status === 0) {
    const scope = JSON.parse(readFileSync(join(work, 'uai-unknown', 'summary.json'), 'utf8')).scope;
    check(scope?.askedKnown === false && scope.from !== 'uai', '--uai unknown: summary.json says it restricts nothing', JSON.stringify(scope));
    check(
      /UAI 9999999Z inconnu/.test(unknown.stderr) && /UAI 9999999Z unknown/.test(unknown.stderr),
      '--uai unknown: said on stderr, in French and English',
      unknown.stderr.slice(-300),
    );
  }

  // 2b. Links on the guardian's side, in each form, in the partner layout and a sniffed one (issue 13,
  // point 1): guardians pair as with links on the student's side; with no link, the run says so.
  const guardianRecall = (rows: Row[], truth: Map<string, string>) => {
    const guardians = rows.filter((r) => r.category === 'guardian' && truth.get(`guardian|${r.pronote_id}`));
    const right = guardians.filter((r) => r.status === 'auto' && truth.get(`guardian|${r.pronote_id}`) === r.ent_id).length;
    return right / (guardians.length || 1);
  };
  for (const [form, layouts] of [
    ['guardian-elements', ['partner', 'edt']],
    ['guardian-enfant', ['partner', 'english']],
    ['guardian-attribute', ['partner', 'edt']],
    ['none', ['partner']],
  ] as const) {
    const dir = join(work, `links-${form}`);
    const made = tsx(['scripts/generate.ts', '--out', dir, '--from-aaf', AAF, '--layouts', layouts.join(','), '--links', form, '--seed', '7']);
    check(made.status === 0, `generator: --links ${form} from ../shared/data/aaf-entcore`, made.stderr.slice(-300));
    if (made.status !== 0) continue;
    const truth = truthOf(join(dir, 'truth.csv'));
    for (const layout of layouts) {
      const file = join(dir, layout === 'partner' ? 'pronote-export.xml' : `pronote-${layout}.xml`);
      const out = join(dir, `out-${layout}`);
      const r = reconcile(['--pronote', file, '--directory', AAF, '--out', out]);
      check(r.status === 0, `links ${form}, ${layout}: exit code 0`, r.stderr.slice(-300));
      if (r.status !== 0) continue;
      const rows = Papa.parse<Row>(readFileSync(join(out, 'mapping.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      const p = precision(rows, truth);
      check(p >= 0.999, `links ${form}, ${layout}: automatic pairs right (${(p * 100).toFixed(2)} %)`);
      if (form === 'none') {
        check(
          summary.pronote.guardianLinks?.linked === 0,
          `links ${form}, ${layout}: summary.json says no guardian is linked`,
          JSON.stringify(summary.pronote.guardianLinks),
        );
      } else {
        const g = guardianRecall(rows, truth);
        check(g >= 0.95, `links ${form}, ${layout}: guardians paired (${(g * 100).toFixed(1)} %, at least 95 %)`);
        check(
          summary.pronote.guardianLinks?.linked > 0,
          `links ${form}, ${layout}: guardians linked to their children`,
          JSON.stringify(summary.pronote.guardianLinks),
        );
      }
    }
  }

  // 3. Input that cannot be used: exit 2, the reader's message, no stack trace.
  const bad = [
    {
      label: 'an AAF file given as the Pronote export',
      args: ['--pronote', join(AAF, 'FULL_ENTTSSERVICES_Complet_20130117_Eleve_0001.xml'), '--directory', AAF],
    },
    { label: 'a missing file', args: ['--pronote', join(work, 'nothing.xml'), '--directory', AAF] },
    { label: 'no --directory', args: ['--pronote', pronoteFile] },
    { label: 'a folder given as the Pronote export', args: ['--pronote', work, '--directory', AAF], says: /est un dossier[\s\S]*is a folder/ },
    {
      label: '--out naming an existing file',
      args: ['--pronote', pronoteFile, '--directory', AAF],
      out: pronoteFile,
      says: /pas un dossier[\s\S]*not a folder/,
    },
    { label: '--out under /dev/full', args: ['--pronote', pronoteFile, '--directory', AAF], out: '/dev/full/out', says: /pas un dossier[\s\S]*not a folder/ },
    // Node's recursive mkdir loops forever there (ENOENT for a folder /proc never makes).
    {
      label: '--out under /proc',
      args: ['--pronote', pronoteFile, '--directory', AAF],
      out: '/proc/passerelle-out',
      says: /Impossible de créer le dossier --out \/proc\/passerelle-out\u202f: le système ne permet pas d’y créer un dossier[\s\S]*Cannot create the --out folder \/proc\/passerelle-out: the system does not allow a folder there/,
    },
  ];
  const pronoteBefore = readFileSync(pronoteFile, 'utf8');
  for (const b of bad) {
    const r = reconcile([...b.args, '--out', b.out ?? join(work, 'bad')]);
    check(r.status === 2, `${b.label}: exit code 2`, String(r.status));
    check(r.stderr.trim().length > 0 && !/\n\s+at /.test(r.stderr), `${b.label}: a message on stderr without stack trace`, r.stderr.slice(0, 300));
    if (b.says) check(b.says.test(r.stderr) && !/Erreur interne/.test(r.stderr), `${b.label}: a plain message in French and English`, r.stderr.slice(0, 300));
  }
  check(readFileSync(pronoteFile, 'utf8') === pronoteBefore, '--out naming an existing file: that file is left as it was');
  const truncated = join(work, 'truncated.xml');
  writeFiles(work, [{ name: 'truncated.xml', chunks: () => [readFileSync(pronoteFile, 'utf8').slice(0, 5000)] }]);
  const t = reconcile(['--pronote', truncated, '--directory', AAF, '--out', join(work, 'bad')]);
  check(
    t.status === 2 && /truncated\.xml/.test(t.stderr) && !/\n\s+at /.test(t.stderr),
    'a truncated Pronote export: exit 2 naming the file, no stack trace',
    t.stderr.slice(0, 300),
  );

  // Above the limit, refused from the file's size (statSync) before reading: sparse files take no
  // disk; the 5 GB one could not even be read by readFileSync (2 GB limit), so only a check made
  // before reading gives the size message (issue 15, point 7).
  for (const [name, size] of [
    ['enorme.xml', 300],
    ['geant.xml', 5120],
  ] as const) {
    const big = join(work, name);
    writeFileSync(big, '');
    truncateSync(big, size * 1024 * 1024);
    const r = reconcile(['--pronote', big, '--directory', AAF, '--out', join(work, 'bad')]);
    check(
      r.status === 2 &&
        r.stderr.includes(`«\u202f${name}\u202f» fait ${size} Mo`) &&
        r.stderr.includes(`"${name}" is ${size} MB`) &&
        r.stderr.includes('jusqu’à 250 Mo'),
      `a ${size} MB Pronote export: exit 2, refused from its size (name, size and limit in French and English)`,
      r.stderr.slice(0, 300),
    );
    rmSync(big);
  }

  // Relative paths are the user's, even though `npm run` starts the script in the project folder.
  const elsewhere = join(work, 'elsewhere');
  mkdirSync(join(elsewhere, 'in'), { recursive: true });
  copyFileSync(pronoteFile, join(elsewhere, 'in', 'export.xml'));
  const rel = spawnSync(
    'npm',
    ['--prefix', process.cwd(), 'run', 'reconcile', '--', '--pronote', 'in/export.xml', '--directory', resolve(AAF), '--out', 'out'],
    { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 180_000 },
  );
  check(
    rel.status === 0 && existsSync(join(elsewhere, 'out', 'mapping.csv')),
    'npm run reconcile from another folder: relative paths are read and written from that folder',
    (rel.stderr ?? '').slice(-300),
  );

  // 4. Markup in names is written as text in the report.
  const hostile: Person[] = generate({ seed: 3, students: 20 }).pronote.slice(0, 30);
  hostile[0] = { ...hostile[0], lastName: '<script>alert(1)</script>', firstName: '<img src=x onerror=alert(2)>' };
  writeFiles(join(work, 'hostile'), [partnerExport(hostile)]);
  const hostileOut = join(work, 'hostile-out');
  const h = reconcile(['--pronote', join(work, 'hostile', 'pronote-export.xml'), '--directory', AAF, '--out', hostileOut]);
  check(h.status === 0, 'names with markup: exit code 0', h.stderr.slice(-300));
  if (h.status === 0) {
    const html = readFileSync(join(hostileOut, 'report.html'), 'utf8');
    check(!html.includes('<script>alert') && !html.includes('<img src=x'), 'names with markup: no markup from the files in report.html');
    check(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), 'names with markup: shown as escaped text');
  }
} catch (e) {
  failures++;
  console.log(`FAIL the check itself crashed: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\ncommand line: ${passes} checks passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
