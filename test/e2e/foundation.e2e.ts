import { expect, test } from './fixtures';

test('the side panel renders in French with its three tabs, usable with the keyboard', async ({ openSidePanel }) => {
  const panel = await openSidePanel();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'fr');
  const tabs = panel.getByRole('tab');
  await expect(tabs).toHaveText(['Rapprochement', 'Vérifications', 'Diagnostic']);
  await tabs.first().focus();
  await panel.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'Vérifications' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tab', { name: 'Vérifications' })).toBeFocused();
  await expect(panel.locator('#panel-checks')).toBeVisible();
});

test('a content script runs on the hosting console served under its real host name', async ({ context, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const page = await context.newPage();
  await page.goto('https://hebergement.index-education.net/');
  await expect(page.locator('h1')).toHaveText("Console d'hébergement");
  await expect(page.locator('html')).toHaveAttribute('data-passerelle', 'hosting-console');
});

test.describe('in English', () => {
  test.use({ lang: 'en-GB' });
  test('the side panel follows the browser language', async ({ openSidePanel }) => {
    const panel = await openSidePanel();
    await expect(panel.getByRole('tab')).toHaveText(['Account pairing', 'Checks', 'Diagnostics']);
  });
});
