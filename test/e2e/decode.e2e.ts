/**
 * lib/input/decode.ts in Chromium: bundled at test time with esbuild into an IIFE and run in a blank
 * page (no extension build needed), on windows-1252 bytes 0x80–0x9F (TOOLING.md: Node 20's
 * TextDecoder is wrong there; browsers are right, and ours must agree in both).
 */
import { readFileSync } from 'node:fs';
import { chromium, expect, test } from '@playwright/test';
import { build } from 'esbuild';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HIGH = '€ ‘ ’ “ ” – — œ Œ …';
const HIGH_BYTES = [0x80, 0x20, 0x91, 0x20, 0x92, 0x20, 0x93, 0x20, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x9c, 0x20, 0x8c, 0x20, 0x85];

test('decodeBytes reads windows-1252 bytes 0x80–0x9F right in Chromium', async () => {
  const bundle = await build({
    entryPoints: ['lib/input/decode.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'PasserelleDecode',
    platform: 'browser',
    write: false,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const fixture = Array.from(readFileSync('test/fixtures/inputs/cp1252-high-bytes.csv'));
    const result = await page.evaluate(
      ({ high, fixture }) => {
        const api = (globalThis as unknown as { PasserelleDecode: typeof import('../../lib/input/decode') }).PasserelleDecode;
        return {
          high: api.decodeBytes(new Uint8Array(high)),
          fixture: api.decodeBytes(new Uint8Array(fixture)),
          browser: new TextDecoder('windows-1252').decode(new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i))),
          ours: api.decodeWindows1252(new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i))),
          userAgent: navigator.userAgent,
        };
      },
      { high: HIGH_BYTES, fixture },
    );
    expect(result.userAgent).toContain('Chrome');
    expect(result.high).toEqual({ text: HIGH, encoding: 'windows-1252' });
    expect(result.fixture.encoding).toBe('windows-1252');
    expect(result.fixture.text).toContain('"CŒUR";"Zoé"');
    expect(result.fixture.text).toContain('€ ‘cité’ “bas” – — œ Œ …');
    expect(result.fixture.text).toContain('D’ALMEIDA');
    // The explicit table agrees with the browser's own windows-1252 decoder on all 32 bytes.
    expect(result.ours).toBe(result.browser);
  } finally {
    await browser.close();
  }
});
