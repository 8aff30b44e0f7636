/**
 * The ENT admin helper's view of a page (PRODUCT.md §2): every ENT admin screen recognised on it
 * (the Pronote.net service and bloc settings, *accès population*, *Importer les identifiants
 * Pronote*), read by `ent-service`, `ent-access` and `ent-import`. Reads only.
 */
import { type EntAccessSnapshot, readEntAccess } from './ent-access';
import { type EntImportSnapshot, readEntImport } from './ent-import';
import { type EntServiceSnapshot, readEntService } from './ent-service';

export type EntScreen = 'service' | 'access' | 'import';

export interface EntAdminSnapshot {
  screens: EntScreen[];
  service?: EntServiceSnapshot;
  access?: EntAccessSnapshot;
  import?: EntImportSnapshot;
}

/** Reads every ENT admin screen on the page; `screens` is empty on any other page. */
export function readEntAdmin(root: ParentNode): EntAdminSnapshot {
  const service = readEntService(root);
  const access = readEntAccess(root);
  const imp = readEntImport(root);
  const screens: EntScreen[] = [];
  if (service) screens.push('service');
  if (access) screens.push('access');
  if (imp) screens.push('import');
  return { screens, service, access, import: imp };
}

/**
 * The element a finding's `field` names (as set by `lib/checks/ent-*`): `casUrl`, `pronoteUrl`,
 * `blocVersion`, `anonymous`, `mode`, `access:<profile>`. `undefined` when not on the page.
 */
export function entFieldElement(snap: EntAdminSnapshot, field: string): Element | undefined {
  if (field.startsWith('access:')) {
    const name = field.slice('access:'.length);
    return snap.access?.profiles.find((p) => p.profile === name)?.element;
  }
  if (field === 'anonymous') return snap.access?.anonymousElement;
  if (field === 'mode') return snap.import?.modeElement;
  if (field === 'casUrl' || field === 'pronoteUrl' || field === 'blocVersion') return snap.service?.elements[field];
  return undefined;
}
