import { casEvidence, diagnosePage, pageAccess } from '../lib/diagnose/page';
import { mountDiagnosis, mountDirectUrlHint } from '../components/diagnostic/page-ui';
import { send } from '../components/runtime';

// Diagnostics on Pronote pages (PRODUCT.md §4). Thin: read the page with lib/diagnose, mount the UI
// from components/diagnostic. No network call of its own: delegation is known only from what this
// page shows (the CAS error, a CAS referrer) or from what the background was told.
export default defineContentScript({
  matches: ['https://*.index-education.net/*'],
  // The hosting console has its own helper.
  excludeMatches: ['https://hebergement.index-education.net/*'],
  runAt: 'document_idle',
  main(ctx) {
    const access = pageAccess(location.href);
    if (!access) return;
    let diagnosed = '';
    let hinted = false;
    let casSent = false;

    const look = async () => {
      const diagnosis = diagnosePage(document);
      if (diagnosis && diagnosis.id !== diagnosed) {
        diagnosed = diagnosis.id;
        mountDiagnosis(document, diagnosis.id, diagnosis.recognition.casUrl);
      }
      const casHost = casEvidence(location.href, document.referrer, diagnosis?.recognition.casUrl);
      if (casHost && !casSent) {
        casSent = true;
        await send('instance/cas-seen', { root: access.root, casHost }).catch(() => undefined);
      }
      if (!access.loginTrue && !hinted) {
        const known = await send('instance/cas-known', { root: access.root }).catch(() => ({ casOn: false }));
        if (known?.casOn && !hinted && ctx.isValid) {
          hinted = true;
          mountDirectUrlHint(document, access.directUrl);
        }
      }
    };

    look();
    // Pronote builds its pages by script: the message may appear after document_idle.
    let pending = 0;
    const observer = new MutationObserver((records) => {
      // Our own hosts change the page too; only the page's own changes are worth a new look.
      if (records.every((r) => (r.target as Element).closest?.('[data-passerelle-diagnosis],[data-passerelle-hint]'))) return;
      if (pending) return;
      pending = ctx.setTimeout(() => {
        pending = 0;
        look();
      }, 300);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.setTimeout(() => observer.disconnect(), 15_000);
    ctx.onInvalidated(() => observer.disconnect());
  },
});
