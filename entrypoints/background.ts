import { browser } from 'wxt/browser';
import { type Handlers, dispatch } from '../lib/messages';
import type { Finding } from '../lib/checks/finding';

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
    'instance/cas-seen': ({ root }) => {
      casRoots.add(root.toLowerCase());
      return { ok: true };
    },
    'instance/cas-known': ({ root }) => ({ casOn: casRoots.has(root.toLowerCase()) }),
  };

  browser.tabs.onRemoved.addListener((tabId) => findingsByTab.delete(tabId));
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(handlers, message, { tabId: sender.tab?.id, url: sender.url }),
  );
});
