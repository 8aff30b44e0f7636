/**
 * Loads a reconstructed hosting-console page of `test/fixtures/sites` into its own happy-dom
 * window. `run: true` executes the page's own scripts (our fixtures only) and waits for its timers,
 * so that screens drawn or changed after load can be read as the content script would.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

export const CONSOLE_DIR = 'test/fixtures/sites/hebergement.index-education.net/console';

export interface LoadedPage {
  window: Window;
  document: Document;
  /** Runs the page's pending timers (scripts drawing or changing the screen). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export function loadConsolePage(file: string, { run = false } = {}): LoadedPage {
  const window = new Window({
    url: `https://hebergement.index-education.net/console/${file}`,
    settings: { enableJavaScriptEvaluation: run, suppressInsecureJavaScriptEnvironmentWarning: true } as never,
  });
  window.document.write(readFileSync(`${CONSOLE_DIR}/${file}`, 'utf8'));
  // happy-dom 21 ignores <option selected> in document.write() (it selects the second option);
  // a browser's parser selects the marked one: do what the parser would.
  for (const select of window.document.querySelectorAll('select')) {
    const marked = [...select.options].findIndex((o) => o.hasAttribute('selected'));
    if (marked >= 0) select.selectedIndex = marked;
  }
  return {
    window,
    document: window.document as unknown as Document,
    settle: () => window.happyDOM.waitUntilComplete(),
    close: () => window.happyDOM.close(),
  };
}
