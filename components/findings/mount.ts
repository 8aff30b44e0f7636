/**
 * Shows findings inside an admin page, next to the field each one concerns, in closed shadow roots
 * (components/page-host: out of the page scripts' reach, untouched by the page's CSS; assistive
 * technology still reads them). Generic: the caller
 * gives the findings and a way to find each field's element, so the hosting console helper and
 * the ENT admin helper share it. Never changes the page's own controls: it only inserts its
 * hosts (marked `data-passerelle-host`) after the fields, and a floating panel for findings whose
 * field is not on screen.
 */
import type { Finding } from '../../lib/checks/finding';
import { type Lang, t, uiLang } from '../i18n';
import { HOST_ATTRIBUTE, createClosedHost, isOwnHost } from '../page-host/closed-host';
import { FINDINGS_CSS } from './findings-css';
import { findingsListElement } from './page-list';

export { HOST_ATTRIBUTE };

export interface FindingsMount {
  /**
   * Shows `findings`: each next to `locate(finding.field)`, or in the floating panel when the
   * field is absent or not found. Replaces what the previous call showed.
   */
  update(findings: Finding[], locate: (field: string) => Element | undefined): void;
  /** Removes everything this mount inserted. */
  destroy(): void;
}

interface Host {
  host: HTMLElement;
  container: HTMLElement;
  /** What the container shows, so that an unchanged list is left as it is (a copy button keeps its « Copié »). */
  shown?: string;
}

export interface MountOptions {
  lang?: Lang;
  /** Name of the feature, for the hosts' `data-passerelle-host` value (e.g. `hosting-console`). */
  feature?: string;
}

/** Creates the findings UI for `doc`. Nothing is inserted until the first `update`. */
export function createFindingsMount(doc: Document, options: MountOptions = {}): FindingsMount {
  const lang = options.lang ?? uiLang();
  const feature = options.feature ?? 'findings';
  const hosts = new Map<Element | null, Host>();

  const makeHost = (anchor: Element | null): Host => {
    const { host, root: shadow } = createClosedHost(doc, { [HOST_ATTRIBUTE]: feature }, FINDINGS_CSS);
    const container = doc.createElement('div');
    container.setAttribute('role', anchor ? 'note' : 'region');
    container.setAttribute('aria-live', 'polite');
    container.setAttribute('aria-label', t('findingsRegion', [], lang));
    shadow.append(container);
    if (anchor) {
      anchor.insertAdjacentElement('afterend', host);
    } else {
      host.style.cssText =
        'position:fixed;right:12px;bottom:12px;max-width:420px;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff;box-shadow:0 2px 12px rgba(0,0,0,.25);padding:8px;border-radius:6px';
      (doc.body ?? doc.documentElement).append(host);
    }
    return { host, container };
  };

  const drop = (anchor: Element | null) => {
    const h = hosts.get(anchor);
    if (!h) return;
    h.host.remove();
    hosts.delete(anchor);
  };

  return {
    update(findings, locate) {
      const groups = new Map<Element | null, Finding[]>();
      for (const f of findings) {
        const el = f.field ? locate(f.field) : undefined;
        const anchor = el?.isConnected ? el : null;
        groups.set(anchor, [...(groups.get(anchor) ?? []), f]);
      }
      for (const anchor of [...hosts.keys()]) {
        // A host whose field left the page (screen redrawn) or that has nothing to show goes.
        if (!groups.has(anchor) || (anchor && !anchor.isConnected)) drop(anchor);
      }
      for (const [anchor, list] of groups) {
        let h = hosts.get(anchor);
        if (h && !h.host.isConnected) {
          drop(anchor);
          h = undefined;
        }
        if (!h) {
          h = makeHost(anchor);
          hosts.set(anchor, h);
        }
        const shown = JSON.stringify(list);
        if (h.shown === shown) continue;
        h.shown = shown;
        const title = anchor ? [] : [Object.assign(doc.createElement('p'), { className: 'panel-title', textContent: t('findingsPanelTitle', [], lang) })];
        h.container.replaceChildren(...title, ...(list.length ? [findingsListElement(doc, list, lang)] : []));
      }
    },
    destroy() {
      for (const anchor of [...hosts.keys()]) drop(anchor);
    },
  };
}

/**
 * True when `node` is, or is inside, a host Passerelle inserted (components/page-host). An element
 * the page marks `data-passerelle-host` itself is not one.
 */
export function isOwnNode(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isOwnHost(el)) return true;
  }
  return false;
}
