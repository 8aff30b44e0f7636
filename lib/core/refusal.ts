/**
 * Why a whole input was refused: the closed list every {@link InputError} carries (issue 15, fuzz
 * test: no catch-all that would turn a programming error into an input error).
 */
export const REFUSAL_CODES = [
  'too-large', // above MAX_INPUT_BYTES, from the size alone (limits.ts)
  'not-text', // empty, PDF, ZIP/xlsx, xls, gzip, image, NUL bytes (open.ts)
  'encoding', // an encoding Passerelle does not read: UTF-32, UTF-7, EBCDIC (decode.ts)
  'entity-declaration', // <!ENTITY or a parameter entity in the DOCTYPE, anywhere (xml-prolog.ts)
  'undefined-entity', // &name; other than the five predefined ones
  'not-well-formed', // XML fault, with line and column; includes a malformed XML declaration
  'truncated', // XML that stops before its root element is closed
  'no-element', // XML without any element
  'wrong-kind', // a table given as XML, AAF given as Pronote, HTML, unknown XML...
  'encrypted', // encrypted partner export
  'no-persons', // XML in which no person-like record is found
  'missing-column', // decisions CSV without a needed column
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];
