/**
 * Host permissions asked at install (issue 2; PRODUCT.md "Least privilege"): the Pronote.net hosting
 * console and the hosted Pronote instances first, then the ENT web domains of the catalogue (issue 7:
 * where the ENT admin helper runs), computed from the catalogue data. Self-hosted servers are asked
 * one origin at a time; other ENT sites get the helper for one tab through activeTab.
 */
import { entWebDomains } from './catalogue';

export const PRONOTE_HOST_PERMISSIONS = [
  'https://hebergement.index-education.net/*',
  'https://*.index-education.net/*',
] as const;

/** Every host permission of the manifest: the two Pronote hosts, then `https://*.<ENT domain>/*`. */
export const HOST_PERMISSIONS: readonly string[] = [...PRONOTE_HOST_PERMISSIONS, ...entWebDomains()];
