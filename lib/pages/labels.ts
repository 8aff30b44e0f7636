/**
 * Finding controls by their visible label text, whatever the markup: `<label for>`, a label
 * wrapping its control, table cells (label cell, control cell), nested spans, the control before
 * or after its text, ARIA names (`aria-label`, `aria-labelledby`, `title`, `placeholder`).
 * DOMAIN.md ("The hosting console and the server admin"): the HTML of the admin screens is
 * unknown and their ids are generated, so only the visible text is relied upon.
 */
import { foldLabel } from '../core/fold';
import { type ControlKind, controlKind, controlSelector, isHidden, isNotLabel } from './controls';
import { labelScore } from './text';

/** A label found on the page and the control it names. */
export interface FoundControl {
  /** The element holding the label text (or the control itself when named by an attribute). */
  label: Element;
  control: Element;
}

export interface FindOptions {
  /** Kinds of control wanted (all but buttons when omitted). */
  kinds?: ControlKind[];
  /** Include hidden elements (a closed dialog's list, for example). Default false. */
  includeHidden?: boolean;
}

/** How many ancestor levels above a label are searched for its control. */
const MAX_LEVELS = 6;
/** Texts longer than this (spaces collapsed) are help paragraphs or whole sections, not labels. */
const MAX_LABEL_CHARS = 200;

function ownerDoc(root: ParentNode): Document {
  return (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument!;
}

/**
 * The elements whose visible text reads as one of `phrases`, best first: earlier phrases first,
 * then exact labels before longer ones, then the deepest element (the one closest to the words).
 * Option lists, scripts and Passerelle's own UI are never labels.
 */
export function findLabels(root: ParentNode, phrases: string[], options: FindOptions = {}): Element[] {
  const wanted = phrases.map(foldLabel).filter(Boolean);
  const found: { el: Element; phrase: number; score: number; depth: number }[] = [];
  for (const [el, text] of labelTexts(root)) {
    let best: { phrase: number; score: number } | undefined;
    wanted.forEach((p, i) => {
      const score = labelScore(text, p);
      if (score > 0 && (!best || i < best.phrase)) best = { phrase: i, score };
    });
    if (!best) continue;
    if (!options.includeHidden && isHidden(el)) continue;
    let depth = 0;
    for (let e: Element | null = el; e; e = e.parentElement) depth++;
    found.push({ el, ...best, depth });
  }
  // Keep the deepest of nested matches: an ancestor only matches because it contains the label.
  const deepest = found.filter((f) => !found.some((o) => o !== f && o.phrase <= f.phrase && f.el.contains(o.el)));
  deepest.sort((a, b) => a.phrase - b.phrase || b.score - a.score || b.depth - a.depth);
  return deepest.map((f) => f.el);
}

/** Normalised label texts of a root, kept for the duration of one `withLabelCache` call. */
let cache: { root: ParentNode; texts: Map<Element, string>; named?: { el: Element; names: string[] }[] } | undefined;

/**
 * Runs `read` with the page's label texts computed once for `root` instead of once per lookup
 * (a screen reader makes about twenty lookups). Only for reads that do not change the page.
 */
export function withLabelCache<T>(root: ParentNode, read: () => T): T {
  if (cache && cache.root === root) return read();
  const outer = cache;
  cache = { root, texts: computeLabelTexts(root) };
  try {
    return read();
  } finally {
    cache = outer;
  }
}

function labelTexts(root: ParentNode): Map<Element, string> {
  return cache && cache.root === root ? cache.texts : computeLabelTexts(root);
}

/**
 * The normalised text of every element under `root` short enough to be a label, without the
 * text of option lists, scripts and Passerelle's own UI (a label cell that also holds its
 * `select` reads as the label alone). One pass, children before parents; an element whose text
 * is too long is left out, and so are its ancestors.
 */
function computeLabelTexts(root: ParentNode): Map<Element, string> {
  const out = new Map<Element, string>();
  const visit = (node: Node): string | null => {
    let text = '';
    let tooLong = false;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (!tooLong) text += child.textContent ?? '';
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isNotLabel(el)) continue;
        const inner = visit(el);
        if (inner === null) tooLong = true;
        // Block boundaries separate words that markup puts side by side (`<td>A</td><td>B</td>`).
        else if (!tooLong) text += ` ${inner} `;
      }
      if (!tooLong && text.length > MAX_LABEL_CHARS * 4) {
        text = text.replace(/[\s\u00a0]+/g, ' ');
        if (text.length > MAX_LABEL_CHARS) tooLong = true;
      }
    }
    if (tooLong) return null;
    const normalised = foldLabel(text);
    if (normalised.length > MAX_LABEL_CHARS) return null;
    if (node.nodeType === 1 && normalised) out.set(node as Element, normalised);
    return text;
  };
  visit(root as Node);
  return out;
}

/** The node after `node` in document order, staying inside `scope`; skips the subtree of `node` when asked. */
function nextInScope(node: Node, scope: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== scope; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/** The node before `node` in document order (deepest last descendant first), inside `scope`. */
function previousInScope(node: Node, scope: Node): Node | null {
  if (node === scope) return null;
  let n = node.previousSibling;
  if (!n) return node.parentNode === scope ? null : node.parentNode;
  while (n.lastChild && !(n.nodeType === 1 && (controlKind(n as Element) || isNotLabel(n as Element)))) n = n.lastChild;
  return n;
}

/**
 * Walks from `label` in one direction inside `scope`, crossing controls and empty text, and
 * stops at the first words (they belong to something else: another label, a value shown as
 * text). Returns the wanted controls met, with the number of other controls crossed first.
 */
function walk(label: Element, scope: Element, forward: boolean, wanted: (el: Element) => boolean): { el: Element; crossed: number }[] {
  const met: { el: Element; crossed: number }[] = [];
  let crossed = 0;
  let n: Node | null = forward ? nextInScope(label, scope, true) : previousInScope(label, scope);
  for (let steps = 0; n && steps < 500; steps++) {
    let skip = false;
    if (n.nodeType === 3) {
      if ((n.textContent ?? '').trim()) break;
    } else if (n.nodeType === 1) {
      const el = n as Element;
      if (isNotLabel(el) && !controlKind(el)) skip = true;
      else if (controlKind(el)) {
        if (wanted(el)) met.push({ el, crossed });
        else crossed++;
        skip = true;
      }
    }
    if (forward) n = nextInScope(n, scope, skip);
    else {
      // Going backwards, an ancestor of the label is met after its children: not a boundary.
      n = previousInScope(n, scope);
      while (n && n.nodeType === 1 && (n as Element).contains(label)) n = previousInScope(n, scope);
    }
  }
  return met;
}

/**
 * The control that the label element `label` names, searched in this order: `label[for]`, a
 * control inside the label, then the smallest ancestor (up to 6 levels) in which a wanted
 * control sits next to the label with no words in between (another label, a value shown as text
 * would be between). Nearest wins: the fewest other controls crossed; on a tie, the control
 * after its text, except for check boxes and radios, whose text usually follows them.
 * `undefined` when none.
 */
export function controlForLabel(label: Element, options: FindOptions = {}): Element | undefined {
  const kinds = options.kinds ?? (['checkbox', 'text', 'select'] as ControlKind[]);
  const usable = (el: Element): boolean => {
    const kind = controlKind(el);
    return !!kind && kinds.includes(kind) && (!!options.includeHidden || !isHidden(el));
  };
  const labelEl = label.closest('label');
  const forId = labelEl?.getAttribute('for');
  if (forId) {
    const target = label.ownerDocument.getElementById(forId);
    if (target && usable(target)) return target;
  }
  if (usable(label)) return label;
  const inside = [...label.querySelectorAll('*')].find(usable);
  if (inside) return inside;
  const preferBefore = kinds.length === 1 && kinds[0] === 'checkbox';
  const start = labelEl ?? label;
  let scope: Element | null = start.parentElement;
  for (let level = 0; scope && level < MAX_LEVELS; level++, scope = scope.parentElement) {
    const after = walk(start, scope, true, usable).map((m) => ({ ...m, cost: m.crossed * 2 + (preferBefore ? 1 : 0) }));
    const before = walk(start, scope, false, usable).map((m) => ({ ...m, cost: m.crossed * 2 + (preferBefore ? 0 : 1) }));
    const best = [...after, ...before].sort((a, b) => a.cost - b.cost)[0];
    if (best) return best.el;
  }
  return undefined;
}

/** Controls that carry an accessible name of their own, with that name normalised. */
function namedControls(root: ParentNode): { el: Element; names: string[] }[] {
  if (cache && cache.root === root && cache.named) return cache.named;
  const doc = ownerDoc(root);
  const out: { el: Element; names: string[] }[] = [];
  for (const el of root.querySelectorAll('[aria-label], [aria-labelledby], [title], [placeholder]')) {
    if (!controlKind(el)) continue;
    const labelledBy = el.getAttribute('aria-labelledby');
    const names = [
      el.getAttribute('aria-label'),
      labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => doc.getElementById(id)?.textContent ?? '')
            .join(' ')
        : null,
      el.getAttribute('title'),
      el.getAttribute('placeholder'),
    ]
      .filter((n): n is string => !!n)
      .map(foldLabel);
    out.push({ el, names });
  }
  if (cache && cache.root === root) cache.named = out;
  return out;
}

/** The control whose ARIA name, `title` or `placeholder` reads as one of `phrases`. */
function findByAccessibleName(root: ParentNode, phrases: string[], options: FindOptions): FoundControl | undefined {
  const wanted = phrases.map(foldLabel).filter(Boolean);
  const kinds = options.kinds ?? (['checkbox', 'text', 'select'] as ControlKind[]);
  const named = namedControls(root).filter((c) => kinds.includes(controlKind(c.el)!));
  for (const p of wanted) {
    for (const c of named) {
      if (!options.includeHidden && isHidden(c.el)) continue;
      if (c.names.some((n) => labelScore(n, p) >= 2)) return { label: c.el, control: c.el };
    }
  }
  return undefined;
}

/**
 * The control named by one of `phrases` (earlier phrases preferred), with its label element.
 * Throws nothing; `undefined` when no label or no control of the wanted kinds is found.
 * Example: `findControl(document, ['URL du serveur CAS'], { kinds: ['text'] })`.
 */
export function findControl(root: ParentNode, phrases: string[], options: FindOptions = {}): FoundControl | undefined {
  for (const label of findLabels(root, phrases, options)) {
    const control = controlForLabel(label, options);
    if (control) return { label, control };
  }
  return findByAccessibleName(root, phrases, options);
}

/**
 * The button (or link acting as one) whose own text or accessible name reads as one of `phrases`,
 * e.g. *Publier la base*. `undefined` when none is shown.
 */
export function findButton(root: ParentNode, phrases: string[], options: FindOptions = {}): Element | undefined {
  const wanted = phrases.map(foldLabel).filter(Boolean);
  const buttons = [...root.querySelectorAll(controlSelector(['button']))].filter((b) => options.includeHidden || !isHidden(b));
  for (const p of wanted) {
    for (const b of buttons) {
      const text = foldLabel(b.getAttribute('aria-label') || (b as HTMLInputElement).value || b.textContent || b.getAttribute('title') || '');
      if (labelScore(text, p) >= 2) return b;
    }
  }
  return undefined;
}

/**
 * The value shown as plain text next to a label (a read-only setting): the first words after the
 * label in its row or parent, when no control comes first. `undefined` when the label is absent
 * or nothing follows it.
 */
export function findTextValue(root: ParentNode, phrases: string[]): { label: Element; text: string; element: Element } | undefined {
  for (const label of findLabels(root, phrases)) {
    let scope: Element | null = label.parentElement;
    for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
      let n: Node | null = nextInScope(label, scope, true);
      while (n) {
        if (n.nodeType === 1 && (controlKind(n as Element) || isNotLabel(n as Element))) break;
        if (n.nodeType === 3 && (n.textContent ?? '').trim()) {
          const text = (n.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
          return { label, text, element: n.parentElement ?? scope };
        }
        n = nextInScope(n, scope, false);
      }
      if (n) break;
    }
  }
  return undefined;
}
