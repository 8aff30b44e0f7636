/** Folding of header names, element names and category words before comparing them with synonyms. */

/** Lower case, accents removed, every run of non-letters/digits turned into one space, trimmed. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const compactCache = new Map<string, string>();

/**
 * {@link fold} without spaces: `Maîtres de stage` and `MaitresDeStage` both give `maitresdestage`.
 * Memoised for short strings: element and attribute names repeat on every record.
 */
export function compact(value: string): string {
  const cached = compactCache.get(value);
  if (cached !== undefined) return cached;
  const result = fold(value).replace(/ /g, '');
  if (value.length <= 64 && compactCache.size < 10_000) compactCache.set(value, result);
  return result;
}
