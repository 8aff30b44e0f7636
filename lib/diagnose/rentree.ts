/**
 * The rentrée checklist: from two answers (a new school year? a new Pronote version?) the ordered
 * steps of the integration guide's FAQ (seed §5, the two "dois-je faire quelque chose à la
 * rentrée ?" questions; §2 for the export option; §4 for the six-step import), each with the
 * export option and the import mode it needs. Pure data and functions; the side panel keeps the
 * ticks per school (UAI).
 */
import type { Localized } from '../core/localized';
import { guide, sources } from './readable-source';

export interface RentreeAnswers {
  newSchoolYear: boolean;
  newPronoteVersion: boolean;
}

export interface RentreeStep {
  /** Stable id, used to keep the tick. */
  id: string;
  text: Localized;
  /** The state of « Uniquement les utilisateurs sans identifiants CAS » at the export. */
  exportOption?: 'unchecked' | 'checked';
  /** The ENT import mode. */
  importMode?: 'complet' | 'partiel';
  /** Where the step comes from, for developers (seed sections). */
  source: string;
  /** The same source as school staff can read it (readable-source.ts). */
  shownSource: Localized;
}

/**
 * Where the steps come from, each as the developers' reference and as staff read it: the two
 * rentrée paths take their export and import from the same FAQ answer (seed §5, §2 a) for the
 * option), so a step names its path's source instead of spelling it again.
 */
const FROM = {
  newVersion: { source: 'Seed §5 FAQ « J’ai changé de version Pronote »', shownSource: guide(5) },
  newYear: { source: 'Seed §5 FAQ (rentrée) ; §2 a)', shownSource: sources(guide(5), guide(2)) },
  inYear: { source: 'Seed §2 a)', shownSource: guide(2) },
  sixSteps: { source: 'Seed §4', shownSource: guide(4) },
} satisfies Record<string, Pick<RentreeStep, 'source' | 'shownSource'>>;

const BLOC_VERSION: RentreeStep = {
  id: 'bloc-version',
  text: {
    fr: 'Côté ENT, actualiser la configuration du bloc Pronote avec la valeur de votre nouvelle version de Pronote.',
    en: 'On the ENT side, update the Pronote bloc configuration with the value of your new Pronote version.',
  },
  ...FROM.newVersion,
};

const EXPORT_ALL: RentreeStep = {
  id: 'export-all',
  text: {
    fr: 'Dans un client Pronote, exporter les identifiants PRONOTE en laissant DÉCOCHÉE l’option «\u202fUniquement les utilisateurs sans identifiants CAS\u202f» (fichier avec tous les utilisateurs).',
    en: 'In a Pronote client, export the PRONOTE identifiers with the option “Uniquement les utilisateurs sans identifiants CAS” left UNCHECKED (a file with all users).',
  },
  exportOption: 'unchecked',
  ...FROM.newYear,
};

const IMPORT_COMPLET: RentreeStep = {
  id: 'import-complet',
  text: {
    fr: 'Dans l’ENT (Administration > Importer les identifiants Pronote), importer ce fichier XML en mode «\u202fcomplet\u202f».',
    en: 'In the ENT (Administration > Importer les identifiants Pronote), import that XML file in “complet” (full) mode.',
  },
  importMode: 'complet',
  ...FROM.newYear,
};

const SIX_STEPS: RentreeStep = {
  id: 'six-steps',
  text: {
    fr: 'Valider les six étapes du rapprochement (enseignants, élèves, responsables, maîtres de stage, inspecteurs pédagogiques, personnels) en rapprochant à la main les comptes non reconnus.',
    en: 'Validate the six pairing steps (teachers, students, guardians, internship supervisors, inspectors, staff), pairing the unrecognised accounts by hand.',
  },
  ...FROM.sixSteps,
};

const EXPORT_NEW: RentreeStep = {
  id: 'export-new-only',
  text: {
    fr: 'Pour les arrivées en cours d’année\u202f: exporter en COCHANT l’option «\u202fUniquement les utilisateurs sans identifiants CAS\u202f».',
    en: 'For arrivals during the year: export with the option “Uniquement les utilisateurs sans identifiants CAS” CHECKED.',
  },
  exportOption: 'checked',
  ...FROM.inYear,
};

const IMPORT_PARTIEL: RentreeStep = {
  id: 'import-partiel',
  text: {
    fr: 'Importer ce fichier dans l’ENT en mode «\u202fpartiel\u202f».',
    en: 'Import that file into the ENT in “partiel” (partial) mode.',
  },
  importMode: 'partiel',
  ...FROM.inYear,
};

/**
 * The ordered steps for `answers` (seed §5 FAQ):
 * - new school year, same version: full export (option unchecked), "complet" import, six steps;
 * - new school year and new version: first update the bloc Pronote version, then the same;
 * - new version during the year: update the bloc version, then keep partial exports and imports;
 * - neither: partial exports (option checked) and "partiel" imports for the arrivals.
 */
export function rentreeSteps(answers: RentreeAnswers): RentreeStep[] {
  const steps: RentreeStep[] = [];
  if (answers.newPronoteVersion) steps.push(BLOC_VERSION);
  if (answers.newSchoolYear) steps.push(EXPORT_ALL, IMPORT_COMPLET, SIX_STEPS);
  else steps.push(EXPORT_NEW, IMPORT_PARTIEL, SIX_STEPS);
  return steps;
}

/**
 * The school year that `date` falls in, as `2026-2027`. The rentrée is taken to start on
 * 1 August, so that the checklist prepared in late August belongs to the coming year.
 */
export function schoolYear(date: Date): string {
  const y = date.getFullYear();
  const start = date.getMonth() >= 7 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** What is kept per school (UAI): the answers and the ticked steps, for one school year. */
export interface RentreeProgress {
  schoolYear: string;
  answers: RentreeAnswers;
  done: string[];
}

/** A fresh progress for `year`. */
export function emptyProgress(year: string): RentreeProgress {
  return { schoolYear: year, answers: { newSchoolYear: true, newPronoteVersion: false }, done: [] };
}

/**
 * The progress to show for `year`: `stored` when it is a valid progress of that year, otherwise a
 * fresh one (last year's ticks do not carry over). Ticks of steps that the answers no longer
 * include are dropped.
 */
export function currentProgress(stored: unknown, year: string): RentreeProgress {
  if (typeof stored !== 'object' || stored === null) return emptyProgress(year);
  const s = stored as Partial<RentreeProgress>;
  if (s.schoolYear !== year || typeof s.answers !== 'object' || s.answers === null || !Array.isArray(s.done)) {
    return emptyProgress(year);
  }
  const answers = {
    newSchoolYear: s.answers.newSchoolYear === true,
    newPronoteVersion: s.answers.newPronoteVersion === true,
  };
  const ids = new Set(rentreeSteps(answers).map((step) => step.id));
  return { schoolYear: year, answers, done: s.done.filter((d): d is string => typeof d === 'string' && ids.has(d)) };
}

/** `progress` with step `id` ticked or unticked. */
export function toggleStep(progress: RentreeProgress, id: string): RentreeProgress {
  const done = progress.done.includes(id) ? progress.done.filter((d) => d !== id) : [...progress.done, id];
  return { ...progress, done };
}

/** The storage key of a school's checklist. */
export function rentreeStorageKey(uai: string): string {
  return `diagnose.rentree.${uai.trim().toUpperCase()}`;
}
