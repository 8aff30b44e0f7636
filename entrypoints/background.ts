import { browser } from 'wxt/browser';
import { type Handlers, dispatch } from '../lib/messages';
import type { Finding } from '../lib/checks/finding';
import { PasserelleDB } from '../lib/store/schema';
import { querySuggestions } from '../lib/store/suggestions';
import { latestForSchool, openRapprochement } from '../lib/store/rapprochements';
import { checkInstance, instanceTarget } from '../lib/diagnose/instance';

// Thin: opens the side panel and routes typed messages (lib/messages) between pages.
export default defineBackground(() => {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } })
    .chrome?.sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
    browser.action?.onClicked.addListener(() => {
      sidebar?.toggle().catch(() => {});
    });
  }

  const findingsByTab = new Map<number, { url: string; screen: string; findings: Finding[] }>();
  const casRoots = new Set<string>();
  let db: PasserelleDB | undefined;
  const store = () => (db ??= new PasserelleDB());

  const handlers: Handlers = {
    'page/ready': () => ({ ok: true }),
    'page/findings': (payload, sender) => {
      if (sender.tabId !== undefined) findingsByTab.set(sender.tabId, payload);
      return { ok: true };
    },
    'panel/get-findings': async ({ tabId }) => {
      const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      return id === undefined ? null : (findingsByTab.get(id) ?? null);
    },
    // Kept in session storage too: the service worker is stopped when idle, and the hint on Pronote
    // pages must survive that until the browser closes (never written to disk).
    'instance/cas-seen': async ({ root }) => {
      casRoots.add(root.toLowerCase());
      await browser.storage.session?.set({ [`cas-seen:${root.toLowerCase()}`]: true }).catch(() => {});
      return { ok: true };
    },
    'instance/cas-known': async ({ root }) => {
      const key = `cas-seen:${root.toLowerCase()}`;
      if (casRoots.has(root.toLowerCase())) return { casOn: true };
      const stored = await browser.storage.session?.get(key).catch(() => undefined);
      return { casOn: stored?.[key] === true };
    },
    // The ENT helper's suggestions, from the open (or latest) rapprochement of the school (lib/store).
    'suggestions/query': async (query) => ({ suggestions: await querySuggestions(store(), query) }),
    // The ENT helper's import-mode check needs the kind of export the rapprochement loaded.
    'rapprochement/loaded': async ({ uai }) => {
      const open = await openRapprochement(store());
      const wanted = uai?.trim().toUpperCase();
      const r = wanted && open?.uai !== wanted ? await latestForSchool(store(), wanted) : open;
      return r ? { uai: r.uai, exportKind: r.pronote?.exportKind } : null;
    },
    // The ENT helper's « Vérifier la version de Pronote » button: one instance check, on a click.
    'instance/version': async ({ url }) => {
      const target = instanceTarget(url);
      if (!target) return { state: 'not-pronote' };
      const check = await checkInstance(target, (u, init) => fetch(u, init));
      return { state: check.state, version: check.info?.version };
    },
  };

  browser.tabs.onRemoved.addListener((tabId) => findingsByTab.delete(tabId));
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(handlers, message, { tabId: sender.tab?.id, url: sender.url }),
  );
});
