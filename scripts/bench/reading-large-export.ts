/**
 * `npm run bench -- reading-large`: peak memory and time of reading one partner export of about
 * 540,000 persons (issue 15, point 7: the issue's 126 MB export of 544,576 persons peaked at
 * 2.26 GB in Node; the target is ≤ 1.2 GB). The export is generated (seed 2028, as
 * `npx tsx scripts/generate.ts --seed 2028 --pronote 540000 --directory 10 --layouts partner` writes it), written to a
 * temporary file, then read by a fresh Node process that holds nothing else, so that its peak RSS is
 * the reader's: bytes from disk, `readPronoteExport`, the result kept alive to the end.
 * `--file=PATH` reads an existing export instead of generating one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPronoteExport } from '../../lib/pronote';
import { generate } from '../generator/index';
import { pronoteFiles } from '../generator/write-pronote';
import { formatMeasure, measure } from './measure';

const MB = 1024 * 1024;
const readArg = process.argv.find((a) => a.startsWith('--read='));

if (readArg) {
  // The child: reads the file and prints one line.
  const path = readArg.slice('--read='.length);
  const bytes = new Uint8Array(readFileSync(path));
  const cpu = process.cpuUsage();
  const m = await measure(() => readPronoteExport([{ name: 'pronote-export.xml', bytes }]));
  const used = process.cpuUsage(cpu);
  const r = m.value;
  (globalThis as { gc?: () => void }).gc?.();
  // What the persons keep once read (the file's text and tree gone): 743 MiB before the values were
  // pooled and the link ids copied out of the text, 400 MiB after (4 Dec 2026).
  const keptMiB = process.memoryUsage().heapUsed / MB;
  console.log(
    `${formatMeasure(`Pronote partner export, ${r.persons.length} persons read, ${r.notRead.length} not read (${(bytes.length / MB).toFixed(1)} MB)`, m)}, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, heap kept by the persons ${keptMiB.toFixed(0)} MiB; target peak RSS ≤ 1229 MiB (1.2 GB)`,
  );
} else {
  const given = process.argv.find((a) => a.startsWith('--file='))?.slice('--file='.length);
  const work = given ? undefined : mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
  let path = given ?? '';
  try {
    if (work) {
      const g = generate({ seed: 2028, scale: { pronote: 540_000, directory: 10 } });
      const [file] = pronoteFiles(g.pronote, ['partner']);
      path = join(work, file.name);
      writeFileSync(path, [...file.chunks()].join(''));
    }
    console.log(`reading ${path} (${(statSync(path).size / MB).toFixed(1)} MB) in a fresh process`);
    const r = spawnSync('npx', ['tsx', '--expose-gc', 'scripts/bench/reading-large-export.ts', `--read=${path}`], {
      stdio: 'inherit',
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
    });
    if (r.status !== 0) process.exitCode = 1;
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}
