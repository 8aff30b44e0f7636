// `npm test`: every check of the project, in order, each counted; ends with one line
// "N passed, N failed" computed from the real results (TOOLING.md, "CI here").
// Test runners count their test cases; the other stages (type-check, lint, builds) count as one each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const onlyUnit = process.argv.includes('--unit');
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(name, cmd, args, { count } = {}) {
  process.stderr.write(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = result.status === 0;
  let counted = null;
  if (count) {
    try {
      counted = count();
    } catch {
      counted = null;
    }
  }
  if (counted) {
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    totals.skipped += counted.skipped;
    // A runner that failed without a failing test (a crash, a file that did not load) still fails.
    if (!ok && counted.failed === 0) totals.failed += 1;
  } else if (ok) totals.passed += 1;
  else totals.failed += 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)${counted ? ` ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped` : ''}`,
  );
  return ok;
}

const vitestCounts = () => {
  const r = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
};
const playwrightCounts = () => {
  const s = JSON.parse(readFileSync('test-results/e2e.json', 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
};

const npx = 'npx';
run('prepare', npx, ['wxt', 'prepare']);
run('type-check', npx, ['tsc', '--noEmit', '-p', '.']);
run('lint and format', npx, ['biome', 'ci', '.']);
run('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], {
  count: vitestCounts,
});
if (!onlyUnit) {
  const chromeBuilt = run('build chrome', npx, ['wxt', 'build']);
  const firefoxBuilt = run('build firefox', npx, ['wxt', 'build', '-b', 'firefox']);
  if (firefoxBuilt) {
    run('web-ext lint', npx, ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--warnings-as-errors=false']);
  }
  if (chromeBuilt) run('store zip', npx, ['tsx', 'scripts/check-store-zip.ts']);
  if (existsSync('scripts/cli-check.ts')) run('command line', npx, ['tsx', 'scripts/cli-check.ts']);
  // Guardian recall per link form on exports made from the real AAF files (issue 13, "Done when").
  if (existsSync('scripts/check-pairing.ts')) run('pairing quality', npx, ['tsx', 'scripts/check-pairing.ts']);
  if (chromeBuilt) run('end-to-end tests', npx, ['playwright', 'test'], { count: playwrightCounts });
  else totals.failed += 1;
}

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync('test-results/summary.txt', `${lines.join('\n')}\n${summary}\n`);
process.stdout.write(`\n${lines.join('\n')}\n${summary}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
