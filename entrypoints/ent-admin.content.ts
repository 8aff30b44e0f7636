import { createSuggestionsMount } from '../components/ent-helper/suggestions';
import { createFindingsMount } from '../components/findings/mount';
import { watchPage } from '../components/findings/watch';
import { send } from '../components/runtime';
import { entWebDomains } from '../lib/catalogue';
import { checkEntAdmin } from '../lib/checks/ent-admin';
import type { Suggestion } from '../lib/messages';
import { entFieldElement, readEntAdmin } from '../lib/pages/ent-admin';
import type { ExportKind } from '../lib/person';

// The ENT admin helper (PRODUCT.md §2, issue 7). Thin: read the page with lib/pages, check with
// lib/checks, mount the findings and the import wizard's suggestions from components/. Runs on the
// ENT web domains of the catalogue, and anywhere the admin injects it for one tab (activeTab).
export default defineContentScript({
  matches: entWebDomains(),
  runAt: 'document_idle',
  main(ctx) {
    const root = document.documentElement;
    // Injected a second time on the same page (activeTab): the first copy already runs.
    if (root.dataset.passerelleEnt) return;
    root.dataset.passerelleEnt = 'on';
    const findings = createFindingsMount(document, { feature: 'ent-admin' });
    const suggestions = createSuggestionsMount(document);
    const asked = new Map<string, Promise<Suggestion | null>>();
    let fileKind: ExportKind | undefined;
    let contextAsked = false;

    const suggestionFor = (uai: string | undefined, a: { lastName: string; firstName: string; className?: string }) => {
      const key = `${uai ?? ''}|${a.lastName}|${a.firstName}|${a.className ?? ''}`;
      let p = asked.get(key);
      if (!p) {
        p = send('suggestions/query', { uai, names: [{ lastName: a.lastName, firstName: a.firstName, className: a.className }] })
          .then((r) => r.suggestions[0] ?? null)
          .catch(() => null)
          .then((s) => {
            // No answer yet (no rapprochement run): ask again on the next look.
            if (!s) asked.delete(key);
            return s;
          });
        asked.set(key, p);
      }
      return p;
    };

    const run = async () => {
      const snap = readEntAdmin(document);
      if (snap.import?.mode && !contextAsked) {
        contextAsked = true;
        const loaded = await send('rapprochement/loaded', { uai: snap.import.uai }).catch(() => null);
        fileKind = loaded?.exportKind;
      }
      const list = checkEntAdmin(snap, { date: new Date(), fileKind });
      findings.update(list, (field) => entFieldElement(snap, field));
      if (snap.screens.length) {
        send('page/findings', { url: location.href, screen: `ent-${snap.screens.join('+')}`, findings: list }).catch(() => {});
      }
      const rows = snap.import?.unrecognised ?? [];
      const answers = await Promise.all(rows.map((a) => suggestionFor(snap.import?.uai, a)));
      if (ctx.isValid) suggestions.update(rows.map((account, i) => ({ account, suggestion: answers[i] })));
    };

    run();
    const stop = watchPage(document, () => void run());
    ctx.onInvalidated(() => {
      stop();
      findings.destroy();
      suggestions.destroy();
    });
  },
});
