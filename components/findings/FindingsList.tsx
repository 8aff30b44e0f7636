/**
 * A list of findings (lib/checks/finding.ts) as a secretary reads them: severity in words, the
 * message, the fix, and a URL with a copy button when the fix is a URL. Used inside the page
 * (shadow root, next to a field) and in the side panel. Every text is rendered as text.
 */
import { useState } from 'preact/hooks';
import type { Finding } from '../../lib/checks/finding';
import { type Lang, t, uiLang } from '../i18n';

const SEVERITY_KEY = { error: 'findingsError', warning: 'findingsWarning', info: 'findingsInfo' } as const;

/** Copies `text` to the clipboard; falls back to selecting it when the clipboard is refused. */
async function copy(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallback) {
      const range = fallback.ownerDocument.createRange();
      range.selectNodeContents(fallback);
      const selection = fallback.ownerDocument.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}

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
      <button
        type="button"
        class="copy"
        data-passerelle-copy={url}
        onClick={async () => setState((await copy(url, code)) ? 'copied' : 'selected')}
      >
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

/** The styles of the injected list (inside a shadow root, so the page's CSS never reaches it). */
export const FINDINGS_CSS = `
:host { all: initial; display: block; margin: 4px 0; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { margin: 2px 0; padding: 6px 8px; border-left: 4px solid; border-radius: 3px; background: #f6f6f6; }
.finding.error { border-color: #c9191e; background: #fdecec; }
.finding.warning { border-color: #b34000; background: #fff4e5; }
.finding.info { border-color: #0063cb; background: #eef4fd; }
.severity { font-weight: 700; }
.fix { margin-top: 2px; }
code { font: 12px/1.4 ui-monospace, monospace; background: #fff; padding: 1px 3px; word-break: break-all; }
button.copy { font: inherit; font-size: 12px; padding: 1px 6px; cursor: pointer; }
.panel-title { font-weight: 700; margin: 0 0 4px; }
`;
