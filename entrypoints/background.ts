import { browser } from 'wxt/browser';
import { type Handlers, type Sender, dispatch } from '../lib/messages';
import { checkMessage } from '../lib/message-schemas';
import type { Finding } from '../lib/checks/finding';
import { PasserelleDB } from '../lib/store/schema';
import { marksFor, revealFor } from '../lib/store/school-ent';
import { latestForSchool, openRapprochement } from '../lib/store/lifecycle';
import { checkInstance, instanceTarget } from '../lib/diagnose/instance';
import { explainPageText } from '../lib/diagnose/page-failure';

// Thin: opens the side panel and routes typed messages (lib/messages) between pages.
export default defineBackground(() => {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
    browser.action?.onClicked.addListener(() => {
      sidebar?.toggle().catch(() => {});
    });
  }

  const findingsByTab = new Map<number, { url: string; screen: string; findings: Finding[] }>();
  // Pronote root (lower case) → the CAS host its delegation redirects to.
  const casRoots = new Map<string, string>();
  // The latest refusals (type and reason, never a payload), for support and the end-to-end tests.
  const refusals: { type: string; reason: string }[] = [];
  (globalThis as { passerelleRefusals?: typeof refusals }).passerelleRefusals = refusals;
  const logRefusal = (type: string, reason: string) => {
    refusals.push({ type, reason });
    if (refusals.length > 50) refusals.shift();
    console.warn(`Passerelle: message ${type} refused (${reason})`);
  };
  const hostOf = (sender: Sender) => {
    try {
      return new URL(sender.url ?? '').hostname;
    } catch {
      return '';
    }
  };
  const sameOrigin = (a: string, b: string | undefined) => {
    try {
      return new URL(a).origin === new URL(b ?? '').origin;
    } catch {
      return false;
    }
  };
  const extensionBase = browser.runtime.getURL('/');
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
    // A Pronote page may speak only for its own origin (a page cannot mark another school's instance).
    'instance/cas-seen': async ({ root, casHost }, sender) => {
      if (!sender.extensionPage && !sameOrigin(root, sender.url)) {
        logRefusal('instance/cas-seen', 'root of another origin than the page');
        return { ok: true };
      }
      const host = casHost.toLowerCase();
      casRoots.set(root.toLowerCase(), host);
      await browser.storage.session?.set({ [`cas-seen:${root.toLowerCase()}`]: host }).catch(() => {});
      return { ok: true };
    },
    'instance/cas-known': async ({ root }) => {
      const key = `cas-seen:${root.toLowerCase()}`;
      if (casRoots.has(root.toLowerCase())) return { casOn: true };
      const stored = await browser.storage.session?.get(key).catch(() => undefined);
      return { casOn: stored?.[key] !== undefined };
    },
    // The Pronote page's text is judged here and forgotten: the content script stays thin (issue 18).
    'instance/diagnose-page': ({ text, lang }) => ({ explanation: explainPageText(text, lang) ?? null }),
    // The ENT helper's marks and, on the admin's click, one suggestion: only the open rapprochement's
    // school, only on a host of its ENT project (lib/store/school-ent, issue 16).
    'suggestions/marks': ({ uai, rows }, sender) => marksFor(store(), uai, hostOf(sender), rows),
    'suggestions/reveal': ({ uai, row }, sender) => revealFor(store(), uai, hostOf(sender), row),
    'instance/cas-host': async ({ root }) => {
      const key = `cas-seen:${root.toLowerCase()}`;
      const stored = await browser.storage.session?.get(key).catch(() => undefined);
      const value = stored?.[key] ?? casRoots.get(root.toLowerCase());
      return typeof value === 'string' && value ? { casHost: value } : {};
    },
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
  // Every message is checked (sender and payload, lib/message-schemas) before its handler runs;
  // a refused one is answered with null and logged here, never thrown at the page.
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(
      handlers,
      message,
      {
        tabId: sender.tab?.id,
        url: sender.url,
        extensionPage: sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionBase),
      },
      checkMessage,
      logRefusal,
    ),
  );
});
