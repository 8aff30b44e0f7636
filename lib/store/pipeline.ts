/**
 * The work the matching worker does for the workbench, as plain functions over the store so that it
 * is tested in Node: read one side's files with the readers of `lib/pronote` and `lib/directory`
 * and store the persons; pair with `lib/matching` (giving it this school's remembered decisions and
 * this rapprochement's own), and store the proposals per step.
 */
import type { Localized } from '../checks/finding';
import { readDirectory, readPastedTable } from '../directory';
import type { InputFile } from '../input/source';
import { match } from '../matching';
import type { Decision } from '../matching/types';
import { CATEGORIES, type Category, InputError, type Person, type ReadResult, type Side } from '../person';
import { readPronoteExport } from '../pronote';
import { buildStepItems, restrictToStructure } from './items';
import { loadDecisions, loadInput, rememberedDecisions, saveInput, saveProposals } from './rapprochements';
import type { InputSummary, LoadOutcome, PasserelleDB, Rapprochement, SniffOutcome } from './schema';
import { Laps } from './stage-times';

/** Persons per category (all six, 0 included). */
export function countByCategory(persons: Person[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const p of persons) counts[p.category]++;
  return counts;
}

/** A reader's failure as the message the user reads; other errors are faults and are rethrown. */
export function inputErrorMessage(error: unknown): Localized | undefined {
  if (error instanceof InputError) return error.userMessage;
  const e = error as { name?: string; userMessage?: Localized };
  if (e?.name === 'InputError' && e.userMessage) return e.userMessage;
  return undefined;
}

/**
 * Reads one side and stores it (replacing that side's earlier files and the pairing made from
 * them). Pronote: `files` is the identifier export (one file), `profile` a confirmed mapping.
 * Directory: AAF files (several), a CSV, or `paste` (a table pasted from a spreadsheet).
 * Throws the reader's `InputError` before anything is stored, so that a bad file changes nothing.
 */
export async function loadSide(
  db: PasserelleDB,
  rid: number,
  side: Side,
  input: { files: InputFile[]; paste?: string; profile?: unknown },
  laps: Laps = new Laps(),
): Promise<LoadOutcome> {
  let result: ReadResult & { structures?: string[]; columnMapping?: unknown; layout?: string };
  let sniff: SniffOutcome | undefined;
  const names = input.files.map((f) => f.name);
  if (side === 'pronote') {
    const files = input.paste !== undefined ? [{ name: 'collé.xml', bytes: new TextEncoder().encode(input.paste) }] : input.files;
    const read = await readPronoteExport(files, { profile: input.profile as never });
    result = read as typeof result;
    if (read.sniff) sniff = { confidence: read.sniff.confidence, sure: read.sniff.sure, mapping: read.sniff.mapping };
  } else {
    const options = input.profile ? { profile: input.profile as never } : {};
    const read = input.paste !== undefined ? readPastedTable(input.paste, options) : readDirectory(input.files, options);
    result = read as typeof result;
    // A CSV whose headers were not all recognised: the same mapping screen, for its columns.
    if (read.columnMapping && !read.columnMapping.sure && !input.profile)
      sniff = { confidence: 0.5, sure: false, mapping: read.columnMapping.proposed };
  }
  laps.lap('read');
  const summary: InputSummary = {
    files: input.paste !== undefined ? ['—'] : names,
    counts: countByCategory(result.persons),
    notRead: result.notRead,
    notes: result.notes,
    exportKind: result.exportKind,
    structures: side === 'directory' ? (result.structures ?? structuresOf(result)) : undefined,
    layout: typeof result.layout === 'string' ? result.layout : undefined,
    synthetic: result.persons.filter((p) => p.idKind === 'synthetic').length || undefined,
  };
  laps.lap('summary');
  const rapprochement = await saveInput(db, rid, side, result.persons, summary);
  laps.lap('store');
  return { rapprochement, summary, sniff };
}

function structuresOf(result: { persons: Person[]; structures?: unknown }): string[] {
  const seen = new Set<string>();
  for (const p of result.persons) for (const s of p.structures) seen.add(s);
  return [...seen].sort();
}

/**
 * Merges decisions: this rapprochement's own override the remembered ones of the same person
 * (same category and Pronote id).
 */
export function mergeDecisions(remembered: Decision[], own: Decision[]): Decision[] {
  const key = (d: Decision) => `${d.category}\u0000${d.pronoteId}`;
  const out = new Map(remembered.map((d) => [key(d), d]));
  for (const d of own) out.set(key(d), d);
  return [...out.values()];
}

/**
 * Pairs the stored persons (the directory restricted to the chosen structure) and stores the
 * proposals per step. `onProgress(done in [0, 1], stage)` is the engine's. Returns the rapprochement
 * as stored and the number of proposals.
 */
export async function runPairing(
  db: PasserelleDB,
  rid: number,
  onProgress?: (done: number, stage: string) => void,
  laps: Laps = new Laps(),
): Promise<{ rapprochement: Rapprochement; proposals: number }> {
  const row = await db.rapprochements.get(rid);
  if (!row) throw new Error(`no rapprochement ${rid}`);
  const pronote = await loadInput(db, rid, 'pronote');
  const directory = restrictToStructure(await loadInput(db, rid, 'directory'), row.structure);
  const remembered = await rememberedDecisions(db, row.uai);
  const own = (await loadDecisions(db, rid)).map(({ rid: _rid, entLabel: _label, ...d }) => d);
  laps.lap('read-store');
  const { proposals } = match({ pronote, directory, decisions: mergeDecisions(remembered, own), onProgress });
  laps.lap('match');
  const items = buildStepItems(proposals, pronote, directory);
  laps.lap('step-items');
  const rapprochement = await saveProposals(db, rid, items, { rememberedUsed: remembered.length });
  laps.lap('store');
  return { rapprochement, proposals: proposals.length };
}
