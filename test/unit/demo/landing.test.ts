/**
 * The demo's landing page (`npm start` opens it) links every demo admin screen, and the demo's
 * Pronote answers the instance check for its school.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_LANDING, DEMO_SCHOOL, DEMO_UNPUBLISHED_HOST, demoInstanceInfo, demoInstanceRoute } from '../../../scripts/demo-instance';
import { instanceTarget, interpretInstanceAnswer } from '../../../lib/diagnose/instance';

const SITES = 'test/fixtures/sites';
const LANDING = join(SITES, 'demo.passerelle.test/index.html');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : path.endsWith('.html') ? [path] : [];
  });
}

describe('the demo landing page', () => {
  const doc = new DOMParser().parseFromString(readFileSync(LANDING, 'utf8'), 'text/html');
  const items = [...doc.querySelectorAll('.demo li:has(a)')].map((li) => {
    const a = li.querySelector('a')!;
    return { href: new URL(a.getAttribute('href')!, DEMO_LANDING), line: (li.textContent ?? '').replace(a.textContent ?? '', '') };
  });

  it('links every screen the demo serves', () => {
    const served = pages(SITES)
      .filter((p) => p !== LANDING)
      .map(
        (p) =>
          `https://${relative(SITES, p)
            .replace(/\\/g, '/')
            .replace(/(^|\/)index\.html$/, '$1')}`,
      );
    expect(served.length).toBeGreaterThan(10);
    const linked = new Set(items.map(({ href }) => `${href.origin}${href.pathname}`));
    for (const page of served) expect(linked, page).toContain(page);
  });

  it('gives each screen a line on what it shows', () => {
    expect(items.length).toBeGreaterThanOrEqual(17);
    // Past the link's own words, a sentence: not a bare list of links.
    for (const { href, line } of items) expect(line.replace(/[\s\u202f,:;.]/g, '').length, href.href).toBeGreaterThan(15);
  });
});

describe('the demo’s instance check', () => {
  async function ask(host: string, path: string) {
    const url = new URL(`https://${host}${path}`);
    let status = 0;
    let body = '';
    const res = {
      writeHead(s: number) {
        status = s;
        return res;
      },
      end(b: string) {
        body = b;
      },
    };
    const answered = await demoInstanceRoute({} as never, res as never, url);
    return { answered, status, body };
  }

  it('succeeds for the demo school, with CAS towards Mon Bureau Numérique', async () => {
    const target = instanceTarget(DEMO_SCHOOL.uai)!;
    const answer = await ask(DEMO_SCHOOL.host, new URL(target.infoUrl).pathname);
    expect(answer.answered).toBe(true);
    const check = interpretInstanceAnswer(target, { status: answer.status, body: answer.body });
    expect(check.state).toBe('ok');
    expect(check.info?.schoolName).toBe(DEMO_SCHOOL.name);
    expect(check.info?.project?.name).toBe('Mon Bureau Numérique');
    expect(check.directUrl).toBe('https://0310047h.index-education.net/pronote/?login=true');
  });

  it('answers the root in either case, with a new CAS token each time', async () => {
    expect((await ask(DEMO_SCHOOL.host, '/Pronote/infoMobileApp.json')).status).toBe(200);
    const a = demoInstanceInfo().CAS as { jetonCAS: string };
    const b = demoInstanceInfo().CAS as { jetonCAS: string };
    expect(a.jetonCAS).not.toBe(b.jetonCAS);
  });

  it('answers 503 (not published) for the unpublished instance, and leaves other requests to the files', async () => {
    const target = instanceTarget('0752536Z')!;
    const answer = await ask(DEMO_UNPUBLISHED_HOST, '/pronote/infoMobileApp.json');
    expect(interpretInstanceAnswer(target, { status: answer.status, body: answer.body }).state).toBe('not-published');
    expect((await ask(DEMO_SCHOOL.host, '/pronote/parent.html')).answered).toBe(false);
    expect((await ask('0999999z.index-education.net', '/pronote/infoMobileApp.json')).answered).toBe(false);
  });
});
