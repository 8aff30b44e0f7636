/**
 * Diagnostics on Pronote pages (PRODUCT.md §4): the known failure a hosted Pronote page shows,
 * judged by the background on the page's text (`instance/diagnose-page`, `lib/diagnose/page-failure`:
 * the knowledge base stays out of the content script, issue 18), explained on the page
 * (`components/diagnostic/page-ui`), and the hint to the direct access URL once CAS delegation is
 * known to be on. No network call of its own: delegation is known only from what this page shows
 * (the CAS error, a CAS referrer) or from what the background was told.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { casEvidence, pageAccess, readPageText } from '../../lib/diagnose/page';
import type { PageExplanation } from '../../lib/diagnose/page-failure';
import { isHostedPronotePage } from '../../lib/pronote/url';
import { mountDiagnosis, mountDirectUrlHint } from '../../components/diagnostic/page-ui';
import { type Lang, uiLang } from '../../components/i18n';
import { send } from '../../components/runtime';
import { NO_EXAMPLES, detection } from '../detection';
import type { PageFeature } from '../feature';

const HOSTED = 'index-education.net';
const CONSOLE_HOST = `hebergement.${HOSTED}`;

/** A page of a Pronote hosted by Index Éducation; the hosting console has its own helper. */
export const isHostedPronote = detection(
  isHostedPronotePage,
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

/**
 * The explanation, in `lang`, of the known failure the page's `text` shows, as the background
 * judges it; null when it shows none, or when the background refused or could not be reached.
 */
async function explain(text: string, lang: Lang): Promise<PageExplanation | null> {
  const answer = await send('instance/diagnose-page', { text, lang }).catch(() => null);
  return answer?.explanation ?? null;
}

/** Our own hosts change the page too; only the page's own changes are worth a new look. */
const OWN_HOSTS = '[data-passerelle-diagnosis],[data-passerelle-hint]';

export const pronoteDiagnosis = {
  name: 'pronote-diagnosis',
  matches: [`https://*.${HOSTED}/*`],
  excludeMatches: [`https://${CONSOLE_HOST}/*`],
  detect: isHostedPronote,
  read: readPageText,
  // The rules (`explainPageText`) run in the background, which holds the knowledge base.
  check: explain,
  mount(doc: Document, ctx: ContentScriptContext) {
    const href = doc.location.href;
    const access = pageAccess(href);
    if (!access) return () => {};
    const lang = uiLang();
    let diagnosed = '';
    let hinted = false;
    let casSent = false;
    // The page's text last judged, and what it showed: the same text is not sent again.
    let judged: string | undefined;
    let explanation: PageExplanation | undefined;

    const look = async () => {
      const text = readPageText(doc);
      if (text !== undefined && text !== judged) {
        judged = text;
        explanation = (await explain(text, lang)) ?? undefined;
        if (explanation && explanation.id !== diagnosed && ctx.isValid) {
          diagnosed = explanation.id;
          mountDiagnosis(doc, explanation, lang);
        }
      }
      const casHost = casEvidence(href, doc.referrer, explanation?.casUrl);
      if (casHost && !casSent) {
        casSent = true;
        await send('instance/cas-seen', { root: access.root, casHost }).catch(() => undefined);
      }
      if (!access.loginTrue && !hinted) {
        const known = await send('instance/cas-known', { root: access.root }).catch(() => ({ casOn: false }));
        if (known?.casOn && !hinted && ctx.isValid) {
          hinted = true;
          mountDirectUrlHint(doc, access.directUrl, lang);
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
} satisfies PageFeature<ReturnType<typeof readPageText>, string, ReturnType<typeof explain>>;
