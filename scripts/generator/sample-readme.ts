/** The README of `sample/` (French first, then English), with the counts of the sample written. */
import { CATEGORIES, type Category, type Person } from '../../lib/core/person';
import type { Generated } from './index';
import type { OutputFile } from './write-aaf';

const FR: Record<Category, string> = {
  teacher: 'enseignants',
  student: 'élèves',
  guardian: 'responsables',
  supervisor: 'maîtres de stage',
  inspector: 'inspecteurs pédagogiques',
  staff: 'personnels',
};

function count(persons: Person[], c: Category): number {
  return persons.filter((p) => p.category === c).length;
}

export function sampleReadme(g: Generated, seed: number): OutputFile {
  const fr = CATEGORIES.map((c) => `${count(g.pronote, c)} ${FR[c]}`).join(', ');
  const en = CATEGORIES.map((c) => `${count(g.pronote, c)} ${c}s`).join(', ');
  const frEnt = CATEGORIES.filter((c) => count(g.directory, c))
    .map((c) => `${count(g.directory, c)} ${FR[c]}`)
    .join(', ');
  const enEnt = CATEGORIES.filter((c) => count(g.directory, c))
    .map((c) => `${count(g.directory, c)} ${c}s`)
    .join(', ');
  const text = `# Données d'exemple / Sample data

Données **inventées** (aucune personne réelle), produites par \`npx tsx scripts/generate.ts --sample\` (graine ${seed}).
Invented data (no real person), written by \`npx tsx scripts/generate.ts --sample\` (seed ${seed}).

## Français

Un établissement fictif, ${g.school.name} (UAI ${g.school.uai}, structure AAF ${g.school.structureId}).

| fichier | contenu |
| --- | --- |
| \`pronote-export.xml\` | L'export des identifiants PRONOTE (format partenaire, tous les utilisateurs) : ${fr}. |
| \`pronote-edt.xml\` | Les mêmes personnes dans une mise en page « EDT » (tables, windows-1252), pour la reconnaissance automatique du format. |
| \`pronote-english.xml\` | Les mêmes personnes avec des noms d'éléments en anglais. |
| \`aaf/\` | L'annuaire de l'ENT au format AAF (ficAlimMENESR) : ${frEnt} ; et l'établissement (fichier EtabEducNat, UAI ${g.school.uai}). |
| \`annuaire.csv\` | Le même annuaire en CSV (séparateur \`;\`, UTF-8), avec les enfants des responsables en colonnes répétées. |
| \`truth.csv\` | La vérité : pour chaque personne de Pronote, son compte ENT (\`category,pronote_id,ent_id\`, vide quand elle n'en a pas). |

Les deux côtés diffèrent comme sur le terrain : accents perdus, prénoms composés avec tiret ou espace,
fautes de frappe, jour et mois inversés, dates manquantes, responsables sous leur nom de naissance,
anciens élèves encore dans l'ENT, nouveaux élèves pas encore dans l'ENT, grands-parents ayant accès à
Pronote sans compte ENT, homonymes et jumeaux, doublons, maîtres de stage et inspecteurs sans compte ENT.

## English

A made-up school, ${g.school.name} (UAI ${g.school.uai}, AAF structure ${g.school.structureId}).

| file | what |
| --- | --- |
| \`pronote-export.xml\` | The PRONOTE identifier export (partner layout, all users): ${en}. |
| \`pronote-edt.xml\` | The same people in an "EDT" table layout (windows-1252), for layout sniffing. |
| \`pronote-english.xml\` | The same people with English element names. |
| \`aaf/\` | The ENT directory as AAF files (ficAlimMENESR): ${enEnt}; and the school (EtabEducNat file, UAI ${g.school.uai}). |
| \`annuaire.csv\` | The same directory as CSV (\`;\`, UTF-8), guardians' children in repeated columns. |
| \`truth.csv\` | The truth: each Pronote person's ENT account (\`category,pronote_id,ent_id\`, empty when none). |

The two sides differ as in the field: lost accents, hyphen or space in compound given names, typos,
day/month swaps, missing birth dates, guardians under their birth name, former students still in the
ENT, new students not yet in it, grandparents with Pronote access and no ENT account, homonyms and
twins, duplicates, internship supervisors and inspectors without an ENT account.

Essayer / Try : \`npm run reconcile -- --sample --out resultats\` (écrit mapping.csv, report.html et summary.json dans le dossier resultats / writes them to the folder resultats).
Avec l'établissement / With the school : \`npm run reconcile -- --sample --uai ${g.school.uai} --out resultats\`.
`;
  return { name: 'README.md', chunks: () => [text] };
}
