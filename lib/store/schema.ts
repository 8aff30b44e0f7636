/**
 * The rapprochement store: a Dexie (IndexedDB) database, versioned, opened by the side panel, its
 * matching worker and the background (for the ENT helper's suggestions). Content scripts cannot open
 * it (TOOLING.md): they message the background.
 *
 * Tables (PRODUCT.md §3 and "Identifiers"):
 * - `rapprochements`: one per import run, per school (UAI, name) and school year, with the mode,
 *   the step states, the current step and position (so that reopening resumes);
 * - `inputs`: the persons read from each side, one row per (rapprochement, side);
 * - `steps`: the engine's proposals with what the screens show of each person, one row per
 *   (rapprochement, category);
 * - `decisions`: what the user decided, one row per (rapprochement, category, Pronote id);
 * - `remembered`: decisions kept for next year's import of the same school, keyed by the Pronote id
 *   and by the person key hash (next year's export may renumber people);
 * - `profiles`: confirmed mapping profiles of sniffed layouts;
 * - `meta`: small settings (the rapprochement open in the panel).
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Localized } from '../core/localized';
import type { Decision, DecisionKind, Proposal } from '../matching/types';
import type { Category, ExportKind, NotRead, PersonView, ReadNote, Side } from '../core/person';

export type { PersonView } from '../core/person';
import type { Conflict } from '../rapprochement/earlier-decisions';

export type Mode = 'complet' | 'partiel';
/** Who set the stored mode: the advice (the admin has not chosen, so it follows the file) or the admin. */
export type ModeSource = 'advice' | 'admin';

/**
 * The ENT project a school's suggestions may be shown on (issue 16): a catalogue project (its web
 * domains), and hosts outside the catalogue that the admin confirmed in the side panel.
 */
export interface SchoolEnt {
  /** Catalogue project id (lib/catalogue), when the school's ENT is in the catalogue. */
  projectId?: string;
  /** Host names outside the catalogue that the admin confirmed, lower case. */
  hosts: string[];
  /** ISO date-time of the admin's confirmation. */
  confirmedAt: string;
}
export type StepState = 'pending' | 'validated' | 'cancelled';
/** Where the user is: loading files, reviewing the six steps, or reading the results. */
export type Phase = 'start' | 'steps' | 'results';

/** What was read from one side, kept for the start screen and the report. */
export interface InputSummary {
  /** File names as shown to the user ("collé" for a paste). */
  files: string[];
  counts: Record<Category, number>;
  notRead: NotRead[];
  notes: ReadNote[];
  exportKind?: ExportKind;
  /** Directory side: the structures (UAI or ids) that the files span. */
  structures?: string[];
  /** The layout of the Pronote export, as the reader names it. */
  layout?: string;
  /** When the rows carry no account id (ONDE extractions): said in the results. */
  synthetic?: number;
  /** Pronote side: guardians read and those linked to a student (none linked: said on the card and the guardians' step). */
  guardianLinks?: { guardians: number; linked: number };
  /** Pronote side: pairs of a RapprochementSSO file given with the export, kept as earlier decisions (stored apart: `loadEarlier`). */
  earlier?: number;
  /**
   * A random id given to each load, so that the worker can tell that the persons it still holds
   * in memory are the ones stored (undefined for rows stored before it existed).
   */
  loadId?: string;
}

export interface Rapprochement {
  id?: number;
  /** School UAI (RNE), upper case, e.g. `0310047H`. */
  uai: string;
  schoolName: string;
  /** School year `yyyy-yyyy`, e.g. `2026-2027`. */
  year: string;
  mode: Mode;
  /** Absent on rows stored before it was kept: taken as the admin's choice (never changed silently). */
  modeSource?: ModeSource;
  /** The admin said Pronote changed version since the last import (the advice is then « complet »). */
  versionChanged?: boolean;
  createdAt: string;
  updatedAt: string;
  phase: Phase;
  /** Step state per category; the steps run in `CATEGORIES` order (seed §4). */
  steps: Record<Category, StepState>;
  /** Index in `CATEGORIES` of the step on screen. */
  currentStep: number;
  /** Index of the focused row in the current step's list. */
  position: number;
  pronote?: InputSummary;
  directory?: InputSummary;
  /** Directory restricted to this structure (when the files span several). */
  structure?: string;
  /** ISO date-time of the last pairing run; undefined before the first one. */
  pairedAt?: string;
  /** How many decisions remembered from an earlier import were given to the engine. */
  rememberedUsed?: number;
  /** The school's ENT project, confirmed by the admin (lib/store/school-ent, issue 16). */
  schoolEnt?: SchoolEnt;
  /** Earlier decisions in conflict at the last pairing (`lib/rapprochement/earlier-decisions.ts`). */
  conflicts?: Conflict[];
}

/**
 * The persons read from one side, as JSON text (`Person[]`): since v4, because IndexedDB's
 * structured clone of 10,000 small objects costs several times `JSON.stringify` (about 4 times in
 * Chromium), and the write and the read both sit on the workbench's critical path.
 */
export interface InputRow {
  rid: number;
  side: Side;
  json: string;
}

/** One Pronote person of a step: the engine's proposal and the persons it names. */
export interface StepItem {
  proposal: Proposal;
  person: PersonView;
  /** The candidates' directory persons, in the order of `proposal.candidates`. */
  candidates: PersonView[];
}

/**
 * A part of a step's items: steps are stored in chunks of `STEP_CHUNK` items so that opening a step
 * of 5,000 guardians reads (and parses) it in several short tasks, not one long one.
 */
export interface StepRow {
  rid: number;
  category: Category;
  /** 0, 1, 2… in the step's order. */
  chunk: number;
  /** The chunk's `StepItem[]` as JSON text (v4; see `InputRow` for why). */
  json: string;
}

/** Items per stored chunk of a step. */
export const STEP_CHUNK = 400;

/** A Pronote person of a rapprochement, by category and Pronote id. */
export interface PersonRef {
  category: Category;
  pronoteId: string;
}

/** A decision of one rapprochement, with what the screens need to show the chosen account. */
export interface DecisionRow extends Decision {
  rid: number;
  /** The chosen account as shown ("NOM Prénom"), for `manual` and `confirmed`. */
  entLabel?: string;
  /** The Pronote person as shown ("NOM Prénom"), to name them when they hold an account wanted by another. */
  personLabel?: string;
  /**
   * Set when this decision took its account from another person (the user chose "move"): who,
   * and their decision before (none: the engine's pair), so that undoing gives it back.
   */
  displaced?: PersonRef & { previous?: Omit<DecisionRow, 'rid'> };
  /** Set on the rejection written for a person whose account was moved to another: to whom. */
  movedTo?: PersonRef;
}

/**
 * Who holds an ENT account in a rapprochement (issue 14, "One account, one person"): one row per
 * account, keyed `[rid+entId]`, so that IndexedDB itself refuses a second holder. Written in the
 * same transaction as the decision or the pairing that makes the pair.
 */
export interface HolderRow extends PersonRef {
  rid: number;
  entId: string;
  /** `auto`: the engine's pair (no decision); `decision`: a confirmation or manual pair. */
  by: 'auto' | 'decision';
  /** The holder as shown ("NOM Prénom"). */
  label?: string;
}

/** The engine's automatic pair of one person, kept so that undoing a decision gives it back. */
export interface AutoPairRow extends PersonRef {
  rid: number;
  entId: string;
  label?: string;
}

/** A decision kept for the same school's next import. */
export interface RememberedRow {
  uai: string;
  /** School year of the import where it was decided. */
  year: string;
  category: Category;
  pronoteId: string;
  /** Empty string when unknown (Dexie cannot index undefined inside a compound key). */
  personKey: string;
  kind: DecisionKind;
  entId?: string;
  decidedAt: string;
}

/** A confirmed mapping of a sniffed layout (the reader's `MappingProfile`, stored as is). */
export interface ProfileRow {
  id?: number;
  name: string;
  side: Side;
  profile: unknown;
  savedAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** The database name of the extension's store. */
export const STORE_NAME = 'passerelle';

/**
 * The versions of the schema. Never edit a published version: add one, with its upgrade.
 * v1: the first layout. v2: `updatedAt` indexed (to find the latest rapprochement of a school),
 * remembered decisions indexed by person key, and the `meta` table; old rows get `updatedAt`.
 * v3: steps stored in chunks (`stepChunks`, see `StepRow`), the one-row-per-step `steps` table
 * split into it and removed.
 * v4: the bulk rows (`inputs`' persons, `stepChunks`' items) stored as JSON text, converted in place;
 * the indexes do not change.
 */
export const SCHEMA_V1 = {
  rapprochements: '++id, [uai+year], uai',
  inputs: '[rid+side], rid',
  steps: '[rid+category], rid',
  decisions: '[rid+category+pronoteId], rid',
  remembered: '[uai+category+pronoteId], uai',
  profiles: '++id, name',
} as const;

export const SCHEMA_V2 = {
  rapprochements: '++id, [uai+year], uai, updatedAt',
  inputs: '[rid+side], rid',
  steps: '[rid+category], rid',
  decisions: '[rid+category+pronoteId], rid',
  remembered: '[uai+category+pronoteId], [uai+personKey], uai',
  profiles: '++id, name',
  meta: 'key',
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  steps: null,
  stepChunks: '[rid+category+chunk], rid, [rid+category]',
} as const;

/** v4 changes the rows' shape only (see `InputRow`, `StepRow`). */
export const SCHEMA_V4 = SCHEMA_V3;

/** v5: who holds each ENT account (`HolderRow`) and the engine's pairs (`AutoPairRow`); rebuilt at the next pairing. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  holders: '[rid+entId], rid, [rid+category], [rid+category+pronoteId]',
  autoPairs: '[rid+category+pronoteId], rid, [rid+category]',
} as const;

/** Splits a step's items into stored chunks (at least one, empty for an empty step). */
export function chunkStep(rid: number, category: Category, items: StepItem[]): StepRow[] {
  const rows: StepRow[] = [];
  for (let i = 0; i === 0 || i < items.length; i += STEP_CHUNK)
    rows.push({ rid, category, chunk: rows.length, json: JSON.stringify(items.slice(i, i + STEP_CHUNK)) });
  return rows;
}

/** The items of a stored chunk. */
export function chunkItems(row: StepRow): StepItem[] {
  return JSON.parse(row.json) as StepItem[];
}

/**
 * The version 4 upgrade of one table: each row's list in `field` (persons, step items) becomes
 * the JSON text `json`, unchanged; rows that already hold `json` are left as they are.
 */
async function listToJsonText(tx: Transaction, table: 'inputs' | 'stepChunks', field: 'persons' | 'items'): Promise<void> {
  await tx
    .table(table)
    .toCollection()
    .modify((row: { json?: string } & Record<string, unknown>) => {
      if (row.json !== undefined) return;
      row.json = JSON.stringify(row[field] ?? []);
      delete row[field];
    });
}

export class PasserelleDB extends Dexie {
  rapprochements!: Table<Rapprochement, number>;
  inputs!: Table<InputRow, [number, Side]>;
  stepChunks!: Table<StepRow, [number, Category, number]>;
  decisions!: Table<DecisionRow, [number, Category, string]>;
  remembered!: Table<RememberedRow, [string, Category, string]>;
  profiles!: Table<ProfileRow, number>;
  meta!: Table<MetaRow, string>;
  holders!: Table<HolderRow, [number, string]>;
  autoPairs!: Table<AutoPairRow, [number, Category, string]>;

  constructor(name: string = STORE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('rapprochements')
          .toCollection()
          .modify((r: Partial<Rapprochement>) => {
            r.updatedAt ??= r.createdAt ?? new Date(0).toISOString();
            r.phase ??= r.pairedAt ? 'steps' : 'start';
            r.position ??= 0;
            r.currentStep ??= 0;
          });
        await tx
          .table('remembered')
          .toCollection()
          .modify((m: Partial<RememberedRow>) => {
            m.personKey ??= '';
          });
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        // v3's row shape (`items`), written as v3 did; v4 then turns it into JSON text.
        const old = (await tx.table('steps').toArray()) as { rid: number; category: Category; items: StepItem[] }[];
        const rows = old.flatMap((row) => {
          const chunks: { rid: number; category: Category; chunk: number; items: StepItem[] }[] = [];
          for (let i = 0; i === 0 || i < row.items.length; i += STEP_CHUNK)
            chunks.push({ rid: row.rid, category: row.category, chunk: chunks.length, items: row.items.slice(i, i + STEP_CHUNK) });
          return chunks;
        });
        await tx.table('stepChunks').bulkPut(rows);
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        await listToJsonText(tx, 'inputs', 'persons');
        await listToJsonText(tx, 'stepChunks', 'items');
      });
    // Holders rebuilt from the stored steps and decisions: decisions first, then the engine's
    // pairs; where an older version let two persons share an account, the later one holds nothing.
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        const decisions = (await tx.table('decisions').toArray()) as DecisionRow[];
        const held = new Set<string>();
        const decided = new Set<string>();
        const holders: HolderRow[] = [];
        for (const d of decisions) {
          decided.add(`${d.rid}\u0000${d.category}\u0000${d.pronoteId}`);
          const entId = d.kind === 'confirmed' || d.kind === 'manual' ? d.entId : undefined;
          if (!entId || held.has(`${d.rid}\u0000${entId}`)) continue;
          held.add(`${d.rid}\u0000${entId}`);
          holders.push({ rid: d.rid, entId, category: d.category, pronoteId: d.pronoteId, by: 'decision', label: d.personLabel });
        }
        const autoPairs: AutoPairRow[] = [];
        await tx
          .table('stepChunks')
          .toCollection()
          .each((row: StepRow) => {
            for (const item of chunkItems(row)) {
              const { proposal } = item;
              if (proposal.status !== 'auto' || !proposal.entId) continue;
              const label = [item.person.lastName, item.person.firstName].filter(Boolean).join(' ');
              const ref = { rid: row.rid, category: row.category, pronoteId: proposal.pronoteId, entId: proposal.entId, label };
              autoPairs.push(ref);
              const key = `${row.rid}\u0000${proposal.entId}`;
              if (decided.has(`${row.rid}\u0000${row.category}\u0000${proposal.pronoteId}`) || held.has(key)) continue;
              held.add(key);
              holders.push({ ...ref, by: 'auto' });
            }
          });
        await tx.table('holders').bulkPut(holders);
        await tx.table('autoPairs').bulkPut(autoPairs);
      });
  }
}

/** A message for the user in both languages (re-exported for the store's callers). */
export type { Localized };

/** A layout only sniffed (Pronote) or columns not all recognised (directory CSV): the mapping to confirm. */
export interface SniffOutcome {
  confidence: number;
  sure: boolean;
  mapping: unknown;
  /** Fields on at least half of one category's records that the mapping reads nowhere (the screen lists them). */
  unused?: { category: Category; field: string; share: number; example: string }[];
}

/** What loading one side gives the start screen. */
export interface LoadOutcome {
  rapprochement: Rapprochement;
  summary: InputSummary;
  sniff?: SniffOutcome;
}
