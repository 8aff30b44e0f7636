/**
 * The six steps (seed §4: enseignants, élèves, responsables, maîtres de stage, inspecteurs
 * pédagogiques, personnels), in a step bar that stays visible. In each step: automatic pairs (each
 * can be undone), candidates to confirm with the evidence, unrecognised persons with a search over
 * the whole directory, and "Pas de compte ENT". Validating freezes the step; cancelling keeps the
 * steps already validated. Every decision is stored as it is made.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { VList, type VListHandle } from 'virtua';
import { personKey } from '../../lib/matching/person-key';
import type { DecisionKind } from '../../lib/matching/types';
import { CATEGORIES, type Category } from '../../lib/core/person';
import {
  cancelStep,
  type DecisionRow,
  displayName,
  loadDecisions,
  loadStep,
  type PasserelleDB,
  type PersonView,
  type Rapprochement,
  removeDecision,
  type StepItem,
  setDecision,
  updateRapprochement,
  validateStep,
} from '../../lib/store';
import { formatNumber, t } from '../i18n';
import { categoryLabel, formatDate, formatDateTime, formatPercent, levelLabel, msgKey, personLine, tCount } from './format';
import { LeftExplained } from './LeftExplained';
import type { WorkerClient } from './worker-client';

interface Props {
  db: PasserelleDB;
  client: WorkerClient;
  r: Rapprochement;
  onChange: (r: Rapprochement) => void;
  /** A step given by the pairing (shown without waiting for the store, which may still be writing). */
  shown?: ShownStep;
}

/** One step as the pairing gave it: its stored chunks (JSON of `StepItem[]`, see `StepRow`) and decisions. */
export interface ShownStep {
  rid: number;
  category: Category;
  chunks: string[];
  decisions: DecisionRow[];
}

/** The items of a shown step, a chunk per task (as `loadStep` reads them), so that no task is long. */
async function parseShown(shown: ShownStep): Promise<StepItem[]> {
  const items: StepItem[] = [];
  for (const [i, json] of shown.chunks.entries()) {
    if (i > 0) await new Promise((r) => setTimeout(r, 0));
    for (const item of JSON.parse(json) as StepItem[]) items.push(item);
  }
  return items;
}

type Filter = 'all' | 'auto' | 'review' | 'unmatched';
const ORDER = { auto: 0, review: 1, unmatched: 2 } as const;

/** Items in the order the step shows them: automatic pairs, then candidates, then unrecognised. */
function sortItems(items: StepItem[]): StepItem[] {
  return [...items].sort((a, b) => ORDER[a.proposal.status] - ORDER[b.proposal.status]);
}

export function StepBar({ r, onGo }: { r: Rapprochement; onGo: (index: number) => void }) {
  return (
    <nav class="wb-stepbar" aria-label={t('wbStepsLabel')}>
      <ol>
        {CATEGORIES.map((c, i) => {
          const state = r.steps[c];
          return (
            <li key={c}>
              <button
                type="button"
                aria-current={i === r.currentStep && r.phase === 'steps' ? 'step' : undefined}
                class={`wb-step wb-step-${state}`}
                onClick={() => onGo(i)}
                title={t(msgKey(`wbStepState_${state}`))}
              >
                <span class="wb-step-n">{i + 1}</span> {categoryLabel(c)}
                <span class="wb-sr"> — {t(msgKey(`wbStepState_${state}`))}</span>
                {state === 'validated' && <span aria-hidden="true"> ✓</span>}
                {state === 'cancelled' && <span aria-hidden="true"> ✕</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function Steps({ db, client, r, onChange, shown }: Props) {
  const rid = r.id!;
  const category: Category = CATEGORIES[r.currentStep] ?? 'teacher';
  const frozen = r.steps[category] === 'validated';
  // The step given by the pairing is shown without reading the store (which may still be writing).
  const given = shown?.rid === rid && shown.category === category ? shown : undefined;
  const [items, setItems] = useState<StepItem[] | null>(null);
  const [decisions, setDecisions] = useState<Map<string, DecisionRow>>(new Map());
  const [filter, setFilter] = useState<Filter>('all');
  const [position, setPosition] = useState(r.position);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [error, setError] = useState('');
  const list = useRef<VListHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    setItems(null);
    const loading = given ? Promise.all([parseShown(given), given.decisions]) : Promise.all([loadStep(db, rid, category), loadDecisions(db, rid, category)]);
    loading.then(([loaded, ds]) => {
      if (!live) return;
      setItems(sortItems(loaded));
      setDecisions(new Map(ds.map((d) => [d.pronoteId, d])));
      setPosition(Math.min(r.position, Math.max(0, loaded.length - 1)));
    });
    return () => {
      live = false;
    };
  }, [db, rid, category, r.position, given]);

  // Once the step given by the pairing is drawn, the worker may write the other steps.
  useEffect(() => {
    if (!given || !items) return;
    const frame = requestAnimationFrame(() => client.shown());
    return () => cancelAnimationFrame(frame);
  }, [given, items, client]);

  const visible = useMemo(() => {
    if (!items) return [];
    return items.map((item, index) => ({ item, index })).filter(({ item }) => filter === 'all' || item.proposal.status === filter);
  }, [items, filter]);

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
      requestAnimationFrame(() => document.getElementById(`wb-row-${next}`)?.focus());
    },
    [visible, position],
  );

  const decide = useCallback(
    async (item: StepItem, kind: DecisionKind, account?: PersonView) => {
      setError('');
      try {
        const row = await setDecision(db, rid, {
          category,
          pronoteId: item.proposal.pronoteId,
          personKey: personKey(item.person),
          kind,
          entId: account?.id,
          entLabel: account ? displayName(account) : undefined,
        });
        setDecisions((m) => new Map(m).set(row.pronoteId, row));
      } catch (e) {
        setError(String(e));
      }
    },
    [db, rid, category],
  );

  const undo = useCallback(
    async (item: StepItem) => {
      await removeDecision(db, rid, category, item.proposal.pronoteId);
      setDecisions((m) => {
        const next = new Map(m);
        next.delete(item.proposal.pronoteId);
        return next;
      });
    },
    [db, rid, category],
  );

  const confirmBest = (item: StepItem) => {
    const best = item.candidates[0];
    if (best) decide(item, 'confirmed', best);
  };
  const reject = (item: StepItem) => {
    const target = item.proposal.status === 'auto' ? item.proposal.entId : item.candidates[0]?.id;
    const account = item.candidates.find((c) => c.id === target);
    if (target) decide(item, 'rejected', account ?? { id: target } as PersonView);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) {
      if (e.key === 'Escape') {
        e.preventDefault();
        move(0);
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const item = selected;
    const key = e.key;
    if (key === 'ArrowDown' || key === 'j') move(1);
    else if (key === 'ArrowUp' || key === 'k') move(-1);
    else if (key === '/' || key === 'f') searchInput.current?.focus();
    else if (!frozen && item && key === 'c') confirmBest(item);
    else if (!frozen && item && key === 'r') reject(item);
    else if (!frozen && item && key === 'n') decide(item, 'no-account');
    else if (!frozen && item && key === 'u') undo(item);
    else return;
    e.preventDefault();
  };

  const go = async (index: number) => onChange(await updateRapprochement(db, rid, { currentStep: index, position: 0, phase: 'steps' }));

  const counts = useMemo(() => {
    const c = { auto: 0, review: 0, unmatched: 0 };
    for (const item of items ?? []) c[item.proposal.status]++;
    return c;
  }, [items]);

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
            <p>{t('wbStepEmpty')}</p>
          ) : (
            <>
              {selected && (
                <Detail
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
              <VList
                ref={list}
                class="wb-list"
                style={{ height: '320px' }}
                aria-label={t('wbListLabel')}
                data={visible}
                itemSize={36}
              >
                {({ item, index }: { item: StepItem; index: number }, i: number) => (
                  <Row
                    key={item.proposal.pronoteId}
                    id={`wb-row-${i}`}
                    item={item}
                    decision={decisions.get(item.proposal.pronoteId)}
                    selected={index === position}
                    onSelect={() => setPosition(index)}
                  />
                )}
              </VList>
            </>
          )}
          <details class="wb-keys">
            <summary>{t('wbKeysTitle')}</summary>
            <p>{t('wbKeys')}</p>
          </details>
          <LeftExplained items={items} decisions={[...decisions.values()]} />
          {error && (
            <p role="alert" class="wb-error">
              {error}
            </p>
          )}
          {!frozen && (
            <div class="wb-actions">
              <button
                type="button"
                class="wb-primary"
                onClick={async () => onChange(await validateStep(db, rid, category))}
              >
                {t('wbValidateStep', [categoryLabel(category)])}
              </button>
              {confirmCancel ? (
                <span role="group" aria-label={t('wbCancelImport')}>
                  <span>{t('wbCancelConfirmText')}</span>
                  <button type="button" onClick={async () => onChange(await cancelStep(db, rid, category))}>
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
            </div>
          )}
        </>
      )}
    </div>
  );
}

function nextIndex(r: Rapprochement): number {
  const i = CATEGORIES.findIndex((c, k) => k > r.currentStep && r.steps[c] === 'pending');
  return i < 0 ? Math.min(r.currentStep + 1, CATEGORIES.length - 1) : i;
}

function outcomeLabel(item: StepItem, decision: DecisionRow | undefined): string {
  if (decision) return t(msgKey(`wbDecision_${decision.kind}`));
  if (item.proposal.decided) return t('wbDecidedBefore', [t(msgKey(`wbDecision_${item.proposal.decided}`))]);
  return t(msgKey(`wbStatus_${item.proposal.status}`));
}

function Row({
  id,
  item,
  decision,
  selected,
  onSelect,
}: {
  id: string;
  item: StepItem;
  decision: DecisionRow | undefined;
  selected: boolean;
  onSelect: () => void;
}) {
  const state = decision?.kind ?? item.proposal.status;
  return (
    <button type="button" id={id} class={`wb-row wb-row-${state}`} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
      <span class="wb-row-name">{personLine(item.person)}</span>
      <span class={`wb-badge wb-badge-${state}`}>{outcomeLabel(item, decision)}</span>
    </button>
  );
}

function Evidence({ item, index }: { item: StepItem; index: number }) {
  const evidence = item.proposal.candidates[index]?.evidence ?? [];
  if (!evidence.length) return null;
  return (
    <ul class="wb-evidence" aria-label={t('wbEvidence')}>
      {evidence.map((e) => (
        <li key={e.field} class={e.weight > 0 ? 'wb-agree' : e.weight < 0 ? 'wb-disagree' : 'wb-neutral'}>
          {t(msgKey(`wbField_${e.field}`))} : {levelLabel(e.level)}
        </li>
      ))}
    </ul>
  );
}

function Detail({
  item,
  decision,
  frozen,
  client,
  rid,
  searchInput,
  onDecide,
  onUndo,
  onReject,
}: {
  item: StepItem;
  decision: DecisionRow | undefined;
  frozen: boolean;
  client: WorkerClient;
  rid: number;
  searchInput: { current: HTMLInputElement | null };
  onDecide: (item: StepItem, kind: DecisionKind, account?: PersonView) => void;
  onUndo: (item: StepItem) => void;
  onReject: (item: StepItem) => void;
}) {
  const { proposal, person } = item;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PersonView[]>([]);
  const seq = useRef(0);

  const search = async (q: string) => {
    setQuery(q);
    const mine = ++seq.current;
    if (!q.trim()) {
      setHits([]);
      return;
    }
    const reply = await client.request({ kind: 'search', rid, query: q, limit: 30 });
    if (mine === seq.current && reply.kind === 'results') setHits(reply.hits);
  };

  return (
    <section class="wb-detail" aria-labelledby="wb-detail-name" aria-live="polite">
      <h3 id="wb-detail-name">{displayName(person) || person.id}</h3>
      <p class="wb-hint">
        {[person.classes.join(', '), formatDate(person.birthDate), person.email, `${t('wbPronoteId')} ${person.id}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p>
        <span class={`wb-badge wb-badge-${decision?.kind ?? proposal.status}`}>{outcomeLabel(item, decision)}</span>
        {decision && <span class="wb-hint"> {formatDateTime(decision.decidedAt)}</span>}
        {decision?.entLabel && <span> → {decision.entLabel}</span>}
      </p>
      {proposal.reason && !decision && proposal.status !== 'auto' && <p class="wb-reason">{t(msgKey(`wbReason_${proposal.reason}`))}</p>}
      {item.candidates.length > 0 && (
        <ol class="wb-candidates" aria-label={t('wbCandidates')}>
          {item.candidates.map((c, i) => {
            const score = proposal.candidates[i]?.score ?? 0;
            const isPair = proposal.status === 'auto' && proposal.entId === c.id;
            return (
              <li key={c.id}>
                <div>
                  <strong>{personLine(c)}</strong> <span class="wb-hint">{c.id}</span>{' '}
                  <span class="wb-score">{formatPercent(Math.round(score * 100))}</span>
                  {isPair && <span class="wb-badge wb-badge-auto">{t('wbStatus_auto')}</span>}
                </div>
                <Evidence item={item} index={i} />
                {!frozen && !decision && (
                  <div class="wb-buttons">
                    {!isPair && (
                      <button type="button" onClick={() => onDecide(item, 'confirmed', c)}>
                        {t('wbConfirm')}
                      </button>
                    )}
                    {(isPair || (i === 0 && proposal.status === 'review')) && (
                      <button type="button" onClick={() => onReject(item)}>
                        {isPair ? t('wbUndoAuto') : t('wbReject')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!frozen && (
        <div class="wb-buttons">
          {decision ? (
            <button type="button" onClick={() => onUndo(item)}>
              {t('wbUndoDecision')}
            </button>
          ) : (
            <button type="button" onClick={() => onDecide(item, 'no-account')}>
              {t('wbNoAccount')}
            </button>
          )}
        </div>
      )}
      {!frozen && (
        <div class="wb-search">
          <label>
            {t('wbSearchLabel')}
            <input
              ref={searchInput}
              type="search"
              value={query}
              placeholder={t('wbSearchPlaceholder')}
              // The worker builds the directory's index while the first letters are typed.
              onFocus={() => client.request({ kind: 'search', rid, query: '', limit: 0 }).catch(() => {})}
              onInput={(e) => search(e.currentTarget.value)}
            />
          </label>
          {query.trim() && (
            <p role="status" class="wb-hint">
              {tCount('wbSearchCount', hits.length)}
            </p>
          )}
          <ul class="wb-hits">
            {hits.map((h) => (
              <li key={`${h.category}-${h.id}`}>
                <span>
                  {personLine(h)} <span class="wb-hint">· {categoryLabel(h.category)} · {h.id}</span>
                </span>
                <button type="button" onClick={() => onDecide(item, 'manual', h)} aria-label={t('wbPairWith', [displayName(h)])}>
                  {t('wbPairThis')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
