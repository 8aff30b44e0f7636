/**
 * Text folding for pasted messages. People copy error pages from a browser, a mail or a
 * screenshot's OCR: accents get lost ("Echec"), quotes change (« », “ ”, '), lines break in the
 * middle of a sentence. Recognition compares folded text only.
 */

/**
 * Folds `text` for comparison: lower case, accents removed (NFD then combining marks dropped),
 * typographic quotes and apostrophes made plain (`"` and `'`), every run of whitespace (line
 * breaks, non-breaking spaces) made one space, trimmed. Never throws.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/[«»“”„‟″]/g, '"')
    .replace(/[’‘‚‛´`ʼ]/g, "'")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}
