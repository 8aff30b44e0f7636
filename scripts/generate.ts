/**
 * Seeded generator of labelled rapprochement data (issue 3).
 *
 *   npx tsx scripts/generate.ts --out DIR [--seed N] [--students N | --pronote N --directory N]
 *                               [--layouts partner,edt,english] [--links FORM] [--partial]
 *   npx tsx scripts/generate.ts --out DIR --from-aaf ../shared/data/aaf-entcore [--seed N]
 *   npx tsx scripts/generate.ts --sample            (re)writes sample/
 *   ... [--variant NAME|list]
 *
 * Invent mode writes the Pronote export (each layout asked), the ENT directory (aaf/ files and
 * annuaire.csv) and truth.csv. From-AAF mode reads the AAF files given (lib/directory) and writes a
 * Pronote export of the same people, with truth.csv. `--partial` writes the partial export (only
 * persons without a CAS identifier, scripts/generator/partial.ts). `--variant` applies one of the
 * named variants of scripts/generator/variants.ts (`--variant list` lists them); `--links FORM` says how
 * every layout writes the student–guardian links (`LINK_FORMS` of write-pronote.ts; default: the
 * variant's side, else the student side). Progress goes to stderr.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs as nodeParseArgs } from 'node:util';
import { readDirectory } from '../lib/directory';
import { CATEGORIES, type Person } from '../lib/core/person';
import { type Generated, generate, SAMPLE } from './generator/index';
import { partialExport } from './generator/partial';
import { sampleReadme } from './generator/sample-readme';
import { LINK_FORM_OF_SIDE, VARIANTS } from './generator/variants';
import { aafFiles, type OutputFile } from './generator/write-aaf';
import { writeFiles } from './generator/write-files';
import { LAYOUTS, LINK_FORMS, type Layout, type LinkForm, pronoteFiles } from './generator/write-pronote';
import { directoryCsv, truthCsv } from './generator/write-tables';

const USAGE = `Usage:
  npx tsx scripts/generate.ts --out DIR [--seed N] [--students N | --pronote N --directory N]
                              [--layouts partner,edt,english] [--links FORM] [--partial]
  npx tsx scripts/generate.ts --out DIR --from-aaf AAF_DIR [--seed N] [--layouts ...] [--links FORM]
  FORM (student–guardian links): ${LINK_FORMS.join(', ')}
  npx tsx scripts/generate.ts --sample
  --pronote N, --directory N: sizes aimed at; whole families and schools are drawn, so the counts
  written come within a few persons of them (60,000 asked gives 60,010).
Options of both modes: [--variant NAME|list] (scripts/generator/variants.ts)`;

interface Args {
  out?: string;
  seed?: number;
  students?: number;
  pronote?: number;
  directory?: number;
  fromAaf?: string;
  layouts: Layout[];
  /** Undefined: each layout's own default (write-pronote.ts). */
  links?: LinkForm;
  partial: boolean;
  sample: boolean;
  variant?: string;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

/** The command line's options, read by node:util (`--name value` or `--name=value`); throws on an unknown option or a missing value. */
function parseOptions(argv: string[]) {
  return nodeParseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      students: { type: 'string' },
      pronote: { type: 'string' },
      directory: { type: 'string' },
      'from-aaf': { type: 'string' },
      layouts: { type: 'string' },
      links: { type: 'string' },
      variant: { type: 'string' },
      partial: { type: 'boolean' },
      sample: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function parseArgs(argv: string[]): Args {
  let given: ReturnType<typeof parseOptions>;
  try {
    given = parseOptions(argv);
  } catch (error) {
    // node:util's messages name the option: unknown, or missing its value.
    fail(error instanceof Error ? error.message : String(error));
  }
  const v = given.values;
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!value || !Number.isInteger(n) || n < 0) fail(`${flag} expects a whole number, got "${value}"`);
    return n;
  };
  const args: Args = {
    out: v.out,
    seed: number('--seed', v.seed),
    students: number('--students', v.students),
    pronote: number('--pronote', v.pronote),
    directory: number('--directory', v.directory),
    fromAaf: v['from-aaf'],
    layouts: LAYOUTS,
    partial: v.partial ?? false,
    sample: v.sample ?? false,
  };
  if (v.out === '') fail('--out expects a folder');
  if (v['from-aaf'] === '') fail('--from-aaf expects a folder of AAF files');
  if (v.layouts !== undefined) {
    const layouts = v.layouts.split(',').filter(Boolean) as Layout[];
    const unknown = layouts.filter((l) => !LAYOUTS.includes(l));
    if (layouts.length === 0 || unknown.length) fail(`--layouts expects some of ${LAYOUTS.join(',')}, got "${v.layouts}"`);
    args.layouts = layouts;
  }
  if (v.links !== undefined) {
    if (!LINK_FORMS.includes(v.links as LinkForm)) fail(`--links expects one of ${LINK_FORMS.join(', ')}, got "${v.links}"`);
    args.links = v.links as LinkForm;
  }
  if (v.variant === 'list') {
    for (const variant of VARIANTS) console.log(`${variant.name.padEnd(24)} ${variant.description}`);
    process.exit(0);
  }
  if (v.variant !== undefined) {
    if (!VARIANTS.some((variant) => variant.name === v.variant))
      fail(`--variant expects one of ${VARIANTS.map((variant) => variant.name).join(', ')}, got "${v.variant}"`);
    args.variant = v.variant;
  }
  if (args.sample && args.partial) fail('--sample writes the full export: no --partial');
  if (args.sample && (args.variant || args.links)) fail('--sample writes the base draw: no --variant or --links');
  if (args.sample) args.out ??= 'sample';
  args.seed ??= args.sample ? SAMPLE.seed : 1;
  if (!args.out) fail('--out is required');
  if (args.students !== undefined && (args.pronote !== undefined || args.directory !== undefined)) fail('give --students or --pronote/--directory, not both');
  if (args.directory !== undefined && args.pronote === undefined) fail('--directory goes with --pronote');
  if (args.fromAaf && (args.students !== undefined || args.pronote !== undefined)) fail('--from-aaf takes its people from the AAF files: no size to give');
  return args;
}

function counts(persons: Person[]): string {
  return CATEGORIES.map((c) => `${c} ${persons.filter((p) => p.category === c).length}`).join(', ');
}

function readAafFolder(dir: string): Person[] {
  const names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.xml'));
  if (names.length === 0) fail(`No .xml file in ${dir}`);
  const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  const result = readDirectory(files);
  console.error(`Read ${result.persons.length} accounts from ${names.length} files (${result.notRead.length} records not read).`);
  return result.persons;
}

function main(): void {
  try {
    run();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

function run(): void {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out!);
  const started = performance.now();
  let lastShown = 0;
  const onProgress = (done: number, stage: string) => {
    const now = performance.now();
    if (now - lastShown < 1000 && done < 1) return;
    lastShown = now;
    process.stderr.write(`  ${stage} ${(done * 100).toFixed(0)} %\n`);
  };
  let generated: Generated;
  const files: OutputFile[] = [];
  if (args.fromAaf) {
    const persons = readAafFolder(resolve(args.fromAaf));
    generated = generate({ seed: args.seed!, fromAaf: persons, onProgress, variant: args.variant });
  } else {
    const students = args.sample ? SAMPLE.students : args.students;
    generated = generate({
      seed: args.seed!,
      students,
      scale: args.pronote !== undefined ? { pronote: args.pronote, directory: args.directory } : undefined,
      onProgress,
      variant: args.variant,
    });
    files.push(...aafFiles(generated.directory, { schools: [generated.school] }), directoryCsv(generated.directory));
  }
  // The partial export holds only persons without a CAS identifier; its truth.csv, those rows.
  const exported = args.partial ? partialExport(generated, args.seed!) : generated;
  // Links as asked, else where the variant puts them (its guardian side written as `<Eleve Ident>` children).
  const links: LinkForm | undefined = args.links ?? LINK_FORM_OF_SIDE[generated.variant.links];
  files.push(...pronoteFiles(exported.pronote, args.layouts, { kind: args.partial ? 'without-cas-only' : 'all-users', links }), truthCsv(exported.truth));
  if (args.sample) {
    rmSync(join(out, 'aaf'), { recursive: true, force: true });
    files.push(sampleReadme(generated, args.seed!));
  }
  const big = generated.pronote.length + generated.directory.length > 20_000;
  const written = writeFiles(out, files, (name, i, n) => {
    if (big) process.stderr.write(`  writing ${name} (${i + 1}/${n})\n`);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`Pronote: ${exported.pronote.length} persons (${counts(exported.pronote)})${args.partial ? ' (partial export)' : ''}`);
  console.error(`ENT: ${generated.directory.length} accounts (${counts(generated.directory)})`);
  if (generated.variant.name !== 'base' || links) {
    console.error(
      `Variant ${generated.variant.name}, links ${links ?? 'student'}: ${
        Object.entries(generated.variant.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'no change drawn'
      }`,
    );
  }
  console.error(
    `Rates drawn: ${Object.entries(generated.rates)
      .map(([k, v]) => `${k} ${(v * 100).toFixed(1)} %`)
      .join(', ')}`,
  );
  for (const w of written) console.error(`  ${w.path} (${(statSync(w.path).size / 1024).toFixed(0)} KiB)`);
  console.error(`Done in ${seconds} s.`);
}

main();
