/**
 * The Chromium flags every launch of the unpacked extension shares (end-to-end tests and store
 * screenshots: test/e2e/browser.ts; the demo: start.ts; the workbench benchmark).
 */

/**
 * Flags that load the unpacked extension at `dir` (an absolute path to a built `chrome-mv3`
 * folder) and no other, and keep the browser quiet: no first-run screen, no background network,
 * component updates or sync, so that the only requests are the ones the run makes.
 */
export function extensionFlags(dir: string): string[] {
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
