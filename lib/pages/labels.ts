/**
 * Finding controls by their visible label text, whatever the markup: `<label for>`, a label
 * wrapping its control, table cells (label cell, control cell), nested spans, the control before
 * or after its text, ARIA names (`aria-label`, `aria-labelledby`, `title`, `placeholder`).
 * DOMAIN.md ("The hosting console and the server admin"): the HTML of the admin screens is
 * unknown and their ids are generated, so only the visible text is relied upon.
 */
import { type ControlKind, NOT_LABEL, controlSelector, isControl, isHidden } from './controls';
import { labelScore, normaliseText } from './text';

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

function ownerDoc(root: ParentNode): Document {
  return (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument!;
}

/**
 * The elements whose visible text reads as one of `phrases`, best first: earlier phrases first,
 * then exact labels before longer ones, then the deepest element (the one closest to the words).
 * Option lists, scripts and Passerelle's own UI are never labels.
 */
export function findLabels(root: ParentNode, phrases: string[], options: FindOptions = {}): Element[] {
  const wanted = phrases.map(normaliseText).filter(Boolean);
  const found: { el: Element; phrase: number; score: number; depth: number }[] = [];
  const texts = visibleTexts(root);
  for (const [el, raw] of texts) {
    const text = normaliseText(raw);
    if (!text) continue;
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

/**
 * The text of every element under `root` that can be a label, without the text of option lists,
 * scripts and Passerelle's own UI (a label cell that also holds its `select` reads as the label
 * alone). One pass, children before parents.
 */
function visibleTexts(root: ParentNode): Map<Element, string> {
  const out = new Map<Element, string>();
  const visit = (node: Node): string => {
    let text = '';
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(NOT_LABEL)) continue;
        const inner = visit(el);
        // Block boundaries separate words that markup puts side by side (`<td>A</td><td>B</td>`).
        text += ` ${inner} `;
      }
    }
    if (node.nodeType === 1) out.set(node as Element, text);
    return text;
  };
  visit(root as Node);
  return out;
}

/** Non-empty text nodes and controls of `scope`, in document order (controls as single tokens). */
function tokens(scope: Element, controlSel: string): (Text | Element)[] {
  const out: (Text | Element)[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if ((child.textContent ?? '').trim()) out.push(child as Text);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(controlSel)) out.push(el);
        else if (!el.matches('script, style, template, [data-passerelle-host]')) walk(el);
      }
    }
  };
  walk(scope);
  return out;
}

/**
 * Among `candidates` inside `scope`, the one the label names: no words between the label and the
 * control, the fewest other controls between them; on a tie, the control after its text, except for check boxes and radios,
 * whose text usually follows them.
 */
function nearest(scope: Element, label: Element, candidates: Element[], preferBefore: boolean): Element | undefined {
  const sel = controlSelector(['checkbox', 'text', 'select', 'button']);
  const list = tokens(scope, sel);
  const inLabel = list.map((t) => label.contains(t) || (t.nodeType === 1 && (t as Element).contains(label)));
  const first = inLabel.indexOf(true);
  const last = inLabel.lastIndexOf(true);
  let best: { el: Element; cost: number } | undefined;
  for (const c of candidates) {
    if (label.contains(c)) return c;
    const i = list.indexOf(c);
    if (i < 0 || first < 0) continue;
    const between = i > last ? list.slice(last + 1, i) : list.slice(i + 1, first);
    const words = between.filter((t) => t.nodeType === 3).length;
    // Text between a label and a control belongs to something else (a value shown as text,
    // another label): that control is not this label's.
    if (words > 0) continue;
    const controls = between.filter((t) => t.nodeType === 1 && !isControl(t as Element, ['button'])).length;
    const after = i > last;
    const cost = words * 10 + controls * 3 + (after === !preferBefore ? 0 : 1);
    if (!best || cost < best.cost) best = { el: c, cost };
  }
  return best?.el;
}

/**
 * The control that the label element `label` names, searched in this order: `label[for]`, a
 * control inside the label, then the smallest ancestor (up to 6 levels) that holds controls of the
 * wanted kinds, where the nearest one in reading order wins. `undefined` when none.
 */
export function controlForLabel(label: Element, options: FindOptions = {}): Element | undefined {
  const sel = controlSelector(options.kinds);
  const usable = (el: Element | null | undefined): boolean =>
    !!el && el.matches(sel) && (options.includeHidden || !isHidden(el));
  const labelEl = label.closest('label');
  const forId = labelEl?.getAttribute('for');
  if (forId) {
    const target = label.ownerDocument.getElementById(forId);
    if (target && usable(target)) return target;
  }
  if (usable(label)) return label;
  const inside = [...label.querySelectorAll(sel)].filter(usable);
  if (inside.length) return inside[0];
  const preferBefore = (options.kinds ?? []).length === 1 && options.kinds![0] === 'checkbox';
  let scope: Element | null = labelEl ?? label;
  for (let level = 0; scope && level < MAX_LEVELS; level++, scope = scope.parentElement) {
    const candidates = [...scope.querySelectorAll(sel)].filter(usable);
    // A control that has its own <label for> belongs to that label, not to this one.
    const free = candidates.filter((c) => !c.id || !scope!.ownerDocument.querySelector(`label[for="${cssEscape(c.id)}"]`));
    const pool = free.length ? free : candidates;
    if (pool.length) {
      const found = nearest(scope, label, pool, preferBefore);
      if (found) return found;
    }
  }
  return undefined;
}

function cssEscape(id: string): string {
  return id.replace(/["\\]/g, '\\$&');
}

/** Controls named by an ARIA attribute, `title` or `placeholder` that reads as one of `phrases`. */
function findByAccessibleName(root: ParentNode, phrases: string[], options: FindOptions): FoundControl | undefined {
  const wanted = phrases.map(normaliseText).filter(Boolean);
  const doc = ownerDoc(root);
  for (const p of wanted) {
    for (const el of root.querySelectorAll(controlSelector(options.kinds))) {
      if (!options.includeHidden && isHidden(el)) continue;
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
      ];
      if (names.some((n) => n && labelScore(normaliseText(n), p) >= 2)) return { label: el, control: el };
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
  const wanted = phrases.map(normaliseText).filter(Boolean);
  const buttons = [...root.querySelectorAll(controlSelector(['button']))].filter(
    (b) => options.includeHidden || !isHidden(b),
  );
  for (const p of wanted) {
    for (const b of buttons) {
      const text = normaliseText(
        b.getAttribute('aria-label') || (b as HTMLInputElement).value || b.textContent || b.getAttribute('title') || '',
      );
      if (labelScore(text, p) >= 2) return b;
    }
  }
  return undefined;
}

/**
 * The value shown as plain text next to a label (a read-only setting): the text that follows the
 * label in its row or parent, up to the next control. `undefined` when the label is absent or
 * nothing follows it.
 */
export function findTextValue(root: ParentNode, phrases: string[]): { label: Element; text: string; element: Element } | undefined {
  for (const label of findLabels(root, phrases)) {
    let scope: Element | null = label.parentElement;
    for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
      const list = tokens(scope, controlSelector(['checkbox', 'text', 'select', 'button']));
      const last = list.map((t) => label.contains(t)).lastIndexOf(true);
      if (last < 0) continue;
      const next = list[last + 1];
      if (next && next.nodeType === 3) {
        const text = (next.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
        if (text) return { label, text, element: next.parentElement ?? scope };
      }
      if (next) break;
    }
  }
  return undefined;
}
