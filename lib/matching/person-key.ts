/**
 * The key under which a decision is found again next year, when the export renumbers people
 * (PRODUCT.md, "Identifiers": a hash of category, normalised last name, first name, birth date).
 */
import type { Person } from '../core/person';
import { nameForm, parseSurname } from './normalise';

/**
 * A stable 64-bit hash (two FNV-1a 32-bit lanes with different offsets) as 16 lower-case hex
 * digits, prefixed by the key version: `pk1-` + hex. Synchronous, so usable in a Worker loop.
 */
function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * `pk1-` followed by 16 hex digits, from `category|usage surname compact|given name compact|birth date`,
 * names normalised by `lib/matching/normalise` (accents, case, hyphens, apostrophes, civilities;
 * "DURAND née MARTIN" keyed as DURAND). The same person keeps the same key across exports whatever
 * the spelling noise those rules absorb; a different birth date or category gives another key.
 */
export function personKey(person: Pick<Person, 'category' | 'lastName' | 'firstName' | 'birthDate'>): string {
  const last = parseSurname(person.lastName).usage?.compact ?? '';
  const first = nameForm(person.firstName)?.compact ?? '';
  return `pk1-${hash64(`${person.category}|${last}|${first}|${person.birthDate ?? ''}`)}`;
}
