/**
 * Readers of the hosting console's screens (PRODUCT.md §1), each a Document → typed snapshot,
 * found by visible label text. Labels come from the seed (section 1: *Déléguer
 * l'authentification*, *Définir une délégation CAS*, the project list, *Publiez votre base*; FAQ:
 * *racine* of the publication parameters) and DOMAIN.md ("The hosting console and the server
 * admin": *Intégration dans un ENT*, *Mon ENT*, *URL du serveur CAS*, *Arrêter la publication*,
 * *Publier la base*; "three modes": *Paramètres d'identification des utilisateurs*, *type de
 * reconnaissance de l'utilisateur*). The real HTML is unknown: alternatives are listed for the
 * labels whose exact wording no source gives (marked "wording unknown").
 */
import { foldLabel } from '../core/fold';
import { isDisabled, readChecked, readOptions, readValue } from './controls';
import { type HostingField, type HostingSettings, recognitionModeFromText } from './hosting-settings';
import { HOSTING_CONSOLE_LABELS, phrasesOf } from './screen-labels';
import { findButton, findControl, findLabels, findTextValue, withLabelCache } from './labels';
import type { Reading } from './reading';

export type HostingScreen = 'cas-delegation' | 'ent-integration' | 'user-identification' | 'publication';

/** One screen's values. */
export interface ScreenSnapshot {
  screen: HostingScreen;
  settings: HostingSettings;
}

/** The element each value was read from (to show findings next to it). */
export type HostingAnchors = Partial<Record<HostingField, Element>>;

/** A screen reader's result: the values seen, and apart the element of each. */
export type ScreenReading = Reading<ScreenSnapshot, HostingAnchors>;

/** The whole page: every screen recognised on it, their settings merged. */
export interface HostingSnapshot {
  screens: HostingScreen[];
  settings: HostingSettings;
  /** Project names offered by the project list (gear of *Définir une délégation CAS*, or *Mon ENT*). */
  projectOptions: string[];
}

export type HostingReading = Reading<HostingSnapshot, HostingAnchors>;

const LABELS = phrasesOf(HOSTING_CONSOLE_LABELS);

const NONE = new Set(['', 'aucun', 'aucun ent', 'aucune', 'non', 'sans ent', '-', '--', 'choisir', 'selectionner']);

function put<K extends HostingField>(read: ScreenReading, field: K, value: HostingSettings[K], el: Element | undefined) {
  read.snapshot.settings[field] = value;
  if (el) read.anchors[field] = el;
}

function emptyReading(screen: HostingScreen): ScreenReading {
  return { snapshot: { screen, settings: {} }, anchors: {} };
}

/**
 * *Déléguer l'authentification* (seed 1 b–d): the *Définir une délégation CAS* option, the project
 * chosen, the CAS URL. `undefined` when the option is not on the page.
 */
export function readCasDelegation(root: ParentNode): ScreenReading | undefined {
  return withLabelCache(root, () => readCasDelegationNow(root));
}

function readCasDelegationNow(root: ParentNode): ScreenReading | undefined {
  const option = findControl(root, LABELS.delegation, { kinds: ['checkbox'] });
  if (!option) return undefined;
  const reading = emptyReading('cas-delegation');
  put(reading, 'delegation', readChecked(option.control) ?? false, option.control);
  const project = findControl(root, LABELS.project, { kinds: ['select', 'text'] }) ?? findControl(root, LABELS.monEnt, { kinds: ['select'] });
  if (project) put(reading, 'project', readValue(project.control).trim(), project.control);
  else {
    const shown = findTextValue(root, LABELS.project);
    if (shown) put(reading, 'project', shown.text, shown.element);
  }
  readCasUrl(root, reading);
  return reading;
}

/** The *URL du serveur CAS*: a field, or the value shown as text on a read-only screen. */
function readCasUrl(root: ParentNode, reading: ScreenReading): void {
  const cas = findControl(root, LABELS.casUrl, { kinds: ['text'] });
  if (cas) {
    put(reading, 'casUrl', readValue(cas.control), cas.control);
    return;
  }
  const shown = findTextValue(root, LABELS.casUrl);
  if (shown) put(reading, 'casUrl', shown.text, shown.element);
}

/**
 * *PRONOTE.net > Intégration dans un ENT* (DOMAIN.md, Atrium Sud's help): the *Mon ENT* list and
 * the *URL du serveur CAS* field. Choosing an ENT there is what turns delegation on, so
 * `delegation` is true when an ENT other than "Aucun" is chosen. `undefined` when *Mon ENT* is absent.
 */
export function readEntIntegration(root: ParentNode): ScreenReading | undefined {
  return withLabelCache(root, () => readEntIntegrationNow(root));
}

function readEntIntegrationNow(root: ParentNode): ScreenReading | undefined {
  const monEnt = findControl(root, LABELS.monEnt, { kinds: ['select', 'text'] });
  const shown = monEnt ? undefined : findTextValue(root, LABELS.monEnt);
  if (!monEnt && !shown) return undefined;
  const reading = emptyReading('ent-integration');
  const project = monEnt ? readValue(monEnt.control).trim() : shown!.text;
  const element = monEnt ? monEnt.control : shown!.element;
  put(reading, 'project', project, element);
  put(reading, 'delegation', !NONE.has(foldLabel(project)), element);
  readCasUrl(root, reading);
  return reading;
}

/**
 * *Paramètres d'identification des utilisateurs* (DOMAIN.md "three modes"): the *type de
 * reconnaissance de l'utilisateur* (a list, or one radio per mode) and the attribute name.
 * `undefined` when neither the list nor the mode radios are on the page.
 */
export function readUserIdentification(root: ParentNode): ScreenReading | undefined {
  return withLabelCache(root, () => readUserIdentificationNow(root));
}

function readUserIdentificationNow(root: ParentNode): ScreenReading | undefined {
  const reading = emptyReading('user-identification');
  const list = findControl(root, LABELS.recognition, { kinds: ['select'] });
  if (list) {
    const label = readValue(list.control);
    put(reading, 'recognitionMode', recognitionModeFromText(label), list.control);
    reading.snapshot.settings.recognitionModeLabel = label;
  } else {
    let seen = false;
    for (const phrase of LABELS.modes) {
      const radio = findControl(root, [phrase], { kinds: ['checkbox'] });
      if (!radio) continue;
      seen = true;
      reading.anchors.recognitionMode ??= radio.control;
      if (readChecked(radio.control)) {
        const label = (radio.label.textContent ?? phrase).replace(/[\s\u00a0]+/g, ' ').trim();
        put(reading, 'recognitionMode', recognitionModeFromText(label), radio.control);
        reading.snapshot.settings.recognitionModeLabel = label;
      }
    }
    if (!seen) return undefined;
  }
  const attribute = findControl(root, LABELS.attribute, { kinds: ['text'] });
  if (attribute) put(reading, 'attributeName', readValue(attribute.control).trim(), attribute.control);
  return reading;
}

/**
 * The publication parameters (seed FAQ: the *racine* field) and the publication state (*Publier la
 * base* / *Arrêter la publication*, seed 1 e and DOMAIN.md), with the school's address when the
 * screen shows it. `undefined` when none of these is on the page.
 */
export function readPublication(root: ParentNode): ScreenReading | undefined {
  return withLabelCache(root, () => readPublicationNow(root));
}

function readPublicationNow(root: ParentNode): ScreenReading | undefined {
  const reading = emptyReading('publication');
  let seen = false;
  const racine = findControl(root, LABELS.racine, { kinds: ['text'] });
  if (racine) {
    put(reading, 'racine', readValue(racine.control).trim(), racine.control);
    seen = true;
  } else {
    const shown = findTextValue(root, LABELS.racine);
    if (shown) {
      put(reading, 'racine', shown.text, shown.element);
      seen = true;
    }
  }
  const published = readPublished(root);
  if (published) {
    put(reading, 'published', published.published, published.element);
    seen = true;
  }
  const url = readPronoteAddress(root);
  if (url) {
    put(reading, 'pronoteUrl', url.url, url.element);
    seen = true;
  }
  return seen ? reading : undefined;
}

/**
 * The publication state: a state line when there is one, else the button offered (an enabled
 * *Arrêter la publication* means published; an enabled *Publier la base* means not published).
 */
function readPublished(root: ParentNode): { published: boolean; element: Element } | undefined {
  const off = findLabels(root, LABELS.unpublishedText)[0];
  if (off) return { published: false, element: off };
  const on = findLabels(root, LABELS.publishedText)[0];
  if (on) return { published: true, element: on };
  const stop = findButton(root, LABELS.unpublish);
  const publish = findButton(root, LABELS.publish);
  if (stop && !isDisabled(stop) && !(publish && !isDisabled(publish))) return { published: true, element: stop };
  if (publish && !isDisabled(publish)) return { published: false, element: publish };
  return undefined;
}

/** The school's Pronote address: a labelled field or text, else a link to a hosted Pronote. */
function readPronoteAddress(root: ParentNode): { url: string; element: Element } | undefined {
  const field = findControl(root, LABELS.pronoteUrl, { kinds: ['text'] });
  if (field && readValue(field.control).trim()) return { url: readValue(field.control).trim(), element: field.control };
  const text = findTextValue(root, LABELS.pronoteUrl);
  if (text && /^https?:\/\//i.test(text.text)) return { url: text.text, element: text.element };
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (/^https?:\/\/[0-9]{7}[a-z]\.index-education\.net\//i.test(href)) return { url: href, element: a };
  }
  return undefined;
}

/** Project names offered by the page's project list, hidden dialog included (the gear's list). */
function readProjectOptions(root: ParentNode): string[] {
  const list =
    findControl(root, LABELS.project, { kinds: ['select'], includeHidden: true }) ??
    findControl(root, LABELS.monEnt, { kinds: ['select'], includeHidden: true });
  return list ? readOptions(list.control).filter((o) => !NONE.has(foldLabel(o))) : [];
}

/**
 * Reads every hosting-console screen found on the page (several may share one page) and merges
 * their settings; a later screen never overwrites a value an earlier one read. `screens` is empty
 * when nothing is recognised.
 */
export function readHostingConsole(root: ParentNode): HostingReading {
  return withLabelCache(root, () => readHostingConsoleNow(root));
}

function readHostingConsoleNow(root: ParentNode): HostingReading {
  const reads = [readCasDelegation(root), readEntIntegration(root), readUserIdentification(root), readPublication(root)].filter((s): s is ScreenReading => !!s);
  const snapshot: HostingSnapshot = { screens: [], settings: {}, projectOptions: readProjectOptions(root) };
  const anchors: HostingAnchors = {};
  for (const { snapshot: s, anchors: a } of reads) {
    snapshot.screens.push(s.screen);
    for (const [k, v] of Object.entries(s.settings) as [HostingField, never][]) {
      if (snapshot.settings[k] === undefined) {
        snapshot.settings[k] = v;
        if (a[k]) anchors[k] = a[k];
      }
    }
  }
  return { snapshot, anchors };
}
