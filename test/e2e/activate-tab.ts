/**
 * « Activer sur cet onglet » from the side panel, on a page outside the catalogue: what the hosting
 * console and ENT admin tests share before they check their own findings.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { type ClosedUi, closedUi } from './closed-ui';
import { expect } from './fixtures';

/**
 * Opens `url` in a new tab, checks that no finding shows there by itself (half a second), then
 * opens the side panel and clicks « Activer sur cet onglet » in its Vérifications tab.
 * Returns the page, its closed UI and the panel.
 */
export async function activateOnTab(
  context: BrowserContext,
  openSidePanel: () => Promise<Page>,
  url: string,
): Promise<{ page: Page; ui: ClosedUi; panel: Page }> {
  const page = await context.newPage();
  await page.goto(url);
  const ui = await closedUi(page);
  await page.waitForTimeout(500);
  expect(await ui.count('[data-passerelle-finding]')).toBe(0);
  const panel = await openSidePanel();
  await page.bringToFront();
  await panel.getByRole('tab', { name: 'Vérifications' }).click();
  await panel.getByRole('button', { name: 'Activer sur cet onglet' }).click();
  return { page, ui, panel };
}
