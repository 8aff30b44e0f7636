import { createServer, get, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INFO_MOBILE_APP_ID, type FetchLike, checkInstance, instanceTarget, interpretInstanceAnswer, unwrapRedirects } from '../../../lib/diagnose/instance';

// The shape published by every Pronote.net (DOMAIN.md; Pawnote.js src/decoders/instance.ts).
const INFO_CAS_ON = {
  version: [2024, 3, 7, 1],
  date: '2026-08-28',
  CAS: { actif: true, casURL: 'https://cas.monbureaunumerique.fr/', jetonCAS: 'a1b2c3' },
  espaces: [
    { nom: 'Espace Professeurs', URL: 'professeur.html' },
    { nom: 'Espace Élèves', URL: 'eleve.html' },
    { nom: 'Espace Parents', URL: 'parent.html' },
  ],
  nomEtab: 'COLLEGE JEAN JAURES',
};
const INFO_CAS_OFF = { ...INFO_CAS_ON, CAS: { actif: false }, nomEtab: 'LYCEE PIERRE DE FERMAT' };

describe('instanceTarget', () => {
  it('builds the address from a UAI, in lower case, under /pronote/', () => {
    expect(instanceTarget(' 0310047h ')).toEqual({
      root: 'https://0310047h.index-education.net/pronote/',
      infoUrl: `https://0310047h.index-education.net/pronote/infoMobileApp.json?id=${INFO_MOBILE_APP_ID}`,
      origin: 'https://0310047h.index-education.net',
      hosted: true,
      uai: '0310047H',
    });
  });

  it('flags a UAI whose check letter is wrong but still builds it', () => {
    expect(instanceTarget('0310047A')?.uaiCheckLetterWrong).toBe(true);
  });

  it('takes any page of an instance and keeps the path’s case', () => {
    const t = instanceTarget('https://0310047H.index-education.net/Pronote/eleve.html?identifiant=zcnwsg5Z5G5MWZ92');
    expect(t?.root).toBe('https://0310047h.index-education.net/Pronote/');
    expect(t?.infoUrl).toBe(`https://0310047h.index-education.net/Pronote/infoMobileApp.json?id=${INFO_MOBILE_APP_ID}`);
    expect(t?.uai).toBe('0310047H');
  });

  it('adds /pronote/ to a bare hosted host, keeps a self-hosted server’s port and scheme', () => {
    expect(instanceTarget('0310047h.index-education.net')?.root).toBe('https://0310047h.index-education.net/pronote/');
    const self = instanceTarget('http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true');
    expect(self).toMatchObject({ root: 'http://clg-mariecurie.ac-lyon.fr:81/Pronote/', origin: 'http://clg-mariecurie.ac-lyon.fr:81', hosted: false });
  });

  it('unwraps a redirect wrapper (Google, Outlook safe links) before reading the address', () => {
    const google = instanceTarget('https://www.google.com/url?q=https://0310047h.index-education.net/pronote/');
    expect(google).toMatchObject({
      root: 'https://0310047h.index-education.net/pronote/',
      origin: 'https://0310047h.index-education.net',
      hosted: true,
      uai: '0310047H',
    });
    const outlook = instanceTarget(
      'https://eur01.safelinks.protection.outlook.com/?url=http%3A%2F%2Fclg-mariecurie.ac-lyon.fr%3A81%2FPronote%2Feleve.html&data=05',
    );
    expect(outlook).toMatchObject({ root: 'http://clg-mariecurie.ac-lyon.fr:81/Pronote/', hosted: false });
    expect(unwrapRedirects('www.google.fr/url?sa=t&url=https%3A%2F%2F0310047h.index-education.net%2Fpronote%2F')).toBe(
      'https://0310047h.index-education.net/pronote/',
    );
    expect(unwrapRedirects('https://www.google.com/search?q=pronote')).toBe('https://www.google.com/search?q=pronote');
  });

  it('uses https for a hosted instance typed with http, keeps http for a self-hosted server', () => {
    expect(instanceTarget('http://0310047h.index-education.net/pronote/')).toMatchObject({
      root: 'https://0310047h.index-education.net/pronote/',
      infoUrl: `https://0310047h.index-education.net/pronote/infoMobileApp.json?id=${INFO_MOBILE_APP_ID}`,
      origin: 'https://0310047h.index-education.net',
    });
    expect(instanceTarget('https://www.google.com/url?q=http://0310047h.index-education.net/Pronote/eleve.html')?.root).toBe(
      'https://0310047h.index-education.net/Pronote/',
    );
    expect(instanceTarget('http://pronote.clg-mariecurie.fr/pronote/')?.origin).toBe('http://pronote.clg-mariecurie.fr');
  });

  it('refuses what is neither a URL nor a UAI', () => {
    expect(instanceTarget('')).toBeUndefined();
    expect(instanceTarget('pronote')).toBeUndefined();
    expect(instanceTarget('ftp://x.fr/')).toBeUndefined();
  });
});

describe('interpretInstanceAnswer', () => {
  const target = instanceTarget('0310047H')!;
  it('ok with CAS on: school, version, espaces as absolute URLs, CAS host and its ENT project, direct URL', () => {
    const r = interpretInstanceAnswer(target, { status: 200, body: JSON.stringify(INFO_CAS_ON) });
    expect(r.state).toBe('ok');
    expect(r.info?.schoolName).toBe('COLLEGE JEAN JAURES');
    expect(r.info?.versionLabel).toBe('2024.3.7.1');
    expect(r.info?.espaces[1]).toEqual({ name: 'Espace Élèves', url: 'https://0310047h.index-education.net/pronote/eleve.html' });
    expect(r.info?.casActive).toBe(true);
    expect(r.info?.casHost).toBe('cas.monbureaunumerique.fr');
    expect(r.info?.project?.name).toBe('Mon Bureau Numérique');
    expect(r.directUrl).toBe('https://0310047h.index-education.net/pronote/?login=true');
  });

  it('ok with CAS off: the root stays the direct address', () => {
    const r = interpretInstanceAnswer(target, { status: 200, body: `\uFEFF${JSON.stringify(INFO_CAS_OFF)}` });
    expect(r.state).toBe('ok');
    expect(r.info?.casActive).toBe(false);
    expect(r.info?.project).toBeUndefined();
    expect(r.directUrl).toBe('https://0310047h.index-education.net/pronote/');
  });

  it('a CAS host outside the catalogue is shown without project', () => {
    const body = JSON.stringify({ ...INFO_CAS_ON, CAS: { actif: true, casURL: 'https://sso.academie-exemple.fr/cas' } });
    const r = interpretInstanceAnswer(target, { status: 200, body });
    expect(r.info?.casHost).toBe('sso.academie-exemple.fr');
    expect(r.info?.project).toBeUndefined();
  });

  it('503 is "not published"', () => {
    expect(interpretInstanceAnswer(target, { status: 503, body: '' }).state).toBe('not-published');
  });

  it('404, an HTML page or JSON of something else is "not a Pronote server"', () => {
    expect(interpretInstanceAnswer(target, { status: 404, body: 'Not found' }).state).toBe('not-pronote');
    expect(interpretInstanceAnswer(target, { status: 200, body: '<!doctype html><title>ENT</title>' }).state).toBe('not-pronote');
    expect(interpretInstanceAnswer(target, { status: 200, body: '{"status":"ok"}' }).state).toBe('not-pronote');
  });

  it('another status is an HTTP error with its code', () => {
    expect(interpretInstanceAnswer(target, { status: 500, body: '' })).toMatchObject({ state: 'http-error', status: 500 });
  });
});

describe('checkInstance against a local server answering like a Pronote instance', () => {
  let server: Server;
  let base = '';
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/ok/infoMobileApp.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(INFO_CAS_ON));
      } else if (path === '/unpublished/infoMobileApp.json') {
        res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      } else if (path === '/slow/infoMobileApp.json') {
        setTimeout(() => res.writeHead(200).end('{}'), 2_000);
      } else {
        res.writeHead(404).end('Not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // The test environment's window fetch applies a page's CORS rules, which the extension (holding a
  // host permission) does not meet: the injected fetch here is a plain HTTP client, honouring abort.
  const nodeFetch: FetchLike = (url, init) =>
    new Promise((resolve, reject) => {
      const req = get(url, { signal: init.signal }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: async () => body,
            headers: { get: (name: string) => String(res.headers[name.toLowerCase()] ?? '') || null },
          }),
        );
      });
      req.on('error', reject);
    });

  it('ok, with the constant id in the query', async () => {
    const r = await checkInstance(instanceTarget(`${base}/ok/`)!, nodeFetch);
    expect(r.state).toBe('ok');
    expect(r.info?.schoolName).toBe('COLLEGE JEAN JAURES');
    expect(seen).toContain(`/ok/infoMobileApp.json?id=${INFO_MOBILE_APP_ID}`);
  });

  it('not published (503)', async () => {
    expect((await checkInstance(instanceTarget(`${base}/unpublished/eleve.html`)!, nodeFetch)).state).toBe('not-published');
  });

  it('not a Pronote server (404)', async () => {
    expect((await checkInstance(instanceTarget(`${base}/ent/`)!, nodeFetch)).state).toBe('not-pronote');
  });

  it('timeout', async () => {
    const r = await checkInstance(instanceTarget(`${base}/slow/`)!, nodeFetch, { timeoutMs: 200 });
    expect(r.state).toBe('timeout');
  });

  it('no answer (connection refused)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    const r = await checkInstance(instanceTarget(`http://127.0.0.1:${port}/pronote/`)!, nodeFetch);
    expect(r.state).toBe('no-answer');
    expect(r.detail).toBeTruthy();
  });
});
