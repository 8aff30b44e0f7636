/**
 * Host permissions asked at install (issue 2; PRODUCT.md "Least privilege"): the Pronote.net hosting
 * console and the hosted Pronote instances first, then the ENT web domains of the catalogue (issue 7:
 * where the ENT admin helper runs), computed from the catalogue data. Self-hosted servers are asked
 * one origin at a time; other ENT sites get the helper for one tab through activeTab.
 */
import { entWebDomains } from './catalogue';

export const PRONOTE_HOST_PERMISSIONS = ['https://hebergement.index-education.net/*', 'https://*.index-education.net/*'] as const;

/** Every host permission of the manifest: the two Pronote hosts, then `https://*.<ENT domain>/*`. */
export const HOST_PERMISSIONS: readonly string[] = [...PRONOTE_HOST_PERMISSIONS, ...entWebDomains()];

/**
 * The one match pattern asked at run time for a self-hosted Pronote server (issue 16: a runtime
 * request is always for one origin, though the manifest's optional permissions name `https://*\/*`
 * and `http://*\/*` so that any one origin can be asked). `origin` is `scheme://host[:port]`, as
 * `URL.origin` gives it, e.g. `https://pronote.college-exemple.fr` → `https://pronote.college-exemple.fr/*`.
 * Throws on anything else (a path, a wildcard, another scheme), so no caller can widen a request.
 */
export function singleOriginPattern(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`not an origin: ${origin}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin || origin.includes('*')) {
    throw new Error(`not a single http(s) origin: ${origin}`);
  }
  return `${origin}/*`;
}

/** True for an `http://` origin: the connection is not encrypted, and the admin is told so. */
export function isUnencrypted(origin: string): boolean {
  return /^http:\/\//i.test(origin);
}
