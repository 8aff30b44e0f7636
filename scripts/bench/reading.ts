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
const size = (files: InputFile[]) => `${(files.reduce((n, f) => n + f.bytes.length, 0) / MB).toFixed(1)} MB`;

const g = generate({ seed: 2026, scale: { pronote: 10_000, directory: 12_000 } });
const pronote = pronoteFiles(g.pronote, ['partner']).map(toInput);
const aaf = aafFiles(g.directory).map(toInput);

const p = await measure(() => readPronoteExport(pronote));
console.log(formatMeasure(`Pronote export, partner layout, ${p.value.persons.length} persons (${size(pronote)})`, p));

const d = await measure(() => readDirectory(aaf));
console.log(formatMeasure(`AAF directory, ${d.value.persons.length} accounts in ${aaf.length} files (${size(aaf)})`, d));

// About 100 MB of AAF: a feed covering many schools.
const big = generate({ seed: 2027, scale: { pronote: 1_000, directory: 110_000 } });
const bigAaf = aafFiles(big.directory, { perFile: 200_000 }).map(toInput);
const b = await measure(() => readDirectory(bigAaf));
console.log(formatMeasure(`AAF directory, ${b.value.persons.length} accounts in ${bigAaf.length} files (${size(bigAaf)}, largest ${(Math.max(...bigAaf.map((f) => f.bytes.length)) / MB).toFixed(1)} MB)`, b));
