/**
 * The store screenshots (`docs/store/screenshots`, made by `npm run store:screenshots`) are the
 * files the script writes, no more, at the stores' size and small, and the store README names each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allShotFiles, STORE_SIZE } from '../../../scripts/store-screenshots/shots';

const DIR = 'docs/store/screenshots';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the store screenshots', () => {
  const files = allShotFiles();

  it('are exactly the files the script writes, four scenes in French and in English', () => {
    expect(files).toHaveLength(8);
    expect(readdirSync(DIR).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s is a 1280×800 PNG under 400 kB', (name) => {
    const path = join(DIR, name);
    expect(pngSize(readFileSync(path))).toEqual(STORE_SIZE);
    expect(statSync(path).size).toBeLessThan(400 * 1024);
  });

  it('are each named in docs/store/README.md', () => {
    const readme = readFileSync('docs/store/README.md', 'utf8');
    for (const name of files) expect(readme).toContain(`screenshots/${name}`);
  });
});
