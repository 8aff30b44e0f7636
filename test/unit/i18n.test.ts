import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatNumber, t, uiLang } from '../../components/i18n';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

describe('i18n', () => {
  it('has the same keys in French and English, none empty', () => {
    const fr = load('fr');
    const en = load('en');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect((value as { message: string }).message.trim(), key).not.toBe('');
    }
  });

  it('names every message as Chrome requires (ASCII letters, digits, underscore), or the extension does not load', () => {
    for (const key of [...Object.keys(load('fr')), ...Object.keys(load('en'))]) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('is French by default and English when the browser is in English', () => {
    expect(uiLang('fr-FR')).toBe('fr');
    expect(uiLang('de-DE')).toBe('fr');
    expect(uiLang('')).toBe('fr');
    expect(uiLang('en-GB')).toBe('en');
    expect(t('tabChecks', [], 'fr')).toBe('Vérifications');
    expect(t('tabChecks', [], 'en')).toBe('Checks');
  });

  it('formats numbers the French way', () => {
    expect(formatNumber(9975, 'fr').replace(/\s/g, ' ')).toBe('9 975');
    expect(formatNumber(9975, 'en')).toBe('9,975');
  });
});
