/**
 * The Vérifications tab (PRODUCT.md §1): the findings of the open tab (published by the content
 * script, fetched with `panel/get-findings`), a button that turns the helper on for another
 * Pronote.net admin page, and the same checks on settings typed by hand, for screens the readers
 * do not recognise.
 */
import { useEffect, useState } from 'preact/hooks';
import { ENT_PROJECTS, isRetiredProject } from '../../lib/catalogue';
import type { Finding } from '../../lib/checks/finding';
import { checkHosting } from '../../lib/checks/hosting';
import type { HostingSettings, RecognitionMode } from '../../lib/pages/hosting-settings';
import { FindingsList } from '../findings/FindingsList';
import { type Lang, t, uiLang } from '../i18n';
import { send } from '../runtime';
import { activateOnActiveTab } from './activate-tab';
import './checks.css';

export interface TabFindings {
  url: string;
  screen: string;
  findings: Finding[];
}

export interface ChecksPanelProps {
  lang?: Lang;
  /** Latest findings of the open tab; the background's answer by default. */
  getTabFindings?: () => Promise<TabFindings | null>;
  /** Turns the helper on for the open tab; `activeTab` + `scripting` by default. */
  activate?: () => Promise<void>;
  /** How often the open tab's findings are fetched again, in ms (0: only on demand). Default 2000. */
  refreshMs?: number;
}

interface ManualValues {
  delegation: '' | 'on' | 'off';
  project: string;
  casUrl: string;
  racine: string;
  pronoteUrl: string;
  mode: '' | Exclude<RecognitionMode, 'unknown'>;
  attributeName: string;
}

const EMPTY: ManualValues = { delegation: '', project: '', casUrl: '', racine: '', pronoteUrl: '', mode: '', attributeName: '' };

/**
 * Typed values → settings for `checkHosting`: a blank field is "not given" (undefined), except the
 * CAS URL when delegation is said to be on (an empty URL is then the error to report).
 */
export function manualSettings(v: ManualValues): HostingSettings {
  const s: HostingSettings = {};
  if (v.delegation) s.delegation = v.delegation === 'on';
  if (v.project.trim()) s.project = v.project.trim();
  if (v.casUrl.trim() || v.delegation === 'on') s.casUrl = v.casUrl;
  if (v.racine !== '') s.racine = v.racine;
  if (v.pronoteUrl.trim()) s.pronoteUrl = v.pronoteUrl.trim();
  if (v.mode) s.recognitionMode = v.mode;
  if (v.mode === 'pronote-identity') s.attributeName = v.attributeName;
  return s;
}

function OpenTab({ lang, getTabFindings, activate, refreshMs }: Required<ChecksPanelProps>) {
  const [data, setData] = useState<TabFindings | null | undefined>(undefined);
  const [status, setStatus] = useState<string>('');
  const refresh = () => {
    getTabFindings()
      .then(setData)
      .catch(() => setData(null));
  };
  useEffect(() => {
    refresh();
    if (!refreshMs) return;
    const timer = setInterval(refresh, refreshMs);
    return () => clearInterval(timer);
  }, []);
  const onActivate = async () => {
    try {
      await activate();
      setStatus(t('checksActivated', [], lang));
      setTimeout(refresh, 500);
    } catch (e) {
      setStatus(t('checksActivateFailed', [e instanceof Error ? e.message : String(e)], lang));
    }
  };
  return (
    <section aria-labelledby="checks-tab-title">
      <h2 id="checks-tab-title">{t('checksTabTitle', [], lang)}</h2>
      {data && data.screen === 'none' && !data.findings.length ? (
        <p class="muted">{t('checksTabNone', [], lang)}</p>
      ) : data ? (
        <>
          <p class="muted">{t('checksTabScreen', [data.url], lang)}</p>
          <FindingsList findings={data.findings} lang={lang} empty={t('checksTabNoFinding', [], lang)} />
        </>
      ) : data === null ? (
        <p class="muted">{t('checksTabNone', [], lang)}</p>
      ) : null}
      <div class="actions">
        <button type="button" onClick={refresh}>
          {t('checksTabRefresh', [], lang)}
        </button>
        <button type="button" onClick={onActivate}>
          {t('checksActivate', [], lang)}
        </button>
      </div>
      <p class="muted">{t('checksActivateHelp', [], lang)}</p>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

function Manual({ lang }: { lang: Lang }) {
  const [v, setV] = useState<ManualValues>(EMPTY);
  const set = (key: keyof ManualValues) => (e: Event) => setV({ ...v, [key]: (e.currentTarget as HTMLInputElement).value });
  const settings = manualSettings(v);
  const given = Object.keys(settings).length > 0;
  const findings = given ? checkHosting(settings) : [];
  return (
    <section aria-labelledby="checks-manual-title">
      <h2 id="checks-manual-title">{t('checksManualTitle', [], lang)}</h2>
      <p class="muted">{t('checksManualHelp', [], lang)}</p>
      <label for="checks-delegation">{t('checksDelegation', [], lang)}</label>
      <select id="checks-delegation" value={v.delegation} onChange={set('delegation')}>
        <option value="">{t('checksUnknown', [], lang)}</option>
        <option value="on">{t('checksDelegationOn', [], lang)}</option>
        <option value="off">{t('checksDelegationOff', [], lang)}</option>
      </select>
      <label for="checks-project">{t('checksProject', [], lang)}</label>
      <input id="checks-project" list="checks-projects" value={v.project} onInput={set('project')} autocomplete="off" />
      <datalist id="checks-projects">
        {/* Retired projects are still recognised in a typed URL, never offered as a choice. */}
        {ENT_PROJECTS.filter((p) => !isRetiredProject(p)).map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <label for="checks-cas-url">{t('checksCasUrl', [], lang)}</label>
      <input id="checks-cas-url" type="text" inputMode="url" spellcheck={false} value={v.casUrl} onInput={set('casUrl')} />
      <label for="checks-mode">{t('checksMode', [], lang)}</label>
      <select id="checks-mode" value={v.mode} onChange={set('mode')}>
        <option value="">{t('checksUnknown', [], lang)}</option>
        <option value="identity">{t('checksModeIdentity', [], lang)}</option>
        <option value="pronote-identity">{t('checksModePronote', [], lang)}</option>
        <option value="double-auth">{t('checksModeDouble', [], lang)}</option>
      </select>
      {v.mode === 'pronote-identity' ? (
        <>
          <label for="checks-attribute">{t('checksAttribute', [], lang)}</label>
          <input id="checks-attribute" spellcheck={false} value={v.attributeName} onInput={set('attributeName')} />
        </>
      ) : null}
      <label for="checks-racine">{t('checksRacine', [], lang)}</label>
      <input id="checks-racine" spellcheck={false} value={v.racine} onInput={set('racine')} />
      <label for="checks-pronote-url">{t('checksPronoteUrl', [], lang)}</label>
      <input id="checks-pronote-url" type="text" inputMode="url" spellcheck={false} value={v.pronoteUrl} onInput={set('pronoteUrl')} />
      <div aria-live="polite" class="manual-findings">
        {given ? (
          <FindingsList findings={findings} lang={lang} empty={t('checksManualOk', [], lang)} />
        ) : (
          <p class="muted">{t('checksManualEmpty', [], lang)}</p>
        )}
      </div>
    </section>
  );
}

/** The Vérifications tab's content. */
export function ChecksPanel({
  lang = uiLang(),
  getTabFindings = () => send('panel/get-findings', {}),
  activate = activateOnActiveTab,
  refreshMs = 2000,
}: ChecksPanelProps) {
  return (
    <div class="checks-panel">
      <OpenTab lang={lang} getTabFindings={getTabFindings} activate={activate} refreshMs={refreshMs} />
      <Manual lang={lang} />
    </div>
  );
}
