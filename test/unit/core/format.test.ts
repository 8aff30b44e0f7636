import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, isSingular, plural } from '../../../lib/core/format';

describe('lib/core/format', () => {
  it('groups digits and writes decimals the language’s way', () => {
    expect(formatNumber(1447, 'fr')).toBe('1\u202f447');
    expect(formatNumber(1447, 'en')).toBe('1,447');
    expect(formatNumber(0.5, 'fr')).toBe('0,5');
    expect(formatNumber(0.5, 'en')).toBe('0.5');
  });

  it('writes a calendar date dd/mm/yyyy without a time zone moving it, other values as they are', () => {
    expect(formatDate('2012-04-03', 'fr')).toBe('03/04/2012');
    expect(formatDate('2012-04-03', 'en')).toBe('03/04/2012');
    expect(formatDate('1999-12-31T23:00:00Z', 'fr')).toBe('31/12/1999');
    expect(formatDate('03/04/2012', 'fr')).toBe('03/04/2012');
    expect(formatDate(undefined, 'fr')).toBe('');
  });

  it('writes a moment dd/mm/yyyy hh:mm in the time zone asked, in both languages', () => {
    expect(formatDateTime('2026-12-04T03:18:00Z', 'fr', 'UTC')).toBe('04/12/2026 03:18');
    expect(formatDateTime('2026-12-04T15:05:00Z', 'en', 'UTC')).toBe('04/12/2026 15:05');
    expect(formatDateTime('2026-12-04T03:18:00Z', 'fr', 'Europe/Paris')).toBe('04/12/2026 04:18');
    expect(formatDateTime('not a date', 'fr')).toBe('not a date');
  });

  it('follows each language’s plural rule: French 0 and 1 singular, English 1 only', () => {
    expect([0, 1, 2].map((n) => isSingular(n, 'fr'))).toEqual([true, true, false]);
    expect([0, 1, 2].map((n) => isSingular(n, 'en'))).toEqual([false, true, false]);
    expect(plural(1447, 'fr', 'personne', 'personnes')).toBe('1\u202f447 personnes');
    expect(plural(0, 'fr', 'décision', 'décisions')).toBe('0 décision');
    expect(plural(0, 'en', 'decision', 'decisions')).toBe('0 decisions');
  });
});
