/**
 * Host permissions asked at install (issue 2; PRODUCT.md "Least privilege"): the Pronote.net hosting
 * console and the hosted Pronote instances. Self-hosted servers are asked one origin at a time.
 */
export const HOST_PERMISSIONS = [
  'https://hebergement.index-education.net/*',
  'https://*.index-education.net/*',
] as const;
