/**
 * Reading benchmark (issue 3, "Done when"; PRODUCT.md "Quality bars": reading printed apart from
 * pairing): time and peak memory of reading 10,000 Pronote persons (partner layout) and a
 * 12,000-account AAF directory, then an AAF feed of about 100 MB (the size issue 3 says must be
 * read). Inputs come from the seeded generator (scripts/generator), encoded to bytes before timing.
 */
import iconv from 'iconv-lite';
import { readDirectory } from '../../lib/directory';
import type { InputFile } from '../../lib/input/source';
import { readPronoteExport } from '../../lib/pronote';
import { generate } from '../generator/index';
import { aafFiles, type OutputFile } from '../generator/write-aaf';
import { pronoteFiles } from '../generator/write-pronote';
import { formatMeasure, measure } from './measure';

function toInput(file: OutputFile): InputFile {
  const parts: string[] = [];
  for (const chunk of file.chunks()) parts.push(chunk);
  const text = parts.join('');
  return { name: file.name, bytes: new Uint8Array(file.encoding ? iconv.encode(text, file.encoding) : Buffer.from(text, 'utf8')) };
}

const MB = 1024 * 1024;

/** Measures `work` and also reports the process's CPU time: on a loaded machine wall time says little. */
async function run<T>(label: (value: T) => string, work: () => T): Promise<T> {
  const cpu = process.cpuUsage();
  const m = await measure(work);
  const used = process.cpuUsage(cpu);
  console.log(`${formatMeasure(label(m.value), m)}, CPU ${((used.user + used.system) / 1e6).toFixed(3)} s`);
  return m.value;
}
const size = (files: InputFile[]) => `${(files.reduce((n, f) => n + f.bytes.length, 0) / MB).toFixed(1)} MB`;

const g = generate({ seed: 2026, scale: { pronote: 10_000, directory: 12_000 } });
const pronote = pronoteFiles(g.pronote, ['partner']).map(toInput);
const aaf = aafFiles(g.directory).map(toInput);

// No target of their own: reading is part of the workbench's 3 s for loading both sides, pairing
// and showing the first step (issue 5), measured in Chromium by `workbench-chromium.ts`.
await run(
  (r) => `Pronote export, partner layout, ${r.persons.length} persons (${size(pronote)})`,
  () => readPronoteExport(pronote),
);
await run(
  (r) => `AAF directory, ${r.persons.length} accounts in ${aaf.length} files (${size(aaf)})`,
  () => readDirectory(aaf),
);

// About 100 MB of AAF: a feed covering many schools.
const big = generate({ seed: 2027, scale: { pronote: 1_000, directory: 110_000 } });
const bigAaf = aafFiles(big.directory, { perFile: 200_000 }).map(toInput);
const largest = (Math.max(...bigAaf.map((f) => f.bytes.length)) / MB).toFixed(1);
await run(
  (r) => `AAF directory, ${r.persons.length} accounts in ${bigAaf.length} files (${size(bigAaf)}, largest ${largest} MB)`,
  () => readDirectory(bigAaf),
);
