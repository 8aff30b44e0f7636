import { useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from './i18n';

export type TabId = 'rapprochement' | 'checks' | 'diagnostic';

const TABS: { id: TabId; label: MessageKey; intro: MessageKey }[] = [
  { id: 'rapprochement', label: 'tabRapprochement', intro: 'rapprochementIntro' },
  { id: 'checks', label: 'tabChecks', intro: 'checksIntro' },
  { id: 'diagnostic', label: 'tabDiagnostic', intro: 'diagnosticIntro' },
];

export interface AppProps {
  initialTab?: TabId;
  /** Tab contents, by tab id; a tab without content shows its introduction only. */
  panels?: Partial<Record<TabId, preact.ComponentChildren>>;
  /** Shown between the title and the tabs (the first-use welcome). */
  welcome?: preact.ComponentChildren;
}

/**
 * The side panel's shell: three tabs following the WAI-ARIA tabs pattern (arrow keys, Home, End),
 * so that it is usable with the keyboard alone.
 */
export function App({ initialTab = 'rapprochement', panels = {}, welcome }: AppProps) {
  const [active, setActive] = useState<TabId>(initialTab);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((tab) => tab.id === active);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setActive(TABS[next].id);
    refs.current[next]?.focus();
  };

  return (
    <div class="app">
      <header class="app-header">
        <h1>{t('appTitle')}</h1>
      </header>
      {/* The tabs and their panels are the page's main content (a `main` landmark to jump to). */}
      <main class="app-main">
        {welcome}
        <div role="tablist" aria-label={t('tabsLabel')} class="tabs" onKeyDown={onKeyDown}>
          {TABS.map((tab, i) => (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={active === tab.id}
              aria-controls={`panel-${tab.id}`}
              tabIndex={active === tab.id ? 0 : -1}
              onClick={() => setActive(tab.id)}
            >
              {t(tab.label)}
            </button>
          ))}
        </div>
        {TABS.map((tab) => (
          <section key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={active !== tab.id} class="tab-panel">
            <p class="intro">{t(tab.intro)}</p>
            {panels[tab.id]}
          </section>
        ))}
      </main>
    </div>
  );
}
