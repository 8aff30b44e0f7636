import { startHostingHelper } from '../components/checks/hosting-helper';
import { send } from '../components/runtime';

// The hosting console helper (PRODUCT.md §1). Thin: components/checks/hosting-helper reads the
// page with lib/pages, checks it with lib/checks and shows the findings; this script publishes them.
// Declared for the hosting console; the same file is injected on demand on other Pronote.net admin
// pages ("Activer sur cet onglet", components/checks/activate-tab.ts), hence the run-once guard.
export default defineContentScript({
  matches: ['https://hebergement.index-education.net/*'],
  runAt: 'document_idle',
  main() {
    const root = document.documentElement;
    if (root.dataset.passerelleHosting) return;
    root.dataset.passerelleHosting = 'on';
    if (location.hostname === 'hebergement.index-education.net') root.dataset.passerelle = 'hosting-console';
    send('page/ready', { feature: 'hosting-console', url: location.href }).catch(() => {});
    startHostingHelper(document, {
      publish: (result) => {
        send('page/findings', result).catch(() => {});
      },
    });
  },
});
