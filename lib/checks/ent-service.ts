/**
 * Rules for the ENT's Pronote.net service and bloc settings (PRODUCT.md §2; seed section 3 and
 * FAQ; DOMAIN.md "The ENT side", "Pronote URLs"). Pure: settings in, findings out.
 */
import { LOGIN_HOSTS, isEntWebHost } from '../catalogue';
import type { Localized } from '../core/localized';
import type { EntServiceSettings } from '../pages/ent-service';
import { namesPronote, readPastedUrl } from '../diagnose/pasted-url';
import { readPronoteUrl } from '../pronote/url';
import type { Finding } from './finding';

/**
 * `service-cas-url-not-empty` (error): the bloc's *url cas de Pronote.net* holds something. The
 * seed (section 3) says to leave it empty: the ENT's CAS is known from the Pronote side.
 */
export function checkBlocCasUrl(settings: EntServiceSettings): Finding[] {
  const value = settings.casUrl?.trim();
  if (!value) return [];
  return [
    {
      id: 'service-cas-url-not-empty',
      severity: 'error',
      field: 'casUrl',
      message: {
        fr: `Le champ «\u202furl cas de Pronote.net\u202f» du bloc Pronote contient «\u202f${value}\u202f»\u202f: il doit rester vide.`,
        en: `The bloc Pronote's “url cas de Pronote.net” field holds “${value}”: it must stay empty.`,
      },
      fix: {
        fr: 'Videz ce champ et enregistrez\u202f: le guide d’intégration demande de ne rien y renseigner.',
        en: 'Empty this field and save: the integration guide says to leave it blank.',
      },
    },
  ];
}

type UrlProblem = 'empty' | 'not-url' | 'not-pronote' | 'espace' | 'login-true' | 'extra';

/**
 * What is wrong with the service's Pronote URL, or `undefined` when it is a Pronote root. A
 * Pronote URL is a hosted instance (`*.index-education.net`) or an address naming Pronote in its
 * host or path (self-hosted servers, seed FAQ `http://clg-mariecurie.ac-lyon.fr:81/Pronote/`); a
 * CAS host or an ENT page is never one.
 */
export function serviceUrlProblem(url: string): UrlProblem | undefined {
  const text = (url ?? '').trim();
  if (!text) return 'empty';
  const info = readPronoteUrl(text);
  if (!info) return 'not-url';
  const host = new URL(info.root).hostname;
  const pronoteLike = info.hosted || /pronote/i.test(info.root);
  if (LOGIN_HOSTS.includes(host) || (isEntWebHost(host) && !info.hosted) || !pronoteLike) return 'not-pronote';
  const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  // Any page under the root (an espace, `mobile.eleve.html`, another file) is not the root.
  if (info.espace || /\.[a-z0-9]+$/i.test(u.pathname)) return 'espace';
  if (info.loginTrue) return 'login-true';
  return u.search || u.hash ? 'extra' : undefined;
}

const URL_MESSAGES: Record<UrlProblem, Localized> = {
  empty: { fr: 'L’URL du service Pronote.net est vide.', en: 'The Pronote.net service URL is empty.' },
  'not-url': { fr: 'L’URL du service «\u202f$1\u202f» n’est pas une adresse web.', en: 'The service URL “$1” is not a web address.' },
  'not-pronote': {
    fr: 'L’URL du service «\u202f$1\u202f» n’est pas l’adresse d’un Pronote (c’est peut-être celle du CAS ou de l’ENT).',
    en: 'The service URL “$1” is not a Pronote address (it may be the CAS’s or the ENT’s).',
  },
  espace: {
    fr: 'L’URL du service «\u202f$1\u202f» ouvre une page d’espace, pas la racine de Pronote.',
    en: 'The service URL “$1” opens an espace page, not the Pronote root.',
  },
  'login-true': {
    fr: 'L’URL du service «\u202f$1\u202f» contient «\u202f?login=true\u202f»\u202f: c’est l’adresse d’accès direct, hors ENT, qui contourne le CAS.',
    en: 'The service URL “$1” carries “?login=true”: that is the direct (non-ENT) address, which bypasses the CAS.',
  },
  extra: {
    fr: 'L’URL du service «\u202f$1\u202f» contient des paramètres\u202f: elle doit être la racine de Pronote.',
    en: 'The service URL “$1” carries parameters: it must be the Pronote root.',
  },
};

/**
 * The Pronote root inside an ENT or CAS login URL pasted in place of Pronote's
 * (`…/login?service=https:%2F%2F0250007X.index-education.net%2Fpronote%2Feleve.html`), read as the
 * instance check reads it; `undefined` when the URL holds no address that names Pronote.
 */
function rootInsideLoginUrl(url: string): string | undefined {
  const read = readPastedUrl(url);
  if (read.kind !== 'pronote' || read.hops.length === 0) return undefined;
  try {
    return namesPronote(new URL(read.url)) ? readPronoteUrl(read.url)?.root : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `service-url-not-pronote-root` (error): the service's URL is not the root of a Pronote
 * instance: empty, not a URL, not Pronote, an espace page (`eleve.html`...), `?login=true` (the
 * direct URL, seed FAQ), or with parameters. The fix gives the root (host lower case, path case
 * kept, DOMAIN.md "Pronote URLs") when it can be derived, from a CAS or ENT login URL too.
 */
export function checkServiceUrl(settings: EntServiceSettings): Finding[] {
  if (settings.pronoteUrl === undefined) return [];
  const url = settings.pronoteUrl.trim();
  const problem = serviceUrlProblem(url);
  if (!problem) return [];
  const root =
    problem === 'espace' || problem === 'login-true' || problem === 'extra'
      ? readPronoteUrl(url)?.root
      : problem === 'not-pronote'
        ? rootInsideLoginUrl(url)
        : undefined;
  const m = URL_MESSAGES[problem];
  return [
    {
      id: 'service-url-not-pronote-root',
      severity: 'error',
      field: 'pronoteUrl',
      message: { fr: m.fr.replace('$1', url), en: m.en.replace('$1', url) },
      fix: root
        ? {
            fr: `Mettez la racine de Pronote, sans page ni paramètre\u202f: ${root}`,
            en: `Use the Pronote root, with no page and no parameters: ${root}`,
          }
        : {
            fr: 'Mettez l’adresse racine de votre Pronote, par exemple https://0310047h.index-education.net/pronote/ (sans page d’espace ni «\u202f?login=true\u202f»).',
            en: 'Use the root address of your Pronote, e.g. https://0310047h.index-education.net/pronote/ (no espace page, no “?login=true”).',
          },
      ...(root ? { url: root } : {}),
    },
  ];
}

/**
 * The Pronote release year in a version text: `2024` from `PRONOTE 2024`, `2024.3.7.1`,
 * `[2024,3,7,1]` or `Pronote 2024 - version 3`. `undefined` when no year 2000–2099 is named.
 */
export function versionYear(version: string | number[] | undefined): number | undefined {
  if (version === undefined) return undefined;
  if (Array.isArray(version)) return version[0] >= 2000 && version[0] < 2100 ? version[0] : undefined;
  const m = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(version);
  return m ? Number(m[1]) : undefined;
}

/**
 * `bloc-version-mismatch` (warning): the bloc Pronote's version is not the Pronote version in use
 * (seed FAQ "J'ai changé de version Pronote": the bloc must be updated). `pronoteVersion` comes
 * from an instance check (`infoMobileApp.json`, e.g. `[2024,3,7,1]` or `2024.3.7.1`); without it,
 * or without a bloc version on the page, nothing is said. Versions compare by release year.
 */
export function checkBlocVersion(settings: EntServiceSettings, pronoteVersion?: string | number[]): Finding[] {
  const known = versionYear(pronoteVersion);
  if (known === undefined || settings.blocVersion === undefined) return [];
  const bloc = versionYear(settings.blocVersion);
  if (bloc === known) return [];
  const shown = settings.blocVersion.trim() || '—';
  return [
    {
      id: 'bloc-version-mismatch',
      severity: 'warning',
      field: 'blocVersion',
      message: {
        fr: `Le bloc Pronote est réglé sur «\u202f${shown}\u202f» alors que votre Pronote est en version ${known}.`,
        en: `The bloc Pronote is set to “${shown}” while your Pronote runs version ${known}.`,
      },
      fix: {
        fr: `Choisissez la version ${known} dans la configuration du bloc Pronote (à refaire à chaque changement de version de Pronote).`,
        en: `Choose version ${known} in the bloc Pronote configuration (to redo at every Pronote version change).`,
      },
    },
  ];
}

/** Every rule of the service screen. */
export function checkEntService(settings: EntServiceSettings, pronoteVersion?: string | number[]): Finding[] {
  return [...checkBlocCasUrl(settings), ...checkServiceUrl(settings), ...checkBlocVersion(settings, pronoteVersion)];
}
