/**
 * The hosting console helper (PRODUCT.md §1): on Index Éducation's hosting console, read the CAS
 * delegation screens (`lib/pages/hosting-console`), judge them (`lib/checks/hosting`) and show the
 * findings next to the fields. Declared for the console; the same bundle is injected on demand on
 * other Pronote.net admin pages (« Activer sur cet onglet », `components/checks/activate-tab.ts`).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkHosting } from '../../lib/checks/hosting';
import { type HostingAnchors, type HostingField, type HostingSnapshot, readHostingConsole } from '../../lib/pages';
import { type FindingsOptions, type FindingsPage, startFindings } from '../../components/findings/run';
import { send } from '../../components/runtime';
import { NO_EXAMPLES, detection } from '../detection';
import type { PageFeature } from '../feature';

const CONSOLE_HOST = 'hebergement.index-education.net';

/** Index Éducation's hosting console, any page of it. */
export const isHostingConsole = detection(
  (url) => url.protocol === 'https:' && url.hostname === CONSOLE_HOST,
  import.meta.env.PROD
    ? NO_EXAMPLES
    : {
        yes: [
          'https://hebergement.index-education.net/',
          'https://hebergement.index-education.net/espace-client/index.php?page=delegation',
          'https://HEBERGEMENT.index-education.net/publication#cas',
        ],
        no: [
          // A hosted Pronote, not the console: the diagnosis runs there.
          'https://0310047h.index-education.net/pronote/',
          'https://www.index-education.com/fr/pronote-hebergement.php',
          'http://hebergement.index-education.net/',
          'https://hebergement.index-education.net.example.org/',
          'not a url',
        ],
      },
);

/** A field without an element of its own shows next to a related one, else in the panel. */
const FALLBACK: Partial<Record<HostingField, HostingField[]>> = {
  pronoteUrl: ['delegation', 'casUrl'],
  attributeName: ['recognitionMode'],
  casUrl: ['project', 'delegation'],
};

const page: FindingsPage<HostingSnapshot, HostingAnchors> = {
  name: 'hosting-console',
  read: readHostingConsole,
  check: (snapshot) => (snapshot.screens.length ? checkHosting(snapshot.settings) : []),
  screens: (snapshot) => snapshot.screens,
  anchor(anchors, field) {
    for (const f of [field as HostingField, ...(FALLBACK[field as HostingField] ?? [])]) {
      if (anchors[f]) return anchors[f];
    }
    return undefined;
  },
};

/** Starts the helper on `doc` (tests call it without a browser); returns the function that stops it. */
export function startHostingHelper(doc: Document, options: FindingsOptions = {}): () => void {
  return startFindings(doc, page, options);
}

export const hostingConsole = {
  ...page,
  matches: [`https://${CONSOLE_HOST}/*`],
  detect: isHostingConsole,
  mount(doc: Document, _ctx: ContentScriptContext) {
    // Injected again on the same page (« Activer sur cet onglet » over the manifest's copy): the
    // first copy keeps running. Its stop is not tied to the context, because the newer copy's
    // context invalidates the older one (WXT) while this guard stops the newer one.
    const root = doc.documentElement;
    if (root.dataset.passerelleHosting) return () => {};
    root.dataset.passerelleHosting = 'on';
    if (isHostingConsole(doc.location.href)) root.dataset.passerelle = 'hosting-console';
    send('page/ready', { feature: 'hosting-console', url: doc.location.href }).catch(() => {});
    startHostingHelper(doc, { publish: (result) => void send('page/findings', result).catch(() => {}) });
    return () => {};
  },
} satisfies PageFeature<ReturnType<typeof readHostingConsole>, HostingSnapshot, ReturnType<typeof checkHosting>>;
