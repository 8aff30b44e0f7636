/**
 * "Activer sur cet onglet": injects the hosting helper into the active tab, for Pronote.net admin
 * pages other than the hosting console (PRODUCT.md §1). Uses `activeTab` (granted when the user
 * opened Passerelle from that tab) and `scripting`; asks for no host permission.
 */
import { browser } from 'wxt/browser';

/** The bundle of `features/hosting-console` (its entrypoint): declared for the hosting console, injected here elsewhere. */
export const HOSTING_HELPER_SCRIPT = '/content-scripts/hosting-console.js';

/**
 * The ENT admin helper (`features/ent-admin`, issue 7), turned on by the same button
 * for ENT sites outside the catalogue: each helper shows only the screens it recognises.
 */
export const ENT_HELPER_SCRIPT = '/content-scripts/ent-admin.js';

/** Injects the helper into the active tab of the current window. Throws with the browser's reason. */
export async function activateOnActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [HOSTING_HELPER_SCRIPT, ENT_HELPER_SCRIPT] });
}
