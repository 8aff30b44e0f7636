/**
 * The work the matching worker does for the workbench, as plain functions over the store so that it
 * is tested in Node: read one side's files with the readers of `lib/pronote` and `lib/directory`
 * and store the persons (and a RapprochementSSO file's pairs, as earlier decisions); pair with the
 * rapprochement flow (`flow.ts`: this rapprochement's decisions, the Pronote side's earlier pairs and
 * this school's remembered decisions, checked for conflicts), and store the proposals per step with
 * the conflicts found. The command line runs the same flow (`scripts/reconcile.ts`).
 */
import type { Localized } from '../core/localized';
import { readDirectory, readPastedTable } from '../directory';
import type { InputFile } from '../input/source';
import type { Decision, Proposal } from '../matching/types';
import { CATEGORIES, type Category, InputError, type Person, type ReadResult, type Side } from '../core/person';
import { readPronoteExport } from '../pronote';
import { buildStepItems } from '../store/items';
import { loadDecisions, rememberedDecisions } from '../store/decisions';
import { loadDecisionsFile, loadEarlier, loadInput, saveInput } from '../store/inputs';
import { saveProposals } from '../store/steps';
import type { DecisionRow, InputSummary, LoadOutcome, PasserelleDB, Rapprochement, SniffOutcome, StepItem } from '../store/schema';
import { Laps } from '../store/stage-times';
import type { Conflict, DecisionSource } from './earlier-decisions';
import { pairPersons } from './flow';

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
 * Resolves once everything is stored.
 */
export async function loadSide(
  db: PasserelleDB,
  rid: number,
  side: Side,
  input: { files: InputFile[]; paste?: string; profile?: unknown },
  options: Pick<StoreOptions<LoadOutcome>, 'laps' | 'memo'> = {},
): Promise<LoadOutcome> {
  const { laps = new Laps(), memo } = options;
  let result: ReadResult & { structures?: string[]; columnMapping?: unknown; layout?: string; guardianLinks?: InputSummary['guardianLinks'] };
  let sniff: SniffOutcome | undefined;
  const names = input.files.map((f) => f.name);
  if (side === 'pronote') {
    const files = input.paste !== undefined ? [{ name: 'collé.xml', bytes: new TextEncoder().encode(input.paste) }] : input.files;
    const read = await readPronoteExport(files, { profile: input.profile as never });
    result = read as typeof result;
    if (read.sniff) sniff = { confidence: read.sniff.confidence, sure: read.sniff.sure, mapping: read.sniff.mapping };
    // Fields left unused (a link field under a name not recognised, say) bring the mapping screen
    // back, the partner layout's included; a confirmed profile is not asked again.
    if (read.unusedFields.length > 0 && read.mapping && !input.profile)
      sniff = { ...(sniff ?? { confidence: 1, sure: true }), mapping: sniff?.mapping ?? read.mapping, unused: read.unusedFields };
  } else {
    const options = input.profile ? { profile: input.profile as never } : {};
    const read = input.paste !== undefined ? readPastedTable(input.paste, options) : readDirectory(input.files, options);
    result = read as typeof result;
    // A CSV whose headers were not all recognised: the same mapping screen, for its columns.
    if (read.columnMapping && !read.columnMapping.sure && !input.profile) sniff = { confidence: 0.5, sure: false, mapping: read.columnMapping.proposed };
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
    guardianLinks: result.guardianLinks,
    loadId: crypto.randomUUID(),
  };
  laps.lap('summary');
  const earlier = side === 'pronote' ? (result as { decisions?: Decision[] }).decisions : undefined;
  if (earlier?.length) summary.earlier = earlier.length;
  const rapprochement = await saveInput(
    db,
    rid,
    side,
    result.persons,
    summary,
    () => {
      laps.lap('open-store');
      // Kept now (the engine may run ahead on it); used only once the store holds this load's id.
      memo?.keep(rid, side, summary, result.persons);
    },
    side === 'pronote' ? (earlier ?? []) : undefined,
  );
  laps.lap('store');
  return { rapprochement, summary, sniff };
}

/** How the worker runs `loadSide` and `runPairing`. */
export interface StoreOptions<Ready> {
  /** Stage times (`read`, `store`...). */
  laps?: Laps;
  /** The persons kept in memory between requests. */
  memo?: InputMemo;
  /**
   * `runPairing` only: called with the result as soon as it is final and its transaction is open,
   * before the bulk of the write: the panel can show it while the write ends. The promise still
   * resolves only once everything is stored. A load has none: it is shown once stored, so that a
   * panel closed right after the counts never finds the previous file back.
   */
  onReady?: (ready: Ready) => void;
}

/**
 * The persons of each side as last read or loaded by this worker, so that pairing and the search
 * do not parse again what was just stored (about 0.2 s for 20,000 persons). An entry is used only
 * while the stored summary still has its `loadId` (another panel may have loaded other files).
 */
export class InputMemo {
  private readonly kept = new Map<Side, { rid: number; loadId: string; persons: Person[] }>();

  keep(rid: number, side: Side, summary: InputSummary, persons: Person[]): void {
    if (summary.loadId) this.kept.set(side, { rid, loadId: summary.loadId, persons });
    else this.kept.delete(side);
  }

  /** The persons of `side` of the stored rapprochement `row`, from memory when still current, else from the store. */
  async get(db: PasserelleDB, row: Rapprochement, side: Side): Promise<Person[]> {
    const loadId = row[side]?.loadId;
    const kept = this.kept.get(side);
    if (kept && row.id !== undefined && kept.rid === row.id && loadId && kept.loadId === loadId) return kept.persons;
    const persons = row.id === undefined ? [] : await loadInput(db, row.id, side);
    if (row.id !== undefined && row[side]) this.keep(row.id, side, row[side], persons);
    return persons;
  }
}

function structuresOf(result: { persons: Person[]; structures?: unknown }): string[] {
  const seen = new Set<string>();
  for (const p of result.persons) for (const s of p.structures) seen.add(s);
  return [...seen].sort();
}

/** What a pairing gives: the rapprochement as stored, the number of proposals, the step on screen. */
export interface Paired {
  rapprochement: Rapprochement;
  proposals: number;
  /**
   * The current step's stored chunks (JSON of `StepItem[]`) and its decisions, when the pairing
   * replaced that step: what the panel needs to show it without reading the store.
   */
  current?: { category: Category; chunks: string[]; decisions: DecisionRow[] };
  /** Earlier decisions in conflict (also on `rapprochement.conflicts`). */
  conflicts: Conflict[];
}

/** The flow's input for one rapprochement, and a key of what the proposals depend on. */
interface EngineInput {
  pronote: Person[];
  directory: Person[];
  sources: DecisionSource[];
  remembered: number;
  ownRows: DecisionRow[];
  /** The engine's scope: the chosen structure, else the rapprochement's UAI. */
  scope?: string;
  /**
   * The stored files (their load ids), the structure kept and the decisions given: the same key,
   * the same proposals. Undefined for rows stored before load ids existed.
   */
  key?: string;
}

/**
 * Every earlier decision of a rapprochement, as the flow's sources: its own (the store keeps them
 * one-to-one), a decisions file given on the start screen, the Pronote side's RapprochementSSO
 * pairs, the school's remembered ones.
 */
async function engineInput(db: PasserelleDB, row: Rapprochement, memo: InputMemo): Promise<EngineInput> {
  const pronote = await memo.get(db, row, 'pronote');
  // The whole directory, the chosen structure (else the school's UAI) as the engine's scope: the
  // same candidates as the command line's `--uai` (issue 13, point 2); accounts of other schools
  // are weighed down, never hidden.
  const directory = await memo.get(db, row, 'directory');
  const scope = row.structure ?? (row.uai || undefined);
  const remembered = await rememberedDecisions(db, row.uai);
  const ownRows = row.id === undefined ? [] : await loadDecisions(db, row.id);
  const earlier = row.id === undefined ? [] : await loadEarlier(db, row.id);
  const file = row.id === undefined ? undefined : await loadDecisionsFile(db, row.id);
  const sources: DecisionSource[] = [
    { origin: 'own', source: 'own', decisions: ownRows.map(({ rid: _rid, entLabel: _label, displaced: _d, movedTo: _t, personLabel: _p, ...d }) => d) },
    // A decisions file given on the start screen, as the command line's --decisions.
    ...(file ? [{ origin: 'file' as const, source: file.source, decisions: file.decisions }] : []),
    { origin: 'pronote-file', source: row.pronote?.files.join(', ') ?? 'pronote', decisions: earlier },
    { origin: 'remembered', source: 'remembered', decisions: remembered },
  ];
  const ids = [row.pronote?.loadId, row.directory?.loadId];
  const key = ids.every(Boolean) ? JSON.stringify([ids, scope ?? '', sources]) : undefined;
  return { pronote, directory, sources, remembered: remembered.length, ownRows, scope, key };
}

/** Proposals computed ahead of the user's request, with the key of what they were computed from. */
export interface MatchedAhead {
  key: string;
  proposals: Proposal[];
  conflicts: Conflict[];
}

/**
 * Runs the engine on a rapprochement whose two sides are loaded (`row` as just stored, or being
 * stored), before the user asks for the pairing (the panel shows the counts meanwhile); nothing is
 * stored. `runPairing` uses the result when its key still holds (same files, structure and
 * decisions). Undefined when a side is missing.
 */
export async function matchAhead(db: PasserelleDB, row: Rapprochement, memo: InputMemo): Promise<MatchedAhead | undefined> {
  if (!row.pronote || !row.directory) return undefined;
  const input = await engineInput(db, row, memo);
  if (!input.key) return undefined;
  const { proposals, conflicts } = pairPersons({ pronote: input.pronote, directory: input.directory, sources: input.sources, scope: input.scope });
  return { key: input.key, proposals, conflicts };
}

/**
 * Pairs the stored persons (the chosen structure, else the school's UAI, as the engine's scope) and stores the
 * proposals per step. `onProgress(done in [0, 1], stage)` is the engine's. `ahead`: proposals from
 * `matchAhead`, used when still valid. Resolves once stored.
 */
export async function runPairing(
  db: PasserelleDB,
  rid: number,
  onProgress?: (done: number, stage: string) => void,
  options: StoreOptions<Paired> & {
    ahead?: Promise<MatchedAhead | undefined>;
    /** After `onReady`, the other steps are written once this settles (at most 0.4 s later): the panel draws first. */
    pause?: Promise<unknown>;
  } = {},
): Promise<Paired> {
  const { laps = new Laps(), memo = new InputMemo(), onReady } = options;
  const row = await db.rapprochements.get(rid);
  if (!row) throw new Error(`no rapprochement ${rid}`);
  const { pronote, directory, sources, remembered, ownRows, scope, key } = await engineInput(db, row, memo);
  laps.lap('read-store');
  const ahead = await options.ahead?.catch(() => undefined);
  let proposals: Proposal[];
  let conflicts: Conflict[];
  if (ahead && key && ahead.key === key) {
    ({ proposals, conflicts } = ahead);
    onProgress?.(1, 'done');
    laps.lap('match-ahead');
  } else {
    ({ proposals, conflicts } = pairPersons({ pronote, directory, sources, onProgress, scope }));
    laps.lap('match');
  }
  // The step on screen is built before the reply; the others once it is sent, while it shows.
  const currentCategory = CATEGORIES[row.currentStep] ?? CATEGORIES[0];
  let all: Record<Category, StepItem[]> | undefined;
  const itemsOf = (c: Category) => {
    if (c === currentCategory) return buildStepItems(proposals, pronote, directory, c)[c];
    all ??= buildStepItems(proposals, pronote, directory);
    return all[c];
  };
  let current: Paired['current'];
  const rapprochement = await saveProposals(
    db,
    rid,
    itemsOf,
    { rememberedUsed: remembered, conflicts },
    (ready) => {
      laps.lap('shown-step+open-store');
      current = ready.current && { ...ready.current, decisions: ownRows.filter((d) => d.category === ready.current?.category) };
      onReady?.({ rapprochement: ready.rapprochement, proposals: proposals.length, current, conflicts });
    },
    options.pause,
  );
  laps.lap('store');
  return { rapprochement, proposals: proposals.length, current, conflicts };
}
