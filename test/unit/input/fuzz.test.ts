/**
 * Seeded fuzz test of every reader (issue 15, "Done when"): real seed files cut to at most 16 KB on
 * record boundaries, mutated (byte and bit flips, inserts, deletes, truncation, duplicated chunks,
 * XML and CSV tokens) with a fixed seed and a fixed count. Per case:
 * - the only exception is the readers' InputError, with a code from the closed list;
 * - line formats: every physical line after the header that holds anything but blanks and
 *   delimiters is covered by exactly one record read or not read, and no line twice;
 * - XML: xmllint-wasm decides well-formedness; a well-formed mutant is never refused as malformed,
 *   and, for the AAF and partner-export layouts, persons read + not read equals the person elements
 *   it holds. Sniffed layouts (EDT, English export) and RapprochementSSO pick their records by
 *   heuristics over element and attribute names, so no element count states their expected output
 *   precisely: for them only the exception and code rules are checked.
 * The CAS response reader (lib/cas) is outside this test: it reads one small server reply, not a file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/core/person';
import { REFUSAL_CODES } from '../../../lib/core/refusal';
import { readDirectory, readPastedTable } from '../../../lib/directory';
import { decodeBytes } from '../../../lib/input/decode';
import { PARTNER_ELEMENTS } from '../../../lib/pronote/partner-export';
import { readPronoteExport, readRapprochementSso } from '../../../lib/pronote';

const CASES = 2400;
/**
 * Seeds are cut to 16 KB on record boundaries (the issue allows up to 64 KB): at 64 KB the readers
 * took 85 ms a case on this loaded 2-core machine (about 200 s for 2,400 cases), at 16 KB about
 * 30 ms, and a mutation hits the same kinds of records either way.
 */
const MAX_SEED = 16 * 1024;

/** mulberry32: a small seeded PRNG, enough for reproducible mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Reader = 'pronote' | 'sso' | 'directory' | 'pasted';
interface Seed {
  name: string;
  reader: Reader;
  xml: boolean;
  bytes: Uint8Array;
}

const enc = new TextEncoder();

/** A line format cut on a line boundary at most MAX_SEED bytes long (quoted multi-line records are rare in the seeds). */
function cutLines(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= MAX_SEED) return bytes;
  const head = bytes.subarray(0, MAX_SEED);
  const last = head.lastIndexOf(0x0a);
  return bytes.slice(0, last + 1);
}

/** An XML file cut after the last record ending before MAX_SEED, its open elements then closed. */
function cutXml(text: string): string {
  if (enc.encode(text).length <= MAX_SEED) return text;
  let end = 0;
  const recordEnd = /\/>[ \t]*\r?\n|<\/addRequest>[ \t]*\r?\n/g;
  for (let m = recordEnd.exec(text); m && enc.encode(text.slice(0, m.index + m[0].length)).length <= MAX_SEED - 512; m = recordEnd.exec(text)) {
    end = m.index + m[0].length;
  }
  const head = text.slice(0, end);
  const open: string[] = [];
  for (const m of head.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) open.pop();
    else open.push(m[2]);
  }
  return (
    head +
    open
      .reverse()
      .map((n) => `</${n}>\n`)
      .join('')
  );
}

function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const add = (path: string, reader: Reader) => {
    const raw = new Uint8Array(readFileSync(path));
    const xml = /\.xml$/i.test(path);
    let bytes: Uint8Array = raw;
    if (xml) {
      const text = decodeBytes(raw).text;
      if (raw.length > MAX_SEED) bytes = enc.encode(cutXml(text));
    } else bytes = cutLines(raw);
    seeds.push({ name: path.split('/').pop() ?? path, reader, xml, bytes });
  };
  add('sample/pronote-export.xml', 'pronote');
  add('sample/pronote-edt.xml', 'pronote');
  add('sample/pronote-english.xml', 'pronote');
  add('test/fixtures/inputs/partner-export.xml', 'pronote');
  add('test/fixtures/inputs/partner-export-utf16le.xml', 'pronote');
  add('test/fixtures/inputs/edt-exp-eleves.xml', 'pronote');
  add('test/fixtures/inputs/sniffed-english.xml', 'pronote');
  add('test/fixtures/inputs/sniffed-utilisateurs.xml', 'pronote');
  add('test/fixtures/inputs/rapprochement-sso.xml', 'sso');
  add('test/fixtures/inputs/rapprochement-sso.xml', 'pronote');
  for (const f of readdirSync('sample/aaf')) add(`sample/aaf/${f}`, 'directory');
  add('../shared/data/aaf-entcore/FULL_ENTTSSERVICES_Complet_20130117_Eleve_0001.xml', 'directory');
  add('../shared/data/aaf-entcore/FULL_ENTTSSERVICES_Complet_20130117_PersEducNat_0000.xml', 'directory');
  add('../shared/data/aaf-entcore/clean-FULL_ENTTSSERVICES_Complet_20130117_PersRelEleve_0013.xml', 'directory');
  add('sample/annuaire.csv', 'directory');
  add('sample/annuaire.csv', 'pasted');
  add('test/fixtures/inputs/cp1252-high-bytes.csv', 'directory');
  for (const f of readdirSync('../shared/data/onde-csv-entcore')) add(`../shared/data/onde-csv-entcore/${f}`, 'directory');
  add('../shared/data/onde-csv-entcore/CSVExtraction-responsables.csv', 'pasted');
  return seeds;
}

const XML_TOKENS = [
  '<',
  '>',
  '&',
  '&xxe;',
  '&amp;',
  '&#233;',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '"',
  "'",
  '</Eleve>',
  '<Eleve Nom="X" Prenom="Y"/>',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<?xml version="1"".0"?>',
  '\u202e',
  '\u0007',
  'Ã©',
  '<addRequest>',
  '</addRequest>',
  '/>',
];
const CSV_TOKENS = ['"', '""', ';', ',', '\t', '\r', '\n', '\r\n', '"\r\n', 'a"b', '\u202e', '\u0000', 'Ã©', '\ufeff'];

const MUTATIONS = ['byte', 'bit', 'insert', 'delete', 'truncate', 'duplicate', 'token'] as const;
type Mutation = (typeof MUTATIONS)[number];

function mutate(bytes: Uint8Array, xml: boolean, rnd: () => number): { bytes: Uint8Array; ops: Mutation[] } {
  let b: Uint8Array = bytes;
  const ops: Mutation[] = [];
  const int = (n: number) => Math.floor(rnd() * n);
  const count = 1 + int(3);
  for (let k = 0; k < count; k++) {
    const op = MUTATIONS[int(MUTATIONS.length)];
    ops.push(op);
    const at = int(b.length + 1);
    const splice = (from: number, to: number, insert: Uint8Array) => {
      const out = new Uint8Array(b.length - (to - from) + insert.length);
      out.set(b.subarray(0, from));
      out.set(insert, from);
      out.set(b.subarray(to), from + insert.length);
      b = out;
    };
    switch (op) {
      case 'byte':
        if (b.length) {
          b = b.slice();
          b[Math.min(at, b.length - 1)] = int(256);
        }
        break;
      case 'bit':
        if (b.length) {
          b = b.slice();
          b[Math.min(at, b.length - 1)] ^= 1 << int(8);
        }
        break;
      case 'insert':
        splice(
          at,
          at,
          Uint8Array.from({ length: 1 + int(4) }, () => int(256)),
        );
        break;
      case 'delete':
        splice(at, Math.min(b.length, at + 1 + int(40)), new Uint8Array());
        break;
      case 'truncate':
        b = b.slice(0, at);
        break;
      case 'duplicate': {
        const len = 1 + int(200);
        splice(at, at, b.slice(at, at + len));
        break;
      }
      case 'token': {
        const tokens = xml ? XML_TOKENS : CSV_TOKENS;
        splice(at, at, enc.encode(tokens[int(tokens.length)]));
        break;
      }
    }
  }
  return { bytes: b, ops };
}

/** Physical lines (1-based) holding something besides blanks and delimiters, after the header. */
function contentLinesAfterHeader(text: string): number[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const content = lines.map((l, i) => (/[^\s;,\t|]/.test(l) ? i + 1 : 0)).filter((n) => n > 0);
  return content.slice(1);
}

/** Lines covered by each location `l. 5` / `l. 5-6`, counted. */
function coverage(locations: string[]): Map<number, number> {
  const seen = new Map<number, number>();
  for (const location of locations) {
    const m = /^l\. (\d+)(?:-(\d+))?$/.exec(location);
    if (!m) throw new Error(`location ${location}`);
    for (let l = Number(m[1]); l <= Number(m[2] ?? m[1]); l++) seen.set(l, (seen.get(l) ?? 0) + 1);
  }
  return seen;
}

function withoutCommentsAndCdata(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
}

/** AAF person records: requests that are not structure, subject or MEF records. */
function aafRecords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/<(addRequest|modifyRequest|deleteRequest)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const body = m[2];
    if (!/categoriePersonne/.test(body) && /categorie(Structure|Matiere|Mef)/.test(body)) continue;
    n++;
  }
  return n;
}

/** Partner-export persons: person elements at depth 2 (root > category list > person); deeper ones are references (`<Responsable Ident=…/>` inside an `<Eleve>`). */
function partnerRecords(text: string): number {
  let depth = 0;
  let n = 0;
  const persons = new Set<string>(Object.values(PARTNER_ELEMENTS));
  for (const m of text
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/g, '')
    .matchAll(/<(\/?)([A-Za-z_][\w:.-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g)) {
    if (m[1]) {
      depth--;
      continue;
    }
    depth++;
    if (depth === 3 && persons.has(m[2])) n++;
    if (m[3]) depth--;
  }
  return n;
}

/** Well-formedness by xmllint-wasm, many files per call (one wasm start per call is the slow part). */
async function wellFormedAll(files: { fileName: string; contents: Uint8Array }[]): Promise<Set<string>> {
  const ok = new Set<string>();
  for (let i = 0; i < files.length; i += 100) {
    const batch = files.slice(i, i + 100);
    const r = await validateXML({ xml: batch, normalization: 'format' });
    const bad = new Set<string>();
    let unplaced = false;
    // xmllint prints each fault as several lines: the first names the file, the next ones (the
    // source line, the caret) come without a location and belong to the fault before them. Taking
    // them as unplaced sent every batch with a fault back one file per wasm start (170 s of 210 s).
    let last: string | undefined;
    for (const e of r.errors) {
      if (e.loc?.fileName) {
        last = e.loc.fileName;
        bad.add(last);
      } else if (last === undefined) unplaced = true;
    }
    if (unplaced) {
      for (const f of batch) if ((await validateXML({ xml: [f], normalization: 'format' })).valid) ok.add(f.fileName);
    } else for (const f of batch) if (!bad.has(f.fileName)) ok.add(f.fileName);
  }
  return ok;
}

const MALFORMED_CODES = new Set(['not-well-formed', 'truncated', 'no-element']);

describe('fuzz: every reader on damaged copies of real files', () => {
  it(`${CASES} seeded mutants: no crash, closed refusal codes, every line and element accounted for`, async () => {
    const started = performance.now();
    const seeds = loadSeeds();
    const rnd = prng(15_2026);
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const failures: string[] = [];
    let reads = 0;
    let readerMs = 0;
    const pending: { fileName: string; contents: Uint8Array; check: () => string | undefined }[] = [];
    for (let i = 0; i < CASES; i++) {
      const seed = seeds[i % seeds.length];
      const { bytes, ops } = mutate(seed.bytes, seed.xml, rnd);
      const label = `case ${i} (${seed.reader} ${seed.name}, ${ops.join('+')})`;
      const file = { name: seed.name, bytes };
      let result: { persons: { location: string }[]; notRead: { location: string }[]; layout?: string } | undefined;
      let decisions = -1;
      const t0 = performance.now();
      try {
        if (seed.reader === 'pronote') result = readPronoteExport([file]);
        else if (seed.reader === 'sso') decisions = readRapprochementSso(file).length;
        else if (seed.reader === 'directory') result = readDirectory([file]);
        else result = readPastedTable(new TextDecoder().decode(bytes), { source: seed.name });
      } catch (e) {
        readerMs += performance.now() - t0;
        if (!(e instanceof InputError)) {
          failures.push(`${label}: ${e instanceof Error ? e.stack : String(e)}`);
          continue;
        }
        if (!(REFUSAL_CODES as readonly string[]).includes(e.code)) failures.push(`${label}: code ${e.code}`);
        count(`refused ${e.code}`);
        if (seed.xml && MALFORMED_CODES.has(e.code))
          pending.push({ fileName: `m${i}.xml`, contents: bytes, check: () => `${label}: refused as ${e.code} but well-formed for xmllint: ${e.message}` });
        continue;
      }
      readerMs += performance.now() - t0;
      reads++;
      count(`read ${seed.reader}${seed.xml ? ' xml' : ' table'}`);
      if (decisions >= 0 || !result) continue;
      if (!seed.xml) {
        const text = seed.reader === 'pasted' ? new TextDecoder().decode(bytes) : decodeBytes(bytes).text;
        const seen = coverage([...result.persons, ...result.notRead].map((r) => r.location));
        const twice = [...seen].filter(([, n]) => n > 1).map(([l]) => l);
        const missing = contentLinesAfterHeader(text).filter((l) => !seen.has(l));
        if (twice.length || missing.length) failures.push(`${label}: lines twice ${twice.slice(0, 5)}, missing ${missing.slice(0, 5)}`);
        continue;
      }
      const got = result.persons.length + result.notRead.length;
      const layout = result.layout;
      pending.push({
        fileName: `m${i}.xml`,
        contents: bytes,
        check: () => {
          const text = withoutCommentsAndCdata(decodeBytes(bytes).text);
          const expected = seed.reader === 'directory' ? aafRecords(text) : layout === 'partner' ? partnerRecords(text) : -1;
          return expected >= 0 && got !== expected ? `${label}: ${got} read + not read, ${expected} person elements` : undefined;
        },
      });
    }
    const oracleStarted = performance.now();
    const ok = await wellFormedAll(pending.map(({ fileName, contents }) => ({ fileName, contents })));
    const oracleSeconds = (performance.now() - oracleStarted) / 1000;
    for (const p of pending) {
      if (!ok.has(p.fileName)) continue;
      count('xml well-formed for xmllint, checked');
      const failure = p.check();
      if (failure) failures.push(failure);
    }
    const seconds = (performance.now() - started) / 1000;
    const lines = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k}: ${n} (${((100 * n) / CASES).toFixed(1)} %)`);
    console.log(
      `fuzz: ${CASES} cases over ${seeds.length} seeds in ${seconds.toFixed(1)} s (readers ${(readerMs / 1000).toFixed(1)} s, xmllint ${oracleSeconds.toFixed(1)} s for ${pending.length} files); ${reads} read (${((100 * reads) / CASES).toFixed(1)} %)\n${lines.join('\n')}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(reads / CASES).toBeGreaterThanOrEqual(0.3);
  }, 600_000);
});
