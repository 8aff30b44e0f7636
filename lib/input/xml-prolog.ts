/**
 * The prolog of an XML text (declaration, comments, processing instructions, DOCTYPE) read the way
 * an XML parser reads it, and a pass over the rest for entity declarations and references
 * (issue 15, point 3). Regular expressions over a head of the text were fooled by a decoy
 * `<!DOCTYPE` in a comment, a `]` in an ATTLIST default, a declaration past 64 KB, and a DOCTYPE
 * inside CDATA: this scanner knows comments, quoted strings, brackets and CDATA, and has no length
 * cut-off (one pass, `indexOf` between markup).
 */

export interface Prolog {
  /** Index of the `<` of the root element, or -1 when the prolog never ends (no root, or cut off). */
  rootAt: number;
  /** Index of `<!DOCTYPE`, or -1. */
  doctypeAt: number;
  /** Index of the first entity declaration (`<!ENTITY`) or parameter-entity reference (`%name;`) in the DOCTYPE, or -1. */
  entityAt: number;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** End (index after) of a quoted string starting at `at`, or -1 when it is not closed. */
function afterQuoted(text: string, at: number): number {
  const end = text.indexOf(text[at], at + 1);
  return end < 0 ? -1 : end + 1;
}

/** After a `<!--...-->` or `<?...?>` starting at `at`, or -1 when not closed. */
function afterCommentOrPi(text: string, at: number): number {
  const close = text.startsWith('<!--', at) ? '-->' : '?>';
  const end = text.indexOf(close, at + 2);
  return end < 0 ? -1 : end + close.length;
}

/**
 * Scans the DOCTYPE starting at `at` (`<!DOCTYPE`): external id (quoted), internal subset with its
 * declarations, comments, processing instructions and quoted literals.
 * @returns where it ends and the first entity declaration or parameter-entity reference in it.
 */
function scanDoctype(text: string, at: number): { end: number; entityAt: number } {
  let p = at + 9;
  let entityAt = -1;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      p = afterQuoted(text, p);
      if (p < 0) return { end: -1, entityAt };
    } else if (c === 91) {
      // Internal subset: declarations until the `]` that stands outside quotes and comments.
      p++;
      while (p < n) {
        const d = text.charCodeAt(p);
        if (d === 93) break;
        if (d === 34 || d === 39) {
          p = afterQuoted(text, p);
          if (p < 0) return { end: -1, entityAt };
        } else if (text.startsWith('<!--', p) || text.startsWith('<?', p)) {
          p = afterCommentOrPi(text, p);
          if (p < 0) return { end: -1, entityAt };
        } else {
          if (entityAt < 0 && (text.startsWith('<!ENTITY', p) || (d === 37 && /^%[A-Za-z_:][\w.:-]*;/.test(text.substr(p, 256))))) {
            entityAt = p;
          }
          p++;
        }
      }
      if (p >= n) return { end: -1, entityAt };
      p++;
    } else if (c === 62) {
      return { end: p + 1, entityAt };
    } else p++;
  }
  return { end: -1, entityAt };
}

/** Reads the prolog: see {@link Prolog}. Never throws; faults are left to the well-formedness check. */
export function scanProlog(text: string): Prolog {
  let p = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let doctypeAt = -1;
  let entityAt = -1;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (isBlank(c)) {
      p++;
      continue;
    }
    if (c !== 60) return { rootAt: -1, doctypeAt, entityAt };
    if (text.startsWith('<!--', p) || text.startsWith('<?', p)) {
      p = afterCommentOrPi(text, p);
      if (p < 0) break;
    } else if (text.startsWith('<!DOCTYPE', p)) {
      const d = scanDoctype(text, p);
      if (doctypeAt < 0) doctypeAt = p;
      if (entityAt < 0) entityAt = d.entityAt;
      if (d.end < 0) break;
      p = d.end;
    } else if (text.charCodeAt(p + 1) === 33) {
      // `<!ENTITY` or other markup declaration outside a DOCTYPE: never well-formed, still refused.
      if (entityAt < 0 && text.startsWith('<!ENTITY', p)) entityAt = p;
      const end = text.indexOf('>', p);
      if (end < 0) break;
      p = end + 1;
    } else return { rootAt: p, doctypeAt, entityAt };
  }
  return { rootAt: -1, doctypeAt, entityAt };
}

const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * After the root start: the first `<!ENTITY` or `<!DOCTYPE` (a DOCTYPE with a subset may only come
 * first; any later one is refused the same way) and the first reference to an entity other than
 * the five predefined ones, skipping CDATA sections and comments (their content is data).
 * @returns char indexes, -1 when none.
 */
export function scanBody(text: string, from: number): { entityAt: number; undefinedRef?: { at: number; name: string } } {
  const re = /<!\[CDATA\[|<!--|<!ENTITY|<!DOCTYPE|&([A-Za-z_:][\w.:-]*);/g;
  re.lastIndex = from;
  let entityAt = -1;
  let undefinedRef: { at: number; name: string } | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = m[0];
    if (token === '<![CDATA[' || token === '<!--') {
      const end = text.indexOf(token === '<!--' ? '-->' : ']]>', m.index + token.length);
      if (end < 0) break;
      re.lastIndex = end + 3;
    } else if (token[0] === '<') {
      if (token === '<!ENTITY') {
        if (entityAt < 0) entityAt = m.index;
      } else if (entityAt < 0) {
        const d = scanDoctype(text, m.index);
        if (d.entityAt >= 0) entityAt = d.entityAt;
      }
    } else if (!PREDEFINED.has(m[1]) && !undefinedRef) {
      undefinedRef = { at: m.index, name: m[1] };
    }
    if (entityAt >= 0 && undefinedRef) break;
  }
  return { entityAt, undefinedRef };
}
