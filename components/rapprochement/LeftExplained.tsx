/**
 * "What is left": the persons still without an ENT account after the engine and the user, grouped
 * by the engine's reason, each with the seed's advice (seed §5, FAQ on unrecognised guardians and on
 * duplicates; DOMAIN.md, "Known failures in the field" 2 to 4).
 */
import type { Reason } from '../../lib/matching/types';
import type { DecisionRow, StepItem } from '../../lib/store';
import { formatNumber, t } from '../i18n';
import { categoryLabel } from './format';
import { LEFT_KEY } from './message-keys';

/** The persons left: no decision pairing them, and no automatic pair kept. */
export function leftOf(items: StepItem[], decisions: DecisionRow[]): Map<Reason | 'rejected' | 'none', StepItem[]> {
  const decided = new Map(decisions.map((d) => [`${d.category}\u0000${d.pronoteId}`, d]));
  const out = new Map<Reason | 'rejected' | 'none', StepItem[]>();
  for (const item of items) {
    const d = decided.get(`${item.proposal.category}\u0000${item.proposal.pronoteId}`);
    if (d && d.kind !== 'rejected') continue;
    if (!d && item.proposal.status === 'auto') continue;
    // Decided at an earlier import of the school (remembered decisions the engine applied).
    if (!d && item.proposal.decided && item.proposal.decided !== 'rejected') continue;
    const reason: Reason | 'rejected' | 'none' = d?.kind === 'rejected' ? 'rejected' : (item.proposal.reason ?? 'none');
    const list = out.get(reason) ?? [];
    list.push(item);
    out.set(reason, list);
  }
  return out;
}

export function LeftExplained({ items, decisions, open = false }: { items: StepItem[]; decisions: DecisionRow[]; open?: boolean }) {
  const left = leftOf(items, decisions);
  const total = [...left.values()].reduce((n, l) => n + l.length, 0);
  return (
    <details class="wb-left" open={open}>
      <summary>{t('wbLeftTitle', [formatNumber(total)])}</summary>
      {total === 0 ? (
        <p>{t('wbLeftNone')}</p>
      ) : (
        <ul>
          {[...left.entries()]
            .sort((a, b) => b[1].length - a[1].length)
            .map(([reason, list]) => {
              const byCategory = new Map<string, number>();
              for (const i of list) byCategory.set(i.proposal.category, (byCategory.get(i.proposal.category) ?? 0) + 1);
              return (
                <li key={reason}>
                  <strong>
                    {t(LEFT_KEY[reason].title)}&#x202f;: {formatNumber(list.length)}
                  </strong>{' '}
                  <span class="wb-hint">({[...byCategory.entries()].map(([c, n]) => `${categoryLabel(c as never)} ${formatNumber(n)}`).join(', ')})</span>
                  <p class="wb-advice">{t(LEFT_KEY[reason].advice)}</p>
                </li>
              );
            })}
        </ul>
      )}
    </details>
  );
}
