/**
 * An open-addressing hash table from blocking keys to dense ids (0, 1, 2…), in typed arrays.
 * Blocking keys are numbers up to 2^53 (`blocking.ts`); a `Map` boxes each such key and costs about
 * a microsecond per operation at 250,000 accounts, which made building the blocks the largest part
 * of a 10,000-person run. Keys are compared exactly (all 64 bits), so no two keys share an id.
 */

// A number's 64 bits, read as two 32-bit halves for hashing.
const bits = new Float64Array(1);
const halves = new Int32Array(bits.buffer);

function hash(key: number): number {
  bits[0] = key;
  const h = Math.imul(halves[0] ^ Math.imul(halves[1], 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

export class KeyTable {
  private keys: Float64Array;
  /** Id + 1 at each slot; 0 for an empty slot. */
  private slots: Int32Array;
  private mask: number;
  /** Number of keys, and the next id. */
  size = 0;

  /** `expected`: about how many keys will be added (the table grows when it fills anyway). */
  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The id of `key`, or -1 when it was never added. */
  find(key: number): number {
    const { keys, slots, mask } = this;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const s = slots[i];
      if (s === 0) return -1;
      if (keys[i] === key) return s - 1;
    }
  }

  /** The id of `key`, given to it now (the next id) when it is new. */
  add(key: number): number {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const { keys, slots, mask } = this;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const s = slots[i];
      if (s === 0) {
        keys[i] = key;
        slots[i] = ++this.size;
        return this.size - 1;
      }
      if (keys[i] === key) return s - 1;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const capacity = oldSlots.length * 2;
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] === 0) continue;
      let i = hash(oldKeys[j]) & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = oldKeys[j];
      this.slots[i] = oldSlots[j];
    }
  }
}
