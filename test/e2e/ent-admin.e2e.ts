import { readFileSync } from 'node:fs';
import type { Route } from '../../scripts/sites-server';
import { closedUi } from './closed-ui';
import { confirmSchoolEnt, runSampleRapprochement } from './sample-rapprochement';
import { activateOnTab } from './activate-tab';
import { expect, test } from './fixtures';

const ENT = 'https://clg-exemple.monbureaunumerique.fr/admin';

test('the service screen shows its findings next to the fields, in closed shadow roots', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${ENT}/service-table.html`);
  await expect(page.locator('html')).toHaveAttribute('data-passerelle-ent', 'on');
  const ui = await closedUi(page);
  const cas = '[data-passerelle-finding="service-cas-url-not-empty"]';
  await expect.poll(() => ui.attr(cas, 'data-severity')).toBe('error');
  expect(await ui.text(cas)).toContain('url cas de Pronote.net');
  // Shown right after the bloc's field, not in a floating panel.
  expect(await ui.count('[data-passerelle-finding]', { host: '#k_4721 + [data-passerelle-host="ent-admin"]' })).toBe(1);
  const url = '[data-passerelle-finding="service-url-not-pronote-root"]';
  expect(await ui.attr(url, 'data-severity')).toBe('error');
  expect(await ui.text(`${url} code`)).toBe('https://0310047h.index-education.net/pronote/');
  // No Pronote version known from an instance check: the bloc's version is not judged.
  expect(await ui.count('[data-passerelle-finding="bloc-version-mismatch"]')).toBe(0);

  // The admin empties the field: the error goes, the page's own value is what we typed.
  await page.locator('#k_4721').fill('');
  await expect.poll(() => ui.count(cas)).toBe(0);
  expect(await ui.count(url)).toBe(1);
});

test('accès population: service anonyme and each profile without « accès au service »', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${ENT}/acces-population.html`);
  const ui = await closedUi(page);
  const anonymous = '[data-passerelle-finding="service-anonymous"]';
  await expect.poll(() => ui.attr(anonymous, 'data-severity')).toBe('warning');
  expect(await ui.text(anonymous)).toContain('sans connexion unique (SSO)');
  const missing = '[data-passerelle-finding="access-role-missing"]';
  expect(await ui.count(missing)).toBe(1);
  expect(await ui.text(missing)).toContain('«\u202fPersonnels\u202f»');
  expect(await ui.attr(missing, 'data-severity')).toBe('warning');
});

test('a connector screen drawn by script after load is read once drawn', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${ENT}/connecteur.html`);
  const ui = await closedUi(page);
  const url = '[data-passerelle-finding="service-url-not-pronote-root"]';
  await expect.poll(() => ui.text(url)).toContain('?login=true');
  expect(await ui.text(`${url} code`)).toBe('https://0752536z.index-education.net/Pronote/');
});

test.describe('in English', () => {
  test.use({ lang: 'en-GB' });
  test('findings follow the browser language', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(`${ENT}/service-labels.html`);
    const ui = await closedUi(page);
    await expect.poll(() => ui.text('[data-passerelle-finding="access-role-missing"]')).toContain('The profile “Parents” does not hold the role');
    expect(await ui.count('[data-passerelle-finding]')).toBe(1);
  });
});

test('import wizard: a mark on each unrecognised row, the suggestion on the admin’s click, only once the school’s ENT is confirmed; one click fills the ENT’s search, nothing is submitted', async ({
  context,
  openSidePanel,
}) => {
  test.setTimeout(180_000);
  // Before any rapprochement: no suggestion, said so next to each row.
  const early = await context.newPage();
  await early.goto(`${ENT}/import-jean-moulin.html`);
  const earlyUi = await closedUi(early);
  await expect.poll(() => earlyUi.count('[data-passerelle-suggestion="none"]')).toBe(4);
  await early.close();

  const panel = await runSampleRapprochement(openSidePanel);
  const page = await context.newPage();
  await page.goto(`${ENT}/import-jean-moulin.html`);
  const ui = await closedUi(page);
  // The school's ENT project is not set yet: nothing is shown but why.
  await expect.poll(() => ui.count('[data-passerelle-suggestion="no-ent-project"]')).toBe(1);
  expect(await ui.count('[data-passerelle-suggestion="available"]')).toBe(0);

  await confirmSchoolEnt(panel, 'mon-bureau-numerique');
  await page.reload();
  const bernard = { near: 'tr', nearText: 'BERNARD Charles Édouard' };
  await expect.poll(() => ui.count('[data-passerelle-suggestion="available"]', bernard)).toBe(1);
  // A mark, no personal data: the directory's spelling is nowhere until the admin asks.
  expect(await ui.count('[data-passerelle-suggestion="available"]', { near: 'tr', nearText: "D'ALMEIDA Côme" })).toBe(1);
  // Two MARTIN Lena/Léna in 3A in the Pronote file: name and class cannot tell them apart.
  expect(await ui.count('[data-passerelle-suggestion="none"]', { near: 'tr', nearText: 'MARTIN Lena' })).toBe(1);
  expect(await ui.count('[data-passerelle-suggestion="none"]', { near: 'tr', nearText: 'INCONNU Personne' })).toBe(1);
  expect(await ui.text('[data-passerelle-suggestion]')).not.toContain('Charles-Edouard');

  // The loaded file holds all users (read by the side panel): « partiel » is flagged.
  await expect.poll(() => ui.text('[data-passerelle-finding="import-mode-mismatch"]')).toContain('le fichier chargé contient tous les utilisateurs');

  // The admin asks: the ENT account of the directory (its own spelling), with class, score and why.
  await ui.click('button', { ...bernard, name: 'Voir la suggestion de Passerelle pour cette personne' });
  const shown = '[data-passerelle-suggestion="Bernard Charles-Edouard"]';
  await expect.poll(() => ui.text(shown, bernard)).toContain('(3A)');
  expect(await ui.text(shown)).toMatch(/confiance \d+ %/);
  expect(await ui.text(shown)).toContain('Pourquoi\u202f: rapproché automatiquement');

  // One click: the name goes into the ENT's own search field, as typed; the form is not submitted.
  await ui.click(`${shown} button`, { name: 'Écrire «\u202fBernard Charles-Edouard\u202f» dans la recherche de l’ENT' });
  const search = page.locator('#recherche');
  await expect(search).toHaveValue('Bernard Charles-Edouard');
  await expect(search).toHaveAttribute('data-input-events', '1');
  await expect(search).toBeFocused();
  await expect.poll(() => ui.text(`${shown} button`)).toBe('Mis dans la recherche');
  await expect(page.locator('body')).not.toHaveAttribute('data-submitted', 'true');
  expect(page.url()).toBe(`${ENT}/import-jean-moulin.html`);
});

/** The instance description of 0310047H (DOMAIN.md "Pronote URLs": infoMobileApp.json), PRONOTE 2024. */
const infoMobileApp: Route = (_req, res, url) => {
  if (url.hostname !== '0310047h.index-education.net' || !url.pathname.endsWith('/infoMobileApp.json')) return false;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({ nomEtab: 'COLLEGE EXEMPLE', version: [2024, 3, 7, 1], espaces: [], CAS: { actif: true, casURL: 'https://cas.monbureaunumerique.fr' } }),
  );
  return true;
};

test.describe('with the Pronote instance answering', () => {
  test.use({ routes: [infoMobileApp] });
  test('the bloc version is judged after the admin asks the instance for its version', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(`${ENT}/service-table.html`);
    const ui = await closedUi(page);
    await expect.poll(() => ui.count('[data-passerelle-finding="service-cas-url-not-empty"]')).toBe(1);
    expect(await ui.count('[data-passerelle-finding="bloc-version-mismatch"]')).toBe(0);
    await ui.click('button', { name: 'Vérifier la version de Pronote' });
    const mismatch = '[data-passerelle-finding="bloc-version-mismatch"]';
    await expect
      .poll(() => ui.text(mismatch))
      .toContain('Le bloc Pronote est réglé sur «\u202fPRONOTE 2023\u202f» alors que votre Pronote est en version 2024');
    expect(await ui.text('[data-passerelle-version-check]')).toContain('Version de Pronote\u202f: 2024.3.7.1');
    // Set to the right version: the warning goes.
    await page.locator('#k_4722').selectOption('PRONOTE 2024');
    await expect.poll(() => ui.count(mismatch)).toBe(0);
  });
});

/**
 * An ENT admin page on a site outside the catalogue. activeTab cannot be granted by automation, so
 * the page is served under a host the extension already holds but where the ENT helper does not run
 * by itself (a Pronote host): the button's injection path is the same.
 */
const entPageElsewhere: Route = (_req, res, url) => {
  if (url.hostname !== '0752536z.index-education.net' || url.pathname !== '/ent-admin/service.html') return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(readFileSync('test/fixtures/sites/clg-exemple.monbureaunumerique.fr/admin/service-table.html'));
  return true;
};

test.describe('on a site outside the catalogue', () => {
  test.use({ routes: [entPageElsewhere] });
  test('« Activer sur cet onglet » turns the ENT helper on for that tab', async ({ context, openSidePanel }) => {
    const { page, ui, panel } = await activateOnTab(context, openSidePanel, 'https://0752536z.index-education.net/ent-admin/service.html');
    await expect(page.locator('html')).toHaveAttribute('data-passerelle-ent', 'on');
    await expect
      .poll(() => ui.count('[data-passerelle-finding="service-cas-url-not-empty"]', { host: '#k_4721 + [data-passerelle-host="ent-admin"]' }))
      .toBe(1);
    // Turned on twice: one helper, findings shown once.
    await panel.getByRole('button', { name: 'Activer sur cet onglet' }).click();
    await page.waitForTimeout(500);
    expect(await ui.count('[data-passerelle-finding="service-cas-url-not-empty"]')).toBe(1);
  });
});
