/**
 * First use (issue 18, points 9 and 10): the welcome on first open, closed for good; the import
 * mode that follows the loaded file while unset, and the one-click « Suivre le conseil » once the
 * admin chose otherwise; the demo's landing page and its instance check. Screenshots at 360 and
 * 600 px in /tmp/shots-first/ (FIRST_USE_SHOTS overrides the folder).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_LANDING, demoInstanceRoute } from '../../scripts/demo-instance';
import { expect, test } from './fixtures';
import { checkInstance } from './instance-check';

const SHOTS = process.env.FIRST_USE_SHOTS ?? '/tmp/shots-first';
mkdirSync(SHOTS, { recursive: true });

for (const width of [360, 600]) {
  test(`the welcome at ${width} px: on first open, closed, not back after a reload`, async ({ openSidePanel, context }) => {
    const panel = await openSidePanel();
    await panel.setViewportSize({ width, height: 700 });
    const welcome = panel.getByRole('region', { name: 'Bienvenue dans Passerelle' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('listitem')).toHaveCount(3);
    await expect(welcome).toContainText('Aucune donnée personnelle ne quitte cet ordinateur');
    await panel.screenshot({ path: `${SHOTS}/welcome-${width}.png` });

    // The privacy policy opens from the link, in a tab of its own, without the network.
    const [policy] = await Promise.all([context.waitForEvent('page'), welcome.getByRole('link', { name: 'Politique de confidentialité' }).click()]);
    await expect(policy.getByRole('heading', { level: 2, name: 'En français' })).toBeVisible();
    await expect(policy.locator('main')).toContainText('Passerelle n’envoie aucune donnée personnelle');
    await policy.close();

    await welcome.getByRole('button', { name: 'J’ai compris' }).click();
    await expect(welcome).toHaveCount(0);
    await expect(panel.getByRole('tab', { name: 'Rapprochement' })).toBeFocused();
    await panel.reload();
    await expect(panel.getByRole('tab', { name: 'Rapprochement' })).toBeVisible();
    await panel.waitForTimeout(300);
    await expect(panel.getByRole('region', { name: 'Bienvenue dans Passerelle' })).toHaveCount(0);
  });

  test(`the import mode at ${width} px: follows the full export, then the advice in one click`, async ({ openSidePanel }) => {
    const panel = await openSidePanel();
    await panel.setViewportSize({ width, height: 900 });
    await panel.getByRole('button', { name: 'J’ai compris' }).click();
    const tab = panel.locator('#panel-rapprochement');
    const mode = tab.getByRole('group', { name: 'Mode d’import dans l’ENT' });
    await tab.getByLabel('UAI (RNE) de l’établissement').fill('0482409H');
    await tab.getByRole('button', { name: 'Commencer le rapprochement' }).click();
    // December, no file yet: partiel is advised and taken, nothing to follow.
    await expect(mode.getByRole('radio', { name: 'partiel' })).toBeChecked();
    await expect(tab.locator('[data-mode-differs]')).toHaveCount(0);

    // A full export: the unset choice follows the file.
    await tab.getByTestId('wb-pronote-file').setInputFiles(resolve('sample/pronote-export.xml'));
    await expect(tab.getByTestId('wb-pronote-summary')).toContainText('Export de tous les utilisateurs', { timeout: 60_000 });
    await expect(mode.getByRole('radio', { name: 'complet' })).toBeChecked();
    await expect(mode.locator('[data-mode-reason="file-all-users"]')).toHaveText(
      'Conseillé\u202f: mode complet, car le fichier Pronote chargé contient tous les utilisateurs.',
    );

    // The admin's own choice stays, and the advice is offered beside it and on the file's card.
    await mode.getByRole('radio', { name: 'partiel' }).check();
    await expect(mode.getByRole('radio', { name: 'partiel' })).toBeChecked();
    const onCard = tab.locator('[data-mode-differs="file"]');
    await expect(onCard).toContainText('Mode choisi\u202f: partiel. Mode conseillé\u202f: complet.');
    await expect(mode.locator('[data-mode-differs="choice"]')).toBeVisible();
    await mode.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/import-mode-${width}.png` });
    await onCard.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/import-mode-card-${width}.png` });

    // A reload keeps the admin's choice: nothing overwrites it silently.
    await panel.reload();
    await expect(mode.getByRole('radio', { name: 'partiel' })).toBeChecked({ timeout: 30_000 });
    await tab.locator('[data-mode-differs="file"]').getByRole('button', { name: 'Suivre le conseil\u202f: mode complet' }).click();
    await expect(mode.getByRole('radio', { name: 'complet' })).toBeChecked();
    await expect(tab.locator('[data-mode-differs]')).toHaveCount(0);
    await panel.reload();
    await expect(mode.getByRole('radio', { name: 'complet' })).toBeChecked({ timeout: 30_000 });
  });
}

test.describe('the demo', () => {
  test.use({ routes: [demoInstanceRoute] });

  test('its landing page links the demo screens, and the instance check succeeds for its school', async ({ context, openSidePanel }) => {
    const page = await context.newPage();
    await page.goto(DEMO_LANDING);
    const demo = page.locator('#demo');
    await expect(demo.getByRole('link')).toHaveCount(17);
    // No helper reads the landing page as an admin screen.
    await page.waitForTimeout(500);
    await expect(page.locator('[data-passerelle-host]')).toHaveCount(0);
    await expect(page.locator('html')).not.toHaveAttribute('data-passerelle', /./);
    await page.setViewportSize({ width: 600, height: 1100 });
    await page.screenshot({ path: `${SHOTS}/demo-landing-600.png`, fullPage: true });
    await demo.getByRole('link', { name: 'Import des identifiants du Collège Jean-Moulin' }).click();
    await expect(page.locator('h1')).toHaveText('Importer les identifiants Pronote');
    // The console's home, once a bare heading with a dead link, leads to its screen and back here.
    await page.goto('https://hebergement.index-education.net/');
    await page.getByRole('link', { name: "Déléguer l'authentification" }).click();
    await expect(page).toHaveURL(/\/console\/delegation-table\.html$/);
    await page.goBack();
    await page.getByRole('link', { name: 'Toutes les pages de la démonstration' }).click();
    await expect(page).toHaveURL(DEMO_LANDING);

    const panel = await openSidePanel();
    const result = await checkInstance(panel, '0310047H');
    await expect(result.locator('[data-fact="school"]')).toHaveText('COLLEGE JEAN JAURES');
    await expect(result.locator('[data-fact="project"]')).toHaveText('Mon Bureau Numérique');
    await checkInstance(panel, '0752536Z', 'not-published');
  });
});
