/**
 * What the printed report says of each Pronote person: the outcome (the engine's, or the decision
 * taken), and for those left the reason, grouped as the panel's "what is left" groups them. One
 * reading for the panel (steps and decisions) and the command line (proposals and earlier decisions).
 */
import { CATEGORIES, type Category, type Reason } from '../core/vocabulary';
import type { DecisionKind, Proposal } from '../matching/types';

/** A person's outcome: a decision's kind, the engine's sure pair, or the engine's status when undecided. */
export type Outcome = 'auto' | 'confirmed' | 'manual' | 'no-account' | 'rejected' | 'review' | 'unmatched';
export const OUTCOMES: readonly Outcome[] = ['auto', 'confirmed', 'manual', 'no-account', 'rejected', 'review', 'unmatched'];

/** Why a person is left: the engine's reason, a rejected proposal, or none given. */
export type LeftReason = Reason | 'rejected' | 'none';

/** One Pronote person as the report shows them. */
export interface ReportRow {
  category: Category;
  pronoteId: string;
  lastName: string;
  firstName: string;
  classes: readonly string[];
  outcome: Outcome;
  /** Set for the persons left (outcome `rejected`, `review` or `unmatched`). */
  left?: LeftReason;
}

/** The person fields the report reads (a store's `PersonView` and a reader's `Person` both fit). */
export interface ReportPerson {
  lastName: string;
  firstName: string;
  classes: readonly string[];
}

/**
 * The report's rows, in the order given. `decisions` are the user's (the panel's); without one, a
 * decision remembered from an earlier import (`proposal.decided`, other than a rejection, which only
 * removed a candidate) is the outcome, then the engine's status.
 */
export function reportRows(
  items: Iterable<{ proposal: Proposal; person: ReportPerson }>,
  decisions: Iterable<{ category: Category; pronoteId: string; kind: DecisionKind }> = [],
): ReportRow[] {
  const decided = new Map<string, DecisionKind>();
  for (const d of decisions) decided.set(`${d.category}\u0000${d.pronoteId}`, d.kind);
  const rows: ReportRow[] = [];
  for (const { proposal, person } of items) {
    const kind = decided.get(`${proposal.category}\u0000${proposal.pronoteId}`);
    const remembered = proposal.decided && proposal.decided !== 'rejected' ? proposal.decided : undefined;
    const outcome: Outcome = kind ?? remembered ?? proposal.status;
    const row: ReportRow = {
      category: proposal.category,
      pronoteId: proposal.pronoteId,
      lastName: person.lastName,
      firstName: person.firstName,
      classes: person.classes,
      outcome,
    };
    if (outcome === 'rejected') row.left = 'rejected';
    else if (outcome === 'review' || outcome === 'unmatched') row.left = proposal.reason ?? 'none';
    rows.push(row);
  }
  return rows;
}

/** Counts per category and outcome, every category and outcome present (0 when none). */
export function tallyOutcomes(rows: readonly ReportRow[]): Record<Category, Record<Outcome, number>> {
  const table = Object.fromEntries(CATEGORIES.map((c) => [c, Object.fromEntries(OUTCOMES.map((o) => [o, 0]))])) as Record<Category, Record<Outcome, number>>;
  for (const r of rows) table[r.category][r.outcome]++;
  return table;
}

/**
 * The persons left, grouped by reason, largest group first (ties in a fixed order); within a group
 * by category in step order, then by name, so that a printed list reads like a class list.
 */
export function leftGroups(rows: readonly ReportRow[]): Array<{ reason: LeftReason; rows: ReportRow[] }> {
  const groups = new Map<LeftReason, ReportRow[]>();
  for (const r of rows) {
    if (!r.left) continue;
    const list = groups.get(r.left) ?? [];
    list.push(r);
    groups.set(r.left, list);
  }
  const byName = (a: ReportRow, b: ReportRow) =>
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
    a.lastName.localeCompare(b.lastName, 'fr') ||
    a.firstName.localeCompare(b.firstName, 'fr');
  return [...groups.entries()]
    .map(([reason, list]) => ({ reason, rows: list.sort(byName) }))
    .sort((a, b) => b.rows.length - a.rows.length || a.reason.localeCompare(b.reason));
}
