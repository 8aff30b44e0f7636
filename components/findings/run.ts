/**
 * A page feature's findings on its page: read the page, judge the values, show each finding next
 * to the element its field was read from (`mount.tsx`), and run again when the page changes
 * (`watch.ts`). The feature (`features/<name>/index.ts`) gives the reading, the rules and the
 * element of each field; this loop is the same for every feature that only shows findings.
 */
import type { Finding } from '../../lib/checks/finding';
import type { Reading } from '../../lib/pages/reading';
import type { Lang } from '../i18n';
import { createFindingsMount } from './mount';
import { watchPage } from './watch';

/** What the side panel is told after each run (`page/findings`). */
export interface FindingsResult {
  url: string;
  /** The screens recognised, joined with `+` (`cas-delegation+publication`), or `none`. */
  screen: string;
  findings: Finding[];
}

/** The parts of a feature the loop needs. */
export interface FindingsPage<Snapshot, Anchors> {
  name: string;
  read(doc: Document): Reading<Snapshot, Anchors>;
  check(snapshot: Snapshot): Finding[];
  /** The screens a snapshot shows (empty when the page is none of the feature's). */
  screens(snapshot: Snapshot): string[];
  /** The element next to which a finding on `field` shows; undefined puts it in the page's panel. */
  anchor(anchors: Anchors, field: string): Element | undefined;
}

export interface FindingsOptions {
  lang?: Lang;
  debounceMs?: number;
  /** Called after each run whose result differs from the last (the content script sends it on). */
  publish?: (result: FindingsResult) => void;
}

/**
 * Starts `page` on `doc`: one run now, then one after each burst of changes. Returns a function
 * that stops it and removes what it showed. Never changes the page's controls.
 */
export function startFindings<S, A>(doc: Document, page: FindingsPage<S, A>, options: FindingsOptions = {}): () => void {
  const mount = createFindingsMount(doc, { lang: options.lang, feature: page.name });
  let last = '';
  const run = () => {
    const { snapshot, anchors } = page.read(doc);
    const findings = page.check(snapshot);
    mount.update(findings, (field) => page.anchor(anchors, field));
    const result: FindingsResult = { url: doc.location?.href ?? '', screen: page.screens(snapshot).join('+') || 'none', findings };
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
