/**
 * A list of findings (lib/checks/finding.ts) as a secretary reads them: severity in words, the
 * message, the fix, and a URL with a copy button when the fix is a URL. Used inside the page
 * in the side panel; the pages get the same list from `page-list.ts`. Every text is rendered as text.
 */
import { useState } from 'preact/hooks';
import type { Finding } from '../../lib/checks/finding';
import { type Lang, t, uiLang } from '../i18n';
import { copy } from './copy';
import { SEVERITY_KEY } from './page-list';

function CopyableUrl({ url, lang }: { url: string; lang: Lang }) {
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');
  let code: HTMLElement | null = null;
  return (
    <span class="url">
      <code
        ref={(el) => {
          code = el;
        }}
      >
        {url}
      </code>{' '}
      <button type="button" class="copy" data-passerelle-copy={url} onClick={async () => setState((await copy(url, code)) ? 'copied' : 'selected')}>
        {state === 'copied' ? t('findingsCopied', [], lang) : state === 'selected' ? t('findingsSelected', [], lang) : t('findingsCopy', [], lang)}
      </button>
    </span>
  );
}

export interface FindingsListProps {
  findings: Finding[];
  lang?: Lang;
  /** Text shown when the list is empty (nothing when omitted). */
  empty?: string;
}

/** The findings as a list; each item carries `data-passerelle-finding` and `data-severity`. */
export function FindingsList({ findings, lang = uiLang(), empty }: FindingsListProps) {
  if (!findings.length) return empty ? <p class="empty">{empty}</p> : null;
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li key={`${f.id}-${f.field ?? ''}`} class={`finding ${f.severity}`} data-passerelle-finding={f.id} data-severity={f.severity}>
          <strong class="severity">{t(SEVERITY_KEY[f.severity], [], lang)}</strong> <span class="message">{f.message[lang]}</span>
          <div class="fix">
            <span>{f.fix[lang]}</span>
            {f.url ? (
              <div>
                <CopyableUrl url={f.url} lang={lang} />
              </div>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
