/**
 * Writes fixed French texts back into their file, for `npm run fix:typography`. Only the literal
 * pieces whose value changes are rewritten, each in the way it was written (quote, template, JSON,
 * JSX text), so code, URLs and English strings are never touched.
 */
import { type FrenchText, frenchTextsOf, type Piece, type PieceKind } from './french-text';
import { checkTypography, PLACEHOLDER } from './typography-rules';

/** Invisible spaces are written as escapes, so a reviewer sees them in the diff. */
function escapeSpaces(s: string, jsx: boolean): string {
  return jsx ? s.replace(/\u202f/g, '&#x202f;').replace(/\u00a0/g, '&nbsp;') : s.replace(/\u202f/g, '\\u202f').replace(/\u00a0/g, '\\u00a0');
}

/** `value` written as the content of a literal of `kind` (quotes excluded). */
export function writePiece(kind: PieceKind, value: string): string {
  switch (kind) {
    case 'json':
      return escapeSpaces(JSON.stringify(value).slice(1, -1), false);
    case 'jsx':
      return escapeSpaces(value, true);
    case 'template':
      return escapeSpaces(value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${'), false);
    default: {
      const quote = kind === 'single' ? "'" : '"';
      const body = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
      return escapeSpaces(body.split(quote).join(`\\${quote}`), false);
    }
  }
}

/** The edits one text needs: a new content for each piece whose value the rules change. */
function editsOf(t: FrenchText): { piece: Piece; content: string }[] {
  const { fixed } = checkTypography(t.text);
  if (fixed === t.text) return [];
  const values = fixed.split(PLACEHOLDER);
  if (values.length !== t.pieces.length) throw new Error(`${t.file}:${t.line}: placeholders moved while fixing`);
  return t.pieces.flatMap((piece, i) => (values[i] === piece.value ? [] : [{ piece, content: writePiece(piece.kind, values[i]) }]));
}

/** `source` (the content of `file`) with every French text fixed, and how many texts changed. */
export function fixSource(file: string, source: string): { source: string; texts: number } {
  const texts = frenchTextsOf(file, source);
  const edits = texts.map(editsOf);
  const all = edits.flat().sort((a, b) => b.piece.start - a.piece.start);
  let out = source;
  for (const { piece, content } of all) out = out.slice(0, piece.start) + content + out.slice(piece.end);
  return { source: out, texts: edits.filter((e) => e.length > 0).length };
}
