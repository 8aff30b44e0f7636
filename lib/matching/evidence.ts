/**
 * The evidence items shown on candidates (field, level, weight). They are few distinct values (a
 * weight to 0.01 bit) shown on hundreds of thousands of candidates: each is made once per run and
 * shared, and must never be changed by a reader.
 */
import type { Evidence, Level } from './types';

const FIELD_CODE: Record<Evidence['field'], number> = {
  lastName: 0,
  birthName: 1,
  firstName: 2,
  birthDate: 3,
  class: 4,
  sex: 5,
  email: 6,
  postalCode: 7,
  children: 8,
  structure: 9,
};
const LEVEL_CODE: Record<Level, number> = { exact: 0, close: 1, phonetic: 2, swapped: 3, different: 4, missing: 5 };

/** One run's shared evidence items (`MatchRun.evidence`). */
export class EvidenceItems {
  private readonly items = new Map<number, Evidence>();

  /** Appends the item (field, level, weight rounded to 0.01 bit) to `ev`, sharing equal items. */
  push(ev: Evidence[], field: Evidence['field'], level: Level, weight: number): void {
    const hundredths = Math.round(weight * 100);
    const rounded = hundredths / 100;
    if (!(Math.abs(hundredths) < 50_000)) {
      ev.push({ field, level, weight: rounded });
      return;
    }
    // A small integer key: field, level, weight in hundredths of a bit (within ±500 bits).
    const key = (FIELD_CODE[field] * 8 + LEVEL_CODE[level]) * 100_000 + hundredths + 50_000;
    let item = this.items.get(key);
    if (!item) {
      // Bounded: rarity weights are the only open-ended part, and they are clamped and rounded.
      if (this.items.size > 50_000) this.items.clear();
      item = { field, level, weight: rounded };
      this.items.set(key, item);
    }
    ev.push(item);
  }
}
