/**
 * Bytes → text for every input file, the same way in Node, in a Worker and in the browser (no
 * Node-only API). Order of evidence: a BOM (UTF-8, UTF-16 LE/BE), UTF-16 without BOM seen from
 * `<?` bytes, the `encoding` of the XML declaration (fast-xml-parser ignores it: TOOLING.md), then
 * UTF-8 when the bytes are valid UTF-8, else windows-1252 (what French Windows software writes:
 * the ONDE extractions of ../shared/data/onde-csv-entcore are windows-1252).
 */
import { ISO_8859_15_CHANGES, WINDOWS_1252_HIGH } from './windows-1252';

export interface Decoded {
  /** The text, without BOM. */
  text: string;
  /** WHATWG name of the encoding used: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, `iso-8859-15`... */
  encoding: string;
  /**
   * Lines of a file read as UTF-8 that were not valid UTF-8 and were decoded as windows-1252 instead
   * (a file edited in two tools); absent when none.
   */
  windows1252Lines?: number;
  /**
   * The single-byte encoding the XML declaration named when the bytes are UTF-8 all the same (a
   * file converted to UTF-8 whose declaration was left as it was): read as UTF-8, said in a note.
   */
  declaredInstead?: string;
  /**
   * With `xmlReferences` (decodeBytes' option): how many characters above U+00FF of a UTF-8 or
   * single-byte file were written as XML character references; absent when none.
   */
  references?: number;
}

const CHUNK = 8192;

/**
 * Decodes single-byte text through a 256-entry table, in chunks (no giant argument lists). With
 * `references`, the characters above U+00FF (the windows-1252 bytes 0x80–0x9F: Œ, œ, ’, €…) are
 * written as XML character references (`&#339;`), which the XML readers decode in every value:
 * the text then stays in one byte a character in V8. A 136 MB EDT export held 398 `Œ`/`œ`, which
 * made its decoded text 272 MB instead of 136 (`npm run bench -- reading-large -- --file=…`).
 * `counted.references` receives how many were written.
 */
function decodeSingleByte(bytes: Uint8Array, table: Uint16Array, counted?: { references: number }): string {
  const parts: string[] = [];
  const buf = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const view = end - start === buf.length ? buf : buf.subarray(0, end - start);
    for (let i = start; i < end; i++) view[i - start] = table[bytes[i]];
    pushCodes(parts, view, counted);
  }
  return parts.join('');
}

/**
 * Appends the text of the UTF-16 `codes` to `parts`; with `counted`, each character above U+00FF
 * (a surrogate pair as one character) as an XML character reference, counted.
 */
function pushCodes(parts: string[], codes: Uint16Array, counted?: { references: number }): void {
  if (!counted) {
    parts.push(String.fromCharCode.apply(null, codes as unknown as number[]));
    return;
  }
  let from = 0;
  for (let k = 0; k < codes.length; k++) {
    let c = codes[k];
    if (c <= 0xff) continue;
    if (k > from) parts.push(String.fromCharCode.apply(null, codes.subarray(from, k) as unknown as number[]));
    const next = codes[k + 1];
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      c = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
      k++;
    }
    parts.push(`&#${c};`);
    counted.references++;
    from = k + 1;
  }
  if (from < codes.length) parts.push(String.fromCharCode.apply(null, codes.subarray(from) as unknown as number[]));
}

const ABOVE_LATIN_1 = /[\u0100-\uffff]/;

/**
 * Strict UTF-8, or undefined when the bytes are not valid UTF-8. With `counted`, the characters
 * above U+00FF are written as XML character references (see decodeSingleByte), piece by piece, so
 * that the text stays in one byte a character in V8: one `œ` anywhere made the whole decoded text
 * two bytes a character (an 88 MB partner export of 540,000 persons held 398: 176 MiB of text
 * instead of 88, `npm run bench -- reading-large`).
 */
function decodeUtf8(bytes: Uint8Array, counted?: { references: number }): string | undefined {
  if (!counted) return tryUtf8(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let codes: Uint16Array | undefined;
  try {
    for (let start = 0; start < bytes.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, bytes.length);
      const piece = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
      if (!ABOVE_LATIN_1.test(piece)) {
        parts.push(piece);
        continue;
      }
      codes ??= new Uint16Array(CHUNK);
      const view = codes.subarray(0, piece.length);
      for (let k = 0; k < piece.length; k++) view[k] = piece.charCodeAt(k);
      pushCodes(parts, view, counted);
    }
  } catch {
    return undefined;
  }
  return parts.join('');
}

/** True when the bytes hold `<![` (a CDATA section, where a character reference would stay as written). */
function holdsCdata(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x3c); i >= 0; i = bytes.indexOf(0x3c, i + 1)) if (bytes[i + 1] === 0x21 && bytes[i + 2] === 0x5b) return true;
  return false;
}

function latinTable(changes: readonly (readonly [number, number])[], high?: readonly number[]): Uint16Array {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b;
  if (high) for (let b = 0x80; b <= 0x9f; b++) table[b] = high[b - 0x80];
  for (const [b, cp] of changes) table[b] = cp;
  return table;
}

let windows1252Table: Uint16Array | undefined;
let iso885915Table: Uint16Array | undefined;

/**
 * windows-1252 → text with the explicit table for 0x80–0x9F (never Node 20's TextDecoder); with
 * `counted`, characters above U+00FF as XML character references (see decodeSingleByte).
 */
export function decodeWindows1252(bytes: Uint8Array, counted?: { references: number }): string {
  windows1252Table ??= latinTable([], WINDOWS_1252_HIGH);
  return decodeSingleByte(bytes, windows1252Table, counted);
}

function decodeIso885915(bytes: Uint8Array, counted?: { references: number }): string {
  iso885915Table ??= latinTable(ISO_8859_15_CHANGES);
  return decodeSingleByte(bytes, iso885915Table, counted);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  const units = Math.floor(bytes.length / 2);
  const buf = new Uint16Array(Math.min(CHUNK, units));
  for (let start = 0; start < units; start += CHUNK) {
    const end = Math.min(start + CHUNK, units);
    const view = end - start === buf.length ? buf : buf.subarray(0, end - start);
    for (let u = start; u < end; u++) {
      const a = bytes[2 * u];
      const b = bytes[2 * u + 1];
      view[u - start] = littleEndian ? a | (b << 8) : (a << 8) | b;
    }
    parts.push(String.fromCharCode.apply(null, view as unknown as number[]));
  }
  return parts.join('');
}

/** Strict UTF-8, or undefined when the bytes are not valid UTF-8. */
function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * What UTF-8 read by mistake as windows-1252 holds: letters of Latin-1 and Latin Extended-A (é, ç,
 * œ, Ł…), typographic punctuation, the euro sign; and nothing else above ASCII. Two windows-1252
 * bytes that happen to form UTF-8 (`É€`, 0xC9 0x80) give a character outside these (U+0240).
 */
const FRENCH_LETTERS = /[\u00a0-\u017f\u2000-\u206f\u20ac]/;
const NOT_FRENCH = /[^\t\n\r\u0020-\u017f\u2000-\u206f\u20ac]/;

/** True when a byte is above 0x7F (the text is not plain ASCII). */
function hasHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** The `encoding` pseudo-attribute of an XML declaration at the very start, lower-cased. */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode.apply(null, Array.from(bytes.subarray(0, 256)));
  const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1].toLowerCase();
}

const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'cp819',
  'ibm819',
  'iso-ir-100',
]);
const ISO_8859_15_LABELS = new Set(['iso-8859-15', 'iso8859-15', 'iso_8859-15', 'latin9', 'latin-9', 'l9']);

/**
 * Decodes the bytes of an input file. `options.xmlReferences` (XML readers only): a file in UTF-8
 * (without BOM) or declared in a single-byte encoding has its characters above U+00FF written as
 * XML character references, so that its text stays in one byte a character (not done when the file
 * holds a CDATA section, where a reference stays as written).
 * @returns the text (BOM removed) and the encoding used (WHATWG name).
 * Never throws: bytes that fit no declared encoding fall back to windows-1252, which maps every byte.
 */
export function decodeBytes(bytes: Uint8Array, options: { xmlReferences?: boolean } = {}): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    return text === undefined ? { text: decodeWindows1252(bytes.subarray(3)), encoding: 'windows-1252' } : { text, encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be' };
  // UTF-16 without BOM: `<?` or `<` followed by a zero byte (XML 1.0 appendix F).
  if (b0 === 0x3c && b1 === 0x00 && bytes[3] === 0x00) return { text: decodeUtf16(bytes, true), encoding: 'utf-16le' };
  if (b0 === 0x00 && b1 === 0x3c && bytes[2] === 0x00) return { text: decodeUtf16(bytes, false), encoding: 'utf-16be' };

  const declared = declaredXmlEncoding(bytes);
  if (declared && (WINDOWS_1252_LABELS.has(declared) || ISO_8859_15_LABELS.has(declared))) {
    // French text in windows-1252 never forms valid multi-byte UTF-8 (`é` would be `Ã©`): bytes
    // that do are UTF-8 under a declaration left as it was.
    const counted = options.xmlReferences && !holdsCdata(bytes) ? { references: 0 } : undefined;
    const utf8 = hasHighByte(bytes) ? tryUtf8(bytes) : undefined;
    if (utf8 !== undefined && FRENCH_LETTERS.test(utf8) && !NOT_FRENCH.test(utf8)) {
      const referenced = counted && ABOVE_LATIN_1.test(utf8) ? decodeUtf8(bytes, counted) : undefined;
      return withReferences({ text: referenced ?? utf8, encoding: 'utf-8', declaredInstead: declared }, counted);
    }
    const single: Decoded = ISO_8859_15_LABELS.has(declared)
      ? { text: decodeIso885915(bytes, counted), encoding: 'iso-8859-15' }
      : { text: decodeWindows1252(bytes, counted), encoding: 'windows-1252' };
    return withReferences(single, counted);
  }
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      const decoder = new TextDecoder(declared, { fatal: true });
      return { text: decoder.decode(bytes), encoding: decoder.encoding };
    } catch {
      // unknown label or bytes not in that encoding: fall through to the byte-based guess
    }
  }
  const counted = options.xmlReferences && hasHighByte(bytes) && !holdsCdata(bytes) ? { references: 0 } : undefined;
  const utf8 = decodeUtf8(bytes, counted);
  if (utf8 !== undefined) return withReferences({ text: utf8, encoding: 'utf-8' }, counted);
  return decodeByLine(bytes);
}

/** `decoded`, with the count of characters written as references when there are some. */
function withReferences(decoded: Decoded, counted: { references: number } | undefined): Decoded {
  if (counted?.references) decoded.references = counted.references;
  return decoded;
}

/**
 * Bytes that are not valid UTF-8 as a whole: a windows-1252 file (no line holds a valid multi-byte
 * UTF-8 sequence), or a file mixing both, decoded line by line (LF-separated), each line as UTF-8
 * when it is valid UTF-8, else as windows-1252, with the count of the latter.
 */
function decodeByLine(bytes: Uint8Array): Decoded {
  const runs: [start: number, end: number, utf8: boolean][] = [];
  let utf8Lines = 0;
  let cp1252Lines = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    end = end < 0 ? bytes.length : end + 1;
    const line = bytes.subarray(start, end);
    let ascii = true;
    for (let i = 0; i < line.length; i++)
      if (line[i] >= 0x80) {
        ascii = false;
        break;
      }
    const valid = ascii || tryUtf8(line) !== undefined;
    if (!ascii) {
      if (valid) utf8Lines++;
      else cp1252Lines++;
    }
    const last = runs[runs.length - 1];
    if (last && last[2] === valid) last[1] = end;
    else runs.push([start, end, valid]);
    start = end;
  }
  if (utf8Lines === 0) return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const text = runs.map(([a, b, valid]) => (valid ? decoder.decode(bytes.subarray(a, b)) : decodeWindows1252(bytes.subarray(a, b)))).join('');
  return { text, encoding: 'utf-8', windows1252Lines: cp1252Lines };
}

/** UTF-8 text decoded twice (`GÃ©raldine`): the lines where it shows, at most `max` of them. */
export function doubleEncodedLines(text: string, max = 20): number[] {
  const re = /[ÃÂ][\u0080-\u00bf]/g;
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (let m = re.exec(text); m && lines.length < max; m = re.exec(text)) {
    for (let i = text.indexOf('\n', at); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    at = m.index;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}
