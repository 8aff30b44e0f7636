import { describe, expect, it } from 'vitest';
import { CAS_HOSTS, ENT_PROJECTS, SEED_CAS_URLS, entWebDomains, isEntWebHost, normaliseCasUrl, projectByName, projectForCasUrl } from '../../../lib/catalogue';

// The seed's first list (section 1 d), as printed: project → CAS URL.
const SEED_LIST: [string, string][] = [
  ['AEFE', 'https://cas.kosmoseducation.com'],
  ['Agora06', 'https://cas.agora06.fr'],
  ['Arsène76', 'https://cas.arsene76.fr'],
  ['Cybercollèges42', 'https://cas.cybercolleges42.fr'],
  ['Eclat-BFC', 'https://cas.eclat-bfc.fr'],
  ['E-Collège31', 'https://cas.ecollege.haute-garonne.fr'],
  ['ENT27', 'https://cas.ent27.fr/'],
  ['Ent Kosmos', 'https://cas.pdl.kosmoseducation.com'],
  ["L'ENT Creuse", 'https://cas.entcreuse.fr'],
  ['Ma classe en Auvergne-Rhône-Alpes', 'https://cas.ent.auvergnerhonealpes.fr'],
  ['Mon ENT Occitanie', 'https://cas.mon-ent-occitanie.fr'],
  ['Mon Bureau Numérique', 'https://cas.monbureaunumerique.fr'],
  ['Moncollege.valdoise.fr', 'https://cas.moncollege.valdoise.fr'],
  ['Webcollege', 'https://cas.webcollege.seinesaintdenis.fr'],
];

// DOMAIN.md, "Other CAS hosts seen in client libraries".
const OTHER_HOSTS = [
  'cas.moncollege.valdemarne.fr',
  'ent.netocentre.fr',
  'cas3.e-lyco.fr',
  'cas.savoirsnumeriques62.fr',
  'www.atrium-sud.fr',
  'cas.itslearning.com',
  'ent77.seine-et-marne.fr',
  'ent.ecollege78.fr',
  'www.moncollege-ent.essonne.fr',
  'ent.iledefrance.fr',
  'ent.parisclassenumerique.fr',
  'mon.lyceeconnecte.fr',
  'enthdf.fr',
  'moncollege-ent.var.fr',
  'ent.l-educdenormandie.fr',
];

describe('the catalogue of ENT projects', () => {
  it('holds the console list of the seed, in its order, each project with its CAS URL', () => {
    const console = ENT_PROJECTS.filter((p) => p.inConsoleList);
    expect(console.map((p) => p.name)).toEqual(SEED_LIST.map(([name]) => name));
    for (const [name, url] of SEED_LIST) {
      const project = console.find((p) => p.name === name)!;
      expect(project.casBase).toBe(url.replace(/\/$/, ''));
      expect(project.source).toBe('seed');
    }
  });

  it('holds every other CAS host of DOMAIN.md, once each, each project first with the host of its CAS base', () => {
    for (const host of OTHER_HOSTS) expect(CAS_HOSTS).toContain(host);
    expect(new Set(CAS_HOSTS).size).toBe(CAS_HOSTS.length);
    for (const p of ENT_PROJECTS) expect(p.hosts[0].host).toBe(new URL(p.casBase).hostname);
    expect(new Set(ENT_PROJECTS.map((p) => p.id)).size).toBe(ENT_PROJECTS.length);
  });

  it('finds each project back from its own CAS base, and from the base written with the seed noise', () => {
    for (const p of ENT_PROJECTS) {
      expect(projectForCasUrl(p.casBase)?.id).toBe(p.id);
      expect(projectForCasUrl(`${p.casBase}/login?selection=EDU`)?.id).toBe(p.id);
      expect(projectForCasUrl(p.casBase.replace('https://', 'http://').toUpperCase() + '/')?.id).toBe(p.id);
      expect(normaliseCasUrl(p.casBase)).toMatchObject({ base: p.casBase, problems: [] });
    }
  });

  it('finds each project of the seed from the seed second list, its Google-wrapped URL included', () => {
    expect(SEED_CAS_URLS.map((u) => projectForCasUrl(u)?.name)).toEqual(SEED_LIST.map(([name]) => name));
  });

  it('knows no project for a host that is not a CAS server of the catalogue', () => {
    expect(projectForCasUrl('https://cas.nomduprojet.fr')).toBeUndefined();
    expect(projectForCasUrl('https://monbureaunumerique.fr')).toBeUndefined();
    expect(projectForCasUrl('pas une adresse')).toBeUndefined();
    expect(projectForCasUrl('')).toBeUndefined();
  });

  it('finds a project by name whatever the case, accents, spaces and punctuation', () => {
    expect(projectByName('mon bureau numerique')?.id).toBe('mon-bureau-numerique');
    expect(projectByName('MON BUREAU NUMÉRIQUE')?.id).toBe('mon-bureau-numerique');
    expect(projectByName('MBN')?.id).toBe('mon-bureau-numerique');
    expect(projectByName('arsene 76')?.id).toBe('arsene76');
    expect(projectByName('e-college 31')?.id).toBe('e-college31');
    expect(projectByName('l’ENT\u00a0Creuse')?.id).toBe('ent-creuse');
    expect(projectByName('  Eclat BFC ')?.id).toBe('eclat-bfc');
    expect(projectByName('moncollege.valdoise.fr')?.id).toBe('moncollege-valdoise');
    expect(projectByName('https://cas.agora06.fr/login')?.id).toBe('agora06');
    expect(projectByName('Mon ENT')).toBeUndefined();
    expect(projectByName('')).toBeUndefined();
    for (const p of ENT_PROJECTS) {
      expect(projectByName(p.name)?.id).toBe(p.id);
      for (const alias of p.aliases) expect(projectByName(alias)?.id).toBe(p.id);
    }
  });

  it('gives the ENT web domains as match patterns, Mon Bureau Numérique schools included', () => {
    const patterns = entWebDomains();
    expect(patterns).toContain('https://*.monbureaunumerique.fr/*');
    expect(patterns).toContain('https://*.kosmoseducation.com/*');
    // pdl.kosmoseducation.com is already covered by kosmoseducation.com.
    expect(patterns).not.toContain('https://*.pdl.kosmoseducation.com/*');
    for (const p of patterns) expect(p).toMatch(/^https:\/\/\*\.[a-z0-9.-]+\.[a-z]+\/\*$/);
    expect(new Set(patterns).size).toBe(patterns.length);
    // The CAS host of every active project with web pages is under one of its web domains, so the
    // helper can run on its pages too. Académie identity services and retired projects have none.
    for (const p of ENT_PROJECTS.filter((x) => x.webDomains.length > 0)) expect(isEntWebHost(p.hosts[0].host), p.id).toBe(true);
    expect(isEntWebHost('ozecollege.yvelines.fr')).toBe(false);
    expect(CAS_HOSTS.length).toBeGreaterThan(ENT_PROJECTS.length);
    expect(isEntWebHost('clg-exemple.monbureaunumerique.fr')).toBe(true);
    expect(isEntWebHost('www.google.com')).toBe(false);
    expect(isEntWebHost('monbureaunumerique.fr.evil.example')).toBe(false);
  });
});
