/**
 * The command line's `summary.json` (PRODUCT.md §5, issue 4 "Command line"): counts read and not
 * read per side and category (all six categories, 0 included), pairs per category and status,
 * reasons of those left, seconds.
 */
import type { Proposal, Reason, Status, ScopeInfo, WeightsNote } from '../matching/types';
import { CATEGORIES, type Category, type ExportKind, type NotRead, type Person, type ReadNote } from '../core/person';
import type { Conflict } from '../rapprochement/earlier-decisions';

export type PerCategory<T> = Record<Category, T>;

export interface SideSummary {
  read: PerCategory<number>;
  notRead: number;
  files: string[];
}

export interface Summary {
  /** `guardianLinks`: guardians read and those linked to a student (0 linked: guardians pair without their children). */
  pronote: SideSummary & { exportKind: ExportKind; guardianLinks?: { guardians: number; linked: number } };
  directory: SideSummary;
  pairs: PerCategory<Record<Status, number>>;
  /** Reasons of the persons left (review and unmatched), per category. */
  reasons: PerCategory<Partial<Record<Reason, number>>>;
  /** Persons decided by earlier decisions (`--decisions`). */
  decided: number;
  /** Directory accounts paired with nobody. */
  unusedDirectory: number;
  /** Earlier decisions in conflict, none applied (issue 14): `{kind, source, account, persons}`. */
  conflicts: Pick<Conflict, 'kind' | 'source' | 'account' | 'persons'>[];
  /** Earlier decisions about persons absent from the export (former students, partial exports). */
  decisionsAboutAbsent: number;
  /**
   * The comparison weights of each category (issue 13, point 6): `estimated` from this run's
   * candidate pairs (with the learned weights), or `fixed` with the reason (too few candidate pairs,
   * no convergence, or the default: EM not asked for).
   */
  weights?: WeightsNote[];
  /**
   * The school's scope (issue 13, point 2): the UAI asked (`--uai`) and whether the directory knows
   * it (`askedKnown: false`: it restricted nothing), where the structures in scope came from
   * (`uai`, `pairs`: the structures of the sure pairs, `none`) and which they are.
   */
  scope?: ScopeInfo;
  /**
   * The file given with `--decisions`, when one was: its format, the decisions read, the lines that
   * hold none, and the lines not read with their line and reason (issue 14: nothing dropped silently).
   */
  decisionsFile?: { file: string; format: string; decisions: number; noDecision: number; notRead: { location: string; reason: { fr: string; en: string } }[] };
  /** Wall-clock seconds of the whole run (reading, pairing, writing). */
  seconds: number;
}

/** Zero for each of the six categories. */
export function perCategory<T>(make: () => T): PerCategory<T> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, make()])) as PerCategory<T>;
}

export function countRead(persons: readonly Person[]): PerCategory<number> {
  const out = perCategory(() => 0);
  for (const p of persons) out[p.category]++;
  return out;
}

export interface SummaryInput {
  pronote: {
    persons: readonly Person[];
    notRead: readonly NotRead[];
    notes?: readonly ReadNote[];
    exportKind?: ExportKind;
    guardianLinks?: { guardians: number; linked: number };
    files: string[];
  };
  directory: { persons: readonly Person[]; notRead: readonly NotRead[]; files: string[] };
  proposals: readonly Proposal[];
  unusedDirectory: number;
  seconds: number;
  conflicts?: readonly Conflict[];
  absentPersons?: number;
  weights?: readonly WeightsNote[];
  scope?: ScopeInfo;
  decisionsFile?: { source: string; format: string; decisions: readonly unknown[]; noDecision: number; notRead: readonly NotRead[] };
}

/** Builds the summary; every category appears in every per-category object, with 0 when empty. */
export function buildSummary(input: SummaryInput): Summary {
  const pairs = perCategory<Record<Status, number>>(() => ({ auto: 0, review: 0, unmatched: 0 }));
  const reasons = perCategory<Partial<Record<Reason, number>>>(() => ({}));
  let decided = 0;
  for (const p of input.proposals) {
    pairs[p.category][p.status]++;
    if (p.decided) decided++;
    if (p.status !== 'auto' && p.reason) reasons[p.category][p.reason] = (reasons[p.category][p.reason] ?? 0) + 1;
  }
  return {
    pronote: {
      read: countRead(input.pronote.persons),
      notRead: input.pronote.notRead.length,
      files: input.pronote.files,
      exportKind: input.pronote.exportKind ?? 'unknown',
      ...(input.pronote.guardianLinks ? { guardianLinks: input.pronote.guardianLinks } : {}),
    },
    directory: {
      read: countRead(input.directory.persons),
      notRead: input.directory.notRead.length,
      files: input.directory.files,
    },
    pairs,
    reasons,
    decided,
    unusedDirectory: input.unusedDirectory,
    conflicts: (input.conflicts ?? []).map(({ kind, source, account, persons }) => ({ kind, source, account, persons: [...persons] })),
    decisionsAboutAbsent: input.absentPersons ?? 0,
    ...(input.weights ? { weights: [...input.weights] } : {}),
    ...(input.scope ? { scope: { ...input.scope, structures: [...input.scope.structures] } } : {}),
    ...(input.decisionsFile
      ? {
          decisionsFile: {
            file: input.decisionsFile.source,
            format: input.decisionsFile.format,
            decisions: input.decisionsFile.decisions.length,
            noDecision: input.decisionsFile.noDecision,
            notRead: input.decisionsFile.notRead.map(({ location, reason }) => ({ location, reason })),
          },
        }
      : {}),
    seconds: Math.round(input.seconds * 1000) / 1000,
  };
}
