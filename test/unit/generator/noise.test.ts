import { describe, expect, it } from 'vitest';
import { drawGivenName, drawSurname, SURNAMES } from '../../../scripts/generator/names';
import { canSwapDayMonth, hasAccent, stripAccents, swapDayMonth, swapHyphenSpace, titleCase, typo } from '../../../scripts/generator/noise';
import { uaiCheckLetter } from '../../../scripts/generator/population';
import { createRandom, zipfCumulative } from '../../../scripts/generator/prng';

describe('seeded random', () => {
  it('repeats for a seed, differs between seeds, and stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs).not.toEqual(Array.from({ length: 1000 }, () => c.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    const r = createRandom(1);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('draws ranked names with Zipf frequencies: common names often, rare ones seldom', () => {
    const r = createRandom(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const name = drawSurname(r);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(counts.get(SURNAMES[0])!).toBeGreaterThan(10 * (counts.get(SURNAMES[200]) ?? 0));
    expect(counts.size).toBeGreaterThan(200);
    // Large populations: a long tail of rare surnames keeps homonyms at a realistic level.
    const tail = Array.from({ length: 20_000 }, () => drawSurname(r, true));
    expect(new Set(tail).size).toBeGreaterThan(2 * counts.size);
    expect(tail.filter((n) => n === SURNAMES[0]).length / tail.length).toBeLessThan(counts.get(SURNAMES[0])! / 20_000 / 2);
    const cumulative = zipfCumulative(4, 1);
    expect([...cumulative]).toEqual([1, 1.5, 1 + 1 / 2 + 1 / 3, 1 + 1 / 2 + 1 / 3 + 1 / 4]);
    const given = Array.from({ length: 5000 }, () => drawGivenName(r, 'F'));
    expect(given.filter((n) => n.includes('-')).length).toBeGreaterThan(50);
    expect(given.filter((n) => n.includes(' ')).length).toBeGreaterThan(5);
  });
});

describe('noise', () => {
  it('loses accents the way an old export does', () => {
    expect(stripAccents('Hélène Lefèvre-Guérin')).toBe('Helene Lefevre-Guerin');
    expect(stripAccents('Schœlcher Østergaard Łukasik')).toBe('Schoelcher Ostergaard Lukasik');
    expect(stripAccents("N'Diaye")).toBe("N'Diaye");
    expect(hasAccent('Zoé')).toBe(true);
    expect(hasAccent('Zoe')).toBe(false);
  });

  it('swaps hyphen and space in compound given names, and day and month only when the date stays valid', () => {
    expect(swapHyphenSpace('Jean-Baptiste')).toBe('Jean Baptiste');
    expect(swapHyphenSpace('Marie Ange')).toBe('Marie-Ange');
    expect(canSwapDayMonth('2012-03-07')).toBe(true);
    expect(swapDayMonth('2012-03-07')).toBe('2012-07-03');
    expect(canSwapDayMonth('2012-03-13')).toBe(false);
    expect(canSwapDayMonth('2012-05-05')).toBe(false);
  });

  it('makes one typing error that changes the name but keeps its first letter', () => {
    const r = createRandom(3);
    for (const name of ['Martin', 'Léa', 'Dubois', 'Chevallier', 'Noé', 'Bo']) {
      for (let i = 0; i < 50; i++) {
        const t = typo(r, name);
        expect(t).not.toBe(name);
        expect(t[0]).toBe(name[0]);
        expect(Math.abs(t.length - name.length)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('recapitalises words and computes UAI check letters', () => {
    expect(titleCase("de LA fontaine-n'diaye")).toBe("De La Fontaine-N'Diaye");
    // 0310047H is the DOMAIN.md example of a UAI.
    expect(uaiCheckLetter('0310047')).toBe('H');
  });
});
