/**
 * Issue 16, "Done when": a hostile page served under an ENT host name. Its script (here
 * `page.evaluate`, which runs in the page's own world, as the page's scripts do) tries to read the
 * injected UI, to imitate a host element, to send Passerelle crafted messages through every path
 * a page has, and to make the import helper fetch suggestions for a list of names it chose. None
 * of it may yield a stored identifier, birth date or account, and the admin's click still works.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Route } from '../../scripts/sites-server';
import { closedUi, hostsAsPageSeesThem } from './closed-ui';
import { expect, test } from './fixtures';
import { confirmSchoolEnt, runSampleRapprochement } from './sample-rapprochement';

// What the stored rapprochement holds and the page must never see: every Pronote identifier,
// birth date and ENT account id of the sample school (sample/pronote-export.xml, sample/truth.csv).
const exportXml = readFileSync(resolve('sample/pronote-export.xml'), 'utf8');
const SECRETS = [
  ...new Set([
    ...[...exportXml.matchAll(/IDPN="([^"]+)"/g)].map((m) => m[1]),
    ...[...exportXml.matchAll(/DateNaissance="([^"]+)"/g)].map((m) => m[1]),
    ...readFileSync(resolve('sample/truth.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[2])
      .filter((id) => id && id.length >= 6),
  ]),
];
// The page lists 60 students of the school that it learnt somehow, plus the wizard's own row.
const STUDENTS = [...exportXml.matchAll(/<Eleve [^>]*Nom="([^"]+)" Prenom="([^"]+)"[^>]*><Classe Nom="([^"]+)"/g)]
  .map((m) => ({ last: m[1], first: m[2], cls: m[3] }))
  .filter((r) => !(r.last === 'BERNARD' && r.first === 'Charles Édouard'))
  .slice(0, 60);

const hostilePage = (rows: { last: string; first: string; cls: string }[]) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Importer les identifiants Pronote</title>
<script>
  // Installed before any content script: a hook on attachShadow, to catch the roots being made.
  window.__attach = [];
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { window.__attach.push(init && init.mode); return original.call(this, init); };
</script></head><body>
<h1>Importer les identifiants Pronote</h1><p>Collège Jean-Moulin — RNE : 0482409H</p>
<form id="import"><fieldset><legend>Mode d'import</legend>
<input type="radio" id="m-c" name="mode" value="complet" checked> <label for="m-c">Complet</label>
<input type="radio" id="m-p" name="mode" value="partiel"> <label for="m-p">Partiel</label></fieldset>
<p class="etape">Étape 2/6 : Élèves</p><h2>Comptes non reconnus</h2>
<table><thead><tr><th>Nom Prénom</th><th>Classe</th><th>Action</th></tr></thead><tbody>
<tr><td>BERNARD Charles Édouard</td><td>3A</td><td><button type="button">Choisir un compte</button></td></tr>
${rows.map((r) => `<tr><td>${r.last} ${r.first}</td><td>${r.cls}</td><td><button type="button">Choisir un compte</button></td></tr>`).join('\n')}
</tbody></table>
<p><label for="recherche">Rechercher dans l'annuaire</label> <input type="search" id="recherche"></p></form>
</body></html>`;

const serve =
  (host: string): Route =>
  (_req, res, url) => {
    if (url.hostname !== host || url.pathname !== '/admin/hostile.html') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostilePage(STUDENTS));
    return true;
  };
const SCHOOL_ENT = 'clg-exemple.monbureaunumerique.fr';
const OTHER_ENT = 'clg-exemple.mon-ent-occitanie.fr';

/** Everything the page's own script can read of the document and of Passerelle's hosts. */
async function whatThePageSees(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-passerelle-host]')] as HTMLElement[];
    const selection = window.getSelection();
    selection?.selectAllChildren(document.body);
    const selected = selection?.toString() ?? '';
    selection?.removeAllRanges();
    return {
      html: document.documentElement.outerHTML,
      // biome-ignore lint/performance/useDomNodeTextContent: what the page renders is the point
      text: document.body.innerText,
      selected,
      hosts: hosts.map((h) => ({
        shadowRoot: h.shadowRoot !== null,
        attributes: [...h.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
        height: Math.round(h.getBoundingClientRect().height),
        children: h.childNodes.length,
        composed: h.getRootNode() === document,
      })),
      attach: (window as unknown as { __attach: string[] }).__attach,
    };
  });
}

const leaks = (seen: { html: string; text: string; selected: string }) =>
  SECRETS.filter((s) => seen.html.includes(s) || seen.text.includes(s) || seen.selected.includes(s));

test.describe('a hostile page on the school’s own ENT host', () => {
  test.use({ routes: [serve(SCHOOL_ENT), serve(OTHER_ENT)] });

  test('reads nothing stored, imitates nothing, reaches no handler; the admin’s click still works', async ({ context, openSidePanel, extensionId }) => {
    test.setTimeout(180_000);
    expect(SECRETS.length).toBeGreaterThan(500);
    expect(STUDENTS).toHaveLength(60);
    const panel = await runSampleRapprochement(openSidePanel);
    await confirmSchoolEnt(panel, 'mon-bureau-numerique');

    const page = await context.newPage();
    await page.goto(`https://${SCHOOL_ENT}/admin/hostile.html`);
    const ui = await closedUi(page);
    // The helper runs and marks the 61 rows the page chose (booleans, inside closed roots).
    await expect.poll(() => ui.count('[data-passerelle-suggestion]'), { timeout: 20_000 }).toBe(61);
    const available = await ui.count('[data-passerelle-suggestion="available"]');
    expect(available).toBeGreaterThan(30);
    // No suggestion was fetched for the page's list: every row holds a mark, none a suggestion.
    expect(await ui.count('[data-passerelle-suggestion="available"], [data-passerelle-suggestion="none"]')).toBe(61);

    // 1. Reading the injected UI: hosts without shadow root, uniform, of the same height whatever their mark.
    const seen = await whatThePageSees(page);
    expect(seen.hosts.length).toBeGreaterThanOrEqual(61);
    expect(seen.hosts.filter((h) => h.shadowRoot)).toEqual([]);
    const marks = seen.hosts.filter((h) => h.attributes === 'data-passerelle-host=ent-suggestion');
    expect(marks).toHaveLength(61);
    expect(new Set(marks.map((h) => h.height)).size).toBe(1);
    expect(marks.every((h) => h.children === 0)).toBe(true);
    // The page's hook on attachShadow saw nothing: content scripts use their own world's DOM methods.
    expect(seen.attach).toEqual([]);
    expect(leaks(seen)).toEqual([]);
    expect(await hostsAsPageSeesThem(page)).toMatchObject({ withShadowRoot: 0 });

    // 2. Imitating a host element: Passerelle neither fills it nor treats it as its own.
    await page.evaluate(() => {
      const fake = document.createElement('div');
      fake.setAttribute('data-passerelle-host', 'ent-suggestion');
      fake.attachShadow({ mode: 'open' }).innerHTML = '<button>Voir la suggestion</button>';
      fake.id = 'fake-host';
      document.querySelector('tbody tr td:last-child')?.append(fake);
      // A row wrapped in a look-alike host, hoping that the readers skip or fill it.
      const row = document.querySelector('tbody tr:nth-child(2) td');
      if (row) row.innerHTML = `<span data-passerelle-host="ent-suggestion">${row.textContent}</span>`;
    });
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => document.getElementById('fake-host')?.shadowRoot?.innerHTML)).toBe('<button>Voir la suggestion</button>');
    expect(await ui.count('[data-passerelle-suggestion]', { host: '#fake-host' })).toBe(0);

    // 3. Crafted messages through every path a page has.
    const attempts = await page.evaluate(async (id) => {
      const out: Record<string, string> = {};
      const payloads = [
        { type: 'suggestions/reveal', payload: { uai: '0482409H', row: { lastName: 'BERNARD', firstName: 'Charles Édouard', className: '3A' } } },
        { type: 'suggestions/marks', payload: { uai: '0482409H', rows: [{ lastName: 'BERNARD', firstName: 'Charles Édouard' }] } },
        { type: 'panel/get-findings', payload: {} },
      ];
      for (const m of payloads) {
        window.postMessage(m, '*');
        document.dispatchEvent(new CustomEvent(m.type, { detail: m.payload }));
        document.dispatchEvent(new CustomEvent('passerelle', { detail: m }));
      }
      const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome;
      try {
        out.runtime = chromeApi?.runtime?.sendMessage ? String(await chromeApi.runtime.sendMessage(id, payloads[0])) : 'no chrome.runtime.sendMessage';
      } catch (e) {
        out.runtime = `refused: ${(e as Error).message}`;
      }
      for (const path of ['sidepanel.html', 'manifest.json', 'background.js']) {
        try {
          const r = await fetch(`chrome-extension://${id}/${path}`);
          out[path] = `status ${r.status}: ${(await r.text()).slice(0, 40)}`;
        } catch (e) {
          out[path] = `refused: ${(e as Error).message}`;
        }
      }
      const frame = document.createElement('iframe');
      frame.src = `chrome-extension://${id}/sidepanel.html`;
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 800));
      try {
        out.iframe = frame.contentDocument?.body?.textContent ?? 'no access';
      } catch (e) {
        out.iframe = `refused: ${(e as Error).message}`;
      }
      frame.remove();
      return out;
    }, extensionId);
    expect(attempts.runtime).not.toMatch(/BERNARD|Bernard/);
    for (const path of ['sidepanel.html', 'manifest.json', 'background.js']) expect(attempts[path]).toMatch(/^refused/);
    expect(attempts.iframe).not.toMatch(/Rapprochement|BERNARD/);
    await page.waitForTimeout(500);
    // Nothing of it became a suggestion on the page, or a handled message in the background.
    expect(await ui.count('[data-passerelle-suggestion="Bernard Charles-Edouard"]')).toBe(0);
    expect(leaks(await whatThePageSees(page))).toEqual([]);

    // 4. The admin's click, in Passerelle's UI, still works, and what it shows stays in the closed root.
    const bernard = { near: 'tr', nearText: 'BERNARD Charles Édouard' };
    await ui.click('button', { ...bernard, name: 'Voir la suggestion de Passerelle pour cette personne' });
    await expect.poll(() => ui.text('[data-passerelle-suggestion="Bernard Charles-Edouard"]', bernard)).toContain('(3A)');
    const after = await whatThePageSees(page);
    expect(after.html).not.toContain('Charles-Edouard');
    expect(after.text).not.toContain('Charles-Edouard');
    expect(leaks(after)).toEqual([]);
    // Only the page's own imitation has a shadow root the page can see.
    expect(after.hosts.filter((h) => h.shadowRoot).map((h) => h.attributes)).toEqual(['data-passerelle-host=ent-suggestion id=fake-host']);
  });

  test('on another ENT project’s host, the same page gets no mark at all', async ({ context, openSidePanel }) => {
    test.setTimeout(180_000);
    const panel = await runSampleRapprochement(openSidePanel);
    await confirmSchoolEnt(panel, 'mon-bureau-numerique');
    const page = await context.newPage();
    await page.goto(`https://${OTHER_ENT}/admin/hostile.html`);
    await expect(page.locator('html')).toHaveAttribute('data-passerelle-ent', 'on');
    const ui = await closedUi(page);
    await expect.poll(() => ui.count('[data-passerelle-suggestion="host-not-school-ent"]'), { timeout: 20_000 }).toBe(1);
    expect(await ui.count('[data-passerelle-suggestion="available"]')).toBe(0);
    expect(leaks(await whatThePageSees(page))).toEqual([]);
  });
});
