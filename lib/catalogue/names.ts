/**
 * Tolerant comparison of project names as people type them: case, accents, apostrophes, hyphens,
 * dots and spaces do not count ("arsene 76" = "Arsène76", "mon bureau numerique" = "Mon Bureau Numérique").
 */

/** The comparison key of a name: lower case, no accents, letters and digits only. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
