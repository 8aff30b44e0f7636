/**
 * The ENT admin helper's view of a page (PRODUCT.md §2): every ENT admin screen recognised on it
 * (the Pronote.net service and bloc settings, *accès population*, *Importer les identifiants
 * Pronote*), read by `ent-service`, `ent-access` and `ent-import`. Reads only.
 */
import { type EntAccessAnchors, type EntAccessSnapshot, readEntAccess } from './ent-access';
import { type EntImportAnchors, type EntImportSnapshot, readEntImport } from './ent-import';
import { type EntServiceAnchors, type EntServiceSnapshot, readEntService } from './ent-service';
import type { Reading } from './reading';

export type EntScreen = 'service' | 'access' | 'import';

export interface EntAdminSnapshot {
  screens: EntScreen[];
  service?: EntServiceSnapshot;
  access?: EntAccessSnapshot;
  import?: EntImportSnapshot;
}

/** Where each screen's values are on the page. */
export interface EntAdminAnchors {
  service?: EntServiceAnchors;
  access?: EntAccessAnchors;
  import?: EntImportAnchors;
}

export type EntAdminReading = Reading<EntAdminSnapshot, EntAdminAnchors>;

/** Reads every ENT admin screen on the page; `screens` is empty on any other page. */
export function readEntAdmin(root: ParentNode): EntAdminReading {
  const service = readEntService(root);
  const access = readEntAccess(root);
  const imp = readEntImport(root);
  const screens: EntScreen[] = [];
  if (service) screens.push('service');
  if (access) screens.push('access');
  if (imp) screens.push('import');
  return {
    snapshot: { screens, service: service?.snapshot, access: access?.snapshot, import: imp?.snapshot },
    anchors: { service: service?.anchors, access: access?.anchors, import: imp?.anchors },
  };
}

/**
 * The element a finding's `field` names (as set by `lib/checks/ent-*`): `casUrl`, `pronoteUrl`,
 * `blocVersion`, `anonymous`, `mode`, `access:<profile>`. `undefined` when not on the page.
 */
export function entFieldElement(anchors: EntAdminAnchors, field: string): Element | undefined {
  if (field.startsWith('access:')) return anchors.access?.profiles.get(field.slice('access:'.length));
  if (field === 'anonymous') return anchors.access?.anonymous;
  if (field === 'mode') return anchors.import?.mode;
  if (field === 'casUrl' || field === 'pronoteUrl' || field === 'blocVersion') return anchors.service?.[field];
  return undefined;
}
