/**
 * Reads the URL a support person is handed — usually the one the user sees in the address bar —
 * down to the Pronote server inside it. Users rarely see Pronote's own address: they see a CAS login
 * page (`https://cas.eclat-bfc.fr/login?service=https:%2F%2F0250007X.index-education.net%2Fpronote%2Feleve.html`,
 * bain3/pronotepy issue 65), an Open ENT NG login page whose `callback=` holds a second, doubly
 * encoded `service=` (`https://ent77.seine-et-marne.fr/auth/login?callback=%2Fcas%2Flogin%3Fservice%3Dhttps%253A%252F%252F0772589W…`,
 * bain3/pronotepy issue 103; Litarvan/pronote-api issue 135), an identity discovery page whose
 * `callback=` is absolute (wilapa-guyane.com, delphiki/hass-pronote issue 16), or any of these
 * inside a mail or chat redirect wrapper (the seed's `google.com/url?q=`).
 *
 * Pure functions: the URL is only parsed, never opened.
 */
import { type EntHost, type EntProject, knownHost, unwrapRedirect } from '../catalogue';
import { ESPACES } from '../pronote/url';

/** A host the pasted URL passes through before Pronote (a wrapper, a CAS server, an ENT page). */
export interface UrlHop {
  host: string;
  /** The parameter that led further (`service`, `callback`…), absent for the last hop. */
  via?: string;
  /** The catalogue's entry for the host, when it is an ENT login host. */
  project?: EntProject;
  entHost?: EntHost;
  /** True for a redirect wrapper (Google, Outlook safe links…). */
  wrapper?: boolean;
}

export type PastedUrl =
  /** A Pronote URL was found: `url` as decoded, and the hops before it (outermost first). */
  | { kind: 'pronote'; url: string; hops: UrlHop[]; project?: EntProject; casHost?: string }
  /** The URL is an ENT or CAS page (or leads only to one) and holds no Pronote server. */
  | { kind: 'no-pronote'; hops: UrlHop[]; host: string; project?: EntProject }
  | { kind: 'not-a-url' };

/**
 * Query parameters that carry the next URL of a login chain: CAS (`service`, Apereo CAS protocol
 * §2.1.1), Open ENT NG (`callback`), Shibboleth and ATEN (`target`, `TARGET`, `RelayState`,
 * `CT_ORIG_URL` — pronote-api `src/cas/ac-lille2.js`), generic `url`/`redirect_uri`.
 */
const NEXT_PARAMS = ['service', 'callback', 'TARGET', 'target', 'RelayState', 'CT_ORIG_URL', 'returnUrl', 'redirect_uri', 'url'];

/** Hosts under index-education.net that are not Pronote instances. */
const INDEX_EDUCATION_NOT_PRONOTE = /^(hebergement|www|hubeduconnect)\.index-education\.net$/i;
const ESPACE_FILE = new RegExp(`(^|/)(mobile\\.)?(${ESPACES.map((e) => e.id).join('|')})\\.html$`, 'i');

function parse(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i.test(text) ? `https://${text}` : undefined;
  if (!withScheme) return undefined;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `url` names a Pronote server by itself: a hosted instance (`<UAI>.index-education.net`,
 * not the hosting console nor HubEduConnect), a `/pronote/` path, an espace page (`eleve.html`,
 * `mobile.parent.html`…) or `infoMobileApp.json` (DOMAIN.md "Pronote URLs").
 */
export function namesPronote(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (/\.index-education\.net$/.test(host) && !INDEX_EDUCATION_NOT_PRONOTE.test(host)) return true;
  if (knownHost(host)) return false;
  return /\/pronote(\/|$)/i.test(url.pathname) || ESPACE_FILE.test(url.pathname) || /infomobileapp\.json$/i.test(url.pathname);
}

/** The next URL a login page's parameter names, absolute, decoded as often as it was encoded. */
function nextUrl(url: URL): { next: URL; param: string } | undefined {
  for (const param of NEXT_PARAMS) {
    let value = url.searchParams.get(param);
    if (!value) continue;
    // Each layer of a chain encodes once more: decode until the value reads as a URL or a path.
    for (let i = 0; i < 4 && !/^(https?:\/\/|\/)/i.test(value) && /%[0-9a-f]{2}/i.test(value); i++) {
      try {
        value = decodeURIComponent(value);
      } catch {
        break;
      }
    }
    value = value.trim();
    if (/^https?:\/\//i.test(value)) {
      const next = parse(value);
      if (next) return { next, param };
    } else if (value.startsWith('/')) {
      try {
        return { next: new URL(value, url.origin), param };
      } catch {
        // Not a path after all: try the next parameter.
      }
    }
  }
  return undefined;
}

/**
 * Follows a pasted URL to the Pronote server it leads to.
 *
 * Input: any text a person pastes (spaces from line wraps are removed, a missing scheme is read as
 * https). Follows redirect wrappers and the parameters of `NEXT_PARAMS`, up to 8 hops; a relative
 * `callback=/cas/login?service=…` is resolved on the host that carries it. Returns `pronote` with
 * the decoded Pronote URL and the project named by the outermost ENT host; `no-pronote` when the
 * chain ends on an ENT or CAS page of the catalogue, or on a `service=`/`callback=` that holds no
 * Pronote address; `not-a-url` otherwise. A URL on an unknown host that is not a login page
 * (`http://192.168.1.20:8080/`) is taken as a Pronote server: the instance check then says
 * whether one answers. Never throws.
 */
export function readPastedUrl(text: string): PastedUrl {
  const cleaned = (text ?? '').trim().replace(/\s+/g, '');
  let url = parse(cleaned);
  if (!url) return { kind: 'not-a-url' };
  const hops: UrlHop[] = [];
  for (let depth = 0; depth < 8; depth++) {
    const host = url.hostname.toLowerCase();
    const wrapped = unwrapRedirect(url);
    if (wrapped) {
      const inner = parse(wrapped.inner);
      if (inner) {
        hops.push({ host, via: 'wrapper', wrapper: true });
        url = inner;
        continue;
      }
    }
    if (namesPronote(url)) return pronoteFound(url, hops);
    const known = knownHost(host);
    const next = nextUrl(url);
    hops.push({ host, ...(next ? { via: next.param } : {}), ...(known ? { project: known.project, entHost: known.host } : {}) });
    if (!next) {
      if (known || hops.length > 1 || /[?&](service|callback)=/i.test(url.search)) return noPronote(hops);
      // An unknown host with no login parameter: the pasted address itself, a self-hosted server.
      hops.pop();
      return pronoteFound(url, hops);
    }
    url = next.next;
  }
  return noPronote(hops);
}

function outerProject(hops: UrlHop[]): UrlHop | undefined {
  return hops.find((h) => h.project);
}

function pronoteFound(url: URL, hops: UrlHop[]): PastedUrl {
  const ent = outerProject(hops);
  return { kind: 'pronote', url: url.href, hops, ...(ent ? { project: ent.project, casHost: ent.host } : {}) };
}

function noPronote(hops: UrlHop[]): PastedUrl {
  const ent = outerProject(hops);
  const last = hops.filter((h) => !h.wrapper).at(-1) ?? hops[hops.length - 1];
  return { kind: 'no-pronote', hops, host: ent?.host ?? last.host, ...(ent ? { project: ent.project } : {}) };
}
