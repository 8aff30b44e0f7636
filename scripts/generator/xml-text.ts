/** Escaping for the generator's XML writers: text and attribute values are always escaped. */

/** Escapes `&`, `<`, `>` (element text). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes `&`, `<`, `>`, `"` (attribute values in double quotes). */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** ISO `yyyy-mm-dd` → French `dd/mm/yyyy` (AAF, Pronote); '' when undefined. */
export function frenchDate(iso: string | undefined): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}
