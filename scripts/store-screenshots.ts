/**
 * `npm run store:screenshots [-- --out DIR]`: the store listing's screenshots (issue 18, point 1),
 * made from the demo so that they stay true: the built extension (`npx wxt build` first; this
 * builds nothing) in Debian's Chromium, the demo's admin pages served under their real host names
 * as `npm start` does, the sample files loaded in the side panel. Writes the 1280×800 PNGs of
 * `store-screenshots/shots.ts` to DIR (`docs/store/screenshots` by default) and prints each path
 * and size. No network: every host is answered by the local server.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Lang } from '../components/i18n';
import { EXTENSION_DIR, extensionIdOf, launchWithExtension, openSidePanelTab, SITES_DIR } from '../test/e2e/browser';
import { demoInstanceRoute } from './demo-instance';
import { startSitesServer } from './sites-server';
import { closeWelcome, diagnostic, hostingConsole, rapprochementStep, results, type Stage } from './store-screenshots/scenes';
import { type Scene, SHOT_LANGS, STORE_SIZE, shotFileName } from './store-screenshots/shots';

function outDir(argv: string[]): string {
  const at = argv.indexOf('--out');
  if (at >= 0 && !argv[at + 1]) throw new Error('--out needs a folder.');
  return resolve(at >= 0 ? argv[at + 1] : 'docs/store/screenshots');
}

async function main() {
  const out = outDir(process.argv.slice(2));
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first (this script builds nothing).`);
  }
  if (!existsSync(resolve('sample/pronote-export.xml'))) throw new Error('No sample files in sample/: run `npx tsx scripts/generate.ts --sample` first.');
  mkdirSync(out, { recursive: true });
  const sites = await startSitesServer(SITES_DIR, [demoInstanceRoute]);
  try {
    for (const [lang, browserLang] of Object.entries(SHOT_LANGS) as [Lang, string][]) {
      const context = await launchWithExtension(sites, browserLang, STORE_SIZE);
      try {
        const id = await extensionIdOf(context);
        const stage: Stage = { context, lang, openSidePanel: () => openSidePanelTab(context, id) };
        await closeWelcome(stage);
        const write = (scene: Scene, png: Buffer) => {
          const path = join(out, shotFileName(lang, scene));
          writeFileSync(path, png);
          console.log(`${relative(process.cwd(), path)}  ${STORE_SIZE.width}×${STORE_SIZE.height}  ${(png.length / 1024).toFixed(1)} kB`);
        };
        write('hosting-console', await hostingConsole(stage));
        const step = await rapprochementStep(stage);
        write('rapprochement-step', step.shot);
        write('results', await results(stage, step.panel));
        write('diagnostic', await diagnostic(stage));
      } finally {
        await context.close();
      }
    }
  } finally {
    await sites.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
