/**
 * The ENT import mode, « complet » or « partiel » (seed §2 and FAQ; DOMAIN.md "complet / partiel"):
 * what is advised and why, and when the stored mode follows the advice. The advice comes from the
 * loaded Pronote file first (an export of all users is imported « complet », one of only the users
 * without CAS identifiers « partiel »), else from the date (« complet » at the start of the school
 * year, August to October here, « partiel » during the year); a Pronote version change calls for
 * « complet » whatever the file.
 */
import type { ExportKind } from '../core/person';
import type { Mode, ModeSource } from '../store/schema';

/** Why a mode is advised: each reason has its own sentence on screen. */
export type ModeReason = 'version-changed' | 'file-all-users' | 'file-without-cas' | 'rentree' | 'in-year';

export interface ModeAdvice {
  mode: Mode;
  reason: ModeReason;
}

/** The advised mode at `date`, for the loaded file's `exportKind` (if any) and a Pronote version change. */
export function adviseMode(date: Date, { versionChanged = false, exportKind }: { versionChanged?: boolean; exportKind?: ExportKind } = {}): ModeAdvice {
  if (versionChanged) return { mode: 'complet', reason: 'version-changed' };
  if (exportKind === 'all-users') return { mode: 'complet', reason: 'file-all-users' };
  if (exportKind === 'without-cas-only') return { mode: 'partiel', reason: 'file-without-cas' };
  const month = date.getMonth();
  return month >= 7 && month <= 9 ? { mode: 'complet', reason: 'rentree' } : { mode: 'partiel', reason: 'in-year' };
}

/**
 * The mode to keep once the advice is known (a file loaded, the version box ticked): the advice
 * while the admin has not chosen (`modeSource` 'advice'), the admin's choice otherwise. A row stored
 * before the source was kept counts as the admin's choice, so that no choice is overwritten
 * silently. `changed` says whether the stored mode must be written.
 */
export function modeToKeep(stored: { mode: Mode; modeSource?: ModeSource }, advice: ModeAdvice): { mode: Mode; changed: boolean } {
  if (stored.modeSource !== 'advice' || stored.mode === advice.mode) return { mode: stored.mode, changed: false };
  return { mode: advice.mode, changed: true };
}

/**
 * What the mode choice shows: the mode (the admin's `choice`, else the advice) and whether it
 * differs from the advice, when the « follow the advice » button is offered.
 */
export function modeShown(choice: Mode | undefined, advice: ModeAdvice): { mode: Mode; source: ModeSource; differs: boolean } {
  const mode = choice ?? advice.mode;
  return { mode, source: choice ? 'admin' : 'advice', differs: mode !== advice.mode };
}
