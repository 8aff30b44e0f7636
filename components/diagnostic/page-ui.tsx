/**
 * The UI that the Pronote content script puts on the page: the explanation of a recognised failure
 * and the direct-URL hint, each in a closed shadow root (components/page-host: the page's scripts
 * cannot read it, the page's styles and ours do not mix), on an element that tests and support staff can find (`data-passerelle-diagnosis="<id>"`,
 * `data-passerelle-hint="direct-url"`).
 */
import { render } from 'preact';
import { projectForCasUrl } from '../../lib/catalogue';
import { type FailureId, knownFailure } from '../../lib/diagnose/known-failures';
import { type Lang, t, uiLang } from '../i18n';
import { createClosedHost, isOwnHost } from '../page-host/closed-host';
import { CopyButton } from './CopyButton';
import { FailureExplanation } from './FailureExplanation';

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

function Box({ lang, children, onClose }: { lang: Lang; children: preact.ComponentChildren; onClose: () => void }) {
  return (
    <div class="box" role="complementary" aria-label={t('diagPageLabel', [], lang)}>
      <div class="head">
        <span class="brand">{t('diagPageBrand', [], lang)}</span>
        <button type="button" onClick={onClose}>
          {t('diagPageClose', [], lang)}
        </button>
      </div>
      {children}
    </div>
  );
}

/**
 * Shows the explanation of failure `id` at the top of `doc`, replacing an earlier one. `casUrl`
 * (the CAS server the message names) is shown with its ENT project. Returns the host element.
 */
export function mountDiagnosis(doc: Document, id: FailureId, casUrl?: string, lang: Lang = uiLang()): Element {
  const shadow = host(doc, 'data-passerelle-diagnosis', id);
  const element = shadow.host;
  const project = casUrl ? projectForCasUrl(casUrl) : undefined;
  render(
    <Box lang={lang} onClose={() => element.remove()}>
      {casUrl && (
        <p class="note">
          {t('diagExplainCasServer', [casUrl], lang)} {project ? t('diagExplainCasProject', [project.name], lang) : t('diagExplainCasUnknown', [], lang)}
        </p>
      )}
      <FailureExplanation failure={knownFailure(id)} lang={lang} />
    </Box>,
    shadow,
  );
  return element;
}

function Hint({ directUrl, lang, onClose }: { directUrl: string; lang: Lang; onClose: () => void }) {
  return (
    <Box lang={lang} onClose={onClose}>
      <p>{t('diagHintDirect', [], lang)}</p>
      <p>
        <code>{directUrl}</code> <CopyButton text={directUrl} lang={lang} />
      </p>
      <p class="note">{t('diagHintWhy', [], lang)}</p>
    </Box>
  );
}

/** Shows the direct-URL hint (`<root>?login=true`) at the top of `doc`. Returns the host element. */
export function mountDirectUrlHint(doc: Document, directUrl: string, lang: Lang = uiLang()): Element {
  const shadow = host(doc, 'data-passerelle-hint', 'direct-url');
  const element = shadow.host;
  render(<Hint directUrl={directUrl} lang={lang} onClose={() => element.remove()} />, shadow);
  return element;
}
