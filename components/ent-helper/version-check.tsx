/**
 * Next to the bloc Pronote's version: a button that asks the Pronote instance of the service URL
 * for its version (an instance check, `infoMobileApp.json`, only when the admin clicks), so that
 * `bloc-version-mismatch` can be judged. Closed shadow root (components/page-host) on a host marked
 * `data-passerelle-host="ent-version"`.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { type Lang, t } from '../i18n';
import { HOST_ATTRIBUTE, createClosedHost } from '../page-host/closed-host';

const CSS = `
:host { all: initial; display: block; margin: 4px 0; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
button { font: inherit; font-size: 12px; padding: 1px 8px; cursor: pointer; }
.state { margin-left: 6px; color: #3a4150; }
`;

export interface VersionCheckMount {
  update(anchor: Element, url: string, known: number[] | undefined): void;
  destroy(): void;
}

function VersionCheck({ url, known, lang, check }: { url: string; known?: number[]; lang: Lang; check: (url: string) => Promise<number[] | undefined> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <div data-passerelle-version-check={known ? known.join('.') : ''}>
      <button
        type="button"
        disabled={state === 'busy'}
        onClick={async () => {
          setState('busy');
          const v = await check(url).catch(() => undefined);
          setState(v ? 'idle' : 'failed');
        }}
      >
        {t('entVersionCheck', [], lang)}
      </button>
      <span class="state" role="status">
        {state === 'busy'
          ? t('entVersionBusy', [], lang)
          : state === 'failed'
            ? t('entVersionFailed', [url], lang)
            : known
              ? t('entVersionKnown', [known.join('.')], lang)
              : ''}
      </span>
    </div>
  );
}

/** Creates the button's host; it is placed after `anchor` (the bloc's version control) on update. */
export function createVersionCheckMount(doc: Document, lang: Lang, check: (url: string) => Promise<number[] | undefined>): VersionCheckMount {
  let host: HTMLElement | undefined;
  let container: HTMLElement | undefined;
  let placed: Element | undefined;
  return {
    update(anchor, url, known) {
      if (!host?.isConnected || placed !== anchor) {
        placed = anchor;
        host?.remove();
        const made = createClosedHost(doc, { [HOST_ATTRIBUTE]: 'ent-version' }, CSS);
        host = made.host;
        container = doc.createElement('div');
        made.root.append(container);
        anchor.insertAdjacentElement('afterend', host);
      }
      render(<VersionCheck url={url} known={known} lang={lang} check={check} />, container!);
    },
    destroy() {
      if (container) render(null, container);
      host?.remove();
      host = undefined;
      placed = undefined;
    },
  };
}
