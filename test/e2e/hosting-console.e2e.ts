import type { Route } from '../../scripts/sites-server';
import { closedUi, hostsAsPageSeesThem } from './closed-ui';
import { activateOnTab } from './activate-tab';
import { expect, test } from './fixtures';

const CONSOLE = 'https://hebergement.index-education.net/console';
const finding = (id: string) => `[data-passerelle-finding="${id}"]`;

test('shows the findings of a misconfigured delegation screen next to its fields, and follows the admin edits', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${CONSOLE}/delegation-table.html`);
  const ui = await closedUi(page);
  const after = (id: string) => ({ host: `#${id} + [data-passerelle-host]` });

  // The seed's Google-wrapped URL: an error, mounted right after the URL field, in a closed shadow root.
  await expect.poll(() => ui.attr(finding('cas-url-wrapped'), 'data-severity', after('GInterface_14_url'))).toBe('error');
  expect(await ui.text(finding('cas-url-wrapped'))).toContain('www.google.com');
  expect(await ui.text(`${finding('cas-url-wrapped')} code`)).toBe('https://cas.mon-ent-occitanie.fr');
  expect((await ui.find(`${finding('cas-url-wrapped')} button`, { name: 'Copier' }))[0]?.visible).toBe(true);
  // The page's own scripts see the hosts but no shadow root on any of them.
  const seen = await hostsAsPageSeesThem(page);
  expect(seen.hosts).toBeGreaterThan(0);
  expect(seen.withShadowRoot).toBe(0);

  await expect.poll(() => ui.attr(finding('racine-missing-pronote'), 'data-severity', after('GInterface_20_racine'))).toBe('warning');
  expect(await ui.attr(finding('base-not-published'), 'data-severity')).toBe('warning');
  expect(await ui.attr(finding('direct-url-login-true'), 'data-severity')).toBe('info');
  expect(await ui.text(`${finding('direct-url-login-true')} code`)).toBe('https://0310047h.index-education.net/Pronote/?login=true');

  // The admin pastes another project's URL, in http, with /login.
  await page.fill('#GInterface_14_url', 'http://cas.monbureaunumerique.fr/login');
  // Three problems that one address fixes: one finding, the most severe first, saying all three.
  await expect.poll(() => ui.text(finding('cas-url-not-https'))).toContain('Mon Bureau Numérique');
  expect(await ui.attr(finding('cas-url-not-https'), 'data-severity')).toBe('error');
  expect(await ui.text(finding('cas-url-not-https'))).toContain('/login');
  expect(await ui.count(`${finding('cas-url-other-project')}, ${finding('cas-url-not-base')}, ${finding('cas-url-wrapped')}`)).toBe(0);

  // Then fixes it, and the racine: the errors go, the page's fields keep what the admin typed.
  await page.fill('#GInterface_14_url', 'https://cas.mon-ent-occitanie.fr');
  await expect.poll(() => ui.count('[data-severity="error"]')).toBe(0);
  await page.fill('#GInterface_20_racine', 'Pronote');
  await expect.poll(() => ui.count(finding('racine-missing-pronote'))).toBe(0);
  expect(await ui.count(finding('base-not-published'))).toBe(1);
  await expect(page.locator('#GInterface_14_url')).toHaveValue('https://cas.mon-ent-occitanie.fr');
  await expect(page.locator('#GInterface_12_cb')).toBeChecked();

  // Unticking the delegation is read too.
  await page.uncheck('#GInterface_12_cb');
  await expect.poll(() => ui.attr(finding('cas-delegation-off'), 'data-severity')).toBe('warning');
  expect(await ui.count(finding('direct-url-login-true'))).toBe(0);
});

test('reads a screen drawn by script after load, and one changed after load', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${CONSOLE}/drawn-by-script.html`);
  const ui = await closedUi(page);
  await expect.poll(() => ui.count(finding('cas-delegation-off'))).toBe(1);
  await expect.poll(() => ui.text(finding('cas-attribute-name-unexpected'))).toContain('majuscules');

  await page.goto(`${CONSOLE}/changed-after-load.html`);
  // Once the script swaps the read-only values for fields, AEFE's URL under Ent Kosmos is an error.
  await expect.poll(() => ui.text(finding('cas-url-other-project'))).toContain('AEFE');
  expect(await ui.count(finding('base-not-published'))).toBe(1);
  await page.fill('input', 'https://cas.pdl.kosmoseducation.com');
  await expect.poll(() => ui.count(finding('cas-url-other-project'))).toBe(0);
});

test('a well-configured screen with label for shows only the direct URL', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${CONSOLE}/integration-label-for.html`);
  const ui = await closedUi(page);
  await expect.poll(() => ui.text(`${finding('direct-url-login-true')} code`)).toBe('https://0752536z.index-education.net/pronote/?login=true');
  expect(await ui.count('[data-passerelle-finding]')).toBe(1);
  await page.check('#m1');
  await expect.poll(() => ui.text(finding('recognition-mode-not-pronote-identity'))).toContain("Avec l'identité de l'utilisateur");
});

test('the Vérifications tab shows the open tab findings and checks values typed by hand', async ({ context, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${CONSOLE}/identification-divs.html`);
  const ui = await closedUi(page);
  await expect.poll(() => ui.count(finding('cas-url-not-https'))).toBe(1);
  const panel = await openSidePanel();
  await page.bringToFront();
  await panel.getByRole('tab', { name: 'Vérifications' }).click();
  await panel.getByRole('button', { name: 'Actualiser' }).click();
  const tab = panel.locator('#panel-checks section').first();
  await expect(tab.locator(finding('cas-url-not-https'))).toContainText('«\u202fMon Bureau Numérique\u202f»');
  await expect(tab.locator(finding('cas-url-not-https'))).toHaveCount(1);
  await expect(tab.locator(finding('recognition-mode-not-pronote-identity'))).toHaveAttribute('data-severity', 'info');

  const manual = panel.locator('#panel-checks section').nth(1);
  await panel.getByLabel('Délégation CAS').selectOption('on');
  await panel.getByLabel('Projet ENT').fill('Mon ENT Occitanie');
  await panel
    .getByLabel('URL du serveur CAS')
    .fill('https://www.google.com/url?q=https://cas.mon-ent-occitanie.fr&sa=D&source=hangouts&ust=1564500546330000&usg=AFQjCNGjhOh-VgFdPptoHMvHuLgpSAa3PQ');
  await expect(manual.locator(finding('cas-url-wrapped')).locator('code')).toHaveText('https://cas.mon-ent-occitanie.fr');
  await panel.getByLabel('URL du serveur CAS').fill('https://cas.mon-ent-occitanie.fr');
  await expect(manual.locator('[data-passerelle-finding]')).toHaveCount(0);
});

test.describe('on another Pronote.net admin page', () => {
  test.use({
    routes: [
      ((_req, res, url) => {
        if (url.hostname !== '0310047h.index-education.net' || url.pathname !== '/admin/cas.html') return false;
        // Built by the test: an admin page that is not the hosting console (the hosting helper's manifest script does not run here).
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            '<!doctype html><html lang="fr"><body><h1>Administration</h1>' +
              '<p><label><input type="checkbox" checked> Définir une délégation CAS</label></p>' +
              '<p><label for="u">URL du serveur CAS</label> <input id="u" value="http://cas.arsene76.fr/"></p></body></html>',
          );
        return true;
      }) satisfies Route,
    ],
  });

  test('"Activer sur cet onglet" turns the helper on for that tab', async ({ context, openSidePanel }) => {
    const { ui, panel } = await activateOnTab(context, openSidePanel, 'https://0310047h.index-education.net/admin/cas.html');
    await expect(panel.getByRole('status')).toHaveText('Activé\u202f: les vérifications s’affichent dans la page.');
    await expect.poll(() => ui.attr(finding('cas-url-not-https'), 'data-severity', { host: '#u + [data-passerelle-host]' })).toBe('error');
    await expect(panel.locator('#panel-checks section').first().locator(finding('cas-url-not-https'))).toHaveCount(1);
  });
});
