import { describe, expect, it } from 'vitest';
import { ENT_PROJECTS, SEED_CAS_URLS, isRetiredProject } from '../../../lib/catalogue';
import type { Finding } from '../../../lib/checks/finding';
import { HOSTING_RULES, checkHosting } from '../../../lib/checks/hosting';
import type { HostingSettings } from '../../../lib/pages';

/** The problems said: each finding's rule and the rules it also covers (one finding per fix). */
const ids = (s: HostingSettings) => checkHosting(s).flatMap((f) => [f.id, ...(f.covers ?? [])]);
const one = (s: HostingSettings, id: string): Finding => {
  const f = checkHosting(s).find((x) => x.id === id || x.covers?.includes(id));
  if (!f) throw new Error(`no ${id} in ${ids(s).join(', ')}`);
  return f;
};
const SEED_PROJECT_NAMES = ENT_PROJECTS.filter((p) => p.inConsoleList).map((p) => p.name);

describe('a good configuration', () => {
  it('gives nothing but the direct URL, for every active project of the catalogue with its own CAS base', () => {
    for (const p of ENT_PROJECTS.filter((x) => !isRetiredProject(x))) {
      const findings = checkHosting({
        delegation: true,
        project: p.name,
        casUrl: p.casBase,
        recognitionMode: 'pronote-identity',
        attributeName: 'idPronote',
        racine: 'Pronote',
        published: true,
        pronoteUrl: 'https://0310047h.index-education.net/pronote/',
      });
      expect(findings.map((f) => f.id)).toEqual(['direct-url-login-true']);
    }
  });

  it('accepts the seed URLs that only have a trailing slash', () => {
    SEED_CAS_URLS.forEach((url, i) => {
      const found = ids({ delegation: true, project: SEED_PROJECT_NAMES[i], casUrl: url });
      if (url.endsWith('/')) expect(found).toEqual([]);
    });
  });
});

describe('the seed second list, each URL with its own project', () => {
  it('finds the noise: /login twice, the Google wrapper once, nothing else', () => {
    const results = SEED_CAS_URLS.map((url, i) => ids({ delegation: true, project: SEED_PROJECT_NAMES[i], casUrl: url }));
    expect(results).toEqual([[], ['cas-url-not-base'], [], [], [], [], [], [], [], [], ['cas-url-wrapped'], [], [], ['cas-url-not-base']]);
  });

  it('gives the clean base to paste for the wrapped and /login URLs', () => {
    expect(one({ project: 'Mon ENT Occitanie', casUrl: SEED_CAS_URLS[10] }, 'cas-url-wrapped')).toMatchObject({
      severity: 'error',
      field: 'casUrl',
      url: 'https://cas.mon-ent-occitanie.fr',
    });
    expect(one({ project: 'Mon ENT Occitanie', casUrl: SEED_CAS_URLS[10] }, 'cas-url-wrapped').message.fr).toContain('www.google.com');
    expect(one({ project: 'Agora06', casUrl: SEED_CAS_URLS[1] }, 'cas-url-not-base')).toMatchObject({
      severity: 'warning',
      url: 'https://cas.agora06.fr',
    });
  });
});

describe('each rule', () => {
  it('cas-url-missing: delegation on with an empty URL or text that is no URL, not when delegation is off', () => {
    const f = one({ delegation: true, project: 'Mon Bureau Numérique', casUrl: '  ' }, 'cas-url-missing');
    expect(f).toMatchObject({ severity: 'error', url: 'https://cas.monbureaunumerique.fr' });
    expect(ids({ delegation: true, casUrl: 'Mon Bureau Numérique' })).toContain('cas-url-missing');
    expect(ids({ delegation: false, casUrl: '' })).toEqual(['cas-delegation-off']);
    expect(ids({ delegation: true })).toEqual([]);
  });

  it('cas-url-not-https: http, with the https base as fix', () => {
    expect(one({ casUrl: 'http://cas.eclat-bfc.fr/' }, 'cas-url-not-https')).toMatchObject({ severity: 'error', url: 'https://cas.eclat-bfc.fr' });
    expect(ids({ casUrl: 'https://cas.eclat-bfc.fr/' })).toEqual([]);
  });

  it('cas-url-other-project: names the project the URL belongs to, for every pair of the catalogue', () => {
    for (const chosen of ENT_PROJECTS) {
      for (const other of ENT_PROJECTS) {
        const found = ids({ project: chosen.name, casUrl: other.casBase });
        expect(found.includes('cas-url-other-project')).toBe(chosen.id !== other.id);
      }
    }
    const f = one({ project: 'Eclat-BFC', casUrl: 'https://cas.monbureaunumerique.fr/' }, 'cas-url-other-project');
    expect(f.message.fr).toContain('«\u202fMon Bureau Numérique\u202f»');
    expect(f.message.en).toContain('"Mon Bureau Numérique"');
    expect(f.url).toBe('https://cas.eclat-bfc.fr');
    // A project typed loosely is still recognised.
    expect(ids({ project: 'eclat bfc', casUrl: 'https://cas.monbureaunumerique.fr' })).toContain('cas-url-other-project');
  });

  it('cas-url-wrapped: another wrapper than Google too', () => {
    const f = one({ casUrl: 'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fcas.ent27.fr%2F&data=1' }, 'cas-url-wrapped');
    expect(f.url).toBe('https://cas.ent27.fr');
  });

  it('cas-delegation-off', () => {
    expect(one({ delegation: false }, 'cas-delegation-off').severity).toBe('warning');
    expect(ids({})).toEqual([]);
  });

  it('cas-url-unknown-host: the seed placeholder host, with the chosen project URL when known', () => {
    const f = one({ project: 'ENT27', casUrl: 'https://cas.nomduprojet.fr' }, 'cas-url-unknown-host');
    expect(f).toMatchObject({ severity: 'warning', url: 'https://cas.ent27.fr' });
    expect(f.message.fr).toContain('cas.nomduprojet.fr');
    expect(ids({ casUrl: 'https://cas.nomduprojet.fr' })).toEqual(['cas-url-unknown-host']);
  });

  it('cas-url-not-base: ?selection=EDU, /login and a fragment', () => {
    const f = one({ casUrl: 'https://ent.iledefrance.fr/cas/login?selection=EDU' }, 'cas-url-not-base');
    expect(f.message.fr).toContain('/login, ?selection=EDU');
    expect(f.url).toBe('https://ent.iledefrance.fr/cas');
  });

  it('racine-missing-pronote: empty or without Pronote, explained as the seed fix, never an error', () => {
    const empty = one({ racine: '' }, 'racine-missing-pronote');
    expect(empty.severity).toBe('warning');
    expect(empty.message.fr).toMatch(/^La racine est vide/);
    expect(empty.message.fr).toContain('idPronote');
    expect(empty.fix.fr).toContain('«\u202fPronote\u202f»');
    expect(one({ racine: 'espaces' }, 'racine-missing-pronote').message.en).toContain('"espaces"');
    expect(ids({ racine: 'Pronote' })).toEqual([]);
    expect(ids({ racine: 'pronote' })).toEqual([]);
    expect(ids({ racine: 'clg/PRONOTE' })).toEqual([]);
  });

  it('cas-attribute-name-unexpected: empty, wrong case, another name; only in identité PRONOTE mode', () => {
    expect(one({ recognitionMode: 'pronote-identity', attributeName: '' }, 'cas-attribute-name-unexpected').message.fr).toMatch(/^Aucun/);
    expect(one({ recognitionMode: 'pronote-identity', attributeName: 'idpronote' }, 'cas-attribute-name-unexpected').message.fr).toContain('majuscules');
    expect(one({ recognitionMode: 'pronote-identity', attributeName: 'uid' }, 'cas-attribute-name-unexpected').message.fr).toContain('«\u202fuid\u202f»');
    expect(ids({ recognitionMode: 'pronote-identity', attributeName: ' idPronote ' })).toEqual([]);
    expect(ids({ recognitionMode: 'identity', attributeName: 'uid' })).toEqual(['recognition-mode-not-pronote-identity']);
  });

  it('base-not-published', () => {
    expect(one({ published: false }, 'base-not-published').fix.fr).toContain('Publier la base');
    expect(ids({ published: true })).toEqual([]);
  });

  it('recognition-mode-not-pronote-identity: says which mode and what it implies', () => {
    const identity = one({ recognitionMode: 'identity', recognitionModeLabel: "Avec l'identité de l'utilisateur" }, 'recognition-mode-not-pronote-identity');
    expect(identity.severity).toBe('info');
    expect(identity.message.fr).toContain("« Avec l'identité de l'utilisateur »");
    expect(identity.message.fr).toContain('Identification impossible');
    expect(one({ recognitionMode: 'double-auth' }, 'recognition-mode-not-pronote-identity').message.fr).toContain('mot de passe');
    expect(ids({ recognitionMode: 'pronote-identity' })).toEqual([]);
    expect(ids({ recognitionMode: 'unknown' })).toEqual([]);
  });

  it('direct-url-login-true: the exact URL, host lower case, path case kept (seed and its FAQ)', () => {
    const hosted = one({ delegation: true, pronoteUrl: 'https://0310047H.index-education.net/Pronote/eleve.html' }, 'direct-url-login-true');
    expect(hosted).toMatchObject({ severity: 'info', url: 'https://0310047h.index-education.net/Pronote/?login=true' });
    expect(hosted.message.fr).toContain('https://0310047h.index-education.net/Pronote/?login=true');
    expect(one({ pronoteUrl: 'http://clg-mariecurie.ac-lyon.fr:81/Pronote/' }, 'direct-url-login-true').url).toBe(
      'http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true',
    );
    expect(ids({ delegation: false, pronoteUrl: 'https://0310047h.index-education.net/pronote/' })).toEqual(['cas-delegation-off']);
    expect(ids({ delegation: true, pronoteUrl: 'pas une adresse' })).toEqual([]);
  });
});

describe('a retired CAS host (catalogue, issue 17)', () => {
  it('is an error that names what replaced it, for a whole retired project and for a project’s former host', () => {
    const ent2d = one({ delegation: true, casUrl: 'https://ent2d.ac-bordeaux.fr/' }, 'cas-url-retired');
    expect(ent2d).toMatchObject({ severity: 'error', url: 'https://hubeduconnect.index-education.net' });
    expect(ent2d.message.fr).toContain('HubEduConnect (Index Éducation)');
    expect(one({ delegation: true, casUrl: 'https://ozecollege.yvelines.fr' }, 'cas-url-retired').url).toBe('https://ent.ecollege78.fr');
    const former = one({ delegation: true, project: 'Lycée connecté', casUrl: 'https://lyceeconnecte.fr' }, 'cas-url-retired');
    expect(former.message.fr).toContain('ancienne adresse de Lycée connecté');
    expect(former.url).toBe('https://mon.lyceeconnecte.fr');
    for (const p of ENT_PROJECTS.filter(isRetiredProject)) expect(ids({ delegation: true, casUrl: p.casBase }), p.id).toContain('cas-url-retired');
    expect(ids({ delegation: true, project: 'eCollège 78', casUrl: 'https://ent.ecollege78.fr' })).not.toContain('cas-url-retired');
  });
});

describe('the findings', () => {
  it('use only the ids and severities of the issue, errors first, each in French and English with a fix', () => {
    const all = [
      ...checkHosting({
        delegation: true,
        project: 'Eclat-BFC',
        casUrl: 'http://www.google.com/url?q=http://cas.monbureaunumerique.fr/login?selection=EDU',
        recognitionMode: 'pronote-identity',
        attributeName: 'x',
        racine: '',
        published: false,
        pronoteUrl: 'https://0310047h.index-education.net/pronote/',
      }),
      ...checkHosting({ delegation: false, recognitionMode: 'double-auth', casUrl: 'https://cas.inconnu.fr' }),
      ...checkHosting({ delegation: true, casUrl: '' }),
      ...checkHosting({ delegation: true, casUrl: 'https://ent2d.ac-bordeaux.fr' }),
    ];
    expect(new Set(all.flatMap((f) => [f.id, ...(f.covers ?? [])]))).toEqual(new Set(Object.keys(HOSTING_RULES)));
    for (const f of all) {
      expect(f.severity).toBe(HOSTING_RULES[f.id as keyof typeof HOSTING_RULES]);
      for (const text of [f.message.fr, f.message.en, f.fix.fr, f.fix.en]) expect(text.length).toBeGreaterThan(20);
      expect(f.message.fr).not.toBe(f.message.en);
    }
    const first = checkHosting({
      delegation: true,
      project: 'Eclat-BFC',
      casUrl: 'http://www.google.com/url?q=http://cas.monbureaunumerique.fr/login?selection=EDU',
      racine: '',
      published: false,
    });
    expect(first.map((f) => f.id)).toEqual(['cas-url-wrapped', 'racine-missing-pronote', 'base-not-published']);
  });

  it('says the problems of the CAS URL that one address fixes in one finding, with that address once as the fix', () => {
    const [f, ...others] = checkHosting({
      delegation: true,
      project: 'Eclat-BFC',
      casUrl: 'http://www.google.com/url?q=http://cas.monbureaunumerique.fr/login?selection=EDU',
    });
    expect(others).toEqual([]);
    expect(f).toMatchObject({
      id: 'cas-url-wrapped',
      severity: 'error',
      field: 'casUrl',
      url: 'https://cas.eclat-bfc.fr',
      covers: ['cas-url-not-https', 'cas-url-other-project', 'cas-url-not-base'],
    });
    for (const word of ['www.google.com', 'http://', 'Mon Bureau Numérique', '/login']) expect(f.message.fr).toContain(word);
    // The fix offers the other way out too (choosing the project the URL belongs to), and names the address once.
    expect(f.fix.fr).toContain('Mon Bureau Numérique');
    expect(f.fix.fr.split('https://cas.eclat-bfc.fr').length).toBe(2);
    // Problems with different fixes stay apart.
    expect(checkHosting({ casUrl: 'https://cas.inconnu.fr/login' }).map((x) => x.id)).toEqual(['cas-url-unknown-host', 'cas-url-not-base']);
  });
});
