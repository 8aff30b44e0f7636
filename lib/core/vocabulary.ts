/**
 * The words of the rapprochement, in both languages: the six Pronote categories, the engine's
 * statuses and the reasons a person is left. One place, so that the report, the command line and
 * the side panel name things alike.
 */
import type { Localized } from './localized';

/**
 * The six Pronote categories, in the seed's order of the six import steps (seed section 4:
 * enseignants, élèves, responsables, maîtres de stage, inspecteurs pédagogiques, personnels).
 */
export const CATEGORIES = ['teacher', 'student', 'guardian', 'supervisor', 'inspector', 'staff'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Each category as a step title (plural, capitalised), as the seed's section 4 names the steps. */
export const CATEGORY_NAMES: Record<Category, Localized> = {
  teacher: { fr: 'Enseignants', en: 'Teachers' },
  student: { fr: 'Élèves', en: 'Students' },
  guardian: { fr: 'Responsables', en: 'Guardians' },
  supervisor: { fr: 'Maîtres de stage', en: 'Internship supervisors' },
  inspector: { fr: 'Inspecteurs pédagogiques', en: 'Inspectors' },
  staff: { fr: 'Personnels', en: 'Staff' },
};

/**
 * Each category as a common noun, one person and several, lower case: "1 professeur sans IDPN",
 * "BERNARD Charles (3A) · élève". French takes the singular for 0 and 1.
 */
export const CATEGORY_WORDS: Record<Category, { one: Localized; many: Localized }> = {
  teacher: { one: { fr: 'professeur', en: 'teacher' }, many: { fr: 'professeurs', en: 'teachers' } },
  student: { one: { fr: 'élève', en: 'student' }, many: { fr: 'élèves', en: 'students' } },
  guardian: { one: { fr: 'responsable', en: 'guardian' }, many: { fr: 'responsables', en: 'guardians' } },
  supervisor: { one: { fr: 'maître de stage', en: 'internship supervisor' }, many: { fr: 'maîtres de stage', en: 'internship supervisors' } },
  inspector: { one: { fr: 'inspecteur pédagogique', en: 'inspector' }, many: { fr: 'inspecteurs pédagogiques', en: 'inspectors' } },
  staff: { one: { fr: 'personnel', en: 'staff member' }, many: { fr: 'personnels', en: 'staff' } },
};

/** The engine's answer for one Pronote person: paired, to review, or without candidate. */
export type Status = 'auto' | 'review' | 'unmatched';

export const STATUS_NAMES: Record<Status, Localized> = {
  auto: { fr: 'Automatique', en: 'Automatic' },
  review: { fr: 'À vérifier', en: 'To review' },
  unmatched: { fr: 'Sans correspondance', en: 'Unmatched' },
};

/** Why a Pronote person was left without an automatic pair (issue 4, "For each person left"). */
export type Reason =
  | 'not-in-directory' // new arrival, or former student gone from the directory
  | 'former-student' // former student still in Pronote
  | 'guardian-of-unpaired' // guardian linked only to unpaired or former students
  | 'duplicate-pronote' // two Pronote persons look like the same person
  | 'duplicate-ent' // two ENT accounts look like the same person
  | 'homonyms' // several persons share the name: never automatic
  | 'no-ent-category' // supervisors and inspectors: usually no ENT account
  | 'low-score' // a candidate exists but is not sure enough
  | 'ambiguous' // candidates too close to each other
  | 'conflict'; // earlier decisions disagree about this person's account (lib/rapprochement): to decide

/** What each reason means for a school secretary (issue 4, "For each person left"; seed FAQ; DOMAIN.md failures 2–4). */
export const REASON_TEXT: Record<Reason, Localized> = {
  'not-in-directory': {
    fr: 'Absent de l’annuaire ENT\u202f: arrivée récente (l’annuaire n’est pas encore à jour) ou départ de l’établissement.',
    en: 'Not in the ENT directory: a recent arrival (the directory is not yet updated) or someone who has left the school.',
  },
  'former-student': {
    fr: 'Ancien élève encore présent dans la base Pronote (sans classe cette année).',
    en: 'A former student still in the Pronote base (no class this year).',
  },
  'guardian-of-unpaired': {
    fr: 'Responsable dont aucun enfant n’est rapproché\u202f: peut-être pas un représentant légal (accès donné à un proche) ou sans droits dans l’ENT.',
    en: 'A guardian none of whose children is paired: possibly not a legal representative (access given to a relative) or without rights in the ENT.',
  },
  'duplicate-pronote': {
    fr: 'Doublon dans Pronote\u202f: deux fiches Pronote semblent être la même personne.',
    en: 'Duplicate in Pronote: two Pronote records look like the same person.',
  },
  'duplicate-ent': {
    fr: 'Doublon dans l’ENT\u202f: deux comptes ENT semblent être la même personne.',
    en: 'Duplicate in the ENT: two ENT accounts look like the same person.',
  },
  homonyms: {
    fr: 'Même nom qu’une autre personne (ou des jumeaux)\u202f: à choisir à la main, jamais automatiquement.',
    en: 'Same name as someone else (or twins): to be chosen by hand, never automatically.',
  },
  'no-ent-category': {
    fr: 'Catégorie sans compte ENT en général (maîtres de stage, inspecteurs)\u202f: «\u202fPas de compte ENT\u202f» est une réponse normale.',
    en: 'A category that usually has no ENT account (supervisors, inspectors): "No ENT account" is a normal answer.',
  },
  'low-score': {
    fr: 'Un compte ressemble, mais pas assez pour un rapprochement automatique\u202f: à confirmer.',
    en: 'An account looks alike, but not enough for an automatic pair: to confirm.',
  },
  ambiguous: {
    fr: 'Plusieurs comptes sont trop proches les uns des autres pour choisir\u202f: à trancher.',
    en: 'Several accounts are too close to each other to choose: to decide.',
  },
  conflict: {
    fr: 'Conflit\u202f: des décisions antérieures donnent ce compte ENT à plusieurs personnes, ou nomment un compte absent de l’annuaire\u202f; aucune n’a été appliquée, à trancher.',
    en: 'Conflict: earlier decisions give this ENT account to several persons, or name an account missing from the directory; none was applied, to decide.',
  },
};
