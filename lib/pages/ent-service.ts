/**
 * Reader of the ENT's Pronote.net service screen (seed section 3: *Administration > nouveau
 * service*, the configuration of the service and of the bloc Pronote; DOMAIN.md "The ENT side":
 * the Open ENT NG connector's fields name, url, CAS type). Found by visible label text; the HTML of
 * these screens is not published, so alternatives are listed where no source gives the wording
 * (marked "wording unknown"). Reads only: never changes the page.
 */
import { foldLabel } from '../core/fold';
import { readValue } from './controls';
import { ENT_SERVICE_LABELS, phrasesOf } from './screen-labels';
import { controlForLabel, findControl, findLabels, findTextValue } from './labels';
import type { Reading } from './reading';
import { labelScore } from './text';

/** What the service screen shows. A missing field means "not seen"; an empty field reads as `''`. */
export interface EntServiceSettings {
  /** The bloc's *url cas de Pronote.net* (seed section 3: must stay empty). */
  casUrl?: string;
  /** The service's Pronote URL, as typed. */
  pronoteUrl?: string;
  /** The bloc Pronote's version setting, as shown (e.g. `PRONOTE 2024`). */
  blocVersion?: string;
}

export type EntServiceField = keyof EntServiceSettings;

export interface EntServiceSnapshot {
  settings: EntServiceSettings;
}

/** The element each setting was read from. */
export type EntServiceAnchors = Partial<Record<EntServiceField, Element>>;

const LABELS = phrasesOf(ENT_SERVICE_LABELS);

const ALL_LABELS = [...LABELS.casUrl, ...LABELS.pronoteUrl, ...LABELS.blocVersion];

/**
 * The value shown as text after a label, unless what follows is the next label (an empty value in a
 * read-only summary: `<dt>url cas de Pronote.net</dt><dd></dd><dt>Version…`).
 */
function shownValue(root: ParentNode, phrases: string[]): { text: string; element: Element } | undefined {
  const shown = findTextValue(root, phrases);
  if (!shown) return undefined;
  const isLabel =
    shown.element.matches('dt, th, label, legend, h1, h2, h3, h4, h5, h6') || ALL_LABELS.some((l) => labelScore(foldLabel(shown.text), foldLabel(l)) === 3);
  return isLabel ? undefined : shown;
}

function fieldOrText(root: ParentNode, phrases: string[], kinds: ('text' | 'select')[], exclude: Element[]): { value: string; element: Element } | undefined {
  for (const label of findLabels(root, phrases)) {
    const control = controlForLabel(label, { kinds });
    if (control && !exclude.includes(control)) return { value: readValue(control).trim(), element: control };
  }
  // Fields named only by aria-label, title or placeholder (script-built screens).
  const named = findControl(root, phrases, { kinds });
  if (named && !exclude.includes(named.control)) return { value: readValue(named.control).trim(), element: named.control };
  const shown = shownValue(root, phrases);
  if (shown && !exclude.includes(shown.element)) return { value: shown.text, element: shown.element };
  return undefined;
}

/** True when the page speaks of Pronote at all (title or text), so that a lone "URL" field is ours. */
function aboutPronote(root: ParentNode): boolean {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  return /pronote/i.test(`${doc?.title ?? ''} ${bodyText(root)}`);
}

/** The text of the page's body (a Document's own `textContent` is null; its title is not a label). */
function bodyOf(root: ParentNode): ParentNode {
  return (root as Node).nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
}

function bodyText(root: ParentNode): string {
  return (bodyOf(root) as Node).textContent ?? '';
}

/**
 * Reads the Pronote.net service and bloc settings of an ENT admin page: *url cas de Pronote.net*,
 * the service's URL, the bloc's version. `undefined` when the page shows none of them, or shows
 * only generic fields ("URL", "Version") on a page that never mentions Pronote.
 */
export function readEntService(root: ParentNode): Reading<EntServiceSnapshot, EntServiceAnchors> | undefined {
  const snap: EntServiceSnapshot = { settings: {} };
  const elements: EntServiceAnchors = {};
  const cas = findControl(root, LABELS.casUrl, { kinds: ['text'] });
  const casShown = cas ? undefined : shownValue(root, LABELS.casUrl);
  if (cas) {
    snap.settings.casUrl = readValue(cas.control).trim();
    elements.casUrl = cas.control;
  } else if (casShown) {
    snap.settings.casUrl = casShown.text;
    elements.casUrl = casShown.element;
  } else {
    // A read-only "url cas de Pronote.net" with nothing after it is an empty setting.
    const label = findLabels(root, LABELS.casUrl)[0];
    if (label) {
      snap.settings.casUrl = '';
      elements.casUrl = label;
    }
  }
  if (!aboutPronote(root)) return undefined;
  const exclude = elements.casUrl ? [elements.casUrl] : [];
  const looksLikeUrl = (v: string) => /^(https?:\/\/|[a-z0-9-]+(\.[a-z0-9-]+)+(\/|:|$))/i.test(v);
  // A label naming Pronote or the service may hold an empty field (a finding); a bare "URL" or
  // "adresse" (a search box, a postal address) is taken only when it holds a URL.
  const specificUrl = fieldOrText(root, LABELS.pronoteUrl.slice(0, -2), ['text'], exclude);
  const genericUrl = specificUrl ? undefined : fieldOrText(root, LABELS.pronoteUrl.slice(-2), ['text'], exclude);
  const url =
    specificUrl && (specificUrl.value === '' || looksLikeUrl(specificUrl.value))
      ? specificUrl
      : genericUrl && looksLikeUrl(genericUrl.value)
        ? genericUrl
        : undefined;
  if (url) {
    snap.settings.pronoteUrl = url.value;
    elements.pronoteUrl = url.element;
  }
  const version = fieldOrText(root, LABELS.blocVersion, ['select', 'text'], exclude);
  if (version) {
    snap.settings.blocVersion = version.value;
    elements.blocVersion = version.element;
  }
  if (Object.keys(snap.settings).length === 0) return undefined;
  // Generic labels alone ("URL" on a page that names Pronote elsewhere) are not enough for a screen.
  if (snap.settings.casUrl === undefined && !hasSpecificLabel(root)) return undefined;
  return { snapshot: snap, anchors: elements };
}

function hasSpecificLabel(root: ParentNode): boolean {
  const specific = [...LABELS.pronoteUrl.slice(0, 4), ...LABELS.blocVersion.slice(0, 3), 'bloc Pronote', 'service Pronote.net', 'Pronote.net'];
  // Open ENT NG's connector screen names its CAS type `PronoteRegisteredService` (DOMAIN.md).
  const text = foldLabel(bodyText(root));
  return findLabels(bodyOf(root), specific).length > 0 || /bloc pronote|pronote\.net|connecteur pronote|pronoteregisteredservice/.test(text);
}
