/**
 * `npm run bench`: runs every benchmark of `scripts/bench/` (alphabetical order), each in its own
 * Node process so that peak memory is measured per benchmark. Each prints its own numbers.
 * `npm run bench -- reading` runs only the benchmarks whose file name contains "reading".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2];
const files = readdirSync('scripts/bench')
  .filter((f) => f.endsWith('.ts') && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('npx', ['tsx', '--expose-gc', `scripts/bench/${file}`], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
