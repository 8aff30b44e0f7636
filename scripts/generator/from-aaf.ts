/**
 * From-AAF mode: the people of a real ENT directory (persons read from AAF files by
 * `lib/directory`) become the population; the directory side stays exactly as read, and the
 * Pronote side is drawn from it with the field's noise, plus what only Pronote holds: new students
 * and their families (3 %), guardians given access without being legal representatives, internship
 * supervisors and inspectors, a few duplicate records. 4 % of the directory's students are taken as
 * former students (ENT only). So a Pronote export pairs with `../shared/data/aaf-entcore`.
 */
import type { Person } from '../../lib/core/person';
import { drawGivenName } from './names';
import { type Individual, PopulationBuilder, type School, TARGET_RATES, drawBirthDate, makeSchool, staffCounts } from './population';
import type { Random } from './prng';

function sexOf(random: Random, person: Person): 'M' | 'F' {
  if (person.sex) return person.sex;
  if (person.civility === 'M.' || person.civility === 'M') return 'M';
  if (person.civility === 'Mme' || person.civility === 'Mlle') return 'F';
  return random.chance(0.5) ? 'M' : 'F';
}

/**
 * Builds the population of the from-AAF mode from directory persons (students, guardians,
 * teachers, staff; relations by account id).
 * @throws RangeError when `persons` holds no student.
 */
export function fromAafPopulation(random: Random, persons: Person[]): { people: Individual[]; school: School } {
  const r = random;
  const students = persons.filter((p) => p.category === 'student');
  if (students.length === 0) throw new RangeError('the directory holds no student: nothing to draw a Pronote export from');
  const structureCounts = new Map<string, number>();
  for (const s of students) for (const id of s.structures) structureCounts.set(id, (structureCounts.get(id) ?? 0) + 1);
  const mainStructure = [...structureCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const school = makeSchool(r, students.length, mainStructure);
  const builder = new PopulationBuilder(r, school);
  const people = builder.people;

  const guardians = persons.filter((p) => p.category === 'guardian');
  const withBirthName = guardians.filter((g) => g.birthName && g.birthName.toUpperCase() !== g.lastName.toUpperCase()).length;
  const birthNameChance = withBirthName ? Math.min(1, (TARGET_RATES.guardianBirthName * guardians.length) / withBirthName) : 0;

  const indexById = new Map<string, number>();
  for (const p of persons) {
    const sex = sexOf(r, p);
    const birthName = p.birthName && p.birthName.toUpperCase() !== p.lastName.toUpperCase() ? p.birthName : undefined;
    const ind: Individual = {
      category: p.category,
      presence: 'both',
      tag: p.category === 'student' ? 'current' : 'staff-member',
      lastName: p.lastName,
      birthName,
      firstName: p.firstName,
      otherFirstNames: [...p.otherFirstNames],
      birthDate: p.birthDate,
      sex,
      civility: p.civility ?? '',
      classes: [...p.classes],
      email: p.email,
      postalCode: p.postalCode,
      structure: p.structures[0] ?? '',
      guardians: [],
      entPerson: p,
    };
    if (p.category === 'student' && r.chance(TARGET_RATES.formerStudentsEntOnly)) {
      ind.presence = 'ent';
      ind.tag = 'former-ent';
    }
    if (p.category === 'guardian') ind.pronoteBirthName = birthName !== undefined && r.chance(birthNameChance);
    if (p.category === 'teacher' || p.category === 'staff') {
      // Some accounts of the feed have no Pronote record (left, or another structure's staff).
      if (r.chance(p.category === 'teacher' ? 0.03 : 0.07)) ind.presence = 'ent';
    }
    indexById.set(p.id, people.length);
    people.push(ind);
  }
  // Student → guardian links; a guardian is in Pronote when one of its children is.
  const guardianInPronote = new Set<number>();
  for (const ind of people) {
    if (ind.category !== 'student') continue;
    for (const rel of ind.entPerson!.guardians) {
      const index = indexById.get(rel.id);
      if (index === undefined) continue;
      ind.guardians.push({ index, legal: rel.legal ?? true, lien: 0 });
      if (ind.presence === 'both') guardianInPronote.add(index);
    }
  }
  for (let i = 0; i < people.length; i++) {
    const ind = people[i];
    if (ind.category === 'guardian' && !guardianInPronote.has(i)) ind.presence = 'ent';
  }
  const paired = people.filter((p) => p.category === 'student' && p.presence === 'both');

  // Birth years and classes of the feed, to draw new students that look like the others.
  const years = students.map((s) => Number(s.birthDate?.slice(0, 4))).filter((y) => y > 1900);
  const classes = [...new Set(students.flatMap((s) => s.classes))];
  const newCount = Math.round((paired.length * TARGET_RATES.newStudentsPronoteOnly) / (1 - TARGET_RATES.newStudentsPronoteOnly));
  const before = people.length;
  while (builder.currentStudents < newCount) builder.family('new');
  for (let i = before; i < people.length; i++) {
    const ind = people[i];
    ind.structure = school.structureId;
    if (ind.category !== 'student') continue;
    if (classes.length) ind.classes = [r.pick(classes)];
    if (years.length) ind.birthDate = drawBirthDate(r, r.pick(years));
  }
  // Guardians given Pronote access without being legal representatives (a grandparent): Pronote only.
  for (const student of paired) {
    if (!r.chance(0.03)) continue;
    const sex: 'M' | 'F' = r.chance(0.5) ? 'M' : 'F';
    people.push({
      category: 'guardian',
      presence: 'pronote',
      tag: 'no-rights',
      lastName: student.lastName,
      firstName: drawGivenName(r, sex),
      otherFirstNames: [],
      sex,
      civility: sex === 'M' ? 'M.' : 'Mme',
      classes: [],
      structure: student.structure,
      guardians: [],
    });
    student.guardians.push({ index: people.length - 1, legal: false, lien: 4 });
  }
  // Supervisors and inspectors; those "with an account" take an ENT-only teacher or staff account of the feed.
  const spare = people.filter((p) => p.presence === 'ent' && (p.category === 'teacher' || p.category === 'staff'));
  const counts = staffCounts(paired.length);
  for (let i = 0; i < counts.supervisors + counts.inspectors; i++) {
    const outsider = builder.outsider(i < counts.supervisors ? 'supervisor' : 'inspector');
    if (outsider.presence !== 'both') continue;
    const account = spare.pop();
    if (!account) {
      outsider.presence = 'pronote';
      outsider.entCategory = undefined;
      continue;
    }
    account.entCategory = account.category;
    account.category = outsider.category;
    account.presence = 'both';
    people.pop();
  }
  for (const ind of people) {
    ind.pronoteDuplicate = ind.presence !== 'ent' && r.chance(0.003);
    ind.entDuplicate = false;
  }
  return { people, school };
}
