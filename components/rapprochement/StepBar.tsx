/** The bar of the six steps (seed §4), which stays visible: each step's state, and a button to go to it. */
import { CATEGORIES } from '../../lib/core/person';
import type { Rapprochement } from '../../lib/store';
import { t } from '../i18n';
import { categoryLabel } from './format';
import { STEP_STATE_KEY } from './message-keys';

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
                title={t(STEP_STATE_KEY[state])}
              >
                <span class="wb-step-n">{i + 1}</span> {categoryLabel(c)}
                <span class="wb-sr"> — {t(STEP_STATE_KEY[state])}</span>
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
