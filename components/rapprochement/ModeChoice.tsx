/**
 * The import mode on the start screen: the two radios, the version box, and beside them the advice
 * with its reason and, when the mode differs from it, one button to follow it. The logic is in
 * `lib/rapprochement/import-mode.ts`; this only shows it.
 */
import type { ModeAdvice } from '../../lib/rapprochement/import-mode';
import type { Mode } from '../../lib/store';
import { t } from '../i18n';
import { MODE_ADVICE_KEY, MODE_KEY } from './message-keys';

/** "partiel" → the mode's label in the UI language. */
function modeLabel(mode: Mode): string {
  return t(MODE_KEY[mode]);
}

/** The advice differs from the mode shown: says so, with the button that follows the advice. */
export function FollowAdvice({ mode, advice, onFollow, where }: { mode: Mode; advice: ModeAdvice; onFollow: () => void; where: string }) {
  return (
    <div class="wb-warning wb-mode-differs" data-mode-differs={where}>
      <p>{t('wbModeDiffers', [modeLabel(mode), modeLabel(advice.mode)])}</p>
      <button type="button" data-action="follow-mode-advice" onClick={onFollow}>
        {t('wbFollowAdvice', [modeLabel(advice.mode)])}
      </button>
    </div>
  );
}

export function ModeChoice({
  mode,
  advice,
  versionChanged,
  onChoose,
  onFollow,
  onVersionChanged,
}: {
  mode: Mode;
  advice: ModeAdvice;
  versionChanged: boolean;
  onChoose: (mode: Mode) => void;
  onFollow: () => void;
  onVersionChanged: (changed: boolean) => void;
}) {
  return (
    <fieldset class="wb-mode">
      <legend>{t('wbModeLegend')}</legend>
      {(['complet', 'partiel'] as const).map((m) => (
        <label key={m} class="wb-inline">
          <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => onChoose(m)} />
          {modeLabel(m)}
        </label>
      ))}
      <label class="wb-inline">
        <input type="checkbox" checked={versionChanged} onChange={(e) => onVersionChanged(e.currentTarget.checked)} />
        {t('wbVersionChanged')}
      </label>
      <p class="wb-hint" data-mode-advice={advice.mode} data-mode-reason={advice.reason}>
        {t(MODE_ADVICE_KEY[advice.reason])}
      </p>
      {mode !== advice.mode && <FollowAdvice mode={mode} advice={advice} onFollow={onFollow} where="choice" />}
    </fieldset>
  );
}
