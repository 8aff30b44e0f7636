/**
 * The field's noise on one written name or date (issue 3, "generator"): lost accents, hyphen ↔
 * space in compound given names, typing errors, day/month swaps. Each function is pure given the
 * random generator, so a seed reproduces the same noise.
 */
import { stripAccents } from '../../lib/core/fold';
import type { Random } from './prng';

// Removing diacritics is what an old export or a keyboard without accents does (é → e, œ → oe, ø → o):
// the same function the readers use, so that the generator writes no form the field does not.
export { stripAccents } from '../../lib/core/fold';

/** True when `text` holds a letter with a diacritic (or a ligature), i.e. accents can be lost. */
export function hasAccent(text: string): boolean {
  return stripAccents(text) !== text;
}

/** True for a compound given name ("Jean-Baptiste", "Marie Ange"). */
export function isCompound(text: string): boolean {
  return /[- ]/.test(text.trim());
}

/** Writes a compound name with the other separator: hyphens become spaces and the reverse. */
export function swapHyphenSpace(text: string): string {
  return text.replace(/[- ]/g, (c) => (c === '-' ? ' ' : '-'));
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'zqs',
  z: 'aes',
  e: 'zrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'om',
  q: 'asw',
  s: 'qdz',
  d: 'sfe',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  j: 'hku',
  k: 'jli',
  l: 'kmo',
  m: 'lp',
  w: 'xq',
  x: 'wc',
  c: 'xv',
  v: 'cb',
  b: 'vn',
  n: 'bm',
};

/**
 * One typing error in a name of at least 3 letters: a neighbouring key, a doubled or dropped
 * letter, or two letters swapped; never on the first letter (people rarely miss it) and never
 * returning the name unchanged.
 */
export function typo(random: Random, text: string): string {
  if (text.length < 3) return text + text.slice(-1);
  for (let attempt = 0; attempt < 8; attempt++) {
    const i = random.int(1, text.length - 1);
    const c = text[i];
    const lower = c.toLowerCase();
    let out: string;
    switch (random.int(0, 3)) {
      case 0: {
        const options = KEYBOARD_NEIGHBOURS[lower];
        if (!options) continue;
        const n = options[random.int(0, options.length - 1)];
        out = text.slice(0, i) + (c === lower ? n : n.toUpperCase()) + text.slice(i + 1);
        break;
      }
      case 1:
        out = text.slice(0, i) + c + text.slice(i);
        break;
      case 2:
        if (text.length < 4) continue;
        out = text.slice(0, i) + text.slice(i + 1);
        break;
      default:
        if (i >= text.length - 1) continue;
        out = text.slice(0, i) + text[i + 1] + c + text.slice(i + 2);
    }
    if (out !== text && /[A-Za-zÀ-ÿ]/.test(c)) return out;
  }
  return text.slice(0, 1) + text.slice(1).replace(/[aeiou]/, (v) => (v === 'e' ? 'a' : 'e'));
}

/** True when swapping day and month of the ISO date gives another valid date (day ≤ 12, day ≠ month). */
export function canSwapDayMonth(iso: string): boolean {
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return day <= 12 && day !== month;
}

/** `yyyy-mm-dd` → `yyyy-dd-mm` (call only when {@link canSwapDayMonth}). */
export function swapDayMonth(iso: string): string {
  return `${iso.slice(0, 4)}-${iso.slice(8, 10)}-${iso.slice(5, 7)}`;
}

/** "de la Fontaine" → "De La Fontaine": word-initial capitals, the way a form often recapitalises. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, l: string) => sep + l.toUpperCase());
}
