/**
 * Playwright fixtures: the built store extension (`.output/chrome-mv3`) in Debian's Chromium,
 * with the admin pages of `test/fixtures/sites` served over HTTPS under their real host names.
 */
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { type Route, type SitesServer, startSitesServer } from '../../scripts/sites-server';
import { extensionIdOf, launchWithExtension, openSidePanelTab, SITES_DIR } from './browser';

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
    const context = await launchWithExtension(sites, lang);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  openSidePanel: async ({ context, extensionId }, use) => {
    await use(() => openSidePanelTab(context, extensionId));
  },
});

export { expect } from '@playwright/test';
