import { startHostingHelper } from '../components/checks/hosting-helper';
import { send } from '../components/runtime';

// The hosting console helper injected on demand ("Activer sur cet onglet" in the Vérifications
// tab, through activeTab + scripting) on other Pronote.net admin pages (PRODUCT.md §1). Not in the
// manifest's content scripts; `matches` only repeats a host the extension already holds.
export default defineContentScript({
  matches: ['https://hebergement.index-education.net/*'],
  registration: 'runtime',
  main() {
    const root = document.documentElement;
    // Once per page, whichever of the two scripts came first.
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
