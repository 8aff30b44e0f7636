/**
 * Blocking (issue 4, "Method"): only accounts sharing at least one strict key with a Pronote person
 * are compared with it, so the cost grows with the data and not with its square. Keys:
 * - `n:` surname form (any usage/birth form, with or without leading particles) + the first two
 *   letters of a given name; `N:` surname form alone (queried only for persons without a given name)
 * - `p:` French phonetic code of the surname + of the given name
 * - `f:` given name + the surname's first three letters (typos later in the surname)
 * - `m:` surname form + given-name letters + birth year and month (common names with a birth date)
 * - `d:` birth date + surname initial, `D:` birth date + given-name initial (swapped day/month queried too)
 * - `e:` email
 * A name-only block larger than `NAME_BLOCK_CAP` is skipped: a name that common separates nobody
 * without a birth date, and the keys with a date (or, for guardians, the children) remain; for a
 * person with a birth date the cap is `DATED_NAME_BLOCK_CAP`. Keys with a date are skipped above
 * `DATE_BLOCK_CAP`.
 */
import type { Prepared, Reading } from './compare';
import { swappedDate } from './normalise';

export const NAME_BLOCK_CAP = 300;
export const DATED_NAME_BLOCK_CAP = 60;
export const DATE_BLOCK_CAP = 2000;

/** The first two letters of the given name and of each other given name. */
function initials(r: Reading): string[] {
  const out: string[] = [];
  if (r.first) out.push(r.first.compact.slice(0, 2));
  for (const o of r.firstOthers) if (!out.includes(o.slice(0, 2))) out.push(o.slice(0, 2));
  return out;
}

/**
 * The blocking keys of a person. `query` adds the keys that are only looked up, never indexed:
 * the swapped day/month date, surname-only keys for persons without a given name, and given name
 * and surname exchanged (fields typed the wrong way round).
 */
export function blockingKeys(p: Prepared, query: boolean): string[] {
  const keys = new Set<string>();
  for (const r of p.readings) {
    const inits = initials(r);
    for (const f of r.last) {
      for (const k of f.keys) {
        if (inits.length === 0) keys.add(`n:${k}|`);
        for (const i of inits) keys.add(`n:${k}|${i}`);
        if (!query || !r.first) keys.add(`N:${k}`);
      }
      if (r.first) keys.add(`f:${r.first.compact}|${f.core.slice(0, 3)}`);
    }
    if (query && r.first && r.last.length) keys.add(`n:${r.first.compact}|${r.last[0].core.slice(0, 2)}`);
    for (const ph of r.lastPhon) if (ph && r.firstPhon) keys.add(`p:${ph}|${r.firstPhon}`);
  }
  if (p.date) {
    const dates = [p.date.iso];
    if (query) {
      const s = swappedDate(p.date);
      if (s) dates.push(s);
    }
    for (const d of dates) {
      for (const f of p.last) keys.add(`d:${d}|${f.core[0]}`);
      if (p.first) keys.add(`D:${d}|${p.first.compact[0]}`);
      const month = d.slice(0, 7);
      for (const r of p.readings) {
        const inits = initials(r);
        for (const f of r.last) for (const i of inits) keys.add(`m:${f.core}|${i}|${month}`);
      }
    }
  }
  if (p.email) keys.add(`e:${p.email}`);
  return [...keys];
}

/** An index of a pool of directory accounts by blocking key. */
export class BlockIndex {
  private readonly blocks = new Map<string, Prepared[]>();
  private readonly stamp: Int32Array;
  private round = 0;

  /** `size` is the number of all directory persons (their `index` is below it). */
  constructor(pool: Prepared[], size: number) {
    for (const d of pool) {
      for (const k of blockingKeys(d, false)) {
        const b = this.blocks.get(k);
        if (b) b.push(d);
        else this.blocks.set(k, [d]);
      }
    }
    this.stamp = new Int32Array(size);
  }

  /** Each account sharing a key with `p`, once (issue 4: each candidate pair compared once). */
  candidates(p: Prepared, visit: (d: Prepared) => void, strongOther = false): void {
    this.round++;
    const round = this.round;
    // With a birth date (or, for a guardian, accounts found through the paired children), the other
    // keys find the person: large name-only blocks add cost, not pairs.
    const nameCap = p.date || strongOther ? DATED_NAME_BLOCK_CAP : NAME_BLOCK_CAP;
    for (const k of blockingKeys(p, true)) {
      const b = this.blocks.get(k);
      if (!b) continue;
      const c = k.charCodeAt(0);
      // 'd', 'D', 'm': keys that hold a birth date.
      if (b.length > (c === 100 || c === 68 || c === 109 ? DATE_BLOCK_CAP : nameCap)) continue;
      for (const d of b) {
        if (this.stamp[d.index] === round) continue;
        this.stamp[d.index] = round;
        visit(d);
      }
    }
  }

  /** Visits one extra account (not from a key) unless already visited in this round. */
  extra(d: Prepared, visit: (d: Prepared) => void): void {
    if (this.stamp[d.index] === this.round) return;
    this.stamp[d.index] = this.round;
    visit(d);
  }
}
