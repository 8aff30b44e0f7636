/**
 * The words of the printed report, in both languages. `lib/` cannot read the extension's catalogue
 * (`public/_locales`), so the report carries its own; the titles and advice of the persons left are
 * the panel's (`wbLeft_*`, `wbAdvice_*`), and a unit test keeps the two alike.
 */
import type { Localized } from '../core/localized';
import type { Reason } from '../core/vocabulary';
import type { LeftReason, Outcome } from './report-rows';

/** Each outcome as the legend and the table's columns name it. */
export const OUTCOME_NAMES: Record<Outcome, Localized> = {
  auto: { fr: 'automatique', en: 'automatic' },
  confirmed: { fr: 'confirmé', en: 'confirmed' },
  manual: { fr: 'à la main', en: 'by hand' },
  'no-account': { fr: 'pas de compte ENT', en: 'no ENT account' },
  rejected: { fr: 'rejeté', en: 'rejected' },
  review: { fr: 'à vérifier', en: 'to review' },
  unmatched: { fr: 'sans correspondance', en: 'unmatched' },
};

/** The title of a group of persons left (the panel's `wbLeft_*`). */
export const LEFT_TITLE: Record<LeftReason, Localized> = {
  'not-in-directory': { fr: 'Absents de l’annuaire', en: 'Not in the directory' },
  'former-student': { fr: 'Anciens élèves', en: 'Former students' },
  'guardian-of-unpaired': { fr: 'Responsables d’élèves non rapprochés', en: 'Guardians of unpaired students' },
  'duplicate-pronote': { fr: 'Doublons dans Pronote', en: 'Duplicates in Pronote' },
  'duplicate-ent': { fr: 'Comptes ENT en double', en: 'Duplicate ENT accounts' },
  homonyms: { fr: 'Homonymes', en: 'Homonyms' },
  'no-ent-category': { fr: 'Catégorie sans compte ENT', en: 'Category without ENT accounts' },
  'low-score': { fr: 'Ressemblance trop faible', en: 'Too weak a likeness' },
  ambiguous: { fr: 'Plusieurs comptes possibles', en: 'Several possible accounts' },
  conflict: { fr: 'Conflit entre décisions antérieures', en: 'Conflict between earlier decisions' },
  rejected: { fr: 'Proposition rejetée', en: 'Proposal rejected' },
  none: { fr: 'Sans explication', en: 'No explanation' },
};

/** What to do about a group of persons left (the panel's `wbAdvice_*`). */
export const LEFT_ADVICE: Record<LeftReason, Localized> = {
  'not-in-directory': {
    fr: 'Nouvel arrivant pas encore dans l’annuaire, ou personne partie\u202f: attendez la prochaine mise à jour de l’annuaire, ou répondez «\u202fPas de compte ENT\u202f».',
    en: 'A newcomer not yet in the directory, or someone who left: wait for the next directory update, or answer "No ENT account".',
  },
  'former-student': {
    fr: 'Vérifiez que la base Pronote ne contient pas d’anciens élèves (conseil du guide d’intégration).',
    en: 'Check that the Pronote base holds no former students (integration guide).',
  },
  'guardian-of-unpaired': {
    fr: 'Vérifiez que les droits de consultation sur internet sont donnés aux responsables et non aux personnes susceptibles de prendre en charge l’élève (voisins, grands-parents…).',
    en: 'Check that internet viewing rights are given to guardians and not to people who may look after the student (neighbours, grandparents…).',
  },
  'duplicate-pronote': {
    fr: 'Supprimez le doublon dans Pronote\u202f; si le premier compte a déjà servi à une connexion depuis l’ENT, supprimez son identifiant CAS puis reconnectez-vous avec le second.',
    en: 'Remove the duplicate in Pronote; if the first account was already used to log in from the ENT, delete its CAS identifier, then log in again with the second.',
  },
  'duplicate-ent': {
    fr: 'Deux comptes ENT semblent être la même personne\u202f: choisissez le bon à la main et signalez le doublon à l’administrateur de l’annuaire.',
    en: 'Two ENT accounts look like the same person: choose the right one by hand and report the duplicate to the directory administrator.',
  },
  homonyms: {
    fr: 'Homonymes\u202f: jamais rapprochés automatiquement. Comparez la classe et la date de naissance, puis rapprochez à la main.',
    en: 'Homonyms are never paired automatically. Compare class and birth date, then pair by hand.',
  },
  'no-ent-category': {
    fr: 'Les maîtres de stage et les inspecteurs n’ont souvent pas de compte ENT\u202f: «\u202fPas de compte ENT\u202f» est une réponse normale.',
    en: 'Internship supervisors and inspectors often have no ENT account: "No ENT account" is a normal answer.',
  },
  'low-score': {
    fr: 'Un compte ressemble, sans certitude\u202f: vérifiez ce qui concorde avant de confirmer.',
    en: 'An account looks alike, without certainty: check what agrees before confirming.',
  },
  ambiguous: {
    fr: 'Plusieurs comptes se ressemblent\u202f: choisissez le bon à la main.',
    en: 'Several accounts look alike: choose the right one by hand.',
  },
  conflict: {
    fr: 'Deux décisions antérieures ne s’accordent pas sur le compte de ces personnes\u202f: choisissez le bon compte à la main.',
    en: 'Earlier decisions disagree about these persons’ account: choose the right one by hand.',
  },
  rejected: {
    fr: 'Cherchez le bon compte dans l’annuaire, ou répondez «\u202fPas de compte ENT\u202f».',
    en: 'Search the directory for the right account, or answer "No ENT account".',
  },
  none: { fr: 'Cherchez le compte dans l’annuaire.', en: 'Search the directory for the account.' },
};

/** Why a group is left, for the two groups the engine's reasons (`REASON_TEXT`) do not cover. */
export const LEFT_WHY: Record<Exclude<LeftReason, Reason>, Localized> = {
  rejected: {
    fr: 'La proposition du moteur a été rejetée, sans autre compte choisi.',
    en: 'The engine’s proposal was rejected, and no other account was chosen.',
  },
  none: { fr: 'Le moteur n’a pas donné de raison.', en: 'The engine gave no reason.' },
};

/** The report's fixed labels. */
export const REPORT_WORDS = {
  title: { fr: 'Rapport de rapprochement Pronote ⇄ ENT', en: 'Pronote ⇄ ENT pairing report' },
  mode: { fr: 'mode', en: 'mode' },
  modes: {
    complet: { fr: 'complet', en: 'full (complet)' },
    partiel: { fr: 'partiel', en: 'partial (partiel)' },
  },
  computedIn: { fr: 'calculé en $1\u202fs sur cette machine (aucune donnée envoyée)', en: 'computed in $1 s on this machine (no data sent anywhere)' },
  pronoteExport: { fr: 'Export Pronote', en: 'Pronote export' },
  exportKind: { fr: 'Type d’export', en: 'Export kind' },
  directory: { fr: 'Annuaire ENT', en: 'ENT directory' },
  decided: { fr: 'Décisions antérieures appliquées', en: 'Earlier decisions applied' },
  moreFiles: { fr: '… et $1 autres fichiers ($2)', en: '… and $1 more files ($2)' },
  resultTitle: { fr: 'Résultat par catégorie', en: 'Outcome per category' },
  category: { fr: 'Catégorie', en: 'Category' },
  readPronote: { fr: 'Lus Pronote', en: 'Read, Pronote' },
  readEnt: { fr: 'Lus ENT', en: 'Read, ENT' },
  total: { fr: 'Total', en: 'Total' },
  chart: { fr: 'Répartition', en: 'Breakdown' },
  unusedDirectory: {
    fr: 'Comptes ENT auxquels aucune personne Pronote n’est rapprochée automatiquement\u202f: $1 (anciens élèves, autres établissements du même annuaire, personnes absentes de Pronote, comptes à vérifier).',
    en: 'ENT accounts that no Pronote person is automatically paired with: $1 (former students, other schools of the same directory, persons not in Pronote, accounts to review).',
  },
  leftTitle: { fr: 'Personnes restantes, par raison ($1)', en: 'People left, by reason ($1)' },
  leftNone: { fr: 'Tout le monde est rapproché ou a une réponse.', en: 'Everybody is paired or has an answer.' },
  why: { fr: 'Pourquoi', en: 'Why' },
  todo: { fr: 'À faire', en: 'What to do' },
  name: { fr: 'Nom Prénom', en: 'Name' },
  className: { fr: 'Classe', en: 'Class' },
  outcome: { fr: 'Résultat', en: 'Outcome' },
  more: { fr: '… et $1 autres\u202f: la liste complète est dans $2.', en: '… and $1 more: the full list is in $2.' },
  notReadTitle: { fr: 'Enregistrements non lus', en: 'Records not read' },
  notReadNone: { fr: 'Aucun\u202f: tous les enregistrements ont été lus.', en: 'None: every record was read.' },
  side: { fr: 'Côté', en: 'Side' },
  filePosition: { fr: 'Fichier, position', en: 'File, position' },
  reason: { fr: 'Raison', en: 'Reason' },
  excerpt: { fr: 'Extrait', en: 'Excerpt' },
  moreRecords: { fr: '… et $1 autres.', en: '… and $1 more.' },
  notesTitle: { fr: 'Remarques sur les fichiers', en: 'Notes on the files' },
  exportKinds: {
    'all-users': { fr: 'tous les utilisateurs (import «\u202fcomplet\u202f»)', en: 'all users ("complet" import)' },
    'without-cas-only': {
      fr: 'uniquement les utilisateurs sans identifiants CAS (import «\u202fpartiel\u202f»)',
      en: 'only users without CAS identifiers ("partiel" import)',
    },
    unknown: { fr: 'inconnu', en: 'unknown' },
  },
} satisfies Record<string, Localized | Record<string, Localized>>;
