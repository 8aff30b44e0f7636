/**
 * Next to the bloc Pronote's version: a button that asks the Pronote instance of the service URL
 * for its version (an instance check, `infoMobileApp.json`, only when the admin clicks), so that
 * `bloc-version-mismatch` can be judged. Closed shadow root (components/page-host) on a host marked
 * `data-passerelle-host="ent-version"`. Plain DOM calls: the content script carries no Preact (issue 18).
 */
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

type State = 'idle' | 'busy' | 'failed';

/** Creates the button's host; it is placed after `anchor` (the bloc's version control) on update. */
export function createVersionCheckMount(doc: Document, lang: Lang, check: (url: string) => Promise<number[] | undefined>): VersionCheckMount {
  let host: HTMLElement | undefined;
  let placed: Element | undefined;
  // The latest values the helper gave, read when the admin clicks and when the state changes.
  let url = '';
  let known: number[] | undefined;
  let state: State = 'idle';
  let view: { box: HTMLElement; button: HTMLButtonElement; status: HTMLElement } | undefined;

  const show = () => {
    if (!view) return;
    view.box.setAttribute('data-passerelle-version-check', known ? known.join('.') : '');
    view.button.disabled = state === 'busy';
    view.status.textContent =
      state === 'busy'
        ? t('entVersionBusy', [], lang)
        : state === 'failed'
          ? t('entVersionFailed', [url], lang)
          : known
            ? t('entVersionKnown', [known.join('.')], lang)
            : '';
  };

  const make = (): NonNullable<typeof view> => {
    // A new host starts afresh, as a new button would.
    state = 'idle';
    const box = doc.createElement('div');
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t('entVersionCheck', [], lang);
    const status = doc.createElement('span');
    status.className = 'state';
    status.setAttribute('role', 'status');
    box.append(button, status);
    button.addEventListener('click', async () => {
      state = 'busy';
      show();
      const v = await check(url).catch(() => undefined);
      state = v ? 'idle' : 'failed';
      show();
    });
    return { box, button, status };
  };

  return {
    update(anchor, newUrl, newKnown) {
      url = newUrl;
      known = newKnown;
      if (!host?.isConnected || placed !== anchor) {
        placed = anchor;
        host?.remove();
        const made = createClosedHost(doc, { [HOST_ATTRIBUTE]: 'ent-version' }, CSS);
        host = made.host;
        view = make();
        made.root.append(view.box);
        anchor.insertAdjacentElement('afterend', host);
      }
      show();
    },
    destroy() {
      host?.remove();
      host = undefined;
      placed = undefined;
      view = undefined;
    },
  };
}
