/**
 * The directory as one CSV (`;`, UTF-8 with a BOM, French headers as a school secretary's export
 * has them: Identifiant;Nom;Nom de naissance;Prénom;Autres prénoms;Date de naissance;Civilité;
 * Profil;Classe;Courriel;Code postal;Établissement, then, as ONDE does, repeated child columns on
 * guardians' rows: Identifiant enfant;Nom enfant;Prénom enfant;Classe enfant) and the truth
 * (`truth.csv`: category,pronote_id,ent_id; ent_id empty when the person has no ENT account).
 */
import type { Category, Person } from '../../lib/core/person';
import type { TruthRow } from './sides';
import type { OutputFile } from './write-aaf';
import { frenchDate } from './xml-text';

const PROFILE: Partial<Record<Category, string>> = {
  student: 'Élève',
  guardian: 'Responsable',
  teacher: 'Enseignant',
  staff: 'Personnel',
};

function cell(value: string | undefined): string {
  return `"${(value ?? '').replace(/"/g, '""')}"`;
}

/** The directory CSV (see the file's comment). */
export function directoryCsv(directory: Person[], name = 'annuaire.csv'): OutputFile {
  return {
    name,
    chunks: function* () {
      const byId = new Map<string, Person>();
      let maxChildren = 0;
      for (const p of directory) {
        if (p.category === 'student') byId.set(p.id, p);
        if (p.category === 'guardian') maxChildren = Math.max(maxChildren, p.children.length);
      }
      const headers = [
        'Identifiant',
        'Nom',
        'Nom de naissance',
        'Prénom',
        'Autres prénoms',
        'Date de naissance',
        'Civilité',
        'Profil',
        'Classe',
        'Courriel',
        'Code postal',
        'Établissement',
      ];
      for (let i = 0; i < maxChildren; i++) headers.push('Identifiant enfant', 'Nom enfant', 'Prénom enfant', 'Classe enfant');
      yield `\ufeff${headers.map(cell).join(';')}\r\n`;
      for (const p of directory) {
        const profile = PROFILE[p.category];
        if (!profile) continue;
        const row = [
          p.id,
          p.lastName,
          p.birthName,
          p.firstName,
          p.otherFirstNames.join(', '),
          frenchDate(p.birthDate),
          p.civility,
          profile,
          p.classes.join(', '),
          p.email,
          p.postalCode,
          p.structures[0],
        ];
        for (let i = 0; i < maxChildren; i++) {
          const child = p.children[i] ? byId.get(p.children[i].id) : undefined;
          row.push(p.children[i]?.id, child?.lastName, child?.firstName, child?.classes[0]);
        }
        yield `${row.map(cell).join(';')}\r\n`;
      }
    },
  };
}

/** `truth.csv` (see the file's comment). */
export function truthCsv(truth: TruthRow[]): OutputFile {
  return {
    name: 'truth.csv',
    chunks: function* () {
      yield 'category,pronote_id,ent_id\n';
      for (const t of truth) yield `${t.category},${t.pronoteId},${t.entId}\n`;
    },
  };
}
