/**
 * The failures people actually report, as data: the texts quoted in public issue threads of the
 * projects that log into Pronote through ENTs (bain3/pronotepy, Litarvan/pronote-api,
 * delphiki/hass-pronote, PapillonApp, Vexcited/PRONOTE i.e. LiterateInk/Pawnote), each entry with
 * its recognisers, its causes from the most to the least likely, the fix for the admin and for the
 * support person, and the reports it is drawn from. Pronote's numbered errors (`21 | Impossible
 * d'afficher la page`, `3 | Accès refusé`, `25`) are recognised by number and text.
 *
 * Recognisers run on folded text (see `foldProse`, lib/core/fold.ts); a wrong recognition is worse than none, so
 * each entry is tested against the others' texts and ordinary page texts
 * (test/unit/diagnose/field-failures.test.ts).
 */
import type { KnownFailure } from './failure';
import { FIELD_REPORTS, guide, sources } from './readable-source';

const FROM_TOOLS = sources(FIELD_REPORTS);

export const FIELD_FAILURES: readonly KnownFailure[] = [
  {
    id: 'pronote-page-unavailable',
    title: {
      fr: 'Pronote répond « 21 | Impossible d’afficher la page »',
      en: 'Pronote answers “21 | Impossible d’afficher la page” (page cannot be displayed)',
    },
    symptom: {
      fr: 'Après la connexion (souvent depuis l’ENT ou avec un outil qui imite le navigateur), Pronote renvoie l’erreur numéro 21 « Impossible d’afficher la page ».',
      en: 'After logging in (often from the ENT or with a tool that acts as a browser), Pronote returns error number 21 “Impossible d’afficher la page”.',
    },
    pronoteErrors: [{ number: 21, text: 'Impossible d’afficher la page' }],
    signals: [
      { pattern: /\b21 ?\| ?impossible d'afficher la page/, weight: 1 },
      { pattern: /"titre" ?: ?"impossible d'afficher la page/, weight: 1 },
      // Alone, the same words are a browser's own "page cannot be displayed".
      { pattern: /impossible d'afficher la page/, weight: 0.5 },
    ],
    causes: [
      {
        fr: 'L’adresse ouvre un espace que ce compte ne peut pas afficher : l’espace d’une autre catégorie (eleve.html pour un compte parent), ou un espace dont la connexion est déléguée à l’ENT, ouvert sans passer par l’ENT.',
        en: 'The address opens an espace this account cannot display: another category’s espace (eleve.html for a parent account), or an espace whose login is delegated to the ENT, opened without going through the ENT.',
      },
      {
        fr: 'La connexion par l’ENT n’est pas arrivée jusqu’à Pronote (l’ENT ou EduConnect a changé sa page de connexion et l’outil utilisé ne suit plus).',
        en: 'The ENT login did not reach Pronote (the ENT or EduConnect changed its login page and the tool used no longer follows it).',
      },
    ],
    fix: [
      {
        fr: 'Vérifier l’instance (onglet Diagnostic) : quels espaces sont publiés, lesquels ont la connexion déléguée à l’ENT ; publier l’espace manquant.',
        en: 'Check the instance (Diagnostics tab): which espaces are published and which have their login delegated to the ENT; publish the missing espace.',
      },
    ],
    supportFix: [
      {
        fr: 'Faire ouvrir l’espace de la bonne catégorie (parent.html pour un parent) en passant par l’ENT ; à défaut, l’adresse directe …/pronote/?login=true avec les identifiants Pronote.',
        en: 'Have the person open the espace of their category (parent.html for a parent) through the ENT; failing that, the direct address …/pronote/?login=true with the Pronote credentials.',
      },
    ],
    reports: [{ repository: 'bain3/pronotepy', issue: 254 }],
    source: 'bain3/pronotepy issue 254 (« Unknown error from pronote: 21 | Impossible d’afficher la page », via Lycée connecté)',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'pronote-access-denied',
    title: {
      fr: 'Pronote répond « 3 | Accès refusé » une fois connecté',
      en: 'Pronote answers “3 | Accès refusé” (access denied) once logged in',
    },
    symptom: {
      fr: 'La connexion réussit (le nom de la personne s’affiche), puis une rubrique renvoie l’erreur numéro 3 « Accès refusé ».',
      en: 'The login succeeds (the person’s name shows), then a section returns error number 3 “Accès refusé”.',
    },
    pronoteErrors: [{ number: 3, text: 'Accès refusé' }],
    signals: [
      { pattern: /\b3 ?\| ?acces refuse/, weight: 1 },
      { pattern: /"titre" ?: ?"acces refuse/, weight: 1 },
    ],
    causes: [
      {
        fr: 'Le compte est bien connecté mais n’a pas le droit d’ouvrir la rubrique demandée : rubrique non autorisée pour ce profil ou cet espace (par exemple notes ou compétences non publiées aux parents).',
        en: 'The account is logged in but may not open the section asked for: section not allowed for this profile or espace (for example grades or skills not published to parents).',
      },
      {
        fr: 'La rubrique a été demandée dans un autre espace que celui de la connexion (outil qui mélange espace élève et espace parent).',
        en: 'The section was asked for in another espace than the one logged into (a tool mixing the student and parent espaces).',
      },
    ],
    fix: [
      {
        fr: 'Dans Pronote, vérifier les autorisations du profil de la personne pour cette rubrique (et sa publication dans l’espace concerné).',
        en: 'In Pronote, check the person’s profile permissions for that section (and that it is published in that espace).',
      },
    ],
    supportFix: [
      {
        fr: 'Demander si la même rubrique s’ouvre dans le navigateur : si non, c’est une question de droits dans Pronote, pas de connexion ENT.',
        en: 'Ask whether the same section opens in the browser: if not, it is a matter of permissions in Pronote, not of the ENT login.',
      },
    ],
    reports: [
      { repository: 'bain3/pronotepy', issue: 294 },
      { repository: 'bain3/pronotepy', issue: 271 },
    ],
    source: 'bain3/pronotepy issues 294 and 271 (« Unknown error from pronote: 3 | Accès refusé »)',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'pronote-session-expired',
    title: {
      fr: '« La page a expiré » : la session Pronote est terminée',
      en: '“La page a expiré”: the Pronote session has ended',
    },
    symptom: {
      fr: 'Pronote affiche « La page a expiré ! » suivi d’un numéro entre parenthèses, par exemple « La page a expiré ! (7) », et renvoie à la page de connexion.',
      en: 'Pronote shows “La page a expiré !” (the page has expired) followed by a number in brackets, for example “La page a expiré ! (7)”, and goes back to the login page.',
    },
    signals: [
      { pattern: /la page a expire ?!? ?\(\d+\)/, weight: 1 },
      { pattern: /la page a expire/, weight: 0.8 },
      { pattern: /session has expired due to inactivity/, weight: 1 },
    ],
    causes: [
      {
        fr: 'La session a expiré : inactivité, ou la même personne s’est connectée ailleurs (autre onglet, autre appareil), ce qui ferme la première session.',
        en: 'The session expired: inactivity, or the same person logged in elsewhere (another tab, another device), which closes the first session.',
      },
      {
        fr: 'Des requêtes trop rapides ou dans le désordre (outil automatique, rafraîchissements répétés) : Pronote coupe la session.',
        en: 'Requests too fast or out of order (an automated tool, repeated refreshes): Pronote ends the session.',
      },
    ],
    fix: [
      {
        fr: 'Rien à régler côté serveur si cela reste occasionnel ; si tout le monde est touché, vérifier que la base est publiée et qu’aucune maintenance n’est en cours.',
        en: 'Nothing to set on the server if it stays occasional; if everyone is affected, check that the base is published and no maintenance is under way.',
      },
    ],
    supportFix: [
      {
        fr: 'Fermer les autres onglets Pronote, rouvrir Pronote depuis l’ENT (ou l’adresse directe) et se reconnecter.',
        en: 'Close the other Pronote tabs, open Pronote again from the ENT (or the direct address) and log in again.',
      },
    ],
    reports: [
      { repository: 'bain3/pronotepy', issue: 267 },
      { repository: 'bain3/pronotepy', issue: 294 },
      { repository: 'delphiki/hass-pronote', issue: 123 },
      { repository: 'Litarvan/pronote-api', issue: 106 },
      { repository: 'Litarvan/pronote-api', issue: 229 },
    ],
    source: 'bain3/pronotepy issues 267 (« "Titre":"La page a expiré ! (7)" ») and 294; delphiki/hass-pronote issue 123; Litarvan/pronote-api issues 106 and 229',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'too-many-attempts',
    title: {
      fr: 'Trop de tentatives : Pronote bloque les connexions pour un temps',
      en: 'Too many attempts: Pronote blocks logins for a while',
    },
    symptom: {
      fr: 'Après plusieurs essais, Pronote refuse toute connexion (« [ERROR 25] Exceeded max authorization requests », « dépassé le nombre de tentatives ») ; l’adresse IP peut être bloquée temporairement.',
      en: 'After several tries, Pronote refuses every login (“[ERROR 25] Exceeded max authorization requests”, “too many attempts”); the IP address may be blocked for a while.',
    },
    pronoteErrors: [{ number: 25, text: 'Exceeded max authorization requests' }],
    signals: [
      { pattern: /exceeded max authori[sz]ation requests/, weight: 1 },
      { pattern: /\berror:? 25\b/, weight: 0.8 },
      { pattern: /\b25 ?\| ?exceeded/, weight: 1 },
      { pattern: /\bip\b[^.]{0,60}(bloquee|bannie|blocked|banned)|(blocks?|bloque) (my |mon |l'|son )?ip\b/, weight: 1 },
      { pattern: /depasse le nombre de tentatives|trop de tentatives|too many (failed |incorrect )?(attempts|login|credentials)/, weight: 1 },
    ],
    causes: [
      {
        fr: 'Des identifiants faux essayés plusieurs fois (par la personne, ou par une application qui réessaie seule) : Pronote bloque l’adresse IP pour un temps, selon le niveau de sécurité choisi par l’établissement.',
        en: 'Wrong credentials tried several times (by the person, or by an app retrying on its own): Pronote blocks the IP address for a while, according to the security level the school chose.',
      },
      {
        fr: 'La personne essaie ses identifiants ENT sur la page de connexion directe de Pronote (ou l’inverse) : chaque essai compte comme un échec.',
        en: 'The person tries their ENT credentials on Pronote’s direct login page (or the other way round): each try counts as a failure.',
      },
    ],
    fix: [
      {
        fr: 'Le blocage et sa durée dépendent des réglages de sécurité des connexions de Pronote choisis par l’établissement ; les assouplir seulement si des blocages légitimes se répètent.',
        en: 'The blocking and its length depend on the login security settings the school chose in Pronote; relax them only if legitimate blocks keep happening.',
      },
    ],
    supportFix: [
      {
        fr: 'Attendre avant de réessayer, arrêter les applications qui se connectent seules, puis se connecter une fois, par le bon chemin (depuis l’ENT si la délégation CAS est active).',
        en: 'Wait before trying again, stop the apps that log in on their own, then log in once, the right way (from the ENT when CAS delegation is on).',
      },
    ],
    reports: [
      { repository: 'bain3/pronotepy', issue: 120 },
      { repository: 'bain3/pronotepy', issue: 63 },
      { repository: 'Litarvan/pronote-api', issue: 139 },
      { repository: 'PapillonApp/papillon-v6', issue: 116 },
    ],
    source: 'bain3/pronotepy issues 120 (« [ERROR 25] Exceeded max authorization requests ») and 63 (IP blocked); Litarvan/pronote-api issue 139 (blocking depends on the school’s security level); PapillonApp/papillon-v6 issue 116',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'ent-ok-no-pronote-access',
    title: {
      fr: 'Connecté à l’ENT, mais pas d’accès à ce Pronote',
      en: 'Logged in at the ENT, but no access to this Pronote',
    },
    symptom: {
      fr: 'La personne se connecte à l’ENT sans problème, mais n’a pas accès au serveur Pronote demandé : une page d’erreur de l’ENT ou de Pronote au lieu de l’espace.',
      en: 'The person logs in at the ENT without trouble, but has no access to the Pronote server asked for: an ENT or Pronote error page instead of the espace.',
    },
    signals: [
      { pattern: /urlsiteindexeducation/, weight: 1 },
      { pattern: /(connecte|connectee|authentifiee?)e? (a|au|sur) (l'|le )?(ent|cas)\b.{0,120}?pas (d')?acces (a|au) (ce |son |mon |notre |du )?(serveur )?pronote/, weight: 1 },
      { pattern: /n'?a (en fait )?pas acces au serveur pronote/, weight: 1 },
      { pattern: /logged in (to|at|on) the (ent|cas)\b.{0,80}?(no|without) access to (the |this )?pronote/, weight: 1 },
    ],
    causes: [
      {
        fr: 'Le compte ENT n’est pas rattaché à cet établissement, ou le service Pronote n’est pas ouvert à son profil dans l’ENT (accès population).',
        en: 'The ENT account does not belong to this school, or the Pronote service is not open to its profile in the ENT (population access).',
      },
      {
        fr: 'La personne n’est pas (ou pas encore) dans la base Pronote de l’établissement, ou n’a pas été rapprochée à l’import des identifiants.',
        en: 'The person is not (or not yet) in the school’s Pronote base, or was not paired at the identifier import.',
      },
      {
        fr: 'La connexion est passée par le CAS d’un autre projet ENT que celui de l’établissement.',
        en: 'The login went through another ENT project’s CAS than the school’s.',
      },
    ],
    fix: [
      {
        fr: 'Dans l’ENT : vérifier l’établissement du compte et l’accès population du service Pronote pour son profil ; dans Pronote : vérifier que la personne existe et a été rapprochée.',
        en: 'In the ENT: check the account’s school and the Pronote service’s population access for its profile; in Pronote: check that the person exists and was paired.',
      },
    ],
    supportFix: [
      {
        fr: 'Faire ouvrir Pronote depuis la vignette Pronote de l’ENT de l’établissement concerné, et vérifier l’instance (onglet Diagnostic) : l’hôte CAS annoncé doit être celui de cet ENT.',
        en: 'Have Pronote opened from the Pronote tile of the school’s ENT, and check the instance (Diagnostics tab): the announced CAS host must be that ENT’s.',
      },
    ],
    reports: [{ repository: 'Litarvan/pronote-api', issue: 202 }],
    source: 'Litarvan/pronote-api issue (pull request) 202 (« bien connecté au CAS… mais n’a en fait pas accès au serveur Pronote demandé »)',
    shownSource: sources(FIELD_REPORTS, guide(3)),
  },
  {
    id: 'ent-credentials-refused',
    title: {
      fr: 'L’ENT refuse les identifiants (mauvais portail choisi, ou ENT passé à EduConnect)',
      en: 'The ENT refuses the credentials (wrong portal chosen, or ENT moved to EduConnect)',
    },
    symptom: {
      fr: 'Des identifiants que la personne croit bons sont refusés : « Invalid credential », « Fail to connect with … : probably wrong login information ».',
      en: 'Credentials the person believes right are refused: “Invalid credential”, “Fail to connect with …: probably wrong login information”.',
    },
    signals: [
      { pattern: /probably wrong login information/, weight: 1 },
      { pattern: /\binvalid credentials?\b/, weight: 1 },
      { pattern: /fail(ed)? to connect with (educonnect|open ?ng|cas|the ent|l'ent)/, weight: 0.6 },
    ],
    causes: [
      {
        fr: 'Le mauvais portail a été choisi sur la page de connexion de l’ENT : compte académique (ATEN, téléservices) au lieu d’EduConnect, ou profil élève/parent au lieu de personnel, ou l’inverse.',
        en: 'The wrong portal was chosen on the ENT’s login page: an académie account (ATEN, téléservices) instead of EduConnect, a student/parent profile instead of staff, or the other way round.',
      },
      {
        fr: 'L’ENT est passé à EduConnect seul pour les élèves et les parents : les anciens identifiants académiques ne fonctionnent plus.',
        en: 'The ENT moved to EduConnect only for students and parents: the old académie credentials no longer work.',
      },
      {
        fr: 'Le mot de passe est faux ou le compte n’est pas encore activé.',
        en: 'The password is wrong or the account is not activated yet.',
      },
      {
        fr: 'Pour une application tierce : EduConnect ou l’ENT a changé sa page de connexion et l’application ne suit plus.',
        en: 'For a third-party app: EduConnect or the ENT changed its login page and the app no longer follows it.',
      },
    ],
    fix: [
      {
        fr: 'Communiquer aux familles le bon chemin de connexion (EduConnect ou compte académique, et le profil à choisir) depuis le passage à EduConnect.',
        en: 'Tell families the right login path (EduConnect or académie account, and which profile to choose) since the move to EduConnect.',
      },
    ],
    supportFix: [
      {
        fr: 'Faire essayer la connexion dans le navigateur, sur la page de l’ENT, en choisissant EduConnect puis le profil (élève ou responsable) ; si elle réussit là, les identifiants sont bons et c’est l’application qui est en cause.',
        en: 'Have the login tried in the browser, on the ENT’s page, choosing EduConnect then the profile (student or guardian); if it works there, the credentials are right and the app is at fault.',
      },
    ],
    reports: [
      { repository: 'Litarvan/pronote-api', issue: 155 },
      { repository: 'bain3/pronotepy', issue: 176 },
      { repository: 'bain3/pronotepy', issue: 294 },
      { repository: 'bain3/pronotepy', issue: 327 },
      { repository: 'bain3/pronotepy', issue: 334 },
      { repository: 'bain3/pronotepy', issue: 341 },
    ],
    source: 'Litarvan/pronote-api issue 155 (« Invalid credential », ATEN vs ENT portal); bain3/pronotepy issues 176, 294, 327, 334, 341; bain3/pronotepy pronotepy/ent/generic_func.py (« Fail to connect with CAS … : probably wrong login information » is raised when the CAS shows its login form again after the credentials were posted); bain3/pronotepy commit 2299247 (« Delete cas without educonnect »)',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'trusted-device-pin',
    title: {
      fr: 'Code PIN ou appareil de confiance exigé par l’établissement',
      en: 'PIN code or trusted device required by the school',
    },
    symptom: {
      fr: 'Depuis que l’établissement a activé la sécurisation des comptes (« Saisie du code PIN », « gestion d’appareil de confiance »), une application ou un outil tourne en rond ou échoue à la connexion.',
      en: 'Since the school turned on account security (“Saisie du code PIN”, “gestion d’appareil de confiance”), an app or tool loops or fails at login.',
    },
    signals: [
      { pattern: /appareils? de confiance/, weight: 1 },
      { pattern: /code pin/, weight: 0.8 },
      { pattern: /code pin (impose|obligatoire|de securite)|(definir|saisie du|saisir le|saisir votre|saisir son) code pin|compte securise|double authentification/, weight: 0.4 },
      { pattern: /trusted device|\bpin (code|login)\b/, weight: 0.8 },
    ],
    causes: [
      {
        fr: 'L’établissement a activé la double authentification de Pronote (code PIN à la connexion, ou nom d’un appareil de confiance à déclarer) : l’appareil n’a pas encore été déclaré.',
        en: 'The school turned on Pronote’s two-factor login (a PIN code at login, or a trusted device to name): the device has not been declared yet.',
      },
      {
        fr: 'L’application utilisée ne sait pas encore demander le code PIN ou déclarer l’appareil.',
        en: 'The app used cannot ask for the PIN code or declare the device yet.',
      },
    ],
    fix: [
      {
        fr: 'Le code PIN et les appareils de confiance se règlent dans les paramètres de sécurité des connexions de Pronote : prévenir les familles avant de les activer.',
        en: 'The PIN code and trusted devices are set in Pronote’s login security settings: warn families before turning them on.',
      },
    ],
    supportFix: [
      {
        fr: 'Se connecter une fois dans le navigateur ou l’application officielle et suivre les étapes (code PIN, nom de l’appareil) ; ensuite seulement réessayer l’application tierce.',
        en: 'Log in once in the browser or the official app and follow the steps (PIN code, device name); only then try the third-party app again.',
      },
    ],
    reports: [
      { repository: 'delphiki/hass-pronote', issue: 87 },
      { repository: 'PapillonApp/papillon-v7', issue: 122 },
      { repository: 'PapillonApp/Papillon', issue: 270 },
      { repository: 'PapillonApp/Papillon', issue: 295 },
      { repository: 'Litarvan/pronote-api', issue: 270 },
      { repository: 'Vexcited/PRONOTE', issue: 56 },
    ],
    source: 'delphiki/hass-pronote issue 87 (« gestion d’appareil de confiance »); PapillonApp/papillon-v7 issue 122 and PapillonApp/Papillon issues 270, 295 (code PIN imposé); Litarvan/pronote-api issue 270; Vexcited/PRONOTE issue 56',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'self-hosted-no-cas',
    title: {
      fr: 'Serveur Pronote de l’établissement (adresse IP ou port) : aucun CAS trouvé',
      en: 'The school’s own Pronote server (IP address or port): no CAS found',
    },
    symptom: {
      fr: 'Le Pronote est hébergé par l’établissement, sur une adresse IP ou un port (:81…), et l’outil ne trouve aucun CAS (« Unknown CAS ‘none’ »).',
      en: 'Pronote is hosted by the school, on an IP address or a port (:81…), and the tool finds no CAS (“Unknown CAS ‘none’”).',
    },
    signals: [
      { pattern: /unknown cas '?none/, weight: 0.6 },
      { pattern: /\bunknown cas\b/, weight: 0.2 },
      { pattern: /https?:\/\/(\d{1,3}\.){3}\d{1,3}/, weight: 0.4 },
      { pattern: /https?:\/\/[a-z0-9.-]+:(?!443\b)\d{2,5}\b/, weight: 0.4 },
      { pattern: /(aucun|no) (serveur )?cas (trouve|found|detecte|detected)/, weight: 1 },
    ],
    causes: [
      {
        fr: 'Ce serveur n’a pas de délégation CAS : on s’y connecte avec les identifiants Pronote, pas ceux de l’ENT.',
        en: 'This server has no CAS delegation: people log in with their Pronote credentials, not the ENT’s.',
      },
      {
        fr: 'La délégation existe, mais l’adresse donnée n’est pas celle que l’ENT connaît (autre port, http au lieu de https, nom au lieu de l’adresse IP).',
        en: 'Delegation exists, but the address given is not the one the ENT knows (another port, http instead of https, a name instead of the IP address).',
      },
    ],
    fix: [
      {
        fr: 'Sur un serveur de l’établissement, la délégation CAS se règle dans l’administration de ce serveur ; le service Pronote de l’ENT doit porter exactement la même adresse (schéma, port et chemin compris).',
        en: 'On a school’s own server, CAS delegation is set in that server’s administration; the ENT’s Pronote service must hold exactly the same address (scheme, port and path included).',
      },
    ],
    supportFix: [
      {
        fr: 'Vérifier l’instance (onglet Diagnostic) avec l’adresse exacte : elle dit si le CAS est actif et vers quel ENT ; s’il ne l’est pas, se connecter avec les identifiants Pronote.',
        en: 'Check the instance (Diagnostics tab) with the exact address: it says whether CAS is on and towards which ENT; if it is off, log in with the Pronote credentials.',
      },
    ],
    reports: [
      { repository: 'Litarvan/pronote-api', issue: 17 },
      { repository: 'Litarvan/pronote-api', issue: 282 },
    ],
    source: 'Litarvan/pronote-api issue 17 (« Unknown CAS ‘none’ », http://lyc-client.ac-rouen.fr:81/) and issue 282 (http://…:80/pronote); Litarvan/pronote-api src/cas/find.js (the CAS is guessed from the root’s redirect)',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'tls-incomplete-chain',
    title: {
      fr: 'Certificat HTTPS incomplet sur l’adresse de Pronote',
      en: 'Incomplete HTTPS certificate on the Pronote address',
    },
    symptom: {
      fr: 'Le navigateur ouvre Pronote, mais une application ou un outil échoue avec « unable to verify the first certificate » (UNABLE_TO_VERIFY_LEAF_SIGNATURE).',
      en: 'The browser opens Pronote, but an app or tool fails with “unable to verify the first certificate” (UNABLE_TO_VERIFY_LEAF_SIGNATURE).',
    },
    signals: [
      { pattern: /unable to verify the first certificate/, weight: 1 },
      { pattern: /unable_to_verify_leaf_signature/, weight: 1 },
      { pattern: /certificate[ _]verify[ _]failed/, weight: 0.8 },
    ],
    causes: [
      {
        fr: 'Le serveur envoie son certificat sans le certificat intermédiaire : les navigateurs complètent d’eux-mêmes, les applications et outils refusent. Fréquent sur les serveurs hébergés par l’établissement ou l’académie.',
        en: 'The server sends its certificate without the intermediate certificate: browsers fill the gap themselves, apps and tools refuse. Common on servers hosted by the school or the académie.',
      },
    ],
    fix: [
      {
        fr: 'Installer sur le serveur la chaîne complète du certificat (certificat du serveur suivi du certificat intermédiaire de l’autorité).',
        en: 'Install the full certificate chain on the server (the server’s certificate followed by the authority’s intermediate certificate).',
      },
    ],
    supportFix: [
      {
        fr: 'Ce n’est pas un problème d’identifiants : transmettre l’adresse exacte à l’administrateur du serveur.',
        en: 'This is not a credentials problem: pass the exact address to the server’s administrator.',
      },
    ],
    reports: [
      { repository: 'Litarvan/pronote-api', issue: 25 },
      { repository: 'Litarvan/pronote-api', issue: 110 },
      { repository: 'Litarvan/pronote-api', issue: 251 },
      { repository: 'delphiki/hass-pronote', issue: 122 },
    ],
    source: 'Litarvan/pronote-api issues 25, 110 and 251 (« unable to verify the first certificate »); delphiki/hass-pronote issue 122 (certificates added by hand)',
    shownSource: FROM_TOOLS,
  },
  {
    id: 'not-direct-pronote-url',
    title: {
      fr: 'L’adresse donnée n’est pas celle de la page de connexion de Pronote',
      en: 'The address given is not Pronote’s login page',
    },
    symptom: {
      fr: 'Un outil ou une application refuse l’adresse : « Page html is different than expected. Be sure that pronote_url is the direct url to your pronote page. »',
      en: 'A tool or app refuses the address: “Page html is different than expected. Be sure that pronote_url is the direct url to your pronote page.”',
    },
    signals: [
      { pattern: /page html is different than expected/, weight: 1 },
      { pattern: /be sure that pronote_url is the direct url/, weight: 1 },
      { pattern: /failed to parse html/, weight: 0.5 },
    ],
    causes: [
      {
        fr: 'La délégation CAS est active : l’adresse de Pronote renvoie vers l’ENT, dont la page n’est pas celle de Pronote.',
        en: 'CAS delegation is on: the Pronote address redirects to the ENT, whose page is not Pronote’s.',
      },
      {
        fr: 'L’adresse donnée est celle de l’ENT ou d’un portail d’établissement, pas celle du serveur Pronote.',
        en: 'The address given is the ENT’s or a school portal’s, not the Pronote server’s.',
      },
      {
        fr: 'L’adresse est celle de la page mobile (mobile.parent.html) ou n’est pas coupée après /pronote/.',
        en: 'The address is the mobile page (mobile.parent.html) or is not cut after /pronote/.',
      },
    ],
    fix: [
      {
        fr: 'Donner aux utilisateurs l’adresse directe : la racine de Pronote suivie de ?login=true.',
        en: 'Give users the direct address: the Pronote root followed by ?login=true.',
      },
    ],
    supportFix: [
      {
        fr: 'Coller l’adresse (même celle de la page de l’ENT) dans la vérification de l’instance : Passerelle en tire la racine de Pronote et l’adresse directe ?login=true.',
        en: 'Paste the address (even the ENT page’s) into the instance check: Passerelle reads the Pronote root and the direct ?login=true address out of it.',
      },
    ],
    reports: [
      { repository: 'bain3/pronotepy', issue: 85 },
      { repository: 'bain3/pronotepy', issue: 45 },
      { repository: 'delphiki/hass-pronote', issue: 70 },
      { repository: 'delphiki/hass-pronote', issue: 8 },
      { repository: 'delphiki/hass-pronote', issue: 122 },
    ],
    source: 'bain3/pronotepy issues 85 and 45; delphiki/hass-pronote issues 70, 8 and 122 (« Page html is different than expected »)',
    shownSource: sources(FIELD_REPORTS, guide(1)),
  },
];
