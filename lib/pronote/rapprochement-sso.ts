/**
 * Index Éducation's RapprochementSSO V2.0 file (../shared/data/schemas/RapprochementSSO.xsd,
 * namespace `http://www.index-education.com/rapprochementssoV2.0`, elements namespace-qualified):
 * pairs already made between Pronote persons (`Ident`) and ENT accounts (`ID_Partenaire`), read as
 * earlier decisions of kind `manual` (PRODUCT.md, "Identifiers").
 *
 * | Decision / Person field | source                                                              |
 * | ----------------------- | ------------------------------------------------------------------- |
 * | category                | list: `Professeurs/Professeur` teacher, `Personnels/Personnel`      |
 * |                         | staff, `Responsables/Responsable` guardian, `Eleves/Eleve` student  |
 * | pronoteId, Person.id    | `Ident` (idKind `Ident`)                                            |
 * | entId                   | `ID_Partenaire`                                                     |
 * | decidedAt               | root `Date` (xs:dateTime), else the time of reading                 |
 * | lastName, firstName     | `Nom`, `Prenom`                                                     |
 * | birthDate, sex          | `DateNaissance` (xs:date), `Sexe` (Masculin/Feminin)                |
 * | postalCode              | `CodePostal`                                                        |
 * | guardians               | students' `Responsable` children's `Ident`                          |
 */
import { parseDate } from '../input/dates';
import { clean, newPerson, parseSex } from '../input/person-draft';
import { openInput } from '../input/open';
import { completeRelations } from '../input/relations';
import type { InputFile } from '../input/source';
import { readXmlTree, type XmlNode } from '../input/xml';
import type { Decision } from '../matching/types';
import { type Category, InputError, type NotRead, type Person } from '../core/person';

const LISTS: Record<string, [string, Category]> = {
  Professeurs: ['Professeur', 'teacher'],
  Personnels: ['Personnel', 'staff'],
  Responsables: ['Responsable', 'guardian'],
  Eleves: ['Eleve', 'student'],
};

export interface SsoReadResult {
  decisions: Decision[];
  persons: Person[];
  notRead: NotRead[];
}

function isoDateTime(value: string | undefined): string {
  if (value && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return new Date().toISOString();
}

/** Reads a parsed RapprochementSSO tree (root `PARTENAIRE_INDEX`). */
export function readSsoTree(root: XmlNode, source: string): SsoReadResult {
  const decidedAt = isoDateTime(root.attrs.Date);
  const decisions: Decision[] = [];
  const persons: Person[] = [];
  const notRead: NotRead[] = [];
  for (const list of root.children) {
    const kind = LISTS[list.name];
    if (!kind) continue;
    const [element, category] = kind;
    let rank = 0;
    for (const node of list.children) {
      if (node.name !== element) continue;
      rank++;
      const location = `${element}[${rank}], l. ${node.line}`;
      const ident = clean(node.attrs.Ident);
      const entId = clean(node.attrs.ID_Partenaire);
      if (!ident || !entId) {
        notRead.push({
          source,
          location,
          reason: {
            fr: `Paire incomplète\u202f: ${ident ? '' : 'Ident manquant'}${!ident && !entId ? ', ' : ''}${entId ? '' : 'ID_Partenaire manquant'}.`,
            en: `Incomplete pair: ${ident ? '' : 'Ident missing'}${!ident && !entId ? ', ' : ''}${entId ? '' : 'ID_Partenaire missing'}.`,
          },
          excerpt: Object.entries(node.attrs)
            .map(([k, v]) => `${k}="${v}"`)
            .join(' ')
            .slice(0, 300),
        });
        continue;
      }
      decisions.push({ category, pronoteId: ident, kind: 'manual', entId, decidedAt });
      const p = newPerson({
        side: 'pronote',
        source,
        location,
        category,
        id: ident,
        idKind: 'Ident',
        lastName: clean(node.attrs.Nom) ?? '',
        firstName: clean(node.attrs.Prenom) ?? '',
      });
      const birthDate = parseDate(node.attrs.DateNaissance);
      if (birthDate) p.birthDate = birthDate;
      const sex = parseSex(node.attrs.Sexe);
      if (sex) p.sex = sex;
      const postalCode = clean(node.attrs.CodePostal);
      if (postalCode) p.postalCode = postalCode;
      if (category === 'student') {
        for (const c of node.children) if (c.name === 'Responsable' && c.attrs.Ident) p.guardians.push({ id: c.attrs.Ident });
      }
      p.raw = { ...node.attrs };
      persons.push(p);
    }
  }
  completeRelations(persons);
  return { decisions, persons, notRead };
}

/**
 * Reads a RapprochementSSO V2.0 file as earlier decisions (`kind: 'manual'`, `pronoteId` = `Ident`,
 * `entId` = `ID_Partenaire`).
 * @throws InputError when the file is not usable XML or not a RapprochementSSO file.
 */
export function readRapprochementSso(file: InputFile): Decision[] {
  const { text } = openInput(file, 'pronote');
  const root = readXmlTree(text, file.name);
  if (root.name !== 'PARTENAIRE_INDEX') {
    throw new InputError(
      {
        fr: `Le fichier «\u202f${file.name}\u202f» n’est pas un fichier RapprochementSSO (élément racine <${root.name}>, attendu <PARTENAIRE_INDEX>).`,
        en: `The file "${file.name}" is not a RapprochementSSO file (root element <${root.name}>, expected <PARTENAIRE_INDEX>).`,
      },
      file.name,
      'wrong-kind',
    );
  }
  return readSsoTree(root, file.name).decisions;
}
