import { describe, expect, it } from 'vitest';
import { sortByWeight } from '../../../lib/matching/sort-by-weight';

// A small deterministic generator, so a failure can be replayed.
function lists(seed: number, count: number): Array<Array<{ w: number; id: number }>> {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const out: Array<Array<{ w: number; id: number }>> = [];
  for (let k = 0; k < count; k++) {
    const length = Math.floor(next() * 65);
    // Few distinct weights, so ties are common; infinite weights as decisions give them.
    const weights = [-3.5, 0, 2.25, 7, 12.5, Number.POSITIVE_INFINITY];
    out.push(Array.from({ length }, (_, id) => ({ w: weights[Math.floor(next() * weights.length)], id })));
  }
  return out;
}

describe('sortByWeight', () => {
  it('orders best first and keeps equal weights in their order, as the stable built-in sort does', () => {
    for (const list of lists(7, 500)) {
      const expected = [...list].sort((a, b) => (a.w === b.w ? 0 : b.w - a.w));
      sortByWeight(list);
      expect(list.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    }
  });

  it('puts the account with the most evidence first among a guardian’s candidates', () => {
    const list = [
      { d: 'namesake in another school', w: 3.1 },
      { d: 'linked to the paired child', w: 14.2 },
      { d: 'same surname, other given name', w: -1 },
      { d: 'second namesake', w: 3.1 },
    ];
    sortByWeight(list);
    expect(list.map((c) => c.d)).toEqual(['linked to the paired child', 'namesake in another school', 'second namesake', 'same surname, other given name']);
  });
});
