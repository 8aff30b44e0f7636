/**
 * The command line (PRODUCT.md §5, issue 4 "Command line"):
 *
 *   npm run reconcile -- --pronote FILE --directory FILE_OR_FOLDER [...] [--mapping PROFILE.json]
 *                        [--decisions FILE] [--uai UAI] [--lang fr|en] --out DIR
 *   npm run reconcile -- --sample --out DIR
 *
 * `--lang`: the language of `report.html` (French by default); the other files are the same in both.
 *
 * `--uai`: the school's UAI, as the `EtabEducNat` file's `ENTStructureUAI` gives it (the reader
 * turns the feed's structure ids into UAIs): its accounts come first, those of other schools are
 * weighed down, never removed. A UAI that no account holds restricts nothing, and stderr and
 * `summary.json` (`scope.askedKnown: false`) say so; the scope is then found from the sure pairs.
 *
 * Writes DIR/mapping.csv, DIR/tableau.csv (the people's table for Excel), DIR/summary.json and DIR/report.html. Exit 0 when it ran (records not
 * read are counted on stderr and listed in report.html, not fatal); 2 when the input cannot be used
 * (the reader's message on stderr, no stack trace); 1 on an internal fault. A progress line on
 * stderr when the work takes over a second. Messages come in French, then the same in English on
 * the next line.
 *
 * `--force`: DIR/tableau.csv may hold decisions the admin typed in it; a run that would not carry
 * them (not given back with `--decisions`) refuses to overwrite it unless `--force` is given.
 */
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readDirectory } from '../lib/directory';
import { decodeBytes } from '../lib/input/decode';
import { looksLikeTable } from '../lib/input/file-kind';
import { assertSizeOf } from '../lib/input/limits';
import type { InputFile } from '../lib/input/source';
import { type FormatLang, formatDateTime } from '../lib/core/format';
import { InputError, type NotRead, type Person } from '../lib/core/person';
import { CATEGORY_NAMES, type Category } from '../lib/core/vocabulary';
import { isMappingProfile, type MappingProfile, readPronoteExport } from '../lib/pronote';
import type { Decision, Proposal, ScopeInfo } from '../lib/matching/types';
import { type Conflict, type DecisionSource, pairPersons, readDecisionsFile } from '../lib/rapprochement';
import { writeMappingCsv } from '../lib/report/mapping-csv';
import { writePeopleCsv } from '../lib/report/people-csv';
import { writeReportHtml } from '../lib/report/report-html';
import { reportRows } from '../lib/report/report-rows';
import { buildSummary } from '../lib/report/summary';
import { makeFolder } from './make-folder';

const USAGE = `Utilisation / Usage:
  npm run reconcile -- --pronote FICHIER --directory FICHIER_OU_DOSSIER [...] [--mapping PROFIL.json] [--decisions FICHIER] [--uai UAI] [--lang fr|en] [--force] --out DOSSIER
  npm run reconcile -- --sample --out DOSSIER

  --pronote FICHIER…      export Pronote en XML (un CSV n’est pas lu) / Pronote export as XML (a CSV is not read)
  --directory FICHIER…    annuaire ENT (fichiers AAF, dossier ou CSV) / ENT directory (AAF files, folder or CSV)
  --mapping PROFIL.json   profil de correspondance (JSON) pour un export XML d’une autre mise en page, enregistré
                          depuis l’écran de correspondance ou écrit à la main (format et exemple\u202f: README)
                          / mapping profile (JSON) for an XML export of another layout, saved from the mapping
                          screen or written by hand (format and example: README)
                          {"name": "…", "categories": {"student": {"element": "User", "categoryValue": "Student"}, …},
                           "fields": {"id": "id", "category": "category", "lastName": "lastName", "firstName": "firstName", …}}
  --decisions FICHIER     décisions déjà prises (CSV des décisions, tableau.csv, RapprochementSSO) / decisions already made
  --uai UAI               établissement dans un annuaire de plusieurs (UAI du fichier EtabEducNat)
                          / the school in a directory of several (UAI of the EtabEducNat file)
  --lang fr|en            langue de report.html (fr par défaut) / language of report.html (default fr)
  --sample                l’échantillon fourni (sample/) / the bundled sample (sample/)
  --out DOSSIER           où écrire mapping.csv, tableau.csv, summary.json, report.html / where to write them
  --force                 écrase un tableau.csv de --out qui contient des décisions que ce calcul ne reprend pas
                          (sinon refusé\u202f: reprenez-le avec --decisions) / overwrite a tableau.csv in --out holding
                          decisions this run does not carry (refused otherwise: give it back with --decisions)
  --help                  cette aide / this help`;

/** The import mode an export is made for: all users for « complet », those without CAS identifiers for « partiel ». */
const MODE_OF_EXPORT = { 'all-users': 'complet', 'without-cas-only': 'partiel', unknown: undefined } as const;

/** The school year at a date: from August on, `yyyy-(yyyy+1)` (as the panel's start screen). */
function schoolYearAt(date: Date): string {
  const y = date.getUTCFullYear();
  return date.getUTCMonth() >= 7 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** A message for the user in both languages; exit code 2. */
class UsageError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
    /** False when the message says all there is to do: the usage is not printed after it. */
    readonly showUsage = true,
  ) {
    super(en);
  }
}

/** A message on stderr: the French line, then the English one (every message of the command line). */
function say(fr: string, en: string): void {
  process.stderr.write(`${fr}\n${en}\n`);
}

interface Args {
  pronote: string[];
  directory: string[];
  mapping?: string;
  decisions?: string;
  /** The school's UAI (`--uai`): the engine's scope. */
  uai?: string;
  out?: string;
  sample: boolean;
  /** The language of report.html (`--lang`, French by default). */
  lang: FormatLang;
  help?: boolean;
  /** `--force`: overwrite a tableau.csv in `--out` even when it holds decisions this run does not carry. */
  force: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { pronote: [], directory: [], sample: false, lang: 'fr', force: false };
  let i = 0;
  const values = (flag: string): string[] => {
    const out: string[] = [];
    while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.push(argv[++i]);
    if (!out.length) throw new UsageError(`${flag} attend une valeur.`, `${flag} expects a value.`);
    return out;
  };
  const one = (flag: string): string => {
    const v = values(flag);
    if (v.length > 1) throw new UsageError(`${flag} attend une seule valeur.`, `${flag} expects one value.`);
    return v[0];
  };
  for (; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--pronote':
        args.pronote.push(...values(flag));
        break;
      case '--directory':
        args.directory.push(...values(flag));
        break;
      case '--mapping':
        args.mapping = one(flag);
        break;
      case '--decisions':
        args.decisions = one(flag);
        break;
      case '--uai':
        args.uai = one(flag).trim().toUpperCase();
        break;
      case '--out':
        args.out = one(flag);
        break;
      case '--sample':
        args.sample = true;
        break;
      case '--force':
        args.force = true;
        break;
      case '--lang': {
        const lang = one(flag).toLowerCase();
        if (lang !== 'fr' && lang !== 'en')
          throw new UsageError(`--lang attend fr ou en, pas «\u202f${lang}\u202f».`, `--lang expects fr or en, not "${lang}".`);
        args.lang = lang;
        break;
      }
      case '--help':
      case '-h':
        return { ...args, help: true };
      default:
        throw new UsageError(`Option inconnue\u202f: ${flag}`, `Unknown option: ${flag}`);
    }
  }
  if (!args.out) throw new UsageError('--out DOSSIER est obligatoire.', '--out DIR is required.');
  if (args.sample && (args.pronote.length || args.directory.length)) {
    throw new UsageError('--sample ne se combine pas avec --pronote ni --directory.', '--sample does not go with --pronote or --directory.');
  }
  if (!args.sample && (!args.pronote.length || !args.directory.length)) {
    throw new UsageError('--pronote et --directory sont obligatoires (ou --sample).', '--pronote and --directory are required (or --sample).');
  }
  args.pronote = args.pronote.map(fromCaller);
  args.directory = args.directory.map(fromCaller);
  if (args.mapping) args.mapping = fromCaller(args.mapping);
  if (args.decisions) args.decisions = fromCaller(args.decisions);
  args.out = fromCaller(args.out);
  return args;
}

/**
 * A path given on the command line, made absolute from the folder the user typed the command in:
 * `npm run reconcile` starts in the project folder, and npm gives the user's folder as `INIT_CWD`.
 * Run otherwise (`npx tsx scripts/reconcile.ts`), paths are from the current folder as usual.
 */
function fromCaller(path: string): string {
  const caller = process.env.npm_lifecycle_event === 'reconcile' ? process.env.INIT_CWD : undefined;
  return resolve(caller ?? process.cwd(), path);
}

/** Files a directory side may hold; the AAF DTD and notes next to the feed are not read. */
const DIRECTORY_FILE = /\.(xml|csv|tsv|txt)$/i;

/**
 * A file given on the command line, read from disk when a reader asks for its bytes. Only the file
 * last read is held (`held`): a directory of 14 AAF files of 25 MB then keeps one in memory, not
 * 300 MB of bytes for the whole run (issue 13, point 8). Readers go through the files in order, so
 * each is read once or twice.
 */
class FileOnDisk implements InputFile {
  constructor(
    readonly name: string,
    private readonly path: string,
  ) {}

  get bytes(): Uint8Array {
    if (held?.path === this.path) return held.bytes;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(this.path));
    } catch (e) {
      throw new UsageError(`Impossible de lire le fichier ${this.path} (${codeOf(e)}).`, `Cannot read the file ${this.path} (${codeOf(e)}).`);
    }
    held = { path: this.path, bytes };
    return bytes;
  }
}
let held: { path: string; bytes: Uint8Array } | undefined;

function readInput(path: string): InputFile {
  if (!existsSync(path)) throw new UsageError(`Fichier introuvable\u202f: ${path}`, `File not found: ${path}`);
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new UsageError(`${path} est un dossier\u202f: donnez le fichier lui-même.`, `${path} is a folder: give the file itself.`);
  }
  // From the size alone: a file above the limit is never read into memory.
  assertSizeOf(basename(path), stat.size);
  try {
    accessSync(path, constants.R_OK);
  } catch (e) {
    throw new UsageError(`Impossible de lire le fichier ${path} (${codeOf(e)}).`, `Cannot read the file ${path} (${codeOf(e)}).`);
  }
  return new FileOnDisk(basename(path), path);
}

/** The system error code (EACCES, ENOTDIR...) of a failed file operation, for the user's message. */
function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
}

/** Why the system refused to make or write in a folder, in words, the code kept in brackets for support. */
function whyNotWritten(e: unknown): { fr: string; en: string } {
  const code = codeOf(e);
  const words: Record<string, { fr: string; en: string }> = {
    EACCES: { fr: 'vous n’avez pas le droit d’écrire à cet endroit', en: 'you may not write there' },
    EPERM: { fr: 'vous n’avez pas le droit d’écrire à cet endroit', en: 'you may not write there' },
    EROFS: { fr: 'le disque est en lecture seule', en: 'the disk is read-only' },
    ENOSPC: { fr: 'le disque est plein', en: 'the disk is full' },
    // /proc, /sys: system folders that answer ENOENT for any folder made in them.
    ENOENT: { fr: 'le système ne permet pas d’y créer un dossier', en: 'the system does not allow a folder there' },
  };
  const w = words[code] ?? { fr: 'le système le refuse', en: 'the system refuses it' };
  return { fr: `${w.fr} (${code})`, en: `${w.en} (${code})` };
}

/**
 * Refuses an `--out` that cannot be a folder before any work is done: an existing file, or a path
 * under something that is not a folder (a file, /dev/full).
 * @throws UsageError naming the path.
 */
function checkOutDir(out: string): void {
  const notFolder = () =>
    new UsageError(
      `--out ${out}\u202f: ce n’est pas un dossier (un fichier porte déjà ce nom, ou le chemin passe par un fichier). Donnez un dossier, nouveau ou existant.`,
      `--out ${out}: not a folder (a file already has this name, or the path goes through a file). Give a folder, new or existing.`,
    );
  for (let p = out; ; p = dirname(p)) {
    if (existsSync(p)) {
      if (!statSync(p).isDirectory()) throw notFolder();
      return;
    }
    if (dirname(p) === p) return;
  }
}

/** Writes one output file; a system refusal (no right, disk full) is told plainly. */
function writeOut(path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (e) {
    const why = whyNotWritten(e);
    throw new UsageError(
      `Impossible d’écrire ${path}\u202f: ${why.fr}. Choisissez un autre --out.`,
      `Cannot write ${path}: ${why.en}. Choose another --out.`,
      false,
    );
  }
}

/** Creates the output folder; a system refusal (no right, read-only disk) is a usage error. */
function makeOutDir(out: string): void {
  checkOutDir(out);
  try {
    makeFolder(out);
  } catch (e) {
    const why = whyNotWritten(e);
    throw new UsageError(
      `Impossible de créer le dossier --out ${out}\u202f: ${why.fr}. Choisissez un dossier où vous pouvez écrire (par exemple dans votre dossier personnel).`,
      `Cannot create the --out folder ${out}: ${why.en}. Choose a folder you can write in (in your home folder, say).`,
      false,
    );
  }
}

/** A file, or every directory file of a folder (sub-folders included), in name order. */
function expand(path: string): InputFile[] {
  if (!existsSync(path)) throw new UsageError(`Fichier ou dossier introuvable\u202f: ${path}`, `File or folder not found: ${path}`);
  if (!statSync(path).isDirectory()) return [readInput(path)];
  const files: InputFile[] = [];
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(path, name);
    if (statSync(full).isDirectory()) files.push(...expand(full));
    else if (DIRECTORY_FILE.test(name) && !/^(readme|truth)/i.test(name)) files.push(readInput(full));
  }
  if (!files.length) {
    throw new UsageError(`Le dossier ${path} ne contient aucun fichier d’annuaire (.xml, .csv).`, `The folder ${path} holds no directory file (.xml, .csv).`);
  }
  return files;
}

/** The bundled sample (`scripts/generate.ts --sample` writes `sample/`): its partner export and AAF files. */
function sampleInputs(): { pronote: InputFile[]; directory: InputFile[] } {
  const dir = resolve('sample');
  if (!existsSync(dir)) {
    throw new UsageError(
      'Le dossier sample/ est absent\u202f: lancez d’abord «\u202fnpx tsx scripts/generate.ts --sample\u202f».',
      'The sample/ folder is missing: run "npx tsx scripts/generate.ts --sample" first.',
    );
  }
  const names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.xml'));
  // The partner layout is the one read exactly (scripts/generator/write-pronote.ts names it pronote-export.xml).
  const pronote =
    names.find((n) => n === 'pronote-export.xml') ?? names.find((n) => /partner|partenaire|export_index|identifiants|export/i.test(n)) ?? names[0];
  if (!pronote) throw new UsageError('Aucun export Pronote dans sample/.', 'No Pronote export in sample/.');
  const aaf = join(dir, 'aaf');
  const directory = existsSync(aaf) ? expand(aaf) : expand(join(dir, 'annuaire.csv'));
  return { pronote: [readInput(join(dir, pronote))], directory };
}

function readProfile(path: string): MappingProfile {
  const file = readInput(path);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(
      `Le profil ${path} n’est pas un JSON lisible (${(e as Error).message}).`,
      `The profile ${path} is not readable JSON (${(e as Error).message}).`,
    );
  }
  if (!isMappingProfile(value)) {
    throw new UsageError(
      `Le fichier ${path} n’est pas un profil de correspondance enregistré depuis l’écran de correspondance.`,
      `The file ${path} is not a mapping profile saved from the mapping screen.`,
    );
  }
  return value;
}

/**
 * Runs the Pronote reader; when it refuses a file that is a table (a CSV), says what `--mapping`
 * is for, since `--help` names it next to the export: a profile for an XML export of another
 * layout, not a way to read a CSV (lib/pronote reads XML only).
 * @throws UsageError (exit 2, no usage) with the reader's message and that hint; other errors as they are.
 */
function withMappingHint<T>(read: () => T, files: InputFile[]): T {
  try {
    return read();
  } catch (e) {
    const file = e instanceof InputError && e.code === 'wrong-kind' ? files.find((f) => f.name === e.source) : undefined;
    if (!file || !looksLikeTable(decodeBytes(file.bytes).text)) throw e;
    const m = (e as InputError).userMessage;
    throw new UsageError(
      `${m.fr}\nL’option --mapping ne permet pas non plus de lire un CSV\u202f: elle prend un profil de correspondance (JSON, format dans le README) pour lire un export Pronote XML d’une autre mise en page. Exportez les identifiants en XML depuis Pronote.`,
      `${m.en}\nThe --mapping option cannot read a CSV either: it takes a mapping profile (JSON, format in the README) to read a Pronote XML export of another layout. Export the identifiers as XML from Pronote.`,
      false,
    );
  }
}

/** Progress on stderr, only once the work has taken more than a second; one line, rewritten on a terminal. */
class Progress {
  private readonly start = performance.now();
  private last = 0;
  private shown = false;

  line(text: string, force = false): void {
    const now = performance.now();
    if (now - this.start < 1000) return;
    if (!force && now - this.last < 500) return;
    this.last = now;
    this.shown = true;
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
    else process.stderr.write(`${text}\n`);
  }

  end(): void {
    if (this.shown && process.stderr.isTTY) process.stderr.write('\n');
  }

  seconds(): number {
    return (performance.now() - this.start) / 1000;
  }
}

/** The progress stages that are not categories; categories are named by `CATEGORY_NAMES`. */
const STAGE_FR: Record<string, string> = { prepare: 'préparation', reasons: 'raisons', done: 'terminé' };
const STAGE_EN: Record<string, string> = { prepare: 'preparing', reasons: 'reasons', done: 'done' };
const stageIn = (stage: string, lang: FormatLang) =>
  (lang === 'fr' ? STAGE_FR : STAGE_EN)[stage] ?? (stage in CATEGORY_NAMES ? CATEGORY_NAMES[stage as Category][lang].toLowerCase() : stage);

/**
 * Reads both sides and pairs them; returns the Pronote side as read, the directory's records not
 * read and notes, the flow's result and the summary. The directory's persons stay inside: once
 * paired they are no longer needed, and at 250,000 accounts they weigh about 370 MB that the
 * writing of the results can then reuse (issue 13, point 8).
 */
function readAndPair(args: Args, inputs: { pronote: InputFile[]; directory: InputFile[] }, profile: MappingProfile | undefined, progress: Progress) {
  progress.line('Lecture de l’export Pronote… / Reading the Pronote export…', true);
  const pronote = withMappingHint(() => readPronoteExport(inputs.pronote, { profile }), inputs.pronote);
  progress.line('Lecture de l’annuaire ENT… / Reading the ENT directory…', true);
  const directory = readDirectory(inputs.directory);
  // The bytes of the last file read are no longer needed.
  held = undefined;
  // Every earlier decision, checked together by the flow (lib/rapprochement): a file given with
  // --decisions first, then the pairs of a RapprochementSSO file given with the export.
  const sources: DecisionSource[] = [];
  const decisionsFile = args.decisions ? readDecisionsFile(readInput(args.decisions)) : undefined;
  if (decisionsFile) sources.push(decisionsFile);
  if (pronote.decisions?.length) sources.push({ origin: 'pronote-file', source: inputs.pronote.map((f) => f.name).join(', '), decisions: pronote.decisions });

  const result = pairPersons({
    pronote: pronote.persons,
    directory: directory.persons,
    sources,
    scope: args.uai,
    // One line, rewritten in place on a terminal: French and English side by side.
    onProgress: (done, stage) => {
      const pct = Math.round(done * 100);
      progress.line(`Rapprochement ${pct} % (${stageIn(stage, 'fr')}) / Pairing ${pct} % (${stageIn(stage, 'en')})`, stage === 'done');
    },
  });
  const summary = buildSummary({
    pronote: { ...pronote, files: inputs.pronote.map((f) => f.name) },
    directory: { ...directory, files: inputs.directory.map((f) => f.name) },
    proposals: result.proposals,
    unusedDirectory: result.unusedDirectory,
    seconds: progress.seconds(),
    conflicts: result.conflicts,
    absentPersons: result.absentPersons,
    scope: result.scope,
    weights: result.weights,
    decisionsFile,
  });
  return { pronote, directory: { notRead: directory.notRead, notes: directory.notes }, result, summary, decisionsFile };
}

function run(argv: string[]): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkOutDir(resolve(args.out!));
  const progress = new Progress();
  const inputs = args.sample ? sampleInputs() : { pronote: args.pronote.map(readInput), directory: args.directory.flatMap(expand) };
  const profile = args.mapping ? readProfile(args.mapping) : undefined;
  const out = resolve(args.out!);
  // Read before anything is written: the admin's decisions typed in the last run's table.
  const earlier = args.force ? undefined : earlierTable(out, args.decisions);

  const { pronote, directory, result, summary, decisionsFile } = readAndPair(args, inputs, profile, progress);
  const persons: Person[] = pronote.persons;
  if (earlier) refuseLosing(earlier, persons, result.proposals);
  makeOutDir(out);
  const decided = new Map(result.decisions.map((d) => [`${d.category}\u0000${d.pronoteId}`, d]));
  writeOut(join(out, 'mapping.csv'), writeMappingCsv(persons, result.proposals));
  // The same people for the admin's Excel (issue 18, point 4); proposals line up with persons.
  writeOut(
    join(out, 'tableau.csv'),
    writePeopleCsv(
      persons.map((p, i) => {
        const q = result.proposals[i]!;
        // The decision as given (a rejection names the account refused, not the engine's next
        // candidate; its date is kept), so that the table read back with --decisions carries it.
        const given = decided.get(`${p.category}\u0000${p.id}`);
        return {
          category: p.category,
          pronoteId: p.id,
          status: q.status,
          score: q.score,
          engineEntId: q.entId,
          lastName: p.lastName,
          firstName: p.firstName,
          className: p.classes.join(', '),
          decision: given
            ? { kind: given.kind, entId: given.kind === 'rejected' ? given.entId : q.entId, decidedAt: given.decidedAt }
            : q.decided && q.decided !== 'rejected'
              ? { kind: q.decided, entId: q.entId, decidedAt: '' }
              : undefined,
        };
      }),
    ),
  );
  writeOut(
    join(out, 'report.html'),
    writeReportHtml({
      lang: args.lang,
      // Proposals line up with persons; earlier decisions (`--decisions`) are in the proposals.
      rows: reportRows(result.proposals.map((proposal, i) => ({ proposal, person: persons[i]! }))),
      school: { uai: result.scope.from === 'uai' ? result.scope.asked : undefined },
      year: schoolYearAt(new Date()),
      mode: MODE_OF_EXPORT[summary.pronote.exportKind],
      run: {
        summary,
        notRead: { pronote: pronote.notRead, directory: directory.notRead },
        notes: { pronote: pronote.notes, directory: directory.notes },
      },
      generatedAt: `${formatDateTime(new Date(), args.lang, 'UTC')} UTC`,
    }),
  );
  summary.seconds = Math.round(progress.seconds() * 1000) / 1000;
  writeOut(join(out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  progress.end();
  for (const c of result.conflicts) conflictLines(c);
  if (result.scope.askedKnown === false) unknownUaiLines(result.scope);
  if (decisionsFile?.notRead.length) notReadLines(decisionsFile.source, decisionsFile.notRead);
  const notRead = { pronote: pronote.notRead.length, ent: directory.notRead.length };
  if (notRead.pronote + notRead.ent) {
    const n = notRead.pronote + notRead.ent;
    const report = join(out, 'report.html');
    say(
      `${n} enregistrement(s) non lu(s) (Pronote\u202f: ${notRead.pronote}, ENT\u202f: ${notRead.ent})\u202f: la liste, avec la raison de chacun, est dans ${report}, partie «\u202fEnregistrements non lus\u202f» (le nombre dans summary.json).`,
      `${n} record(s) not read (Pronote: ${notRead.pronote}, ENT: ${notRead.ent}): the list, with each one’s reason, is in ${report}, part "Records not read" (the count in summary.json).`,
    );
  }
  const total = result.proposals.length;
  const auto = result.proposals.filter((p) => p.status === 'auto').length;
  const review = result.proposals.filter((p) => p.status === 'review').length;
  say(
    `${total} personne(s) Pronote\u202f: ${auto} automatique(s), ${review} à vérifier, ${total - auto - review} sans correspondance. Résultats dans ${out}`,
    `${total} Pronote person(s): ${auto} automatic, ${review} to review, ${total - auto - review} unmatched. Results in ${out}`,
  );
  return 0;
}

/**
 * The decisions of the people's table already in the out folder (`tableau.csv`, where the admin
 * types decisions: issue 18, point 4), when this run is not given that very file with
 * `--decisions`: undefined when there is no such file or it holds no decision. A table that can no
 * longer be read as one (saved as a workbook under the same name) counts as holding decisions: it
 * is not ours to overwrite unasked.
 */
function earlierTable(out: string, decisionsPath: string | undefined): { path: string; decisions: Decision[] } | undefined {
  const path = join(out, 'tableau.csv');
  if (!existsSync(path) || (decisionsPath && resolve(decisionsPath) === path)) return undefined;
  try {
    const read = readDecisionsFile(readInput(path));
    return read.decisions.length ? { path, decisions: read.decisions } : undefined;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { path, decisions: [] };
  }
}

/**
 * Refuses to overwrite `earlier.path` when one of its decisions is not carried by this run: the
 * person's proposal is not decided the same way (a pair on the same account for `confirmed` and
 * `manual`; the same kind for `rejected` and `no-account`), or the person is no longer in the export.
 * @throws UsageError (exit 2) naming the file, how many decisions, the first one, and the three ways out.
 */
function refuseLosing(earlier: { path: string; decisions: Decision[] }, persons: readonly Person[], proposals: readonly Proposal[]): void {
  const at = new Map<string, Proposal>(persons.map((p, i) => [`${p.category}|${p.id}`, proposals[i]!]));
  const pairing = (k: string | undefined) => k === 'confirmed' || k === 'manual';
  const lost = earlier.decisions.filter((d) => {
    const q = at.get(`${d.category}|${d.pronoteId}`);
    if (!q?.decided) return true;
    return pairing(d.kind) ? !pairing(q.decided) || q.entId !== d.entId : q.decided !== d.kind;
  });
  if (!lost.length && earlier.decisions.length) return;
  const n = lost.length;
  const first = lost[0];
  const which = first
    ? {
        fr: ` (la première\u202f: ${CATEGORY_NAMES[first.category].fr} ${first.pronoteId})`,
        en: ` (the first: ${CATEGORY_NAMES[first.category].en} ${first.pronoteId})`,
      }
    : { fr: '', en: '' };
  const what = n
    ? {
        fr: `contient ${n} décision(s) saisie(s) que ce calcul ne reprend pas${which.fr}`,
        en: `holds ${n} decision(s) typed in that this run does not carry${which.en}`,
      }
    : { fr: 'a été modifié et ne se lit plus comme un tableau de décisions', en: 'was changed and no longer reads as a decisions table' };
  throw new UsageError(
    `${earlier.path} ${what.fr}\u202f: rien n’a été écrit, pour ne pas perdre ce travail. Reprenez-le avec --decisions ${earlier.path}, ou choisissez un autre --out, ou ajoutez --force pour l’écraser.`,
    `${earlier.path} ${what.en}: nothing was written, so as not to lose that work. Give it back with --decisions ${earlier.path}, or choose another --out, or add --force to overwrite it.`,
    false,
  );
}

/** The UAI asked is held by no account: it restricted nothing (issue 13, point 2). */
function unknownUaiLines(scope: ScopeInfo): void {
  const found =
    scope.from === 'pairs'
      ? {
          fr: `établissements déduits des rapprochements sûrs\u202f: ${scope.structures.join(', ')}`,
          en: `schools found from the sure pairs: ${scope.structures.join(', ')}`,
        }
      : { fr: 'aucun établissement déduit', en: 'no school found' };
  say(
    `UAI ${scope.asked} inconnu de l’annuaire (aucun compte n’y est rattaché, ou le fichier EtabEducNat manque)\u202f: il ne restreint rien (${found.fr}).`,
    `UAI ${scope.asked} unknown to the directory (no account is attached to it, or the EtabEducNat file is missing): it restricts nothing (${found.en}).`,
  );
}

/** The decisions file's lines not read: the first ten on stderr in each language, all of them in summary.json. */
function notReadLines(source: string, notRead: readonly NotRead[]): void {
  const shown = notRead.slice(0, 10);
  const more = notRead.length - shown.length;
  say(
    `${notRead.length} ligne(s) de ${source} non lue(s)\u202f:\n${shown.map((n) => `  ${n.location}\u202f: ${n.reason.fr}\n`).join('')}` +
      (more > 0 ? `  … (${more} de plus dans summary.json)\n` : ''),
    `${notRead.length} line(s) of ${source} not read:\n${shown.map((n) => `  ${n.location}: ${n.reason.en}\n`).join('')}` +
      (more > 0 ? `  … (${more} more in summary.json)\n` : ''),
  );
}

/** A conflict among earlier decisions (issue 14): one line in French, then one in English. */
function conflictLines(c: Conflict): void {
  const who = c.persons.join(', ');
  if (c.kind === 'same-account') {
    say(
      `Conflit (${c.source})\u202f: le compte ENT ${c.account} est donné à plusieurs personnes (${who})\u202f; aucune de ces décisions n’est appliquée, à vérifier.`,
      `Conflict (${c.source}): the ENT account ${c.account} is given to several persons (${who}); none of these decisions is applied, to review.`,
    );
  } else {
    say(
      `Conflit (${c.source})\u202f: le compte ENT ${c.account} de la décision sur ${who} est absent de l’annuaire\u202f; décision non appliquée, à vérifier.`,
      `Conflict (${c.source}): the ENT account ${c.account} of the decision about ${who} is not in the directory; decision not applied, to review.`,
    );
  }
}

function main(): void {
  let code: number;
  try {
    code = run(process.argv.slice(2));
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`\n${e.userMessage.fr}\n${e.userMessage.en}\n`);
      code = 2;
    } else if (e instanceof UsageError) {
      process.stderr.write(`\n${e.fr}\n${e.en}\n${e.showUsage ? `\n${USAGE}\n` : ''}`);
      code = 2;
    } else {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`\nErreur interne / Internal error: ${message}\n`);
      if (process.env.PASSERELLE_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      code = 1;
    }
  }
  process.exitCode = code;
}

main();
