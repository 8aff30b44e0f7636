/**
 * The UI that the Pronote content script puts on the page: the explanation of a recognised failure
 * (`PageExplanation`, made by the background) and the direct-URL hint, each in a closed shadow root
 * (components/page-host: the page's scripts cannot read it, the page's styles and ours do not mix),
 * on an element that tests and support staff can find (`data-passerelle-diagnosis="<id>"`,
 * `data-passerelle-hint="direct-url"`). Built with plain DOM calls, every text set as text (issue 18:
 * no Preact in content scripts); the same elements and classes as `FailureExplanation.tsx`.
 */
import type { PageExplanation } from '../../lib/diagnose/page-failure';
import { copy } from '../findings/copy';
import { type Lang, t, uiLang } from '../i18n';
import { createClosedHost, isOwnHost } from '../page-host/closed-host';
import { el } from '../page-host/element';

const STYLE = `
:host { all: initial; }
.box { font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1f24; background: #fff;
  border: 2px solid #1f4e99; border-radius: 6px; padding: 10px 14px; margin: 12px auto; max-width: 720px;
  box-shadow: 0 2px 8px rgba(0,0,0,.15); }
.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.brand { font-weight: 700; color: #1f4e99; }
button { font: inherit; cursor: pointer; }
h3 { font-size: 1.05rem; margin: 6px 0; }
ol { margin: 4px 0 8px; padding-left: 1.4em; }
p { margin: 4px 0; }
.diag-source, .note { color: #4a5260; font-size: .9em; }
code { overflow-wrap: anywhere; }
`;

/** How long « Copié » stays on the copy button, in milliseconds. */
const COPIED_MS = 2_000;

function host(doc: Document, attribute: string, value: string): ShadowRoot {
  // Only Passerelle's own hosts count: an element the page marks the same way is left alone.
  const own = (selector: string) => [...doc.querySelectorAll(selector)].find(isOwnHost);
  own(`[${attribute}]`)?.remove();
  const { host: element, root } = createClosedHost(doc, { [attribute]: value }, STYLE);
  // The explanation goes first; the hint comes after it when both are shown.
  const diagnosis = attribute === 'data-passerelle-hint' ? own('[data-passerelle-diagnosis]') : undefined;
  if (diagnosis) diagnosis.after(element);
  else (doc.body ?? doc.documentElement).prepend(element);
  return root;
}

/** The framed box with Passerelle's name and a close button that removes `hostElement`. */
function box(doc: Document, hostElement: Element, lang: Lang, ...children: (Node | string)[]): HTMLElement {
  const close = el(doc, 'button', null, t('diagPageClose', [], lang));
  close.type = 'button';
  close.addEventListener('click', () => hostElement.remove());
  const frame = el(doc, 'div', 'box', el(doc, 'div', 'head', el(doc, 'span', 'brand', t('diagPageBrand', [], lang)), close), ...children);
  frame.setAttribute('role', 'complementary');
  frame.setAttribute('aria-label', t('diagPageLabel', [], lang));
  return frame;
}

/** A titled ordered list of the explanation's steps (causes, fix, support fix). */
function steps(doc: Document, title: string, cls: string, items: string[]): Node[] {
  return [el(doc, 'p', 'diag-subtitle', el(doc, 'strong', null, title)), el(doc, 'ol', cls, ...items.map((item) => el(doc, 'li', null, item)))];
}

/**
 * Shows `explanation` at the top of `doc`, replacing an earlier one, with the CAS server its
 * message names and that server's ENT project when known. Returns the host element.
 */
export function mountDiagnosis(doc: Document, explanation: PageExplanation, lang: Lang = uiLang()): Element {
  const shadow = host(doc, 'data-passerelle-diagnosis', explanation.id);
  const element = shadow.host;
  const e = explanation;
  const article = el(
    doc,
    'article',
    'diag-failure',
    el(doc, 'h3', 'diag-failure-title', e.title),
    el(doc, 'p', 'diag-symptom', el(doc, 'strong', null, t('diagSymptom', [], lang)), ' ', e.symptom),
    ...steps(doc, t('diagCauses', [], lang), 'diag-causes', e.causes),
    ...steps(doc, t('diagFix', [], lang), 'diag-fix', e.fix),
    ...(e.supportFix.length > 0 ? steps(doc, t('diagSupportFix', [], lang), 'diag-fix diag-support-fix', e.supportFix) : []),
    el(doc, 'p', 'diag-source', t('diagSource', [e.source], lang)),
  );
  article.setAttribute('data-failure', e.id);
  const note = e.casUrl
    ? [
        el(
          doc,
          'p',
          'note',
          t('diagExplainCasServer', [e.casUrl], lang),
          ' ',
          e.casProject ? t('diagExplainCasProject', [e.casProject], lang) : t('diagExplainCasUnknown', [], lang),
        ),
      ]
    : [];
  shadow.append(box(doc, element, lang, ...note, article));
  return element;
}

/** The copy button of the hint: copies `text`, says so for a moment (live region for screen readers). */
function copyButton(doc: Document, text: string, fallback: HTMLElement, lang: Lang): HTMLButtonElement {
  const button = el(doc, 'button', 'diag-copy', t('diagCopy', [], lang));
  button.type = 'button';
  button.setAttribute('aria-live', 'polite');
  button.addEventListener('click', async () => {
    // A refused clipboard leaves the address selected, for a copy by hand.
    if (!(await copy(text, fallback))) return;
    button.textContent = t('diagCopied', [], lang);
    setTimeout(() => {
      button.textContent = t('diagCopy', [], lang);
    }, COPIED_MS);
  });
  return button;
}

/** Shows the direct-URL hint (`<root>?login=true`) at the top of `doc`. Returns the host element. */
export function mountDirectUrlHint(doc: Document, directUrl: string, lang: Lang = uiLang()): Element {
  const shadow = host(doc, 'data-passerelle-hint', 'direct-url');
  const element = shadow.host;
  const code = el(doc, 'code', null, directUrl);
  shadow.append(
    box(
      doc,
      element,
      lang,
      el(doc, 'p', null, t('diagHintDirect', [], lang)),
      el(doc, 'p', null, code, ' ', copyButton(doc, directUrl, code, lang)),
      el(doc, 'p', 'note', t('diagHintWhy', [], lang)),
    ),
  );
  return element;
}
