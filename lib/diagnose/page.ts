/**
 * What the Pronote content script reads of its page: the text a failure would be shown in (judged
 * by the background, `page-failure.ts`, so that the content script carries no knowledge base), and
 * signs that CAS delegation is on for its root. Receives the `Document` and the URLs as arguments;
 * no browser API.
 */
import { CAS_HOSTS } from '../catalogue';
import { readPronoteUrl } from '../pronote/url';

/**
 * Pages are read up to this many characters: error pages are short, espaces are not. Also the
 * longest page text the background accepts to diagnose (`lib/message-schemas`).
 */
export const PAGE_TEXT_MAX = 20_000;

/** What the diagnosis reads of a page: its title and body text, cut at `PAGE_TEXT_MAX`; undefined without a body. */
export function readPageText(doc: Document): string | undefined {
  const body = doc.body;
  if (!body) return undefined;
  return `${doc.title}\n${body.textContent ?? ''}`.slice(0, PAGE_TEXT_MAX);
}

/**
 * The CAS host that proves delegation is on for the page at `pageUrl`, or `undefined`:
 * - the CAS server named in the failure message on the page (`casUrlFromPage`);
 * - a referrer on a known CAS host (catalogue) or on a `cas.` host or `/cas/` path: the page was
 *   reached through a CAS redirect.
 * Returns the host in lower case.
 */
export function casEvidence(pageUrl: string, referrer: string, casUrlFromPage?: string): string | undefined {
  for (const candidate of [casUrlFromPage, referrer]) {
    if (!candidate) continue;
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    if (candidate === casUrlFromPage) return host;
    if (host === new URL(pageUrl).hostname.toLowerCase()) continue;
    if (CAS_HOSTS.includes(host) || /^cas\d*\./.test(host) || /\/cas(\/|$)/i.test(url.pathname)) return host;
  }
  return undefined;
}

/** What the content script needs to know of the page's URL: its root, and whether it is the direct access. */
export function pageAccess(pageUrl: string): { root: string; loginTrue: boolean; directUrl: string } | undefined {
  const info = readPronoteUrl(pageUrl);
  if (!info) return undefined;
  return { root: info.root, loginTrue: info.loginTrue, directUrl: `${info.root}?login=true` };
}
