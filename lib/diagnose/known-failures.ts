/**
 * The known failures of a Pronote.net ⇄ ENT integration (DOMAIN.md, "Known failures in the field"),
 * as data: how support staff recognise each one, its causes from the most to the least likely, and
 * the fix, in French and English, with the source of each fact. The ids are stable: pages, tests and
 * support notes refer to them.
 */
import type { FailureId, KnownFailure } from './failure';
import { FIELD_FAILURES } from './field-failures';
import { ATRIUM_HELP, FIELD_REPORTS, PRONOTE_GUIDE_2019, guide, sources, supportSheet } from './readable-source';

export type { FailureId, KnownFailure, Signal } from './failure';

const GUIDE_FAILURES: readonly KnownFailure[] = [
  {
    id: 'idpronote-missing',
    title: {
      fr: 'Le CAS de l’ENT n’a pas renvoyé l’identifiant Pronote (idPronote)',
      en: 'The ENT’s CAS did not return the Pronote identifier (idPronote)',
    },
    symptom: {
      fr: 'En arrivant de l’ENT, Pronote affiche «\u202fÉchec de l’authentification par le serveur CAS …\u202f: Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote". Or aucun attribut n’a été renvoyé.\u202f»',
      en: 'Arriving from the ENT, Pronote shows “Échec de l’authentification par le serveur CAS … : Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote". Or aucun attribut n’a été renvoyé.” (CAS authentication failed: the CAS server must return an "idPronote" attribute, and none was returned).',
    },
    signals: [
      { pattern: /doit etre configure pour renvoyer un attribut/, weight: 1 },
      { pattern: /aucun attribut n[' ]?a ete renvoye/, weight: 1 },
      { pattern: /renvoyer un attribut "?idpronote/, weight: 1 },
      { pattern: /\bidpronote\b/, weight: 0.6 },
      { pattern: /echec de l[' ]?authentification par le serveur cas/, weight: 0.6 },
      { pattern: /(no|missing) (idpronote )?attribute (was )?(returned|released)/, weight: 0.6 },
    ],
    causes: [
      {
        fr: 'Le compte ENT de la personne ne contient pas son identifiant Pronote\u202f: les identifiants n’ont pas été importés dans l’ENT, ou cette personne n’a pas été rapprochée (compte non reconnu lors de l’import).',
        en: 'The person’s ENT account holds no Pronote identifier: the identifiers were not imported into the ENT, or this person was not paired (an unrecognised account during the import).',
      },
      {
        fr: 'Le service CAS que l’ENT a déclaré pour ce Pronote ne libère pas l’attribut (service mal déclaré, ou attribut d’un autre nom que celui attendu par Pronote).',
        en: 'The CAS service that the ENT declared for this Pronote does not release the attribute (service declared wrongly, or an attribute named differently from the one Pronote expects).',
      },
      {
        fr: 'La racine publiée de Pronote.net ne correspond pas à l’adresse déclarée dans l’ENT\u202f: ajoutez «\u202fPronote\u202f» dans le champ racine des paramètres de publication de Pronote.net.',
        en: 'The published root of Pronote.net does not match the address declared in the ENT: put “Pronote” in the root (racine) field of Pronote.net’s publication settings.',
      },
    ],
    fix: [
      {
        fr: 'Vérifier dans l’ENT (Administration > Importer les identifiants Pronote) que la personne a bien été rapprochée\u202f; sinon refaire l’export des identifiants puis l’import, et la rapprocher à la main.',
        en: 'Check in the ENT (Administration > Importer les identifiants Pronote) that the person was paired; otherwise redo the identifier export and the import, and pair the person by hand.',
      },
      {
        fr: 'Dans l’administration de Pronote.net, paramètres de publication\u202f: mettre «\u202fPronote\u202f» dans le champ racine, puis publier la base.',
        en: 'In the Pronote.net administration, publication settings: put “Pronote” in the root (racine) field, then publish the base.',
      },
      {
        fr: 'Lire une réponse de validation du CAS (onglet Diagnostic, «\u202fLire une réponse CAS\u202f») pour voir si l’attribut idPronote est libéré\u202f; s’il ne l’est pour personne, demander au projet ENT de corriger le service CAS de Pronote.',
        en: 'Read a CAS validation response (Diagnostics tab, “Read a CAS response”) to see whether the idPronote attribute is released; if it is released for nobody, ask the ENT project to fix Pronote’s CAS service.',
      },
    ],
    source: 'Guide d’intégration (seed), §5 FAQ « Échec de l’authentification par le serveur CAS » ; DOMAIN.md, known failure 1',
    shownSource: guide(5),
  },
  {
    id: 'identification-impossible',
    title: {
      fr: 'Identification impossible\u202f: Pronote ne retrouve pas la personne d’après son identité',
      en: 'Identification impossible: Pronote cannot find the person from their identity',
    },
    symptom: {
      fr: 'À la première connexion depuis l’ENT, Pronote affiche «\u202fIdentification impossible\u202f».',
      en: 'At the first login from the ENT, Pronote shows “Identification impossible”.',
    },
    signals: [
      { pattern: /identification impossible/, weight: 1 },
      { pattern: /impossible de vous identifier/, weight: 0.8 },
      { pattern: /echecs? d[' ]?interconnexion/, weight: 0.6 },
    ],
    causes: [
      {
        fr: 'Pronote reconnaît les utilisateurs «\u202favec l’identité de l’utilisateur\u202f» et l’identité envoyée par l’ENT diffère de celle de Pronote (prénom composé écrit autrement, nom d’usage, date de naissance).',
        en: 'Pronote recognises users “with the user’s identity” and the identity sent by the ENT differs from Pronote’s (compound given name written differently, usage name, birth date).',
      },
      {
        fr: 'La personne n’existe pas dans la base Pronote (nouvel arrivant pas encore saisi) ou sa catégorie diffère.',
        en: 'The person does not exist in the Pronote base (a newcomer not yet entered) or their category differs.',
      },
    ],
    fix: [
      {
        fr: 'Dans un client Pronote\u202f: Communication > Gestion des identités > Résolution des échecs d’interconnexion, associer la personne à sa fiche.',
        en: 'In a Pronote client: Communication > Gestion des identités > Résolution des échecs d’interconnexion, link the person to their record.',
      },
      {
        fr: 'Corriger l’identité dans Pronote ou dans l’annuaire pour les prochaines rentrées.',
        en: 'Correct the identity in Pronote or in the directory for the coming years.',
      },
    ],
    source: 'Index Éducation, Guide pratique PRONOTE 2019 p. 131 et fiche support 1523 ; DOMAIN.md, « How Pronote recognises a user »',
    shownSource: sources(PRONOTE_GUIDE_2019, supportSheet(1523)),
  },
  {
    id: 'cas-service-not-allowed',
    title: {
      fr: 'Le CAS de l’ENT refuse ce Pronote (service non autorisé)',
      en: 'The ENT’s CAS refuses this Pronote (service not allowed)',
    },
    symptom: {
      fr: 'La page du CAS affiche «\u202fApplication non autorisée à utiliser CAS\u202f» (ou «\u202fApplication Not Authorized to Use CAS\u202f»), ou une validation échoue avec INVALID_SERVICE / UNAUTHORIZED_SERVICE.',
      en: 'The CAS page shows “Application Not Authorized to Use CAS” (or its French wording), or a validation fails with INVALID_SERVICE / UNAUTHORIZED_SERVICE.',
    },
    signals: [
      { pattern: /(non|pas) autorisee? a utiliser (le )?cas/, weight: 1 },
      { pattern: /not (authori[sz]ed|allowed) to use (the )?cas/, weight: 1 },
      { pattern: /\bunauthorized_service(_proxy)?\b/, weight: 1 },
      { pattern: /\binvalid_service\b/, weight: 0.8 },
      { pattern: /service (non autorise|not authori[sz]ed|not allowed)/, weight: 0.8 },
      { pattern: /(not|pas) (registered|enregistree?) (with|dans|aupres) (du |le )?cas/, weight: 0.6 },
    ],
    causes: [
      {
        fr: 'L’adresse de ce Pronote n’est pas déclarée comme service dans le CAS de l’ENT (service Pronote.net absent ou déclaré avec une autre adresse).',
        en: 'This Pronote’s address is not declared as a service in the ENT’s CAS (Pronote.net service missing or declared with another address).',
      },
      {
        fr: 'L’adresse de Pronote a changé (racine, casse du chemin, nouvel hébergement) sans mise à jour côté ENT.',
        en: 'Pronote’s address changed (root, path case, new hosting) without an update on the ENT side.',
      },
      {
        fr: 'La délégation CAS de Pronote pointe vers le CAS d’un autre projet ENT.',
        en: 'Pronote’s CAS delegation points to another ENT project’s CAS.',
      },
    ],
    fix: [
      {
        fr: 'Dans l’ENT, Administration\u202f: vérifier le service Pronote.net (adresse = racine de Pronote, champ «\u202furl cas de Pronote.net\u202f» vide) et ses accès population.',
        en: 'In the ENT, Administration: check the Pronote.net service (address = Pronote root, field “url cas de Pronote.net” empty) and its population access.',
      },
      {
        fr: 'Vérifier l’instance (onglet Diagnostic)\u202f: l’hôte CAS annoncé doit être celui du projet ENT de l’établissement.',
        en: 'Check the instance (Diagnostics tab): the announced CAS host must be the school’s ENT project’s.',
      },
    ],
    source: 'pronotepy issue 318 ; Apereo CAS (service registry) ; DOMAIN.md, known failure 9 ; seed §3',
    shownSource: sources(guide(3), FIELD_REPORTS),
  },
  {
    id: 'pronote-not-published',
    title: {
      fr: 'Pronote.net n’est pas publié',
      en: 'Pronote.net is not published',
    },
    symptom: {
      fr: 'L’adresse de Pronote répond «\u202f503\u202f», «\u202fService indisponible\u202f» ou «\u202fService Unavailable\u202f».',
      en: 'The Pronote address answers “503”, “Service Unavailable” or “Service indisponible”.',
    },
    signals: [
      { pattern: /\b503\b/, weight: 0.7 },
      { pattern: /service (temporairement )?(indisponible|unavailable)/, weight: 0.5 },
      { pattern: /(base|pronote(\.net)?|serveur) n[' ]?est (pas|plus) publiee?/, weight: 1 },
      // A status label ("Base non publiée" on the hosting console) is a state, not yet a failure.
      { pattern: /(base|pronote(\.net)?|serveur) (non|pas|plus) publiee?/, weight: 0.6 },
      { pattern: /arreter la publication/, weight: 0.4 },
    ],
    causes: [
      {
        fr: 'La publication a été arrêtée pour modifier les réglages (obligatoire pour éditer l’intégration ENT) et n’a pas été relancée.',
        en: 'Publication was stopped to change settings (needed to edit the ENT integration) and was not restarted.',
      },
      {
        fr: 'Le serveur est en maintenance ou en cours de mise à jour de version.',
        en: 'The server is under maintenance or being upgraded.',
      },
    ],
    fix: [
      {
        fr: 'Dans la console d’hébergement (ou l’administration de Pronote.net)\u202f: «\u202fPublier la base\u202f».',
        en: 'In the hosting console (or the Pronote.net administration): “Publier la base” (publish the base).',
      },
    ],
    source: 'Index Éducation fiche support 1523 ; seed §1 e) « Publiez votre base » ; aide Atrium Sud',
    shownSource: sources(supportSheet(1523), guide(1), ATRIUM_HELP),
  },
  {
    id: 'duplicate-pronote-account',
    title: {
      fr: 'Doublon de comptes dans Pronote\u202f: le premier compte a déjà le lien CAS',
      en: 'Duplicate accounts in Pronote: the first account already holds the CAS link',
    },
    symptom: {
      fr: 'Certains utilisateurs arrivant de l’ENT tombent sur un message signalant que leur identifiant est déjà associé à un autre compte, ou arrivent sur la mauvaise fiche. (Le guide ne montre ce message qu’en image\u202f: il est reconnu par sa description.)',
      en: 'Some users arriving from the ENT get a message saying their identifier is already linked to another account, or land on the wrong record. (The guide shows that message only as an image: it is recognised by its description.)',
    },
    signals: [
      { pattern: /\bdoublons?\b/, weight: 0.6 },
      { pattern: /(identifiant|compte)( cas)? (est |a )?deja (associe|attribue|utilise|lie|rattache)/, weight: 1 },
      { pattern: /deja (ete )?utilise pour une connexion/, weight: 1 },
      { pattern: /duplicate (pronote )?accounts?/, weight: 0.6 },
      { pattern: /already (linked|associated|used)/, weight: 0.8 },
    ],
    causes: [
      {
        fr: 'La personne a deux fiches dans Pronote et la première a déjà servi à une connexion depuis l’ENT\u202f: elle porte l’identifiant CAS.',
        en: 'The person has two records in Pronote and the first was already used for a login from the ENT: it holds the CAS identifier.',
      },
    ],
    fix: [
      {
        fr: 'Dans Pronote, supprimer l’identifiant CAS attribué au premier compte (Préférences > Affichages > Activer la gestion des identifiants ENT fait apparaître la colonne «\u202fIdentifiant CAS\u202f»).',
        en: 'In Pronote, delete the CAS identifier given to the first account (Préférences > Affichages > Activer la gestion des identifiants ENT shows the “Identifiant CAS” column).',
      },
      {
        fr: 'Se reconnecter depuis l’ENT avec le second compte, puis supprimer le doublon.',
        en: 'Log in again from the ENT with the second account, then remove the duplicate.',
      },
    ],
    source: 'Seed §5 FAQ (doublon de comptes) ; aide Atrium Sud (identifiants ENT) ; DOMAIN.md, known failure 2',
    shownSource: sources(guide(5), ATRIUM_HELP),
  },
  {
    id: 'direct-url-changed',
    title: {
      fr: 'L’ancienne adresse directe de Pronote ne fonctionne plus',
      en: 'The old direct Pronote address stopped working',
    },
    symptom: {
      fr: 'Depuis la mise en place du connecteur ENT, l’adresse habituelle de Pronote renvoie vers la page de connexion de l’ENT.',
      en: 'Since the ENT connector was set up, the usual Pronote address sends people to the ENT’s login page.',
    },
    signals: [
      { pattern: /\?login=true/, weight: 0.7 },
      { pattern: /(adresse|url|lien).{0,100}?(ne fonctionne plus|ne marche plus|fonctionne pas|marche pas)/, weight: 0.7 },
      { pattern: /(acces|connexion) (en )?direct/, weight: 0.5 },
      { pattern: /redirige[^.]{0,40}(ent|cas)\b/, weight: 0.5 },
      { pattern: /(connecteur|delegation cas).{0,120}?(ne fonctionne plus|ne marche plus|plus acces)/, weight: 0.6 },
      { pattern: /direct (url|address|access)[^.]{0,40}(stopped|no longer|not) work/, weight: 1 },
    ],
    causes: [
      {
        fr: 'Dès que «\u202fDéfinir une délégation CAS\u202f» est coché, la racine de Pronote renvoie vers le CAS de l’ENT\u202f; l’accès direct devient la racine suivie de ?login=true.',
        en: 'As soon as “Définir une délégation CAS” is checked, the Pronote root redirects to the ENT’s CAS; direct access becomes the root followed by ?login=true.',
      },
    ],
    fix: [
      {
        fr: 'Communiquer la nouvelle adresse directe\u202f: la racine de Pronote suivie de ?login=true (par exemple https://0310047h.index-education.net/pronote/?login=true).',
        en: 'Hand out the new direct address: the Pronote root followed by ?login=true (for example https://0310047h.index-education.net/pronote/?login=true).',
      },
    ],
    source: 'Seed §1 d) (encadré /!\\) et §5 FAQ « http://clg-mariecurie.ac-lyon.fr:81/Pronote/?login=true » ; DOMAIN.md, Pronote URLs',
    shownSource: sources(guide(1), guide(5)),
  },
  {
    id: 'export-menu-missing',
    title: {
      fr: 'Le menu d’export des identifiants Pronote n’apparaît pas',
      en: 'The Pronote identifier export menu is missing',
    },
    symptom: {
      fr: 'Dans le client Pronote, on ne trouve pas «\u202fExporter les identifiants PRONOTE\u202f».',
      en: 'In the Pronote client, “Exporter les identifiants PRONOTE” cannot be found.',
    },
    signals: [
      { pattern: /(ne (vois|trouve) pas|n[' ]?apparait pas|absente?|manque|introuvable|grisee?)[^.]{0,80}export/, weight: 0.9 },
      { pattern: /export[^.]{0,80}(n[' ]?apparait pas|absente?|introuvable|grisee?|ne (vois|trouve) pas)/, weight: 0.9 },
      { pattern: /export(er)? (des|les) identifiants/, weight: 0.4 },
      { pattern: /socles? ent/, weight: 0.3 },
      { pattern: /export[^.]{0,40}(missing|not (shown|visible|available)|greyed)/, weight: 0.9 },
    ],
    causes: [
      {
        fr: 'L’interconnexion avec l’ENT n’est pas encore paramétrée sur le serveur Pronote.net (étape 1 du guide)\u202f: le menu n’apparaît qu’ensuite.',
        en: 'The ENT interconnection is not set on the Pronote.net server yet (step 1 of the guide): the menu appears only afterwards.',
      },
      {
        fr: 'Le client n’a pas été relancé ou reconnecté depuis le paramétrage du serveur.',
        en: 'The client was not restarted or reconnected since the server was set.',
      },
    ],
    fix: [
      {
        fr: 'Paramétrer d’abord la délégation CAS sur le serveur (Déléguer l’authentification > Définir une délégation CAS, projet ENT), publier la base, puis reconnecter le client.',
        en: 'First set CAS delegation on the server (Déléguer l’authentification > Définir une délégation CAS, ENT project), publish the base, then reconnect the client.',
      },
    ],
    source: 'Seed §5 FAQ « Je ne vois pas la fonctionnalité d’export des identifiants » ; DOMAIN.md, known failure 7',
    shownSource: guide(5),
  },
  {
    id: 'guardians-unrecognised',
    title: {
      fr: 'Beaucoup de responsables non reconnus à l’import',
      en: 'Many guardians unrecognised at the import',
    },
    symptom: {
      fr: 'Lors de l’import des identifiants dans l’ENT, l’étape des responsables (tuteurs) laisse beaucoup de comptes non reconnus.',
      en: 'During the identifier import into the ENT, the guardians step leaves many accounts unrecognised.',
    },
    signals: [
      { pattern: /(tuteurs?|responsables?|parents?) (legaux )?non (reconnus?|rapproches?)/, weight: 1 },
      { pattern: /(unrecogni[sz]ed|unmatched) (guardians?|parents?)/, weight: 1 },
      { pattern: /(guardians?|parents?) (not|un)(recogni[sz]ed|matched)/, weight: 1 },
      { pattern: /non reconnus?/, weight: 0.4 },
    ],
    causes: [
      {
        fr: 'D’anciens élèves (et leurs responsables) sont encore dans la base Pronote.',
        en: 'Former students (and their guardians) are still in the Pronote base.',
      },
      {
        fr: 'Les droits de consultation des notes sont donnés à des personnes qui ne sont pas responsables (voisins, grands-parents)\u202f: elles ne sont pas dans l’annuaire de l’ENT.',
        en: 'Grade-viewing rights were given to people who are not guardians (neighbours, grandparents): they are not in the ENT directory.',
      },
      {
        fr: 'Des doublons dans Pronote.',
        en: 'Duplicates in Pronote.',
      },
      {
        fr: 'Des homonymes, que l’import ne rapproche jamais automatiquement.',
        en: 'Homonyms, which the import never pairs automatically.',
      },
    ],
    fix: [
      {
        fr: 'Côté Pronote\u202f: retirer les anciens élèves, réserver les droits aux responsables, fusionner les doublons, puis refaire l’export.',
        en: 'On the Pronote side: remove former students, keep the rights for guardians, merge duplicates, then export again.',
      },
      {
        fr: 'Rapprocher à la main les homonymes (onglet Rapprochement de Passerelle\u202f: suggestions par les enfants déjà rapprochés).',
        en: 'Pair homonyms by hand (Passerelle’s Rapprochement tab: suggestions through the already-paired children).',
      },
    ],
    source: 'Seed §5 FAQ « nombre important de tuteurs non reconnus » ; DOMAIN.md, known failures 3 and 4',
    shownSource: guide(5),
  },
  {
    id: 'school-choice-page',
    title: {
      fr: 'Page de choix de l’établissement avant Pronote',
      en: 'A school-choice page before Pronote',
    },
    symptom: {
      fr: 'Un parent dont les enfants sont dans plusieurs établissements passe d’abord par une page où il choisit l’établissement.',
      en: 'A parent whose children attend several schools first goes through a page where they choose the school.',
    },
    signals: [
      {
        pattern: /(choix|choisir|choisissez|selectionner|selectionnez|selection) (de |d[' ]?|l[' ]?|un |une |votre |vos )?(l[' ]?)?etablissements?/,
        weight: 1,
      },
      { pattern: /plusieurs etablissements/, weight: 0.7 },
      { pattern: /(select|choose) (the |a |your )?school/, weight: 1 },
      { pattern: /(several|multiple|different) schools/, weight: 0.7 },
    ],
    causes: [
      {
        fr: 'Le compte ENT du parent est rattaché à plusieurs établissements\u202f: l’ENT demande pour lequel ouvrir Pronote. C’est normal, pas une panne.',
        en: 'The parent’s ENT account belongs to several schools: the ENT asks which school’s Pronote to open. This is normal, not a fault.',
      },
    ],
    fix: [
      {
        fr: 'Choisir l’établissement de l’enfant voulu\u202f; pour un outil automatique, utiliser l’adresse directe ?login=true ou le compte de l’élève.',
        en: 'Choose the school of the child concerned; for an automated tool, use the direct ?login=true address or the student’s account.',
      },
    ],
    source: 'delphiki/hass-pronote issue 6 ; DOMAIN.md, known failure 10',
    shownSource: FIELD_REPORTS,
  },
];

/** Every known failure: the guide's and support sheets' first, then those of the field reports. */
export const KNOWN_FAILURES: readonly KnownFailure[] = [...GUIDE_FAILURES, ...FIELD_FAILURES];

/** The failure with this id; throws `Error` for an unknown id (ids are a closed set). */
export function knownFailure(id: FailureId): KnownFailure {
  const found = KNOWN_FAILURES.find((f) => f.id === id);
  if (!found) throw new Error(`Unknown failure id: ${id}`);
  return found;
}
