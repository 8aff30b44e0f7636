import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, newPerson, ownStrings, ownText, TextPool } from '../../../lib/input/person-draft';

/** What `clean` must give: every run of blanks (`\s`) folded to one space, ends trimmed, '' → undefined. */
const folded = (v: string) => v.replace(/\s+/g, ' ').trim() || undefined;

describe('clean', () => {
  it('folds every kind of blank as \\s does, in any position, and keeps single spaces', () => {
    const blanks: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) blanks.push(String.fromCharCode(c));
    expect(blanks.length).toBeGreaterThan(20); // tab, LF, NBSP, the Unicode spaces, BOM...
    const samples = ['Anne Sophie', ' Anne Sophie ', 'D’ALMEIDA José', 'Jean-Marc', '', ' ', 'Zoé'];
    for (const b of blanks) {
      samples.push(`Anne${b}Sophie`, `${b}Anne`, `Anne${b}`, `Anne ${b}Sophie`, `Anne${b}${b}Sophie`, `${b}`, `A${b} B`);
    }
    for (const s of samples) expect(clean(s), JSON.stringify(s)).toBe(folded(s));
    expect(clean('Anne  Sophie')).toBe('Anne Sophie');
    expect(clean('Anne\u00a0Sophie')).toBe('Anne Sophie');
    expect(clean(undefined)).toBeUndefined();
  });
});

describe('ownStrings (issue 13, point 8: persons keep nothing of the file text)', () => {
  it('keeps every value equal, whatever its characters and length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
        (a, b, list) => {
          const text = `<x>${a}|${b}</x>`;
          const sliceA = text.slice(3, 3 + a.length);
          const sliceB = text.slice(4 + a.length, 4 + a.length + b.length);
          expect(ownText(sliceA)).toBe(a);
          const p = newPerson({
            side: 'directory',
            source: 'f.xml',
            location: 'l. 1',
            category: 'student',
            id: sliceB,
            idKind: 'account',
            lastName: sliceA,
            firstName: sliceB,
          });
          p.classes = [...list];
          p.children = list.map((id) => ({ id }));
          p.raw = { sn: sliceA, givenName: sliceB, '': b };
          p.email = sliceB;
          const before = JSON.stringify(p);
          expect(ownStrings(p)).toBe(p);
          expect(JSON.stringify(p)).toBe(before);
          // Through a pool shared with other persons: the same values again.
          const pool = new TextPool();
          pool.own(sliceB);
          expect(ownStrings(p, pool)).toBe(p);
          expect(JSON.stringify(p)).toBe(before);
          expect(pool.own(text.slice(3, 3 + a.length))).toBe(a);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
