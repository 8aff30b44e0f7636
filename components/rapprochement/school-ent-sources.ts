/**
 * The browser side of the « ENT de l'établissement » proposals (components/rapprochement/SchoolEntPanel).
 */
import { browser } from 'wxt/browser';
import { instanceTarget } from '../../lib/diagnose/instance';
import { send } from '../runtime';
import type { SchoolEntSources } from './SchoolEntPanel';

export const browserSchoolEntSources: SchoolEntSources = {
  activeTabHost: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Readable only where Passerelle holds the host (catalogue) or was given the tab (activeTab).
    return tab?.url && /^https:\/\//.test(tab.url) ? new URL(tab.url).hostname : undefined;
  },
  casHost: async (uai) => {
    const root = instanceTarget(uai)?.root;
    return root ? (await send('instance/cas-host', { root }))?.casHost : undefined;
  },
};
