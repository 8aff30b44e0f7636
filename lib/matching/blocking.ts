/**
 * Blocking (issue 4, "Method"): only accounts sharing at least one strict key with a Pronote person
 * are compared with it, so the cost grows with the data and not with its square. Keys:
 * - `n:` surname form (any usage/birth form, with or without leading particles) + a given-name initial
 * - `N:` surname form alone (queried only for persons without a given name)
 * - `p:` French phonetic code of the surname + of the given name
 * - `f:` given name + the surname's first three letters (typos later in the surname)
 * - `d:` birth date + surname initial, `D:` birth date + given-name initial (swapped day/month queried too)
 * - `e:` email
 * Blocks larger than `BLOCK_CAP` are skipped (a key that common separates nobody; the other keys remain).
 */
import type { Prepared } from './compare';
import { readings } from './compare';
import { swappedDate } from './normalise';

export const BLOCK_CAP = 1500;

function initials(p: Prepared, first: Prepared['first']): string[] {
  const out: string[] = [];
  if (first) out.push(first.compact[0]);
  if (first === p.first) for (const o of p.firstOthers) if (!out.includes(o[0])) out.push(o[0]);
  return out;
}

/**
 * The blocking keys of a person. `query` adds the keys that are only looked up, never indexed:
 * the swapped day/month date, surname-only keys for persons without a given name, and given name
 * and surname exchanged (fields typed the wrong way round).
 */
export function blockingKeys(p: Prepared, query: boolean): string[] {
  const keys = new Set<string>();
  for (const r of readings(p)) {
    const inits = initials(p, r.first);
    for (const f of r.last) {
      for (const k of f.keys) {
        if (inits.length === 0) keys.add(`n:${k}|`);
        for (const i of inits) keys.add(`n:${k}|${i}`);
        if (!query || !r.first) keys.add(`N:${k}`);
      }
      if (r.first) keys.add(`f:${r.first.compact}|${f.core.slice(0, 3)}`);
    }
    if (query && r.first && r.last.length) keys.add(`n:${r.first.compact}|${r.last[0].core[0]}`);
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
  candidates(p: Prepared, visit: (d: Prepared) => void): void {
    this.round++;
    const round = this.round;
    for (const k of blockingKeys(p, true)) {
      const b = this.blocks.get(k);
      if (!b || b.length > BLOCK_CAP) continue;
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
