/**
 * Finds the shadow roots a built script creates and the mode of each (issue 16: the content
 * scripts create closed roots only). Reads minified code as text, whatever quoting (`"`, `'`, a
 * template literal) or spacing the minifier chose: every `attachShadow` is followed to its
 * argument, which must be an object literal whose `mode` is the literal `closed`. A call whose
 * mode is `open`, not a literal (a variable, a computed value) or missing counts as not closed,
 * since nothing else can be proved from the text.
 */

export interface ShadowCall {
  /** Offset of `attachShadow` in the code. */
  at: number;
  /** `closed`, `open`, or `unknown` when the argument is not an object literal with a literal mode. */
  mode: 'closed' | 'open' | 'unknown';
  /** The code around the call, for the report. */
  excerpt: string;
}

const CALL = /attachShadow\s*(?:["'`]\s*\])?\s*\(\s*/g;
const MODE = /(?:^|[{,\s])(["'`]?)mode\1\s*:\s*(["'`])(open|closed)\2\s*(?=[,}])/;

/** Every `attachShadow` of `code` with the mode it asks for. */
export function shadowCalls(code: string): ShadowCall[] {
  const calls: ShadowCall[] = [];
  for (const m of code.matchAll(CALL)) {
    const start = m.index + m[0].length;
    const excerpt = code.slice(Math.max(0, m.index - 20), Math.min(code.length, start + 60));
    let mode: ShadowCall['mode'] = 'unknown';
    if (code[start] === '{') {
      const end = code.indexOf('}', start);
      const literal = end < 0 ? '' : code.slice(start, end + 1);
      // Nested braces or a spread would hide the real mode: not provable.
      if (!/[{(]|\.\.\./.test(literal.slice(1))) {
        const found = MODE.exec(literal);
        if (found) mode = found[3] as 'open' | 'closed';
      }
    }
    calls.push({ at: m.index, mode, excerpt });
  }
  return calls;
}
