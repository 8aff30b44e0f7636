/**
 * The catalogue of ENT projects and CAS hosts (seed section 1 d; DOMAIN.md "The ENT projects and
 * their CAS servers"), with the lookups the checks and the page helpers need. Pure data and
 * functions: no browser API.
 */
import { foldCompact } from '../core/fold';
import { normaliseCasUrl } from './cas-url';
import { ENT_PROJECTS, type EntProject } from './projects';

export { ENT_PROJECTS, SEED_CAS_URLS, type EntProject, type CatalogueSource } from './projects';
export {
  normaliseCasUrl,
  unwrapRedirect,
  HARMLESS_CAS_URL_PROBLEMS,
  type CasUrlProblem,
  type CasUrlProblemKind,
  type NormalisedCasUrl,
} from './cas-url';
export { foldCompact } from '../core/fold';

/** The host of every known CAS server, lower case (one per project, in catalogue order). */
export const CAS_HOSTS: readonly string[] = Object.freeze(ENT_PROJECTS.map((p) => new URL(p.casBase).hostname));

/**
 * The project whose CAS server `url` points to, matched on the host after normalisation
 * (wrappers, scheme, case, `/login`, query removed). `undefined` for an unknown host or an
 * unreadable URL.
 */
export function projectForCasUrl(url: string): EntProject | undefined {
  const { host } = normaliseCasUrl(url);
  if (!host) return undefined;
  return ENT_PROJECTS.find((p) => new URL(p.casBase).hostname === host);
}

/**
 * The project named `name`, tolerant of case, accents, spaces, hyphens and punctuation, and
 * matching the aliases and the project id too (`"mon bureau numerique"`, `"MBN"`, `"arsene 76"`).
 * A name that is a CAS URL or host is looked up by host. `undefined` when nothing matches.
 */
export function projectByName(name: string): EntProject | undefined {
  const key = foldCompact(name ?? '');
  if (!key) return undefined;
  const exact = ENT_PROJECTS.find(
    (p) => foldCompact(p.name) === key || foldCompact(p.id) === key || p.aliases.some((a) => foldCompact(a) === key),
  );
  if (exact) return exact;
  if (/[.:/]/.test(name)) return projectForCasUrl(name);
  return undefined;
}

/**
 * Match patterns for the ENT's own web pages, for the manifest's host permissions
 * (PRODUCT.md "Least privilege": the ENT web domains of the catalogue only), e.g.
 * `https://*.monbureaunumerique.fr/*`. Sorted, without duplicates, and without a domain already
 * covered by a parent domain of the list (`pdl.kosmoseducation.com` under `kosmoseducation.com`).
 */
export function entWebDomains(): string[] {
  const domains = [...new Set(ENT_PROJECTS.flatMap((p) => p.webDomains.map((d) => d.toLowerCase())))];
  const kept = domains.filter((d) => !domains.some((o) => o !== d && d.endsWith(`.${o}`)));
  return kept.sort().map((d) => `https://*.${d}/*`);
}

/** True when `host` (lower or upper case) is one of the ENT web domains or under one. */
export function isEntWebHost(host: string): boolean {
  const h = host.toLowerCase();
  return ENT_PROJECTS.some((p) => p.webDomains.some((d) => h === d || h.endsWith(`.${d}`)));
}
