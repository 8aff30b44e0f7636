/**
 * The school's ENT project on its rapprochement, and what it lets a page see (issue 16). A page
 * of the ENT import wizard gets the open rapprochement's marks and one suggestion at a time only
 * when the school is the open one and the page's host is on the school's ENT project: a host of
 * the catalogue project's web domains (lib/catalogue/web-host), or a host the admin confirmed in
 * the side panel. Anything else is a `Refusal`, with its reason.
 */
import { projectForWebHost } from '../catalogue/web-host';
import type { Refusal, Suggestion, WizardRow } from '../messages';
import { openRapprochement } from './lifecycle';
import type { PasserelleDB, Rapprochement, SchoolEnt } from './schema';
import { querySuggestions } from './suggestions';

/** Host names as compared here: lower case, no trailing dot, no port. */
export function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/**
 * Sets (or clears, with `undefined`) the ENT project of rapprochement `rid`, as the admin
 * confirmed it. `hosts` are kept only when outside the catalogue (a catalogue host is covered
 * by its project). Throws when the rapprochement does not exist.
 */
export async function setSchoolEnt(
  db: PasserelleDB,
  rid: number,
  choice: { projectId?: string; hosts?: string[] } | undefined,
  now: Date = new Date(),
): Promise<SchoolEnt | undefined> {
  const schoolEnt: SchoolEnt | undefined = choice
    ? {
        projectId: choice.projectId,
        hosts: [...new Set((choice.hosts ?? []).map(hostKey).filter((h) => h && !projectForWebHost(h)))],
        confirmedAt: now.toISOString(),
      }
    : undefined;
  const changed = await db.rapprochements.update(rid, { schoolEnt });
  if (!changed && !(await db.rapprochements.get(rid))) throw new Error(`no rapprochement ${rid}`);
  return schoolEnt;
}

/** True when a page on `host` belongs to the school's ENT project `ent`. */
export function hostFitsSchoolEnt(ent: SchoolEnt | undefined, host: string): boolean {
  if (!ent) return false;
  const h = hostKey(host);
  if (ent.hosts.includes(h)) return true;
  const project = projectForWebHost(h);
  return !!project && project.id === ent.projectId;
}

/** The open rapprochement when a page on `host` may see data of school `uai`, else why not. */
export async function accessFor(db: PasserelleDB, uai: string, host: string): Promise<Rapprochement | Refusal> {
  const open = await openRapprochement(db);
  if (!open?.id) return { refused: 'no-rapprochement' };
  if (open.uai !== uai.trim().toUpperCase()) return { refused: 'other-school' };
  if (!open.schoolEnt) return { refused: 'no-ent-project' };
  if (!hostFitsSchoolEnt(open.schoolEnt, host)) return { refused: 'host-not-school-ent' };
  return open;
}

const isRefusal = (x: Rapprochement | Refusal): x is Refusal => 'refused' in x;

/** Answers `suggestions/marks`: one boolean per row (a suggestion exists), no personal data. */
export async function marksFor(db: PasserelleDB, uai: string, host: string, rows: WizardRow[]): Promise<{ marks: boolean[] } | Refusal> {
  const access = await accessFor(db, uai, host);
  if (isRefusal(access)) return access;
  const found = await querySuggestions(db, { uai: access.uai, names: rows });
  return { marks: found.map((s) => s !== null) };
}

/** Answers `suggestions/reveal`: the suggestion of one row, asked by the admin's click. */
export async function revealFor(db: PasserelleDB, uai: string, host: string, row: WizardRow): Promise<{ suggestion: Suggestion | null } | Refusal> {
  const access = await accessFor(db, uai, host);
  if (isRefusal(access)) return access;
  const [suggestion] = await querySuggestions(db, { uai: access.uai, names: [row] });
  return { suggestion: suggestion ?? null };
}
