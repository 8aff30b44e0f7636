/**
 * What a Pronote page shows, for the content script: a known failure on screen (the CAS error
 * page, "Identification impossible"…), and signs that CAS delegation is on for its root. Receives
 * the `Document` and the URLs as arguments; no browser API.
 */
import { CAS_HOSTS } from '../catalogue';
import { readPronoteUrl } from '../pronote/url';
import type { FailureId } from './known-failures';
import { type RecognitionResult, recogniseText } from './recognise';

/**
 * The failures that Pronote (or its web server) itself displays. The others of the knowledge base
 * are described by people (a missing menu, an import count) and would only give false alarms on
 * an ordinary page that mentions `?login=true` or "établissement".
 */
export const PAGE_FAILURES: ReadonlySet<FailureId> = new Set<FailureId>([
  'idpronote-missing',
  'identification-impossible',
  'cas-service-not-allowed',
  'pronote-not-published',
  'duplicate-pronote-account',
]);

/** Pages are read up to this many characters: error pages are short, espaces are not. */
const MAX_TEXT = 20_000;

export interface PageDiagnosis {
  id: FailureId;
  recognition: RecognitionResult;
}

/**
 * The known failure that `doc` displays, or `undefined`. Reads the visible text of the body (the
 * error message is plain text in the page) and keeps only the failures Pronote displays
 * (`PAGE_FAILURES`). The most likely one wins.
 */
export function diagnosePage(doc: Document): PageDiagnosis | undefined {
  const text = readPageText(doc);
  return text === undefined ? undefined : diagnosePageText(text);
}

/** What the diagnosis reads of a page: its title and body text, cut at `MAX_TEXT`; undefined without a body. */
export function readPageText(doc: Document): string | undefined {
  const body = doc.body;
  if (!body) return undefined;
  return `${doc.title}\n${body.textContent ?? ''}`.slice(0, MAX_TEXT);
}

/** The known failure that a page's text shows (`PAGE_FAILURES` only), or `undefined`. */
export function diagnosePageText(text: string): PageDiagnosis | undefined {
  const recognition = recogniseText(text);
  const first = recognition.matches.find((m) => PAGE_FAILURES.has(m.id));
  return first ? { id: first.id, recognition } : undefined;
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
