import { describe, expect, it } from 'vitest';
import { type CasUrlProblemKind, SEED_CAS_URLS, normaliseCasUrl } from '../../../lib/catalogue';

const kinds = (input: string): CasUrlProblemKind[] => normaliseCasUrl(input).problems.map((p) => p.kind);

describe('normaliseCasUrl', () => {
  it('gives the base of each URL of the seed second list, with what was noisy in it', () => {
    const results = SEED_CAS_URLS.map((u) => normaliseCasUrl(u));
    expect(results.map((r) => r.base)).toEqual([
      'https://cas.kosmoseducation.com',
      'https://cas.agora06.fr',
      'https://cas.arsene76.fr',
      'https://cas.cybercolleges42.fr',
      'https://cas.eclat-bfc.fr',
      'https://cas.ecollege.haute-garonne.fr',
      'https://cas.ent27.fr',
      'https://cas.pdl.kosmoseducation.com',
      'https://cas.entcreuse.fr',
      'https://cas.ent.auvergnerhonealpes.fr',
      'https://cas.mon-ent-occitanie.fr',
      'https://cas.monbureaunumerique.fr',
      'https://cas.moncollege.valdoise.fr',
      'https://cas.webcollege.seinesaintdenis.fr',
    ]);
    expect(kinds(SEED_CAS_URLS[0])).toEqual(['trailing-slash']);
    expect(kinds(SEED_CAS_URLS[1])).toEqual(['login-path']);
    expect(kinds(SEED_CAS_URLS[13])).toEqual(['login-path']);
    // The wrapper's own query (sa, ust, usg) belongs to Google, not to the CAS URL.
    expect(normaliseCasUrl(SEED_CAS_URLS[10])).toEqual({
      base: 'https://cas.mon-ent-occitanie.fr',
      host: 'cas.mon-ent-occitanie.fr',
      scheme: 'https',
      unwrapped: 'https://cas.mon-ent-occitanie.fr',
      problems: [{ kind: 'wrapped', found: 'www.google.com' }],
    });
  });

  it('reports http, case, login path, selection query and fragment, and removes them from the base', () => {
    const r = normaliseCasUrl('HTTP://CAS.MonBureauNumerique.fr/login/?selection=EDU#x');
    expect(r.base).toBe('http://cas.monbureaunumerique.fr');
    expect(r.scheme).toBe('http');
    expect(r.problems).toEqual([
      { kind: 'not-https', found: 'http://' },
      { kind: 'host-case', found: 'CAS.MonBureauNumerique.fr' },
      { kind: 'login-path', found: '/login/' },
      { kind: 'query', found: '?selection=EDU' },
      { kind: 'fragment', found: '#x' },
    ]);
  });

  it('keeps a CAS path that is not the login page (Open ENT NG serves CAS under /cas)', () => {
    expect(normaliseCasUrl('https://ent.iledefrance.fr/cas/login?service=https%3A%2F%2Fx')).toMatchObject({
      base: 'https://ent.iledefrance.fr/cas',
      problems: [{ kind: 'login-path' }, { kind: 'query' }],
    });
    expect(normaliseCasUrl('https://ent.iledefrance.fr/cas/').base).toBe('https://ent.iledefrance.fr/cas');
  });

  it('assumes https when the scheme is missing, and says so', () => {
    expect(normaliseCasUrl('cas.arsene76.fr')).toMatchObject({ base: 'https://cas.arsene76.fr', problems: [{ kind: 'no-scheme' }] });
  });

  it('unwraps other redirect wrappers and nested ones', () => {
    const outlook = 'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fcas.ent27.fr%2F&data=05%7C01&reserved=0';
    expect(normaliseCasUrl(outlook)).toMatchObject({
      base: 'https://cas.ent27.fr',
      problems: [{ kind: 'wrapped', found: 'eur01.safelinks.protection.outlook.com' }, { kind: 'trailing-slash' }],
    });
    const nested = `https://www.google.fr/url?q=${encodeURIComponent(outlook)}&sa=D`;
    expect(normaliseCasUrl(nested).base).toBe('https://cas.ent27.fr');
    // A Google page that is not the redirect is not unwrapped.
    expect(normaliseCasUrl('https://www.google.com/search?q=https://cas.ent27.fr').host).toBe('www.google.com');
  });

  it('joins a URL broken over lines by a PDF, and keeps a port', () => {
    expect(normaliseCasUrl(' https://cas.ent.auvergne\nrhonealpes.fr ').base).toBe('https://cas.ent.auvergnerhonealpes.fr');
    expect(normaliseCasUrl('https://cas.example.fr:8443/cas').base).toBe('https://cas.example.fr:8443/cas');
  });

  it('says when there is nothing or no URL', () => {
    expect(normaliseCasUrl('')).toEqual({ problems: [{ kind: 'empty' }] });
    expect(normaliseCasUrl('   ')).toEqual({ problems: [{ kind: 'empty' }] });
    expect(normaliseCasUrl('Mon Bureau Numérique').problems.map((p) => p.kind)).toEqual(['whitespace', 'not-a-url']);
    expect(normaliseCasUrl('ftp://cas.ent27.fr').base).toBeUndefined();
  });
});
