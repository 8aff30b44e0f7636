/**
 * Next to each account that the ENT's import wizard did not recognise, Passerelle's mark (issue
 * 16; PRODUCT.md §2 as changed there): « Suggestion disponible » or « pas de suggestion », and the
 * suggestion itself (name, class, score, why, and one button that writes the name into the ENT's
 * own search field) only after the admin clicks « Voir la suggestion ». Each in a closed shadow
 * root (components/page-host) on a host marked `data-passerelle-host="ent-suggestion"`, the same
 * host on every row, so that the page learns neither which rows have a suggestion nor what it is.
 * Nothing is submitted on the admin's behalf. Plain DOM calls: the content script carries no Preact (issue 18).
 */
import { CATEGORY_WORDS } from '../../lib/core/vocabulary';
import type { Refusal, Suggestion } from '../../lib/messages';
import type { RowAnchor, UnrecognisedAccount } from '../../lib/pages/ent-import';
import { type Lang, type MessageKey, formatNumber, t, uiLang } from '../i18n';
import { HOST_ATTRIBUTE, createClosedHost } from '../page-host/closed-host';
import { fillSearchField } from './fill';
import { whyText } from './why';
import { el } from '../page-host/element';

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

/** One host's line; `row` is the latest the helper gave for it (its search field, its `reveal`). */
interface Line {
  row: SuggestionRow;
  /** Brings the line up to date with `row` (today: whether the fill button has a field to fill). */
  refresh(): void;
}

function shownSuggestion(doc: Document, s: Suggestion, line: Line, lang: Lang): { box: HTMLElement; refresh(): void } {
  const name = `${s.lastName} ${s.firstName}`.trim();
  const button = el(doc, 'button', null, t('entSuggestFill', [], lang));
  button.type = 'button';
  button.setAttribute('aria-label', t('entSuggestFillLabel', [name], lang));
  button.addEventListener('click', () => {
    const field = line.row.anchor.searchField;
    if (field?.isConnected) button.textContent = fillSearchField(field, name) ? t('entSuggestFilled', [], lang) : t('entSuggestFill', [], lang);
  });
  const box = el(
    doc,
    'div',
    'sugg',
    el(doc, 'span', null, `${t('entSuggestLabel', [], lang)} `),
    el(doc, 'span', 'name', name),
    ...(s.className ? [el(doc, 'span', 'class', ` (${s.className})`)] : []),
    el(doc, 'span', 'score', ` · ${t('entSuggestScore', [formatNumber(Math.round(s.score * 100), lang)], lang)}`),
    button,
    ...(s.why.length ? [el(doc, 'div', 'why', t('entSuggestWhy', [s.why.map((w) => whyText(w, lang)).join(', ')], lang))] : []),
    el(doc, 'div', 'why', t('entSuggestFrom', [`${s.pronoteLabel} · ${CATEGORY_WORDS[s.category].one[lang]}`], lang)),
  );
  box.setAttribute('data-passerelle-suggestion', name);
  box.setAttribute('data-score', String(s.score));
  const refresh = () => {
    button.disabled = !line.row.anchor.searchField;
  };
  refresh();
  return { box, refresh };
}

/** The line of one row in `container`: its mark, then on the admin's click the suggestion. */
function suggestionLine(doc: Document, container: HTMLElement, row: SuggestionRow, lang: Lang): Line {
  const line: Line = { row, refresh: () => {} };
  const show = (box: HTMLElement) => container.replaceChildren(box);
  if (row.mark !== 'available') {
    const text = t(row.mark === 'none' ? 'entSuggestNone' : REFUSAL_TEXT[row.mark], [], lang);
    const box = el(doc, 'div', 'sugg none mark', text);
    box.setAttribute('data-passerelle-suggestion', row.mark === 'none' || row.mark === 'no-rapprochement' ? 'none' : row.mark);
    box.title = text;
    show(box);
    return line;
  }
  const button = el(doc, 'button', 'show', t('entSuggestShow', [], lang));
  button.type = 'button';
  button.setAttribute('aria-label', t('entSuggestShowLabel', [], lang));
  const box = el(doc, 'div', 'sugg mark', button, el(doc, 'span', null, ` ${t('entSuggestAvailable', [], lang)}`));
  box.setAttribute('data-passerelle-suggestion', 'available');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const s = await line.row.reveal().catch(() => null);
    if (!s) {
      const gone = el(doc, 'div', 'sugg none', t('entSuggestNone', [], lang));
      gone.setAttribute('data-passerelle-suggestion', 'none');
      show(gone);
      return;
    }
    const shown = shownSuggestion(doc, s, line, lang);
    line.refresh = shown.refresh;
    show(shown.box);
  });
  show(box);
  return line;
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
  const hosts = new Map<Element, { host: HTMLElement; container: HTMLElement; line?: Line }>();
  const drop = (row: Element) => {
    const h = hosts.get(row);
    if (!h) return;
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
        // A row whose mark is unchanged keeps its line (what the admin opened), with the row's latest anchor.
        if (h.line?.row.mark === row.mark) {
          h.line.row = row;
          h.line.refresh();
        } else h.line = suggestionLine(doc, h.container, row, lang);
      }
    },
    destroy() {
      for (const row of [...hosts.keys()]) drop(row);
    },
  };
}
