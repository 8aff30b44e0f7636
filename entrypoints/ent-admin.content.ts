import { startEntHelper } from '../components/ent-helper/helper';
import { send } from '../components/runtime';
import { entWebDomains } from '../lib/catalogue';

// The ENT admin helper (PRODUCT.md §2, issue 7). Thin: components/ent-helper reads the page
// (lib/pages), checks it (lib/checks) and shows findings and suggestions; this script only wires it
// to the background. Runs on the ENT web domains of the catalogue, and wherever the admin injects
// it for one tab (« Activer sur cet onglet », activeTab + scripting).
export default defineContentScript({
  matches: entWebDomains(),
  runAt: 'document_idle',
  main(ctx) {
    // Injected again on the same page (« Activer sur cet onglet » twice, or over the manifest's
    // copy): the copies share this isolated world, so the newest replaces the one before.
    const world = globalThis as { passerelleEntStop?: () => void };
    world.passerelleEntStop?.();
    document.documentElement.dataset.passerelleEnt = 'on';
    const stop = startEntHelper(document, {
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
    ctx.onInvalidated(() => {
      if (world.passerelleEntStop !== stop) return;
      stop();
      world.passerelleEntStop = undefined;
    });
  },
});
