/**
 * Safe XML for every reader: entity declarations refused before parsing (an entity bomb or an
 * external entity is never expanded, nothing is ever fetched), a DOCTYPE that only names an external
 * DTD accepted (every AAF file starts with `<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">`,
 * DOMAIN.md "The AAF feed"), well-formedness checked with line and column, then fast-xml-parser 5.12
 * with entity processing off (TOOLING.md: earlier 5.x had entity-expansion advisories); the five
 * predefined entities and character references are decoded here instead.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Localized } from '../core/localized';
import { InputError } from '../core/person';
import { scanBody, scanProlog } from './xml-prolog';
import { type Sample, scanWellFormed, scanXmlSample, scanXmlTree } from './xml-scan';
import { countLines, decodeXmlEntities, lineColumn, type XmlNode } from './xml-text';

export { countLines, decodeXmlEntities, lineColumn, NO_ATTRS, NO_CHILDREN, type XmlNode } from './xml-text';
export { type RecordHook, type Sample, scanXmlRecords } from './xml-scan';

/**
 * Refuses entity declarations wherever they stand (the DOCTYPE's internal subset, a later DOCTYPE,
 * a stray `<!ENTITY`; parameter-entity references too) and references to entities other than the
 * five predefined ones, before parsing, by the scan of xml-prolog.ts (comments, quoted strings,
 * brackets and CDATA understood; no length cut-off). A DOCTYPE naming only an external DTD is
 * accepted; that DTD is never read. Markup inside CDATA is data.
 * @throws InputError (`entity-declaration`, or `undefined-entity` naming the reference and its line).
 */
export function assertNoEntityDeclarations(text: string, source: string): void {
  const prolog = scanProlog(text);
  const body = prolog.rootAt >= 0 ? scanBody(text, prolog.rootAt) : { entityAt: -1, undefinedRef: undefined };
  const entityAt = prolog.entityAt >= 0 ? prolog.entityAt : body.entityAt;
  if (entityAt >= 0) {
    const { line, column } = lineColumn(text, entityAt);
    throw new InputError(
      {
        fr: `Le fichier «\u202f${source}\u202f» contient des déclarations d’entités XML (ligne ${line}, colonne ${column}). Passerelle les refuse par sécurité et ne va rien chercher ailleurs\u202f: un export Pronote ou un fichier AAF n’en contient jamais. Demandez le fichier d’origine.`,
        en: `The file "${source}" holds XML entity declarations (line ${line}, column ${column}). Passerelle refuses them for safety and fetches nothing: a Pronote export or an AAF file never holds any. Ask for the original file.`,
      },
      source,
      'entity-declaration',
    );
  }
  if (body.undefinedRef) {
    const { line, column } = lineColumn(text, body.undefinedRef.at);
    const ref = `&${body.undefinedRef.name};`;
    throw new InputError(
      {
        fr: `Le fichier «\u202f${source}\u202f» contient la référence d’entité «\u202f${ref}\u202f» (ligne ${line}, colonne ${column}), définie nulle part\u202f: seules &amp; &lt; &gt; &quot; &apos; sont admises. Passerelle ne la garde pas comme un nom. Demandez le fichier d’origine.`,
        en: `The file "${source}" holds the entity reference "${ref}" (line ${line}, column ${column}), defined nowhere: only &amp; &lt; &gt; &quot; &apos; are allowed. Passerelle does not keep it as a name. Ask for the original file.`,
      },
      source,
      'undefined-entity',
    );
  }
}

/** An XML declaration with its pseudo-attributes in order (XML 1.0 §2.8, production XMLDecl). */
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(?:"1\.\d+"|'1\.\d+')(?:\s+encoding\s*=\s*(?:"[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(?:\s+standalone\s*=\s*(?:"(?:yes|no)"|'(?:yes|no)'))?\s*\?>/;

/**
 * Refuses a malformed XML declaration (`<?xml version="1"".0"?>`, `encoding="utf-8?>`), which
 * fast-xml-parser's validator lets through and its parser then throws on in English.
 * @throws InputError (`not-well-formed`, line 1).
 */
function assertDeclaration(text: string, source: string): void {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('<?xml', start) || !/^<\?xml[\s?]/.test(text.substr(start, 6))) return;
  if (XML_DECLARATION.test(text.slice(start, start + 512))) return;
  throw new InputError(
    {
      fr: `Le fichier «\u202f${source}\u202f» n’est pas un XML valide\u202f: erreur ligne 1 (déclaration <?xml ... ?> mal formée\u202f: guillemets ou version incorrects). Exportez-le à nouveau sans l’ouvrir ni le modifier.`,
      en: `The file "${source}" is not valid XML: error at line 1 (malformed <?xml ... ?> declaration: wrong quotes or version). Export it again without opening or editing it.`,
    },
    source,
    'not-well-formed',
  );
}

/**
 * A plain-words name for a fast-xml-parser validation fault (`result.err.code` and `.msg`), for
 * messages shown to school staff: `fr` in French, `en` in English. The parser's own English text
 * is only ever quoted in `en` (by the caller), never inside French text.
 */
export function xmlFaultWords(code: string, msg: string): Localized {
  const unclosed = /^Invalid '\[([\s\S]*)\]' found/.exec(msg);
  if (unclosed || /unclosed|is expected|missing closing|not closed/i.test(msg)) {
    const names = unclosed?.[1].match(/"[^"]*"/g)?.map((n) => n.slice(1, -1)) ?? [];
    const last = names[names.length - 1];
    return last ? { fr: `balise <${last}> non fermée`, en: `unclosed <${last}> tag` } : { fr: 'balise non fermée', en: 'unclosed tag' };
  }
  const mismatch = /^Expected closing tag '([^']*)'.*instead of closing tag '([^']*)'/.exec(msg);
  if (mismatch) {
    return {
      fr: `balise fermante </${mismatch[2]}> alors que </${mismatch[1]}> était attendue`,
      en: `closing tag </${mismatch[2]}> where </${mismatch[1]}> was expected`,
    };
  }
  const unopened = /^Closing tag '([^']*)' has not been opened/.exec(msg);
  if (unopened) return { fr: `balise fermante </${unopened[1]}> sans balise ouvrante`, en: `closing tag </${unopened[1]}> never opened` };
  if (/^Extra text at the end/.test(msg)) return { fr: 'texte en trop après la fin du document', en: 'extra text after the end' };
  if (code === 'InvalidAttr') return { fr: 'attribut mal formé', en: 'malformed attribute' };
  if (code === 'InvalidChar') return { fr: 'caractère inattendu', en: 'unexpected character' };
  if (code === 'InvalidTag') return { fr: 'balise mal formée', en: 'malformed tag' };
  return { fr: 'balise ou attribut mal formé', en: 'malformed tag or attribute' };
}

/**
 * Checks that the text is well-formed XML.
 * @throws InputError with the line and column of the fault; a file that stops before its elements
 * are closed is reported as cut off, at its last line.
 */
export function assertWellFormed(text: string, source: string): void {
  assertDeclaration(text, source);
  // Plain files are checked by the fast scanner; the validator decides (and words) everything else.
  if (scanWellFormed(text)) return;
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result === true) return;
  const { code, msg } = result.err;
  const { line, col } = result.err;
  const unclosed = /^Invalid '\[([\s\S]*)\]' found/.exec(msg);
  if (code === 'InvalidXml' && unclosed) {
    const names = unclosed[1].match(/"[^"]*"/g)?.map((s) => s.slice(1, -1)) ?? [];
    const end = lineColumn(text, text.trimEnd().length);
    // A file cut inside a tag leaves that tag's partial name on top of the stack: name the element around it.
    const tail = text.slice(text.lastIndexOf('>') + 1);
    const open = tail.includes('<') && names.length > 1 ? names.slice(0, -1) : names;
    const last = open[open.length - 1] ?? '?';
    throw new InputError(
      {
        fr: `Le fichier «\u202f${source}\u202f» est incomplet\u202f: il s’arrête ligne ${end.line}, colonne ${end.column}, avant la fin de l’élément <${last}>. Il a sans doute été coupé pendant la copie ou le téléchargement\u202f: exportez-le à nouveau.`,
        en: `The file "${source}" is incomplete: it stops at line ${end.line}, column ${end.column}, before the end of the <${last}> element. It was probably cut off while copied or downloaded: export it again.`,
      },
      source,
      'truncated',
    );
  }
  const cut = cutInsideTag(text, line, /unclosed|not closed|is expected/i.test(msg));
  if (cut) {
    const where = cut.name
      ? { fr: `au milieu de la balise <${cut.name}>`, en: `in the middle of the <${cut.name}> tag` }
      : { fr: 'au milieu d’une balise', en: 'in the middle of a tag' };
    throw new InputError(
      {
        fr: `Le fichier «\u202f${source}\u202f» est incomplet\u202f: il s’arrête ligne ${cut.end.line}, colonne ${cut.end.column}, ${where.fr}. Il a sans doute été coupé pendant la copie ou le téléchargement\u202f: exportez-le à nouveau.`,
        en: `The file "${source}" is incomplete: it stops at line ${cut.end.line}, column ${cut.end.column}, ${where.en}. It was probably cut off while copied or downloaded: export it again.`,
      },
      source,
      'truncated',
    );
  }
  throw new InputError(
    {
      fr: `Le fichier «\u202f${source}\u202f» n’est pas un XML valide\u202f: erreur ligne ${line}, colonne ${col} (${xmlFaultWords(code, msg).fr}). Exportez-le à nouveau sans l’ouvrir ni le modifier.`,
      en: `The file "${source}" is not valid XML: error at line ${line}, column ${col} (${xmlFaultWords(code, msg).en}). Export it again without opening or editing it.`,
    },
    source,
    'not-well-formed',
  );
}

/**
 * A file that stops inside a tag (`<Professeur Nom="RO`, a copy or download cut off): its last `<`
 * is never closed by a `>`, and the validator's fault (at `faultLine`) is on or after that tag's
 * line or says an element is left open (a cut comment is blamed on the root), so the fault is the
 * cut, not an error earlier in the file. Returns where the text stops and
 * the name of the cut tag when it got that far; undefined otherwise.
 */
function cutInsideTag(text: string, faultLine: number, unclosedFault: boolean): { end: { line: number; column: number }; name?: string } | undefined {
  const lastOpen = text.lastIndexOf('<');
  if (lastOpen < 0 || lastOpen < text.lastIndexOf('>')) return undefined;
  if (!unclosedFault && faultLine < lineColumn(text, lastOpen).line) return undefined;
  const name = /^<\/?([A-Za-z_][\w.:-]*)[\s/]/.exec(text.slice(lastOpen, lastOpen + 256))?.[1]?.replace(/^.*:/, '');
  return { end: lineColumn(text, text.trimEnd().length), ...(name ? { name } : {}) };
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Parses well-formed XML (check it first with {@link assertWellFormed} and
 * {@link assertNoEntityDeclarations}) into a tree of {@link XmlNode}, keeping document order and
 * line numbers. Entity processing is off in the parser; values are decoded by {@link decodeXmlEntities}.
 * Plain files are read by the fast scanner of xml-scan.ts (same tree), the rest by fast-xml-parser.
 * @returns the root element, or undefined when the text has none.
 */
export function parseXmlTree(text: string): XmlNode | undefined {
  return scanXmlTree(text) ?? parseXmlTreeWithParser(text);
}

/**
 * {@link parseXmlTree} by fast-xml-parser alone: the reference the fast scanner must match (tests).
 * `faults.ltInAttribute` is set to the start index of the first element with a `<` in an attribute
 * value (not well-formed XML, which the parser reads all the same).
 */
export function parseXmlTreeWithParser(text: string, faults?: { ltInAttribute?: number }): XmlNode | undefined {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    maxNestedTags: 200,
  });
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const ordered = parser.parse(text) as Ordered[];
  // Line numbers: one pass over the text, turning start indexes into lines incrementally.
  const starts: { node: XmlNode; index: number }[] = [];
  const convert = (item: Ordered): XmlNode | undefined => {
    const name = Object.keys(item).find((k) => k !== ':@' && k !== '#text');
    if (!name) return undefined;
    const attrs: Record<string, string> = {};
    const index = (item as unknown as Record<symbol, { startIndex?: number } | undefined>)[meta]?.startIndex;
    for (const [k, v] of Object.entries(item[':@'] ?? {})) {
      // Entities are decoded below: a `<` here stood as such in the file.
      if (faults && faults.ltInAttribute === undefined && String(v).includes('<')) faults.ltInAttribute = index ?? 0;
      attrs[k.replace(/^.*:/, '')] = decodeXmlEntities(String(v));
    }
    const node: XmlNode = { name, attrs, children: [], text: '', line: 0 };
    if (typeof index === 'number') starts.push({ node, index });
    const texts: string[] = [];
    for (const child of (item[name] as Ordered[]) ?? []) {
      if ('#text' in child) texts.push(decodeXmlEntities(String(child['#text'])));
      else {
        const c = convert(child);
        if (c) node.children.push(c);
      }
    }
    node.text = texts.join(' ').trim();
    return node;
  };
  let root: XmlNode | undefined;
  for (const item of ordered) {
    const node = convert(item);
    if (node && !root) root = node;
  }
  // `starts` is in document order already: elements were visited depth-first, start tags first.
  let line = 1;
  let at = 0;
  for (const s of starts) {
    line += countLines(text, at, s.index);
    at = s.index;
    s.node.line = line;
  }
  return root;
}

/** The line of the first processing instruction after the start, else 1: where a parser fault most likely is. */
function faultLine(text: string): number {
  const pi = text.indexOf('<?', 2);
  return pi < 0 ? 1 : lineColumn(text, pi).line;
}

/**
 * Decodes, checks and parses an XML input in one go.
 * @param how when given, `how.scanned` is set to true when the fast scanner of xml-scan.ts read the
 * text: {@link scanXmlRecords} then reads it too (records handed out as they close). With
 * `how.sample`, the tree is the scanner's sample (scanXmlSample): `sample.keep` to twice as many
 * children of a name per list, spread over it, `sample.dropped` counting the others; the parser's
 * tree is whole.
 * @throws InputError (entity declarations, undefined entity, not well-formed, truncated, no element).
 */
export function readXmlTree(text: string, source: string, how?: { scanned: boolean; sample?: Sample }): XmlNode {
  assertNoEntityDeclarations(text, source);
  assertDeclaration(text, source);
  // A tree from the fast scanner means the text is well-formed too (xml-scan.ts).
  const fast = how?.sample ? scanXmlSample(text, how.sample) : scanXmlTree(text);
  if (how) how.scanned = fast !== undefined;
  if (fast) return fast;
  assertWellFormed(text, source);
  let root: XmlNode | undefined;
  const faults: { ltInAttribute?: number } = {};
  try {
    root = parseXmlTreeWithParser(text, faults);
  } catch (e) {
    // fast-xml-parser throws plain Errors in English on what its validator let through: the
    // reader's message instead, at the line of the last markup the validator could not place.
    if (!(e instanceof Error) || e instanceof InputError) throw e;
    throw new InputError(
      {
        fr: `Le fichier «\u202f${source}\u202f» n’est pas un XML valide\u202f: sa structure ne peut pas être lue (balise, commentaire ou instruction mal fermé, ligne ${faultLine(text)}). Exportez-le à nouveau sans l’ouvrir ni le modifier.`,
        en: `The file "${source}" is not valid XML: its structure cannot be read (a tag, comment or instruction not closed properly, line ${faultLine(text)}). Export it again without opening or editing it.`,
      },
      source,
      'not-well-formed',
    );
  }
  if (faults.ltInAttribute !== undefined) {
    const { line } = lineColumn(text, faults.ltInAttribute);
    throw new InputError(
      {
        fr: `Le fichier «\u202f${source}\u202f» n’est pas un XML valide\u202f: erreur ligne ${line} (un «\u202f<\u202f» dans la valeur d’un attribut, entre guillemets\u202f; il s’écrit &lt; en XML). Exportez-le à nouveau sans l’ouvrir ni le modifier.`,
        en: `The file "${source}" is not valid XML: error at line ${line} (a "<" inside an attribute value, between quotes; XML writes it &lt;). Export it again without opening or editing it.`,
      },
      source,
      'not-well-formed',
    );
  }
  if (!root) {
    throw new InputError(
      { fr: `Le fichier «\u202f${source}\u202f» ne contient aucun élément XML.`, en: `The file "${source}" holds no XML element.` },
      source,
      'no-element',
    );
  }
  return root;
}
