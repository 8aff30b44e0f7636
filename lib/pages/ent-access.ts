/**
 * Reader of the *accès population* tab of the ENT's Pronote.net service (seed section 3: "dans
 * l'onglet « accès population », il faut ajouter le rôle « accès au service » aux différents
 * profils"; "La case « service anonyme »"). Two layouts are read: a table with one row per profile
 * and one column per role, and one block per profile (a heading, then a check box per role). Found
 * by visible label text; reads only.
 */
import { foldLabel } from '../core/fold';
import { isControl, readChecked } from './controls';
import { ENT_ACCESS_LABELS, phrasesOf } from './screen-labels';
import { controlForLabel, findControl, findLabels } from './labels';
import type { Reading } from './reading';

/** One user profile (Élèves, Parents, Enseignants...) and whether it holds *accès au service*. */
export interface ProfileAccess {
  /** The profile's name as shown. */
  profile: string;
  hasAccess: boolean;
}

export interface EntAccessSnapshot {
  profiles: ProfileAccess[];
  /** *service anonyme* checked; undefined when the box is not on the page. */
  anonymous?: boolean;
}

export interface EntAccessAnchors {
  /** Each profile's role box (or its row), by the profile's name as shown. */
  profiles: Map<string, Element>;
  /** The *service anonyme* box. */
  anonymous?: Element;
}

type FoundProfile = ProfileAccess & { element: Element };

const { role: ROLE, anonymous: ANONYMOUS } = phrasesOf(ENT_ACCESS_LABELS);
const HEADING = 'legend, h1, h2, h3, h4, h5, h6, [role=heading], caption, dt, th, strong, b';

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Profiles of a table whose header names the role: one row per profile, the box in the role's column. */
function fromTable(header: Element): FoundProfile[] | undefined {
  const cell = header.closest('th, td, [role=columnheader]');
  const row = cell?.parentElement;
  const table = cell?.closest('table, [role=table], [role=grid]');
  if (!cell || !row || !table) return undefined;
  const column = [...row.children].indexOf(cell);
  const rows = [...table.querySelectorAll('tr, [role=row]')].filter((r) => r !== row && r.closest('table, [role=table], [role=grid]') === table);
  const out: FoundProfile[] = [];
  for (const r of rows) {
    const cells = [...r.children];
    const target = cells[column];
    if (!target) continue;
    const box = isControl(target, ['checkbox']) ? target : target.querySelector('input[type=checkbox], [role=checkbox], [role=switch]');
    const profile = clean(cells.find((c, i) => i !== column && clean(c.textContent))?.textContent);
    if (!profile) continue;
    // A cell without a box shows the role as text ("Oui", "✓") or nothing.
    const hasAccess = box ? readChecked(box) === true : /^(oui|yes|x|✓|✔)$/i.test(clean(target.textContent));
    out.push({ profile, hasAccess, element: box ?? target });
  }
  return out.length ? out : undefined;
}

/** The profile a role box belongs to: the nearest heading-like element before it in an ancestor. */
function profileOf(label: Element, box: Element): { name: string; scope: Element } | undefined {
  for (let scope = label.parentElement, level = 0; scope && level < 5; scope = scope.parentElement, level++) {
    const headings = [...scope.querySelectorAll(HEADING)].filter(
      (h) => !h.contains(label) && !label.contains(h) && !h.contains(box) && (h.compareDocumentPosition(box) & 4) !== 0,
    );
    const name = clean(headings.at(-1)?.textContent);
    if (name && !ROLE.some((r) => foldLabel(name).includes(foldLabel(r)))) return { name, scope };
  }
  return undefined;
}

/**
 * Reads the *accès population* tab: each profile with whether it holds *accès au service*, and the
 * *service anonyme* box. `undefined` when neither the role nor the box is on the page.
 */
export function readEntAccess(root: ParentNode): Reading<EntAccessSnapshot, EntAccessAnchors> | undefined {
  const snap: EntAccessSnapshot = { profiles: [] };
  const anchors: EntAccessAnchors = { profiles: new Map() };
  const anonymous = findControl(root, ANONYMOUS, { kinds: ['checkbox'] });
  if (anonymous) {
    snap.anonymous = readChecked(anonymous.control) === true;
    anchors.anonymous = anonymous.control;
  }
  const labels = findLabels(root, ROLE);
  const found: FoundProfile[] = labels.map((l) => fromTable(l)).find(Boolean) ?? [];
  if (!found.length) {
    for (const label of labels) {
      const box = controlForLabel(label, { kinds: ['checkbox'] });
      if (!box) continue;
      const profile = profileOf(label, box);
      if (profile && !found.some((p) => p.profile === profile.name)) {
        found.push({ profile: profile.name, hasAccess: readChecked(box) === true, element: box });
      }
    }
  }
  for (const { element, ...profile } of found) {
    snap.profiles.push(profile);
    if (!anchors.profiles.has(profile.profile)) anchors.profiles.set(profile.profile, element);
  }
  if (!snap.profiles.length && snap.anonymous === undefined) return undefined;
  return { snapshot: snap, anchors };
}
