/**
 * The sample school's rapprochement run in the real side panel with the sample files, and the
 * confirmation of its ENT project: what the import-wizard tests need first, and what the store
 * screenshots show (`scripts/store-screenshots.ts`). Labels come from the UI catalogues in `lang`
 * (French unless told), so the same steps drive an English panel.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Lang } from '../../components/i18n';
import { formatNumber } from '../../lib/core/format';
import { uiText as t } from './ui-text';
import { expect } from './fixtures';

/**
 * Opens the side panel (at `width` × `height` px when a width is given, 900 high by default) and
 * starts a rapprochement for school `uai` named `name`; returns the panel and its Rapprochement tab,
 * on the files screen. `lang` is the panel's UI language (the browser's).
 */
export async function startRapprochement(
  openSidePanel: () => Promise<Page>,
  school: { uai: string; name: string; width?: number; height?: number } = { uai: '0482409H', name: 'Collège Jean-Moulin' },
  lang: Lang = 'fr',
): Promise<{ panel: Page; tab: Locator }> {
  const panel = await openSidePanel();
  if (school.width) await panel.setViewportSize({ width: school.width, height: school.height ?? 900 });
  const tab = panel.locator('#panel-rapprochement');
  await tab.getByLabel(t('wbUai', [], lang)).fill(school.uai);
  await tab.getByLabel(t('wbSchoolName', [], lang)).fill(school.name);
  await tab.getByRole('button', { name: t('wbStart', [], lang) }).click();
  return { panel, tab };
}

/**
 * Runs the Collège Jean-Moulin (0482409H) rapprochement; returns the side panel (first step shown).
 * `beforeRun` sees the start screen with both sides read, before the pairing; `lang` as above.
 */
export async function runSampleRapprochement(openSidePanel: () => Promise<Page>, beforeRun?: (panel: Page) => Promise<void>, lang: Lang = 'fr'): Promise<Page> {
  const { panel, tab } = await startRapprochement(openSidePanel, undefined, lang);
  await tab.getByTestId('wb-pronote-file').setInputFiles(resolve('sample/pronote-export.xml'));
  // The summary's first words, before its colon.
  const allUsers = t('wbExportKind_all_users', [], lang).split(/\u202f?:/)[0];
  await expect(tab.getByTestId('wb-pronote-summary')).toContainText(allUsers, { timeout: 60_000 });
  const aaf = readdirSync(resolve('sample/aaf')).map((f) => resolve('sample/aaf', f));
  await tab.getByTestId('wb-directory-file').setInputFiles(aaf);
  const filesRead = t('wbFilesRead', [formatNumber(aaf.length, lang)], lang).replace(/\u202f?:$/, '');
  await expect(tab.getByTestId('wb-directory-summary')).toContainText(filesRead, { timeout: 60_000 });
  await beforeRun?.(panel);
  await tab.getByRole('button', { name: t('wbRunPairing', [], lang) }).click();
  const firstStep = t('wbStepTitle', ['1', t('wbCat_teacher', [], lang)], lang);
  await expect(panel.locator('.wb-step-title')).toContainText(firstStep, { timeout: 60_000 });
  return panel;
}

/** In the side panel: « ENT de l'établissement » set to catalogue project `projectId`, confirmed (`lang` as above). */
export async function confirmSchoolEnt(panel: Page, projectId: string, lang: Lang = 'fr'): Promise<void> {
  const section = panel.locator('.wb-school-ent');
  await section.getByLabel(t('wbSchoolEntProject', [], lang)).selectOption(projectId);
  await section.getByRole('button', { name: t('wbSchoolEntConfirm', [], lang) }).click();
  await expect(panel.locator(`.wb-school-ent[data-school-ent="${projectId}"]`)).toBeVisible();
}
