/**
 * Student ↔ guardian links, made symmetric: a link known from either side (AAF students'
 * `ENTElevePersRelEleve`, partner-export students' `Responsable` children, ONDE guardians' child
 * columns) is written on both persons, with the legal-representative flag when one side knows it.
 */
import type { Person, Relation } from '../core/person';

function addRelation(list: Relation[], rel: Relation): void {
  let existing: Relation | undefined;
  for (let i = 0; i < list.length; i++) {
    if (list[i].id === rel.id) {
      existing = list[i];
      break;
    }
  }
  // An explicit copy, not `{ ...rel }`: V8 copies a spread through a slow generic path. Every
  // relation here is `{ id, legal }` (the callers below build them so).
  if (!existing) list.push({ id: rel.id, legal: rel.legal });
  else if (existing.legal === undefined && rel.legal !== undefined) existing.legal = rel.legal;
}

/**
 * Completes `student.guardians` and `guardian.children` in place. Links to ids absent from `persons`
 * are kept on the side that named them (the other person may be in a file not given).
 * @returns the number of links whose two ends were both found.
 */
export function completeRelations(persons: Person[]): number {
  const students = new Map<string, Person>();
  const guardians = new Map<string, Person>();
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i];
    if (p.category === 'student') students.set(p.id, p);
    else if (p.category === 'guardian') guardians.set(p.id, p);
  }
  let both = 0;
  for (const s of students.values()) {
    const links = s.guardians;
    for (let i = 0; i < links.length; i++) {
      const rel = links[i];
      const g = guardians.get(rel.id);
      if (g) addRelation(g.children, { id: s.id, legal: rel.legal });
    }
  }
  for (const g of guardians.values()) {
    const links = g.children;
    for (let i = 0; i < links.length; i++) {
      const rel = links[i];
      const s = students.get(rel.id);
      if (!s) continue;
      addRelation(s.guardians, { id: g.id, legal: rel.legal });
      both++;
      // A guardian's schools are its children's schools (AAF guardians carry no structure).
      for (let k = 0; k < s.structures.length; k++) if (!g.structures.includes(s.structures[k])) g.structures.push(s.structures[k]);
    }
  }
  return both;
}
