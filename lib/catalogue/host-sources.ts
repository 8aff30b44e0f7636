/**
 * Where each login host of the catalogue (`projects.ts`) is seen, and where its retirement is
 * recorded: a repository with a path, commit or issue, the seed, or DOMAIN.md. Kept apart from the
 * hosts so that the content scripts, which need the hosts but never their sources, do not carry
 * these texts (issue 18: each content script at most 60 kB); `test/unit/catalogue/hosts.test.ts`
 * checks that every host has its source here and that nothing here names an unknown host.
 */

/** The sources of one host: where it is `seen`, and for a retired host where the change is recorded. */
export interface HostSource {
  seen: string;
  retired?: string;
}

// Where the hosts are seen. Paths are those of the repositories' default branches; for
// pronote-api, `src/cas/` as it stood before commit 9d44d19 (the post-mortem) removed it.
const SEED = 'seed §1 d (hosting console list)';
const PY = 'bain3/pronotepy pronotepy/ent/ent.py';
const PY_COMPLEX = 'bain3/pronotepy pronotepy/ent/complex_ent.py';
const PY_GENERIC = 'bain3/pronotepy pronotepy/ent/generic_func.py';
const PA = 'Litarvan/pronote-api src/cas/find.js';
const PA_FILE = (file: string) => `Litarvan/pronote-api src/cas/${file}`;
const DOMAIN = 'DOMAIN.md "Other CAS hosts seen in client libraries"';

/** Every host of `ENT_PROJECTS`, lower case, to its sources; in the catalogue's order. */
export const HOST_SOURCES: Readonly<Record<string, HostSource>> = {
  'cas.kosmoseducation.com': { seen: `${SEED}; ${PY} (cas_kosmos); ${PA_FILE('ljr-munich.js')}` },
  'cas.agora06.fr': { seen: `${SEED}; ${PY} (cas_agora06)` },
  'cas.arsene76.fr': { seen: `${SEED}; ${PY} (cas_arsene76)` },
  'cas.cybercolleges42.fr': { seen: `${SEED}; ${PY} (cas_cybercolleges42_edu)` },
  'cas.eclat-bfc.fr': { seen: `${SEED}; ${PY} (eclat_bfc); bain3/pronotepy issue 65` },
  'cas.ecollege.haute-garonne.fr': { seen: `${SEED}; ${PY} (ecollege_haute_garonne_edu)` },
  'cas.ent27.fr': { seen: `${SEED}; ${PY} (cas_ent27); ${PA_FILE('eure-normandie.js')}` },
  'cas.pdl.kosmoseducation.com': { seen: SEED },
  'cas.entcreuse.fr': { seen: `${SEED}; ${PY} (ent_creuse)` },
  'cas.ent.auvergnerhonealpes.fr': { seen: `${SEED}; ${PY} (ent_auvergnerhonealpe); ${PA_FILE('ac-lyon.js')}` },
  'cas.mon-ent-occitanie.fr': { seen: `${SEED}; ${PY} (occitanie_montpellier, occitanie_toulouse_edu)` },
  'cas.monbureaunumerique.fr': { seen: `${SEED}; ${PY} (monbureaunumerique); ${PA_FILE('ac-reims.js')}` },
  'cas.moncollege.valdoise.fr': { seen: `${SEED}; ${PY} (val_doise)` },
  'cas.webcollege.seinesaintdenis.fr': { seen: `${SEED}; ${PY} (cas_seinesaintdenis_edu)` },
  'cas.moncollege.valdemarne.fr': { seen: `${DOMAIN}; ${PY} (val_de_marne)` },
  'ent.netocentre.fr': { seen: `${DOMAIN}; ${PY} (ac_orleans_tours)` },
  'lycees.netocentre.fr': { seen: `${PA_FILE('ac-orleans-tours.js')}; Litarvan/pronote-api issue 229` },
  'auth.recia.fr': { seen: 'bain3/pronotepy issue 334 (the Orléans-Tours login moved to auth.recia.fr/cas/login)' },
  'cas3.e-lyco.fr': { seen: `${DOMAIN}; ${PY} (ent_elyco); ${PA_FILE('ac-nantes.js')}` },
  'www.e-lyco.fr': { seen: 'bain3/pronotepy issue 187' },
  'cas.savoirsnumeriques62.fr': { seen: `${DOMAIN}; ${PA_FILE('ac-lille.js')}` },
  'www.atrium-sud.fr': { seen: `${DOMAIN}; ${PY} (atrium_sud); ${PA_FILE('atrium-sud.js')}` },
  'cas.itslearning.com': { seen: `${DOMAIN}; bain3/pronotepy issues 211 and 236 (cas.itslearning.com/cas-prod/login?service=…)` },
  'leia.itslearning.com': { seen: 'bain3/pronotepy issue 211 (Leia, Corse)' },
  'fip.itslearning.com': { seen: `${PA_FILE('ac-caen.js')} (académie de Caen, /SP/bn/ and /ds-bn/)` },
  'ent77.seine-et-marne.fr': { seen: `${DOMAIN}; ${PY} (ent77); bain3/pronotepy issue 103` },
  'ent.ecollege78.fr': { seen: `${DOMAIN}; ${PY} (ent_ecollege78); bain3/pronotepy issue 256` },
  'www.moncollege-ent.essonne.fr': { seen: `${DOMAIN}; ${PY} (ent_essonne)` },
  'ent.iledefrance.fr': { seen: `${DOMAIN}; ${PY} (ile_de_france); Litarvan/pronote-api issue 164 (/cas/login?service=…); bain3/pronotepy issue 282` },
  'ent.parisclassenumerique.fr': { seen: `${DOMAIN}; ${PY} (paris_classe_numerique); Litarvan/pronote-api issue 135` },
  'mon.lyceeconnecte.fr': { seen: `${DOMAIN}; ${PY} (lyceeconnecte_aquitaine, lyceeconnecte_edu)` },
  'lyceeconnecte.fr': {
    seen: 'bain3/pronotepy pronotepy/ent.py before commit 3f4f0ee',
    retired: 'bain3/pronotepy commit 3f4f0ee (lyceeconnecte.fr → mon.lyceeconnecte.fr)',
  },
  'enthdf.fr': { seen: `${DOMAIN}; ${PY} (ent_hdf); ${PA_FILE('hdf.js')}` },
  'connexion.enthdf.fr': { seen: 'Litarvan/pronote-api issue 155 (« Choix de l’ENT »)' },
  'www.enthdf.fr': { seen: `${PA_FILE('ac-lille2.js')} (TARGET=https://www.enthdf.fr/)` },
  'moncollege-ent.var.fr': { seen: `${DOMAIN}; ${PY} (ent_var)` },
  'ent.l-educdenormandie.fr': { seen: `${DOMAIN}; ${PY} (l_normandie)` },
  'connexion.l-educdenormandie.fr': { seen: PY_COMPLEX },
  'nero.l-educdenormandie.fr': { seen: `${PA_FILE('ac-rouen.js')} (académie de Rouen)` },
  'mayotte.opendigitaleducation.com': { seen: `${PY} (ent_mayotte)` },
  'neoconnect.opendigitaleducation.com': { seen: `${PY} (neoconnect_guadeloupe)` },
  'ent94.opendigitaleducation.com': { seen: `${PY} (ent_94); bain3/pronotepy commit 4c20f2f` },
  'www.laclasse.com': { seen: `${PY} (laclasse_lyon, laclasse_educonnect); ${PA_FILE('laclasse.js')}; Vexcited/PRONOTE issue 80` },
  'www.toutatice.fr': { seen: `${PY_COMPLEX} (ac_rennes); ${PA_FILE('toutatice.js')}; bain3/pronotepy issue 220` },
  'www.colleges.cg80.fr': { seen: `${PY} (extranet_colleges_somme); bain3/pronotepy commit bc0b3a4` },
  'college.entsomme.fr': {
    seen: `${PA} (somme); ${PA_FILE('somme.js')}`,
    retired: 'Litarvan/pronote-api issue 155 (for the Somme, the login is https://enthdf.fr/auth/login)',
  },
  'sso.ac-reunion.fr': { seen: `${PY} (ac_reunion); bain3/pronotepy commit 8a03b6e` },
  'sp-ts.ac-poitiers.fr': { seen: `${PY} (ac_poitiers); bain3/pronotepy commit 9b0e787` },
  'ent.ac-poitiers.fr': { seen: 'bain3/pronotepy issue 145' },
  'hubeduconnect.index-education.net': { seen: `${PY_GENERIC} (_hubeduconnect); ${PY} (bordeaux)` },
  'educonnect.education.gouv.fr': {
    seen: `${PY_GENERIC} (_educonnect); bain3/pronotepy issues 176 and 246; delphiki/hass-pronote issue 16 (/idp/profile/SAML2/Redirect/SSO)`,
  },
  'ent2d.ac-bordeaux.fr': {
    seen: `${PA_FILE('ac-bordeaux2.js')}; ${PY} before commit 9c929b5 (ent2d_bordeaux)`,
    retired: 'bain3/pronotepy commit 9c929b5 (ENT2D replaced by HubEduConnect; issues 272 and 280)',
  },
  'ds.ac-bordeaux.fr': { seen: `${PY} before commit 9c929b5 (ent2d_bordeaux WAYF)`, retired: 'bain3/pronotepy commit 9c929b5' },
  'ozecollege.yvelines.fr': {
    seen: `${PY} before commit 2299247 (oze)`,
    retired: 'bain3/pronotepy issue 256 (« Oze is dead. Say hello to NEO »: ent.ecollege78.fr) and commit 2299247',
  },
  'wilapa-guyane.com': { seen: 'delphiki/hass-pronote issue 16 (wilapa-guyane.com/auth/saml/wayf?callback=…/cas/login?service=…)' },
};
