/**
 * Re-runs a page helper when the admin changes a field or the page redraws a screen (DOMAIN.md:
 * the admin screens are drawn by script). Listens to `input` and `change` and observes the DOM,
 * ignoring Passerelle's own insertions so that showing findings never triggers a new run.
 */
import { isOwnNode } from './mount';

export interface WatchOptions {
  /** Delay in ms that groups a burst of changes into one run. Default 150. */
  debounceMs?: number;
}

/** Calls `run` after each burst of changes in `doc`; returns a function that stops watching. */
export function watchPage(doc: Document, run: () => void, options: WatchOptions = {}): () => void {
  const delay = options.debounceMs ?? 150;
  const win = doc.defaultView!;
  let timer: number | undefined;
  let wait = delay;
  const schedule = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      timer = undefined;
      const started = performance.now();
      run();
      // A page that keeps changing must not keep the helper busy: wait at least five times as
      // long as a run takes before the next one.
      wait = Math.max(delay, 5 * (performance.now() - started));
    }, wait);
  };
  const onEvent = (e: Event) => {
    if (e.target && isOwnNode(e.target as Node)) return;
    schedule();
  };
  doc.addEventListener('input', onEvent, true);
  doc.addEventListener('change', onEvent, true);
  doc.addEventListener('click', onEvent, true);
  const observer = new win.MutationObserver((records) => {
    const relevant = records.some((r) => {
      if (isOwnNode(r.target)) return false;
      if (r.type !== 'childList') return true;
      const nodes = [...r.addedNodes, ...r.removedNodes];
      // Removed nodes are detached: recognise Passerelle's hosts by their attribute.
      return nodes.some((n) => !(n.nodeType === 1 && (n as Element).hasAttribute('data-passerelle-host')) && !isOwnNode(n));
    });
    if (relevant) schedule();
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  return () => {
    if (timer !== undefined) win.clearTimeout(timer);
    doc.removeEventListener('input', onEvent, true);
    doc.removeEventListener('change', onEvent, true);
    doc.removeEventListener('click', onEvent, true);
    observer.disconnect();
  };
}
