/**
 * The visible labels by which the screen readers of `lib/pages` find each control, as data with
 * their sources (the house rule: site knowledge kept as data, tested as data — see
 * `test/unit/pages/screen-labels.test.ts`). The real HTML of these admin screens is not public
 * (DOMAIN.md, "The hosting console and the server admin"): each field lists the exact wording a
 * source gives first, then alternatives marked `known: false` where no source gives the wording.
 * Order matters: readers try the phrases in order, the most specific first.
 *
 * Phrases are compared after `foldLabel` (`lib/core/fold.ts`): accents, case and spacing do not
 * count, so a phrase is written once, with its accents.
 */

/** The labels of one field: the phrases, where they come from, and whether a source gives them. */
export interface LabelEntry {
  phrases: readonly string[];
  /** A seed section, a DOMAIN.md item or a public source; for guesses, why these phrases. */
  source: string;
  /** False when no source gives the exact wording (the phrases are reasoned alternatives). */
  known: boolean;
}

const SEED_1 = 'seed §1 (hosting console: Déléguer l’authentification, Définir une délégation CAS)';
const DOMAIN_CONSOLE = 'DOMAIN.md, "The hosting console and the server admin"';

/** Hosting console screens (PRODUCT.md §1): `lib/pages/hosting-console.ts`. */
export const HOSTING_CONSOLE_LABELS = {
  delegation: { phrases: ['Définir une délégation CAS', 'Délégation CAS'], source: SEED_1, known: true },
  project: {
    phrases: ['Projet de rattachement', "Projet de l'ENT", 'Projet ENT', 'Nom du projet', 'Projet'],
    source: 'seed §1 d: "the project of your ENT" chosen from a list behind the gear; wording not given',
    known: false,
  },
  monEnt: { phrases: ['Mon ENT'], source: DOMAIN_CONSOLE, known: true },
  casUrl: {
    phrases: ['URL du serveur CAS', 'URL CAS', 'Adresse du serveur CAS', 'URL du CAS'],
    source: `${DOMAIN_CONSOLE} (URL du serveur CAS)`,
    known: true,
  },
  recognition: {
    phrases: ["Type de reconnaissance de l'utilisateur", 'Type de reconnaissance'],
    source: 'DOMAIN.md, "three modes": Paramètres d’identification des utilisateurs, type de reconnaissance de l’utilisateur',
    known: true,
  },
  modes: {
    phrases: ["Avec l'identité PRONOTE de l'utilisateur", "Avec l'identité de l'utilisateur", 'Par double authentification'],
    source: 'DOMAIN.md, "three modes"',
    known: true,
  },
  attribute: {
    phrases: ["Nom de l'attribut", 'Attribut CAS', 'Attribut'],
    source: 'seed §1: the ENTs send `idPronote`, the field names the CAS attribute; wording not given',
    known: false,
  },
  racine: { phrases: ['Racine'], source: 'seed FAQ: the *racine* of the publication parameters', known: true },
  publish: { phrases: ['Publier la base', 'Publiez votre base', 'Publier'], source: `seed §1 (Publiez votre base); ${DOMAIN_CONSOLE}`, known: true },
  unpublish: { phrases: ['Arrêter la publication'], source: DOMAIN_CONSOLE, known: true },
  publishedText: {
    phrases: ['Base publiée', 'La base est publiée', 'Publication en cours'],
    source: 'a state line next to the publication buttons; wording not given',
    known: false,
  },
  unpublishedText: {
    phrases: ['Base non publiée', "La base n'est pas publiée", 'Publication arrêtée', 'Base arrêtée'],
    source: 'a state line next to the publication buttons; wording not given',
    known: false,
  },
  pronoteUrl: {
    phrases: [
      'Adresse de publication',
      'URL de publication',
      "Adresse d'accès",
      "URL d'accès",
      'Adresse PRONOTE.net',
      'URL PRONOTE.net',
      'Adresse des Espaces',
    ],
    source: 'where the console shows the school’s address; wording not given',
    known: false,
  },
} satisfies Record<string, LabelEntry>;

/** The ENT's Pronote.net service and bloc (PRODUCT.md §2): `lib/pages/ent-service.ts`. */
export const ENT_SERVICE_LABELS = {
  casUrl: {
    phrases: ['url cas de Pronote.net', 'url cas de Pronote', 'url du cas de Pronote.net'],
    source: 'seed §3, exact wording (url cas de Pronote.net)',
    known: true,
  },
  // The last two phrases are the generic ones, tried only when no specific one is found.
  pronoteUrl: {
    phrases: [
      'url de Pronote.net',
      'adresse de Pronote.net',
      'url de Pronote',
      'adresse de Pronote',
      'url du service',
      'adresse du service',
      "url d'accès",
      'url',
      'adresse',
    ],
    source: 'the service’s address; Open ENT NG names the field "url" (edificeio/entcore); wording not given',
    known: false,
  },
  blocVersion: {
    phrases: ['version du bloc Pronote', 'version de Pronote', 'version Pronote', 'version du bloc', 'version'],
    source: 'seed §3: the bloc "must be set to the Pronote version in use"; wording not given',
    known: false,
  },
} satisfies Record<string, LabelEntry>;

/** The *accès population* tab of the ENT service (seed §3): `lib/pages/ent-access.ts`. */
export const ENT_ACCESS_LABELS = {
  role: { phrases: ['accès au service'], source: 'seed §3: the role « accès au service » per profile', known: true },
  anonymous: { phrases: ['service anonyme'], source: 'seed §3: the box « service anonyme »', known: true },
} satisfies Record<string, LabelEntry>;

/** *Importer les identifiants Pronote* (seed §2 and §4): `lib/pages/ent-import.ts`. */
export const ENT_IMPORT_LABELS = {
  title: {
    phrases: ['Importer les identifiants Pronote', 'Import des identifiants Pronote', 'Importer les identifiants'],
    source: 'seed §4 (Administration > Importer les identifiants PRONOTE)',
    known: true,
  },
  modeList: {
    phrases: ["Mode d'import", "Mode d'importation", 'Mode'],
    source: 'seed §2: import in mode « complet » or « partiel »; the list’s label not given',
    known: false,
  },
  complet: { phrases: ['Mode complet', 'Import complet', 'Complet'], source: 'seed §2 (mode « complet »)', known: true },
  partiel: { phrases: ['Mode partiel', 'Import partiel', 'Partiel'], source: 'seed §2 (mode « partiel »)', known: true },
  unrecognised: {
    phrases: [
      'Comptes non reconnus',
      'Utilisateurs non reconnus',
      'Non reconnus',
      'Rapprochements manuels',
      'Rapprochement manuel',
      'A rapprocher manuellement',
    ],
    source: 'seed §4: « comptes non reconnus » and « rapprochements manuels »; exact heading not given',
    known: false,
  },
  search: {
    phrases: ["Rechercher dans l'annuaire", "Recherche dans l'annuaire", 'Recherche annuaire', 'Rechercher un compte', 'Rechercher'],
    source: 'seed §4: « une recherche dans l’ENT » for manual pairing; wording not given',
    known: false,
  },
} satisfies Record<string, LabelEntry>;

/** Every table, by screen, for the data's own tests. */
export const SCREEN_LABELS = {
  'hosting-console': HOSTING_CONSOLE_LABELS,
  'ent-service': ENT_SERVICE_LABELS,
  'ent-access': ENT_ACCESS_LABELS,
  'ent-import': ENT_IMPORT_LABELS,
} as const;

/** The phrases of each field of `table`, as the readers take them. */
export function phrasesOf<K extends string>(table: Record<K, LabelEntry>): Record<K, string[]> {
  const out = {} as Record<K, string[]>;
  for (const key of Object.keys(table) as K[]) out[key] = [...table[key].phrases];
  return out;
}
