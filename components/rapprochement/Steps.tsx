/**
 * The six steps (seed §4: enseignants, élèves, responsables, maîtres de stage, inspecteurs
 * pédagogiques, personnels), in a step bar that stays visible. In each step: automatic pairs (each
 * can be undone), candidates to confirm with the evidence, unrecognised persons with a search over
 * the directory, and "Pas de compte ENT". Validating freezes the step (it can be reopened);
 * cancelling keeps the steps already validated. Every decision is stored as it is made.
 *
 * A step is a worklist (issue 14 point 5): it opens on the people to handle when there are any,
 * "Suivant" goes to the next one after each decision, the detail always shows a person of the list,
 * and validating with people left asks first.
 *
 * The parts: the list (`StepList`), the detail (`StepDetail`, with `DirectorySearchBox`), the
 * keyboard map (`step-keys`), the decisions hook and its write path (`use-step-decisions`).
 */
import { focusRowWhenShown } from './focus-row';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { VListHandle } from 'virtua';
import { CATEGORIES, type Category } from '../../lib/core/person';
import { DIRECTORY_POOLS } from '../../lib/matching';
import type { DecisionKind } from '../../lib/matching/types';
import {
  cancelStep,
  type DecisionRow,
  displayName,
  type PasserelleDB,
  type PersonView,
  type Rapprochement,
  reopenStep,
  type StepItem,
  updateRapprochement,
  validateStep,
} from '../../lib/store';
import { formatNumber, t } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { categoryLabel, tCount } from './format';
import { FILTER_KEY } from './message-keys';
import { LeftExplained } from './LeftExplained';
import { StepBar } from './StepBar';
import { StepConflicts, stepConflicts } from './StepConflicts';
import { StepDetail } from './StepDetail';
import { type RovingMove, rovingTarget } from './roving';
import { rowId, StepList } from './StepList';
import { type Filter, filterItems, isLeft, isToHandle, nextLeft, type ShownStep, statusCounts } from './step-items';
import { stepKeyAction } from './step-keys';
import { storeErrorMessage } from './store-errors';
import { TakenDialog } from './TakenDialog';
import { type Notice, useStepDecisions } from './use-step-decisions';
import type { WorkerClient } from './worker-client';

export type { ShownStep } from './step-items';
export { StepBar } from './StepBar';

interface Props {
  db: PasserelleDB;
  client: WorkerClient;
  r: Rapprochement;
  onChange: (r: Rapprochement) => void;
  /** A step given by the pairing (shown without waiting for the store, which may still be writing). */
  shown?: ShownStep;
}

const FILTERS: readonly Filter[] = ['todo', 'all', 'auto', 'review', 'unmatched'];

/** The step on screen; each step starts afresh (its own filter and place), never the previous step's. */
export function Steps(props: Props) {
  const category: Category = CATEGORIES[props.r.currentStep] ?? 'teacher';
  return <Step key={`${props.r.id}-${category}`} {...props} category={category} />;
}

function Step({ db, client, r, onChange, shown, category }: Props & { category: Category }) {
  const rid = r.id!;
  const frozen = r.steps[category] === 'validated';
  // The step given by the pairing is shown without reading the store (which may still be writing).
  const given = shown?.rid === rid && shown.category === category ? shown : undefined;
  const [filter, setFilter] = useState<Filter>('todo');
  const [position, setPosition] = useState(r.position);
  const [asking, setAsking] = useState<'validate' | 'cancel' | undefined>();
  const list = useRef<VListHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const resumeAt = useRef(r.position);

  // Opens on the worklist when it has anyone, at the saved place if it is in the list shown.
  const onLoaded = useCallback((loaded: StepItem[], ds: Map<string, DecisionRow>) => {
    const open: Filter = loaded.some((i) => isToHandle(i, ds.get(i.proposal.pronoteId))) ? 'todo' : 'all';
    const shownNow = filterItems(loaded, open, ds);
    setFilter(open);
    setPosition(shownNow.some((v) => v.index === resumeAt.current) ? resumeAt.current : (shownNow[0]?.index ?? 0));
  }, []);
  const { items, decisions, decide, undo, run, notice, setNotice, taken, moveTaken, keepTaken } = useStepDecisions(db, rid, category, given, onLoaded);

  /** A step-level write (validate, cancel, reopen, go to a step): the rapprochement it gives is shown. */
  const change = async (write: () => Promise<Rapprochement>) => {
    const next = await run(write);
    if (next) onChange(next);
  };

  // Once the step given by the pairing is drawn, the worker may write the other steps.
  useEffect(() => {
    if (!given || !items) return;
    const frame = requestAnimationFrame(() => client.shown());
    return () => cancelAnimationFrame(frame);
  }, [given, items, client]);

  const visible = useMemo(() => (items ? filterItems(items, filter, decisions) : []), [items, filter, decisions]);
  // The detail always shows a person of the list: when the list changes, its first person.
  useEffect(() => {
    if (visible.length && !visible.some((v) => v.index === position)) setPosition(visible[0].index);
  }, [visible, position]);
  const selected = visible.some((v) => v.index === position) ? items?.[position] : undefined;
  const left = useMemo(() => (items ?? []).filter((i) => isLeft(i, decisions.get(i.proposal.pronoteId))).length, [items, decisions]);

  // Where the user is is saved (debounced), so that reopening the panel resumes here.
  useEffect(() => {
    const timer = setTimeout(() => {
      updateRapprochement(db, rid, { position }).catch((e: unknown) => setNotice({ kind: 'error', text: storeErrorMessage(e) }));
    }, 300);
    return () => clearTimeout(timer);
  }, [db, rid, position, setNotice]);

  const stopFocus = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stopFocus.current?.(), []);
  const goTo = useCallback(
    (at: number, focusRow = true) => {
      if (!visible[at]) return;
      setPosition(visible[at].index);
      list.current?.scrollToIndex(at, { align: 'nearest' });
      if (focusRow) {
        // One jump at a time: a new key press replaces the row still being focused.
        stopFocus.current?.();
        stopFocus.current = focusRowWhenShown(rowId(at), '.wb-list');
      }
    },
    [visible],
  );

  const move = useCallback(
    (to: RovingMove) => {
      const next = rovingTarget(
        visible.findIndex((v) => v.index === position),
        visible.length,
        to,
      );
      if (next >= 0) goTo(next);
    },
    [visible, position, goTo],
  );

  /** "Suivant": the next person still to decide in the list. */
  const next = () => {
    const at = nextLeft(visible, position, decisions);
    if (at !== undefined) goTo(at, false);
  };

  /** A decision, then "Suivant" gets the focus (the buttons that made it are gone). */
  const decideThen = async (item: StepItem, kind: DecisionKind, account?: PersonView) => {
    const done = await decide(item, kind, account);
    if (!done) return;
    if (kind === 'manual' && account && !DIRECTORY_POOLS[category].includes(account.category))
      setNotice({ kind: 'warning', text: t('wbCrossDone', [displayName(item.person), categoryLabel(account.category), categoryLabel(category)]) });
    requestAnimationFrame(() => nextButton.current?.focus());
  };
  const undoThen = async (item: StepItem) => {
    if (await undo(item)) requestAnimationFrame(() => nextButton.current?.focus());
  };

  const confirmBest = (item: StepItem) => {
    const best = item.candidates[0];
    if (best) decideThen(item, 'confirmed', best);
  };
  const reject = (item: StepItem) => {
    const target = item.proposal.status === 'auto' ? item.proposal.entId : item.candidates[0]?.id;
    const account = item.candidates.find((c) => c.id === target);
    if (target) decideThen(item, 'rejected', account ?? ({ id: target } as PersonView));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const action = stepKeyAction(e, !!(e.target as HTMLElement).closest('input, textarea, select'));
    if (!action) return;
    const item = selected;
    if (action === 'list') move('current');
    else if (action === 'next' || action === 'previous' || action === 'first' || action === 'last') move(action);
    else if (action === 'search') searchInput.current?.focus();
    else if (frozen || !item) return;
    else if (action === 'confirm') confirmBest(item);
    else if (action === 'reject') reject(item);
    else if (action === 'no-account') decideThen(item, 'no-account');
    else if (action === 'undo') undoThen(item);
    e.preventDefault();
  };

  const go = (index: number) => change(() => updateRapprochement(db, rid, { currentStep: index, position: 0, phase: 'steps' }));
  const validate = () => change(() => validateStep(db, rid, category));

  const counts = useMemo(() => statusCounts(items ?? []), [items]);
  const todoCount = useMemo(() => (items ?? []).filter((i) => isToHandle(i, decisions.get(i.proposal.pronoteId))).length, [items, decisions]);
  const conflicts = useMemo(() => stepConflicts(r.conflicts, category, items ?? []), [r.conflicts, category, items]);

  return (
    <div class="wb-steps" role="region" aria-label={t('wbStepsLabel')} onKeyDown={onKeyDown}>
      <StepBar r={r} onGo={go} />
      <h2 class="wb-step-title">
        {t('wbStepTitle', [String(r.currentStep + 1), categoryLabel(category)])}
        {frozen && <span class="wb-badge wb-badge-ok">{t('wbStepState_validated')}</span>}
        {r.steps[category] === 'cancelled' && <span class="wb-badge wb-badge-bad">{t('wbStepState_cancelled')}</span>}
      </h2>
      {category === 'guardian' && r.pronote?.guardianLinks && r.pronote.guardianLinks.guardians > 0 && r.pronote.guardianLinks.linked === 0 && (
        <p class="wb-warning" data-testid="wb-step-no-links">
          {t('wbNoGuardianLinks')}
        </p>
      )}
      {taken && <TakenDialog taken={taken} r={r} onMove={moveTaken} onKeep={keepTaken} />}
      {items === null ? (
        <p aria-busy="true">{t('wbLoadingStep')}</p>
      ) : (
        <>
          <div class="wb-filters" role="group" aria-label={t('wbFilterLabel')}>
            {FILTERS.map((f) => (
              <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {t(FILTER_KEY[f], [formatNumber(f === 'all' ? items.length : f === 'todo' ? todoCount : counts[f])])}
              </button>
            ))}
          </div>
          <StepConflicts
            conflicts={conflicts}
            items={items}
            onOpen={(index) => {
              const at = visible.findIndex((v) => v.index === index);
              if (at >= 0) goTo(at);
              else {
                setFilter('all');
                setPosition(index);
              }
            }}
          />
          {items.length === 0 ? (
            <>
              <p>{t('wbStepEmpty')}</p>
              <Notices notice={notice} />
            </>
          ) : (
            <>
              <StepList list={list} visible={visible} decisions={decisions} position={position} onSelect={setPosition} />
              <div class="wb-worklist">
                <p role="status" class="wb-hint" data-testid="wb-left">
                  {left > 0 ? tCount('wbTodoLeft', left) : t('wbTodoDone')}
                </p>
                <button type="button" ref={nextButton} disabled={left === 0} onClick={next}>
                  {t('wbNextPerson')}
                </button>
              </div>
              <Notices notice={notice} />
              {selected && (
                <StepDetail
                  key={selected.proposal.pronoteId}
                  item={selected}
                  decision={decisions.get(selected.proposal.pronoteId)}
                  frozen={frozen}
                  client={client}
                  rid={rid}
                  category={category}
                  directoryCounts={r.directory?.counts}
                  searchInput={searchInput}
                  onDecide={decideThen}
                  onUndo={undoThen}
                  onReject={reject}
                />
              )}
            </>
          )}
          <details class="wb-keys">
            <summary>{t('wbKeysTitle')}</summary>
            <p>{t('wbKeys')}</p>
          </details>
          <LeftExplained items={items} decisions={[...decisions.values()]} />
          {!frozen && (
            <div class="wb-actions">
              <button type="button" class="wb-primary" onClick={() => (left > 0 ? setAsking('validate') : validate())}>
                {t('wbValidateStep', [categoryLabel(category)])}
              </button>
              <button type="button" onClick={() => setAsking('cancel')}>
                {t('wbCancelImport')}
              </button>
            </div>
          )}
          {asking === 'validate' && (
            <ConfirmDialog
              title={t('wbValidateAskTitle', [categoryLabel(category)])}
              text={tCount('wbValidateAskText', left)}
              keep={t('wbKeepGoing')}
              confirm={t('wbValidateAnyway')}
              primary
              testId="wb-validate-dialog"
              onClose={() => setAsking(undefined)}
              onConfirm={validate}
            />
          )}
          {asking === 'cancel' && (
            <ConfirmDialog
              title={t('wbCancelImport')}
              text={t('wbCancelConfirmText')}
              keep={t('wbKeepGoing')}
              confirm={t('wbCancelConfirm')}
              testId="wb-cancel-dialog"
              onClose={() => setAsking(undefined)}
              onConfirm={() => change(() => cancelStep(db, rid, category))}
            />
          )}
          {frozen && (
            <div class="wb-actions">
              <p class="wb-hint">{t('wbFrozen')}</p>
              <button type="button" onClick={() => go(nextIndex(r))}>
                {t('wbNextStep')}
              </button>
              <button type="button" onClick={() => change(() => reopenStep(db, rid, category))}>
                {t('wbReopenStep', [categoryLabel(category)])}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** The message of the last write: an error as an alert, anything else as a status. */
function Notices({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  if (notice.kind === 'error')
    return (
      <p role="alert" class="wb-error" data-testid="wb-notice">
        {notice.text}
      </p>
    );
  return (
    <p role="status" class={notice.kind === 'warning' ? 'wb-warning' : 'wb-done'} data-testid="wb-notice">
      {notice.text}
    </p>
  );
}

function nextIndex(r: Rapprochement): number {
  const i = CATEGORIES.findIndex((c, k) => k > r.currentStep && r.steps[c] === 'pending');
  return i < 0 ? Math.min(r.currentStep + 1, CATEGORIES.length - 1) : i;
}
