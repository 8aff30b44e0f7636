/**
 * What kind of file an input is, from its first bytes and, for XML, its root element: lets each
 * reader say "this is a PDF" or "this looks like an AAF file, not a Pronote export" instead of
 * failing on the first unexpected tag (issue 3, "Everywhere": the wrong kind of file).
 */
import { scanProlog } from './xml-prolog';

export type ByteKind = 'empty' | 'pdf' | 'zip' | 'ole' | 'gzip' | 'image' | 'binary' | 'text';

/**
 * Kind from magic numbers. `zip` covers .xlsx/.ods/.docx; `ole` covers .xls/.doc. `binary` means
 * NUL bytes in the first 4 KB of a file with no UTF-16 BOM or UTF-16 XML start.
 */
export function sniffBytes(bytes: Uint8Array): ByteKind {
  if (bytes.length === 0) return 'empty';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
  const utf16 = starts(0xff, 0xfe) || starts(0xfe, 0xff) || starts(0x3c, 0x00) || starts(0x00, 0x3c);
  if (!utf16) {
    const n = Math.min(bytes.length, 4096);
    for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary';
  }
  return 'text';
}

/** True when the decoded text starts (after blanks) with markup. */
export function looksLikeXml(text: string): boolean {
  return /^\s*</.test(text.slice(0, 1024));
}

export type XmlKind =
  | 'aaf' // ficAlimMENESR: ENT directory feed
  | 'rapprochement-sso' // PARTENAIRE_INDEX: ENT → Pronote pairing file
  | 'encrypted' // EXPORT_INDEX_EDUCATION with CLES/CONTENU, or ImportChiffre
  | 'pronote' // partner layout (Professeur/Eleve... with Ident/IDPN) or another person list
  | 'html'
  | 'other';

/**
 * The name of the root element (namespace prefix removed), or undefined when none is found. The
 * prolog is read by xml-prolog.ts (a decoy DOCTYPE in a comment, a `]` in an ATTLIST default).
 */
export function rootElementName(text: string): string | undefined {
  const { rootAt } = scanProlog(text);
  if (rootAt < 0) return undefined;
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(text.substr(rootAt, 256));
  return m ? m[1].replace(/^.*:/, '') : undefined;
}

/** Classifies an XML text by its root element and a look at its first 64 KB. */
export function sniffXml(text: string): XmlKind {
  const root = rootElementName(text);
  if (!root) return 'other';
  const head = text.slice(0, 64 * 1024);
  if (root === 'ficAlimMENESR') return 'aaf';
  if (root === 'PARTENAIRE_INDEX') return 'rapprochement-sso';
  if (root === 'ImportChiffre') return 'encrypted';
  if (root === 'EXPORT_INDEX_EDUCATION' && /<(?:\w+:)?(CLES|CONTENU)\b/i.test(head)) return 'encrypted';
  if (root.toLowerCase() === 'html') return 'html';
  if (
    /<(?:\w+:)?(Professeurs?|Personnels?|Eleves?|Responsables?|MaitresDeStage|MaitreDeStage|InspecteursPedagogiques|InspecteurPedagogique)\b/.test(head) ||
    /\bIDPN\s*=/.test(head)
  ) {
    return 'pronote';
  }
  return 'other';
}

/**
 * True when the text looks like a table: its first two non-empty lines hold the same number (≥ 1)
 * of `;`, tab or `,` (a letter with one comma is not a table).
 */
export function looksLikeTable(text: string): boolean {
  const lines = text
    .slice(0, 8192)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 2);
  if (lines.length < 2) return false;
  return [';', '\t', ','].some((d) => {
    const a = lines[0].split(d).length - 1;
    return a >= 1 && a === lines[1].split(d).length - 1;
  });
}
