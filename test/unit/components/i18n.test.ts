import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber, t, uiLang } from '../../../components/i18n';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

/** Every source file of the UI (components/, entrypoints/) and the manifest's config, by path. */
function uiSources(): Map<string, string> {
  const files = ['components', 'entrypoints'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx|html)$/.test(f))
      .map((f) => join(dir, f)),
  );
  return new Map([...files, 'wxt.config.ts'].map((f) => [f, readFileSync(f, 'utf8')]));
}

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

  it('builds no message key at run time: every key is a literal the type-check sees', () => {
    const built: string[] = [];
    for (const [file, text] of uiSources()) {
      for (const m of text.matchAll(/\b(?:t|tCount)\(\s*(?:`|['"][^'"]*['"]\s*\+)/g)) built.push(`${file}: ${m[0]}`);
    }
    expect(built).toEqual([]);
  });

  it('has in both languages every key the UI names, and no message the UI never names', () => {
    const fr = load('fr');
    const en = load('en');
    const sources = [...uiSources().values()].join('\n');
    const called = new Set([...sources.matchAll(/\b(t|tCount)\(\s*'([A-Za-z0-9_]+)'/g)].flatMap((m) => (m[1] === 'tCount' ? [m[2], `${m[2]}_one`] : [m[2]])));
    const manifest = new Set([...sources.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]));
    expect(called.size).toBeGreaterThan(100);
    for (const key of [...called, ...manifest]) {
      expect(fr, key).toHaveProperty(key);
      expect(en, key).toHaveProperty(key);
    }
    // A key is named as a quoted literal (a call, or a value of a typed record such as
    // components/rapprochement/message-keys.ts), in the manifest, or is the singular of a count key.
    const quoted = new Set([...sources.matchAll(/['"]([A-Za-z0-9_]+)['"]/g)].map((m) => m[1]));
    const named = (key: string) => quoted.has(key) || manifest.has(key) || (key.endsWith('_one') && quoted.has(key.slice(0, -4)));
    expect(Object.keys(fr).filter((key) => !named(key))).toEqual([]);
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
