/**
 * `npm run bench -- matching`: the matching engine against the exact-key baseline, on the
 * generator's labelled data (issue 4, "Benchmark"; PRODUCT.md "Quality bars").
 *
 * Quality (seeds 1–3, about 10,000 Pronote persons against 12,000 accounts each, pooled): per
 * category and overall, precision and recall of automatic pairs, share sent to review, how often the
 * right account is first among the review candidates; the generator's noise rates are printed.
 * Precision = right automatic pairs / automatic pairs; recall = right automatic pairs / Pronote
 * persons who have an ENT account in the truth. Baseline: normalised last name + first name + birth
 * date, paired only when the key is unique on both sides (DOMAIN.md failure 5).
 *
 * Speed: reading (the 10k set written to files with the generator's writers, read with the readers)
 * and pairing (`match()` on persons already read) timed separately, with peak memory, at 10,000
 * against 12,000 and at 200,000 against 250,000. `--quick` skips the 200k run; `--speed-only` skips
 * the quality tables (for iterating on speed; the quality must be checked before a change is kept).
 */
import { baseline, pct, printQuality, type Row, rowsOf, type Tally, tally } from './quality';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDirectory } from '../../lib/directory';
import type { InputFile } from '../../lib/input/source';
import { match } from '../../lib/matching';
import { readPronoteExport } from '../../lib/pronote';
import { generate } from '../generator/index';
import { aafFiles } from '../generator/write-aaf';
import { writeFiles } from '../generator/write-files';
import { partnerExport } from '../generator/write-pronote';
import { formatMeasure, type Measure, measure } from './measure';

const quick = process.argv.includes('--quick');
const speedOnly = process.argv.includes('--speed-only');

function printTally(engine: Tally, base: Tally): void {
  printQuality(engine, base);
  const e = engine.get('overall')!;
  console.log(
    `engine: ${e.auto - e.right} wrong automatic pair(s) of ${e.auto}; baseline review share is 0 (it has no review).` +
      ` P = right auto / auto; R = right auto / persons with an account in the truth; right 1st = review persons with an account whose first candidate is it.`,
  );
}

/**
 * Like `measure`, also giving the process CPU seconds (user + system: includes the garbage
 * collector's helper threads) and the RSS before the work (the inputs already in memory), since a
 * shared machine's wall clock depends on its load.
 */
async function timed<T>(work: () => T): Promise<Measure<T> & { cpu: number; rssBeforeMiB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const rssBeforeMiB = process.memoryUsage.rss() / 2 ** 20;
  const c0 = process.cpuUsage();
  const m = await measure(work);
  const c = process.cpuUsage(c0);
  return { ...m, cpu: (c.user + c.system) / 1e6, rssBeforeMiB };
}

function report(label: string, m: Awaited<ReturnType<typeof timed>>): void {
  console.log(`${formatMeasure(label, m)}; CPU ${m.cpu.toFixed(3)} s; RSS before ${m.rssBeforeMiB.toFixed(0)} MiB`);
}

function filesToInputs(dir: string): InputFile[] {
  const out: InputFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesToInputs(full));
    else out.push({ name, bytes: new Uint8Array(readFileSync(full)) });
  }
  return out;
}

async function main(): Promise<void> {
  // Speed first: the 10k pairing's first run is then a cold one (no compiled code, no normalised
  // names kept from earlier runs), as in the side panel's fresh worker.
  await speed();
  if (!speedOnly) quality();
}

function quality(): void {
  console.log('Matching quality: seeds 1–3, each about 10,000 Pronote persons against 12,000 ENT accounts');
  const engineRows: Row[] = [];
  const baseRows: Row[] = [];
  for (const seed of [1, 2, 3]) {
    const g = generate({ seed, scale: { pronote: 10_000, directory: 12_000 } });
    if (seed === 1) {
      console.log(
        `noise rates drawn (seed 1): ${Object.entries(g.rates)
          .map(([k, v]) => `${k} ${(v * 100).toFixed(1)} %`)
          .join(', ')}`,
      );
    }
    engineRows.push(...rowsOf(g.truth, match({ pronote: g.pronote, directory: g.directory }).proposals));
    baseRows.push(...rowsOf(g.truth, baseline(g.pronote, g.directory)));
  }
  printTally(tally(engineRows), tally(baseRows));
}

async function speed(): Promise<void> {
  console.log(
    `\nSpeed (Node ${process.version}, this machine; wall clock, peak memory sampled every 5 ms; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  const g10 = generate({ seed: 1, scale: { pronote: 10_000, directory: 12_000 } });
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
  try {
    writeFiles(join(dir, 'pronote'), [partnerExport(g10.pronote)]);
    writeFiles(join(dir, 'ent'), aafFiles(g10.directory));
    const pronoteFiles = filesToInputs(join(dir, 'pronote'));
    const entFiles = filesToInputs(join(dir, 'ent'));
    const mib = (files: InputFile[]) => (files.reduce((n, f) => n + f.bytes.length, 0) / 2 ** 20).toFixed(1);
    const readP = await timed(() => readPronoteExport(pronoteFiles));
    report(`reading 10k: Pronote export (${mib(pronoteFiles)} MiB, ${readP.value.persons.length} persons)`, readP);
    const readD = await timed(() => readDirectory(entFiles));
    report(`reading 12k: AAF files (${entFiles.length} files, ${mib(entFiles)} MiB, ${readD.value.persons.length} accounts)`, readD);
    const pair = await timed(() => match({ pronote: readP.value.persons, directory: readD.value.persons }));
    report('pairing 10k against 12k (persons read from the files, first run, cold; target < 1 s)', pair);
    const again: Array<{ seconds: number; cpu: number }> = [];
    for (let i = 0; i < 3; i++) again.push(await timed(() => match({ pronote: readP.value.persons, directory: readD.value.persons })));
    again.sort((a, b) => a.seconds - b.seconds);
    console.log(
      `pairing 10k against 12k, three more runs (warm: code compiled, names already normalised): median ${again[1].seconds.toFixed(3)} s (CPU ${again[1].cpu.toFixed(3)} s), min ${again[0].seconds.toFixed(3)} s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (!quick) {
    const g = generate({ seed: 4, scale: { pronote: 200_000, directory: 250_000 } });
    console.log(`generated ${g.pronote.length} Pronote persons and ${g.directory.length} accounts (seed 4)`);
    const big = await timed(() => match({ pronote: g.pronote, directory: g.directory }));
    report(`pairing ${Math.round(g.pronote.length / 1000)}k against ${Math.round(g.directory.length / 1000)}k (target < 30 s, < 1.5 GB)`, big);
    console.log(`  the pairing's own memory: peak RSS − RSS before = ${(big.peakRssMiB - big.rssBeforeMiB).toFixed(0)} MiB`);
    const t = tally(rowsOf(g.truth, big.value.proposals)).get('overall')!;
    console.log(`  at that scale: precision ${pct(t.right, t.auto)}, recall ${pct(t.right, t.withAccount)}, review ${pct(t.review, t.persons, 1)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
