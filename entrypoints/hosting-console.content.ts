import { send } from '../components/runtime';

// The hosting console helper (PRODUCT.md §1). Thin: read the page with lib/pages, check with
// lib/checks, mount the findings.
export default defineContentScript({
  matches: ['https://hebergement.index-education.net/*'],
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.passerelle = 'hosting-console';
    send('page/ready', { feature: 'hosting-console', url: location.href }).catch(() => {});
  },
});
