/**
 * The hosting console helper on a page (PRODUCT.md §1): read the page (lib/pages), check it
 * (lib/checks), show the findings next to the fields (components/findings), and run again when
 * the page changes. The content scripts only call `startHostingHelper` and publish.
 */
import type { Finding } from '../../lib/checks/finding';
import { checkHosting } from '../../lib/checks/hosting';
import { type HostingField, readHostingConsole } from '../../lib/pages';
import type { Lang } from '../i18n';
import { createFindingsMount } from '../findings/mount';
import { watchPage } from '../findings/watch';

export interface HostingHelperResult {
  url: string;
  /** The screens recognised, joined with `+` (`cas-delegation+publication`), or `none`. */
  screen: string;
  findings: Finding[];
}

export interface HostingHelperOptions {
  lang?: Lang;
  debounceMs?: number;
  /** Called after each run with what the page shows (the content script sends it to the background). */
  publish?: (result: HostingHelperResult) => void;
}

/** A field without an element of its own shows next to a related one, else in the panel. */
const FALLBACK: Partial<Record<HostingField, HostingField[]>> = {
  pronoteUrl: ['delegation', 'casUrl'],
  attributeName: ['recognitionMode'],
  casUrl: ['project', 'delegation'],
};

/**
 * Starts the helper on `doc`: one run now, then one after each burst of changes. Returns a
 * function that stops it and removes what it showed. Never changes the page's controls.
 */
export function startHostingHelper(doc: Document, options: HostingHelperOptions = {}): () => void {
  const mount = createFindingsMount(doc, { lang: options.lang, feature: 'hosting-console' });
  let last = '';
  const run = () => {
    const snapshot = readHostingConsole(doc);
    const findings = snapshot.screens.length ? checkHosting(snapshot.settings) : [];
    mount.update(findings, (field) => {
      for (const f of [field as HostingField, ...(FALLBACK[field as HostingField] ?? [])]) {
        const el = snapshot.elements[f];
        if (el) return el;
      }
      return undefined;
    });
    const result: HostingHelperResult = {
      url: doc.location?.href ?? '',
      screen: snapshot.screens.join('+') || 'none',
      findings,
    };
    const key = JSON.stringify(result);
    if (key !== last) {
      last = key;
      options.publish?.(result);
    }
  };
  run();
  const stop = watchPage(doc, run, { debounceMs: options.debounceMs });
  return () => {
    stop();
    mount.destroy();
  };
}
