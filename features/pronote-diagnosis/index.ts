/**
 * Diagnostics on Pronote pages (PRODUCT.md §4): the known failure a hosted Pronote page shows
 * (`lib/diagnose/page`), explained on the page (`components/diagnostic/page-ui`), and the hint to
 * the direct access URL once CAS delegation is known to be on. No network call of its own:
 * delegation is known only from what this page shows (the CAS error, a CAS referrer) or from what
 * the background was told.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { casEvidence, diagnosePageText, pageAccess, readPageText } from '../../lib/diagnose/page';
import { mountDiagnosis, mountDirectUrlHint } from '../../components/diagnostic/page-ui';
import { send } from '../../components/runtime';
import { NO_EXAMPLES, detection } from '../detection';
import type { PageFeature } from '../feature';

const HOSTED = 'index-education.net';
const CONSOLE_HOST = `hebergement.${HOSTED}`;

/** A page of a Pronote hosted by Index Éducation; the hosting console has its own helper. */
export const isHostedPronote = detection(
  (url) => url.protocol === 'https:' && (url.hostname === HOSTED || url.hostname.endsWith(`.${HOSTED}`)) && url.hostname !== CONSOLE_HOST,
  import.meta.env.PROD
    ? NO_EXAMPLES
    : {
        yes: [
          'https://0310047h.index-education.net/pronote/',
          'https://0310047h.index-education.net/pronote/eleve.html?login=true',
          'https://0752536Z.index-education.net/pronote/mobile.parent.html',
        ],
        no: [
          'https://hebergement.index-education.net/',
          'http://0310047h.index-education.net/pronote/',
          'https://pronote.college-exemple.fr/pronote/',
          'https://0310047h.index-education.net.example.org/pronote/',
          'https://www.monbureaunumerique.fr/',
        ],
      },
);

/** Our own hosts change the page too; only the page's own changes are worth a new look. */
const OWN_HOSTS = '[data-passerelle-diagnosis],[data-passerelle-hint]';

export const pronoteDiagnosis = {
  name: 'pronote-diagnosis',
  matches: [`https://*.${HOSTED}/*`],
  excludeMatches: [`https://${CONSOLE_HOST}/*`],
  detect: isHostedPronote,
  read: readPageText,
  check: diagnosePageText,
  mount(doc: Document, ctx: ContentScriptContext) {
    const href = doc.location.href;
    const access = pageAccess(href);
    if (!access) return () => {};
    let diagnosed = '';
    let hinted = false;
    let casSent = false;

    const look = async () => {
      const text = readPageText(doc);
      const diagnosis = text === undefined ? undefined : diagnosePageText(text);
      if (diagnosis && diagnosis.id !== diagnosed) {
        diagnosed = diagnosis.id;
        mountDiagnosis(doc, diagnosis.id, diagnosis.recognition.casUrl);
      }
      const casHost = casEvidence(href, doc.referrer, diagnosis?.recognition.casUrl);
      if (casHost && !casSent) {
        casSent = true;
        await send('instance/cas-seen', { root: access.root, casHost }).catch(() => undefined);
      }
      if (!access.loginTrue && !hinted) {
        const known = await send('instance/cas-known', { root: access.root }).catch(() => ({ casOn: false }));
        if (known?.casOn && !hinted && ctx.isValid) {
          hinted = true;
          mountDirectUrlHint(doc, access.directUrl);
        }
      }
    };

    look();
    // Pronote builds its pages by script: the message may appear after document_idle.
    let pending = 0;
    const observer = new MutationObserver((records) => {
      if (records.every((r) => (r.target as Element).closest?.(OWN_HOSTS))) return;
      if (pending) return;
      pending = ctx.setTimeout(() => {
        pending = 0;
        look();
      }, 300);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.setTimeout(() => observer.disconnect(), 15_000);
    return () => observer.disconnect();
  },
} satisfies PageFeature<ReturnType<typeof readPageText>, string, ReturnType<typeof diagnosePageText>>;
