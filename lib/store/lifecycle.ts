/**
 * A rapprochement's life: started for a school and year, opened again where the user was, changed,
 * listed; and the whole store counted and deleted (PRODUCT.md §3).
 */
import { CATEGORIES, type Category } from '../core/person';
import type { Mode, ModeSource, PasserelleDB, Rapprochement, StepState } from './schema';
import { now } from './transaction';

/** Every step pending, as a new pairing starts. */
export function pendingSteps(): Record<Category, StepState> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 'pending'])) as Record<Category, StepState>;
}

/**
 * Starts a new rapprochement for a school and year and makes it the open one.
 * `uai` is upper-cased and trimmed. Returns the stored row (with its id).
 */
export async function createRapprochement(
  db: PasserelleDB,
  init: { uai: string; schoolName: string; year: string; mode: Mode; modeSource?: ModeSource; versionChanged?: boolean },
): Promise<Rapprochement> {
  const at = now();
  const row: Rapprochement = {
    uai: init.uai.trim().toUpperCase(),
    schoolName: init.schoolName.trim(),
    year: init.year.trim(),
    mode: init.mode,
    ...(init.modeSource ? { modeSource: init.modeSource } : {}),
    ...(init.versionChanged ? { versionChanged: true } : {}),
    createdAt: at,
    updatedAt: at,
    phase: 'start',
    steps: pendingSteps(),
    currentStep: 0,
    position: 0,
  };
  return db.transaction('rw', db.rapprochements, db.meta, async () => {
    row.id = await db.rapprochements.add(row);
    await db.meta.put({ key: 'current', value: row.id });
    return row;
  });
}

/** The rapprochement open in the panel: the one last opened, else the last updated; undefined if none. */
export async function openRapprochement(db: PasserelleDB): Promise<Rapprochement | undefined> {
  const current = await db.meta.get('current');
  if (typeof current?.value === 'number') {
    const row = await db.rapprochements.get(current.value);
    if (row) return row;
  }
  return db.rapprochements.orderBy('updatedAt').last();
}

/** Makes `id` the open rapprochement (the panel shows it when reopened). */
export async function setOpenRapprochement(db: PasserelleDB, id: number | undefined): Promise<void> {
  if (id === undefined) await db.meta.delete('current');
  else await db.meta.put({ key: 'current', value: id });
}

/** Every stored rapprochement, the last updated first. */
export async function listRapprochements(db: PasserelleDB): Promise<Rapprochement[]> {
  return (await db.rapprochements.orderBy('updatedAt').reverse().toArray()) as Rapprochement[];
}

/** The latest rapprochement of a school (by UAI, any year), or undefined. */
export async function latestForSchool(db: PasserelleDB, uai: string): Promise<Rapprochement | undefined> {
  const rows = await db.rapprochements.where('uai').equals(uai.trim().toUpperCase()).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * Changes fields of a rapprochement (where the user is, mode, structure...) and its `updatedAt`.
 * Returns the row as stored; throws when it does not exist.
 */
export async function updateRapprochement(db: PasserelleDB, id: number, patch: Partial<Omit<Rapprochement, 'id' | 'createdAt'>>): Promise<Rapprochement> {
  return db.transaction('rw', db.rapprochements, async () => {
    const row = await db.rapprochements.get(id);
    if (!row) throw new Error(`no rapprochement ${id}`);
    const next = { ...row, ...patch, updatedAt: now() };
    await db.rapprochements.put(next);
    return next;
  });
}

/** Counts of what is stored, for the line that tells the user (PRODUCT.md §3). */
export interface StoredCounts {
  rapprochements: number;
  schools: number;
  persons: number;
  decisions: number;
  remembered: number;
  profiles: number;
}

/**
 * What is stored, as counts. Persons are counted from each rapprochement's summaries, so that the
 * persons themselves are never read (22,000 persons would block the panel for a while).
 */
export async function storedCounts(db: PasserelleDB): Promise<StoredCounts> {
  return db.transaction('r', [db.rapprochements, db.inputs, db.decisions, db.remembered, db.profiles], async () => {
    const rapprochements = await db.rapprochements.toArray();
    const stored = new Set((await db.inputs.toCollection().primaryKeys()).map(([rid, side]) => `${rid}|${side}`));
    let persons = 0;
    for (const r of rapprochements)
      for (const side of ['pronote', 'directory'] as const) {
        const counts = r[side]?.counts;
        if (counts && stored.has(`${r.id}|${side}`)) persons += CATEGORIES.reduce((n, c) => n + (counts[c] ?? 0), 0);
      }
    const schools = new Set([...rapprochements.map((r) => r.uai), ...(await db.remembered.orderBy('uai').uniqueKeys())]);
    return {
      rapprochements: rapprochements.length,
      schools: schools.size,
      persons,
      decisions: await db.decisions.count(),
      remembered: await db.remembered.count(),
      profiles: await db.profiles.count(),
    };
  });
}

/** Deletes all stored personal data: every rapprochement, person, decision and remembered decision. Mapping profiles (no personal data) are deleted too. */
export async function deleteAllData(db: PasserelleDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
