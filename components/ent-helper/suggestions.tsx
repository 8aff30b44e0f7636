/**
 * Next to each account that the ENT's import wizard did not recognise, the suggestion of the
 * side panel's rapprochement (name, class, score, why) and one button that writes the suggested
 * name into the ENT's own search field (PRODUCT.md §2, issue 7). Each in an open shadow root on a
 * host marked `data-passerelle-host="ent-suggestion"`. Nothing is submitted on the admin's behalf.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Suggestion } from '../../lib/messages';
import type { UnrecognisedAccount } from '../../lib/pages/ent-import';
import { type Lang, formatNumber, t, uiLang } from '../i18n';
import { HOST_ATTRIBUTE, createClosedHost } from '../page-host/closed-host';
import { fillSearchField } from './fill';
import { whyText } from './why';

export interface SuggestionRow {
  account: UnrecognisedAccount;
  suggestion: Suggestion | null;
}

const CSS = `
:host { all: initial; display: block; margin: 4px 0; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.sugg { padding: 4px 8px; border-left: 4px solid #1f4e99; background: #eef4fd; border-radius: 3px; }
.none { border-color: #8a8f98; background: #f4f4f4; color: #4a5260; }
.name { font-weight: 700; }
.why { color: #3a4150; font-size: 12px; }
button { font: inherit; font-size: 12px; padding: 1px 8px; cursor: pointer; margin-left: 6px; }
`;

function SuggestionLine({ row, lang }: { row: SuggestionRow; lang: Lang }) {
  const [filled, setFilled] = useState(false);
  const s = row.suggestion;
  if (!s) {
    return (
      <div class="sugg none" data-passerelle-suggestion="none">
        {t('entSuggestNone', [], lang)}
      </div>
    );
  }
  const name = `${s.lastName} ${s.firstName}`.trim();
  const field = row.account.searchField;
  return (
    <div class="sugg" data-passerelle-suggestion={name} data-score={String(s.score)}>
      <span>{t('entSuggestLabel', [], lang)} </span>
      <span class="name">{name}</span>
      {s.className ? <span class="class"> ({s.className})</span> : null}
      <span class="score"> · {t('entSuggestScore', [formatNumber(Math.round(s.score * 100), lang)], lang)}</span>
      <button
        type="button"
        disabled={!field}
        aria-label={t('entSuggestFillLabel', [name], lang)}
        onClick={() => {
          if (field?.isConnected) setFilled(fillSearchField(field, name));
        }}
      >
        {filled ? t('entSuggestFilled', [], lang) : t('entSuggestFill', [], lang)}
      </button>
      {s.why.length ? <div class="why">{t('entSuggestWhy', [s.why.map((w) => whyText(w, lang)).join(', ')], lang)}</div> : null}
      <div class="why">{t('entSuggestFrom', [s.pronoteLabel], lang)}</div>
    </div>
  );
}

/** Where a row's suggestion goes: inside its last cell for a table row, at the end of a list item. */
function place(row: Element, host: HTMLElement): void {
  if (row.matches('tr, [role=row]')) {
    const cell = row.lastElementChild ?? row;
    cell.append(host);
  } else if (row.matches('li, [role=listitem]')) row.append(host);
  else row.insertAdjacentElement('afterend', host);
}

export interface SuggestionsMount {
  /** Shows one suggestion per row, replacing the previous ones. */
  update(rows: SuggestionRow[]): void;
  destroy(): void;
}

/** Creates the suggestions UI of `doc`; nothing is inserted until the first `update`. */
export function createSuggestionsMount(doc: Document, lang: Lang = uiLang()): SuggestionsMount {
  const hosts = new Map<Element, { host: HTMLElement; container: HTMLElement }>();
  const drop = (row: Element) => {
    const h = hosts.get(row);
    if (!h) return;
    render(null, h.container);
    h.host.remove();
    hosts.delete(row);
  };
  return {
    update(rows) {
      const wanted = new Set(rows.map((r) => r.account.element));
      for (const row of [...hosts.keys()]) if (!wanted.has(row) || !row.isConnected) drop(row);
      for (const row of rows) {
        const el = row.account.element;
        let h = hosts.get(el);
        if (h && !h.host.isConnected) {
          drop(el);
          h = undefined;
        }
        if (!h) {
          const { host, root: shadow } = createClosedHost(doc, { [HOST_ATTRIBUTE]: 'ent-suggestion' }, CSS);
          const container = doc.createElement('div');
          container.setAttribute('role', 'note');
          container.setAttribute('aria-label', t('entSuggestRegion', [], lang));
          shadow.append(container);
          place(el, host);
          h = { host, container };
          hosts.set(el, h);
        }
        render(<SuggestionLine key={`${row.suggestion?.pronoteId ?? 'none'}`} row={row} lang={lang} />, h.container);
      }
    },
    destroy() {
      for (const row of [...hosts.keys()]) drop(row);
    },
  };
}
