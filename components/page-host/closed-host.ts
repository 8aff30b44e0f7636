/**
 * The one way Passerelle puts UI into a web page (issue 16): a host element holding a *closed*
 * shadow root. The page's own scripts get `host.shadowRoot === null` and cannot walk into it, so
 * what Passerelle shows there (findings, suggestions) stays out of their reach; only this content
 * script's world keeps the root, in a WeakMap that the page cannot see (content scripts run in an
 * isolated world with their own globals).
 *
 * Hosts carry `data-passerelle-host="<feature>"` so that page readers skip them, but nothing that
 * a page could imitate counts as Passerelle's: `isOwnHost` asks the WeakSet, not the attribute.
 */

const roots = new WeakMap<Element, ShadowRoot>();

/** Marks Passerelle's own elements in the page (page readers and observers skip them). */
export const HOST_ATTRIBUTE = 'data-passerelle-host';

/**
 * Creates a detached `<div>` host (the caller places it) with a closed shadow root holding a
 * `<style>` with `css`. `attributes` are set on the host; none may carry personal data, since the
 * page sees the host itself. Returns the host and its root.
 */
export function createClosedHost(doc: Document, attributes: Record<string, string>, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('div');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  roots.set(host, root);
  return { host, root };
}

/** The closed root of a host made by `createClosedHost`; undefined for any other element (a page's imitation included). */
export function shadowOf(host: Element): ShadowRoot | undefined {
  return roots.get(host);
}

/** True when `el` is a host made by `createClosedHost` in this world. */
export function isOwnHost(el: Element): boolean {
  return roots.has(el);
}
