/**
 * CAS URL normalisation: from what an admin pasted (or what the seed prints) to the canonical CAS
 * base URL, with the list of what was wrong. The noise handled is the seed's own (section 1 d:
 * trailing slashes, `/login`, a Google redirect wrapper) and DOMAIN.md's (`?selection=...` on
 * login URLs, `http`).
 */

/** What was wrong with a CAS URL as typed. `found` holds the offending part, as typed. */
export type CasUrlProblem =
  /** Empty or blank input. */
  | { kind: 'empty' }
  /** Not readable as a URL at all (`found`: the input). */
  | { kind: 'not-a-url'; found: string }
  /** Wrapped in a redirect (`found`: the wrapper's host, e.g. `www.google.com`). */
  | { kind: 'wrapped'; found: string }
  /** No scheme written (`cas.example.fr`): `https://` was assumed. */
  | { kind: 'no-scheme' }
  /** `http://` instead of `https://`. */
  | { kind: 'not-https'; found: string }
  /** Upper-case letters in the host (harmless, hosts are case-insensitive). */
  | { kind: 'host-case'; found: string }
  /** Spaces around or inside the URL (`found`: the input). */
  | { kind: 'whitespace'; found: string }
  /** The CAS login page (`/login`) instead of the base (`found`: the path removed). */
  | { kind: 'login-path'; found: string }
  /** A query string such as `?selection=EDU` or `?service=...` (`found`: the query). */
  | { kind: 'query'; found: string }
  /** A `#fragment` (`found`: the fragment). */
  | { kind: 'fragment'; found: string }
  /** A trailing slash (harmless: the seed's list itself has them). */
  | { kind: 'trailing-slash' };

export type CasUrlProblemKind = CasUrlProblem['kind'];

export interface NormalisedCasUrl {
  /** `scheme://host[:port][/path]` in lower-case host, no trailing slash, no query; absent when unreadable. */
  base?: string;
  /** The host, lower case; absent when unreadable. */
  host?: string;
  /** The scheme of the (unwrapped) URL as typed, `http` or `https`. */
  scheme?: 'http' | 'https';
  /** The URL inside the redirect wrapper(s), when there were any. */
  unwrapped?: string;
  problems: CasUrlProblem[];
}

/**
 * Redirect wrappers that mail clients, chat tools and search engines put around links
 * (the seed's Occitanie URL came through Google Hangouts: `google.com/url?q=`). Keyed by a host
 * test; the value lists the query parameters that carry the real URL.
 */
const WRAPPERS: { host: RegExp; path?: RegExp; params: string[] }[] = [
  { host: /^(www\.)?google\.[a-z.]+$/, path: /^\/url$/, params: ['q', 'url'] },
  { host: /(^|\.)safelinks\.protection\.outlook\.com$/, params: ['url'] },
  { host: /^l\.facebook\.com$|^lm\.facebook\.com$/, params: ['u'] },
  { host: /^(www\.)?bing\.com$/, path: /^\/ck\//, params: ['u'] },
];

/** The URL inside a redirect wrapper, and the wrapper's host; undefined when `url` is not one. */
export function unwrapRedirect(url: URL): { inner: string; wrapper: string } | undefined {
  const host = url.hostname.toLowerCase();
  for (const w of WRAPPERS) {
    if (!w.host.test(host)) continue;
    if (w.path && !w.path.test(url.pathname)) continue;
    for (const p of w.params) {
      const inner = url.searchParams.get(p);
      if (inner && /^(https?:\/\/|[a-z0-9-]+\.)/i.test(inner.trim())) return { inner: inner.trim(), wrapper: host };
    }
  }
  return undefined;
}

/**
 * Normalises a CAS URL.
 *
 * Input: any text an admin may paste. Output: `{ base, host, scheme, unwrapped, problems }`;
 * `base` is `https?://host[:port][/path]` without `/login`, query, fragment or trailing slash,
 * host in lower case, the scheme kept as typed (a `not-https` problem says when it is `http`).
 * Redirect wrappers are removed (up to 3 nested) and reported as `wrapped`. Never throws: an
 * unreadable input gives `problems: [{ kind: 'not-a-url' }]` and no `base`.
 */
export function normaliseCasUrl(input: string): NormalisedCasUrl {
  const problems: CasUrlProblem[] = [];
  const trimmed = (input ?? '').trim();
  if (!trimmed) return { problems: [{ kind: 'empty' }] };
  // Spaces in a pasted URL come from line wraps (the seed's PDF wraps long lines).
  let text = trimmed.replace(/\s+/g, '');
  if (/\s/.test(input)) problems.push({ kind: 'whitespace', found: input });

  let url: URL | undefined;
  let unwrapped: string | undefined;
  for (let depth = 0; depth < 4; depth++) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
      if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$|\?)/i.test(text)) {
        problems.push({ kind: 'no-scheme' });
        text = 'https://' + text;
      } else {
        return { problems: [...problems, { kind: 'not-a-url', found: input }] };
      }
    }
    try {
      url = new URL(text);
    } catch {
      return { problems: [...problems, { kind: 'not-a-url', found: input }] };
    }
    const inner = unwrapRedirect(url);
    if (!inner) break;
    if (!problems.some((p) => p.kind === 'wrapped')) problems.push({ kind: 'wrapped', found: inner.wrapper });
    text = inner.inner;
    unwrapped = inner.inner;
  }
  if (!url) return { problems: [...problems, { kind: 'not-a-url', found: input }] };
  const scheme = url.protocol === 'http:' ? 'http' : url.protocol === 'https:' ? 'https' : undefined;
  if (!scheme || !url.hostname) return { problems: [...problems, { kind: 'not-a-url', found: input }] };
  if (scheme === 'http') problems.push({ kind: 'not-https', found: 'http://' });

  // The host as typed: URL() lower-cases it, so look at the raw text.
  const rawHost = /^[a-z]+:\/\/([^/?#:]+)/i.exec(text)?.[1] ?? '';
  if (rawHost !== rawHost.toLowerCase()) problems.push({ kind: 'host-case', found: rawHost });

  let path = url.pathname;
  const login = /\/login\/?$/i.exec(path);
  if (login) {
    problems.push({ kind: 'login-path', found: login[0] });
    path = path.slice(0, login.index);
  }
  if (url.search) problems.push({ kind: 'query', found: url.search });
  if (url.hash) problems.push({ kind: 'fragment', found: url.hash });
  if (!login && path.length > 1 && path.endsWith('/')) problems.push({ kind: 'trailing-slash' });
  else if (!login && path === '/' && /^[a-z]+:\/\/[^/?#]+\/([?#]|$)/i.test(text)) problems.push({ kind: 'trailing-slash' });
  path = path.replace(/\/+$/, '');

  const host = url.hostname.toLowerCase();
  const base = `${scheme}://${host}${url.port ? `:${url.port}` : ''}${path}`;
  return { base, host, scheme, unwrapped, problems };
}

/** Problem kinds that change nothing for Pronote (the seed's own list writes URLs with them). */
export const HARMLESS_CAS_URL_PROBLEMS: ReadonlySet<CasUrlProblemKind> = new Set(['trailing-slash', 'host-case', 'whitespace']);
