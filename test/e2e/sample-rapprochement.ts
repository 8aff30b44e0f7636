/**
 * The sample school's rapprochement run in the real side panel with the sample files, and the
 * confirmation of its ENT project: what the import-wizard tests need first.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Opens the side panel (at `width` × `height` px when a width is given, 900 high by default) and
 * starts a rapprochement for school `uai` named `name`; returns the panel and its Rapprochement tab,
 * on the files screen.
 */
export async function startRapprochement(
  openSidePanel: () => Promise<Page>,
  school: { uai: string; name: string; width?: number; height?: number } = { uai: '0482409H', name: 'Collège Jean-Moulin' },
): Promise<{ panel: Page; tab: Locator }> {
  const panel = await openSidePanel();
  if (school.width) await panel.setViewportSize({ width: school.width, height: school.height ?? 900 });
  const tab = panel.locator('#panel-rapprochement');
  await tab.getByLabel('UAI (RNE) de l’établissement').fill(school.uai);
  await tab.getByLabel('Nom de l’établissement').fill(school.name);
  await tab.getByRole('button', { name: 'Commencer le rapprochement' }).click();
  return { panel, tab };
}

/**
 * Runs the Collège Jean-Moulin (0482409H) rapprochement; returns the side panel (first step shown).
 * `beforeRun` sees the start screen with both sides read, before the pairing.
 */
export async function runSampleRapprochement(openSidePanel: () => Promise<Page>, beforeRun?: (panel: Page) => Promise<void>): Promise<Page> {
  const { panel, tab } = await startRapprochement(openSidePanel);
  await tab.getByTestId('wb-pronote-file').setInputFiles(resolve('sample/pronote-export.xml'));
  await expect(tab.getByTestId('wb-pronote-summary')).toContainText('Export de tous les utilisateurs', { timeout: 60_000 });
  const aaf = readdirSync(resolve('sample/aaf')).map((f) => resolve('sample/aaf', f));
  await tab.getByTestId('wb-directory-file').setInputFiles(aaf);
  await expect(tab.getByTestId('wb-directory-summary')).toContainText(`Fichiers lus (${aaf.length})`, { timeout: 60_000 });
  await beforeRun?.(panel);
  await tab.getByRole('button', { name: 'Lancer le rapprochement' }).click();
  await expect(panel.locator('.wb-step-title')).toContainText('Étape 1\u202f: Enseignants', { timeout: 60_000 });
  return panel;
}

/** In the side panel: « ENT de l'établissement » set to catalogue project `projectId`, confirmed. */
export async function confirmSchoolEnt(panel: Page, projectId: string): Promise<void> {
  const section = panel.locator('.wb-school-ent');
  await section.getByLabel('Projet ENT').selectOption(projectId);
  await section.getByRole('button', { name: 'Confirmer l’ENT de l’établissement' }).click();
  await expect(panel.locator(`.wb-school-ent[data-school-ent="${projectId}"]`)).toBeVisible();
}
