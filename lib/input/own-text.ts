/** Strings that keep nothing of the file they were read from. */

/**
 * `s` as a string of its own, never a slice of a larger one. V8 makes a substring of 13 characters
 * or more (`slice`, `trim`, a regex match) a view on its parent: one kept value then keeps the
 * whole decoded file alive. At 250,000 AAF accounts (14 files of 25 MB) that was 480 MB of file
 * text held by the persons after reading (heap 850 MB before, 366 MB after, measured 3 Dec 2026).
 * Shorter substrings are copies already and are returned as they are.
 */
export function ownText(s: string): string {
  // A JSON round trip gives a flat string of exactly `s` (a concatenation then a slice gives one
  // too, but as a view of one more character: 48 MB more at 250,000 accounts).
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Values up to this length are pooled: the short ones repeat (postal codes, given names, classes, the file's name). */
const POOLED_LENGTH = 24;
/** Bound of a pool's distinct values; a full pool starts again (memory stays bounded). */
const POOL_LIMIT = 500_000;

/**
 * One copy of each short value for the whole of one read, each `ownText`'s. A 540,000-person export
 * held 9,000 copies of each postal code and a thousand of MARTIN (snapshot of 54,020 persons:
 * 587,816 strings, 38.5 MB); pooled, each distinct value is kept once. Dropped with the read.
 */
export class TextPool {
  private known = new Map<string, string>();

  /** `s` as a string of its own, the same instance for every equal value of this read. */
  own(s: string): string {
    if (s.length > POOLED_LENGTH) return ownText(s);
    const known = this.known.get(s);
    if (known !== undefined) return known;
    const copy = ownText(s);
    if (this.known.size >= POOL_LIMIT) this.known = new Map();
    this.known.set(copy, copy);
    return copy;
  }
}
