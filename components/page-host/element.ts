/**
 * One element built with plain DOM calls, for the UI injected in pages (no Preact there: issue 18,
 * content scripts at most 60 kB). Children given as strings become text nodes, never markup.
 */
export type Child = Node | string;

/** `<tag class="cls">children…</tag>` in `doc`; `cls` null for no class. */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (cls) element.className = cls;
  element.append(...children);
  return element;
}
