/**
 * The ENT projects whose CAS servers Pronote.net delegates to, as data.
 *
 * Sources:
 * - `seed` — the integration guide (seed section 1 d): the projects of the hosting console's list
 *   (the gear next to *Définir une délégation CAS*) with the CAS URL each one fills in.
 * - `client-libraries` — the other CAS hosts of DOMAIN.md ("Other CAS hosts seen in client
 *   libraries": pronotepy `pronotepy/ent/ent.py`, Litarvan/pronote-api `src/cas/find.js`). Their
 *   CAS base path is not published: the catalogue knows their host only.
 *
 * Vendors are given only where DOMAIN.md names them ("Words": Kosmos for Mon Bureau Numérique,
 * Eclat-BFC, Mon ENT Occitanie; the kosmoseducation.com hosts; Open ENT NG for the hosts DOMAIN.md
 * lists as such); elsewhere `vendor` is left out rather than guessed.
 *
 * `webDomains`: the domains under which the ENT's own web pages live (its schools' portals and its
 * admin pages), e.g. `monbureaunumerique.fr` for `https://clg-exemple.monbureaunumerique.fr/`.
 * Rule used: the CAS host without its `cas.`/`cas3.`/`www.` label. That is where the ENT admin
 * helper runs (PRODUCT.md §2, "Least privilege").
 */

export type CatalogueSource = 'seed' | 'client-libraries';

export interface EntProject {
  /** Stable identifier (kebab case), used in tests and saved settings. */
  id: string;
  /** The project's name as the hosting console's list shows it (seed spelling). */
  name: string;
  /** The ENT software vendor, when a source names it. */
  vendor?: 'Kosmos' | 'Edifice (Open ENT NG)';
  /** Canonical CAS base URL: `https://` + lower-case host (+ path when known), no trailing slash. */
  casBase: string;
  /** Other names people use for the project (matched tolerantly by `projectByName`). */
  aliases: string[];
  /** Domains of the ENT's own web pages (a match pattern `https://*.<domain>/*` covers each). */
  webDomains: string[];
  /** True for the projects of the hosting console's list (seed section 1 d). */
  inConsoleList: boolean;
  source: CatalogueSource;
}

const KOSMOS = 'Kosmos' as const;
const OPEN_ENT_NG = 'Edifice (Open ENT NG)' as const;

/** The hosting console's list (seed section 1 d), in the seed's order. */
const SEED_PROJECTS: Omit<EntProject, 'inConsoleList' | 'source'>[] = [
  { id: 'aefe', name: 'AEFE', vendor: KOSMOS, casBase: 'https://cas.kosmoseducation.com', aliases: ["Agence pour l'enseignement français à l'étranger"], webDomains: ['kosmoseducation.com'] },
  { id: 'agora06', name: 'Agora06', casBase: 'https://cas.agora06.fr', aliases: ['Agora 06'], webDomains: ['agora06.fr'] },
  { id: 'arsene76', name: 'Arsène76', casBase: 'https://cas.arsene76.fr', aliases: ['Arsène 76'], webDomains: ['arsene76.fr'] },
  { id: 'cybercolleges42', name: 'Cybercollèges42', casBase: 'https://cas.cybercolleges42.fr', aliases: ['Cybercollèges 42', 'Cybercolleges42'], webDomains: ['cybercolleges42.fr'] },
  { id: 'eclat-bfc', name: 'Eclat-BFC', vendor: KOSMOS, casBase: 'https://cas.eclat-bfc.fr', aliases: ['Éclat BFC', 'Eclat Bourgogne-Franche-Comté'], webDomains: ['eclat-bfc.fr'] },
  { id: 'e-college31', name: 'E-Collège31', casBase: 'https://cas.ecollege.haute-garonne.fr', aliases: ['E-Collège 31', 'eCollège31', 'ecollege haute-garonne'], webDomains: ['ecollege.haute-garonne.fr'] },
  { id: 'ent27', name: 'ENT27', casBase: 'https://cas.ent27.fr', aliases: ['ENT 27', 'ENT Eure'], webDomains: ['ent27.fr'] },
  { id: 'ent-kosmos', name: 'Ent Kosmos', vendor: KOSMOS, casBase: 'https://cas.pdl.kosmoseducation.com', aliases: ['Kosmos', 'ENT Kosmos PDL'], webDomains: ['pdl.kosmoseducation.com'] },
  { id: 'ent-creuse', name: "L'ENT Creuse", casBase: 'https://cas.entcreuse.fr', aliases: ['ENT Creuse'], webDomains: ['entcreuse.fr'] },
  { id: 'ent-auvergne-rhone-alpes', name: 'Ma classe en Auvergne-Rhône-Alpes', casBase: 'https://cas.ent.auvergnerhonealpes.fr', aliases: ['Ma classe en AURA', 'ENT Auvergne-Rhône-Alpes'], webDomains: ['ent.auvergnerhonealpes.fr'] },
  { id: 'mon-ent-occitanie', name: 'Mon ENT Occitanie', vendor: KOSMOS, casBase: 'https://cas.mon-ent-occitanie.fr', aliases: ['ENT Occitanie', 'MonENT Occitanie'], webDomains: ['mon-ent-occitanie.fr'] },
  { id: 'mon-bureau-numerique', name: 'Mon Bureau Numérique', vendor: KOSMOS, casBase: 'https://cas.monbureaunumerique.fr', aliases: ['MBN', 'monbureaunumerique'], webDomains: ['monbureaunumerique.fr'] },
  { id: 'moncollege-valdoise', name: 'Moncollege.valdoise.fr', casBase: 'https://cas.moncollege.valdoise.fr', aliases: ["Mon collège Val-d'Oise", 'Moncollege Valdoise'], webDomains: ['moncollege.valdoise.fr'] },
  { id: 'webcollege', name: 'Webcollege', casBase: 'https://cas.webcollege.seinesaintdenis.fr', aliases: ['Webcollège', 'Webcollège Seine-Saint-Denis', 'Webcollege 93'], webDomains: ['webcollege.seinesaintdenis.fr'] },
];

/** The other CAS hosts of DOMAIN.md (client libraries); names are those the hosts are known by. */
const OTHER_PROJECTS: Omit<EntProject, 'inConsoleList' | 'source'>[] = [
  { id: 'moncollege-valdemarne', name: 'Mon collège Val-de-Marne', casBase: 'https://cas.moncollege.valdemarne.fr', aliases: ['Moncollege.valdemarne.fr'], webDomains: ['moncollege.valdemarne.fr'] },
  { id: 'netocentre', name: 'Netocentre (Centre-Val de Loire)', casBase: 'https://ent.netocentre.fr', aliases: ['Netocentre', 'ENT Centre-Val de Loire'], webDomains: ['netocentre.fr'] },
  { id: 'e-lyco', name: 'e-lyco (Nantes)', casBase: 'https://cas3.e-lyco.fr', aliases: ['e-lyco', 'elyco'], webDomains: ['e-lyco.fr'] },
  { id: 'savoirs-numeriques-62', name: 'Savoirs numériques 62', casBase: 'https://cas.savoirsnumeriques62.fr', aliases: ['Savoirsnumeriques62'], webDomains: ['savoirsnumeriques62.fr'] },
  { id: 'atrium-sud', name: 'Atrium Sud', casBase: 'https://www.atrium-sud.fr', aliases: ['Atrium'], webDomains: ['atrium-sud.fr'] },
  { id: 'itslearning', name: 'itslearning', casBase: 'https://cas.itslearning.com', aliases: [], webDomains: ['itslearning.com'] },
  { id: 'ent77', name: 'ENT77 (Seine-et-Marne)', vendor: OPEN_ENT_NG, casBase: 'https://ent77.seine-et-marne.fr', aliases: ['ENT77', 'ENT 77'], webDomains: ['ent77.seine-et-marne.fr'] },
  { id: 'ecollege78', name: 'eCollège 78', vendor: OPEN_ENT_NG, casBase: 'https://ent.ecollege78.fr', aliases: ['ecollege78', 'ENT Yvelines'], webDomains: ['ecollege78.fr'] },
  { id: 'moncollege-essonne', name: 'Mon collège Essonne', vendor: OPEN_ENT_NG, casBase: 'https://www.moncollege-ent.essonne.fr', aliases: ['Moncollege-ent.essonne.fr'], webDomains: ['moncollege-ent.essonne.fr'] },
  { id: 'monlycee-net', name: 'Monlycée.net (Île-de-France)', vendor: OPEN_ENT_NG, casBase: 'https://ent.iledefrance.fr', aliases: ['Monlycee.net', 'ENT Île-de-France'], webDomains: ['ent.iledefrance.fr'] },
  { id: 'paris-classe-numerique', name: 'Paris Classe Numérique', vendor: OPEN_ENT_NG, casBase: 'https://ent.parisclassenumerique.fr', aliases: ['PCN'], webDomains: ['parisclassenumerique.fr'] },
  { id: 'lycee-connecte', name: 'Lycée connecté', vendor: OPEN_ENT_NG, casBase: 'https://mon.lyceeconnecte.fr', aliases: ['Lyceeconnecte', 'ENT Nouvelle-Aquitaine'], webDomains: ['lyceeconnecte.fr'] },
  { id: 'ent-hdf', name: 'ENT HDF (Hauts-de-France)', vendor: OPEN_ENT_NG, casBase: 'https://enthdf.fr', aliases: ['ENT HDF', 'enthdf'], webDomains: ['enthdf.fr'] },
  { id: 'moncollege-var', name: 'Mon collège Var', vendor: OPEN_ENT_NG, casBase: 'https://moncollege-ent.var.fr', aliases: ['Moncollege-ent.var.fr'], webDomains: ['moncollege-ent.var.fr'] },
  { id: 'educ-de-normandie', name: "L'educ de Normandie", vendor: OPEN_ENT_NG, casBase: 'https://ent.l-educdenormandie.fr', aliases: ['Educ de Normandie', 'l-educdenormandie'], webDomains: ['l-educdenormandie.fr'] },
];

/** Every known ENT project: the console's list first (seed order), then the other CAS hosts. */
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
