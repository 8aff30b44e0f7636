/**
 * Category names as files write them → the six Pronote categories (DOMAIN.md, "The six Pronote
 * categories"): French and English, with or without accents, singular or plural, element names
 * (`MaitreDeStage`, `InspecteursPedagogiques`), AAF categories and the `National_n` codes that Open
 * ENT NG releases (DOMAIN.md, recognition mode 1).
 */
import type { Category } from '../core/person';
import { compact } from './words';

const PATTERNS: [Category, RegExp][] = [
  ['supervisor', /^(maitres?(de)?stages?|tuteurs?(de)?stages?|(internship)?supervisors?|entreprises?)$/],
  ['inspector', /^(inspecteurs?(pedagogiques?)?|inspectors?|ipr|ien|academies?)$/],
  ['teacher', /^(professeurs?|profs?|enseignants?|teachers?|national3|ens)$/],
  ['student', /^(eleves?|etudiants?|students?|pupils?|national1|apprenants?)$/],
  ['guardian', /^(responsables?(legal|legaux)?|parents?|guardians?|relatives?|persreleleves?|representants?legaux|national2|tuteurs?)$/],
  ['staff', /^(personnels?|staffs?|employees?|national4|persadmin|agents?|viescolaire|direction|administratifs?|persadministratifs?)$/],
];

/**
 * @returns the category named by `word`, or undefined when it names none. `PersEducNat` is not a
 * category by itself (teachers and staff): it returns undefined.
 */
export function categoryFromWord(word: string): Category | undefined {
  const c = compact(word);
  if (!c) return undefined;
  for (const [category, re] of PATTERNS) if (re.test(c)) return category;
  return undefined;
}
