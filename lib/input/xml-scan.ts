/**
 * A fast path in front of fast-xml-parser, for the plain XML that exports and AAF feeds hold.
 *
 * fast-xml-parser 5.12 builds every text and attribute string one character at a time: its validator
 * and its parser read about 5–15 MB/s, most of the time of reading a 12,000-account AAF directory or
 * a 10,000-person Pronote export. This scanner reads the same files with `indexOf` and char codes, in
 * one pass, and answers only when it is sure:
 * - {@link scanWellFormed} returns true only for text that `XMLValidator.validate` accepts too;
 * - {@link scanXmlTree} returns the same tree as fast-xml-parser followed by the conversion of
 *   `parseXmlTree` (lib/input/xml.ts), with the same line numbers.
 * Anything outside the subset it knows (a fault of any kind, CDATA or comments inside elements,
 * processing instructions other than the XML declaration, non-ASCII names, names that
 * fast-xml-parser treats specially, very deep nesting...) makes it give up (`false` / `undefined`),
 * and the caller goes the slow way, so that error messages (with their line and column) and
 * results are those of fast-xml-parser. Entity declarations are refused before either path runs.
 */
import { ownText } from './own-text';
import { countLines, decodeXmlEntities, NO_ATTRS, NO_CHILDREN, type XmlNode } from './xml-text';

/**
 * Names fast-xml-parser refuses or renames (`criticalProperties` and `DANGEROUS_PROPERTY_NAMES` of
 * its util.js): left to it, so that it throws or renames as it does.
 */
const SPECIAL_NAMES = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** fast-xml-parser's `maxNestedTags` is 200 in parseXmlTree; deeper files are left to it. */
const MAX_DEPTH = 150;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const COLON = 58;
const SEMICOLON = 59;
const HASH = 35;

function isBlank(c: number): boolean {
  // The validator's and the parser's blanks: space, tab, LF, CR.
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** ASCII letters and `_`: a subset of the XML NameStartChar that fast-xml-parser's `isName` accepts. */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** ASCII letters, digits, `_`, `-`, `.` (the colon is counted apart). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

function isWordChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * End (index of `;`) of an entity or character reference at `at` (an `&`) in element text, or -1
 * when it is not one of the forms fast-xml-parser's validator accepts: `&#digits;`, `&#xhex;`,
 * `&name;` with 1 to 20 word characters.
 */
function referenceEnd(text: string, at: number): number {
  let p = at + 1;
  const c = text.charCodeAt(p);
  if (c === HASH) {
    p++;
    const hex = text.charCodeAt(p) === 120; // x
    if (hex) p++;
    for (; ; p++) {
      const d = text.charCodeAt(p);
      if (d === SEMICOLON) return p;
      if (!(hex ? isHexDigit(d) : d >= 48 && d <= 57)) return -1;
    }
  }
  const start = p;
  while (p - start < 20 && isWordChar(text.charCodeAt(p))) p++;
  return p > start && text.charCodeAt(p) === SEMICOLON ? p : -1;
}

/** fast-xml-parser turns every CRLF and lone CR into LF before reading values. */
function newlines(value: string): string {
  return value.indexOf('\r') < 0 ? value : value.replace(/\r\n?/g, '\n');
}

/** An XML declaration with its usual pseudo-attributes (see `scan`). */
const DECLARATION = /^<\?xml(?:\s+(?:version|encoding|standalone)\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\?>/;

/** True when `text` holds at `at` the same characters as at `nameAt` (length `length`). */
function sameName(text: string, at: number, nameAt: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(at + k) !== text.charCodeAt(nameAt + k)) return false;
  return true;
}

/** Skips blanks and comments from `p`; returns where something else starts, or -1 for an unclosed comment. */
function skipMisc(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (isBlank(c)) p++;
    else if (c === LT && text.startsWith('<!--', p)) {
      const end = text.indexOf('-->', p + 4);
      if (end < 0) return -1;
      p = end + 3;
    } else break;
  }
  return p;
}

/**
 * Element and attribute names met so far, so that each name is one string for the whole file:
 * thousands of records repeat the same dozen names, and a string already used as a property key
 * or a map key is found again without hashing. A small table indexed by length and end characters,
 * each slot checked character by character (a name that misses is simply read again).
 */
class NameTable {
  private readonly slots: (string | undefined)[] = new Array(512);

  get(text: string, at: number, length: number): string {
    const slot = (length * 31 + text.charCodeAt(at) * 7 + text.charCodeAt(at + length - 1)) & 511;
    const known = this.slots[slot];
    if (known !== undefined && known.length === length && holdsName(text, at, known, length)) return known;
    // Its own copy: a name of 13+ letters (`DateNaissance`) would otherwise be a view of the whole
    // file, and names outlive the file (caches of folded names, the profile of the mapping screen).
    const name = ownText(text.substr(at, length));
    this.slots[slot] = name;
    return name;
  }
}

/** True when `text` holds `name` at `at` (`length` is the name's length). */
function holdsName(text: string, at: number, name: string, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** Where the scanner's nodes are made: see {@link TREE_ALLOCATION}. */
interface NodeAllocation {
  element(name: string, line: number): XmlNode;
  attrs(): Record<string, string>;
  children(first: XmlNode): XmlNode[];
}

/**
 * The nodes of a tree (whole or sampled), and apart from them ({@link RECORD_ALLOCATION}) the
 * nodes of records handed out as they close: the same code twice, so that V8 sees two sets of
 * allocation sites. V8 allocates straight into its old space the objects of a site whose objects
 * mostly survived a young collection ("allocation-site pretenuring"): a tree keeps its nodes, so
 * its sites are pretenured, and the records passes that follow, whose nodes die as each record is
 * read, then left their 5 million dead nodes in the old space until a full collection. Reading a
 * 540,000-person export (`npm run bench -- reading-large`, process peak RSS, 8 Dec 2026): EDT
 * tables 1,397–1,493 MiB with one set, 1,132 MiB with two; partner layout 1,196 → 1,184 MiB.
 */
const TREE_ALLOCATION: NodeAllocation = {
  element: (name, line) => ({ name, attrs: NO_ATTRS, children: NO_CHILDREN, text: '', line }),
  attrs: () => ({}),
  children: (first) => [first],
};

/** The nodes of records handed out as they close: see {@link TREE_ALLOCATION}. */
const RECORD_ALLOCATION: NodeAllocation = {
  element: (name, line) => ({ name, attrs: NO_ATTRS, children: NO_CHILDREN, text: '', line }),
  attrs: () => ({}),
  children: (first) => [first],
};

/**
 * Elements handed out as they close instead of staying in the tree (see {@link scanXmlRecords}).
 */
export interface RecordHook {
  /**
   * Names of the record elements (the root is never one). An element of these names inside a
   * record is part of it (a `<Responsable Ident="…"/>` link inside an `<Eleve>`), not a record.
   */
  names: ReadonlySet<string>;
  /** Called once per record, complete (attributes, children, text), in document order. */
  onRecord: (node: XmlNode) => void;
}

/**
 * The scan shared by the entry points.
 * @param build true to build the tree.
 * @param records when building, elements to hand out as they close, taken out of the tree.
 * @param sample when building, keeps of each name of children of the elements of the first levels
 * between `sample.keep` and twice as many, spread over the list (see {@link scanXmlSample}).
 * @returns the root (build), true (check only), or undefined when the scanner is not sure.
 */
function scan(text: string, build: boolean, records?: RecordHook, sample?: Sample): XmlNode | true | undefined {
  const n = text.length;
  let p = 0;
  // The XML declaration, only at the very start (the validator refuses it anywhere else).
  if (text.startsWith('<?xml', 0)) {
    const end = text.indexOf('?>', 5);
    if (end < 0) return undefined;
    if (build) {
      // The parser reads the declaration quote-aware and checks its attribute names: only the
      // usual ones, ending at the first `?>` as the validator sees it.
      const m = DECLARATION.exec(text);
      if (!m || m[0].length !== end + 2) return undefined;
    }
    p = end + 2;
  }
  // Prolog: blanks, comments and (check only: the tree path leaves it to the parser) a DOCTYPE
  // without internal subset, such as AAF's `<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">`.
  for (;;) {
    p = skipMisc(text, p);
    if (p < 0 || p >= n || text.charCodeAt(p) !== LT) return undefined;
    if (!build && text.startsWith('<!DOCTYPE', p)) {
      const gt = text.indexOf('>', p + 9);
      const lt = text.indexOf('<', p + 9);
      if (gt < 0 || (lt >= 0 && lt < gt)) return undefined;
      p = gt + 1;
      continue;
    }
    break;
  }
  // Open elements, innermost last: where their names are (closing tags are compared with them),
  // and, when building, their nodes and texts.
  const openAt: number[] = [];
  const openLength: number[] = [];
  const openNodes: XmlNode[] = [];
  const openTexts: (string | undefined)[] = [];
  let depth = 0;
  const names = new NameTable();
  // Names of the attributes of the tag being read (start, length), to find a repeated one.
  const attrStarts: number[] = [];
  const attrLengths: number[] = [];
  let root: XmlNode | undefined;
  const allocate = records ? RECORD_ALLOCATION : TREE_ALLOCATION;
  let amp = -2; // index of the next `&` at or after the text being read (-1: none left)
  let line = 1;
  let lineAt = 0;
  let nextLt = -1; // index of the next `<` after the attribute value being read (see there)
  // Depth of the record being read (records: elements of `records.names` outside another one), or -1.
  let recordDepth = -1;
  // Sampling: per open element (the first levels only), how many children of each name it kept.
  const openCounts: (Map<string, Spread> | undefined)[] = [];
  // Each turn reads one piece of markup starting at `p` (a `<`), then the text up to the next `<`.
  for (;;) {
    const c1 = text.charCodeAt(p + 1);
    if (c1 === SLASH) {
      // Closing tag: `</name>` with optional blanks before `>`, the name of the open element.
      if (depth === 0) return undefined;
      depth--;
      const nameLength = openLength[depth];
      if (!sameName(text, p + 2, openAt[depth], nameLength)) return undefined;
      let q = p + 2 + nameLength;
      let c = text.charCodeAt(q);
      while (isBlank(c)) c = text.charCodeAt(++q);
      if (c !== GT) return undefined;
      p = q + 1;
      if (build) {
        const texts = openTexts[depth];
        const node = openNodes[depth];
        node.text = texts === undefined ? '' : texts.trim();
        if (depth === recordDepth) {
          handOut(openNodes[depth - 1], node, records as RecordHook);
          recordDepth = -1;
        } else if (sample && depth > 0 && depth <= SAMPLED_DEPTH) sampleChild(openNodes[depth - 1], node, depth - 1, sample, openCounts);
      }
      if (depth === 0) break;
    } else if (c1 === BANG) {
      // Inside elements, only the check handles comments and CDATA (the parser merges text around them).
      if (build || depth === 0) return undefined;
      if (text.startsWith('<!--', p)) {
        const end = text.indexOf('-->', p + 4);
        if (end < 0) return undefined;
        p = end + 3;
      } else if (text.startsWith('<![CDATA[', p)) {
        const end = text.indexOf(']]>', p + 9);
        if (end < 0) return undefined;
        p = end + 3;
      } else return undefined;
    } else if (isNameStart(c1)) {
      // Start tag: name, then ` name="value"` pairs, then `>` or `/>`.
      const nameAt = p + 1;
      let q = nameAt + 1;
      let colons = 0;
      for (;;) {
        const c = text.charCodeAt(q);
        if (isNameChar(c)) q++;
        else if (c === COLON) {
          colons++;
          q++;
        } else break;
      }
      const nameLength = q - nameAt;
      let node: XmlNode | undefined;
      if (build) {
        // fast-xml-parser (removeNSPrefix) keeps what follows the first colon of an element name.
        if (colons > 1 || text.charCodeAt(q - 1) === COLON || depth >= MAX_DEPTH) return undefined;
        const raw = names.get(text, nameAt, nameLength);
        const name = colons === 0 ? raw : raw.slice(raw.indexOf(':') + 1);
        if (SPECIAL_NAMES.has(name)) return undefined;
        line += countLines(text, lineAt, p);
        lineAt = p;
        node = allocate.element(name, line);
      }
      let selfClosing = false;
      let attrCount = 0;
      for (;;) {
        let c = text.charCodeAt(q);
        const blankAt = q;
        while (isBlank(c)) c = text.charCodeAt(++q);
        if (c === GT) {
          q++;
          break;
        }
        if (c === SLASH) {
          if (text.charCodeAt(q + 1) !== GT) return undefined;
          q += 2;
          selfClosing = true;
          break;
        }
        // An attribute: the validator wants a blank before each one.
        if (q === blankAt || !isNameStart(c)) return undefined;
        const attrAt = q;
        let attrColons = 0;
        for (q++; ; q++) {
          const d = text.charCodeAt(q);
          if (isNameChar(d)) continue;
          if (d === COLON) attrColons++;
          else break;
        }
        const attrEnd = q;
        c = text.charCodeAt(q);
        while (isBlank(c)) c = text.charCodeAt(++q);
        if (c !== EQUALS) return undefined;
        c = text.charCodeAt(++q);
        while (isBlank(c)) c = text.charCodeAt(++q);
        if (c !== DQUOTE && c !== SQUOTE) return undefined;
        const close = text.indexOf(c === DQUOTE ? '"' : "'", q + 1);
        if (close < 0) return undefined;
        // A `<` in an attribute value is not well-formed (XML 1.0 §3.1, "No < in Attribute Values"),
        // though fast-xml-parser's validator lets it through: left to readXmlTree's refusal. The next
        // `<` is looked for once per tag, not once per attribute.
        if (nextLt <= q) nextLt = text.indexOf('<', q + 1);
        if (nextLt >= 0 && nextLt < close) return undefined;
        // A repeated attribute is a validator error: left to it, for its message.
        const attrLength = attrEnd - attrAt;
        for (let k = 0; k < attrCount; k++) {
          if (attrLengths[k] === attrLength && sameName(text, attrAt, attrStarts[k], attrLength)) return undefined;
        }
        attrStarts[attrCount] = attrAt;
        attrLengths[attrCount] = attrLength;
        attrCount++;
        if (node) {
          const rawName = names.get(text, attrAt, attrLength);
          // fast-xml-parser drops `xmlns` and `xmlns:*`, and keeps what follows the colon of `p:name`.
          if (attrColons > 1 || text.charCodeAt(attrEnd - 1) === COLON) return undefined;
          const xmlns = rawName === 'xmlns' || rawName.startsWith('xmlns:');
          if (!xmlns) {
            const key = attrColons === 0 ? rawName : rawName.slice(rawName.indexOf(':') + 1);
            if (SPECIAL_NAMES.has(key) || SPECIAL_NAMES.has(rawName)) return undefined;
            if (node.attrs === NO_ATTRS) node.attrs = allocate.attrs();
            node.attrs[key] = decodeXmlEntities(newlines(text.substring(q + 1, close)).trim());
          }
        }
        q = close + 1;
      }
      p = q;
      if (node) {
        if (depth > 0) {
          const parent = openNodes[depth - 1];
          if (parent.children === NO_CHILDREN) parent.children = allocate.children(node);
          else parent.children.push(node);
        } else root = node;
      }
      if (selfClosing) {
        if (depth === 0) break;
        if (node && recordDepth < 0 && records?.names.has(node.name)) handOut(openNodes[depth - 1], node, records);
        else if (node && sample && depth <= SAMPLED_DEPTH) sampleChild(openNodes[depth - 1], node, depth - 1, sample, openCounts);
      } else {
        // A record starts here unless one is open: what stands inside a record is part of it.
        if (node && recordDepth < 0 && depth > 0 && records?.names.has(node.name)) recordDepth = depth;
        openAt[depth] = nameAt;
        openLength[depth] = nameLength;
        if (node) {
          openNodes[depth] = node;
          openTexts[depth] = undefined;
          if (sample && depth < SAMPLED_DEPTH) openCounts[depth] = undefined;
        }
        depth++;
      }
    } else return undefined;

    // Text up to the next markup: every `&` must start a reference the validator accepts.
    const lt = text.charCodeAt(p) === LT ? p : text.indexOf('<', p);
    if (lt < 0) return undefined;
    if (amp !== -1 && amp < p) amp = text.indexOf('&', p);
    while (amp !== -1 && amp < lt) {
      const end = referenceEnd(text, amp);
      if (end < 0 || end > lt) return undefined;
      amp = text.indexOf('&', end + 1);
    }
    if (build && lt > p) {
      // Mostly indentation between elements: looked at in place, copied only when it holds text.
      let q = p;
      while (q < lt && isBlank(text.charCodeAt(q))) q++;
      if (q < lt) {
        const value = text.substring(p, lt).trim();
        if (value !== '') {
          // Joined as fast-xml-parser joins the texts around child elements, without an array per element.
          const texts = openTexts[depth - 1];
          const decoded = decodeXmlEntities(newlines(value));
          openTexts[depth - 1] = texts === undefined ? decoded : `${texts} ${decoded}`;
        }
      }
    }
    p = lt;
  }
  // Epilog: blanks and comments only.
  const end = skipMisc(text, p);
  if (end !== n) return undefined;
  if (build) return root;
  return true;
}

/**
 * Takes `node`, which has just closed, out of its `parent` (it is the parent's last child: children
 * are added as their start tags are read) and hands it to the hook.
 */
function handOut(parent: XmlNode, node: XmlNode, records: RecordHook): void {
  dropLast(parent);
  records.onRecord(node);
}

/** Elements whose children are sampled: the root and the next levels, where lists of records stand. */
const SAMPLED_DEPTH = 4;

/** The sample's bound and what it left out (see {@link scanXmlSample}). */
export interface Sample {
  /** Children of one name kept per element: between `keep` and twice as many, spread over the list. */
  keep: number;
  /** Elements left out, counted as the scan goes. */
  dropped: number;
}

/** How the children of one name of one element are sampled: every `stride`-th kept, `kept` of them so far. */
interface Spread {
  seen: number;
  stride: number;
  kept: number;
}

/**
 * Keeps `node`, which has just closed, in `parent` when it falls on its name's stride: every child
 * until `2 × sample.keep` are kept, then every other one of those is let go and the stride doubles,
 * and so on. The sample spreads over the whole list, between `keep` and `2 × keep` children of a
 * name, so that a list sorted by some field (the guardians without children first) is seen whole.
 */
function sampleChild(parent: XmlNode, node: XmlNode, parentDepth: number, sample: Sample, openCounts: (Map<string, Spread> | undefined)[]): void {
  let counts = openCounts[parentDepth];
  if (!counts) {
    counts = new Map();
    openCounts[parentDepth] = counts;
  }
  let spread = counts.get(node.name);
  if (!spread) {
    spread = { seen: 0, stride: 1, kept: 0 };
    counts.set(node.name, spread);
  }
  const at = spread.seen++;
  if (at % spread.stride !== 0) {
    dropLast(parent);
    sample.dropped++;
    return;
  }
  if (++spread.kept <= 2 * sample.keep) return;
  // Every other child of this name goes (the first stays), and the stride doubles.
  const siblings = parent.children;
  let kept = 0;
  let ofName = 0;
  for (let i = 0; i < siblings.length; i++) {
    const c = siblings[i];
    if (c.name === node.name && ofName++ % 2 === 1) {
      sample.dropped++;
      continue;
    }
    siblings[kept++] = c;
  }
  siblings.length = kept;
  spread.kept = Math.ceil(ofName / 2);
  spread.stride *= 2;
}

/** Takes the last child out of `parent` (the one that has just closed). */
function dropLast(parent: XmlNode): void {
  const siblings = parent.children;
  siblings.pop();
  if (siblings.length === 0) parent.children = NO_CHILDREN;
}

/**
 * True when the text is well-formed XML of the plain kind (see the file comment); false when the
 * scanner is not sure, and fast-xml-parser's validator must decide (and word the fault).
 */
export function scanWellFormed(text: string): boolean {
  return scan(text, false) === true;
}

/**
 * The tree `parseXmlTree` gives (names without namespace prefix, attributes and text with entities
 * decoded, 1-based lines of start tags), or undefined when the scanner is not sure and
 * fast-xml-parser must read the text.
 */
export function scanXmlTree(text: string): XmlNode | undefined {
  const root = scan(text, true);
  return root === true ? undefined : root;
}

/**
 * The scan of {@link scanXmlTree}, handing each element named in `records.names` to
 * `records.onRecord` as soon as it closes and keeping it out of the tree, so that a file's records
 * never stand in memory all at once (issue 15, point 7: a 540,000-person export held its 5 million
 * elements, 312 MB, beside its text and the persons read). Records are the outermost elements of
 * those names: an element of those names that holds records of its own name (a `<Staff>` list of
 * `<Staff>`) would be taken as one record, so callers check first that the file has none.
 * @returns the tree without the handed-out elements, or undefined when the scanner is not sure. It
 * answers as {@link scanXmlTree} does on the same text: what one reads, the other does.
 */
export function scanXmlRecords(text: string, records: RecordHook): XmlNode | undefined {
  const root = scan(text, true, records);
  return root === true ? undefined : root;
}

/**
 * The tree of {@link scanXmlTree}, except that the root and the elements of the next levels keep
 * of each name of children between `sample.keep` and twice as many, evenly spread over the list
 * (every second, then every fourth…; the others are read and let go at once, `sample.dropped`
 * counts them). What a reader learns of a file's layout from a few thousand
 * records of each list, it learns without the millions of elements of a large export standing in
 * memory (issue 15, point 7). Lists of lists are sampled the same way: `keep` must stay far above
 * the number of lists of one name (the six `TABLE`s of an EDT export).
 * @returns the sampled tree, or undefined when the scanner is not sure (as scanXmlTree).
 */
export function scanXmlSample(text: string, sample: Sample): XmlNode | undefined {
  const root = scan(text, true, undefined, sample);
  return root === true ? undefined : root;
}
