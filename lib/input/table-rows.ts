/**
 * Line formats (CSV, TSV, tables pasted from a spreadsheet) → rows that account for every physical
 * line (issue 15, point 1). Parsing is papaparse's; this module only decides, row by row, whether
 * to trust what papaparse grouped, and where each row stands in the file.
 *
 * Physical lines end with CRLF, LF or a lone CR (as in every editor, and as lib/input/xml-text.ts
 * counts them). A row papaparse returns is kept when it has no quoting error and either stands on
 * one physical line, or spans at most {@link MAX_RECORD_LINES} lines with exactly the header's
 * number of columns (a quoted field holding line breaks, or a stray CR inside a CRLF file). Any
 * other row (an unbalanced quote that would swallow the rows after it, a quote followed by a stray
 * character, a multi-line row of the wrong width) is not trusted: its first physical line is read
 * on its own with quotes taken as data (a plain `split` on the delimiter: no quoting is left to
 * interpret once papaparse's grouping has been refused), and papaparse starts again on the next line.
 * A stretch read that way is reported once, with its line numbers, by the caller.
 */
import Papa from 'papaparse';

/** A quoted field may hold line breaks (an address): a record spans at most this many physical lines. */
export const MAX_RECORD_LINES = 4;

export interface TableRow {
  fields: string[];
  /** 1-based physical lines the row covers, first and last (equal for most rows). */
  firstLine: number;
  lastLine: number;
  /** True when the line was read on its own, quotes as data (papaparse's grouping refused). */
  lineByLine: boolean;
  /** True when a CR or LF that is not the file's line end stands outside quotes in the row. */
  strayBreak: boolean;
}

export interface TableRows {
  /** Every row with content, the header first; lines holding only blanks and delimiters are skipped. */
  rows: TableRow[];
  delimiter: string;
}

/** Starts (char indexes) of the physical lines: line n (1-based) starts at `starts[n - 1]`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line holding char index `at` (binary search over `starts`). */
function lineAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** End of the content of line `n` (index of its line end, or the text's length). */
function lineEnd(text: string, starts: number[], n: number): number {
  let end = n < starts.length ? starts[n] : text.length;
  if (end > starts[n - 1] && n < starts.length) {
    end--;
    if (text.charCodeAt(end) === 10 && end > starts[n - 1] && text.charCodeAt(end - 1) === 13) end--;
  }
  return end;
}

const BLANK_ONLY = /^[\s;,\t|]*$/;

/** A field read with quotes as data: surrounding quotes dropped, doubled quotes undone. */
function unquote(field: string): string {
  let f = field;
  if (f.indexOf('"') < 0) return f;
  f = f.trim();
  if (f.startsWith('"')) f = f.slice(1);
  if (f.endsWith('"')) f = f.slice(0, -1);
  return f.replace(/""/g, '"');
}

/**
 * True when a field of `raw` that does not start with a quote holds one (`2254767";"PICARD"`: the
 * opening quote lost). Papaparse keeps such a quote as data without a word, and an identifier would
 * then carry it into the exports; the line is read on its own instead, and said.
 */
function quoteInUnquotedField(raw: string, sep: string): boolean {
  if (raw.indexOf('"') < 0 || !sep) return false;
  let i = 0;
  while (i <= raw.length) {
    if (raw.charCodeAt(i) === 34) {
      // A quoted field: to its closing quote (doubled quotes are data); papaparse checks what follows.
      i++;
      while (i < raw.length) {
        if (raw.charCodeAt(i) === 34) {
          if (raw.charCodeAt(i + 1) === 34) i += 2;
          else break;
        } else i++;
      }
      const next = raw.indexOf(sep, i);
      if (next < 0) return false;
      i = next + sep.length;
      continue;
    }
    const next = raw.indexOf(sep, i);
    const end = next < 0 ? raw.length : next;
    if (raw.substring(i, end).indexOf('"') >= 0) return true;
    if (next < 0) return false;
    i = next + sep.length;
  }
  return false;
}

/** True when a line break in `raw` stands outside double quotes (a stray CR, say). */
function breakOutsideQuotes(raw: string): boolean {
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if ((c === 10 || c === 13) && !quoted) return true;
  }
  return false;
}

const CANDIDATES = [';', ',', '\t', '|'];

/**
 * The delimiter, guessed by papaparse from the first rows when they parse without error; else the
 * candidate most frequent in the first line with content, quotes ignored. Papaparse's guess reads
 * quoted fields, so one stray quote in the header makes it see a single column (test: `"a;b` then
 * `1;2` gave `,`): only then is this count used.
 */
function guessDelimiter(text: string, starts: number[]): string {
  const head = text.substring(0, starts[Math.min(starts.length - 1, 20)] || text.length);
  const guess = Papa.parse<string[]>(head, { delimitersToGuess: CANDIDATES, preview: 10 });
  if (guess.errors.length === 0 && guess.meta.delimiter) return guess.meta.delimiter;
  for (let n = 1; n <= starts.length; n++) {
    const line = text.substring(starts[n - 1], lineEnd(text, starts, n));
    if (BLANK_ONLY.test(line)) continue;
    let best = '';
    let most = 0;
    for (const c of CANDIDATES) {
      const count = line.split(c).length - 1;
      if (count > most) {
        best = c;
        most = count;
      }
    }
    return best || ';';
  }
  return ';';
}

/**
 * Splits a table text into rows, each with the physical lines it covers.
 * @param delimiter forces the delimiter; otherwise papaparse guesses among `;`, `,`, tab and `|`.
 * Never throws: every line with content ends up in exactly one row.
 */
export function readTableRows(text: string, delimiter?: string): TableRows {
  const starts = lineStarts(text);
  const rows: TableRow[] = [];
  let sep = delimiter ?? guessDelimiter(text, starts);
  let newline: Papa.ParseConfig['newline'];
  let width = -1;
  let from = 0; // char index where papaparse (re)starts: always the start of a physical line
  while (from < text.length) {
    let refused = -1; // first line of the row papaparse grouped wrongly
    let cursorBase = from;
    const chunk = from === 0 ? text : text.substring(from);
    // With `step`, papaparse returns nothing: the delimiter and line end it chose come with each row.
    let meta: Papa.ParseMeta | undefined;
    Papa.parse<string[]>(chunk, {
      delimiter: sep,
      newline,
      step: (result, parser) => {
        meta ??= result.meta;
        let start = cursorBase;
        const end = from + result.meta.cursor;
        cursorBase = end;
        // Papaparse may take a lone CR as the file's line end (a CRLF file with one lone CR in it):
        // the LF of each CRLF then opens the next row, though it ends the line before.
        const lfOfPreviousLine = start < end && start > 0 && text.charCodeAt(start) === 10 && text.charCodeAt(start - 1) === 13;
        if (lfOfPreviousLine) start++;
        const first = lineAt(starts, start);
        let contentEnd = end;
        // The cursor stands after the row's line end, when it has one.
        if (contentEnd > start && text.charCodeAt(contentEnd - 1) === 10) contentEnd--;
        if (contentEnd > start && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
        const raw = text.substring(start, contentEnd);
        const last = lineAt(starts, Math.max(start, contentEnd - 1));
        if (BLANK_ONLY.test(raw)) return;
        const fields = result.data;
        if (lfOfPreviousLine && fields[0]?.startsWith('\n')) fields[0] = fields[0].slice(1);
        const span = last - first + 1;
        const trusted =
          result.errors.length === 0 &&
          (span === 1 || (width >= 0 && span <= MAX_RECORD_LINES && fields.length === width)) &&
          !quoteInUnquotedField(raw, result.meta.delimiter);
        if (!trusted) {
          refused = first;
          parser.abort();
          return;
        }
        if (width < 0) width = fields.length;
        rows.push({ fields, firstLine: first, lastLine: last, lineByLine: false, strayBreak: span > 1 && breakOutsideQuotes(raw) });
      },
    });
    if (!sep) sep = meta?.delimiter || ';';
    newline ??= meta?.linebreak as Papa.ParseConfig['newline'];
    if (refused < 0) break;
    const raw = text.substring(starts[refused - 1], lineEnd(text, starts, refused));
    if (!BLANK_ONLY.test(raw)) {
      const fields = raw.split(sep).map(unquote);
      if (width < 0) width = fields.length;
      rows.push({ fields, firstLine: refused, lastLine: refused, lineByLine: true, strayBreak: false });
    }
    if (refused >= starts.length) break;
    from = starts[refused];
  }
  return { rows, delimiter: sep || ';' };
}

/** `5`, `5–7` for a range of lines (for notes naming several stretches). */
export function lineRange(first: number, last: number): string {
  return first === last ? String(first) : `${first}-${last}`;
}

/**
 * The stretches read line by line, merged when they touch: `[[5, 5], [17, 19]]`.
 */
export function lineByLineStretches(rows: readonly TableRow[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    if (!r.lineByLine) continue;
    const prev = out[out.length - 1];
    if (prev && prev[1] + 1 >= r.firstLine) prev[1] = r.lastLine;
    else out.push([r.firstLine, r.lastLine]);
  }
  return out;
}
