/**
 * Positions and text of XML documents, shared by the checks and parsers of xml.ts and the fast
 * scanner of xml-scan.ts: line and column of an index, line counts, entity decoding, the tree node.
 */

/** 1-based line and column of a character index (LF, CRLF and CR all end a line). */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Counts line ends in `text` between `from` and `to` (for incremental line numbers). */
export function countLines(text: string, from: number, to: number): number {
  // indexOf on a slice (V8 does not copy it) runs natively and never searches past `to`.
  const part = text.substring(from, to);
  let n = 0;
  for (let i = part.indexOf('\n'); i >= 0; i = part.indexOf('\n', i + 1)) n++;
  // A lone CR (old Mac files) also ends a line; a CR at the slice's end is checked against the text.
  for (let i = part.indexOf('\r'); i >= 0; i = part.indexOf('\r', i + 1)) if (text.charCodeAt(from + i + 1) !== 10) n++;
  return n;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes `&amp;`-style predefined entities and `&#233;`/`&#xE9;` references; leaves anything else as written. */
export function decodeXmlEntities(value: string): string {
  if (value.indexOf('&') < 0) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/**
 * Shared by every element without attributes or without children (most of a file's elements are
 * leaves like `<Nom>MARTIN</Nom>`): an empty object and an empty array per element weighed about
 * 80 bytes each, 0.4 GB over the 5 million elements of a 540,000-person export
 * (`npm run bench -- reading-large`). Frozen: the tree is read, never changed.
 */
export const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
export const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/** One element of the generic tree that the Pronote readers and the sniffer walk. */
export interface XmlNode {
  /** Local name (namespace prefix removed). */
  name: string;
  /** May be the shared frozen `NO_ATTRS` (no attribute): read it, never change it. */
  attrs: Record<string, string>;
  /** May be the shared frozen `NO_CHILDREN` (a leaf): read it, never change it. */
  children: XmlNode[];
  /** Text content directly inside the element, trimmed, entities decoded. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}
