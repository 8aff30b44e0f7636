/**
 * Blocking (issue 4, "Method"): only accounts sharing at least one strict key with a Pronote person
 * are compared with it, so the cost grows with the data and not with its square. Keys:
 * - `n` surname form (any usage/birth form, with or without leading particles) + the first two
 *   letters of a given name; `N` surname form alone (queried only for persons without a given name)
 * - `p` French phonetic code of the surname + of the given name
 * - `f` given name + the surname's first three letters (typos later in the surname)
 * - `m` surname form + given-name letters + birth year and month (common names with a birth date)
 * - `d` birth date + surname initial, `D` birth date + given-name initial (swapped day/month queried too)
 * - `e` email
 * A name-only block larger than `NAME_BLOCK_CAP` is skipped: a name that common separates nobody
 * without a birth date, and the keys with a date (or, for guardians, the children) remain; for a
 * person with a birth date the cap is `DATED_NAME_BLOCK_CAP`. Keys with a date are skipped above
 * `DATE_BLOCK_CAP`.
 *
 * Keys are numbers, one table per kind: strings met in names are interned once per run
 * (`KeyInterner`) and a key packs ids and letter codes, so no key string is built per person.
 */
import type { Prepared, Reading } from './compare';
import { KeyTable } from './key-table';
import { type NameForm, PARTICLES } from './normalise';

export const NAME_BLOCK_CAP = 300;
export const DATED_NAME_BLOCK_CAP = 60;
export const DATE_BLOCK_CAP = 2000;

/** Kinds of keys; the three with a birth date come last. */
const N_NAME = 0;
const N_ALONE = 1;
const F_FIRST = 2;
const P_PHON = 3;
const E_MAIL = 4;
const M_MONTH = 5;
const D_LAST = 6;
const D_FIRST = 7;
const KINDS = 8;

/**
 * Ids of the strings met in names and emails, and of (name, letters) pairs; one per matching run
 * (`MatchRun.ids`). A name form's ids are kept per form (forms are shared by every person with
 * that name), so each distinct name is hashed once per run, not once per person and key; they are
 * kept here, not on the form, which outlives the run.
 */
export class KeyInterner {
  private readonly ids = new Map<string, number>();
  private readonly pairs = new KeyTable(1024);
  private readonly forms = new Map<NameForm, number[]>();

  id(s: string): number {
    let v = this.ids.get(s);
    if (v === undefined) {
      v = this.ids.size;
      this.ids.set(s, v);
    }
    return v;
  }

  /**
   * Ids of a form's strings in this run: [compact, core, phon, compactPhon, ...keys]; see
   * `FORM_COMPACT` and the others for the positions.
   */
  form(f: NameForm): number[] {
    let ids = this.forms.get(f);
    if (ids) return ids;
    // The phonetic ids are filled when first asked for (`phon`, `compactPhon`).
    ids = [this.id(f.compact), this.id(f.core), -1, -1];
    for (let i = 0; i < f.keys.length; i++) ids.push(this.id(f.keys[i]));
    this.forms.set(f, ids);
    return ids;
  }

  /** The run id of the phonetic code of a form's core. */
  phon(f: NameForm): number {
    const ids = this.form(f);
    if (ids[FORM_PHON] < 0) ids[FORM_PHON] = this.id(f.phon);
    return ids[FORM_PHON];
  }

  /** The run id of the phonetic code of a form's compact spelling. */
  compactPhon(f: NameForm): number {
    const ids = this.form(f);
    if (ids[FORM_COMPACT_PHON] < 0) ids[FORM_COMPACT_PHON] = this.id(f.compactPhon);
    return ids[FORM_COMPACT_PHON];
  }

  /** The run id of a form's core (surname without particles). */
  core(f: NameForm): number {
    return this.form(f)[FORM_CORE];
  }

  /** The run id of a form's compact spelling. */
  compact(f: NameForm): number {
    return this.form(f)[FORM_COMPACT];
  }

  /** How many ids were given (ids are 0 to `size - 1`). */
  get size(): number {
    return this.ids.size;
  }

  /** An id for a number below 2^53 (a name id with letter codes), to pack it again with a date. */
  pair(n: number): number {
    return this.pairs.add(n);
  }
}

/** Positions in `KeyInterner.form`'s ids. */
const FORM_COMPACT = 0;
const FORM_CORE = 1;
const FORM_PHON = 2;
const FORM_COMPACT_PHON = 3;
const FORM_KEYS = 4;

/** Code of the first `n` characters of a folded string (a-z, 0-9: 7 bits each, 0 when shorter). */
function prefix(s: string, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 128 + (i < s.length ? s.charCodeAt(i) & 127 : 0);
  return v;
}

/**
 * The first two letters of the given name and of each other given name, as codes, written into
 * `out`; returns how many.
 */
function initials(r: Reading, out: Float64Array): number {
  let n = 0;
  if (r.first) out[n++] = prefix(r.first.compact, 2);
  for (let j = 0; j < r.firstOthers.length; j++) {
    const c = prefix(r.firstOthers[j], 2);
    let seen = false;
    for (let i = 0; i < n; i++) if (out[i] === c) seen = true;
    if (!seen && n < out.length) out[n++] = c;
  }
  return n;
}

/** A date `yyyy-mm-dd` as the number yyyymmdd, and its month as yyyymm. */
const dateNumber = (y: number, m: number, d: number) => (y * 100 + m) * 100 + d;

/**
 * The keys of a person in the order found (it sets the order of visits): kinds and values, no
 * duplicate. Reused from person to person (typed arrays), so keying 450,000 persons allocates nothing.
 */
export class Keys {
  kinds = new Uint8Array(64);
  values = new Float64Array(64);
  length = 0;

  add(kind: number, k: number): void {
    const { kinds, values } = this;
    for (let i = 0; i < this.length; i++) if (values[i] === k && kinds[i] === kind) return;
    if (this.length === values.length) {
      this.kinds = new Uint8Array(this.length * 2);
      this.kinds.set(kinds);
      this.values = new Float64Array(this.length * 2);
      this.values.set(values);
    }
    this.kinds[this.length] = kind;
    this.values[this.length++] = k;
  }
}

// Initials of one reading (a person has a handful of given names at most).
const inits = new Float64Array(16);

/**
 * The blocking keys of a person, written into `keys` (emptied first). `query` adds the keys that
 * are only looked up, never indexed: the swapped day/month date, surname-only keys for persons
 * without a given name, and given name and surname exchanged (fields typed the wrong way round).
 */
export function blockingKeys(p: Prepared, query: boolean, ids: KeyInterner, keys: Keys): Keys {
  keys.length = 0;
  for (let ri = 0; ri < p.readings.length; ri++) {
    const r = p.readings[ri];
    const n = initials(r, inits);
    const first = r.first ? ids.form(r.first) : undefined;
    for (let li = 0; li < r.last.length; li++) {
      const f = r.last[li];
      const fid = ids.form(f);
      for (let k = FORM_KEYS; k < fid.length; k++) {
        const kid = fid[k] * 16384;
        if (n === 0) keys.add(N_NAME, kid);
        for (let i = 0; i < n; i++) keys.add(N_NAME, kid + inits[i]);
        if (!query || !r.first) keys.add(N_ALONE, kid);
      }
      // Each part of a double surname, as a surname of its own: BEUZEVAL GUERMEUR is found from
      // GUERMEUR and the other way round (issue 13, point 4; compared as `close`, never exact).
      if (f.tokens.length > 1 && n > 0) {
        for (let t = 0; t < f.tokens.length; t++) {
          const token = f.tokens[t];
          if (token.length < 3 || PARTICLES.has(token)) continue;
          const kid = ids.id(token) * 16384;
          for (let i = 0; i < n; i++) keys.add(N_NAME, kid + inits[i]);
        }
      }
      if (first) keys.add(F_FIRST, first[FORM_COMPACT] * 2097152 + prefix(f.core, 3));
    }
    if (query && first && r.last.length) keys.add(N_NAME, first[FORM_COMPACT] * 16384 + prefix(r.last[0].core, 2));
    // Phonetic codes: of the surname's core, and of the given name's compact form (`prepare`).
    if (r.first?.compactPhon) {
      const firstPhon = ids.compactPhon(r.first);
      for (let li = 0; li < r.last.length; li++) {
        const f = r.last[li];
        if (f.phon) keys.add(P_PHON, ids.phon(f) * 67108864 + firstPhon);
      }
    }
  }
  if (p.date) {
    const { y, m, d } = p.date;
    // Day and month exchanged (03/04 ↔ 04/03), as `swappedDate` does.
    const swapped = query && !(d > 12 || d === m);
    for (let pass = 0; pass < (swapped ? 2 : 1); pass++) {
      const dn = pass === 0 ? dateNumber(y, m, d) : dateNumber(y, d, m);
      for (let li = 0; li < p.last.length; li++) keys.add(D_LAST, dn * 128 + (p.last[li].core.charCodeAt(0) & 127));
      if (p.first) keys.add(D_FIRST, dn * 128 + (p.first.compact.charCodeAt(0) & 127));
      const month = Math.floor(dn / 100);
      for (let ri = 0; ri < p.readings.length; ri++) {
        const r = p.readings[ri];
        const n = initials(r, inits);
        for (let li = 0; li < r.last.length; li++) {
          const cid = ids.form(r.last[li])[FORM_CORE] * 16384;
          for (let i = 0; i < n; i++) keys.add(M_MONTH, ids.pair(cid + inits[i]) * 1048576 + month);
        }
      }
    }
  }
  if (p.email) keys.add(E_MAIL, ids.id(p.email));
  return keys;
}

/** `to` (a larger array of the same kind) with `from` copied at its start. */
function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * An index of a pool of directory accounts by blocking key: per kind, a table from key to block,
 * and the blocks' directory indexes laid end to end in one typed array (block `b` is
 * `items[offsets[b]]` to `items[offsets[b + 1] - 1]`, in the order the pool gave them).
 */
export class BlockIndex {
  private readonly tables: KeyTable[] = [];
  /** Per kind, the first block id of that kind (blocks of all kinds share `offsets`). */
  private readonly firstBlock: number[] = [];
  private readonly offsets: Int32Array;
  private readonly items: Int32Array;
  private readonly stamp: Int32Array;
  private round = 0;
  private readonly ids: KeyInterner;
  private readonly directory: readonly Prepared[];

  /** `directory` is every directory person, by `index` (the pool is part of it). */
  constructor(pool: Prepared[], directory: readonly Prepared[], ids = new KeyInterner()) {
    this.ids = ids;
    this.directory = directory;
    for (let k = 0; k < KINDS; k++) this.tables.push(new KeyTable(pool.length));
    // Each entry (kind, block id within the kind, account) in the pool's order, in typed arrays
    // with room for 12 keys an account (most have fewer), grown when needed; then counted and laid
    // out by block.
    let kindOf = new Uint8Array(pool.length * 12 + 16);
    let localOf = new Int32Array(kindOf.length);
    let itemOf = new Int32Array(kindOf.length);
    let entries = 0;
    const keys = new Keys();
    for (let pi = 0; pi < pool.length; pi++) {
      const d = pool[pi];
      const { kinds, values, length } = blockingKeys(d, false, ids, keys);
      if (entries + length > kindOf.length) {
        const size = (entries + length) * 2;
        kindOf = grown(kindOf, new Uint8Array(size));
        localOf = grown(localOf, new Int32Array(size));
        itemOf = grown(itemOf, new Int32Array(size));
      }
      for (let i = 0; i < length; i++) {
        const kind = kinds[i];
        kindOf[entries] = kind;
        localOf[entries] = this.tables[kind].add(values[i]);
        itemOf[entries++] = d.index;
      }
    }
    let blocks = 0;
    for (let k = 0; k < KINDS; k++) {
      this.firstBlock.push(blocks);
      blocks += this.tables[k].size;
    }
    const count = new Int32Array(blocks + 1);
    const block = new Int32Array(entries);
    for (let e = 0; e < entries; e++) {
      const b = this.firstBlock[kindOf[e]] + localOf[e];
      block[e] = b;
      count[b + 1]++;
    }
    for (let b = 0; b < blocks; b++) count[b + 1] += count[b];
    this.offsets = count;
    const fill = count.slice(0, blocks);
    this.items = new Int32Array(entries);
    for (let e = 0; e < entries; e++) this.items[fill[block[e]]++] = itemOf[e];
    this.stamp = new Int32Array(directory.length);
  }

  private readonly keys = new Keys();
  private nameCap = NAME_BLOCK_CAP;

  /**
   * Starts the visits of a Pronote person: until the next `start`, `visitKeys` and `extra` visit
   * each account once. `strongOther`: the person has candidates from elsewhere (a guardian's paired
   * children), so large name-only blocks are skipped as for a person with a birth date.
   */
  start(p: Prepared, strongOther = false): void {
    this.round++;
    // With a birth date (or, for a guardian, accounts found through the paired children), the other
    // keys find the person: large name-only blocks add cost, not pairs.
    this.nameCap = p.date || strongOther ? DATED_NAME_BLOCK_CAP : NAME_BLOCK_CAP;
    blockingKeys(p, true, this.ids, this.keys);
  }

  /**
   * Visits the accounts sharing one of the started person's keys: the keys with a birth date and
   * the email (`strong`), or the name-only keys.
   */
  visitKeys(strong: boolean, visit: (d: Prepared) => void): void {
    const round = this.round;
    const stamp = this.stamp;
    const directory = this.directory;
    const { kinds, values, length } = this.keys;
    for (let i = 0; i < length; i++) {
      const kind = kinds[i];
      if (strong !== (kind >= M_MONTH || kind === E_MAIL)) continue;
      const id = this.tables[kind].find(values[i]);
      if (id < 0) continue;
      const b = this.firstBlock[kind] + id;
      const from = this.offsets[b];
      const to = this.offsets[b + 1];
      if (to - from > (kind >= M_MONTH ? DATE_BLOCK_CAP : this.nameCap)) continue;
      for (let j = from; j < to; j++) {
        const di = this.items[j];
        if (stamp[di] === round) continue;
        stamp[di] = round;
        visit(directory[di]);
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
