/**
 * The detail card of the person chosen in a step's list: who they are, the engine's outcome and
 * reason, the candidates with their evidence and the buttons to decide, and the directory search.
 */
import type { Ref } from 'preact';
import type { Category } from '../../lib/core/person';
import type { DecisionKind } from '../../lib/matching/types';
import { type DecisionRow, displayName, type PersonView, type StepItem } from '../../lib/store';
import { t } from '../i18n';
import { DirectorySearchBox } from './DirectorySearchBox';
import { formatDate, formatDateTime, formatPercent, levelLabel, personLine } from './format';
import { FIELD_KEY, REASON_KEY } from './message-keys';
import { outcomeLabel } from './StepList';
import type { WorkerClient } from './worker-client';

function Evidence({ item, index }: { item: StepItem; index: number }) {
  // A field one side does not give says nothing about the pair: hidden rather than shown as "inconnu".
  const evidence = (item.proposal.candidates[index]?.evidence ?? []).filter((e) => e.level !== 'missing');
  if (!evidence.length) return null;
  return (
    <ul class="wb-evidence" aria-label={t('wbEvidence')}>
      {evidence.map((e) => (
        <li key={e.field} class={e.weight > 0 ? 'wb-agree' : e.weight < 0 ? 'wb-disagree' : 'wb-neutral'}>
          {t(FIELD_KEY[e.field])}&#x202f;: {levelLabel(e.level)}
        </li>
      ))}
    </ul>
  );
}

export function StepDetail({
  item,
  decision,
  frozen,
  client,
  rid,
  category,
  directoryCounts,
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
  category: Category;
  directoryCounts?: Partial<Record<Category, number>>;
  searchInput: Ref<HTMLInputElement>;
  onDecide: (item: StepItem, kind: DecisionKind, account?: PersonView) => void;
  onUndo: (item: StepItem) => void;
  onReject: (item: StepItem) => void;
}) {
  const { proposal, person } = item;
  return (
    <section class="wb-detail" aria-labelledby="wb-detail-name" aria-live="polite">
      <h3 id="wb-detail-name">{displayName(person) || person.id}</h3>
      <p class="wb-hint">
        {[person.classes.join(', '), formatDate(person.birthDate), person.email, `${t('wbPronoteId')} ${person.id}`].filter(Boolean).join(' · ')}
      </p>
      <p>
        <span class={`wb-badge wb-badge-${decision?.kind ?? proposal.status}`}>{outcomeLabel(item, decision)}</span>
        {decision && <span class="wb-hint"> {formatDateTime(decision.decidedAt)}</span>}
        {decision?.entLabel && <span> → {decision.entLabel}</span>}
      </p>
      {proposal.reason && !decision && proposal.status !== 'auto' && <p class="wb-reason">{t(REASON_KEY[proposal.reason])}</p>}
      {item.candidates.length > 0 && (
        <ol class="wb-candidates" aria-label={t('wbCandidates')}>
          {item.candidates.map((c, i) => {
            const score = proposal.candidates[i]?.score ?? 0;
            const isPair = proposal.status === 'auto' && proposal.entId === c.id;
            return (
              <li key={c.id}>
                <div>
                  <strong>{personLine(c)}</strong> <span class="wb-hint">{t('wbEntAccountId', [c.id])}</span>{' '}
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
        <DirectorySearchBox
          client={client}
          rid={rid}
          category={category}
          directoryCounts={directoryCounts}
          input={searchInput}
          onPair={(h) => onDecide(item, 'manual', h)}
        />
      )}
    </section>
  );
}
