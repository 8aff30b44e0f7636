/**
 * The hosting console's rules (PRODUCT.md §1; issue 6): the CAS delegation settings of a
 * Pronote.net instance → findings, each with a stable id, a severity, a French and an English
 * message and the fix. Pure: the same rules run on a page read by `lib/pages` and on values typed
 * in the side panel.
 */
import { type EntProject, type NormalisedCasUrl, knownHost, normaliseCasUrl, projectById, projectByName, projectForCasUrl } from '../catalogue';
import type { HostingSettings, RecognitionMode } from '../pages/hosting-settings';
import { directUrl, readPronoteUrl } from '../pronote/url';
import type { Localized } from '../core/localized';
import type { Finding, Severity } from './finding';

/** Every rule of this module, by stable id, with its severity (issue 6). */
export const HOSTING_RULES = {
  'cas-url-missing': 'error',
  'cas-url-not-https': 'error',
  'cas-url-other-project': 'error',
  'cas-url-wrapped': 'error',
  'cas-url-retired': 'error',
  'cas-delegation-off': 'warning',
  'cas-url-unknown-host': 'warning',
  'cas-url-not-base': 'warning',
  'racine-missing-pronote': 'warning',
  'cas-attribute-name-unexpected': 'warning',
  'base-not-published': 'warning',
  'recognition-mode-not-pronote-identity': 'info',
  'direct-url-login-true': 'info',
} as const satisfies Record<string, Severity>;

export type HostingRuleId = keyof typeof HOSTING_RULES;

/** The attribute the seed's ENTs release (seed FAQ: the "idPronote" error). */
export const EXPECTED_ATTRIBUTE = 'idPronote';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function finding(id: HostingRuleId, field: Finding['field'], message: Localized, fix: Localized, url?: string): Finding {
  return { id, severity: HOSTING_RULES[id], message, fix, field, ...(url ? { url } : {}) };
}

/**
 * The base the URL should be. Same project as the URL: the seed's base for the console's projects;
 * for the other hosts, whose CAS path no source gives, the typed base in https. Another project
 * chosen: that project's base. Unknown host: the typed base in https.
 */
function expectedBase(chosen: EntProject | undefined, cas: NormalisedCasUrl, urlProject: EntProject | undefined): string | undefined {
  const own = cas.base?.replace(/^http:/, 'https:');
  if (urlProject && (!chosen || chosen.id === urlProject.id)) return urlProject.source === 'seed' ? urlProject.casBase : own;
  return chosen?.casBase ?? own;
}

function casUrlFindings(settings: HostingSettings, chosen: EntProject | undefined): Finding[] {
  const typed = settings.casUrl;
  if (typed === undefined) return [];
  const out: Finding[] = [];
  const blank = typed.trim() === '';
  if (blank) {
    if (settings.delegation === true) {
      out.push(
        finding(
          'cas-url-missing',
          'casUrl',
          {
            fr: 'La délégation CAS est activée mais l’URL du serveur CAS est vide\u202f: Pronote ne sait pas vers quel ENT envoyer les utilisateurs.',
            en: 'CAS delegation is on but the CAS server URL is empty: Pronote does not know which ENT to send users to.',
          },
          chosen
            ? {
                fr: `Indiquez l’URL du serveur CAS de ${chosen.name}\u202f: ${chosen.casBase}`,
                en: `Enter the CAS server URL of ${chosen.name}: ${chosen.casBase}`,
              }
            : {
                fr: 'Choisissez le projet de votre ENT avec la roue crantée à côté de «\u202fDéfinir une délégation CAS\u202f»\u202f: l’URL se remplit toute seule.',
                en: 'Choose your ENT project with the gear next to "Définir une délégation CAS": the URL fills in by itself.',
              },
          chosen?.casBase,
        ),
      );
    }
    return out;
  }

  const cas = normaliseCasUrl(typed);
  if (!cas.base) {
    out.push(
      finding(
        'cas-url-missing',
        'casUrl',
        {
          fr: `«\u202f${typed.trim()}\u202f» n’est pas une adresse web\u202f: Pronote ne peut pas joindre le serveur CAS.`,
          en: `"${typed.trim()}" is not a web address: Pronote cannot reach the CAS server.`,
        },
        chosen
          ? {
              fr: `Remplacez-la par l’URL du serveur CAS de ${chosen.name}\u202f: ${chosen.casBase}`,
              en: `Replace it with the CAS server URL of ${chosen.name}: ${chosen.casBase}`,
            }
          : {
              fr: 'Collez l’URL du serveur CAS donnée par votre ENT, qui commence par https://',
              en: 'Paste the CAS server URL given by your ENT, starting with https://',
            },
        chosen?.casBase,
      ),
    );
    return out;
  }

  const urlProject = projectForCasUrl(typed);
  const target = expectedBase(chosen, cas, urlProject);
  const wrapped = cas.problems.find((p) => p.kind === 'wrapped');
  if (wrapped && wrapped.kind === 'wrapped') {
    out.push(
      finding(
        'cas-url-wrapped',
        'casUrl',
        {
          fr: `L’URL est enveloppée dans une redirection de ${wrapped.found} (un lien copié depuis une messagerie ou un moteur de recherche)\u202f: Pronote enverrait les utilisateurs chez ${wrapped.found}, pas au serveur CAS.`,
          en: `The URL is wrapped in a ${wrapped.found} redirect (a link copied from a chat, mail or search engine): Pronote would send users to ${wrapped.found}, not to the CAS server.`,
        },
        { fr: `Remplacez-la par l’adresse du serveur CAS seule\u202f: ${target}`, en: `Replace it with the CAS server address alone: ${target}` },
        target,
      ),
    );
  }
  if (cas.scheme === 'http') {
    out.push(
      finding(
        'cas-url-not-https',
        'casUrl',
        {
          fr: 'L’URL du serveur CAS commence par http://\u202f: les identifiants circuleraient sans chiffrement, et les serveurs CAS des ENT n’acceptent que https.',
          en: 'The CAS server URL starts with http://: credentials would travel unencrypted, and ENT CAS servers accept https only.',
        },
        { fr: `Utilisez l’adresse en https\u202f: ${target}`, en: `Use the https address: ${target}` },
        target,
      ),
    );
  }
  const retired = cas.host ? knownHost(cas.host)?.host.retired : undefined;
  const successor = retired ? projectById(retired.replacedBy) : undefined;
  if (retired && successor && urlProject) {
    const same = successor.id === urlProject.id;
    out.push(
      finding(
        'cas-url-retired',
        'casUrl',
        {
          fr: same
            ? `${cas.host} est une ancienne adresse de ${urlProject.name}, qui ne la sert plus\u202f: la connexion par l’ENT échouerait.`
            : `${cas.host} est l’adresse de ${urlProject.name}, remplacé depuis par ${successor.name}\u202f: la connexion par l’ENT échouerait.`,
          en: same
            ? `${cas.host} is a former address of ${urlProject.name}, which no longer serves it: logging in through the ENT would fail.`
            : `${cas.host} is the address of ${urlProject.name}, since replaced by ${successor.name}: logging in through the ENT would fail.`,
        },
        {
          fr: `Mettez l’adresse de ${successor.name}\u202f: ${successor.casBase}${same ? '' : `, et choisissez le projet «\u202f${successor.name}\u202f»`}.`,
          en: `Use the address of ${successor.name}: ${successor.casBase}${same ? '' : `, and choose the project "${successor.name}"`}.`,
        },
        successor.casBase,
      ),
    );
  }
  if (chosen && urlProject && chosen.id !== urlProject.id) {
    out.push(
      finding(
        'cas-url-other-project',
        'casUrl',
        {
          fr: `Cette URL est celle du serveur CAS de «\u202f${urlProject.name}\u202f», alors que le projet choisi est «\u202f${chosen.name}\u202f»\u202f: les utilisateurs seraient envoyés vers un autre ENT.`,
          en: `This URL is the CAS server of "${urlProject.name}", but the project chosen is "${chosen.name}": users would be sent to another ENT.`,
        },
        {
          fr: `Mettez l’URL de ${chosen.name} (${chosen.casBase}), ou choisissez «\u202f${urlProject.name}\u202f» si c’est bien votre ENT.`,
          en: `Use the URL of ${chosen.name} (${chosen.casBase}), or choose "${urlProject.name}" if that is your ENT.`,
        },
        chosen.casBase,
      ),
    );
  }
  if (!urlProject && cas.host) {
    out.push(
      finding(
        'cas-url-unknown-host',
        'casUrl',
        {
          fr: `Le serveur ${cas.host} n’est pas dans la liste des serveurs CAS connus des ENT${chosen ? `, et ce n’est pas celui de ${chosen.name} (${chosen.casBase})` : ''}. Ce peut être juste (ENT récent, serveur propre), mais vérifiez l’adresse auprès de votre ENT.`,
          en: `The server ${cas.host} is not among the known ENT CAS servers${chosen ? `, and it is not the one of ${chosen.name} (${chosen.casBase})` : ''}. It may be right (a new ENT, a server of its own), but check the address with your ENT.`,
        },
        chosen
          ? { fr: `Pour ${chosen.name}, l’URL attendue est ${chosen.casBase}`, en: `For ${chosen.name}, the expected URL is ${chosen.casBase}` }
          : { fr: 'Demandez l’URL du serveur CAS à l’assistance de votre ENT.', en: "Ask your ENT's support for its CAS server URL." },
        chosen?.casBase,
      ),
    );
  }
  const extra = cas.problems.filter((p) => p.kind === 'login-path' || p.kind === 'query' || p.kind === 'fragment');
  if (extra.length) {
    const parts = extra.map((p) => ('found' in p ? p.found : '')).join(', ');
    out.push(
      finding(
        'cas-url-not-base',
        'casUrl',
        {
          fr: `L’URL contient ${parts}, qui n’appartient pas à l’adresse du serveur CAS (c’est la page de connexion ou un choix de profil)\u202f: Pronote ajoute lui-même /login et ses paramètres.`,
          en: `The URL holds ${parts}, which is not part of the CAS server address (it is the login page or a profile choice): Pronote adds /login and its parameters itself.`,
        },
        { fr: `Gardez l’adresse de base\u202f: ${target}`, en: `Keep the base address: ${target}` },
        target,
      ),
    );
  }
  return onePerFix(out);
}

/**
 * The URL's problems that one address fixes, as one finding (issue 18, point 8: a wrapped http
 * login URL of another project was four findings, each giving the same address): the first (the
 * most severe: errors are pushed first) says every problem; its fix is the other-project one when
 * there is one (it also offers choosing that project), else its own; `covers` names the others.
 */
function onePerFix(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const same = f.url ? out.find((o) => o.url === f.url) : undefined;
    if (!same) {
      out.push({ ...f });
      continue;
    }
    same.message = { fr: `${same.message.fr} ${f.message.fr}`, en: `${same.message.en} ${f.message.en}` };
    if (f.severity === 'error') same.severity = 'error';
    if (f.id === 'cas-url-other-project') same.fix = f.fix;
    same.covers = [...(same.covers ?? []), f.id];
  }
  return out;
}

const MODE_TEXT: Record<Exclude<RecognitionMode, 'pronote-identity' | 'unknown'>, Localized> = {
  identity: {
    fr: 'Pronote reconnaît les utilisateurs en comparant l’identité envoyée par l’ENT (nom, prénom, date de naissance) à la sienne\u202f: toute différence d’écriture («\u202fAnne-Sophie\u202f» / «\u202fAnne Sophie\u202f») fait échouer la première connexion («\u202fIdentification impossible\u202f»), et l’import des identifiants Pronote dans l’ENT ne sert pas dans ce mode.',
    en: 'Pronote recognises users by comparing the identity sent by the ENT (names, birth date) with its own: any spelling difference ("Anne-Sophie" / "Anne Sophie") makes the first login fail ("Identification impossible"), and importing the Pronote identifiers into the ENT is of no use in this mode.',
  },
  'double-auth': {
    fr: 'À la première connexion depuis l’ENT, chaque utilisateur devra saisir une fois son identifiant et son mot de passe Pronote\u202f: l’import des identifiants Pronote dans l’ENT ne sert pas dans ce mode.',
    en: 'At the first login from the ENT, each user must type their Pronote login and password once: importing the Pronote identifiers into the ENT is of no use in this mode.',
  },
};

function identificationFindings(settings: HostingSettings): Finding[] {
  const out: Finding[] = [];
  const mode = settings.recognitionMode;
  if (mode === 'identity' || mode === 'double-auth') {
    const shown = settings.recognitionModeLabel ? ` (« ${settings.recognitionModeLabel} »)` : '';
    out.push(
      finding(
        'recognition-mode-not-pronote-identity',
        'recognitionMode',
        { fr: `Mode de reconnaissance${shown}\u202f: ${MODE_TEXT[mode].fr}`, en: `Recognition mode${shown}: ${MODE_TEXT[mode].en}` },
        {
          fr: 'Pour suivre la procédure du guide (export des identifiants Pronote, import dans l’ENT, rapprochement), choisissez «\u202fAvec l’identité PRONOTE de l’utilisateur\u202f» et l’attribut idPronote.',
          en: 'To follow the guide (export of the Pronote identifiers, import into the ENT, rapprochement), choose "Avec l\'identité PRONOTE de l\'utilisateur" and the attribute idPronote.',
        },
      ),
    );
  }
  const name = settings.attributeName;
  if (mode === 'pronote-identity' && name !== undefined && name.trim() !== EXPECTED_ATTRIBUTE) {
    const n = name.trim();
    const message: Localized = !n
      ? {
          fr: 'Aucun nom d’attribut n’est indiqué\u202f: Pronote ne saura pas où lire l’identifiant Pronote que l’ENT renvoie.',
          en: 'No attribute name is given: Pronote will not know where to read the Pronote identifier that the ENT sends.',
        }
      : n.toLowerCase() === EXPECTED_ATTRIBUTE.toLowerCase()
        ? {
            fr: `L’attribut est écrit «\u202f${n}\u202f»\u202f: les noms d’attributs CAS tiennent compte des majuscules, et les ENT du guide renvoient «\u202fidPronote\u202f».`,
            en: `The attribute is written "${n}": CAS attribute names are case-sensitive, and the guide's ENTs send "idPronote".`,
          }
        : {
            fr: `L’attribut attendu est «\u202f${n}\u202f», alors que les ENT du guide renvoient «\u202fidPronote\u202f». Sans cet attribut, la connexion échoue avec l’erreur «\u202fLe serveur CAS doit être configuré pour renvoyer un attribut\u202f».`,
            en: `The attribute expected is "${n}", while the guide's ENTs send "idPronote". Without it, logins fail with "Le serveur CAS doit être configuré pour renvoyer un attribut".`,
          };
    out.push(
      finding('cas-attribute-name-unexpected', 'attributeName', message, {
        fr: 'Écrivez idPronote, sauf si votre ENT vous a donné un autre nom d’attribut.',
        en: 'Write idPronote, unless your ENT gave you another attribute name.',
      }),
    );
  }
  return out;
}

function publicationFindings(settings: HostingSettings): Finding[] {
  const out: Finding[] = [];
  const racine = settings.racine;
  if (racine !== undefined && !/pronote/i.test(racine)) {
    const r = racine.trim();
    out.push(
      finding(
        'racine-missing-pronote',
        'racine',
        {
          fr: `${r ? `La racine est «\u202f${r}\u202f» et ne contient pas «\u202fPronote\u202f»` : 'La racine est vide'}. Ce n’est pas forcément une erreur, mais c’est la correction que donne le guide quand la connexion depuis l’ENT échoue avec «\u202fLe serveur CAS doit être configuré pour renvoyer un attribut "idPronote"\u202f».`,
          en: `${r ? `The racine is "${r}" and does not contain "Pronote"` : 'The racine is empty'}. Not necessarily wrong, but it is the guide's fix when logging in from the ENT fails with "Le serveur CAS doit être configuré pour renvoyer un attribut "idPronote"".`,
        },
        {
          fr: 'Si vos utilisateurs voient cette erreur, ajoutez «\u202fPronote\u202f» dans le champ racine des paramètres de publication, puis publiez la base.',
          en: 'If your users see that error, add "Pronote" to the racine field of the publication parameters, then publish the base.',
        },
      ),
    );
  }
  if (settings.published === false) {
    out.push(
      finding(
        'base-not-published',
        'published',
        {
          fr: 'La base n’est pas publiée\u202f: Pronote.net n’est pas accessible, et les réglages de délégation ne s’appliquent qu’une fois la base publiée.',
          en: 'The base is not published: Pronote.net cannot be reached, and the delegation settings apply only once the base is published.',
        },
        {
          fr: 'Une fois les réglages terminés, cliquez sur «\u202fPublier la base\u202f» dans la console d’hébergement.',
          en: 'Once the settings are done, click "Publier la base" in the hosting console.',
        },
      ),
    );
  }
  return out;
}

function delegationFindings(settings: HostingSettings): Finding[] {
  const out: Finding[] = [];
  if (settings.delegation === false) {
    out.push(
      finding(
        'cas-delegation-off',
        'delegation',
        {
          fr: 'La délégation CAS n’est pas activée\u202f: Pronote ne fait pas confiance à l’ENT, et les utilisateurs ne peuvent pas s’y connecter depuis l’ENT.',
          en: 'CAS delegation is off: Pronote does not trust the ENT, and users cannot log in from the ENT.',
        },
        {
          fr: 'Cochez «\u202fDéfinir une délégation CAS\u202f» (ou choisissez votre ENT dans «\u202fMon ENT\u202f»), choisissez le projet de votre ENT, puis publiez la base.',
          en: 'Tick "Définir une délégation CAS" (or choose your ENT in "Mon ENT"), choose your ENT project, then publish the base.',
        },
      ),
    );
  }
  const info = settings.pronoteUrl ? readPronoteUrl(settings.pronoteUrl) : undefined;
  const direct = settings.pronoteUrl ? directUrl(settings.pronoteUrl) : undefined;
  if (settings.delegation !== false && info && direct) {
    out.push(
      finding(
        'direct-url-login-true',
        'pronoteUrl',
        {
          fr: `Avec la délégation CAS, l’adresse ${info.root} renvoie vers l’ENT. Pour se connecter sans passer par l’ENT, il faut désormais l’adresse ${direct}`,
          en: `With CAS delegation on, ${info.root} sends users to the ENT. To log in without the ENT, the address is now ${direct}`,
        },
        {
          fr: 'Communiquez cette adresse aux personnes qui se connectent sans passer par l’ENT (par exemple avec un compte Pronote seul).',
          en: 'Give this address to the people who log in without going through the ENT (for example with a Pronote account only).',
        },
        direct,
      ),
    );
  }
  return out;
}

/**
 * Runs every hosting rule on `settings` (from a page reader or typed by hand) and returns the
 * findings, errors first, then warnings, then information. A setting left `undefined` (not seen)
 * triggers nothing; an empty string is a value. The project is matched tolerantly against the
 * catalogue (`projectByName`); a project name the catalogue does not know disables only the
 * "other project" comparison.
 */
export function checkHosting(settings: HostingSettings): Finding[] {
  const chosen = settings.project ? projectByName(settings.project) : undefined;
  const all = [...delegationFindings(settings), ...casUrlFindings(settings, chosen), ...identificationFindings(settings), ...publicationFindings(settings)];
  return all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
