/**
 * Debian's Chromium with the built store extension loaded (TOOLING.md, "Browser tests"), the admin
 * pages' real host names sent to the local sites server: what the end-to-end fixtures and the store
 * screenshots (`scripts/store-screenshots.ts`) both launch. Playwright's library only, no test runner.
 */
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { extensionFlags } from '../../scripts/chromium-flags';
import type { SitesServer } from '../../scripts/sites-server';
import { E2E_HOSTS } from './hosts';

export const EXTENSION_DIR = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const SITES_DIR = resolve('test/fixtures/sites');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches Chromium headless with `EXTENSION_DIR` loaded, in browser language `lang` (`fr-FR`,
 * `en-GB`…: the UI language follows it), every host of `E2E_HOSTS` answered by `sites`.
 * `viewport` is the new pages' size in CSS px (Playwright's 1280×720 when not given).
 */
export async function launchWithExtension(sites: SitesServer, lang: string, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    ...(viewport ? { viewport, deviceScaleFactor: 1 } : {}),
    args: [...extensionFlags(EXTENSION_DIR), `--lang=${lang}`, '--no-sandbox', '--disable-gpu', '--disable-quic', ...sites.chromiumArgs(E2E_HOSTS)],
  });
}

/** The extension's id: the host of its background service worker's URL (waited for when not yet up). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  return new URL(worker.url()).host;
}

/** Opens the side panel page (`sidepanel.html`) as a tab of `context`. */
export async function openSidePanelTab(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return page;
}
