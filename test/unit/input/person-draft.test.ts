import { describe, expect, it } from 'vitest';
import { clean } from '../../../lib/input/person-draft';

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
