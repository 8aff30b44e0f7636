/**
 * The six steps (seed §4: enseignants, élèves, responsables, maîtres de stage, inspecteurs
 * pédagogiques, personnels), in a step bar that stays visible. In each step: automatic pairs (each
 * can be undone), candidates to confirm with the evidence, unrecognised persons with a search over
 * the whole directory, and "Pas de compte ENT". Validating freezes the step; cancelling keeps the
 * steps already validated. Every decision is stored as it is made.
 *
 * The parts: the list (`StepList`), the detail (`StepDetail`, with `DirectorySearchBox`), the
 * keyboard map (`step-keys`), the decisions hook (`use-step-decisions`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { VListHandle } from 'virtua';
import { CATEGORIES, type Category } from '../../lib/core/person';
import {
  cancelStep,
  type PasserelleDB,
  type PersonView,
  type Rapprochement,
  reopenStep,
  type StepItem,
  updateRapprochement,
  validateStep,
} from '../../lib/store';
import { formatNumber, t } from '../i18n';
import { categoryLabel, msgKey } from './format';
import { LeftExplained } from './LeftExplained';
import { StepBar } from './StepBar';
import { StepDetail } from './StepDetail';
import { rowId, StepList } from './StepList';
import { type Filter, filterItems, type ShownStep, statusCounts } from './step-items';
import { stepKeyAction } from './step-keys';
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

export function Steps({ db, client, r, onChange, shown }: Props) {
  const rid = r.id!;
  const category: Category = CATEGORIES[r.currentStep] ?? 'teacher';
  const frozen = r.steps[category] === 'validated';
  // The step given by the pairing is shown without reading the store (which may still be writing).
  const given = shown?.rid === rid && shown.category === category ? shown : undefined;
  const [filter, setFilter] = useState<Filter>('all');
  const [position, setPosition] = useState(r.position);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const list = useRef<VListHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const onLoaded = useCallback((loaded: StepItem[]) => setPosition(Math.min(r.position, Math.max(0, loaded.length - 1))), [r.position]);
  const { items, decisions, decide, undo, run, notice, taken, moveTaken, keepTaken } = useStepDecisions(db, rid, category, given, onLoaded);
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

  const visible = useMemo(() => (items ? filterItems(items, filter) : []), [items, filter]);
  const selected = items?.[position];

  // Where the user is is saved (debounced), so that reopening the panel resumes here.
  useEffect(() => {
    const timer = setTimeout(() => {
      updateRapprochement(db, rid, { position }).catch(() => {});
    }, 300);
    return () => clearTimeout(timer);
  }, [db, rid, position]);

  const move = useCallback(
    (delta: number) => {
      if (!visible.length) return;
      const at = visible.findIndex((v) => v.index === position);
      const next = Math.max(0, Math.min(visible.length - 1, (at < 0 ? -1 : at) + delta));
      setPosition(visible[next].index);
      list.current?.scrollToIndex(next, { align: 'nearest' });
      requestAnimationFrame(() => document.getElementById(rowId(next))?.focus());
    },
    [visible, position],
  );

  const confirmBest = (item: StepItem) => {
    const best = item.candidates[0];
    if (best) decide(item, 'confirmed', best);
  };
  const reject = (item: StepItem) => {
    const target = item.proposal.status === 'auto' ? item.proposal.entId : item.candidates[0]?.id;
    const account = item.candidates.find((c) => c.id === target);
    if (target) decide(item, 'rejected', account ?? ({ id: target } as PersonView));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const action = stepKeyAction(e, !!(e.target as HTMLElement).closest('input, textarea, select'));
    if (!action) return;
    const item = selected;
    if (action === 'list') move(0);
    else if (action === 'next') move(1);
    else if (action === 'previous') move(-1);
    else if (action === 'search') searchInput.current?.focus();
    else if (frozen || !item) return;
    else if (action === 'confirm') confirmBest(item);
    else if (action === 'reject') reject(item);
    else if (action === 'no-account') decide(item, 'no-account');
    else if (action === 'undo') undo(item);
    e.preventDefault();
  };

  const go = (index: number) => change(() => updateRapprochement(db, rid, { currentStep: index, position: 0, phase: 'steps' }));

  const counts = useMemo(() => statusCounts(items ?? []), [items]);

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
      {items === null ? (
        <p aria-busy="true">{t('wbLoadingStep')}</p>
      ) : (
        <>
          <div class="wb-filters" role="group" aria-label={t('wbFilterLabel')}>
            {(['all', 'auto', 'review', 'unmatched'] as const).map((f) => (
              <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {t(msgKey(`wbFilter_${f}`), [formatNumber(f === 'all' ? items.length : counts[f])])}
              </button>
            ))}
          </div>
          {items.length === 0 ? (
            <>
              <p>{t('wbStepEmpty')}</p>
              <Notices notice={notice} />
            </>
          ) : (
            <>
              <Notices notice={notice} />
              {taken && <TakenDialog taken={taken} r={r} onMove={moveTaken} onKeep={keepTaken} />}
              {selected && (
                <StepDetail
                  key={selected.proposal.pronoteId}
                  item={selected}
                  decision={decisions.get(selected.proposal.pronoteId)}
                  frozen={frozen}
                  client={client}
                  rid={rid}
                  searchInput={searchInput}
                  onDecide={decide}
                  onUndo={undo}
                  onReject={reject}
                />
              )}
              <StepList list={list} visible={visible} decisions={decisions} position={position} onSelect={setPosition} />
            </>
          )}
          <details class="wb-keys">
            <summary>{t('wbKeysTitle')}</summary>
            <p>{t('wbKeys')}</p>
          </details>
          <LeftExplained items={items} decisions={[...decisions.values()]} />
          {!frozen && (
            <div class="wb-actions">
              <button type="button" class="wb-primary" onClick={() => change(() => validateStep(db, rid, category))}>
                {t('wbValidateStep', [categoryLabel(category)])}
              </button>
              {confirmCancel ? (
                <span role="group" aria-label={t('wbCancelImport')}>
                  <span>{t('wbCancelConfirmText')}</span>
                  <button type="button" onClick={() => change(() => cancelStep(db, rid, category))}>
                    {t('wbCancelConfirm')}
                  </button>
                  <button type="button" onClick={() => setConfirmCancel(false)}>
                    {t('wbKeepGoing')}
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirmCancel(true)}>
                  {t('wbCancelImport')}
                </button>
              )}
            </div>
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
