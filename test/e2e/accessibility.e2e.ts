/**
 * Issue 18 point 7, "Done when": axe-core (WCAG 2.2 AA) on every screen of the side panel, on the
 * store build — the three tabs, the rapprochement's start and mapping screens, the six steps, the
 * results, the confirmation dialogs (cancel, taken account, validate, delete all), the diagnostic
 * with an explanation shown — failing on any serious or critical violation; and the keyboard
 * behaviour axe cannot see: a `main` landmark, the step's list as one Tab stop moved with the arrow
 * keys, the list before the detail, dialogs that hold the focus, close on Escape and give it back to
 * their opener.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generate } from '../../scripts/generator';
import { aafFiles } from '../../scripts/generator/write-aaf';
import { writeFiles } from '../../scripts/generator/write-files';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { opaqueExportText } from './opaque-export';
import { runSampleRapprochement, startRapprochement } from './sample-rapprochement';

/** Each screen checked at the panel's narrowest and widest (target sizes and reflow differ). */
const WIDTHS = [360, 600];

/** Runs axe on `screen` at each width; the violations found are added to `found`. */
async function audit(panel: Page, screen: string, found: string[]): Promise<void> {
  for (const width of WIDTHS) {
    await panel.setViewportSize({ width, height: 900 });
    found.push(...(await seriousViolations(panel, `${screen} @${width}`)));
  }
}

const report = (found: string[]) => `${found.length} serious or critical violation(s):\n${found.join('\n')}`;

test('the three tabs, the start screen and the diagnostic with an explanation have no serious violation', async ({ openSidePanel }) => {
  const panel = await openSidePanel();
  const found: string[] = [];
  await expect(panel.getByRole('main')).toHaveCount(1);
  await expect(panel.getByRole('button', { name: 'Commencer le rapprochement' })).toBeVisible();
  await audit(panel, 'rapprochement: no rapprochement yet', found);

  const tab = panel.locator('#panel-rapprochement');
  await tab.getByLabel('UAI (RNE) de l’établissement').fill('0482409H');
  await tab.getByLabel('Nom de l’établissement').fill('Collège Jean-Moulin');
  await tab.getByRole('button', { name: 'Commencer le rapprochement' }).click();
  await expect(tab.getByTestId('wb-pronote-file')).toBeAttached();
  await audit(panel, 'rapprochement: start screen', found);

  await panel.getByRole('tab', { name: 'Vérifications' }).click();
  await expect(panel.locator('#panel-checks')).toBeVisible();
  await audit(panel, 'checks tab', found);

  await panel.getByRole('tab', { name: 'Diagnostic' }).click();
  await audit(panel, 'diagnostic tab', found);
  await panel
    .getByLabel(/Collez le message d’erreur/)
    .fill('Echec de l authentification par le serveur CAS https://cas.ent27.fr : Le serveur CAS doit etre configure pour renvoyer un attribut "idPronote".');
  await panel.getByRole('button', { name: 'Expliquer' }).click();
  await expect(panel.locator('#panel-diagnostic [data-failure="idpronote-missing"]')).toBeVisible();
  await audit(panel, 'diagnostic: explanation shown', found);
  expect(found, report(found)).toEqual([]);
});

test('the mapping screen of an export with an unknown field has no serious violation', async ({ openSidePanel }) => {
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'passerelle-a11y-'));
  try {
    // The links test's export: guardian links under a name no synonym knows bring the mapping screen.
    const g = generate({ seed: 4, students: 30 });
    const [opaque] = writeFiles(work, [{ name: 'opaque.xml', chunks: () => [opaqueExportText(g)] }, ...aafFiles(g.directory)]);
    const { panel, tab } = await startRapprochement(openSidePanel, { uai: '0310047H', name: 'Collège Zola' });
    await tab.getByTestId('wb-pronote-file').setInputFiles(opaque.path);
    await expect(tab.getByTestId('wb-unused-fields')).toContainText('Foyer', { timeout: 60_000 });
    await expect(tab.locator('.wb-mapping')).toBeVisible();
    const found: string[] = [];
    await audit(panel, 'mapping screen', found);
    expect(found, report(found)).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the six steps, the dialogs and the results have no serious violation; list, detail and dialogs work with the keyboard', async ({ openSidePanel }) => {
  test.setTimeout(300_000);
  const panel = await runSampleRapprochement(openSidePanel);
  await panel.setViewportSize({ width: 600, height: 900 });
  const tab = panel.locator('#panel-rapprochement');
  const found: string[] = [];
  const rows = tab.locator('.wb-row');

  // The list is one Tab stop: one row in the tab order, the arrow keys move the focus and the detail.
  await expect(tab.locator('.wb-row[tabindex="0"]')).toHaveCount(1);
  await tab.locator('.wb-row[tabindex="0"]').focus();
  // Rows are told apart by id: two rows of the sample bear the same name and birth date (GARCIA Mathis).
  const focusedRow = () => panel.evaluate(() => document.activeElement?.closest('.wb-row')?.id ?? null);
  const focusedName = () => panel.evaluate(() => document.activeElement?.closest('.wb-row')?.querySelector('.wb-row-name')?.textContent ?? '');
  const first = await focusedRow();
  expect(first).not.toBeNull();
  await panel.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).not.toBe(first);
  const second = await focusedRow();
  await expect(tab.locator('.wb-row[aria-current="true"]')).toHaveId(second!);
  await expect(tab.locator('.wb-row[tabindex="0"]')).toHaveId(second!);
  await panel.keyboard.press('ArrowUp');
  await expect.poll(focusedRow).toBe(first);
  // End reaches the last person of a virtualised list (rendered and scrolled to), Home the first.
  await tab.locator('.wb-filters').getByRole('button', { name: /^Tous/ }).click();
  const everyone = Number(/\((\d+)\)/.exec((await tab.locator('.wb-filters').getByRole('button', { name: /^Tous/ }).textContent()) ?? '')?.[1]);
  expect(everyone).toBeGreaterThan(20);
  // Still one Tab stop after the filter changed, though the selected row may lie outside the rendered rows.
  await expect(tab.locator('.wb-row[tabindex="0"]')).toHaveCount(1);
  await tab.locator('.wb-row[tabindex="0"]').focus();
  await panel.keyboard.press('End');
  await expect.poll(focusedRow).toBe(`wb-row-${everyone - 1}`);
  await expect(tab.locator('.wb-row[aria-current="true"]')).toHaveId(`wb-row-${everyone - 1}`);
  await expect(tab.locator(`#wb-row-${everyone - 1}`)).toBeInViewport();
  await panel.keyboard.press('Home');
  await expect.poll(focusedRow).toBe('wb-row-0');
  await expect(tab.locator('#wb-row-0')).toBeInViewport();
  // The detail follows the row; Tab leaves the list at once (no stop on the other rows).
  await expect(tab.locator('.wb-detail h3')).toContainText((await focusedName()).split(' ')[0]);
  await panel.keyboard.press('Tab');
  expect(await focusedRow()).toBeNull();
  // The list comes before the detail, in the document and so in the tab order.
  expect(
    await panel.evaluate(
      () => !!(document.querySelector('.wb-list')!.compareDocumentPosition(document.querySelector('.wb-detail')!) & Node.DOCUMENT_POSITION_FOLLOWING),
    ),
  ).toBe(true);

  // Each of the six steps, with a row of its list focused where it has people.
  const bar = tab.locator('.wb-stepbar');
  const steps = ['Enseignants', 'Élèves', 'Responsables', 'Maîtres de stage', 'Inspecteurs pédagogiques', 'Personnels'];
  for (const [i, name] of steps.entries()) {
    await bar.getByRole('button', { name: new RegExp(name) }).click();
    await expect(panel.locator('.wb-step-title')).toContainText(`Étape ${i + 1}\u202f: ${name}`);
    await expect(tab.locator('.wb-filters')).toBeVisible();
    if ((await rows.count()) > 0) await tab.locator('.wb-row[tabindex="0"]').focus();
    await audit(panel, `step ${i + 1} (${name})`, found);
  }

  // A confirmation dialog: holds the focus, Escape closes it, the focus goes back to its opener.
  const cancel = tab.getByRole('button', { name: 'Annuler l’import' });
  await cancel.click();
  const ask = panel.getByRole('dialog', { name: 'Annuler l’import' });
  await expect(ask).toBeVisible();
  await expect(panel.locator('dialog[open]')).toHaveCount(1);
  await audit(panel, 'cancel dialog', found);
  for (let i = 0; i < 4; i++) {
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
  }
  await panel.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(cancel).toBeFocused();

  // The taken dialog (the account of the first GARCIA Mathis confirmed for the second).
  await bar.getByRole('button', { name: /Enseignants/ }).click();
  await tab
    .locator('.wb-filters')
    .getByRole('button', { name: /^À confirmer/ })
    .click();
  const garcias = tab.locator('.wb-row', { hasText: 'GARCIA Mathis' });
  const confirm = () => tab.locator('.wb-detail .wb-candidates li', { hasText: '2255967' }).getByRole('button', { name: 'Confirmer' });
  await garcias.nth(0).click();
  await confirm().click();
  await garcias.nth(1).click();
  await confirm().click();
  const taken = panel.getByRole('dialog', { name: 'Compte ENT déjà attribué' });
  await expect(taken).toBeVisible();
  await audit(panel, 'taken dialog', found);
  await taken.getByRole('button', { name: 'Garder' }).click();
  await expect(taken).toBeHidden();

  // The validation dialog, then the results.
  await tab.getByRole('button', { name: 'Valider l’étape «\u202fEnseignants\u202f»' }).click();
  const validate = panel.getByRole('dialog', { name: /^Valider l’étape/ });
  await expect(validate).toBeVisible();
  await audit(panel, 'validate dialog', found);
  await validate.getByRole('button', { name: 'Valider quand même' }).click();
  await expect(panel.locator('.wb-step-title')).toContainText('Étape 2');
  await cancel.click();
  await ask.getByRole('button', { name: 'Oui, annuler' }).click();
  await expect(tab.getByRole('heading', { name: 'Résultats du rapprochement' })).toBeVisible();
  await audit(panel, 'results', found);

  // "Supprimer toutes les données": a modal dialog too, opening on the choice that deletes nothing.
  const erase = tab.getByRole('button', { name: 'Supprimer toutes les données' });
  await erase.click();
  const asked = panel.getByRole('dialog', { name: 'Supprimer toutes les données' });
  await expect(asked).toBeVisible();
  await expect(asked.getByRole('button', { name: 'Non, garder' })).toBeFocused();
  await audit(panel, 'delete dialog', found);
  await panel.keyboard.press('Escape');
  await expect(asked).toBeHidden();
  await expect(erase).toBeFocused();
  await expect(tab.getByRole('heading', { name: 'Résultats du rapprochement' })).toBeVisible();
  expect(found, report(found)).toEqual([]);
});
