import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readInstanceInput, instanceTarget } from '../../../lib/diagnose/instance';
import { readPastedUrl } from '../../../lib/diagnose/pasted-url';

// Login URLs as people posted them in public reports (repository and issue beside each).
const REPORTED: { url: string; root: string; project?: string; casHost?: string; source: string }[] = JSON.parse(
  readFileSync('test/fixtures/diagnose/reported-login-urls.json', 'utf8'),
);

describe('reading a pasted login URL down to its Pronote server', () => {
  for (const r of REPORTED) {
    it(`${r.source}: the Pronote root, and the CAS project from the outer host`, () => {
      const read = readPastedUrl(r.url);
      expect(read.kind).toBe('pronote');
      const target = instanceTarget(r.url);
      expect(target?.root).toBe(r.root);
      expect(target?.hosted).toBe(true);
      expect(target?.readFrom?.project?.id).toBe(r.project);
      if (r.casHost) expect(target?.readFrom?.host).toBe(r.casHost);
      // Never the CAS host taken for the Pronote server.
      expect(target?.infoUrl).toMatch(/^https:\/\/[0-9]{7}[a-z]\.index-education\.net\/pronote\/infoMobileApp\.json/);
    });
  }

  it('reads through the seed’s Google wrapper and a CAS login inside it', () => {
    const inner = encodeURIComponent('https://cas.mon-ent-occitanie.fr/login?service=https:%2F%2F0820917B.index-education.net%2Fpronote%2Feleve.html');
    const target = instanceTarget(`https://www.google.com/url?q=${inner}&sa=D&source=hangouts&ust=1564500546330000&usg=AFQjCNGjhOh-VgFdPptoHMvHuLgpSAa3PQ`);
    expect(target?.root).toBe('https://0820917b.index-education.net/pronote/');
    expect(target?.readFrom?.project?.name).toBe('Mon ENT Occitanie');
  });

  it('gives the root of a Pronote URL on a port, on a bare IP, and of parent.html?login=true', () => {
    expect(instanceTarget('http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true')?.root).toBe('http://clg-mariecurie.ac-lyon.fr:81/Pronote/');
    expect(instanceTarget('http://lyc-client.ac-rouen.fr:81/')?.root).toBe('http://lyc-client.ac-rouen.fr:81/');
    expect(instanceTarget('http://202.22.236.230/pronote/eleve.html')).toMatchObject({
      root: 'http://202.22.236.230/pronote/',
      hosted: false,
      origin: 'http://202.22.236.230',
    });
    expect(instanceTarget('http://192.168.1.20:8080/')).toMatchObject({ root: 'http://192.168.1.20:8080/', origin: 'http://192.168.1.20:8080' });
    expect(instanceTarget('https://9730108e.index-education.net/pronote/parent.html?login=true')?.root).toBe('https://9730108e.index-education.net/pronote/');
    expect(instanceTarget('https://9730108e.index-education.net/pronote/parent.html?login=true')?.readFrom).toBeUndefined();
  });

  it('names what replaced a retired login host read on the way', () => {
    const old = instanceTarget('https://ent2d.ac-bordeaux.fr/Shibboleth.sso/Login?target=https%3A%2F%2F0332722E.index-education.net%2Fpronote%2Feleve.html');
    expect(old).toMatchObject({
      root: 'https://0332722e.index-education.net/pronote/',
      readFrom: { project: { id: 'ent2d-bordeaux' }, retiredFor: { id: 'hubeduconnect' } },
    });
    expect(instanceTarget(REPORTED[0].url)?.readFrom?.retiredFor).toBeUndefined();
  });

  it('says when a URL holds no Pronote server, naming the ENT of the outer host', () => {
    for (const [url, project] of [
      ['https://ent.parisclassenumerique.fr/auth/login/', 'paris-classe-numerique'], // Litarvan/pronote-api issue 278
      ['https://ent.parisclassenumerique.fr/welcome', 'paris-classe-numerique'],
      ['https://cas.monbureaunumerique.fr/login?selection=EDU&service=https://example.com/', 'mon-bureau-numerique'], // bain3/pronotepy issue 318
      [
        'https://auth.recia.fr/cas/login?service=https://lycees.netocentre.fr/portail/Login&token=c2fef9c3ad09196fc6cbd359e1570ed8&idpId=parentEleveEN-IdP',
        'netocentre',
      ], // bain3/pronotepy issue 334
      ['https://cas.eclat-bfc.fr/', 'eclat-bfc'],
      ['ozecollege.yvelines.fr', 'oze-yvelines'],
    ] as const) {
      const read = readInstanceInput(url);
      expect(read, url).toMatchObject({ kind: 'no-pronote', project: { id: project } });
      expect(instanceTarget(url), url).toBeUndefined();
    }
    // EduConnect's own login page (delphiki/hass-pronote issue 16) names no school either.
    expect(readInstanceInput('https://educonnect.education.gouv.fr/idp/profile/SAML2/Redirect/SSO?execution=e4s1')).toMatchObject({
      kind: 'no-pronote',
      project: { id: 'educonnect' },
    });
    expect(readInstanceInput('https://hubeduconnect.index-education.net/EduConnect/cas/login')).toMatchObject({
      kind: 'no-pronote',
      project: { id: 'hubeduconnect' },
    });
  });

  it('never throws and never reads a word as an address', () => {
    for (const text of ['', 'pronote', 'https://', 'http://%zz', 'javascript:alert(1)', 'https://cas.eclat-bfc.fr/login?service=%E0%A4%A']) {
      expect(() => readInstanceInput(text)).not.toThrow();
    }
    expect(readInstanceInput('collège')).toEqual({ kind: 'invalid' });
  });
});

describe('the instance description, read for delegation, protocol, collectivité and CAS address', () => {
  it('reads espaces with avecDelegation and protocole, the declared collectivité, and an unpublished CAS address', async () => {
    const { interpretInstanceAnswer } = await import('../../../lib/diagnose/instance');
    const target = instanceTarget('0310047H')!;
    const body = JSON.stringify({
      version: [2024, 3, 7, 1],
      nomEtab: 'COLLEGE JEAN JAURES',
      CAS: { actif: true, casURL: '' },
      espaces: [
        { nom: 'Espace Professeurs', URL: 'professeur.html', avecDelegation: true, protocole: 'CAS' },
        { nom: 'Espace Parents', URL: 'parent.html', avecDelegation: false },
        { nom: 'Espace Élèves', URL: 'eleve.html' },
      ],
      collectivite: { urlCollectivite: 'https://www.monbureaunumerique.fr' },
    });
    const check = interpretInstanceAnswer(target, { status: 200, body });
    expect(check.state).toBe('ok');
    expect(check.info).toMatchObject({
      casActive: true,
      casUrlUnpublished: true,
      casUrl: undefined,
      collectivite: { host: 'www.monbureaunumerique.fr', project: { id: 'mon-bureau-numerique' } },
    });
    expect(check.info?.espaces.map((e) => [e.name, e.delegated, e.protocol])).toEqual([
      ['Espace Professeurs', true, 'CAS'],
      ['Espace Parents', false, undefined],
      ['Espace Élèves', undefined, undefined],
    ]);
    expect(check.directUrl).toBe('https://0310047h.index-education.net/pronote/?login=true');
    const off = interpretInstanceAnswer(target, { status: 200, body: JSON.stringify({ version: [2024, 1], CAS: { actif: false, casURL: '' }, espaces: [] }) });
    expect(off.info).toMatchObject({ casActive: false, casUrlUnpublished: false });
    expect(off.info?.collectivite).toBeUndefined();
    const retiredCas = interpretInstanceAnswer(target, {
      status: 200,
      body: JSON.stringify({ version: [2022, 1], CAS: { actif: true, casURL: 'https://ent2d.ac-bordeaux.fr/' }, espaces: [] }),
    });
    expect(retiredCas.info).toMatchObject({ project: { id: 'ent2d-bordeaux' }, casHostRetiredFor: 'hubeduconnect' });
  });
});

describe('readPastedUrl, as properties (fast-check, seeded)', () => {
  const RUNS = { seed: 17, numRuns: 300 };
  const uai = fc
    .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ'))
    .map(([n, letter]) => `${String(n).padStart(7, '0')}${letter}`);
  const pronoteUrl = fc
    .tuple(uai, fc.constantFrom('pronote', 'Pronote'), fc.constantFrom('', 'eleve.html', 'parent.html', 'mobile.eleve.html', 'professeur.html?login=true'))
    .map(([u, dir, page]) => ({ url: `https://${u}.index-education.net/${dir}/${page}`, root: `https://${u.toLowerCase()}.index-education.net/${dir}/` }));
  const casHost = fc.constantFrom(
    'cas.eclat-bfc.fr',
    'cas.monbureaunumerique.fr',
    'cas.itslearning.com',
    'www.laclasse.com',
    'hubeduconnect.index-education.net',
  );
  const entHost = fc.constantFrom('ent77.seine-et-marne.fr', 'ent.parisclassenumerique.fr', 'mon.lyceeconnecte.fr', 'wilapa-guyane.com');

  it('finds the same Pronote root through service=, a doubly encoded callback=…service= and the Google wrapper', () => {
    fc.assert(
      fc.property(pronoteUrl, casHost, entHost, fc.boolean(), ({ url, root }, cas, ent, wrap) => {
        const once = `https://${cas}/login?service=${encodeURIComponent(url)}`;
        const twice = `https://${ent}/auth/login?callback=${encodeURIComponent(`/cas/login?service=${encodeURIComponent(url)}`)}#/`;
        for (const pasted of [url, once, twice]) {
          const text = wrap ? `https://www.google.com/url?q=${encodeURIComponent(pasted)}&sa=D` : pasted;
          const target = instanceTarget(text);
          if (target?.root !== root) return false;
          if (pasted !== url && target.readFrom?.host !== (pasted === once ? cas : ent)) return false;
        }
        return true;
      }),
      RUNS,
    );
  });

  it('never throws, and never takes a catalogue login host for the Pronote server', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), casHost, (noise, cas) => {
        readInstanceInput(noise);
        const read = readInstanceInput(`https://${cas}/login?${noise.replace(/service=|callback=/g, '')}`);
        return read.kind !== 'target' || !read.target.infoUrl.startsWith(`https://${cas}/`);
      }),
      RUNS,
    );
  });
});
