/**
 * The steps as a worklist, one account for one person, and the category-aware search (issue 14,
 * "Done when": the GARCIA case, the cross-category search, a step opening on its worklist), on the
 * store build with the bundled sample. Screenshots of the panel at 360 and 600 px go to
 * $PASSERELLE_SHOTS (default: the temporary folder's passerelle-shots/): dialog open, search with
 * categories, worklist.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { runSampleRapprochement } from './sample-rapprochement';

const ACCOUNT = '2255967';
/** Outside test-results/, which Playwright empties on each run. */
const SHOTS = process.env.PASSERELLE_SHOTS ?? join(tmpdir(), 'passerelle-shots');

async function shots(panel: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [360, 600]) {
    await panel.setViewportSize({ width, height: 900 });
    await panel.screenshot({ path: join(SHOTS, `wb-${name}-${width}.png`) });
  }
  await panel.setViewportSize({ width: 600, height: 900 });
}

/** The candidate `account` of the detail, and its "Confirmer" button. */
const confirmOn = (detail: Locator, account: string) => detail.locator('.wb-candidates li', { hasText: account }).getByRole('button', { name: 'Confirmer' });

test('GARCIA: the second confirmation of one account names its holder; keep leaves the first, move the second; the exports hold it once', async ({
  openSidePanel,
}) => {
  test.setTimeout(180_000);
  const panel = await runSampleRapprochement(openSidePanel);
  await panel.setViewportSize({ width: 600, height: 900 });
  const tab = panel.locator('#panel-rapprochement');
  const detail = tab.locator('.wb-detail');
  const filters = tab.locator('.wb-filters');

  // The step opens on its worklist, and the detail shows a person of that list
  await expect(filters.getByRole('button', { name: /^À traiter/ })).toHaveAttribute('aria-pressed', 'true');
  const current = tab.locator('.wb-row[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current.locator('.wb-row-name')).toContainText((await detail.locator('h3').textContent())?.split(' ')[0] ?? '');
  await shots(panel, 'worklist');

  await filters.getByRole('button', { name: /^À confirmer/ }).click();
  const garcias = tab.locator('.wb-row', { hasText: 'GARCIA Mathis' });
  await expect(garcias).toHaveCount(2);

  // The first GARCIA Mathis: confirmed on the account
  await garcias.nth(0).click();
  const firstId = /identifiant Pronote (\S+)/.exec((await detail.locator('.wb-hint').first().textContent()) ?? '')![1];
  await confirmOn(detail, ACCOUNT).click();
  await expect(detail.locator('.wb-badge').first()).toHaveText('confirmé');
  // "Suivant" takes the focus after a decision
  await expect(tab.getByRole('button', { name: 'Suivant' })).toBeFocused();

  // The second: the same account is refused, in a dialog naming the holder
  await garcias.nth(1).click();
  const secondId = /identifiant Pronote (\S+)/.exec((await detail.locator('.wb-hint').first().textContent()) ?? '')![1];
  expect(secondId).not.toBe(firstId);
  await confirmOn(detail, ACCOUNT).click();
  const dialog = panel.getByRole('dialog', { name: 'Compte ENT déjà attribué' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(ACCOUNT);
  await expect(dialog.getByTestId('wb-holder-name')).toHaveText('GARCIA Mathis');
  await expect(dialog).toContainText('Enseignants');
  await expect(dialog).toContainText('1 «\u202fEnseignants\u202f» (à faire)');
  // The focus is held in the dialog (Garder first: the choice that changes nothing)
  await expect(dialog.getByRole('button', { name: 'Garder' })).toBeFocused();
  await panel.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Déplacer le compte' })).toBeFocused();
  await shots(panel, 'taken-dialog');
  // Escape closes it: nothing changed
  await panel.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Keep: the first holds the account, the second has no decision
  await confirmOn(detail, ACCOUNT).click();
  await dialog.getByRole('button', { name: 'Garder' }).click();
  await expect(tab.getByTestId('wb-notice')).toContainText(`Choix abandonné\u202f: GARCIA Mathis garde le compte ${ACCOUNT}.`);
  await expect(detail.locator('.wb-badge').first()).toHaveText('à confirmer');
  await expect(garcias.nth(0)).toContainText('confirmé');

  // Move: the second holds it, the first goes back to the people to handle
  await confirmOn(detail, ACCOUNT).click();
  await dialog.getByRole('button', { name: 'Déplacer le compte' }).click();
  await expect(tab.getByTestId('wb-notice')).toContainText(`Compte ${ACCOUNT} déplacé\u202f: GARCIA Mathis revient parmi les personnes à traiter.`);
  await expect(detail.locator('.wb-badge').first()).toHaveText('confirmé');
  await expect(garcias.nth(0)).toContainText('compte déplacé vers une autre personne');

  // Validating with people left asks first, with the count
  await tab.getByRole('button', { name: 'Valider l’étape «\u202fEnseignants\u202f»' }).click();
  const ask = panel.getByRole('dialog', { name: 'Valider l’étape «\u202fEnseignants\u202f»\u202f?' });
  await expect(ask).toContainText(/Il reste \d+ personnes? à traiter/);
  await ask.getByRole('button', { name: 'Valider quand même' }).click();
  await expect(panel.locator('.wb-step-title')).toContainText('Étape 2\u202f: Élèves');
  // The next step opens on its own worklist, not on the previous step's filter
  await expect(filters.getByRole('button', { name: /^À traiter/ })).toHaveAttribute('aria-pressed', 'true');

  // Results: the account is held once in both exports, by the second GARCIA Mathis
  await tab.getByRole('button', { name: 'Annuler l’import' }).click();
  await panel.getByRole('dialog').getByRole('button', { name: 'Oui, annuler' }).click();
  await expect(tab.getByRole('heading', { name: 'Résultats du rapprochement' })).toBeVisible();
  const [csvDownload] = await Promise.all([
    panel.waitForEvent('download'),
    tab.getByRole('button', { name: 'Télécharger les décisions (pour l’an prochain)' }).click(),
  ]);
  const rows = Papa.parse<Record<string, string>>(readFileSync((await csvDownload.path())!, 'utf8').trim(), { header: true }).data;
  const holding = rows.filter((r) => r.ent_id === ACCOUNT && ['auto', 'confirmed', 'manual'].includes(r.decision));
  expect(holding.map((r) => [r.pronote_id, r.decision])).toEqual([[secondId, 'confirmed']]);
  expect(rows.find((r) => r.pronote_id === firstId)?.decision).toBe('rejected');
  const [ssoDownload] = await Promise.all([
    panel.waitForEvent('download'),
    tab.getByRole('button', { name: 'Télécharger le fichier RapprochementSSO' }).click(),
  ]);
  const xml = readFileSync((await ssoDownload.path())!, 'utf8');
  expect(xml.split(`ID_Partenaire="${ACCOUNT}"`).length - 1).toBe(1);
});

test('the manual search lists the step’s own category first, labelled; guardians only when asked, with a warning', async ({ openSidePanel }) => {
  test.setTimeout(180_000);
  const panel = await runSampleRapprochement(openSidePanel);
  await panel.setViewportSize({ width: 600, height: 900 });
  const tab = panel.locator('#panel-rapprochement');
  await tab
    .locator('.wb-stepbar')
    .getByRole('button', { name: /Élèves/ })
    .click();
  await expect(panel.locator('.wb-step-title')).toContainText('Étape 2\u202f: Élèves');
  const filters = tab.locator('.wb-filters');
  await expect(filters.getByRole('button', { name: /^À traiter/ })).toHaveAttribute('aria-pressed', 'true');
  await filters.getByRole('button', { name: /^Non reconnus/ }).click();
  await tab.locator('.wb-row').first().click();
  const detail = tab.locator('.wb-detail');
  await expect(detail.locator('.wb-badge').first()).toHaveText('non reconnu');

  await detail.getByLabel('Rechercher dans l’annuaire').fill('fontaine');
  const hits = detail.locator('.wb-hits li');
  await expect(hits.first()).toBeVisible();
  await expect(detail).toContainText('Recherche parmi les élèves.');
  const own = await hits.count();
  expect(own).toBeGreaterThan(0);
  // Only students, each labelled, none crossing
  for (let i = 0; i < own; i++) await expect(hits.nth(i).locator('.wb-cat')).toHaveText('Élèves');
  await expect(detail.locator('.wb-cross')).toHaveCount(0);

  // The explicit choice: the other categories come after the students, each with its warning
  const others = detail.getByLabel(/^Chercher aussi parmi les /);
  await expect(others).toHaveAccessibleName(/responsables/);
  await others.check();
  await expect(hits).not.toHaveCount(own);
  const all = await hits.count();
  const cats = await hits.locator('.wb-cat').allTextContents();
  expect(cats.slice(0, own).every((c) => c === 'Élèves')).toBe(true);
  expect(cats.slice(own)).toContain('Responsables');
  expect(cats.slice(own).every((c) => c !== 'Élèves')).toBe(true);
  const guardian = hits.filter({ has: panel.locator('.wb-cat', { hasText: 'Responsables' }) }).first();
  await expect(guardian.locator('.wb-cross')).toContainText(
    'Compte «\u202fResponsables\u202f», une autre catégorie que l’étape\u202f: un tel rapprochement est presque toujours une erreur.',
  );
  expect(await detail.locator('.wb-cross').count()).toBe(all - own);
  await guardian.scrollIntoViewIfNeeded();
  await shots(panel, 'search-categories');
});
