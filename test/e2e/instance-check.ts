/** The Diagnostic tab's instance check, as an admin runs it from the side panel. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Opens the Diagnostic tab, types `input` (a Pronote address or a UAI) and clicks « Vérifier »;
 * returns the result shown, once it is in state `state` (`ok`, `not-published`, …).
 */
export async function checkInstance(panel: Page, input: string, state = 'ok'): Promise<Locator> {
  await panel.getByRole('tab', { name: 'Diagnostic' }).click();
  await panel.getByLabel('Adresse de Pronote ou UAI (RNE) de l’établissement').fill(input);
  await panel.getByRole('button', { name: 'Vérifier' }).click();
  const result = panel.locator(`[data-instance-state="${state}"]`);
  await expect(result).toBeVisible();
  return result;
}
