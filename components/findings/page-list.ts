/**
 * The findings list of `FindingsList.tsx` built with plain DOM calls, for the lists shown in pages:
 * the content scripts then carry no Preact (issue 18: each at most 60 kB). Same elements, classes,
 * `data-*` marks and texts as the side panel's list; every text is set as text, never as markup.
 */
import type { Finding } from '../../lib/checks/finding';
import { type Lang, t } from '../i18n';
import { copy } from './copy';
import { el } from '../page-host/element';

export const SEVERITY_KEY = { error: 'findingsError', warning: 'findingsWarning', info: 'findingsInfo' } as const;

function copyableUrl(doc: Document, url: string, lang: Lang): HTMLElement {
  const code = el(doc, 'code', null, url);
  const button = el(doc, 'button', 'copy', t('findingsCopy', [], lang));
  button.type = 'button';
  button.setAttribute('data-passerelle-copy', url);
  button.addEventListener('click', async () => {
    button.textContent = (await copy(url, code)) ? t('findingsCopied', [], lang) : t('findingsSelected', [], lang);
  });
  return el(doc, 'span', 'url', code, ' ', button);
}

/** The `<ul class="findings">` of `findings`; each item carries `data-passerelle-finding` and `data-severity`. */
export function findingsListElement(doc: Document, findings: Finding[], lang: Lang): HTMLUListElement {
  const list = el(doc, 'ul', 'findings');
  for (const f of findings) {
    const fix = el(doc, 'div', 'fix', el(doc, 'span', null, f.fix[lang]));
    if (f.url) fix.append(el(doc, 'div', null, copyableUrl(doc, f.url, lang)));
    const item = el(
      doc,
      'li',
      `finding ${f.severity}`,
      el(doc, 'strong', 'severity', t(SEVERITY_KEY[f.severity], [], lang)),
      ' ',
      el(doc, 'span', 'message', f.message[lang]),
      fix,
    );
    item.setAttribute('data-passerelle-finding', f.id);
    item.setAttribute('data-severity', f.severity);
    list.append(item);
  }
  return list;
}
