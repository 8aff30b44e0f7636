/**
 * Column mapping of CSV files and pasted tables: which column holds which Person field, proposed from
 * French and English header synonyms (issue 3: Nom, Nom d'usage, Prénom, Date de naissance, Classe,
 * Profil, Identifiant, Login, Courriel...), shown on the mapping screen when unsure, saved as a
 * profile (plain JSON) and reused.
 */
import { foldIdentifier } from '../core/fold';
import type { Category, ReadablePersonField } from '../core/person';
import { categoryFromWord } from '../input/category-words';

/**
 * What a column holds. `name` is a plain "Nom" (family name: the usage name unless a "Nom d'usage"
 * column is filled); `child*` columns repeat once per child on guardians' rows (ONDE).
 */
export type DirectoryField =
  | ReadablePersonField
  | 'id'
  | 'login'
  | 'name'
  | 'category'
  | 'structure'
  | 'childId'
  | 'childLastName'
  | 'childName'
  | 'childFirstName'
  | 'childBirthDate'
  | 'childClass'
  | 'ignore';

/** A saved or proposed mapping. JSON-serialisable. */
export interface ColumnMapping {
  /** Profile name when saved by the user. */
  name?: string;
  /** Headers as read, in order (for display and to check that a saved profile fits a file). */
  headers: string[];
  /** Per column index: the field it holds, or null when not recognised. */
  columns: (DirectoryField | null)[];
  /** Category of every row when no column says it (from the file name or headers). */
  category?: Category;
}

const CHILD = '(?:enfants?|eleves? rattaches?|child(?:ren)?)';
const SYNONYMS: [DirectoryField, RegExp][] = [
  ['childId', new RegExp(`^(id|identifiant|uid) ${CHILD}$`)],
  ['childLastName', new RegExp(`^nom (d )?usage ${CHILD}$`)],
  ['childName', new RegExp(`^nom( de famille)? ${CHILD}$`)],
  ['childFirstName', new RegExp(`^prenoms? ${CHILD}$`)],
  ['childBirthDate', new RegExp(`^date (de )?naissance ${CHILD}$`)],
  ['childClass', new RegExp(`^classes? ${CHILD}$`)],
  [
    'id',
    /^(id|ident|identifiant|identifiant ent|id ent|ent id|uid|external ?id|identifiant du compte|account id|jointure|ent ?person ?jointure|id partenaire|numero|matricule|ine|identifiant national)( (eleve|responsable|enseignant|personnel))?$/,
  ],
  ['login', /^(login|identifiant de connexion|nom d utilisateur|username|user name|compte)( (eleve|responsable|enseignant|personnel))?$/],
  ['lastName', /^(nom (d )?usage|usage name|nom marital)( (eleve|responsable|enseignant|personnel))?$/],
  [
    'birthName',
    /^(nom de naissance|nom patronymique|nom de jeune fille|birth name|maiden name|ent ?person ?nom ?patro)( (eleve|responsable|enseignant|personnel))?$/,
  ],
  ['name', /^(nom|nom de famille|last ?name|surname|family name|sn)( (eleve|responsable|enseignant|personnel))?$/],
  ['otherFirstNames', /^(autres? prenoms?|prenoms? secondaires?|other (first|given) names?|middle names?)( (eleve|responsable))?$/],
  ['firstName', /^(prenom|first ?name|given ?name|forename)( (eleve|responsable|enseignant|personnel))?$/],
  ['birthDate', /^(date (de )?naissance|naissance|ne le|nee le|birth ?date|date of birth|dob|ent ?person ?date ?naissance)( (eleve|responsable))?$/],
  ['sex', /^(sexe|genre|sex|gender)( (eleve|responsable))?$/],
  ['civility', /^(civilite|titre|title|personal ?title)( (eleve|responsable|enseignant|personnel))?$/],
  ['classes', /^(classes?|divisions?|class(es)?)( (eleve|enseignant))?$/],
  ['email', /^(courriel|e ?mail|mail|adresse (e ?)?mail|adresse electronique|email address)( (eleve|responsable|enseignant|personnel))?$/],
  ['postalCode', /^(cp|cp ?1|code postal|postal ?code|zip( code)?)( (eleve|responsable))?$/],
  ['category', /^(profil|profils|profile|categorie|category|type|type de compte|role|population)$/],
  ['structure', /^(uai|rne|code uai|etablissement|structure|ecole|school)$/],
];

/** Headers known to hold nothing Passerelle needs (addresses, phones, ONDE school-life columns). */
const IGNORED =
  /^(adresse|commune|ville|pays|tel|telephone|portable|numero de poste|cycle|niveau|attestation|autorisation|decision|directeur|regime|cp ?2|fax|code|date (d )?(entree|sortie)|statut|lien|observations?|remarques?)/;

/** The field a header names, `ignore` for known-but-unused headers, null when not recognised. */
export function fieldOfHeader(header: string): DirectoryField | null {
  const h = foldIdentifier(header);
  if (!h) return null;
  for (const [field, re] of SYNONYMS) if (re.test(h)) return field;
  if (IGNORED.test(h)) return 'ignore';
  return null;
}

/** Category of a whole file from its name (`CSVExtraction-eleves.csv`) or, failing that, its headers. */
export function categoryOfFile(fileName: string, headers: string[]): Category | undefined {
  const words = foldIdentifier(fileName.replace(/\.[a-z0-9]+$/i, '')).split(' ');
  for (const w of words) {
    const c = categoryFromWord(w);
    if (c) return c;
  }
  const counts = new Map<Category, number>();
  for (const h of headers) {
    const hw = foldIdentifier(h).split(' ');
    if (hw.some((w) => /^enfants?$/.test(w))) continue;
    for (const w of hw) {
      const c = categoryFromWord(w);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let best: Category | undefined;
  for (const [c, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = c;
  return best;
}

/**
 * Proposes a mapping from headers.
 * @returns the mapping; whether it is sure (a name and a first name found, and a category known
 * from a column, the file name or the headers: unknown extra columns are only left unread); and
 * whether every header was recognised.
 */
export function proposeMapping(headers: string[], fileName: string): { mapping: ColumnMapping; sure: boolean; allRecognised: boolean } {
  const columns = headers.map(fieldOfHeader);
  const hasCategoryColumn = columns.includes('category');
  const category = hasCategoryColumn ? undefined : categoryOfFile(fileName, headers);
  const mapping: ColumnMapping = { headers, columns };
  if (category) mapping.category = category;
  const allRecognised = columns.every((c) => c !== null);
  const hasNames = (columns.includes('name') || columns.includes('lastName') || columns.includes('birthName')) && columns.includes('firstName');
  return { mapping, sure: hasNames && (hasCategoryColumn || !!category), allRecognised };
}
