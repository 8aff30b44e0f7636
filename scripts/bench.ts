/**
 * `npm run bench`: runs every benchmark of `scripts/bench/` (alphabetical order), each in its own
 * Node process so that peak memory is measured per benchmark. Each prints its own numbers.
 * `npm run bench -- reading` runs only the benchmarks whose file name contains "reading"; flags
 * (`--speed-only`...) are passed on to each benchmark.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const HELPERS = ['measure.ts', 'quality.ts'];
const files = readdirSync('scripts/bench')
  // measure.ts and quality.ts are the benchmarks' helpers, not benchmarks.
  .filter((f) => f.endsWith('.ts') && !HELPERS.includes(f) && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('npx', ['tsx', '--expose-gc', `scripts/bench/${file}`, ...flags], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
