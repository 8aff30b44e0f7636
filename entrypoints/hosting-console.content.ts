import { startHostingHelper } from '../components/checks/hosting-helper';
import { send } from '../components/runtime';

// The hosting console helper (PRODUCT.md §1). Thin: components/checks/hosting-helper reads the
// page with lib/pages, checks it with lib/checks and shows the findings; this script publishes them.
export default defineContentScript({
  matches: ['https://hebergement.index-education.net/*'],
  runAt: 'document_idle',
  main() {
    const root = document.documentElement;
    root.dataset.passerelle = 'hosting-console';
    // The same helper may also be injected at runtime (hosting-helper.content.ts): run once.
    if (root.dataset.passerelleHosting) return;
    root.dataset.passerelleHosting = 'on';
    send('page/ready', { feature: 'hosting-console', url: location.href }).catch(() => {});
    startHostingHelper(document, {
      publish: (result) => {
        send('page/findings', result).catch(() => {});
      },
    });
  },
});
