/**
 * Pronote URLs (DOMAIN.md "Pronote URLs"; seed section 1 d and FAQ): the root of an instance from
 * any of its pages, the direct access URL once CAS delegation is on (`<root>?login=true`), the UAI
 * of a hosted instance, and the espaces.
 */
import type { Localized } from '../core/localized';

/** One Pronote web espace: the page under the root, and its names for the UI. */
export interface Espace extends Localized {
  /** File name under the root, e.g. `eleve.html`; the mobile page is `mobile.<file>`. */
  file: string;
  id: string;
}

/** The espaces of DOMAIN.md ("Espaces are files under the root"). */
export const ESPACES: readonly Espace[] = Object.freeze([
  { file: 'eleve.html', id: 'eleve', fr: 'Espace Élèves', en: 'Students' },
  { file: 'parent.html', id: 'parent', fr: 'Espace Parents', en: 'Parents' },
  { file: 'professeur.html', id: 'professeur', fr: 'Espace Professeurs', en: 'Teachers' },
  { file: 'viescolaire.html', id: 'viescolaire', fr: 'Espace Vie scolaire', en: 'School life staff' },
  { file: 'direction.html', id: 'direction', fr: 'Espace Direction', en: 'Management' },
  { file: 'accompagnant.html', id: 'accompagnant', fr: 'Espace Accompagnants', en: 'Support staff' },
  { file: 'entreprise.html', id: 'entreprise', fr: 'Espace Entreprise', en: 'Internship companies' },
  { file: 'academie.html', id: 'academie', fr: 'Espace Académie', en: 'Inspectors' },
  { file: 'inscription.html', id: 'inscription', fr: 'Inscriptions', en: 'Enrolment' },
]);

/** What a Pronote URL says about itself. */
export interface PronoteUrlInfo {
  /** `scheme://host[:port]/path/`: host lower case, port kept, the path's case kept, trailing slash. */
  root: string;
  /** The espace page opened, when the URL names one (`eleve`, `parent`...). */
  espace?: string;
  /** True for the `mobile.<espace>.html` pages. */
  mobile: boolean;
  /** True when the URL already carries `login=true`. */
  loginTrue: boolean;
  /** The UAI of a hosted instance (`<UAI>.index-education.net`), upper case. */
  uai?: string;
  /** True for hosted instances (`*.index-education.net`). */
  hosted: boolean;
}

const HOSTED = /^([0-9]{7}[a-z])\.index-education\.net$/i;

function parse(url: string): URL | undefined {
  const text = (url ?? '').trim();
  if (!text) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a Pronote URL: root, espace, mobile page, `login=true`, UAI.
 *
 * Accepts the root, any espace or mobile page, with query (`?identifiant=...` after a CAS login,
 * `?login=true`), fragment and port, and a URL typed without scheme (`https://` assumed). The last
 * path segment is dropped when it names a file (`*.html`, `*.json`); a path without trailing slash
 * (`/pronote`) is taken as the root folder. `undefined` for text that is not an http(s) URL.
 */
export function readPronoteUrl(url: string): PronoteUrlInfo | undefined {
  const u = parse(url);
  if (!u) return undefined;
  let path = u.pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  let espace: string | undefined;
  let mobile = false;
  if (/\.[a-z0-9]+$/i.test(last)) {
    path = path.slice(0, path.length - last.length);
    const m = /^(mobile\.)?([a-z]+)\.html$/i.exec(last);
    if (m) {
      const found = ESPACES.find((e) => e.id === m[2].toLowerCase());
      if (found) {
        espace = found.id;
        mobile = Boolean(m[1]);
      }
    }
  } else if (!path.endsWith('/')) {
    path += '/';
  }
  const host = u.hostname.toLowerCase();
  const root = `${u.protocol}//${host}${u.port ? `:${u.port}` : ''}${path}`;
  const loginTrue = (u.searchParams.get('login') ?? '').toLowerCase() === 'true';
  const hostedMatch = HOSTED.exec(host);
  return {
    root,
    espace,
    mobile,
    loginTrue,
    uai: hostedMatch ? hostedMatch[1].toUpperCase() : undefined,
    hosted: /(^|\.)index-education\.net$/.test(host),
  };
}

/**
 * The root of a Pronote instance from any of its URLs: `https://0310047h.index-education.net/Pronote/`
 * from `https://0310047H.index-education.net/Pronote/mobile.eleve.html?fd=1`. Host lower case,
 * port and the path's case kept (DOMAIN.md: "Path case varies"). `undefined` when not a URL.
 */
export function pronoteRoot(url: string): string | undefined {
  return readPronoteUrl(url)?.root;
}

/**
 * The direct (non-ENT) URL once CAS delegation is on: `<root>?login=true` (seed section 1 d, FAQ:
 * `http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true`). Takes the root or any Pronote URL;
 * the host is lower-cased and the path's case kept. `undefined` when not a URL.
 */
export function directUrl(urlOrRoot: string): string | undefined {
  const root = pronoteRoot(urlOrRoot);
  return root ? `${root}?login=true` : undefined;
}

/**
 * The UAI (RNE) of a hosted instance, upper case: `0310047H` from
 * `https://0310047h.index-education.net/pronote/` (DOMAIN.md "RNE / UAI"). `undefined` for
 * self-hosted servers and non-URLs. The check letter is not verified here: see `isValidUai`.
 */
export function uaiFromUrl(url: string): string | undefined {
  return readPronoteUrl(url)?.uai;
}

/** Index Éducation's hosting console: under the hosted instances' domain, and no instance. */
const HOSTING_CONSOLE = 'hebergement.index-education.net';

/**
 * True for an `https:` page of a Pronote hosted by Index Éducation: host `index-education.net` or
 * under it (`0310047h.index-education.net`, any case), the hosting console
 * (`hebergement.index-education.net`) excepted (DOMAIN.md "Pronote URLs"). Where the Pronote page
 * diagnosis runs, and who may ask the background for it.
 */
export function isHostedPronotePage(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && (host === 'index-education.net' || host.endsWith('.index-education.net')) && host !== HOSTING_CONSOLE;
}

const UAI_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/**
 * True when `uai` is 7 digits and the check letter of the national register: the number modulo
 * 23 indexes the alphabet without I, O and Q (`0310047H`: 310047 mod 23 = 7 → H).
 */
export function isValidUai(uai: string): boolean {
  const m = /^([0-9]{7})([A-Z])$/i.exec((uai ?? '').trim());
  if (!m) return false;
  return UAI_LETTERS[Number(m[1]) % 23] === m[2].toUpperCase();
}
