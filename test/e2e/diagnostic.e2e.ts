import type { Route } from '../../scripts/sites-server';
import { closedUi, hostsAsPageSeesThem } from './closed-ui';
import { expect, test } from './fixtures';
import { checkInstance } from './instance-check';

// A local Pronote instance answering the public instance description (DOMAIN.md "Pronote URLs"):
// 0310047h with CAS delegation on towards Mon Bureau Numérique, 0752536z not published (HTTP 503).
const INFO = {
  version: [2024, 3, 7, 1],
  date: '2026-08-28',
  CAS: { actif: true, casURL: 'https://cas.monbureaunumerique.fr/', jetonCAS: 'e2e' },
  espaces: [
    { nom: 'Espace Professeurs', URL: 'professeur.html' },
    { nom: 'Espace Élèves', URL: 'eleve.html', avecDelegation: true, protocole: 'CAS' },
    { nom: 'Espace Parents', URL: 'parent.html' },
  ],
  nomEtab: 'COLLEGE JEAN JAURES',
};
const infoRequests: string[] = [];
const instance: Route = (_req, res, url) => {
  if (!url.pathname.toLowerCase().endsWith('/infomobileapp.json')) return false;
  infoRequests.push(`${url.host}${url.pathname}${url.search}`);
  if (url.host === '0752536z.index-education.net') {
    res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
  } else if (url.host === '0310047h.index-education.net' && url.pathname === '/pronote/infoMobileApp.json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(INFO));
  } else {
    res.writeHead(404).end('Not found');
  }
  return true;
};
test.use({ routes: [instance] });
test.beforeEach(() => {
  infoRequests.length = 0;
});

test('the CAS error page served under its real Pronote host shows the idPronote explanation', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://0310047h.index-education.net/pronote/eleve.html?identifiant=zcnwsg5Z5G5MWZ92');
  const box = page.locator('[data-passerelle-diagnosis]');
  await expect(box).toHaveAttribute('data-passerelle-diagnosis', 'idpronote-missing');
  // The explanation lives in a closed shadow root: the page sees no shadowRoot, the DevTools protocol does.
  const seen = await hostsAsPageSeesThem(page);
  expect(seen.hosts).toBeGreaterThan(0);
  expect(seen.withShadowRoot).toBe(0);
  const ui = await closedUi(page);
  expect(await ui.text('h3')).toMatch(/identifiant Pronote \(idPronote\)/);
  expect(await ui.text('.box')).toContain('Mon Bureau Numérique');
  expect(await ui.text('.box')).toContain('«\u202fPronote\u202f» dans le champ racine');
  // The page's own text is untouched.
  await expect(page.locator('.Message')).toContainText('Or aucun attribut');
  expect(infoRequests).toEqual([]);
});

test('"Identification impossible" is explained too, and an ordinary page gets nothing', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://0310047h.index-education.net/pronote/professeur.html');
  const ui = await closedUi(page);
  await expect
    .poll(() => ui.text('.box', { host: '[data-passerelle-diagnosis="identification-impossible"]' }))
    .toContain('Résolution des échecs d’interconnexion');
  await page.goto('https://0310047h.index-education.net/pronote/parent.html');
  await expect(page.locator('h1')).toHaveText('COLLEGE JEAN JAURES');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-passerelle-diagnosis], [data-passerelle-hint]')).toHaveCount(0);
  expect(infoRequests).toEqual([]);
});

test('the instance check reads the local instance; the Pronote pages then hint the direct URL', async ({ context, openSidePanel }) => {
  const panel = await openSidePanel();
  const result = await checkInstance(panel, '0310047H');
  await expect(result.locator('[data-fact="school"]')).toHaveText('COLLEGE JEAN JAURES');
  await expect(result.locator('[data-fact="version"]')).toHaveText('PRONOTE 2024 (2024.3.7.1)');
  await expect(result.locator('[data-fact="cas"]')).toHaveText('activée');
  await expect(result.locator('[data-fact="cas-host"]')).toHaveText('cas.monbureaunumerique.fr');
  await expect(result.locator('[data-fact="project"]')).toHaveText('Mon Bureau Numérique');
  await expect(result.locator('[data-fact="espaces"] li')).toHaveCount(3);
  await expect(result.locator('[data-fact="direct-url"] code')).toHaveText('https://0310047h.index-education.net/pronote/?login=true');
  expect(infoRequests).toEqual(['0310047h.index-education.net/pronote/infoMobileApp.json?id=0D264427-EEFC-4810-A9E9-346942A862A4']);

  // The check told the background that delegation is on: a Pronote page without ?login=true hints,
  // even after the browser stopped the idle service worker.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.goto('https://0310047h.index-education.net/pronote/parent.html');
  const ui = await closedUi(page);
  await expect.poll(() => ui.text('code', { host: '[data-passerelle-hint="direct-url"]' })).toBe('https://0310047h.index-education.net/pronote/?login=true');
  // With ?login=true there is nothing to hint.
  await page.goto('https://0310047h.index-education.net/pronote/parent.html?login=true');
  await expect(page.locator('h1')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.locator('[data-passerelle-hint]')).toHaveCount(0);
  expect(infoRequests).toHaveLength(1);
});

test('the instance check says when Pronote.net is not published (HTTP 503), when no Pronote answers, or when the input is not usable', async ({
  openSidePanel,
}) => {
  const panel = await openSidePanel();
  await panel.getByRole('tab', { name: 'Diagnostic' }).click();
  const input = panel.getByLabel('Adresse de Pronote ou UAI (RNE) de l’établissement');
  await input.fill('https://0752536Z.index-education.net/pronote/eleve.html');
  await panel.getByRole('button', { name: 'Vérifier' }).click();
  await expect(panel.locator('[data-instance-state="not-published"]')).toContainText('Pronote.net n’est pas publié');
  await input.fill('https://0310047h.index-education.net/ent/');
  await panel.getByRole('button', { name: 'Vérifier' }).click();
  await expect(panel.locator('[data-instance-state="not-pronote"]')).toContainText('pas d’instance Pronote');
  await input.fill('collège');
  await panel.getByRole('button', { name: 'Vérifier' }).click();
  await expect(panel.getByText('Saisissez une adresse Pronote')).toBeVisible();
});

test('a pasted message and a pasted CAS response are explained in the side panel', async ({ openSidePanel }) => {
  const panel = await openSidePanel();
  await panel.getByRole('tab', { name: 'Diagnostic' }).click();
  await panel
    .getByLabel(/Collez le message d’erreur/)
    .fill('Echec de l authentification par le serveur CAS https://cas.ent27.fr : Le serveur CAS doit etre configure pour renvoyer un attribut "idPronote".');
  await panel.getByRole('button', { name: 'Expliquer' }).click();
  await expect(panel.locator('#panel-diagnostic [data-failure="idpronote-missing"]')).toBeVisible();
  await expect(panel.getByText('Projet ENT\u202f: ENT27.')).toBeVisible();

  await panel
    .getByLabel(/Collez la réponse du serveur CAS/)
    .fill(
      '<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>jmartin12</cas:user><cas:attributes><cas:nom>MARTIN</cas:nom></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>',
    );
  await panel.getByRole('button', { name: 'Lire' }).click();
  const reading = panel.locator('[data-cas-reading="success"]');
  await expect(reading).toHaveAttribute('data-expected-present', 'false');
  await expect(reading).toContainText('Authentification réussie pour «\u202fjmartin12\u202f»');
  await expect(reading).toContainText('L’attribut «\u202fidPronote\u202f» n’est pas renvoyé.');
});

test('a pasted CAS login URL is read down to its Pronote server, and a pasted error text is explained', async ({ openSidePanel }) => {
  const panel = await openSidePanel();
  await panel.getByRole('tab', { name: 'Diagnostic' }).click();
  const input = panel.getByLabel('Adresse de Pronote ou UAI (RNE) de l’établissement');
  // The login URL as posted in Litarvan/pronote-api issue 90: the CAS host is not the Pronote server.
  await input.fill('https://cas.mon-ent-occitanie.fr/login?service=https:%2F%2F0310047H.index-education.net%2Fpronote%2F');
  await panel.getByRole('button', { name: 'Vérifier' }).click();
  await expect(panel.locator('[data-instance-read-from="mon-ent-occitanie"]')).toContainText('Mon ENT Occitanie (cas.mon-ent-occitanie.fr)');
  const result = panel.locator('[data-instance-state="ok"]');
  await expect(result.locator('[data-fact="school"]')).toHaveText('COLLEGE JEAN JAURES');
  await expect(result.locator('[data-fact="espaces"] li[data-delegated="true"]')).toContainText('connexion déléguée (CAS)');
  expect(infoRequests).toEqual(['0310047h.index-education.net/pronote/infoMobileApp.json?id=0D264427-EEFC-4810-A9E9-346942A862A4']);
  // An ENT page without a Pronote server is said so, and nothing is asked.
  await input.fill('https://ent.parisclassenumerique.fr/auth/login/');
  await panel.getByRole('button', { name: 'Vérifier' }).click();
  await expect(panel.locator('[data-instance-state="no-pronote"]')).toContainText('Paris Classe Numérique (ent.parisclassenumerique.fr)');
  expect(infoRequests).toHaveLength(1);

  // The error text exactly as posted in bain3/pronotepy issue 254.
  await panel
    .getByLabel(/Collez le message d’erreur/)
    .fill("pronotepy.exceptions.PronoteAPIError: Unknown error from pronote: 21 | Impossible d'afficher la page");
  await panel.getByRole('button', { name: 'Expliquer' }).click();
  await expect(panel.locator('[data-pronote-error="21"]')).toHaveText('Erreur Pronote n° 21\u202f: «\u202fImpossible d’afficher la page\u202f»');
  const failure = panel.locator('#panel-diagnostic [data-failure="pronote-page-unavailable"]');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('Pour le support\u202f:');
});

test('the rentrée checklist keeps its ticks per school', async ({ openSidePanel }) => {
  let panel = await openSidePanel();
  await panel.getByRole('tab', { name: 'Diagnostic' }).click();
  await panel.getByLabel('UAI de l’établissement').fill('0310047H');
  await expect(panel.getByText(/Année scolaire \d{4}-\d{4}/)).toBeVisible();
  await panel.getByLabel('Nous avons changé de version de Pronote').check();
  const steps = panel.locator('.diag-steps li');
  await expect(steps).toHaveCount(4);
  await steps.nth(0).getByRole('checkbox').check();
  await steps.nth(1).getByRole('checkbox').check();
  await expect(steps.nth(1)).toContainText('Option «\u202fUniquement les utilisateurs sans identifiants CAS\u202f»\u202f: décochée');
  await expect(steps.nth(2)).toContainText('Mode d’import dans l’ENT\u202f: «\u202fcomplet\u202f»');
  await expect(panel.getByText('Étapes dans l’ordre\u202f: 2 sur 4 faites')).toBeVisible();
  await panel.close();

  panel = await openSidePanel();
  await panel.getByRole('tab', { name: 'Diagnostic' }).click();
  await panel.getByLabel('UAI de l’établissement').fill('0310047H');
  await expect(panel.getByText('Étapes dans l’ordre\u202f: 2 sur 4 faites')).toBeVisible();
  await panel.getByLabel('UAI de l’établissement').fill('0752536Z');
  await expect(panel.getByText('Étapes dans l’ordre\u202f: 0 sur 3 faites')).toBeVisible();
});
