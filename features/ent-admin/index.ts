/**
 * The ENT admin helper (PRODUCT.md §2, issue 7): on the ENT web domains of the catalogue, read the
 * ENT admin screens (`lib/pages/ent-admin`), judge them (`lib/checks/ent-admin`), show the
 * findings, and mark the accounts the import wizard did not recognise (`components/ent-helper`).
 * Also injected by « Activer sur cet onglet » on ENT sites outside the catalogue.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { entWebDomains, isEntWebHost } from '../../lib/catalogue';
import { checkEntAdmin } from '../../lib/checks/ent-admin';
import { readEntAdmin } from '../../lib/pages/ent-admin';
import { startEntHelper } from '../../components/ent-helper/helper';
import { send } from '../../components/runtime';
import { NO_EXAMPLES, detection } from '../detection';
import type { PageFeature } from '../feature';

/** A page of one of the catalogue's ENT (its web domains, retired projects left out). */
export const isEntAdmin = detection(
  (url) => url.protocol === 'https:' && isEntWebHost(url.hostname),
  import.meta.env.PROD
    ? NO_EXAMPLES
    : {
        yes: [
          'https://www.monbureaunumerique.fr/',
          'https://clg-exemple.monbureaunumerique.fr/admin/services/pronote',
          'https://clg-exemple.mon-ent-occitanie.fr/adm/import-identifiants',
          'https://monbureaunumerique.fr/',
          'https://ent.iledefrance.fr/directory/admin-console',
        ],
        no: [
          'https://0310047h.index-education.net/pronote/',
          'https://hebergement.index-education.net/',
          'http://clg-exemple.monbureaunumerique.fr/',
          'https://monbureaunumerique.fr.example.org/',
          'https://pronote.college-exemple.fr/pronote/',
        ],
      },
);

type EntWorld = { passerelleEntStop?: () => void };

export const entAdmin = {
  name: 'ent-admin',
  matches: entWebDomains(),
  detect: isEntAdmin,
  read: readEntAdmin,
  check: checkEntAdmin,
  mount(doc: Document, _ctx: ContentScriptContext) {
    // Injected again on the same page (« Activer sur cet onglet » twice, or over the manifest's
    // copy): the copies share this isolated world, so the newest replaces the one before.
    const world = globalThis as EntWorld;
    world.passerelleEntStop?.();
    doc.documentElement.dataset.passerelleEnt = 'on';
    const stop = startEntHelper(doc, entAdmin, {
      marks: async (uai, rows) => {
        const answer = await send('suggestions/marks', { uai, rows });
        return !answer ? { refused: 'no-rapprochement' } : 'refused' in answer ? answer : answer.marks;
      },
      reveal: async (uai, row) => {
        const answer = await send('suggestions/reveal', { uai, row });
        return answer && 'suggestion' in answer ? answer.suggestion : null;
      },
      loadedExportKind: async (uai) => (await send('rapprochement/loaded', { uai }))?.exportKind,
      pronoteVersion: async (url) => (await send('instance/version', { url }))?.version,
      publish: (result) => {
        if (result.screen !== 'none') send('page/findings', result).catch(() => {});
      },
    });
    world.passerelleEntStop = stop;
    return () => {
      if (world.passerelleEntStop !== stop) return;
      stop();
      world.passerelleEntStop = undefined;
    };
  },
} satisfies PageFeature<ReturnType<typeof readEntAdmin>, Parameters<typeof checkEntAdmin>[0], ReturnType<typeof checkEntAdmin>>;
