/**
 * The ENT projects whose login pages stand between a user and Pronote.net, as data: the CAS
 * servers that Pronote.net delegates to, and the other hosts of the same project where people
 * log in (portals, identity discovery pages, older addresses).
 *
 * Sources (each host names its own in `source`):
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

/** A host retired by its project: kept so that old URLs are still recognised, never permitted. */
export interface Retirement {
  /** The id of the project that took over (the same project when only the host changed). */
  replacedBy: string;
  /** Where the change is recorded (repository and commit or issue). */
  source: string;
}

/** One host of an ENT project where people log in. */
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
  /** Repository and path, or repository and issue number, where this host is seen. */
  source: string;
}

export interface EntProject {
  /** Stable identifier (kebab case), used in tests and saved settings. */
  id: string;
  /** The project's name as the hosting console's list shows it (seed spelling), else as sources name it. */
  name: string;
  /** The ENT software vendor, when a source names it. */
  vendor?: 'Kosmos' | 'Edifice (Open ENT NG)';
  /** Canonical CAS base URL: `https://` + lower-case host (+ path when known), no trailing slash. */
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

// Where the hosts are seen. Paths are those of the repositories' default branches; for
// pronote-api, `src/cas/` as it stood before commit 9d44d19 (the post-mortem) removed it.
const SEED = 'seed §1 d (hosting console list)';
const PY = 'bain3/pronotepy pronotepy/ent/ent.py';
const PY_COMPLEX = 'bain3/pronotepy pronotepy/ent/complex_ent.py';
const PY_GENERIC = 'bain3/pronotepy pronotepy/ent/generic_func.py';
const PA = 'Litarvan/pronote-api src/cas/find.js';
const PA_FILE = (file: string) => `Litarvan/pronote-api src/cas/${file}`;
const DOMAIN = 'DOMAIN.md "Other CAS hosts seen in client libraries"';

type Draft = Omit<EntProject, 'inConsoleList' | 'source'>;

const cas = (host: string, source: string, loginPath?: string): EntHost => ({ host, role: 'cas', source, ...(loginPath ? { loginPath } : {}) });
const portal = (host: string, source: string, loginPath?: string): EntHost => ({ host, role: 'portal', source, ...(loginPath ? { loginPath } : {}) });
const identity = (host: string, source: string, loginPath?: string): EntHost => ({ host, role: 'identity', source, ...(loginPath ? { loginPath } : {}) });
const retired = (h: EntHost, replacedBy: string, source: string): EntHost => ({ ...h, retired: { replacedBy, source } });

/** The hosting console's list (seed section 1 d), in the seed's order. */
const SEED_PROJECTS: Draft[] = [
  {
    id: 'aefe',
    name: 'AEFE',
    vendor: KOSMOS,
    casBase: 'https://cas.kosmoseducation.com',
    aliases: ["Agence pour l'enseignement français à l'étranger"],
    webDomains: ['kosmoseducation.com'],
    hosts: [cas('cas.kosmoseducation.com', `${SEED}; ${PY} (cas_kosmos); ${PA_FILE('ljr-munich.js')}`, '/login')],
  },
  {
    id: 'agora06',
    name: 'Agora06',
    casBase: 'https://cas.agora06.fr',
    aliases: ['Agora 06'],
    webDomains: ['agora06.fr'],
    hosts: [cas('cas.agora06.fr', `${SEED}; ${PY} (cas_agora06)`, '/login')],
  },
  {
    id: 'arsene76',
    name: 'Arsène76',
    casBase: 'https://cas.arsene76.fr',
    aliases: ['Arsène 76'],
    webDomains: ['arsene76.fr'],
    hosts: [cas('cas.arsene76.fr', `${SEED}; ${PY} (cas_arsene76)`, '/login')],
  },
  {
    id: 'cybercolleges42',
    name: 'Cybercollèges42',
    casBase: 'https://cas.cybercolleges42.fr',
    aliases: ['Cybercollèges 42', 'Cybercolleges42'],
    webDomains: ['cybercolleges42.fr'],
    hosts: [cas('cas.cybercolleges42.fr', `${SEED}; ${PY} (cas_cybercolleges42_edu)`, '/login')],
  },
  {
    id: 'eclat-bfc',
    name: 'Eclat-BFC',
    vendor: KOSMOS,
    casBase: 'https://cas.eclat-bfc.fr',
    aliases: ['Éclat BFC', 'Eclat Bourgogne-Franche-Comté'],
    webDomains: ['eclat-bfc.fr'],
    hosts: [cas('cas.eclat-bfc.fr', `${SEED}; ${PY} (eclat_bfc); bain3/pronotepy issue 65`, '/login')],
  },
  {
    id: 'e-college31',
    name: 'E-Collège31',
    casBase: 'https://cas.ecollege.haute-garonne.fr',
    aliases: ['E-Collège 31', 'eCollège31', 'ecollege haute-garonne'],
    webDomains: ['ecollege.haute-garonne.fr'],
    hosts: [cas('cas.ecollege.haute-garonne.fr', `${SEED}; ${PY} (ecollege_haute_garonne_edu)`, '/login')],
  },
  {
    id: 'ent27',
    name: 'ENT27',
    casBase: 'https://cas.ent27.fr',
    aliases: ['ENT 27', 'ENT Eure'],
    webDomains: ['ent27.fr'],
    hosts: [cas('cas.ent27.fr', `${SEED}; ${PY} (cas_ent27); ${PA_FILE('eure-normandie.js')}`, '/login')],
  },
  {
    id: 'ent-kosmos',
    name: 'Ent Kosmos',
    vendor: KOSMOS,
    casBase: 'https://cas.pdl.kosmoseducation.com',
    aliases: ['Kosmos', 'ENT Kosmos PDL'],
    webDomains: ['pdl.kosmoseducation.com'],
    hosts: [cas('cas.pdl.kosmoseducation.com', SEED, '/login')],
  },
  {
    id: 'ent-creuse',
    name: "L'ENT Creuse",
    casBase: 'https://cas.entcreuse.fr',
    aliases: ['ENT Creuse'],
    webDomains: ['entcreuse.fr'],
    hosts: [cas('cas.entcreuse.fr', `${SEED}; ${PY} (ent_creuse)`, '/login')],
  },
  {
    id: 'ent-auvergne-rhone-alpes',
    name: 'Ma classe en Auvergne-Rhône-Alpes',
    casBase: 'https://cas.ent.auvergnerhonealpes.fr',
    aliases: ['Ma classe en AURA', 'ENT Auvergne-Rhône-Alpes'],
    webDomains: ['ent.auvergnerhonealpes.fr'],
    hosts: [cas('cas.ent.auvergnerhonealpes.fr', `${SEED}; ${PY} (ent_auvergnerhonealpe); ${PA_FILE('ac-lyon.js')}`, '/login')],
  },
  {
    id: 'mon-ent-occitanie',
    name: 'Mon ENT Occitanie',
    vendor: KOSMOS,
    casBase: 'https://cas.mon-ent-occitanie.fr',
    aliases: ['ENT Occitanie', 'MonENT Occitanie'],
    webDomains: ['mon-ent-occitanie.fr'],
    hosts: [cas('cas.mon-ent-occitanie.fr', `${SEED}; ${PY} (occitanie_montpellier, occitanie_toulouse_edu)`, '/login')],
  },
  {
    id: 'mon-bureau-numerique',
    name: 'Mon Bureau Numérique',
    vendor: KOSMOS,
    casBase: 'https://cas.monbureaunumerique.fr',
    aliases: ['MBN', 'monbureaunumerique'],
    webDomains: ['monbureaunumerique.fr'],
    hosts: [cas('cas.monbureaunumerique.fr', `${SEED}; ${PY} (monbureaunumerique); ${PA_FILE('ac-reims.js')}`, '/login')],
  },
  {
    id: 'moncollege-valdoise',
    name: 'Moncollege.valdoise.fr',
    casBase: 'https://cas.moncollege.valdoise.fr',
    aliases: ["Mon collège Val-d'Oise", 'Moncollege Valdoise'],
    webDomains: ['moncollege.valdoise.fr'],
    hosts: [cas('cas.moncollege.valdoise.fr', `${SEED}; ${PY} (val_doise)`, '/login')],
  },
  {
    id: 'webcollege',
    name: 'Webcollege',
    casBase: 'https://cas.webcollege.seinesaintdenis.fr',
    aliases: ['Webcollège', 'Webcollège Seine-Saint-Denis', 'Webcollege 93'],
    webDomains: ['webcollege.seinesaintdenis.fr'],
    hosts: [cas('cas.webcollege.seinesaintdenis.fr', `${SEED}; ${PY} (cas_seinesaintdenis_edu)`, '/login')],
  },
];

/** The other ENT projects of the client libraries; names are those the hosts are known by. */
const OTHER_PROJECTS: Draft[] = [
  {
    id: 'moncollege-valdemarne',
    name: 'Mon collège Val-de-Marne',
    casBase: 'https://cas.moncollege.valdemarne.fr',
    aliases: ['Moncollege.valdemarne.fr'],
    webDomains: ['moncollege.valdemarne.fr'],
    hosts: [cas('cas.moncollege.valdemarne.fr', `${DOMAIN}; ${PY} (val_de_marne)`, '/login')],
  },
  {
    id: 'netocentre',
    name: 'Netocentre (Centre-Val de Loire)',
    casBase: 'https://ent.netocentre.fr',
    aliases: ['Netocentre', 'ENT Centre-Val de Loire', 'Académie d’Orléans-Tours'],
    webDomains: ['netocentre.fr'],
    hosts: [
      cas('ent.netocentre.fr', `${DOMAIN}; ${PY} (ac_orleans_tours)`, '/cas/login'),
      portal('lycees.netocentre.fr', `${PA_FILE('ac-orleans-tours.js')}; Litarvan/pronote-api issue 229`),
      cas('auth.recia.fr', 'bain3/pronotepy issue 334 (the Orléans-Tours login moved to auth.recia.fr/cas/login)', '/cas/login'),
    ],
  },
  {
    id: 'e-lyco',
    name: 'e-lyco (Nantes)',
    casBase: 'https://cas3.e-lyco.fr',
    aliases: ['e-lyco', 'elyco', 'ENT Pays de la Loire'],
    webDomains: ['e-lyco.fr'],
    hosts: [cas('cas3.e-lyco.fr', `${DOMAIN}; ${PY} (ent_elyco); ${PA_FILE('ac-nantes.js')}`), portal('www.e-lyco.fr', 'bain3/pronotepy issue 187')],
  },
  {
    id: 'savoirs-numeriques-62',
    name: 'Savoirs numériques 62',
    casBase: 'https://cas.savoirsnumeriques62.fr',
    aliases: ['Savoirsnumeriques62'],
    webDomains: ['savoirsnumeriques62.fr'],
    hosts: [cas('cas.savoirsnumeriques62.fr', `${DOMAIN}; ${PA_FILE('ac-lille.js')}`)],
  },
  {
    id: 'atrium-sud',
    name: 'Atrium Sud',
    casBase: 'https://www.atrium-sud.fr',
    aliases: ['Atrium'],
    webDomains: ['atrium-sud.fr'],
    hosts: [cas('www.atrium-sud.fr', `${DOMAIN}; ${PY} (atrium_sud); ${PA_FILE('atrium-sud.js')}`, '/connexion/login')],
  },
  {
    id: 'itslearning',
    name: 'itslearning',
    casBase: 'https://cas.itslearning.com',
    aliases: ['Leia', 'Leia (Corse)'],
    webDomains: ['itslearning.com'],
    hosts: [
      cas('cas.itslearning.com', `${DOMAIN}; bain3/pronotepy issues 211 and 236 (cas.itslearning.com/cas-prod/login?service=…)`, '/cas-prod/login'),
      portal('leia.itslearning.com', 'bain3/pronotepy issue 211 (Leia, Corse)'),
      identity('fip.itslearning.com', `${PA_FILE('ac-caen.js')} (académie de Caen, /SP/bn/ and /ds-bn/)`),
    ],
  },
  {
    id: 'ent77',
    name: 'ENT77 (Seine-et-Marne)',
    vendor: OPEN_ENT_NG,
    casBase: 'https://ent77.seine-et-marne.fr',
    aliases: ['ENT77', 'ENT 77'],
    webDomains: ['ent77.seine-et-marne.fr'],
    hosts: [portal('ent77.seine-et-marne.fr', `${DOMAIN}; ${PY} (ent77); bain3/pronotepy issue 103`, '/auth/login')],
  },
  {
    id: 'ecollege78',
    name: 'eCollège 78',
    vendor: OPEN_ENT_NG,
    casBase: 'https://ent.ecollege78.fr',
    aliases: ['ecollege78', 'ENT Yvelines', 'NEO Yvelines'],
    webDomains: ['ecollege78.fr'],
    hosts: [portal('ent.ecollege78.fr', `${DOMAIN}; ${PY} (ent_ecollege78); bain3/pronotepy issue 256`, '/auth/login')],
  },
  {
    id: 'moncollege-essonne',
    name: 'Mon collège Essonne',
    vendor: OPEN_ENT_NG,
    casBase: 'https://www.moncollege-ent.essonne.fr',
    aliases: ['Moncollege-ent.essonne.fr'],
    webDomains: ['moncollege-ent.essonne.fr'],
    hosts: [portal('www.moncollege-ent.essonne.fr', `${DOMAIN}; ${PY} (ent_essonne)`, '/auth/login')],
  },
  {
    id: 'monlycee-net',
    name: 'Monlycée.net (Île-de-France)',
    vendor: OPEN_ENT_NG,
    casBase: 'https://ent.iledefrance.fr',
    aliases: ['Monlycee.net', 'ENT Île-de-France'],
    webDomains: ['ent.iledefrance.fr'],
    hosts: [
      portal(
        'ent.iledefrance.fr',
        `${DOMAIN}; ${PY} (ile_de_france); Litarvan/pronote-api issue 164 (/cas/login?service=…); bain3/pronotepy issue 282`,
        '/auth/login',
      ),
    ],
  },
  {
    id: 'paris-classe-numerique',
    name: 'Paris Classe Numérique',
    vendor: OPEN_ENT_NG,
    casBase: 'https://ent.parisclassenumerique.fr',
    aliases: ['PCN'],
    webDomains: ['parisclassenumerique.fr'],
    hosts: [portal('ent.parisclassenumerique.fr', `${DOMAIN}; ${PY} (paris_classe_numerique); Litarvan/pronote-api issue 135`, '/auth/login')],
  },
  {
    id: 'lycee-connecte',
    name: 'Lycée connecté',
    vendor: OPEN_ENT_NG,
    casBase: 'https://mon.lyceeconnecte.fr',
    aliases: ['Lyceeconnecte', 'ENT Nouvelle-Aquitaine'],
    webDomains: ['lyceeconnecte.fr'],
    hosts: [
      portal('mon.lyceeconnecte.fr', `${DOMAIN}; ${PY} (lyceeconnecte_aquitaine, lyceeconnecte_edu)`, '/auth/login'),
      retired(
        portal('lyceeconnecte.fr', 'bain3/pronotepy pronotepy/ent.py before commit 3f4f0ee'),
        'lycee-connecte',
        'bain3/pronotepy commit 3f4f0ee (lyceeconnecte.fr → mon.lyceeconnecte.fr)',
      ),
    ],
  },
  {
    id: 'ent-hdf',
    name: 'ENT HDF (Hauts-de-France)',
    vendor: OPEN_ENT_NG,
    casBase: 'https://enthdf.fr',
    aliases: ['ENT HDF', 'enthdf'],
    webDomains: ['enthdf.fr'],
    hosts: [
      portal('enthdf.fr', `${DOMAIN}; ${PY} (ent_hdf); ${PA_FILE('hdf.js')}`, '/auth/login'),
      identity('connexion.enthdf.fr', 'Litarvan/pronote-api issue 155 (« Choix de l’ENT »)'),
      portal('www.enthdf.fr', `${PA_FILE('ac-lille2.js')} (TARGET=https://www.enthdf.fr/)`),
    ],
  },
  {
    id: 'moncollege-var',
    name: 'Mon collège Var',
    vendor: OPEN_ENT_NG,
    casBase: 'https://moncollege-ent.var.fr',
    aliases: ['Moncollege-ent.var.fr'],
    webDomains: ['moncollege-ent.var.fr'],
    hosts: [portal('moncollege-ent.var.fr', `${DOMAIN}; ${PY} (ent_var)`)],
  },
  {
    id: 'educ-de-normandie',
    name: "L'educ de Normandie",
    vendor: OPEN_ENT_NG,
    casBase: 'https://ent.l-educdenormandie.fr',
    aliases: ['Educ de Normandie', 'l-educdenormandie'],
    webDomains: ['l-educdenormandie.fr'],
    hosts: [
      portal('ent.l-educdenormandie.fr', `${DOMAIN}; ${PY} (l_normandie)`),
      identity('connexion.l-educdenormandie.fr', PY_COMPLEX),
      portal('nero.l-educdenormandie.fr', `${PA_FILE('ac-rouen.js')} (académie de Rouen)`),
    ],
  },
  {
    id: 'ent-mayotte',
    name: 'ENT Mayotte',
    vendor: OPEN_ENT_NG,
    casBase: 'https://mayotte.opendigitaleducation.com',
    aliases: ['Mayotte'],
    webDomains: ['mayotte.opendigitaleducation.com'],
    hosts: [portal('mayotte.opendigitaleducation.com', `${PY} (ent_mayotte)`, '/auth/login')],
  },
  {
    id: 'neo-guadeloupe',
    name: 'NEO Guadeloupe',
    vendor: OPEN_ENT_NG,
    casBase: 'https://neoconnect.opendigitaleducation.com',
    aliases: ['Neoconnect', 'ENT Guadeloupe'],
    webDomains: ['neoconnect.opendigitaleducation.com'],
    hosts: [portal('neoconnect.opendigitaleducation.com', `${PY} (neoconnect_guadeloupe)`, '/auth/login')],
  },
  {
    id: 'ent94',
    name: 'ENT 94',
    vendor: OPEN_ENT_NG,
    casBase: 'https://ent94.opendigitaleducation.com',
    aliases: ['ENT94'],
    webDomains: ['ent94.opendigitaleducation.com'],
    hosts: [portal('ent94.opendigitaleducation.com', `${PY} (ent_94); bain3/pronotepy commit 4c20f2f`, '/auth/login')],
  },
  {
    id: 'laclasse',
    name: 'Laclasse.com (Lyon)',
    casBase: 'https://www.laclasse.com',
    aliases: ['Laclasse', 'laclasse.com'],
    webDomains: ['laclasse.com'],
    hosts: [cas('www.laclasse.com', `${PY} (laclasse_lyon, laclasse_educonnect); ${PA_FILE('laclasse.js')}; Vexcited/PRONOTE issue 80`, '/sso/login')],
  },
  {
    id: 'toutatice',
    name: 'Toutatice (Rennes)',
    casBase: 'https://www.toutatice.fr',
    aliases: ['Toutatice', 'Académie de Rennes'],
    webDomains: ['toutatice.fr'],
    hosts: [portal('www.toutatice.fr', `${PY_COMPLEX} (ac_rennes); ${PA_FILE('toutatice.js')}; bain3/pronotepy issue 220`, '/portail/auth/MonEspace')],
  },
  {
    id: 'extranet-colleges-somme',
    name: 'Extranet Collèges de la Somme',
    casBase: 'https://www.colleges.cg80.fr',
    aliases: ['Colleges cg80', 'Extranet Somme'],
    webDomains: ['colleges.cg80.fr'],
    hosts: [portal('www.colleges.cg80.fr', `${PY} (extranet_colleges_somme); bain3/pronotepy commit bc0b3a4`, '/identification/identification.php')],
  },
  {
    id: 'ent-somme',
    name: 'ENT Somme (collèges)',
    casBase: 'https://college.entsomme.fr',
    aliases: ['entsomme'],
    webDomains: [],
    hosts: [
      retired(
        portal('college.entsomme.fr', `${PA} (somme); ${PA_FILE('somme.js')}`),
        'ent-hdf',
        'Litarvan/pronote-api issue 155 (for the Somme, the login is https://enthdf.fr/auth/login)',
      ),
    ],
  },
  {
    id: 'ac-reunion',
    name: 'Académie de La Réunion',
    casBase: 'https://sso.ac-reunion.fr',
    aliases: ['La Réunion', 'ac-reunion'],
    webDomains: [],
    hosts: [identity('sso.ac-reunion.fr', `${PY} (ac_reunion); bain3/pronotepy commit 8a03b6e`, '/saml/discovery/')],
  },
  {
    id: 'ac-poitiers',
    name: 'Académie de Poitiers',
    casBase: 'https://sp-ts.ac-poitiers.fr',
    aliases: ['Poitiers', 'ac-poitiers', 'ENT Poitiers'],
    webDomains: [],
    hosts: [
      identity('sp-ts.ac-poitiers.fr', `${PY} (ac_poitiers); bain3/pronotepy commit 9b0e787`, '/dispatcher/index2.php'),
      portal('ent.ac-poitiers.fr', 'bain3/pronotepy issue 145'),
    ],
  },
  {
    id: 'hubeduconnect',
    name: 'HubEduConnect (Index Éducation)',
    casBase: 'https://hubeduconnect.index-education.net',
    aliases: ['HubEduConnect', 'Hub EduConnect'],
    webDomains: [],
    hosts: [cas('hubeduconnect.index-education.net', `${PY_GENERIC} (_hubeduconnect); ${PY} (bordeaux)`, '/EduConnect/cas/login')],
  },
  {
    id: 'educonnect',
    name: 'ÉduConnect (identité nationale)',
    casBase: 'https://educonnect.education.gouv.fr',
    aliases: ['EduConnect', 'Édu Connect'],
    webDomains: [],
    hosts: [
      identity(
        'educonnect.education.gouv.fr',
        `${PY_GENERIC} (_educonnect); bain3/pronotepy issues 176 and 246; delphiki/hass-pronote issue 16 (/idp/profile/SAML2/Redirect/SSO)`,
        '/idp/profile/SAML2/Redirect/SSO',
      ),
    ],
  },
  {
    id: 'ent2d-bordeaux',
    name: 'ENT2D (Bordeaux)',
    casBase: 'https://ent2d.ac-bordeaux.fr',
    aliases: ['ENT2D', 'Argos Bordeaux'],
    webDomains: [],
    hosts: [
      retired(
        portal('ent2d.ac-bordeaux.fr', `${PA_FILE('ac-bordeaux2.js')}; ${PY} before commit 9c929b5 (ent2d_bordeaux)`),
        'hubeduconnect',
        'bain3/pronotepy commit 9c929b5 (ENT2D replaced by HubEduConnect; issues 272 and 280)',
      ),
      retired(identity('ds.ac-bordeaux.fr', `${PY} before commit 9c929b5 (ent2d_bordeaux WAYF)`), 'hubeduconnect', 'bain3/pronotepy commit 9c929b5'),
    ],
  },
  {
    id: 'oze-yvelines',
    name: 'OZE Yvelines (collèges)',
    casBase: 'https://ozecollege.yvelines.fr',
    aliases: ['OZE', 'Ozecollege'],
    webDomains: [],
    hosts: [
      retired(
        portal('ozecollege.yvelines.fr', `${PY} before commit 2299247 (oze)`),
        'ecollege78',
        'bain3/pronotepy issue 256 (« Oze is dead. Say hello to NEO »: ent.ecollege78.fr) and commit 2299247',
      ),
    ],
  },
  {
    id: 'wilapa',
    name: 'Wilapa (Guyane)',
    casBase: 'https://wilapa-guyane.com',
    aliases: ['Wilapa', 'Wilapa Guyane', 'ENT Guyane'],
    webDomains: ['wilapa-guyane.com'],
    hosts: [cas('wilapa-guyane.com', 'delphiki/hass-pronote issue 16 (wilapa-guyane.com/auth/saml/wayf?callback=…/cas/login?service=…)', '/cas/login')],
  },
];

/** True when every host of `project` is retired: its URLs are recognised, it adds no permission. */
export function isRetiredProject(project: Pick<EntProject, 'hosts'>): boolean {
  return project.hosts.length > 0 && project.hosts.every((h) => h.retired !== undefined);
}

/** Every known ENT project: the console's list first (seed order), then the others. */
export const ENT_PROJECTS: readonly EntProject[] = Object.freeze([
  ...SEED_PROJECTS.map((p) => Object.freeze({ ...p, inConsoleList: true, source: 'seed' as const })),
  ...OTHER_PROJECTS.map((p) => Object.freeze({ ...p, inConsoleList: false, source: 'client-libraries' as const })),
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
