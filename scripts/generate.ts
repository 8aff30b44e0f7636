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

function parseArgs(argv: string[]): Args {
  const args: Args = { layouts: LAYOUTS, partial: false, sample: false };
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!value || !Number.isInteger(n) || n < 0) fail(`${flag} expects a whole number, got "${value ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--out':
        if (!value) fail('--out expects a folder');
        args.out = value;
        i++;
        break;
      case '--seed':
        args.seed = number(flag, value);
        i++;
        break;
      case '--students':
        args.students = number(flag, value);
        i++;
        break;
      case '--pronote':
        args.pronote = number(flag, value);
        i++;
        break;
      case '--directory':
        args.directory = number(flag, value);
        i++;
        break;
      case '--from-aaf':
        if (!value) fail('--from-aaf expects a folder of AAF files');
        args.fromAaf = value;
        i++;
        break;
      case '--layouts': {
        const layouts = (value ?? '').split(',').filter(Boolean) as Layout[];
        const unknown = layouts.filter((l) => !LAYOUTS.includes(l));
        if (layouts.length === 0 || unknown.length) fail(`--layouts expects some of ${LAYOUTS.join(',')}, got "${value ?? ''}"`);
        args.layouts = layouts;
        i++;
        break;
      }
      case '--links':
        if (!LINK_FORMS.includes(value as LinkForm)) fail(`--links expects one of ${LINK_FORMS.join(', ')}, got "${value ?? ''}"`);
        args.links = value as LinkForm;
        i++;
        break;
      case '--partial':
        args.partial = true;
        break;
      case '--variant':
        if (value === 'list') {
          for (const v of VARIANTS) console.log(`${v.name.padEnd(24)} ${v.description}`);
          process.exit(0);
        }
        if (!value || !VARIANTS.some((v) => v.name === value)) fail(`--variant expects one of ${VARIANTS.map((v) => v.name).join(', ')}, got "${value ?? ''}"`);
        args.variant = value;
        i++;
        break;
      case '--sample':
        args.sample = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`Unknown option "${flag}"`);
    }
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
