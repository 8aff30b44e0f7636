/**
 * Index Éducation's partner export layout, once decrypted (DOMAIN.md, "The Pronote identifier
 * export": edificeio/entcore `feeder/.../timetable/edt/`), read exactly.
 *
 * Conventions this reader accepts (the generator `scripts/generate.ts` writes to them):
 * - Any root element (e.g. `<EXPORT_IDENTIFIANTS>`), and optional plural containers around the
 *   persons (`Professeurs`, `Personnels`, `Eleves`, `Responsables`, `MaitresDeStage`,
 *   `InspecteursPedagogiques`, or any other container element).
 * - One element per person: `Professeur` (teacher), `Personnel` (staff), `Eleve` (student),
 *   `Responsable` (guardian), `MaitreDeStage` (supervisor), `InspecteurPedagogique` (inspector).
 *   A `Responsable` inside an `Eleve` is a link, not a person.
 * - Data in attributes: `Ident`, `IDPN`, `Nom`, `Prenom`, `DateNaissance` (dd/mm/yyyy; yyyy-mm-dd
 *   also read), and when present `NomNaissance`, `AutresPrenoms`, `Sexe` (M/F, Masculin/Feminin),
 *   `Civilite`, `EMail`, `CodePostal`.
 * - Students: child elements `<Classe Nom="3A"/>` (one per class) and `<Responsable Ident="..."/>`
 *   (one per guardian, by the guardian's `Ident`). The links may instead sit on the guardian
 *   (`<Eleve Ident>` or `<Enfant>` children, `<Enfants>` lists, `Enfants="a,b"`) or be absent: the
 *   reader finds the link field by its values (link-fields.ts).
 * - Export kind (export-kind.ts): a root attribute or a top-level element saying the option, e.g.
 *   `UniquementSansIdentifiantsCAS="1"` / `"0"`, or a text such as
 *   `Option="Uniquement les utilisateurs sans identifiants CAS"`; otherwise the kind is unknown.
 *
 * | Person field    | partner export source                                                      |
 * | --------------- | -------------------------------------------------------------------------- |
 * | id              | `IDPN` (idKind `IDPN`); else `Ident` (idKind `Ident`: staff have no IDPN)  |
 * | category        | element name (above)                                                       |
 * | lastName        | `Nom`                                                                      |
 * | birthName       | `NomNaissance` when present and different                                  |
 * | firstName       | `Prenom`                                                                   |
 * | otherFirstNames | `AutresPrenoms` (comma-separated)                                          |
 * | birthDate       | `DateNaissance`                                                            |
 * | sex, civility   | `Sexe`, `Civilite`                                                         |
 * | classes         | `Classe` children's `Nom`                                                  |
 * | email           | `EMail`                                                                    |
 * | postalCode      | `CodePostal`                                                               |
 * | guardians       | `Responsable` children's `Ident`, turned into the guardian's id            |
 * | children        | the guardian's link field when it has one (link-fields.ts), and the students that name it |
 * | raw             | every attribute, and child elements' names → values                        |
 */
import type { XmlNode } from '../input/xml';
import type { MappingProfile } from './mapping-profile';

export const PARTNER_ELEMENTS = {
  teacher: 'Professeur',
  staff: 'Personnel',
  student: 'Eleve',
  guardian: 'Responsable',
  supervisor: 'MaitreDeStage',
  inspector: 'InspecteurPedagogique',
} as const;

/** The partner layout as a mapping profile. */
export const PARTNER_PROFILE: MappingProfile = {
  name: 'Export partenaire Index Éducation',
  categories: {
    teacher: { element: PARTNER_ELEMENTS.teacher },
    student: { element: PARTNER_ELEMENTS.student },
    guardian: { element: PARTNER_ELEMENTS.guardian },
    supervisor: { element: PARTNER_ELEMENTS.supervisor },
    inspector: { element: PARTNER_ELEMENTS.inspector },
    staff: { element: PARTNER_ELEMENTS.staff },
  },
  fields: {
    id: 'IDPN',
    ident: 'Ident',
    lastName: 'Nom',
    birthName: 'NomNaissance',
    firstName: 'Prenom',
    otherFirstNames: 'AutresPrenoms',
    birthDate: 'DateNaissance',
    sex: 'Sexe',
    civility: 'Civilite',
    classes: 'Classe',
    email: 'EMail',
    postalCode: 'CodePostal',
    guardians: 'Responsable',
  },
};

const NAMES = new Set<string>(Object.values(PARTNER_ELEMENTS));

/**
 * True when the tree is in the partner layout: person elements of the six names carrying `Ident` or
 * `IDPN` attributes (at least half of them, so that a look-alike with other keys goes to the sniffer).
 */
export function isPartnerLayout(root: XmlNode): boolean {
  let persons = 0;
  let keyed = 0;
  const walk = (node: XmlNode) => {
    for (const c of node.children) {
      if (NAMES.has(c.name)) {
        persons++;
        if ('Ident' in c.attrs || 'IDPN' in c.attrs) keyed++;
      } else walk(c);
    }
  };
  walk(root);
  return persons > 0 && keyed * 2 >= persons;
}
