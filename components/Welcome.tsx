/**
 * The welcome shown on the side panel's first open (issue 18): what each tab is for, that nothing
 * leaves the computer, the privacy policy. Once closed it does not come back: the flag is kept
 * where the panel keeps its other settings (`browser.storage.local`, passed in as a store).
 */
import { useEffect, useState } from 'preact/hooks';
import type { KeyValueStore } from './diagnostic/RentreeChecklist';
import { t } from './i18n';
import './welcome.css';

/** The storage key of the flag: true once the welcome was closed. */
export const WELCOME_CLOSED_KEY = 'welcomeClosed';

/** The extension page that shows PRIVACY.md (entrypoints/privacy). */
export const PRIVACY_PAGE = '/privacy.html';

export function Welcome({ store }: { store: KeyValueStore }) {
  // Nothing is shown until the flag is read, so that a closed welcome never flashes on open.
  const [state, setState] = useState<'reading' | 'shown' | 'closed'>('reading');
  useEffect(() => {
    store.get(WELCOME_CLOSED_KEY).then(
      (closed) => setState(closed === true ? 'closed' : 'shown'),
      () => setState('shown'),
    );
  }, [store]);
  if (state !== 'shown') return null;

  const close = () => {
    setState('closed');
    store.set(WELCOME_CLOSED_KEY, true).catch(() => {});
    // The button goes away with the welcome: keyboard users land on the tab they are on.
    document.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus();
  };

  return (
    <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">{t('welcomeTitle')}</h2>
      <ul>
        <li>{t('welcomeRapprochement')}</li>
        <li>{t('welcomeChecks')}</li>
        <li>{t('welcomeDiagnostic')}</li>
      </ul>
      <p>
        {t('welcomeLocal')}{' '}
        <a href={PRIVACY_PAGE} target="_blank" rel="noopener">
          {t('welcomePrivacy')}
        </a>
      </p>
      <button type="button" class="welcome-close" onClick={close}>
        {t('welcomeClose')}
      </button>
    </section>
  );
}
