/**
 * The earlier decisions in conflict that belong to a step (issue 14 point 4): an account given to
 * several persons, or an account missing from the directory. None of them was applied; each is
 * shown with the persons it names (a button opens each one in the detail) and how to resolve it.
 */
import type { Conflict } from '../../lib/rapprochement/earlier-decisions';
import { displayName, type StepItem } from '../../lib/store';
import { t } from '../i18n';
import { CONFLICT_KEY } from './message-keys';

/** The conflicts of `all` about this step: of its category, or naming one of its persons. */
export function stepConflicts(all: readonly Conflict[] | undefined, category: string, items: readonly StepItem[]): Conflict[] {
  if (!all?.length) return [];
  const ids = new Set(items.map((i) => i.proposal.pronoteId));
  return all.filter((c) => c.category === category || c.persons.some((p) => ids.has(p)));
}

export function StepConflicts({ conflicts, items, onOpen }: { conflicts: Conflict[]; items: StepItem[]; onOpen: (index: number) => void }) {
  if (!conflicts.length) return null;
  return (
    <section class="wb-conflicts" aria-labelledby="wb-conflicts-title" data-testid="wb-conflicts">
      <h3 id="wb-conflicts-title">{t('wbConflictsTitle', [String(conflicts.length)])}</h3>
      <ul>
        {conflicts.map((c) => (
          <li key={`${c.kind}-${c.account}-${c.persons.join(',')}`}>
            <p>{t(CONFLICT_KEY[c.kind].text, [c.account, c.source])}</p>
            <div class="wb-buttons">
              {c.persons.map((id) => {
                const index = items.findIndex((i) => i.proposal.pronoteId === id);
                const name = index >= 0 ? displayName(items[index].person) || id : id;
                return index >= 0 ? (
                  <button key={id} type="button" onClick={() => onOpen(index)}>
                    {t('wbConflictOpen', [name])}
                  </button>
                ) : (
                  <span key={id} class="wb-hint">
                    {t('wbConflictElsewhere', [id])}
                  </span>
                );
              })}
            </div>
            <p class="wb-hint">{t(CONFLICT_KEY[c.kind].fix)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
