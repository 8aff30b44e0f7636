/**
 * `npm start`: builds the extension, serves the local demo of the admin pages (hosting console,
 * a Pronote instance, an ENT) under their real host names, and opens Chromium with the extension
 * loaded and the sample data at hand. Where no browser can start (no display), it says how to load
 * `.output/chrome-mv3` by hand and where the sample files are.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { E2E_HOSTS } from '../test/e2e/hosts';
import { extensionFlags } from './chromium-flags';
import { DEMO_LANDING, DEMO_SCHOOL, demoInstanceRoute } from './demo-instance';
import { startSitesServer } from './sites-server';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const SAMPLE_DIR = resolve('sample');
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

function manualSteps(): string {
  return [
    'To load Passerelle by hand:',
    '  Chrome / Edge: open chrome://extensions (edge://extensions), turn on Developer mode,',
    `  "Load unpacked", choose ${EXTENSION_DIR}`,
    '  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…",',
    `  choose ${resolve('.output/firefox-mv2/manifest.json')}`,
    `Sample data to load in the side panel: ${SAMPLE_DIR}`,
  ].join('\n');
}

async function main() {
  if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  if (!existsSync(SAMPLE_DIR) && existsSync('scripts/generate.ts')) {
    spawnSync('npx', ['tsx', 'scripts/generate.ts', '--sample'], { stdio: 'inherit' });
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
  if (!CHROMIUM || !hasDisplay) {
    console.log(`\nNo browser window can be opened here (${CHROMIUM ? 'no display' : 'no Chromium found'}).\n${manualSteps()}`);
    console.log(
      [
        `The demo admin screens (${DEMO_LANDING}, pages in test/fixtures/sites) open in the browser that`,
        '`npm start` starts on a machine with a display, the demo hosts mapped to a local server.',
        'Here, the pairing runs on the sample from the command line: npm run reconcile -- --sample --out out/sample',
      ].join('\n'),
    );
    return;
  }
  // The demo school's Pronote answers the instance check, as a published Pronote.net does.
  const sites = await startSitesServer(resolve('test/fixtures/sites'), [demoInstanceRoute]);
  console.log(`\nDemo admin pages served on 127.0.0.1:${sites.port} as:\n  ${E2E_HOSTS.map((h) => `https://${h}/`).join('\n  ')}`);
  console.log(`The landing page (${DEMO_LANDING}) links every demo screen; the instance check answers for ${DEMO_SCHOOL.uai}.`);
  const browser = spawn(
    CHROMIUM,
    [`--user-data-dir=${resolve('.output/demo-profile')}`, ...extensionFlags(EXTENSION_DIR), ...sites.chromiumArgs(E2E_HOSTS), DEMO_LANDING],
    { stdio: 'ignore' },
  );
  browser.on('error', async () => {
    console.log(`\nChromium did not start.\n${manualSteps()}`);
    await sites.close();
  });
  browser.on('exit', async () => {
    await sites.close();
  });
  console.log(`\nChromium is open with Passerelle. Click its icon to open the side panel.\n${manualSteps()}\nClose the browser to stop.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
