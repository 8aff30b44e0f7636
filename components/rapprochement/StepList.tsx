/**
 * The list of a step's persons, virtualised (5,000 guardians scroll smoothly: PRODUCT.md, "How it
 * feels"), each row with its outcome. One Tab stop (roving tabindex: only the chosen person's row
 * is in the tab order; the arrow keys, Home and End move in the list, `step-keys.ts`).
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { VList, type VListHandle } from 'virtua';
import type { DecisionRow, StepItem } from '../../lib/store';
import { t } from '../i18n';
import { personLine } from './format';
import { DECISION_KEY, STATUS_KEY } from './message-keys';
import { tabStop } from './roving';
import type { Placed } from './step-items';

/** What a person's badge says: the decision, a decision remembered before, or the engine's status. */
export function outcomeLabel(item: StepItem, decision: DecisionRow | undefined): string {
  if (decision?.movedTo) return t('wbMovedTo');
  if (decision) return t(DECISION_KEY[decision.kind]);
  if (item.proposal.decided) return t('wbDecidedBefore', [t(DECISION_KEY[item.proposal.decided])]);
  return t(STATUS_KEY[item.proposal.status]);
}

/** The id of the row at `i` in the visible list (focus moves there). */
export const rowId = (i: number) => `wb-row-${i}`;

export function StepList({
  list,
  visible,
  decisions,
  position,
  onSelect,
}: {
  list: RefObject<VListHandle | null>;
  visible: Placed[];
  decisions: Map<string, DecisionRow>;
  /** Index in the step's items of the person shown in the detail. */
  position: number;
  onSelect: (index: number) => void;
}) {
  const stop = tabStop(visible, position);
  // A new list (another filter) keeps the person shown: their row is brought into view, where the
  // arrow keys start. Only a new list scrolls here, not each move (the step's goTo scrolls those).
  useEffect(() => {
    if (stop >= 0) list.current?.scrollToIndex(stop, { align: 'nearest' });
  }, [visible]);
  return (
    <VList
      ref={list}
      class="wb-list"
      style={{ height: `${Math.max(40, Math.min(280, visible.length * 36 + 2))}px` }}
      aria-label={t('wbListLabel')}
      data={visible}
      itemSize={36}
      // The row in the tab order stays in the document when scrolled away, so that Tab always finds the list.
      keepMounted={stop >= 0 ? [stop] : undefined}
    >
      {({ item, index }: Placed, i: number) => (
        <Row
          key={item.proposal.pronoteId}
          id={rowId(i)}
          item={item}
          decision={decisions.get(item.proposal.pronoteId)}
          selected={index === position}
          tabbable={i === stop}
          onSelect={() => onSelect(index)}
        />
      )}
    </VList>
  );
}

function Row({
  id,
  item,
  decision,
  selected,
  tabbable,
  onSelect,
}: {
  id: string;
  item: StepItem;
  decision: DecisionRow | undefined;
  selected: boolean;
  tabbable: boolean;
  onSelect: () => void;
}) {
  const state = decision?.movedTo ? 'review' : (decision?.kind ?? item.proposal.status);
  return (
    <button type="button" id={id} class={`wb-row wb-row-${state}`} aria-current={selected ? 'true' : undefined} tabIndex={tabbable ? 0 : -1} onClick={onSelect}>
      <span class="wb-row-name">{personLine(item.person)}</span>
      <span class={`wb-badge wb-badge-${state}`}>{outcomeLabel(item, decision)}</span>
    </button>
  );
}
