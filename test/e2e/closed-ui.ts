/**
 * Reaches Passerelle's injected UI, which lives in closed shadow roots (issue 16), through the
 * DevTools protocol: `DOM.getDocument` with `pierce: true` lists every shadow root, closed ones
 * included; each closed root is resolved to a remote object and queried there. The page's own
 * scripts have no such door (`host.shadowRoot === null`); this is the test's, not the page's.
 *
 * Clicks are real mouse clicks at the element's centre (trusted events), as the admin's would be.
 */
import type { CDPSession, Page } from '@playwright/test';

/** What a test may ask about an element of a closed root. */
export interface UiElement {
  text: string;
  attrs: Record<string, string>;
  /** The host's own attributes (light DOM, what the page sees). */
  host: Record<string, string>;
  /** Text of `host.closest(near)` when `near` was given. */
  nearText?: string;
  /** Centre in viewport coordinates; `visible` when it has a box. */
  x: number;
  y: number;
  visible: boolean;
  focused: boolean;
  /** Position among its root's matches, and its root's (for a click). */
  index: number;
  root: number;
}

export interface UiFilter {
  /** A selector the host element must match (light DOM, e.g. `#k_4721 + [data-passerelle-host]`). */
  host?: string;
  /** A selector of an ancestor of the host (e.g. `tr`), with `nearText` its text must contain. */
  near?: string;
  nearText?: string | RegExp;
  /** The element's accessible name: its `aria-label` or its text, exactly, or matching a RegExp. */
  name?: string | RegExp;
}

interface CdpNode {
  nodeName?: string;
  backendNodeId: number;
  shadowRootType?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

// Scrolls the `index`-th match of `selector` into view and returns its centre.
const CENTRE = `function (selector, index) {
  const e = this.querySelectorAll(selector)[index];
  e.scrollIntoView({ block: 'center' });
  const r = e.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}`;

// Runs in the page's main world with `this` bound to one closed shadow root.
const QUERY = `function (selector, hostSelector, near) {
  const host = this.host;
  if (hostSelector && !host.matches(hostSelector)) return [];
  const attrs = (e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value]));
  const anchor = near ? host.closest(near) : null;
  if (near && !anchor) return [];
  return [...this.querySelectorAll(selector)].map((e, index) => {
    const r = e.getBoundingClientRect();
    return {
      text: e.textContent, attrs: attrs(e), host: attrs(host), nearText: anchor ? anchor.textContent : undefined,
      x: r.x + r.width / 2, y: r.y + r.height / 2, visible: r.width > 0 && r.height > 0,
      focused: this.activeElement === e, index,
    };
  });
}`;

const matches = (value: string, wanted: string | RegExp) => (typeof wanted === 'string' ? value.includes(wanted) : wanted.test(value));

export interface ClosedUi {
  /** Every element matching `selector` inside Passerelle's closed roots, filtered. */
  find(selector: string, filter?: UiFilter): Promise<UiElement[]>;
  count(selector: string, filter?: UiFilter): Promise<number>;
  /** The texts of the matches, joined by a line break ('' when none). */
  text(selector: string, filter?: UiFilter): Promise<string>;
  /** An attribute of the first match; null when no match or no attribute. */
  attr(selector: string, name: string, filter?: UiFilter): Promise<string | null>;
  /** How many closed shadow roots the document holds (every one, Passerelle's or not). */
  closedRoots(): Promise<number>;
  /** A trusted mouse click on the first match; throws when there is none. */
  click(selector: string, filter?: UiFilter): Promise<void>;
}

/** Opens a DevTools session on `page` for its closed shadow roots. */
export async function closedUi(page: Page): Promise<ClosedUi> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');

  const rootIds = async () => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: number[] = [];
    const walk = (n: CdpNode) => {
      for (const s of n.shadowRoots ?? []) {
        if (s.shadowRootType === 'closed') found.push(s.backendNodeId);
        walk(s);
      }
      for (const c of n.children ?? []) walk(c);
      if (n.contentDocument) walk(n.contentDocument);
    };
    walk(root);
    return found;
  };

  const query = async (selector: string, filter: UiFilter): Promise<UiElement[]> => {
    const out: UiElement[] = [];
    try {
      for (const [root, backendNodeId] of (await rootIds()).entries()) {
        const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId, objectGroup: 'closed-ui' })) as {
          object: { objectId: string };
        };
        const { result } = (await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: QUERY,
          arguments: [{ value: selector }, { value: filter.host ?? null }, { value: filter.near ?? null }],
          returnByValue: true,
        })) as { result: { value?: UiElement[] } };
        out.push(...(result.value ?? []).map((e) => ({ ...e, root })));
      }
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'closed-ui' }).catch(() => {});
    }
    return out.filter(
      (e) =>
        (filter.nearText === undefined || matches(e.nearText ?? '', filter.nearText)) &&
        (filter.name === undefined ||
          (typeof filter.name === 'string'
            ? (e.attrs['aria-label'] ?? e.text.trim()) === filter.name
            : filter.name.test(e.attrs['aria-label'] ?? e.text.trim()))),
    );
  };

  return {
    find: (selector, filter = {}) => query(selector, filter),
    count: async (selector, filter = {}) => (await query(selector, filter)).length,
    text: async (selector, filter = {}) => (await query(selector, filter)).map((e) => e.text).join('\n'),
    attr: async (selector, name, filter = {}) => (await query(selector, filter))[0]?.attrs[name] ?? null,
    closedRoots: async () => (await rootIds()).length,
    click: async (selector, filter = {}) => {
      const [first] = await query(selector, filter);
      if (!first?.visible) throw new Error(`no visible ${selector} in Passerelle's closed roots`);
      const backendNodeId = (await rootIds())[first.root];
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId, objectGroup: 'closed-ui' })) as { object: { objectId: string } };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: CENTRE,
        arguments: [{ value: selector }, { value: first.index }],
        returnByValue: true,
      })) as { result: { value: { x: number; y: number } } };
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'closed-ui' }).catch(() => {});
      await page.mouse.click(result.value.x, result.value.y);
    },
  };
}

/** In the page's own script world: every Passerelle host, and whether the page sees a shadow root on any. */
export async function hostsAsPageSeesThem(page: Page): Promise<{ hosts: number; withShadowRoot: number }> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-passerelle-host], [data-passerelle-diagnosis], [data-passerelle-hint]')];
    return { hosts: hosts.length, withShadowRoot: hosts.filter((h) => h.shadowRoot !== null).length };
  });
}
