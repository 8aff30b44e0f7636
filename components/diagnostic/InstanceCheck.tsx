import { isUnencrypted } from '../../lib/permissions';
import { useRef, useState } from 'preact/hooks';
import { projectById } from '../../lib/catalogue';
import {
  type FetchLike,
  type InstanceCheck as CheckResult,
  type InstanceEspace,
  type InstanceTarget,
  checkInstance,
  readInstanceInput,
} from '../../lib/diagnose/instance';
import { t, uiLang } from '../i18n';
import { CopyButton } from './CopyButton';

/** What the instance check needs from the browser; injected so that tests can run it. */
export interface InstanceCheckDeps {
  fetchFn: FetchLike;
  /**
   * Asks for the optional host permission of `origin` (a self-hosted server); resolves true when
   * granted. Called straight from the click, as browsers require.
   */
  requestOrigin: (origin: string) => Promise<boolean>;
  /** Tells the background that CAS delegation is on for `root` (the Pronote pages then hint). */
  notifyCasSeen: (root: string, casHost: string) => void;
  timeoutMs?: number;
}

type View =
  | { kind: 'idle' }
  | { kind: 'invalid' }
  | { kind: 'no-pronote'; host: string; projectName?: string }
  | { kind: 'denied'; target: InstanceTarget }
  | { kind: 'checking'; target: InstanceTarget }
  | { kind: 'done'; target: InstanceTarget; result: CheckResult };

/**
 * Instance check (PRODUCT.md §4): a Pronote URL or a UAI → school, version, espaces, CAS on/off,
 * CAS host and its ENT project, the direct URL; a clear message for each failure state.
 */
export function InstanceCheck({ deps }: { deps: InstanceCheckDeps }) {
  const [input, setInput] = useState('');
  const [view, setView] = useState<View>({ kind: 'idle' });
  const timeoutMs = deps.timeoutMs ?? 10_000;
  // Each run has a number; a cancelled or superseded run's late answer is dropped. A permission
  // prompt the user closes without answering may never settle, so "Annuler" must always work.
  const runId = useRef(0);

  const run = (e: Event) => {
    e.preventDefault();
    const id = ++runId.current;
    const read = readInstanceInput(input);
    if (read.kind === 'invalid') {
      setView({ kind: 'invalid' });
      return;
    }
    // An ENT or CAS page without a Pronote server: say so, ask nobody (the CAS host is no Pronote).
    if (read.kind === 'no-pronote') {
      setView({ kind: 'no-pronote', host: read.host, projectName: read.project?.name });
      return;
    }
    const { target } = read;
    // Hosted instances are covered by the install-time host permission; a self-hosted server is
    // asked for now, for its origin only (PRODUCT.md "Least privilege").
    let allowed: Promise<boolean>;
    try {
      allowed = target.hosted ? Promise.resolve(true) : deps.requestOrigin(target.origin);
    } catch {
      allowed = Promise.resolve(false);
    }
    setView({ kind: 'checking', target });
    allowed
      .catch(() => false)
      .then(async (granted) => {
        if (id !== runId.current) return;
        if (!granted) {
          setView({ kind: 'denied', target });
          return;
        }
        const result = await checkInstance(target, deps.fetchFn, { timeoutMs });
        if (id !== runId.current) return;
        if (result.state === 'ok' && result.info?.casActive) {
          deps.notifyCasSeen(result.root, result.info.casHost ?? '');
        }
        setView({ kind: 'done', target, result });
      });
  };

  const cancel = () => {
    runId.current++;
    setView({ kind: 'idle' });
  };

  return (
    <section class="diag-section" aria-labelledby="diag-instance-title">
      <h2 id="diag-instance-title">{t('diagInstanceTitle')}</h2>
      <form onSubmit={run}>
        <label for="diag-instance-input">{t('diagInstanceLabel')}</label>
        <input
          id="diag-instance-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="0310047H"
          value={input}
          onInput={(e) => setInput((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={view.kind === 'checking'}>
          {t('diagInstanceButton')}
        </button>
        {view.kind === 'checking' && (
          <button type="button" data-action="cancel-instance" onClick={cancel}>
            {t('diagInstanceCancel')}
          </button>
        )}
      </form>
      <div aria-live="polite" class="diag-result" data-state={view.kind === 'done' ? view.result.state : view.kind}>
        {view.kind === 'invalid' && <p class="diag-error">{t('diagInstanceInvalid')}</p>}
        {view.kind === 'no-pronote' && (
          <p class="diag-error" data-instance-state="no-pronote">
            {view.projectName ? t('diagInstanceNoPronote', [view.projectName, view.host]) : t('diagInstanceNoPronoteUnknown', [view.host])}
          </p>
        )}
        {(view.kind === 'checking' || view.kind === 'done' || view.kind === 'denied') && view.target.readFrom && (
          <p class="diag-note" data-instance-read-from={view.target.readFrom.project?.id ?? ''}>
            {view.target.readFrom.project
              ? t('diagInstanceReadFrom', [view.target.readFrom.project.name, view.target.readFrom.host])
              : t('diagInstanceReadFromUnknown', [view.target.readFrom.host])}
            {view.target.readFrom.retiredFor && ` ${t('diagCasRetired', [view.target.readFrom.retiredFor.name])}`}
          </p>
        )}
        {(view.kind === 'checking' || view.kind === 'done' || view.kind === 'denied') && view.target.uaiCheckLetterWrong && (
          <p class="diag-warning">{t('diagInstanceUaiLetter')}</p>
        )}
        {(view.kind === 'checking' || view.kind === 'done' || view.kind === 'denied') && isUnencrypted(view.target.origin) && (
          <p class="diag-warning" data-warning="unencrypted">
            {t('diagInstanceUnencrypted', [view.target.origin])}
          </p>
        )}
        {view.kind === 'checking' && (
          <p>
            {!view.target.hosted && `${t('diagInstancePermission', [view.target.origin])} `}
            {t('diagInstanceChecking', [view.target.root])}
          </p>
        )}
        {view.kind === 'denied' && <p class="diag-error">{t('diagInstancePermissionDenied', [view.target.origin])}</p>}
        {view.kind === 'done' && <CheckView result={view.result} timeoutMs={timeoutMs} />}
      </div>
    </section>
  );
}

function CheckView({ result, timeoutMs }: { result: CheckResult; timeoutMs: number }) {
  const lang = uiLang();
  if (result.state !== 'ok' || !result.info) {
    const message =
      result.state === 'not-published'
        ? t('diagStateNotPublished')
        : result.state === 'not-pronote'
          ? t('diagStateNotPronote', [result.root])
          : result.state === 'timeout'
            ? t('diagStateTimeout', [Math.round(timeoutMs / 1000)])
            : result.state === 'http-error'
              ? t('diagStateHttpError', [result.status ?? ''])
              : t('diagStateNoAnswer', [result.root]);
    return (
      <p class="diag-error" data-instance-state={result.state}>
        {message}
      </p>
    );
  }
  const { info } = result;
  return (
    <div data-instance-state="ok">
      <p class="diag-ok">{t('diagStateOk')}</p>
      <dl class="diag-facts">
        <dt>{t('diagSchool')}</dt>
        <dd data-fact="school">{info.schoolName || '—'}</dd>
        <dt>{t('diagVersion')}</dt>
        <dd data-fact="version">{t('diagVersionValue', [info.version[0], info.versionLabel])}</dd>
        <dt>{t('diagCas')}</dt>
        <dd data-fact="cas">{info.casUrlUnpublished ? t('diagCasOnNoUrl') : info.casActive ? t('diagCasOn') : t('diagCasOff')}</dd>
        {info.casUrl && (
          <>
            <dt>{t('diagCasHost')}</dt>
            <dd data-fact="cas-host">{info.casHost ?? info.casUrl}</dd>
            <dt>{t('diagProject')}</dt>
            <dd data-fact="project">
              {info.project ? info.project.name : t('diagProjectUnknown')}
              {info.casHostRetiredFor && ` ${t('diagCasRetired', [projectById(info.casHostRetiredFor)?.name ?? info.casHostRetiredFor])}`}
            </dd>
          </>
        )}
        {info.collectivite && (
          <>
            <dt>{t('diagCollectivite')}</dt>
            <dd data-fact="collectivite">
              {info.collectivite.project ? `${info.collectivite.project.name} ` : ''}
              <span class="diag-url">{info.collectivite.url}</span>
            </dd>
          </>
        )}
        <dt>{t('diagEspaces')}</dt>
        <dd data-fact="espaces">
          {info.espaces.length === 0 ? (
            '—'
          ) : (
            <ul>
              {info.espaces.map((e) => (
                <li key={e.url} data-delegated={e.delegated === undefined ? '' : String(e.delegated)}>
                  {e.name}
                  {delegationLabel(e) && ` — ${delegationLabel(e)}`} <span class="diag-url">{e.url}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('diagDirectUrl')}</dt>
        <dd data-fact="direct-url">
          <code>{result.directUrl}</code> <CopyButton text={result.directUrl} lang={lang} />
        </dd>
      </dl>
      {info.casActive && <p class="diag-note">{t('diagDirectUrlNote')}</p>}
    </div>
  );
}

/** "connexion déléguée (CAS)", "connexion directe", or nothing when the server does not say. */
function delegationLabel(e: InstanceEspace): string {
  if (e.delegated === undefined) return '';
  if (!e.delegated) return t('diagEspaceNotDelegated');
  return e.protocol ? t('diagEspaceDelegated', [e.protocol]) : t('diagEspaceDelegatedNoProtocol');
}
