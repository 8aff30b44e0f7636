/**
 * Playwright fixtures: the built store extension (`.output/chrome-mv3`) in Debian's Chromium,
 * with the admin pages of `test/fixtures/sites` served over HTTPS under their real host names.
 */
import { type BrowserContext, chromium, test as base, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { type Route, type SitesServer, startSitesServer } from '../../scripts/sites-server';
import { E2E_HOSTS } from './hosts';

export const EXTENSION_DIR = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const SITES_DIR = resolve('test/fixtures/sites');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Fixtures {
  /** Dynamic answers of the local server, tried before the static files. */
  routes: Route[];
  /** Browser language (`fr` by default). */
  lang: string;
  sites: SitesServer;
  context: BrowserContext;
  extensionId: string;
  /** Opens the side panel page as a tab. */
  openSidePanel: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  routes: [[], { option: true }],
  lang: ['fr-FR', { option: true }],
  sites: async ({ routes }, use) => {
    const server = await startSitesServer(SITES_DIR, routes);
    await use(server);
    await server.close();
  },
  context: async ({ sites, lang }, use) => {
    const context = await chromium.launchPersistentContext('', {
      executablePath: CHROMIUM,
      headless: true,
      locale: lang,
      ignoreHTTPSErrors: true,
      acceptDownloads: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        `--lang=${lang}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...sites.chromiumArgs(E2E_HOSTS),
      ],
    });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker');
    await use(new URL(worker.url()).host);
  },
  openSidePanel: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    });
  },
});

export { expect } from '@playwright/test';
