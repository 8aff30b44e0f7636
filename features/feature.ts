/**
 * A page feature declared in one file (the model is refined-github's `features.add`): where it runs
 * (`matches`, and `detect` with its example URLs), how it reads the page (`read`: Document → values
 * and the elements they came from), how the values are judged (`check`, pure rules of `lib/checks`
 * or `lib/diagnose`), and what it shows (`mount`). `defineFeatureContentScript` turns it into the
 * WXT content script, so that each `entrypoints/*.content.ts` is one line.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Detection } from './detection';

export interface PageFeature<Reading, Snapshot, Result> {
  /** The feature's name, as the side panel and the page's `data-passerelle` marks know it. */
  name: string;
  /** Match patterns of the manifest's content script (WXT reads them at build time). */
  matches: string[];
  excludeMatches?: string[];
  /** The pages the feature is declared for, as a pure URL test with its examples; agrees with `matches`. */
  detect: Detection;
  /** Reads the page: the values for the rules, and apart from them the elements to show findings next to. */
  read(doc: Document): Reading;
  /**
   * The rules over the values only (no element ever reaches them); facts the page does not show
   * (today, the export loaded in the side panel…) come as further parameters.
   */
  check(snapshot: Snapshot, ...context: never[]): Result;
  /** Starts the feature on the page; returns the function that removes what it showed. */
  mount(doc: Document, ctx: ContentScriptContext): () => void;
}

/** The WXT content script of `feature`: its matches, run once the page is idle, `mount` as main. */
// biome-ignore lint/suspicious/noExplicitAny: the feature's own types do not matter to the manifest.
export function defineFeatureContentScript(feature: PageFeature<any, any, any>) {
  return defineContentScript({
    matches: feature.matches,
    ...(feature.excludeMatches ? { excludeMatches: feature.excludeMatches } : {}),
    runAt: 'document_idle',
    main(ctx) {
      const stop = feature.mount(document, ctx);
      ctx.onInvalidated(stop);
    },
  });
}
