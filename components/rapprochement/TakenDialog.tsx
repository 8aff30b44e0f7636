/**
 * The dialog shown when the account chosen for a person is held by another (issue 14 point 2): who
 * holds it (name, class, category, step), and the two choices, "Déplacer le compte" (the holder
 * loses the pair and goes back to the people to handle) or "Garder" (the new choice is dropped).
 */
import { displayName, type Rapprochement } from '../../lib/store';
import { t } from '../i18n';
import { Dialog } from './Dialog';
import { categoryLabel } from './format';
import { STEP_STATE_KEY } from './message-keys';
import { holderName, stepOf } from './store-errors';
import type { Taken } from './use-step-decisions';

export function TakenDialog({ taken, r, onMove, onKeep }: { taken: Taken; r: Rapprochement; onMove: () => void; onKeep: () => void }) {
  const { holder, person, account, item } = taken;
  const who = holderName(holder);
  const me = displayName(item.person) || item.person.id;
  const classes = person?.classes.join(', ');
  return (
    <Dialog title={t('wbTakenTitle')} onClose={onKeep} testId="wb-taken-dialog">
      <p>{t('wbTakenText', [account.id, displayName(account) || account.id])}</p>
      <dl class="wb-holder">
        <dt>{t('wbTakenName')}</dt>
        <dd data-testid="wb-holder-name">{person ? displayName(person) || who : who}</dd>
        {classes && (
          <>
            <dt>{t('wbTakenClass')}</dt>
            <dd>{classes}</dd>
          </>
        )}
        <dt>{t('wbTakenPronoteId')}</dt>
        <dd>{holder.pronoteId}</dd>
        <dt>{t('wbTakenCategory')}</dt>
        <dd>{categoryLabel(holder.category)}</dd>
        <dt>{t('wbTakenStep')}</dt>
        <dd>{t('wbTakenStepValue', [...stepOf(holder), t(STEP_STATE_KEY[r.steps[holder.category]])])}</dd>
      </dl>
      <p>{t('wbTakenQuestion', [me])}</p>
      <div class="wb-dialog-choices">
        <div>
          <button type="button" class="wb-primary" onClick={onMove}>
            {t('wbTakenMove')}
          </button>
          <p class="wb-hint">{t('wbTakenMoveHint', [who])}</p>
        </div>
        <div>
          <button type="button" onClick={onKeep} data-autofocus>
            {t('wbTakenKeep')}
          </button>
          <p class="wb-hint">{t('wbTakenKeepHint', [who, me])}</p>
        </div>
      </div>
    </Dialog>
  );
}
