/** Folding of header names, element names and category words before comparing them with synonyms. */
import { foldIdentifier } from '../core/fold';

const compactCache = new Map<string, string>();

/**
 * {@link foldIdentifier} without spaces: `Maîtres de stage` and `MaitresDeStage` both give `maitresdestage`.
 * Memoised for short strings: element and attribute names repeat on every record.
 */
export function compact(value: string): string {
  const cached = compactCache.get(value);
  if (cached !== undefined) return cached;
  const result = foldIdentifier(value).replace(/ /g, '');
  if (value.length <= 64 && compactCache.size < 10_000) compactCache.set(value, result);
  return result;
}
