/**
 * The instance check: what a Pronote instance says about itself from outside, without logging in.
 * Every Pronote.net publishes `<root>infoMobileApp.json?id=0D264427-EEFC-4810-A9E9-346942A862A4`
 * (the id is one constant for every school) with `nomEtab`, `version` (e.g. `[2020,0,2,5]`),
 * `date`, `espaces[{nom, URL, avecDelegation, protocole}]`, `CAS{actif, casURL, jetonCAS}` and, when
 * the school declares one, `collectivite{urlCollectivite}` (DOMAIN.md "Pronote URLs"; Pawnote.js
 * `src/decoders/instance.ts`; LiterateInk/Pawnote `rust` branch
 * `pawnote/src/models/instance_information.rs` for `avecDelegation`, `protocole` and the empty
 * `casURL`; issue 17 for `collectivite`; Androz2091/pronote-qrcode-api). HTTP 503 means
 * Pronote.net is not published (Index Éducation support sheet 1523).
 *
 * What people paste is read by `readInstanceInput`: a UAI, a Pronote URL, or an ENT or CAS login
 * page read down to the Pronote server inside it (`pasted-url.ts`).
 *
 * Pure functions: the caller passes its own `fetch` (lib/ never opens a connection itself).
 */
import { type EntProject, knownHost, projectById, projectForCasUrl, projectForWebHost, unwrapRedirect } from '../catalogue';
import { isValidUai, readPronoteUrl } from '../pronote/url';
import { readPastedUrl } from './pasted-url';

/** The constant id of the public instance description (DOMAIN.md). */
export const INFO_MOBILE_APP_ID = '0D264427-EEFC-4810-A9E9-346942A862A4';

/** Where to ask. */
export interface InstanceTarget {
  /** The Pronote root, `scheme://host[:port]/path/`. */
  root: string;
  /** `<root>infoMobileApp.json?id=…`. */
  infoUrl: string;
  /** `scheme://host[:port]`: the origin to hold a host permission for. */
  origin: string;
  /** True for `*.index-education.net` (covered by the extension's host permissions). */
  hosted: boolean;
  uai?: string;
  /** The input was a UAI whose check letter is wrong (the address is built anyway). */
  uaiCheckLetterWrong?: boolean;
  /**
   * The input was an ENT or CAS login page: the host it was read from and the project that host
   * belongs to (catalogue), when known. Absent when the input was a Pronote address itself.
   */
  readFrom?: { host: string; project?: EntProject; retiredFor?: EntProject };
}

/** What the instance check makes of the typed or pasted text. */
export type InstanceInput =
  | { kind: 'target'; target: InstanceTarget }
  /** An ENT or CAS page that holds no Pronote server: nothing to ask, say so. */
  | { kind: 'no-pronote'; host: string; project?: EntProject }
  | { kind: 'invalid' };

/**
 * The target for a Pronote URL (any page of the instance, with or without scheme) or a UAI
 * (`0310047H` → `https://0310047h.index-education.net/pronote/`). A hosted address given without
 * a path gets `/pronote/`, where hosted instances always live (DOMAIN.md). `undefined` when the
 * input is neither, or is an ENT page without a Pronote server (see `readInstanceInput`).
 */
export function instanceTarget(input: string): InstanceTarget | undefined {
  const read = readInstanceInput(input);
  return read.kind === 'target' ? read.target : undefined;
}

/**
 * Reads what a person typed or pasted for the instance check: a UAI, a Pronote URL, or the URL of
 * an ENT or CAS login page that leads to one (`readPastedUrl`: `service=`, a doubly encoded
 * `callback=…service=…`, redirect wrappers), the CAS project then named from the outer host.
 * An ENT page that holds no Pronote server gives `no-pronote` with its host and project, so that the
 * check never asks the CAS server for a Pronote description. Never throws.
 */
export function readInstanceInput(input: string): InstanceInput {
  const text = (input ?? '').trim();
  if (!text) return { kind: 'invalid' };
  if (/^[0-9]{7}[a-z]$/i.test(text)) {
    const uai = text.toUpperCase();
    const root = `https://${uai.toLowerCase()}.index-education.net/pronote/`;
    return {
      kind: 'target',
      target: {
        root,
        infoUrl: `${root}infoMobileApp.json?id=${INFO_MOBILE_APP_ID}`,
        origin: `https://${uai.toLowerCase()}.index-education.net`,
        hosted: true,
        uai,
        ...(isValidUai(uai) ? {} : { uaiCheckLetterWrong: true }),
      },
    };
  }
  // A bare word is not an address: "pronote" or "college" would become a host name.
  if (!/[./]/.test(text)) return { kind: 'invalid' };
  const pasted = readPastedUrl(text);
  if (pasted.kind === 'not-a-url') return { kind: 'invalid' };
  if (pasted.kind === 'no-pronote') return { kind: 'no-pronote', host: pasted.host, ...(pasted.project ? { project: pasted.project } : {}) };
  const info = readPronoteUrl(pasted.url);
  if (!info) return { kind: 'invalid' };
  let url = new URL(info.root);
  // Hosted Pronote answers on https only (DOMAIN.md "Pronote URLs"): an http address typed by
  // hand would fail or be asked for a permission the extension does not need.
  if (info.hosted && url.protocol === 'http:') {
    url.protocol = 'https:';
    if (url.port === '80') url.port = '';
    url = new URL(url.href);
  }
  let root = url.href;
  if (info.hosted && url.pathname === '/') root = `${url.origin}/pronote/`;
  const readFrom = pasted.hops.find((h) => !h.wrapper);
  // An old login address (a retired host) still names its project, and what replaced it.
  const retiredHop = pasted.hops.find((h) => h.entHost?.retired);
  const retiredFor = retiredHop?.entHost?.retired ? projectById(retiredHop.entHost.retired.replacedBy) : undefined;
  return {
    kind: 'target',
    target: {
      root,
      infoUrl: `${root}infoMobileApp.json?id=${INFO_MOBILE_APP_ID}`,
      origin: url.origin,
      hosted: info.hosted,
      uai: info.uai,
      ...(readFrom
        ? { readFrom: { host: pasted.casHost ?? readFrom.host, ...(pasted.project ? { project: pasted.project } : {}), ...(retiredFor ? { retiredFor } : {}) } }
        : {}),
    },
  };
}

/**
 * The address inside redirect wrappers (`https://www.google.com/url?q=…`, Outlook safe links…),
 * unwrapped with the catalogue's `unwrapRedirect` up to 3 levels; `text` unchanged when it is not
 * a wrapper or not a URL. A scheme-less input is read as https.
 */
export function unwrapRedirects(text: string): string {
  let current = text.trim();
  for (let depth = 0; depth < 3; depth++) {
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(current) ? current : `https://${current}`);
    } catch {
      return current;
    }
    const inner = unwrapRedirect(url);
    if (!inner) return current;
    current = inner.inner;
  }
  return current;
}

/** What the instance description says, read. */
export interface InstanceInfo {
  schoolName: string;
  /** The `version` array as sent, e.g. `[2024, 3, 7, 1]`. */
  version: number[];
  /** `2024.3.7.1`; the first number is the Pronote release year ("PRONOTE 2024"). */
  versionLabel: string;
  date?: string;
  espaces: InstanceEspace[];
  /** `CAS.actif`: whether CAS delegation is on. */
  casActive: boolean;
  /**
   * CAS is on but `casURL` is empty: the server does not publish its CAS address (shown as "CAS
   * actif, adresse non publiée"). `casURL` is also an empty string whenever CAS is off (Pawnote
   * `rust` branch, `pawnote/src/models/instance_information.rs`).
   */
  casUrlUnpublished: boolean;
  casUrl?: string;
  casHost?: string;
  /** The ENT project of the CAS host (catalogue), when known. */
  project?: EntProject;
  /** The CAS host is one its project retired: the id of the project that replaced it. */
  casHostRetiredFor?: string;
  /** `collectivite.urlCollectivite`: the region or ENT the server declares, when it declares one. */
  collectivite?: { url: string; host?: string; project?: EntProject };
}

/** One espace of the description: `espaces[{nom, URL, avecDelegation, protocole}]`. */
export interface InstanceEspace {
  name: string;
  url: string;
  /** `avecDelegation`: the espace's login is delegated (to the CAS); absent when not sent. */
  delegated?: boolean;
  /** `protocole`: the delegation protocol the espace uses, as sent (e.g. `CAS`); absent when not sent. */
  protocol?: string;
}

export type InstanceState = 'ok' | 'no-answer' | 'not-published' | 'not-pronote' | 'timeout' | 'http-error';

export interface InstanceCheck {
  state: InstanceState;
  root: string;
  infoUrl: string;
  /** The address to give to people who log in outside the ENT: `<root>?login=true` when CAS is on, else the root. */
  directUrl: string;
  /** The HTTP status, when there was an answer. */
  status?: number;
  info?: InstanceInfo;
  /** For the logs and the curious: the technical reason (error text, content type). */
  detail?: string;
}

/** An answer as the caller's `fetch` gives it. */
export interface HttpAnswer {
  status: number;
  body: string;
  contentType?: string;
}

/**
 * Interprets an HTTP answer of `infoMobileApp.json` for `target`. 200 with the JSON of a Pronote
 * instance → `ok`; 503 → `not-published`; 404, 200 with something else (an HTML page, JSON
 * without `version`) → `not-pronote`; any other status → `http-error`. Never throws.
 */
export function interpretInstanceAnswer(target: InstanceTarget, answer: HttpAnswer): InstanceCheck {
  const base = { root: target.root, infoUrl: target.infoUrl, directUrl: target.root, status: answer.status };
  if (answer.status === 503) return { ...base, state: 'not-published' };
  if (answer.status === 404 || answer.status === 410) return { ...base, state: 'not-pronote', detail: `HTTP ${answer.status}` };
  if (answer.status < 200 || answer.status >= 300) return { ...base, state: 'http-error', detail: `HTTP ${answer.status}` };
  let json: unknown;
  try {
    json = JSON.parse(answer.body.replace(/^\uFEFF/, ''));
  } catch {
    return { ...base, state: 'not-pronote', detail: answer.contentType ?? 'not JSON' };
  }
  const info = readInstanceJson(json, target.root);
  if (!info) return { ...base, state: 'not-pronote', detail: 'JSON without version' };
  return { ...base, state: 'ok', info, directUrl: info.casActive ? `${target.root}?login=true` : target.root };
}

/**
 * Interprets a failed request (no HTTP answer): an abort caused by our timeout → `timeout`;
 * anything else (DNS, refused connection, TLS, permission, CORS) → `no-answer`.
 */
export function interpretInstanceFailure(target: InstanceTarget, error: unknown, timedOut: boolean): InstanceCheck {
  return {
    state: timedOut ? 'timeout' : 'no-answer',
    root: target.root,
    infoUrl: target.infoUrl,
    directUrl: target.root,
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

/** The part of `fetch` the check needs (the browser's `fetch` fits). */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; credentials: 'omit'; cache: 'no-store'; redirect: 'follow' },
) => Promise<{ status: number; text(): Promise<string>; headers: { get(name: string): string | null } }>;

/**
 * Asks the instance with the caller's `fetchFn`, giving up after `timeoutMs` (default 10 s), and
 * interprets the result (see `interpretInstanceAnswer`, `interpretInstanceFailure`). No cookies
 * are sent. Never throws.
 */
export async function checkInstance(target: InstanceTarget, fetchFn: FetchLike, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<InstanceCheck> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await fetchFn(target.infoUrl, {
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
    });
    const body = await res.text();
    return interpretInstanceAnswer(target, { status: res.status, body, contentType: res.headers.get('content-type') ?? undefined });
  } catch (error) {
    return interpretInstanceFailure(target, error, timedOut);
  } finally {
    clearTimeout(timer);
  }
}

function readInstanceJson(json: unknown, root: string): InstanceInfo | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  if (!Array.isArray(o.version) || o.version.length === 0) return undefined;
  const version = o.version.map((n) => Number(n)).filter((n) => Number.isFinite(n));
  if (version.length === 0) return undefined;
  const espaces = Array.isArray(o.espaces)
    ? o.espaces.flatMap((e) => {
        if (typeof e !== 'object' || e === null) return [];
        const { nom, URL: url, avecDelegation, protocole } = e as { nom?: unknown; URL?: unknown; avecDelegation?: unknown; protocole?: unknown };
        if (typeof url !== 'string') return [];
        let absolute = url;
        try {
          absolute = new globalThis.URL(url, root).href;
        } catch {
          // Kept as sent: shown as text only.
        }
        const espace: InstanceEspace = { name: typeof nom === 'string' ? nom : url, url: absolute };
        if (typeof avecDelegation === 'boolean') espace.delegated = avecDelegation;
        if (typeof protocole === 'string' && protocole.trim()) espace.protocol = protocole.trim();
        return [espace];
      })
    : [];
  const cas = (typeof o.CAS === 'object' && o.CAS !== null ? o.CAS : {}) as { actif?: unknown; casURL?: unknown };
  const casActive = cas.actif === true || cas.actif === 'true' || cas.actif === 1;
  const casUrl = typeof cas.casURL === 'string' && cas.casURL.trim() ? cas.casURL.trim() : undefined;
  let casHost: string | undefined;
  if (casUrl) {
    try {
      casHost = new globalThis.URL(casUrl).hostname.toLowerCase();
    } catch {
      casHost = undefined;
    }
  }
  const known = casHost ? knownHost(casHost) : undefined;
  return {
    schoolName: typeof o.nomEtab === 'string' ? o.nomEtab : '',
    version,
    versionLabel: version.join('.'),
    date: typeof o.date === 'string' ? o.date : undefined,
    espaces,
    casActive,
    casUrlUnpublished: casActive && !casUrl,
    casUrl,
    casHost,
    project: casUrl ? projectForCasUrl(casUrl) : undefined,
    ...(known?.host.retired ? { casHostRetiredFor: known.host.retired.replacedBy } : {}),
    ...readCollectivite(o.collectivite),
  };
}

// `collectivite.urlCollectivite` (issue 17; read the same way by Pronote's own espace scripts for
// the region's logo link): the region or ENT the school declares.
function readCollectivite(value: unknown): Pick<InstanceInfo, 'collectivite'> {
  if (typeof value !== 'object' || value === null) return {};
  const url = (value as { urlCollectivite?: unknown }).urlCollectivite;
  if (typeof url !== 'string' || !url.trim()) return {};
  let host: string | undefined;
  try {
    host = new globalThis.URL(url.trim()).hostname.toLowerCase();
  } catch {
    host = undefined;
  }
  const project = host ? projectForWebHost(host) : undefined;
  return { collectivite: { url: url.trim(), ...(host ? { host } : {}), ...(project ? { project } : {}) } };
}
