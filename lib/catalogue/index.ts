/**
 * The catalogue of ENT projects and CAS hosts (seed section 1 d; DOMAIN.md "The ENT projects and
 * their CAS servers"), with the lookups the checks and the page helpers need. Pure data and
 * functions: no browser API.
 */
import { foldCompact } from '../core/fold';
import { normaliseCasUrl } from './cas-url';
import { ENT_PROJECTS, type EntHost, type EntProject, isRetiredProject } from './projects';

export {
  ENT_PROJECTS,
  SEED_CAS_URLS,
  isRetiredProject,
  type EntHost,
  type EntProject,
  type CatalogueSource,
  type Retirement,
} from './projects';
export {
  normaliseCasUrl,
  unwrapRedirect,
  HARMLESS_CAS_URL_PROBLEMS,
  type CasUrlProblem,
  type CasUrlProblemKind,
  type NormalisedCasUrl,
} from './cas-url';
export { foldCompact } from '../core/fold';

/** One login host of the catalogue with its project. */
export interface KnownHost {
  project: EntProject;
  host: EntHost;
}

const BY_HOST: ReadonlyMap<string, KnownHost> = new Map(
  ENT_PROJECTS.flatMap((project) => project.hosts.map((host) => [host.host, { project, host }] as const)),
);

/**
 * Every login host of the catalogue, lower case, in catalogue order: each project's CAS host
 * first, then its second hosts (portals, identity pages), retired ones included (old URLs are
 * still recognised).
 */
export const LOGIN_HOSTS: readonly string[] = Object.freeze([...BY_HOST.keys()]);

/**
 * The hosts that serve a project's CAS (the host of its CAS base, and second hosts whose role is
 * `cas`), retired ones included: a page reached from one of them came through a CAS login. A
 * portal host is not in it (a link on an ENT portal proves no delegation).
 */
export const CAS_HOSTS: readonly string[] = Object.freeze(
  ENT_PROJECTS.flatMap((p) => p.hosts.filter((h, i) => i === 0 || h.role === 'cas').map((h) => h.host)),
);

/** The catalogue entry of `host` (any case, a trailing dot or port ignored); `undefined` when unknown. */
export function knownHost(host: string): KnownHost | undefined {
  return BY_HOST.get((host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, ''));
}

/**
 * The project whose login host `url` points to (its CAS server, a second host or a retired one),
 * matched on the host after normalisation (wrappers, scheme, case, `/login`, query removed).
 * `undefined` for an unknown host or an unreadable URL.
 */
export function projectForCasUrl(url: string): EntProject | undefined {
  const { host } = normaliseCasUrl(url);
  if (!host) return undefined;
  return knownHost(host)?.project;
}

/** The project of `id`; `undefined` for an unknown id. */
export function projectById(id: string): EntProject | undefined {
  return ENT_PROJECTS.find((p) => p.id === id);
}

/**
 * The project named `name`, tolerant of case, accents, spaces, hyphens and punctuation, and
 * matching the aliases and the project id too (`"mon bureau numerique"`, `"MBN"`, `"arsene 76"`).
 * A name that is a CAS URL or host is looked up by host. `undefined` when nothing matches.
 */
export function projectByName(name: string): EntProject | undefined {
  const key = foldCompact(name ?? '');
  if (!key) return undefined;
  const exact = ENT_PROJECTS.find((p) => foldCompact(p.name) === key || foldCompact(p.id) === key || p.aliases.some((a) => foldCompact(a) === key));
  if (exact) return exact;
  if (/[.:/]/.test(name)) return projectForCasUrl(name);
  return undefined;
}

/**
 * Match patterns for the ENT's own web pages, for the manifest's host permissions
 * (PRODUCT.md "Least privilege": the ENT web domains of the catalogue only), e.g.
 * `https://*.monbureaunumerique.fr/*`. Sorted, without duplicates, and without a domain already
 * covered by a parent domain of the list (`pdl.kosmoseducation.com` under `kosmoseducation.com`).
 * Projects whose hosts are all retired give none (`isRetiredProject`).
 */
export function entWebDomains(): string[] {
  // A retired project's URLs are recognised, never permitted: it gives no domain.
  const active = ENT_PROJECTS.filter((p) => !isRetiredProject(p));
  const domains = [...new Set(active.flatMap((p) => p.webDomains.map((d) => d.toLowerCase())))];
  const kept = domains.filter((d) => !domains.some((o) => o !== d && d.endsWith(`.${o}`)));
  return kept.sort().map((d) => `https://*.${d}/*`);
}

/** True when `host` (lower or upper case) is one of the ENT web domains or under one. */
export function isEntWebHost(host: string): boolean {
  const h = host.toLowerCase();
  return ENT_PROJECTS.some((p) => !isRetiredProject(p) && p.webDomains.some((d) => h === d || h.endsWith(`.${d}`)));
}

/**
 * The project whose login host is `host`, or under whose web domains `host` lives
 * (`clg-exemple.monbureaunumerique.fr` → Mon Bureau Numérique); `undefined` when none.
 */
export function projectForWebHost(host: string): EntProject | undefined {
  const h = (host ?? '').toLowerCase();
  return knownHost(h)?.project ?? ENT_PROJECTS.find((p) => p.webDomains.some((d) => h === d || h.endsWith(`.${d}`)));
}
