/**
 * Finds every French text users read, with where it sits in its file, for the typography test and
 * `npm run fix:typography`. TypeScript and JSON are parsed with the TypeScript compiler API (never
 * with regular expressions on source code), so a string is found by what it is, not by how it
 * looks:
 * - `public/_locales/fr/messages.json`: every `message`;
 * - `lib/**`, `components/**`, `features/**`, `entrypoints/**`, `scripts/**` (the command line's messages):
 *   the string and template literals of every `fr` property (`{ fr, en }` objects), through
 *   conditionals, `+`, parentheses, arrays, arrow functions and nested templates;
 * - the arguments given to a parameter named `fr` of a function, arrow or constructor declared in
 *   the same file (`wrongFile(name, fr, en)`, `new UsageError(fr, en)`);
 * - `lib/**\/*.json` data: the strings of every `fr` property;
 * - `components/**\/*.tsx`: JSX text and string literals written as JSX children.
 * Not walked, on purpose: `lib/pages` labels (they must match what the real pages show, and they
 * are not `fr` properties), English strings, code, and tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { PLACEHOLDER } from './typography-rules';

/** How a piece is written in its file, which decides how a fixed piece is written back. */
export type PieceKind = 'single' | 'double' | 'template' | 'json' | 'jsx';

/** One literal part of a text: its source range (quotes excluded) and its value. */
export interface Piece {
  start: number;
  end: number;
  kind: PieceKind;
  value: string;
}

/** One French text: its pieces joined by {@link PLACEHOLDER} where `${…}` sits. */
export interface FrenchText {
  /** Path relative to the project root. */
  file: string;
  /** 1-based line of the text's first character. */
  line: number;
  text: string;
  pieces: Piece[];
}

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Where French text may sit; node_modules and generated folders are never under these. */
const TS_ROOTS = ['lib', 'components', 'features', 'entrypoints', 'scripts'];

function filesUnder(dir: string, ends: RegExp): string[] {
  const out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(path, ends));
    else if (ends.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** The project's files whose French text is walked, relative to the root. */
export function walkedFiles(): string[] {
  return ['public/_locales/fr/messages.json', ...filesUnder('lib', /\.json$/), ...TS_ROOTS.flatMap((d) => filesUnder(d, /\.tsx?$/))];
}

/** JSX text keeps HTML entities as written; the few we use are read as the characters they are. */
function decodeJsx(raw: string): string {
  return raw
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** The texts an `fr` value holds: its literals, through the shapes listed in the file's docstring. */
function textsOf(node: ts.Expression, sf: ts.SourceFile, kindOf: (n: ts.StringLiteral) => PieceKind, out: Piece[][]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    const start = node.getStart(sf) + 1;
    out.push([{ start, end: node.end - 1, kind: ts.isStringLiteral(node) ? kindOf(node) : 'template', value: node.text }]);
  } else if (ts.isTemplateExpression(node)) {
    const pieces: Piece[] = [{ start: node.head.getStart(sf) + 1, end: node.head.end - 2, kind: 'template', value: node.head.text }];
    for (const span of node.templateSpans) {
      const lit = span.literal;
      const closing = ts.isTemplateTail(lit) ? 1 : 2;
      pieces.push({ start: lit.getStart(sf) + 1, end: lit.end - closing, kind: 'template', value: lit.text });
    }
    out.push(pieces);
    for (const span of node.templateSpans) textsOf(span.expression, sf, kindOf, out);
  } else if (ts.isConditionalExpression(node)) {
    textsOf(node.whenTrue, sf, kindOf, out);
    textsOf(node.whenFalse, sf, kindOf, out);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    textsOf(node.left, sf, kindOf, out);
    textsOf(node.right, sf, kindOf, out);
  } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    textsOf(node.expression, sf, kindOf, out);
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const e of node.elements) textsOf(e, sf, kindOf, out);
  } else if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) {
    textsOf(node.body, sf, kindOf, out);
  }
}

function toText(file: string, sf: ts.SourceFile, pieces: Piece[]): FrenchText {
  return {
    file,
    line: sf.getLineAndCharacterOfPosition(pieces[0].start).line + 1,
    text: pieces.map((p) => p.value).join(PLACEHOLDER),
    pieces,
  };
}

/**
 * Functions, arrows and classes (their constructor) of `sf` with a parameter named `fr`, by name,
 * with that parameter's position: the French text of their calls is in that argument.
 */
function frParameters(sf: ts.SourceFile): Map<string, number> {
  const out = new Map<string, number>();
  const note = (name: string | undefined, params: ts.NodeArray<ts.ParameterDeclaration>) => {
    const at = params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'fr');
    if (name && at >= 0) out.set(name, at);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n)) note(n.name?.text, n.parameters);
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.initializer &&
      (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
    ) {
      note(n.name.text, n.initializer.parameters);
    }
    if (ts.isClassDeclaration(n)) {
      const ctor = n.members.find(ts.isConstructorDeclaration);
      if (ctor) note(n.name?.text, ctor.parameters);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The French texts of one file (path relative to the root), with `source` its content. */
export function frenchTextsOf(file: string, source: string): FrenchText[] {
  const found: Piece[][] = [];
  if (file.endsWith('.json')) {
    const sf = ts.parseJsonText(file, source);
    const wanted = file === 'public/_locales/fr/messages.json' ? 'message' : 'fr';
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAssignment(n) && propertyName(n.name) === wanted) textsOf(n.initializer, sf, () => 'json', found);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    return found.map((p) => toText(file, sf, p));
  }
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const kindOf = (n: ts.StringLiteral): PieceKind => (source[n.getStart(sf)] === '"' ? 'double' : 'single');
  const frParams = frParameters(sf);
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAssignment(n) && propertyName(n.name) === 'fr') textsOf(n.initializer, sf, kindOf, found);
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && ts.isIdentifier(n.expression)) {
      const at = frParams.get(n.expression.text);
      const arg = at === undefined ? undefined : n.arguments?.[at];
      if (arg) textsOf(arg, sf, kindOf, found);
    }
    if (file.startsWith('components/')) {
      // Text between two expressions counts too: `{label} : {value}` puts its colon in JSX text.
      if (ts.isJsxText(n) && n.text.trim() !== '') {
        const raw = source.slice(n.pos, n.end);
        found.push([{ start: n.pos, end: n.end, kind: 'jsx', value: decodeJsx(raw) }]);
      }
      if (ts.isJsxExpression(n) && n.expression && ts.isStringLiteral(n.expression) && !ts.isJsxAttribute(n.parent)) {
        textsOf(n.expression, sf, kindOf, found);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found.map((p) => toText(file, sf, p));
}

/** Every French text of the project, file by file. */
export function allFrenchTexts(): FrenchText[] {
  return walkedFiles().flatMap((f) => frenchTextsOf(f, readFileSync(join(ROOT, f), 'utf8')));
}

/** The project root, for callers that read or write the walked files. */
export const PROJECT_ROOT = ROOT;
/** `path` relative to the project root. */
export const fromRoot = (path: string): string => relative(ROOT, path);
