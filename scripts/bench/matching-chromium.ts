/**
 * `npm run bench -- matching-chromium`: the engine's speed in the product's runtime, a Web Worker of
 * Chromium (issue 4, "Runs in a Web Worker in the extension"; target: pairing 10,000 Pronote persons
 * against 12,000 accounts in under 1 s). The same data as `matching.ts` (seed 1, written with the
 * generator's writers, read with the readers, in the worker), then `match()` timed on its first run
 * in a fresh worker and on three more.
 *
 * Each of `--runs=N` (default 5) is a new page and worker, so each first run is a cold one.
 * Uses Debian's Chromium (`CHROMIUM_PATH` to change it), headless.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { generate } from '../generator/index';
import { aafFiles } from '../generator/write-aaf';
import { writeFiles } from '../generator/write-files';
import { partnerExport } from '../generator/write-pronote';
import type { MatchingTimes } from './chromium/matching-worker';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// `--runs=N`: `npm run bench` passes on only the arguments that start with "--".
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = runsArg ? Number(runsArg.slice('--runs='.length)) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs wants a whole number of runs, 1 or more (got "${runsArg}")`);
  process.exit(2);
}

/** In the page: starts a worker from the bundle, sends it the files' bytes, resolves with its times. */
const PAGE_RUN = `({ code, input }) => new Promise((resolve, reject) => {
  const toFile = (f) => ({ name: f.name, bytes: Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) });
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  worker.onmessage = (e) => resolve(e.data);
  worker.onerror = (e) => reject(new Error(e.message));
  worker.postMessage({ pronote: input.pronote.map(toFile), directory: input.directory.map(toFile) });
})`;

async function main(): Promise<void> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'chromium/matching-worker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const workerCode = bundle.outputFiles[0].text;

  const g = generate({ seed: 1, scale: { pronote: 10_000, directory: 12_000 } });
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-mc-'));
  let files: { pronote: Array<{ name: string; base64: string }>; directory: Array<{ name: string; base64: string }> };
  try {
    const encode = (w: { path: string }) => ({ name: w.path.split('/').pop()!, base64: readFileSync(w.path).toString('base64') });
    files = {
      pronote: writeFiles(join(dir, 'pronote'), [partnerExport(g.pronote)]).map(encode),
      directory: writeFiles(join(dir, 'ent'), aafFiles(g.directory)).map(encode),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  console.log(
    `Engine in a Chromium worker (${browser.version()}, this machine; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}); ${RUNS} fresh workers, each: read, then pair 10k against 12k (target < 1 s)`,
  );
  const results: MatchingTimes[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      // Defined from text: a function given here would carry the helpers tsx adds to named functions.
      await page.evaluate(`window.__run = ${PAGE_RUN}`);
      const times = await page.evaluate((arg) => (window as unknown as { __run: (a: unknown) => Promise<MatchingTimes> }).__run(arg), {
        code: workerCode,
        input: files,
      });
      await page.close();
      results.push(times);
      const more = [...times.moreRuns].sort((a, b) => a - b);
      console.log(
        `worker ${run + 1}: read ${times.persons} persons ${(times.readPronote / 1000).toFixed(3)} s, ${times.accounts} accounts ${(
          times.readDirectory / 1000
        ).toFixed(3)} s; pairing first run ${(times.firstRun / 1000).toFixed(3)} s, three more: median ${(more[1] / 1000).toFixed(3)} s`,
      );
    }
  } finally {
    await browser.close();
  }
  const first = results.map((r) => r.firstRun).sort((a, b) => a - b);
  const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
  console.log(
    `pairing 10k against 12k, first run in a fresh worker: median ${s(first[Math.floor(first.length / 2)])}, from ${s(first[0])} to ${s(
      first[first.length - 1],
    )} (target < 1 s: ${first[first.length - 1] < 1000 ? 'met by every run' : first[Math.floor(first.length / 2)] < 1000 ? 'met by the median' : 'not met'})`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
