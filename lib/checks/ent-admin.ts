/**
 * Every ENT admin rule (PRODUCT.md §2) over the screens read on a page (`lib/pages/ent-admin`).
 * Pure: the facts that the page does not show come as parameters.
 */
import type { EntAdminSnapshot } from '../pages/ent-admin';
import type { ExportKind } from '../core/person';
import { checkEntAccess } from './ent-access';
import { checkImportMode } from './ent-import';
import { checkEntService } from './ent-service';
import type { Finding } from './finding';

export interface EntAdminContext {
  /** Today (the import mode depends on the time of the school year). */
  date: Date;
  /** The kind of the Pronote export loaded in the side panel's rapprochement, when known. */
  fileKind?: ExportKind;
  /** The Pronote version from an instance check (`[2024,3,7,1]` or `2024.3.7.1`), when known. */
  pronoteVersion?: string | number[];
}

/** The findings of every screen on the page: service, then *accès population*, then import. */
export function checkEntAdmin(snap: EntAdminSnapshot, context: EntAdminContext): Finding[] {
  return [
    ...(snap.service ? checkEntService(snap.service.settings, context.pronoteVersion) : []),
    ...(snap.access ? checkEntAccess(snap.access) : []),
    ...(snap.import ? checkImportMode({ mode: snap.import.mode, fileKind: context.fileKind, date: context.date }) : []),
  ];
}
