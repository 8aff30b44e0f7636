/**
 * Error texts exactly as people posted them in public issue threads (repository and issue beside
 * each; excerpts, credentials already masked by their authors). `expected` lists every known
 * failure the text shows; any other entry firing on it is a wrong recognition.
 */
import type { FailureId } from '../../../lib/diagnose/known-failures';

export interface FieldReport {
  source: string;
  text: string;
  expected: FailureId[];
}

export const FIELD_REPORT_TEXTS: FieldReport[] = [
  {
    source: 'bain3/pronotepy issue 254',
    text: "    raise PronoteAPIError(\npronotepy.exceptions.PronoteAPIError: Unknown error from pronote: 21 | Impossible d'afficher la page\nroot@debian-vertinon:/home/api#",
    expected: ['pronote-page-unavailable'],
  },
  {
    source: 'bain3/pronotepy issue 294',
    text: 'PronoteAPIError( pronotepy.exceptions.PronoteAPIError: Unknown error from pronote: 3 | Accès refusé',
    expected: ['pronote-access-denied'],
  },
  {
    source: 'bain3/pronotepy issue 271',
    text: 'raise PronoteAPIError(pronotepy.exceptions.PronoteAPIError: Unknown error from pronote: 3 | Accès refusé\n\nThe logging is ok, it can find my first name and my last name.',
    expected: ['pronote-access-denied'],
  },
  {
    source: 'bain3/pronotepy issue 267',
    text: '{"Erreur":{"G":14,"Titre":"La page a expir\\u00E9 ! (7)","Message":""}}',
    expected: ['pronote-session-expired'],
  },
  {
    source: 'bain3/pronotepy issue 294',
    text:
      '[2024-05-16 07:06:44][INFO] : Have you tried turning it off and on again? ERROR: 8 | La page a expiré ! (1)\n' +
      '[2024-05-16 07:06:44][DEBUG] : Reinitialisation\n' +
      '[2024-05-16 07:06:44][DEBUG] : [ENT https://www.moncollege-ent.essonne.fr/auth/login] Logging in with aWOur5r99UVzOznPNUGd4lfB9cMTTBJuGd9krV1kEy0\n' +
      '[2024-05-16 07:06:44][DEBUG] : https://www.moncollege-ent.essonne.fr:443 "POST /auth/login HTTP/1.1" 200 None\n' +
      '[2024-05-16 07:06:44][ERROR] : Un erreur est retourné sur le traitement des Menus: Fail to connect with Open NG https://www.moncollege-ent.essonne.fr/auth/login : probably wrong login information',
    expected: ['pronote-session-expired', 'ent-credentials-refused'],
  },
  {
    source: 'delphiki/hass-pronote issue 123',
    text: 'PronoteAPIError: Unknown error from pronote: 11 | La page a expiré ! (4)',
    expected: ['pronote-session-expired'],
  },
  {
    source: 'Litarvan/pronote-api issue 106',
    text: "La console print \n`code: 5, message: 'Session has expired due to inactivity or error'`",
    expected: ['pronote-session-expired'],
  },
  {
    source: 'bain3/pronotepy issue 120',
    text:
      'DEBUG:pronotepy.pronoteAPI:Requesing html: https://0100008e.index-education.net/pronote/eleve.html\n' +
      'pronotepy.exceptions.PronoteAPIError: [ERROR 25] Exceeded max authorization requests. Please wait before retrying...',
    expected: ['too-many-attempts'],
  },
  {
    source: 'bain3/pronotepy issue 63',
    text:
      'INFO:pronotepy.pronoteAPI:Have you tried turning it off and on again? ERROR: 25 |\n' +
      '***P.-S.** : After trying to resolve myself this issue, the Pronote portal blocks my IP for too many incorrect credentials entered!',
    expected: ['too-many-attempts'],
  },
  {
    source: 'Litarvan/pronote-api issue 139',
    text: "mais de temps en temps (après trop de mots de passe invalides essayés par les utilisateurs) l'IP de mon serveur est temporairement bannie.",
    expected: ['too-many-attempts'],
  },
  {
    source: 'PapillonApp/papillon-v6 issue 116',
    text: 'au bout d’un moment, PRONOTE t’empêche de te connecter, car tu a dépassé le nombre de tentatives autorisées, mais sur papillon, y’a toujours écrit « Vérifiez vos identifiants et réessayez »',
    expected: ['too-many-attempts'],
  },
  {
    source: 'Litarvan/pronote-api pull request 202',
    text:
      "L'authentification se passe donc correctement, l'utilisateur est bien connecté au CAS... mais n'a en fait pas accès au serveur Pronote demandé. " +
      "Ce fix fait juste en sorte de renvoyer une erreur \"mauvais identifiant\" si ça arrive (au lieu d'afficher une erreur `Cannot read property 'urlSiteIndexEducation' of undefined`).",
    expected: ['ent-ok-no-pronote-access'],
  },
  {
    source: 'Litarvan/pronote-api issue 155',
    text: 'Le lien de connexion n\'est pas https://enthdf.fr/ mais celui donné plus haut. Si je me connexte avec enthdf il me dit "invalid credential".',
    expected: ['ent-credentials-refused'],
  },
  {
    source: 'bain3/pronotepy issue 176',
    text: 'pronotepy.exceptions.ENTLoginError: Fail to connect with EduConnect : probably wrong login information',
    expected: ['ent-credentials-refused'],
  },
  {
    source: 'bain3/pronotepy issue 334',
    text: 'But then I had the error "Fail to connect with EduConnect : probably wrong login information" (but it was the right login information). It seemed that Educonnect need a csrf_token provided in a hidden input named "csrf_token"',
    expected: ['ent-credentials-refused'],
  },
  {
    // The message as the library raises it when the CAS shows its login form again after the
    // credentials were posted; the URL is one of its own list (pronotepy/ent/ent.py, cas_ent27).
    source: 'bain3/pronotepy pronotepy/ent/generic_func.py',
    text: 'pronotepy.exceptions.ENTLoginError: Fail to connect with CAS https://cas.ent27.fr/login?selection=ATS_parent_eleve : probably wrong login information',
    expected: ['ent-credentials-refused'],
  },
  {
    source: 'delphiki/hass-pronote issue 87',
    text: 'Depuis hier, l’établissement de mon fils a activé sur l’ensemble des comptes (enfants et parents)  une « gestion d’appareil de confiance ».',
    expected: ['trusted-device-pin'],
  },
  {
    source: 'PapillonApp/papillon-v7 issue 122',
    text: "[Bug]: Connexion impossible espace élève avec code pin imposé\nAvec la version Pronote 2024, il est désormais possible de définir un code PIN pour l'espace élève.",
    expected: ['trusted-device-pin'],
  },
  {
    source: 'PapillonApp/Papillon issue 295',
    text: 'Je pense que c\'est lié au fait que mon établissement à activé la : "Saisie du code PIN"',
    expected: ['trusted-device-pin'],
  },
  {
    source: 'Litarvan/pronote-api issue 17',
    text: 'Unknown CAS \'none\'\n```\n\nj\'ai regardé les anciennes issues et ait trouvé l\'ajout de "console.log(body)" en ligne 28 qui me log :\n```{\n  "type": "fetch",\n  "url": "http://lyc-client.ac-rouen.fr:81/", !\n  "cas": "none" // ou ac-rouen selon ce que je mets\n}',
    expected: ['self-hosted-no-cas'],
  },
  {
    source: 'Litarvan/pronote-api issue 110',
    text: '"message": "unable to verify the first certificate",\n "name": "Error",\n "url": "https://0340040j.index-education.net/pronote/eleve.html?login=true",\n "code": "UNABLE_TO_VERIFY_LEAF_SIGNATURE"',
    expected: ['tls-incomplete-chain'],
  },
  {
    source: 'Litarvan/pronote-api issue 251',
    text: "node index.js\nError: unable to verify the first certificate\n    at TLSSocket.onConnectSecure (_tls_wrap.js:1497:34)\n    url: 'https://extranet.lyc-moliere.ac-paris.fr/pronote/eleve.html?login=true',",
    expected: ['tls-incomplete-chain'],
  },
  {
    source: 'bain3/pronotepy issue 85',
    text: 'pronotepy.exceptions.PronoteAPIError: Page html is different than expected. Be sure that pronote_url is the direct url to your pronote page.',
    expected: ['not-direct-pronote-url'],
  },
  {
    source: 'delphiki/hass-pronote issue 70',
    text:
      '2024-03-11 21:46:03.026 DEBUG (SyncWorker_58) [pronotepy.ent.generic_func] [ENT https://cas.monbureaunumerique.fr/login?selection=EDU&service=https://example.com/] Logging in with xxxxxx \n' +
      '2024-03-11 21:46:04.289 CRITICAL (SyncWorker_58) [custom_components.pronote.pronote_helper] Page html is different than expected. Be sure that pronote_url is the direct url to your pronote page.',
    expected: ['not-direct-pronote-url'],
  },
  {
    source: 'bain3/pronotepy issue 318',
    text: 'Moreover, it bears out with my browser : `Application not allowed to use CAS` if `&service=https://example.com/` is present but if I remove it, it perfectly works.',
    expected: ['cas-service-not-allowed'],
  },
  // Texts of the same threads that show no failure of the knowledge base: nothing may fire.
  {
    source: 'Litarvan/pronote-api issue 37',
    text: 'Il y a une erreur lors de l\'authentification : "Unknown CAS \'ac-nancy-metz". De plus, dans votre code, jai lu que vous vous connectiez à pronote en utilisant kdecole, hors, nous nous connectons (peut-être pas tous les lycées) avec téléservices ([https://teleservices.ac-nancy-metz.fr/](https://teleservices.ac-nancy-metz.fr/)).',
    expected: [],
  },
  {
    source: 'Litarvan/pronote-api issue 282',
    text: "Et ya ca quand je me connecte manuellement sur cas.agora06.fr\n\nJ'ai mis ca et ca marche http://notes.clg-pierre-bertone.ac-nice.fr:80/pronote",
    expected: [],
  },
  {
    source: 'delphiki/hass-pronote issue 16',
    text: 'Finalement via interface WEB ça marche en mettant\nhttps://9730108e.index-education.net/pronote/parent.html\npuis Login / MDP.',
    expected: [],
  },
];
