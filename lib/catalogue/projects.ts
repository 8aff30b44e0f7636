/**
 * The ENT projects whose login pages stand between a user and Pronote.net, as data: the CAS
 * servers that Pronote.net delegates to, and the other hosts of the same project where people
 * log in (portals, identity discovery pages, older addresses).
 *
 * Sources (each host's are in `host-sources.ts`, apart so that the content scripts, which need the
 * hosts, do not carry their texts: issue 18):
 * - `seed` — the integration guide (seed section 1 d): the projects of the hosting console's list
 *   (the gear next to *Définir une délégation CAS*) with the CAS URL each one fills in.
 * - `client-libraries` — the public projects that log into Pronote through ENTs, and their users'
 *   reports: bain3/pronotepy `pronotepy/ent/ent.py`, `complex_ent.py`, `generic_func.py` and their
 *   history; Litarvan/pronote-api `src/cas/` (the list of `find.js` and the files beside it, as they
 *   stood before the post-mortem commit 9d44d19 removed them); issues of those repositories and of
 *   delphiki/hass-pronote, Vexcited/PRONOTE; DOMAIN.md ("Other CAS hosts seen in client libraries").
 *
 * Vendors are given only where a source names them: DOMAIN.md ("Words": Kosmos for Mon Bureau
 * Numérique, Eclat-BFC, Mon ENT Occitanie; Open ENT NG for the hosts it lists as such) and
 * pronotepy `ent.py`, which files the hosts it logs into with the Open ENT NG method under that
 * name. Elsewhere `vendor` is left out rather than guessed.
 *
 * `webDomains`: the domains under which the ENT's own web pages live (its schools' portals and its
 * admin pages), e.g. `monbureaunumerique.fr` for `https://clg-exemple.monbureaunumerique.fr/`.
 * Rule used: the CAS host without its `cas.`/`cas3.`/`www.` label; none for an académie's
 * identity service (it has no ENT admin pages) nor for a project whose hosts are all retired.
 * That is where the ENT admin helper runs and what the manifest asks (PRODUCT.md §2, "Least
 * privilege"): see `entWebDomains`.
 */

export type CatalogueSource = 'seed' | 'client-libraries';

/**
 * A host retired by its project: kept so that old URLs are still recognised, never permitted.
 * Where the change is recorded: `HOST_SOURCES[host].retired` (`host-sources.ts`).
 */
export interface Retirement {
  /** The id of the project that took over (the same project when only the host changed). */
  replacedBy: string;
}

/** One host of an ENT project where people log in; where it is seen: `HOST_SOURCES[host]` (`host-sources.ts`). */
export interface EntHost {
  /** Lower case, no port. */
  host: string;
  /**
   * `cas`: the CAS server (its login page carries `service=<Pronote URL>`); `portal`: the ENT's
   * front or login page (Open ENT NG's `/auth/login?callback=…`); `identity`: a discovery or
   * identity page that sends on to EduConnect or an académie's portal.
   */
  role: 'cas' | 'portal' | 'identity';
  /** The login path on that host, when a source gives it (`/cas-prod/login`, `/auth/login`). */
  loginPath?: string;
  retired?: Retirement;
}

export interface EntProject {
  /** Stable identifier (kebab case), used in tests and saved settings. */
  id: string;
  /** The project's name as the hosting console's list shows it (seed spelling), else as sources name it. */
  name: string;
  /** The ENT software vendor, when a source names it. */
  vendor?: 'Kosmos' | 'Edifice (Open ENT NG)';
  /**
   * Canonical CAS base URL: `https://` + lower-case host (+ path when known), no trailing slash.
   * Written in the data only when it is more than `https://` + the first host's name.
   */
  casBase: string;
  /** Other names people use for the project (matched tolerantly by `projectByName`). */
  aliases: string[];
  /** Domains of the ENT's own web pages (a match pattern `https://*.<domain>/*` covers each). */
  webDomains: string[];
  /** Every host where the project's users log in; the first is the host of `casBase`. */
  hosts: EntHost[];
  /** True for the projects of the hosting console's list (seed section 1 d). */
  inConsoleList: boolean;
  source: CatalogueSource;
}

const KOSMOS = 'Kosmos' as const;
const OPEN_ENT_NG = 'Edifice (Open ENT NG)' as const;

type Draft = Omit<EntProject, 'inConsoleList' | 'source' | 'casBase'> & { casBase?: string };

const cas = (host: string, loginPath?: string): EntHost => ({ host, role: 'cas', ...(loginPath ? { loginPath } : {}) });
const portal = (host: string, loginPath?: string): EntHost => ({ host, role: 'portal', ...(loginPath ? { loginPath } : {}) });
const identity = (host: string, loginPath?: string): EntHost => ({ host, role: 'identity', ...(loginPath ? { loginPath } : {}) });
const retired = (h: EntHost, replacedBy: string): EntHost => ({ ...h, retired: { replacedBy } });

/** The hosting console's list (seed section 1 d), in the seed's order. */
const SEED_PROJECTS: Draft[] = [
  {
    id: 'aefe',
    name: 'AEFE',
    vendor: KOSMOS,
    aliases: ["Agence pour l'enseignement français à l'étranger"],
    webDomains: ['kosmoseducation.com'],
    hosts: [cas('cas.kosmoseducation.com', '/login')],
  },
  { id: 'agora06', name: 'Agora06', aliases: ['Agora 06'], webDomains: ['agora06.fr'], hosts: [cas('cas.agora06.fr', '/login')] },
  { id: 'arsene76', name: 'Arsène76', aliases: ['Arsène 76'], webDomains: ['arsene76.fr'], hosts: [cas('cas.arsene76.fr', '/login')] },
  {
    id: 'cybercolleges42',
    name: 'Cybercollèges42',
    aliases: ['Cybercollèges 42', 'Cybercolleges42'],
    webDomains: ['cybercolleges42.fr'],
    hosts: [cas('cas.cybercolleges42.fr', '/login')],
  },
  {
    id: 'eclat-bfc',
    name: 'Eclat-BFC',
    vendor: KOSMOS,
    aliases: ['Éclat BFC', 'Eclat Bourgogne-Franche-Comté'],
    webDomains: ['eclat-bfc.fr'],
    hosts: [cas('cas.eclat-bfc.fr', '/login')],
  },
  {
    id: 'e-college31',
    name: 'E-Collège31',
    aliases: ['E-Collège 31', 'eCollège31', 'ecollege haute-garonne'],
    webDomains: ['ecollege.haute-garonne.fr'],
    hosts: [cas('cas.ecollege.haute-garonne.fr', '/login')],
  },
  { id: 'ent27', name: 'ENT27', aliases: ['ENT 27', 'ENT Eure'], webDomains: ['ent27.fr'], hosts: [cas('cas.ent27.fr', '/login')] },
  {
    id: 'ent-kosmos',
    name: 'Ent Kosmos',
    vendor: KOSMOS,
    aliases: ['Kosmos', 'ENT Kosmos PDL'],
    webDomains: ['pdl.kosmoseducation.com'],
    hosts: [cas('cas.pdl.kosmoseducation.com', '/login')],
  },
  { id: 'ent-creuse', name: "L'ENT Creuse", aliases: ['ENT Creuse'], webDomains: ['entcreuse.fr'], hosts: [cas('cas.entcreuse.fr', '/login')] },
  {
    id: 'ent-auvergne-rhone-alpes',
    name: 'Ma classe en Auvergne-Rhône-Alpes',
    aliases: ['Ma classe en AURA', 'ENT Auvergne-Rhône-Alpes'],
    webDomains: ['ent.auvergnerhonealpes.fr'],
    hosts: [cas('cas.ent.auvergnerhonealpes.fr', '/login')],
  },
  {
    id: 'mon-ent-occitanie',
    name: 'Mon ENT Occitanie',
    vendor: KOSMOS,
    aliases: ['ENT Occitanie', 'MonENT Occitanie'],
    webDomains: ['mon-ent-occitanie.fr'],
    hosts: [cas('cas.mon-ent-occitanie.fr', '/login')],
  },
  {
    id: 'mon-bureau-numerique',
    name: 'Mon Bureau Numérique',
    vendor: KOSMOS,
    aliases: ['MBN', 'monbureaunumerique'],
    webDomains: ['monbureaunumerique.fr'],
    hosts: [cas('cas.monbureaunumerique.fr', '/login')],
  },
  {
    id: 'moncollege-valdoise',
    name: 'Moncollege.valdoise.fr',
    aliases: ["Mon collège Val-d'Oise", 'Moncollege Valdoise'],
    webDomains: ['moncollege.valdoise.fr'],
    hosts: [cas('cas.moncollege.valdoise.fr', '/login')],
  },
  {
    id: 'webcollege',
    name: 'Webcollege',
    aliases: ['Webcollège', 'Webcollège Seine-Saint-Denis', 'Webcollege 93'],
    webDomains: ['webcollege.seinesaintdenis.fr'],
    hosts: [cas('cas.webcollege.seinesaintdenis.fr', '/login')],
  },
];

/** The other ENT projects of the client libraries; names are those the hosts are known by. */
const OTHER_PROJECTS: Draft[] = [
  {
    id: 'moncollege-valdemarne',
    name: 'Mon collège Val-de-Marne',
    aliases: ['Moncollege.valdemarne.fr'],
    webDomains: ['moncollege.valdemarne.fr'],
    hosts: [cas('cas.moncollege.valdemarne.fr', '/login')],
  },
  {
    id: 'netocentre',
    name: 'Netocentre (Centre-Val de Loire)',
    aliases: ['Netocentre', 'ENT Centre-Val de Loire', 'Académie d’Orléans-Tours'],
    webDomains: ['netocentre.fr'],
    hosts: [cas('ent.netocentre.fr', '/cas/login'), portal('lycees.netocentre.fr'), cas('auth.recia.fr', '/cas/login')],
  },
  {
    id: 'e-lyco',
    name: 'e-lyco (Nantes)',
    aliases: ['e-lyco', 'elyco', 'ENT Pays de la Loire'],
    webDomains: ['e-lyco.fr'],
    hosts: [cas('cas3.e-lyco.fr'), portal('www.e-lyco.fr')],
  },
  {
    id: 'savoirs-numeriques-62',
    name: 'Savoirs numériques 62',
    aliases: ['Savoirsnumeriques62'],
    webDomains: ['savoirsnumeriques62.fr'],
    hosts: [cas('cas.savoirsnumeriques62.fr')],
  },
  { id: 'atrium-sud', name: 'Atrium Sud', aliases: ['Atrium'], webDomains: ['atrium-sud.fr'], hosts: [cas('www.atrium-sud.fr', '/connexion/login')] },
  {
    id: 'itslearning',
    name: 'itslearning',
    aliases: ['Leia', 'Leia (Corse)'],
    webDomains: ['itslearning.com'],
    hosts: [cas('cas.itslearning.com', '/cas-prod/login'), portal('leia.itslearning.com'), identity('fip.itslearning.com')],
  },
  {
    id: 'ent77',
    name: 'ENT77 (Seine-et-Marne)',
    vendor: OPEN_ENT_NG,
    aliases: ['ENT77', 'ENT 77'],
    webDomains: ['ent77.seine-et-marne.fr'],
    hosts: [portal('ent77.seine-et-marne.fr', '/auth/login')],
  },
  {
    id: 'ecollege78',
    name: 'eCollège 78',
    vendor: OPEN_ENT_NG,
    aliases: ['ecollege78', 'ENT Yvelines', 'NEO Yvelines'],
    webDomains: ['ecollege78.fr'],
    hosts: [portal('ent.ecollege78.fr', '/auth/login')],
  },
  {
    id: 'moncollege-essonne',
    name: 'Mon collège Essonne',
    vendor: OPEN_ENT_NG,
    aliases: ['Moncollege-ent.essonne.fr'],
    webDomains: ['moncollege-ent.essonne.fr'],
    hosts: [portal('www.moncollege-ent.essonne.fr', '/auth/login')],
  },
  {
    id: 'monlycee-net',
    name: 'Monlycée.net (Île-de-France)',
    vendor: OPEN_ENT_NG,
    aliases: ['Monlycee.net', 'ENT Île-de-France'],
    webDomains: ['ent.iledefrance.fr'],
    hosts: [portal('ent.iledefrance.fr', '/auth/login')],
  },
  {
    id: 'paris-classe-numerique',
    name: 'Paris Classe Numérique',
    vendor: OPEN_ENT_NG,
    aliases: ['PCN'],
    webDomains: ['parisclassenumerique.fr'],
    hosts: [portal('ent.parisclassenumerique.fr', '/auth/login')],
  },
  {
    id: 'lycee-connecte',
    name: 'Lycée connecté',
    vendor: OPEN_ENT_NG,
    aliases: ['Lyceeconnecte', 'ENT Nouvelle-Aquitaine'],
    webDomains: ['lyceeconnecte.fr'],
    hosts: [portal('mon.lyceeconnecte.fr', '/auth/login'), retired(portal('lyceeconnecte.fr'), 'lycee-connecte')],
  },
  {
    id: 'ent-hdf',
    name: 'ENT HDF (Hauts-de-France)',
    vendor: OPEN_ENT_NG,
    aliases: ['ENT HDF', 'enthdf'],
    webDomains: ['enthdf.fr'],
    hosts: [portal('enthdf.fr', '/auth/login'), identity('connexion.enthdf.fr'), portal('www.enthdf.fr')],
  },
  {
    id: 'moncollege-var',
    name: 'Mon collège Var',
    vendor: OPEN_ENT_NG,
    aliases: ['Moncollege-ent.var.fr'],
    webDomains: ['moncollege-ent.var.fr'],
    hosts: [portal('moncollege-ent.var.fr')],
  },
  {
    id: 'educ-de-normandie',
    name: "L'educ de Normandie",
    vendor: OPEN_ENT_NG,
    aliases: ['Educ de Normandie', 'l-educdenormandie'],
    webDomains: ['l-educdenormandie.fr'],
    hosts: [portal('ent.l-educdenormandie.fr'), identity('connexion.l-educdenormandie.fr'), portal('nero.l-educdenormandie.fr')],
  },
  {
    id: 'ent-mayotte',
    name: 'ENT Mayotte',
    vendor: OPEN_ENT_NG,
    aliases: ['Mayotte'],
    webDomains: ['mayotte.opendigitaleducation.com'],
    hosts: [portal('mayotte.opendigitaleducation.com', '/auth/login')],
  },
  {
    id: 'neo-guadeloupe',
    name: 'NEO Guadeloupe',
    vendor: OPEN_ENT_NG,
    aliases: ['Neoconnect', 'ENT Guadeloupe'],
    webDomains: ['neoconnect.opendigitaleducation.com'],
    hosts: [portal('neoconnect.opendigitaleducation.com', '/auth/login')],
  },
  {
    id: 'ent94',
    name: 'ENT 94',
    vendor: OPEN_ENT_NG,
    aliases: ['ENT94'],
    webDomains: ['ent94.opendigitaleducation.com'],
    hosts: [portal('ent94.opendigitaleducation.com', '/auth/login')],
  },
  {
    id: 'laclasse',
    name: 'Laclasse.com (Lyon)',
    aliases: ['Laclasse', 'laclasse.com'],
    webDomains: ['laclasse.com'],
    hosts: [cas('www.laclasse.com', '/sso/login')],
  },
  {
    id: 'toutatice',
    name: 'Toutatice (Rennes)',
    aliases: ['Toutatice', 'Académie de Rennes'],
    webDomains: ['toutatice.fr'],
    hosts: [portal('www.toutatice.fr', '/portail/auth/MonEspace')],
  },
  {
    id: 'extranet-colleges-somme',
    name: 'Extranet Collèges de la Somme',
    aliases: ['Colleges cg80', 'Extranet Somme'],
    webDomains: ['colleges.cg80.fr'],
    hosts: [portal('www.colleges.cg80.fr', '/identification/identification.php')],
  },
  { id: 'ent-somme', name: 'ENT Somme (collèges)', aliases: ['entsomme'], webDomains: [], hosts: [retired(portal('college.entsomme.fr'), 'ent-hdf')] },
  {
    id: 'ac-reunion',
    name: 'Académie de La Réunion',
    aliases: ['La Réunion', 'ac-reunion'],
    webDomains: [],
    hosts: [identity('sso.ac-reunion.fr', '/saml/discovery/')],
  },
  {
    id: 'ac-poitiers',
    name: 'Académie de Poitiers',
    aliases: ['Poitiers', 'ac-poitiers', 'ENT Poitiers'],
    webDomains: [],
    hosts: [identity('sp-ts.ac-poitiers.fr', '/dispatcher/index2.php'), portal('ent.ac-poitiers.fr')],
  },
  {
    id: 'hubeduconnect',
    name: 'HubEduConnect (Index Éducation)',
    aliases: ['HubEduConnect', 'Hub EduConnect'],
    webDomains: [],
    hosts: [cas('hubeduconnect.index-education.net', '/EduConnect/cas/login')],
  },
  {
    id: 'educonnect',
    name: 'ÉduConnect (identité nationale)',
    aliases: ['EduConnect', 'Édu Connect'],
    webDomains: [],
    hosts: [identity('educonnect.education.gouv.fr', '/idp/profile/SAML2/Redirect/SSO')],
  },
  {
    id: 'ent2d-bordeaux',
    name: 'ENT2D (Bordeaux)',
    aliases: ['ENT2D', 'Argos Bordeaux'],
    webDomains: [],
    hosts: [retired(portal('ent2d.ac-bordeaux.fr'), 'hubeduconnect'), retired(identity('ds.ac-bordeaux.fr'), 'hubeduconnect')],
  },
  {
    id: 'oze-yvelines',
    name: 'OZE Yvelines (collèges)',
    aliases: ['OZE', 'Ozecollege'],
    webDomains: [],
    hosts: [retired(portal('ozecollege.yvelines.fr'), 'ecollege78')],
  },
  {
    id: 'wilapa',
    name: 'Wilapa (Guyane)',
    aliases: ['Wilapa', 'Wilapa Guyane', 'ENT Guyane'],
    webDomains: ['wilapa-guyane.com'],
    hosts: [cas('wilapa-guyane.com', '/cas/login')],
  },
];

/** True when every host of `project` is retired: its URLs are recognised, it adds no permission. */
export function isRetiredProject(project: Pick<EntProject, 'hosts'>): boolean {
  return project.hosts.length > 0 && project.hosts.every((h) => h.retired !== undefined);
}

/** A draft completed: its CAS base (`https://` + the first host when not written), where it comes from. */
function project(draft: Draft, inConsoleList: boolean): EntProject {
  const casBase = draft.casBase ?? `https://${draft.hosts[0].host}`;
  return Object.freeze({ ...draft, casBase, inConsoleList, source: inConsoleList ? ('seed' as const) : ('client-libraries' as const) });
}

/** Every known ENT project: the console's list first (seed order), then the others. */
export const ENT_PROJECTS: readonly EntProject[] = Object.freeze([
  ...SEED_PROJECTS.map((p) => project(p, true)),
  ...OTHER_PROJECTS.map((p) => project(p, false)),
]);

/** The CAS URLs exactly as the seed prints them (section 1 d, second list), noise included. */
export const SEED_CAS_URLS: readonly string[] = [
  'https://cas.kosmoseducation.com/',
  'https://cas.agora06.fr/login',
  'https://cas.arsene76.fr/',
  'https://cas.cybercolleges42.fr/',
  'https://cas.eclat-bfc.fr/',
  'https://cas.ecollege.haute-garonne.fr/',
  'https://cas.ent27.fr/',
  'https://cas.pdl.kosmoseducation.com/',
  'https://cas.entcreuse.fr/',
  'https://cas.ent.auvergnerhonealpes.fr/',
  'https://www.google.com/url?q=https://cas.mon-ent-occitanie.fr&sa=D&source=hangouts&ust=1564500546330000&usg=AFQjCNGjhOh-VgFdPptoHMvHuLgpSAa3PQ',
  'https://cas.monbureaunumerique.fr/',
  'https://cas.moncollege.valdoise.fr/',
  'https://cas.webcollege.seinesaintdenis.fr/login',
];
