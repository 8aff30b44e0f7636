import { describe, expect, it } from 'vitest';
import {
  CAS_HOSTS,
  LOGIN_HOSTS,
  ENT_PROJECTS,
  entWebDomains,
  isEntWebHost,
  isRetiredProject,
  knownHost,
  projectById,
  projectForCasUrl,
} from '../../../lib/catalogue';
import { HOST_SOURCES } from '../../../lib/catalogue/host-sources';
import { HOST_PERMISSIONS } from '../../../lib/permissions';

// The hosts named in issue 17 (from pronotepy pronotepy/ent/, pronote-api src/cas/, hass-pronote
// issue 16, pronotepy issues 211/236) and the project each belongs to.
const ISSUE_HOSTS: [string, string][] = [
  ['mayotte.opendigitaleducation.com', 'ent-mayotte'],
  ['neoconnect.opendigitaleducation.com', 'neo-guadeloupe'],
  ['ent94.opendigitaleducation.com', 'ent94'],
  ['www.laclasse.com', 'laclasse'],
  ['www.toutatice.fr', 'toutatice'],
  ['www.colleges.cg80.fr', 'extranet-colleges-somme'],
  ['college.entsomme.fr', 'ent-somme'],
  ['sso.ac-reunion.fr', 'ac-reunion'],
  ['sp-ts.ac-poitiers.fr', 'ac-poitiers'],
  ['ent2d.ac-bordeaux.fr', 'ent2d-bordeaux'],
  ['hubeduconnect.index-education.net', 'hubeduconnect'],
  ['fip.itslearning.com', 'itslearning'],
  ['nero.l-educdenormandie.fr', 'educ-de-normandie'],
  ['wilapa-guyane.com', 'wilapa'],
  ['cas.itslearning.com', 'itslearning'],
  ['cas.eclat-bfc.fr', 'eclat-bfc'],
  ['ent77.seine-et-marne.fr', 'ent77'],
];

const allHosts = ENT_PROJECTS.flatMap((p) => p.hosts.map((h) => ({ project: p, ...h })));

describe('the catalogue data (issue 17)', () => {
  it('knows every login host of the public sources: 46 or more, each once', () => {
    expect(allHosts.length).toBeGreaterThanOrEqual(46);
    expect(new Set(allHosts.map((h) => h.host)).size).toBe(allHosts.length);
    expect(LOGIN_HOSTS).toHaveLength(allHosts.length);
    // The CAS hosts: each project's first host and its other `cas` hosts, never a portal.
    expect(CAS_HOSTS).toContain('auth.recia.fr');
    expect(CAS_HOSTS).toContain('ent2d.ac-bordeaux.fr');
    expect(CAS_HOSTS).not.toContain('leia.itslearning.com');
    expect(CAS_HOSTS).not.toContain('lycees.netocentre.fr');
  });

  it('gives every host its source: a repository with a path, commit or issue, or the seed or DOMAIN.md', () => {
    const sourced = /(seed §|DOMAIN\.md|[\w-]+\/[\w.-]+ ([\w./-]+\.(py|js|ts|java)|issues? \d+|commit [0-9a-f]{7}))/;
    for (const h of allHosts) {
      expect(HOST_SOURCES[h.host]?.seen, h.host).toMatch(sourced);
      expect(h.host, h.host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      if (h.loginPath) expect(h.loginPath, h.host).toMatch(/^\/[\w./-]*$/);
      if (h.retired) {
        expect(HOST_SOURCES[h.host]?.retired, h.host).toMatch(sourced);
        expect(projectById(h.retired.replacedBy), `${h.host} replaced by ${h.retired.replacedBy}`).toBeDefined();
        expect(isRetiredProject(projectById(h.retired.replacedBy)!), h.host).toBe(false);
      }
    }
  });

  it('names in its sources only the catalogue’s hosts, each retirement source on a retired host', () => {
    expect(Object.keys(HOST_SOURCES)).toEqual(allHosts.map((h) => h.host));
    for (const [host, source] of Object.entries(HOST_SOURCES)) {
      if (source.retired) expect(knownHost(host)?.host.retired, host).toBeDefined();
    }
  });

  it('resolves each host named in the issue to its project, with its login path where a source gives one', () => {
    for (const [host, id] of ISSUE_HOSTS) {
      expect(knownHost(host)?.project.id, host).toBe(id);
      expect(projectForCasUrl(`https://${host.toUpperCase()}/login?service=x`)?.id, host).toBe(id);
    }
    expect(knownHost('cas.itslearning.com')?.host.loginPath).toBe('/cas-prod/login');
    expect(projectForCasUrl('https://cas.itslearning.com/cas-prod/login?service=https:%2F%2F6200001G.index-education.net%2Fpronote%2Feleve.html')?.id).toBe(
      'itslearning',
    );
    expect(knownHost('hubeduconnect.index-education.net')?.host.loginPath).toBe('/EduConnect/cas/login');
  });

  it('keeps retired hosts recognised, with what replaced them', () => {
    expect(knownHost('ent2d.ac-bordeaux.fr')?.host.retired?.replacedBy).toBe('hubeduconnect');
    expect(knownHost('ozecollege.yvelines.fr')?.host.retired?.replacedBy).toBe('ecollege78');
    expect(knownHost('college.entsomme.fr')?.host.retired?.replacedBy).toBe('ent-hdf');
    expect(knownHost('lyceeconnecte.fr')?.host.retired?.replacedBy).toBe('lycee-connecte');
    expect(isRetiredProject(projectById('ent2d-bordeaux')!)).toBe(true);
    expect(isRetiredProject(projectById('lycee-connecte')!)).toBe(false);
  });

  it('asks no host permission because of a retired host', () => {
    const covers = (pattern: string, host: string) => {
      const domain = pattern.replace(/^https:\/\/\*\./, '').replace(/\/\*$/, '');
      return host === domain || host.endsWith(`.${domain}`);
    };
    const activeDomains = ENT_PROJECTS.filter((p) => !isRetiredProject(p)).flatMap((p) => p.webDomains);
    for (const h of allHosts.filter((x) => x.retired)) {
      expect(isEntWebHost(h.host) && !activeDomains.some((d) => h.host === d || h.host.endsWith(`.${d}`)), h.host).toBe(false);
      for (const pattern of [...entWebDomains(), ...HOST_PERMISSIONS]) {
        // A pattern may cover a retired host only through a domain an active project needs anyway.
        if (covers(pattern, h.host)) {
          const domain = pattern.replace(/^https:\/\/\*\./, '').replace(/\/\*$/, '');
          expect(activeDomains.includes(domain) || domain === 'index-education.net', `${pattern} for ${h.host}`).toBe(true);
        }
      }
    }
    for (const p of ENT_PROJECTS.filter(isRetiredProject)) expect(p.webDomains, p.id).toEqual([]);
    for (const host of ['ent2d.ac-bordeaux.fr', 'ds.ac-bordeaux.fr', 'ozecollege.yvelines.fr', 'college.entsomme.fr']) {
      expect(
        HOST_PERMISSIONS.some((p) => covers(p, host)),
        host,
      ).toBe(false);
    }
  });

  it('puts every active host with a web domain under its permission pattern', () => {
    for (const p of ENT_PROJECTS.filter((x) => !isRetiredProject(x) && x.webDomains.length > 0)) {
      for (const d of p.webDomains) expect(isEntWebHost(d), d).toBe(true);
    }
  });
});
