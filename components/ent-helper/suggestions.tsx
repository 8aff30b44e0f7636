/**
 * Next to each account that the ENT's import wizard did not recognise, Passerelle's mark (issue
 * 16; PRODUCT.md §2 as changed there): « Suggestion disponible » or « pas de suggestion », and the
 * suggestion itself (name, class, score, why, and one button that writes the name into the ENT's
 * own search field) only after the admin clicks « Voir la suggestion ». Each in a closed shadow
 * root (components/page-host) on a host marked `data-passerelle-host="ent-suggestion"`, the same
 * host on every row, so that the page learns neither which rows have a suggestion nor what it is.
 * Nothing is submitted on the admin's behalf.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Refusal, Suggestion } from '../../lib/messages';
import type { RowAnchor, UnrecognisedAccount } from '../../lib/pages/ent-import';
import { type Lang, type MessageKey, formatNumber, t, uiLang } from '../i18n';
import { HOST_ATTRIBUTE, createClosedHost } from '../page-host/closed-host';
import { fillSearchField } from './fill';
import { whyText } from './why';

/** What Passerelle may say about one row: it has a suggestion, it has none, or why it says nothing. */
export type RowMark = 'available' | 'none' | Refusal['refused'];

export interface SuggestionRow {
  account: UnrecognisedAccount;
  /** Where the account is on the page (its row, its search field). */
  anchor: RowAnchor;
  mark: RowMark;
  /** Asks the background for this row's suggestion (the admin's click). */
  reveal(): Promise<Suggestion | null>;
}

const CSS = `
:host { all: initial; display: block; margin: 4px 0; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.sugg { padding: 4px 8px; border-left: 4px solid #1f4e99; background: #eef4fd; border-radius: 3px; }
.none { border-color: #8a8f98; background: #f4f4f4; color: #4a5260; }
.name { font-weight: 700; }
.why { color: #3a4150; font-size: 12px; }
/* Every mark, with or without a suggestion, has the same box: the page can measure the host. */
.mark { box-sizing: border-box; height: 26px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
button { font: inherit; font-size: 12px; padding: 1px 8px; cursor: pointer; margin-left: 6px; }
button.show { margin-left: 0; }
`;

const REFUSAL_TEXT: Record<Refusal['refused'], MessageKey> = {
  'no-rapprochement': 'entSuggestNone',
  'other-school': 'entSuggestOtherSchool',
  'no-ent-project': 'entSuggestNoEntProject',
  'host-not-school-ent': 'entSuggestHostNotConfirmed',
};

function Shown({ s, field, lang }: { s: Suggestion; field?: Element; lang: Lang }) {
  const [filled, setFilled] = useState(false);
  const name = `${s.lastName} ${s.firstName}`.trim();
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

function SuggestionLine({ row, lang }: { row: SuggestionRow; lang: Lang }) {
  const [state, setState] = useState<{ kind: 'mark' | 'busy' | 'gone' } | { kind: 'shown'; s: Suggestion }>({ kind: 'mark' });
  if (row.mark !== 'available') {
    return (
      <div
        class="sugg none mark"
        data-passerelle-suggestion={row.mark === 'none' || row.mark === 'no-rapprochement' ? 'none' : row.mark}
        title={t(row.mark === 'none' ? 'entSuggestNone' : REFUSAL_TEXT[row.mark], [], lang)}
      >
        {t(row.mark === 'none' ? 'entSuggestNone' : REFUSAL_TEXT[row.mark], [], lang)}
      </div>
    );
  }
  if (state.kind === 'shown') return <Shown s={state.s} field={row.anchor.searchField} lang={lang} />;
  if (state.kind === 'gone') {
    return (
      <div class="sugg none" data-passerelle-suggestion="none">
        {t('entSuggestNone', [], lang)}
      </div>
    );
  }
  return (
    <div class="sugg mark" data-passerelle-suggestion="available">
      <button
        type="button"
        class="show"
        disabled={state.kind === 'busy'}
        aria-label={t('entSuggestShowLabel', [], lang)}
        onClick={async () => {
          setState({ kind: 'busy' });
          const s = await row.reveal().catch(() => null);
          setState(s ? { kind: 'shown', s } : { kind: 'gone' });
        }}
      >
        {t('entSuggestShow', [], lang)}
      </button>
      <span> {t('entSuggestAvailable', [], lang)}</span>
    </div>
  );
}

/** Where a row's mark goes: inside its last cell for a table row, at the end of a list item. */
function place(row: Element, host: HTMLElement): void {
  if (row.matches('tr, [role=row]')) {
    const cell = row.lastElementChild ?? row;
    cell.append(host);
  } else if (row.matches('li, [role=listitem]')) row.append(host);
  else row.insertAdjacentElement('afterend', host);
}

export interface SuggestionsMount {
  /** Shows one mark per row, replacing the previous ones (a row whose mark is unchanged keeps what the admin opened). */
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
      const wanted = new Set(rows.map((r) => r.anchor.element));
      for (const row of [...hosts.keys()]) if (!wanted.has(row) || !row.isConnected) drop(row);
      for (const row of rows) {
        const el = row.anchor.element;
        let h = hosts.get(el);
        if (h && !h.host.isConnected) {
          drop(el);
          h = undefined;
        }
        if (!h) {
          const { host, root } = createClosedHost(doc, { [HOST_ATTRIBUTE]: 'ent-suggestion' }, CSS);
          const container = doc.createElement('div');
          container.setAttribute('role', 'note');
          container.setAttribute('aria-label', t('entSuggestRegion', [], lang));
          root.append(container);
          place(el, host);
          h = { host, container };
          hosts.set(el, h);
        }
        render(<SuggestionLine key={row.mark} row={row} lang={lang} />, h.container);
      }
    },
    destroy() {
      for (const row of [...hosts.keys()]) drop(row);
    },
  };
}
