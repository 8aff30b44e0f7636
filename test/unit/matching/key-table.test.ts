import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../../lib/matching/key-table';

describe('KeyTable (blocking keys to dense ids)', () => {
  it('gives each distinct key the next id, the same id again for a key already added', () => {
    const t = new KeyTable(2);
    expect(t.add(42)).toBe(0);
    expect(t.add(7)).toBe(1);
    expect(t.add(42)).toBe(0);
    expect(t.size).toBe(2);
    expect(t.find(7)).toBe(1);
    expect(t.find(8)).toBe(-1);
  });

  it('keeps every key through growth, with keys that differ only in their high or low bits', () => {
    const t = new KeyTable(4);
    // Packed keys as blocking builds them: an id times 2^20 plus a month, up to 2^53.
    const keys: number[] = [];
    for (let id = 0; id < 3000; id++) {
      keys.push(id * 1048576 + 202611);
      keys.push((2 ** 52 - 1 - id) * 2 + 1);
      keys.push(id);
    }
    const ids = keys.map((k) => t.add(k));
    expect(new Set(ids).size).toBe(keys.length);
    expect(t.size).toBe(keys.length);
    expect(keys.map((k) => t.find(k))).toEqual(ids);
    expect(t.find(2 ** 50 + 5)).toBe(-1);
    expect(t.find(3000 * 1048576 + 202611)).toBe(-1);
  });

  it('tells apart keys whose float64 bits hash alike (exact comparison, not the hash)', () => {
    const t = new KeyTable(1);
    // 0 and 2^32 * k share their low 32 bits.
    const keys = [0, 2 ** 32, 2 ** 33, 2 ** 32 + 1, 1];
    for (const k of keys) t.add(k);
    expect(keys.map((k) => t.find(k))).toEqual([0, 1, 2, 3, 4]);
  });
});
