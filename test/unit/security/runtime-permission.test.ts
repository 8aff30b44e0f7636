import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnencrypted, singleOriginPattern } from '../../../lib/permissions';

describe('runtime host permission requests (issue 16)', () => {
  it('ask for exactly one origin', () => {
    expect(singleOriginPattern('https://pronote.college-exemple.fr')).toBe('https://pronote.college-exemple.fr/*');
    expect(singleOriginPattern('http://clg-mariecurie.ac-lyon.fr:81')).toBe('http://clg-mariecurie.ac-lyon.fr:81/*');
  });

  it('refuse anything wider or other than one http(s) origin', () => {
    for (const bad of ['https://*.fr', 'https://*/*', '<all_urls>', 'https://a.fr/', 'https://a.fr/pronote', 'ftp://a.fr', 'file:///', 'https://A.fr', '']) {
      expect(() => singleOriginPattern(bad), bad).toThrow();
    }
  });

  it('a pattern it gives matches one origin only (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(
        fc.constantFrom('https', 'http'),
        fc.array(label, { minLength: 2, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 65535 })),
        (scheme, labels, port) => {
          const origin = new URL(`${scheme}://${labels.join('.')}${port ? `:${port}` : ''}`).origin;
          const pattern = singleOriginPattern(origin);
          return pattern === `${origin}/*` && !pattern.slice(0, -2).includes('*');
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });

  it('flags http origins as unencrypted', () => {
    expect(isUnencrypted('http://a.fr')).toBe(true);
    expect(isUnencrypted('https://a.fr')).toBe(false);
  });
});
