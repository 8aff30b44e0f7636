/**
 * The items of one step as the list shows them: how a step given by the pairing is parsed, the
 * order of the list, and the filters.
 */
import type { Category } from '../../lib/core/person';
import type { DecisionRow, StepItem } from '../../lib/store';

/**
 * True when a person belongs to the step's worklist (issue 14 point 5): sent to review or not
 * recognised by the engine, or whose account was just moved to someone else.
 */
export const isToHandle = (item: StepItem, decision: DecisionRow | undefined): boolean => item.proposal.status !== 'auto' || !!decision?.movedTo;

/** True when a person of the worklist is still to decide (no decision, or the account moved away). */
export const isLeft = (item: StepItem, decision: DecisionRow | undefined): boolean => isToHandle(item, decision) && (!decision || !!decision.movedTo);

/** One step as the pairing gave it: its stored chunks (JSON of `StepItem[]`, see `StepRow`) and decisions. */
export interface ShownStep {
  rid: number;
  category: Category;
  chunks: string[];
  decisions: DecisionRow[];
}

/** The items of a shown step, a chunk per task (as `loadStep` reads them), so that no task is long. */
export async function parseShown(shown: ShownStep): Promise<StepItem[]> {
  const items: StepItem[] = [];
  for (const [i, json] of shown.chunks.entries()) {
    if (i > 0) await new Promise((r) => setTimeout(r, 0));
    for (const item of JSON.parse(json) as StepItem[]) items.push(item);
  }
  return items;
}

/** `todo`: the worklist (`isToHandle`), what a step opens on when it has any. */
export type Filter = 'todo' | 'all' | 'auto' | 'review' | 'unmatched';
const ORDER = { auto: 0, review: 1, unmatched: 2 } as const;

/** Items in the order the step shows them: automatic pairs, then candidates, then unrecognised. */
export function sortItems(items: StepItem[]): StepItem[] {
  return [...items].sort((a, b) => ORDER[a.proposal.status] - ORDER[b.proposal.status]);
}

/** An item with its index in the step's sorted items. */
export interface Placed {
  item: StepItem;
  index: number;
}

/** The items a filter shows, with their index in `items`. */
export function filterItems(items: StepItem[], filter: Filter, decisions: ReadonlyMap<string, DecisionRow>): Placed[] {
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => (filter === 'todo' ? isToHandle(item, decisions.get(item.proposal.pronoteId)) : filter === 'all' || item.proposal.status === filter));
}

/**
 * The place in `visible` of the next person still to decide after the one at `position` (an index
 * in the step's items), going round to the start; undefined when nobody is left.
 */
export function nextLeft(visible: Placed[], position: number, decisions: ReadonlyMap<string, DecisionRow>): number | undefined {
  const at = visible.findIndex((v) => v.index === position);
  for (let k = 1; k <= visible.length; k++) {
    const i = (at + k + visible.length) % visible.length;
    const { item } = visible[i];
    if (i !== at && isLeft(item, decisions.get(item.proposal.pronoteId))) return i;
  }
  return undefined;
}

/** Items per engine status. */
export function statusCounts(items: StepItem[]): Record<'auto' | 'review' | 'unmatched', number> {
  const c = { auto: 0, review: 0, unmatched: 0 };
  for (const item of items) c[item.proposal.status]++;
  return c;
}
