import { describe, expect, it } from 'vitest';
import { ENT_PROJECTS } from '../../lib/catalogue';
import { HOST_PERMISSIONS } from '../../lib/permissions';

describe('host permissions (PRODUCT.md "Least privilege")', () => {
  it('start with the two Pronote hosts, then the ENT web domains of the catalogue', () => {
    expect(HOST_PERMISSIONS.slice(0, 2)).toEqual(['https://hebergement.index-education.net/*', 'https://*.index-education.net/*']);
    expect(HOST_PERMISSIONS).toContain('https://*.monbureaunumerique.fr/*');
    expect(HOST_PERMISSIONS).toContain('https://*.kosmoseducation.com/*');
    // pdl.kosmoseducation.com is covered by its parent domain: not listed twice.
    expect(HOST_PERMISSIONS).not.toContain('https://*.pdl.kosmoseducation.com/*');
  });

  it('cover every project’s web domains and nothing broader', () => {
    const patterns = HOST_PERMISSIONS.map(
      (p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace('https://*\\.', 'https://([a-z0-9-]+\\.)*').replace('/*', '/.*')}$`),
    );
    for (const project of ENT_PROJECTS) {
      for (const domain of project.webDomains) {
        const page = `https://clg-exemple.${domain}/admin/`;
        expect(
          patterns.some((re) => re.test(page)),
          page,
        ).toBe(true);
      }
    }
    for (const p of HOST_PERMISSIONS) {
      expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
      expect(p).not.toMatch(/<all_urls>|^https:\/\/\*\/|^http:/);
    }
    expect(new Set(HOST_PERMISSIONS).size).toBe(HOST_PERMISSIONS.length);
  });
});
