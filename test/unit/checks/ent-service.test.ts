import { describe, expect, it } from 'vitest';
import { checkBlocCasUrl, checkBlocVersion, checkEntService, checkServiceUrl, serviceUrlProblem, versionYear } from '../../../lib/checks/ent-service';

describe('service-cas-url-not-empty', () => {
  it('is an error when the bloc field holds a URL, with the value in both languages', () => {
    const [f] = checkBlocCasUrl({ casUrl: ' https://cas.monbureaunumerique.fr/ ' });
    expect([f.id, f.severity, f.field]).toEqual(['service-cas-url-not-empty', 'error', 'casUrl']);
    expect(f.message.fr).toContain('https://cas.monbureaunumerique.fr/');
    expect(f.message.en).toContain('must stay empty');
    expect(f.fix.fr).toMatch(/Videz/);
  });
  it('says nothing for an empty field, blanks, or a field not on the page', () => {
    expect(checkBlocCasUrl({ casUrl: '' })).toEqual([]);
    expect(checkBlocCasUrl({ casUrl: '  \u00a0 ' })).toEqual([]);
    expect(checkBlocCasUrl({})).toEqual([]);
  });
});

describe('service-url-not-pronote-root', () => {
  it('accepts roots, hosted or self-hosted, with or without trailing slash or scheme', () => {
    for (const url of [
      'https://0310047h.index-education.net/pronote/',
      'https://0310047H.index-education.net/Pronote/',
      'http://clg-mariecurie.ac-lyon.fr:81/Pronote/',
      'https://pronote.college-exemple.fr/',
      '0752536z.index-education.net/pronote',
    ]) {
      expect(serviceUrlProblem(url), url).toBeUndefined();
      expect(checkServiceUrl({ pronoteUrl: url })).toEqual([]);
    }
  });
  it('names each kind of wrong URL', () => {
    expect(serviceUrlProblem('')).toBe('empty');
    expect(serviceUrlProblem('ftp://x')).toBe('not-url');
    expect(serviceUrlProblem('https://cas.monbureaunumerique.fr/')).toBe('not-pronote');
    expect(serviceUrlProblem('https://clg-exemple.monbureaunumerique.fr/pronote/')).toBe('not-pronote');
    expect(serviceUrlProblem('https://www.example.org/')).toBe('not-pronote');
    expect(serviceUrlProblem('https://0310047h.index-education.net/pronote/eleve.html')).toBe('espace');
    expect(serviceUrlProblem('https://0310047h.index-education.net/pronote/mobile.parent.html')).toBe('espace');
    expect(serviceUrlProblem('https://0310047h.index-education.net/pronote/?login=true')).toBe('login-true');
    expect(serviceUrlProblem('https://0310047h.index-education.net/pronote/?fd=1')).toBe('extra');
  });
  it('gives the root to use for an espace page, keeping the path case and lowering the host', () => {
    const [f] = checkServiceUrl({ pronoteUrl: 'https://0310047H.index-education.net/Pronote/eleve.html?identifiant=abc' });
    expect([f.id, f.severity, f.field]).toEqual(['service-url-not-pronote-root', 'error', 'pronoteUrl']);
    expect(f.url).toBe('https://0310047h.index-education.net/Pronote/');
    expect(f.fix.fr).toContain('https://0310047h.index-education.net/Pronote/');
    expect(f.message.fr).toContain('page d’espace');
  });
  it('explains ?login=true as the direct address that bypasses the CAS', () => {
    const [f] = checkServiceUrl({ pronoteUrl: 'https://0752536z.index-education.net/Pronote/?login=true' });
    expect(f.message.en).toContain('bypasses the CAS');
    expect(f.url).toBe('https://0752536z.index-education.net/Pronote/');
  });
  it('has no URL to copy when the address is not Pronote at all', () => {
    const [f] = checkServiceUrl({ pronoteUrl: 'https://cas.monbureaunumerique.fr/login' });
    expect(f.message.fr).toContain('n’est pas l’adresse d’un Pronote');
    expect(f.url).toBeUndefined();
  });
  it('gives the Pronote root inside a CAS or ENT login URL pasted in its place (issue 17)', () => {
    // bain3/pronotepy issue 65 and issue 103 (a doubly encoded callback=…service=…).
    const [cas] = checkServiceUrl({ pronoteUrl: 'https://cas.eclat-bfc.fr/login?service=https:%2F%2F0250007X.index-education.net%2Fpronote%2Feleve.html' });
    expect(cas.message.fr).toContain('n’est pas l’adresse d’un Pronote');
    expect(cas.url).toBe('https://0250007x.index-education.net/pronote/');
    const [ent] = checkServiceUrl({
      pronoteUrl:
        'https://ent77.seine-et-marne.fr/auth/login?callback=%2Fcas%2Flogin%3Fservice%3Dhttps%253A%252F%252F0772589W.index-education.net%252Fpronote%252Fparent.html#/',
    });
    expect(ent.url).toBe('https://0772589w.index-education.net/pronote/');
    // A login URL whose service is no Pronote gives nothing to copy.
    expect(checkServiceUrl({ pronoteUrl: 'https://cas.monbureaunumerique.fr/login?selection=EDU&service=https://example.com/' })[0].url).toBeUndefined();
  });
  it('is silent when the screen has no URL field', () => {
    expect(checkServiceUrl({ casUrl: '' })).toEqual([]);
  });
});

describe('bloc-version-mismatch', () => {
  it('reads release years from the forms versions take', () => {
    expect(versionYear('PRONOTE 2024')).toBe(2024);
    expect(versionYear('2024.3.7.1')).toBe(2024);
    expect(versionYear([2023, 0, 2, 5])).toBe(2023);
    expect(versionYear('Pronote 2022 - version 3')).toBe(2022);
    expect(versionYear('Dernière version')).toBeUndefined();
    expect(versionYear(undefined)).toBeUndefined();
  });
  it('warns when the bloc is on another version than the instance', () => {
    const [f] = checkBlocVersion({ blocVersion: 'PRONOTE 2023' }, [2024, 3, 7, 1]);
    expect([f.id, f.severity, f.field]).toEqual(['bloc-version-mismatch', 'warning', 'blocVersion']);
    expect(f.message.fr).toContain('«\u202fPRONOTE 2023\u202f»');
    expect(f.message.fr).toContain('2024');
    expect(f.fix.en).toContain('version 2024');
  });
  it('warns when the bloc names no version', () => {
    expect(checkBlocVersion({ blocVersion: '' }, '2024.1.0.0')).toHaveLength(1);
  });
  it('is silent when versions agree, or when the Pronote version is not known', () => {
    expect(checkBlocVersion({ blocVersion: '2024' }, 'PRONOTE 2024')).toEqual([]);
    expect(checkBlocVersion({ blocVersion: 'PRONOTE 2023' })).toEqual([]);
    expect(checkBlocVersion({}, [2024, 0, 0, 0])).toEqual([]);
  });
});

describe('checkEntService', () => {
  it('runs every rule of the screen', () => {
    const ids = checkEntService(
      { casUrl: 'https://cas.monbureaunumerique.fr/', pronoteUrl: 'https://0310047h.index-education.net/pronote/eleve.html', blocVersion: 'PRONOTE 2023' },
      [2024, 0, 0, 0],
    ).map((f) => f.id);
    expect(ids).toEqual(['service-cas-url-not-empty', 'service-url-not-pronote-root', 'bloc-version-mismatch']);
    expect(checkEntService({ casUrl: '', pronoteUrl: 'https://0310047h.index-education.net/pronote/', blocVersion: '2024' }, [2024])).toEqual([]);
  });
});
