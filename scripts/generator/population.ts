/**
 * The people of the generator before they are written on either side: one `Individual` per real
 * person, with where it exists (Pronote, the ENT, both) and the true identity. The sides are derived
 * from it with noise (`sides.ts`). Proportions follow a French collège / lycée (issue 3): ~1.6
 * guardians per student (siblings share guardians), teachers ~1/12 of students, staff, a few
 * internship supervisors and inspectors (DOMAIN.md, "The six Pronote categories").
 */
import type { Category, Person } from '../../lib/core/person';
import { drawGivenName, drawOtherGivenNames, drawSurname } from './names';
import { stripAccents } from './noise';
import type { Random } from './prng';

/** Where a person exists: in both files, in the Pronote export only, in the ENT directory only. */
export type Presence = 'both' | 'pronote' | 'ent';

/** Why a person is where it is; used for the rates and for explaining the truth. */
export type Tag =
  | 'current' // a student of this year, in both
  | 'new' // a student arrived after the last directory feed: Pronote only (3 %)
  | 'former-ent' // a former student whose ENT account is still there: ENT only (4 %)
  | 'former-pronote' // a former student still in the Pronote base: Pronote only
  | 'no-rights' // a guardian given Pronote access who is not a legal representative (grandparent): Pronote only
  | 'other-school' // another structure of the same AAF feed: ENT only
  | 'staff-member';

export interface GuardianLink {
  /** Index of the guardian in the population. */
  index: number;
  /** Legal representative (AAF `ENTElevePersRelEleve` 4th field 1; 2 when in charge without being one). */
  legal: boolean;
  /** AAF relation code (2nd field): 1 father, 2 mother, 4 other family member, 6 other. */
  lien: number;
}

export interface Individual {
  /** The Pronote category (the true role); for ENT-only persons, the ENT category. */
  category: Category;
  /** ENT account category when it differs from `category` (a supervisor who has a staff account). */
  entCategory?: Category;
  presence: Presence;
  tag: Tag;
  lastName: string;
  /** Birth name when it differs from the usage name (married persons). */
  birthName?: string;
  firstName: string;
  otherFirstNames: string[];
  /** ISO date. */
  birthDate?: string;
  sex: 'M' | 'F';
  civility: string;
  classes: string[];
  email?: string;
  postalCode?: string;
  /** Structure id as in the AAF `ENTPersonStructRattach`. */
  structure: string;
  /** Students: their guardians. */
  guardians: GuardianLink[];
  /** Guardians: Pronote shows the birth name instead of the usage name (10 % of guardians). */
  pronoteBirthName?: boolean;
  /** Written twice in Pronote (two Pronote records for one person). */
  pronoteDuplicate?: boolean;
  /** Holds two ENT accounts. */
  entDuplicate?: boolean;
  /** From-AAF mode: the directory record this person was drawn from, kept as it is. */
  entPerson?: Person;
}

/** The school (or schools) of a population. */
export interface School {
  /** UAI (RNE): 7 digits and a check letter. */
  uai: string;
  name: string;
  /** AAF structure id (`ENTPersonStructRattach`, prefix of `ENTEleveClasses`). */
  structureId: string;
  /** School year start, e.g. 2025 for 2025-2026. */
  year: number;
  /** Class levels from youngest to oldest, e.g. ['6', '5', '4', '3']. */
  levels: string[];
  /** Classes per level. */
  classesPerLevel: number;
  postalCodes: string[];
}

const UAI_KEY = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** The UAI check letter: the 7-digit number modulo 23 in the alphabet without I, O, Q (Éducation nationale RNE key). */
export function uaiCheckLetter(digits: string): string {
  return UAI_KEY[Number(digits) % 23];
}

const COLLEGE_LEVELS = ['6', '5', '4', '3'];
const CITE_LEVELS = ['6', '5', '4', '3', '2nde', '1re', 'Tle'];
const TOWNS = ['Jean-Moulin', 'Marie-Curie', 'Victor-Hugo', 'Jules-Ferry', 'Louise-Michel', 'Simone-Veil', 'Émile-Zola', 'Pierre-et-Marie-Curie'];

/** Makes a school: a collège (6e–3e) up to 1,200 students, a cité scolaire (6e–Tle) above. */
export function makeSchool(random: Random, students: number, structureId?: string): School {
  const levels = students <= 1200 ? COLLEGE_LEVELS : CITE_LEVELS;
  const department = String(random.int(1, 95)).padStart(2, '0');
  const digits = `0${department}${String(random.int(0, 9999)).padStart(4, '0')}`;
  const cite = levels.length > 4;
  const base = `${department}${random.int(0, 9)}`;
  return {
    uai: digits + uaiCheckLetter(digits),
    name: `${cite ? 'Cité scolaire' : 'Collège'} ${random.pick(TOWNS)}`,
    structureId: structureId ?? String(random.int(10000, 99999)),
    year: 2025,
    levels,
    classesPerLevel: Math.max(1, Math.round(students / levels.length / 26)),
    postalCodes: Array.from({ length: 6 }, (_, i) => `${base}${String(i * 10 + random.int(0, 9)).padStart(2, '0')}`),
  };
}

/** Class name of a level and index: 3A..3Z, then 3A1.. (large schools). */
export function className(level: string, index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? `${level}${letter}` : `${level}${letter}${Math.floor(index / 26)}`;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A birth date of someone born between 1 January and 31 December of `year`. */
export function drawBirthDate(random: Random, year: number): string {
  const month = random.int(1, 12);
  return isoDate(year, month, random.int(1, DAYS_IN_MONTH[month - 1]));
}

function emailOf(random: Random, first: string, last: string, domain: string, withNumber: boolean): string {
  const clean = (s: string) =>
    stripAccents(s)
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${clean(first)}.${clean(last)}${withNumber ? random.int(1, 99) : ''}@${domain}`;
}

/** Target shares (issue 3). `sides.ts` measures what was actually drawn. */
export const TARGET_RATES = {
  accentsLost: 0.15,
  hyphenSpace: 0.3,
  typo: 0.015,
  dayMonthSwap: 0.01,
  missingBirthDate: 0.01,
  guardianBirthName: 0.1,
  formerStudentsEntOnly: 0.04,
  newStudentsPronoteOnly: 0.03,
} as const;

/** Builds a population by families and staff; see {@link invent}. */
export class PopulationBuilder {
  readonly people: Individual[] = [];
  /** Current students of the main school (in Pronote, this year). */
  currentStudents = 0;
  pronoteCount = 0;
  entCount = 0;
  private homonymPool: Individual[] = [];
  /** Rare surnames for large schools (cités scolaires, over 1,200 students): see names.ts. */
  readonly longTail: boolean;

  constructor(
    readonly random: Random,
    readonly school: School,
  ) {
    this.longTail = school.levels.length > 4;
  }

  private add(person: Individual): number {
    this.people.push(person);
    if (person.presence !== 'ent') this.pronoteCount += person.pronoteDuplicate ? 2 : 1;
    if (person.presence !== 'pronote') this.entCount += person.entDuplicate ? 2 : 1;
    return this.people.length - 1;
  }

  private duplicates(person: Individual): void {
    // A few persons twice in Pronote (two records, e.g. re-enrolled), a few twice in the ENT (seed FAQ; DOMAIN.md failure 2).
    if (person.presence !== 'ent' && this.random.chance(0.003)) person.pronoteDuplicate = true;
    if (person.presence !== 'pronote' && this.random.chance(0.003)) person.entDuplicate = true;
  }

  /**
   * One family: 1–4 children in the school (twins now and then), 1–4 adults in charge. `mode`
   * `other-school` makes an ENT-only family of another structure of the same feed.
   */
  family(mode: 'main' | 'other-school' | 'new', school: School = this.school): void {
    const r = this.random;
    const surname = drawSurname(r, this.longTail);
    const postalCode = r.pick(school.postalCodes);
    const u = r.next();
    const childCount = u < 0.74 ? 1 : u < 0.95 ? 2 : u < 0.99 ? 3 : 4;
    const g = r.next();
    const guardianCount = g < 0.08 ? 1 : g < 0.85 ? 2 : g < 0.97 ? 3 : 4;

    const adults: Individual[] = [];
    const links: GuardianLink[] = [];
    const adult = (sex: 'M' | 'F', last: string, birth: string | undefined, legal: boolean, lien: number, tag: Tag): void => {
      const first = drawGivenName(r, sex, this.longTail);
      adults.push({
        category: 'guardian',
        presence: 'both',
        tag,
        lastName: last,
        birthName: birth && birth !== last ? birth : undefined,
        firstName: first,
        otherFirstNames: [],
        sex,
        civility: r.chance(0.06) ? '' : sex === 'M' ? 'M.' : 'Mme',
        classes: [],
        email: r.chance(0.75) ? emailOf(r, first, last, r.pick(['example.org', 'example.com', 'example.net']), r.chance(0.5)) : undefined,
        postalCode,
        structure: school.structureId,
        guardians: [],
      });
      links.push({ index: -1, legal, lien });
    };
    const mother = (): void => {
      const m = r.next();
      // 20 % of mothers married and written under their birth name in Pronote (→ ~10 % of guardians), 25 % married.
      if (m < 0.45) {
        adult('F', surname, drawSurname(r, this.longTail), true, 2, 'current');
        adults[adults.length - 1].pronoteBirthName = m < 0.2 && adults[adults.length - 1].birthName !== undefined;
      } else adult('F', r.chance(0.5) ? surname : drawSurname(r, this.longTail), undefined, true, 2, 'current');
    };
    if (guardianCount === 1) {
      if (r.chance(0.8)) mother();
      else adult('M', surname, undefined, true, 1, 'current');
    } else {
      adult('M', surname, undefined, true, 1, 'current');
      mother();
      if (guardianCount >= 3) adult(r.chance(0.5) ? 'M' : 'F', drawSurname(r, this.longTail), undefined, false, 6, 'current');
      if (guardianCount >= 4) adult(r.chance(0.5) ? 'M' : 'F', drawSurname(r, this.longTail), undefined, false, 4, 'current');
    }
    // Guardians without rights in the ENT sense: a grandparent given Pronote access (DOMAIN.md failure 3).
    if (mode !== 'other-school' && r.chance(0.05)) adult(r.chance(0.5) ? 'M' : 'F', surname, undefined, false, 4, 'no-rights');

    const children: Individual[] = [];
    for (let c = 0; c < childCount; c++) {
      const twinOf = c > 0 && r.chance(0.06) ? children[c - 1] : undefined;
      const sex: 'M' | 'F' = r.chance(0.5) ? 'M' : 'F';
      let first = drawGivenName(r, sex, this.longTail);
      while (twinOf && first === twinOf.firstName) first = drawGivenName(r, sex, this.longTail);
      const child = this.student(mode, school, surname, first, sex, postalCode, twinOf);
      children.push(child);
    }
    // A few students take the name of another family's child (same first and last name, other birth date).
    if (mode === 'main' && this.homonymPool.length > 0 && r.chance(0.004)) {
      const model = r.pick(this.homonymPool);
      const child = children[0];
      if (model.birthDate !== child.birthDate) {
        child.lastName = model.lastName;
        child.firstName = model.firstName;
        child.sex = model.sex;
        child.civility = model.civility;
      }
    }
    if (mode === 'main' && this.homonymPool.length < 200 && r.chance(0.2)) this.homonymPool.push(children[0]);

    const inPronote = children.some((c) => c.presence !== 'ent');
    const inEnt = children.some((c) => c.presence !== 'pronote');
    const adultIndexes = adults.map((a) => {
      a.presence = a.tag === 'no-rights' ? 'pronote' : inPronote && inEnt ? 'both' : inPronote ? 'pronote' : 'ent';
      if (mode === 'other-school') a.tag = 'other-school';
      if (a.tag === 'no-rights' && !inPronote) return -1;
      this.duplicates(a);
      return this.add(a);
    });
    for (const child of children) {
      child.guardians = links.map((l, i) => ({ ...l, index: adultIndexes[i] })).filter((l) => l.index >= 0);
      this.duplicates(child);
      this.add(child);
      if (mode !== 'other-school' && (child.tag === 'current' || child.tag === 'new')) this.currentStudents++;
    }
  }

  private student(
    mode: 'main' | 'other-school' | 'new',
    school: School,
    surname: string,
    first: string,
    sex: 'M' | 'F',
    postalCode: string,
    twinOf?: Individual,
  ): Individual {
    const r = this.random;
    const levels = school.levels;
    const s = r.next();
    let tag: Tag = 'current';
    if (mode === 'other-school') tag = 'other-school';
    else if (mode === 'new') tag = 'new';
    else if (s < 0.039) tag = 'former-ent';
    else if (s < 0.049) tag = 'former-pronote';
    else if (r.chance(TARGET_RATES.newStudentsPronoteOnly)) tag = 'new';
    const former = tag === 'former-ent' || tag === 'former-pronote';
    let level = former ? levels.length - 1 : r.int(0, levels.length - 1);
    let birthDate: string;
    if (twinOf) {
      birthDate = twinOf.birthDate!;
      level = levels.indexOf(twinOf.classes[0].replace(/[A-Z]\d*$/, ''));
      if (level < 0) level = 0;
    } else {
      // Age for the level: born in year - 11 - level; 12 % one year older (repeated a year), 2 % a year younger.
      const delay = r.chance(0.12) ? 1 : r.chance(0.02) ? -1 : 0;
      birthDate = drawBirthDate(r, school.year - 11 - level - delay - (former ? 1 : 0));
    }
    const classIndex = twinOf && r.chance(0.5) ? -1 : r.int(0, school.classesPerLevel - 1);
    const cls = classIndex < 0 ? twinOf!.classes[0] : className(levels[level], classIndex);
    return {
      category: 'student',
      presence: tag === 'current' || tag === 'other-school' ? (tag === 'other-school' ? 'ent' : 'both') : tag === 'former-ent' ? 'ent' : 'pronote',
      tag,
      lastName: surname,
      firstName: first,
      otherFirstNames: drawOtherGivenNames(r, sex, first, this.longTail),
      birthDate,
      sex,
      civility: sex === 'M' ? 'M.' : r.chance(0.5) ? 'Mlle' : 'Mme',
      classes: [cls],
      postalCode,
      structure: school.structureId,
      guardians: [],
    };
  }

  /** A teacher or staff member of `school`; `presence` as given. */
  adult(category: 'teacher' | 'staff', presence: Presence, school: School = this.school, tag: Tag = 'staff-member'): Individual {
    const r = this.random;
    const sex: 'M' | 'F' = r.chance(category === 'teacher' ? 0.6 : 0.65) ? 'F' : 'M';
    const own = drawSurname(r, this.longTail);
    const married = sex === 'F' && r.chance(0.35);
    const last = married ? drawSurname(r, this.longTail) : own;
    const first = drawGivenName(r, sex, this.longTail);
    const person: Individual = {
      category,
      presence,
      tag,
      lastName: last,
      birthName: married && own !== last ? own : undefined,
      firstName: first,
      otherFirstNames: drawOtherGivenNames(r, sex, first, this.longTail),
      birthDate: drawBirthDate(r, r.int(1962, 1999)),
      sex,
      civility: sex === 'M' ? 'M.' : 'Mme',
      classes: [],
      email: emailOf(r, first, last, 'ac.example.org', r.chance(0.1)),
      postalCode: r.pick(school.postalCodes),
      structure: school.structureId,
      guardians: [],
    };
    this.duplicates(person);
    this.add(person);
    return person;
  }

  /**
   * Internship supervisors (maîtres de stage) and inspectors: Pronote only, except 15 % of
   * supervisors and 20 % of inspectors who also hold a teacher or staff ENT account (the ENT has no
   * such category: DOMAIN.md, "The AAF feed").
   */
  outsider(category: 'supervisor' | 'inspector'): Individual {
    const r = this.random;
    const sex: 'M' | 'F' = r.chance(0.5) ? 'F' : 'M';
    const last = drawSurname(r, this.longTail);
    const first = drawGivenName(r, sex, this.longTail);
    const hasAccount = r.chance(category === 'supervisor' ? 0.15 : 0.2);
    const person: Individual = {
      category,
      entCategory: hasAccount ? (category === 'inspector' || r.chance(0.55) ? 'teacher' : 'staff') : undefined,
      presence: hasAccount ? 'both' : 'pronote',
      tag: 'staff-member',
      lastName: last,
      firstName: first,
      otherFirstNames: [],
      birthDate: hasAccount || (category === 'inspector' && r.chance(0.5)) ? drawBirthDate(r, r.int(1960, 1992)) : undefined,
      sex,
      civility: sex === 'M' ? 'M.' : 'Mme',
      classes: [],
      email: r.chance(0.6) ? emailOf(r, first, last, category === 'inspector' ? 'ac.example.org' : 'entreprise.example.com', false) : undefined,
      postalCode: r.pick(this.school.postalCodes),
      structure: this.school.structureId,
      guardians: [],
    };
    this.add(person);
    return person;
  }

  /** Teachers, staff, supervisors and inspectors of the main school for `students` students. */
  staffFor(students: number): void {
    const counts = staffCounts(students);
    const r = this.random;
    const teachers: Individual[] = [];
    for (let i = 0; i < counts.teachers; i++) {
      const u = r.next();
      // Replacement teachers not yet in the feed (Pronote only), teachers gone (ENT only).
      teachers.push(this.adult('teacher', u < 0.03 ? 'pronote' : u < 0.05 ? 'ent' : 'both'));
    }
    // Homonym teachers ("two MARTIN Julie": DOMAIN.md failure 4), one pair per 25 teachers.
    for (let i = 0; i + 1 < teachers.length && i < Math.floor(teachers.length / 25) * 2; i += 2) {
      const [a, b] = [teachers[i], teachers[i + 1]];
      b.lastName = a.lastName;
      b.firstName = a.firstName;
      b.sex = a.sex;
      b.civility = a.civility;
      b.birthName = undefined;
      b.email = emailOf(r, b.firstName, b.lastName, 'ac.example.org', true);
    }
    for (let i = 0; i < counts.staff; i++) {
      const u = r.next();
      this.adult('staff', u < 0.05 ? 'pronote' : u < 0.1 ? 'ent' : 'both');
    }
    for (let i = 0; i < counts.supervisors; i++) this.outsider('supervisor');
    for (let i = 0; i < counts.inspectors; i++) this.outsider('inspector');
  }
}

/**
 * Makes sure that even a small draw shows each case of the field at least once: a person twice in
 * Pronote, a person with two ENT accounts (picked among persons present on both sides).
 */
export function ensureFieldCases(builder: PopulationBuilder): void {
  const people = builder.people;
  const candidates = people.filter((p) => p.presence === 'both' && (p.category === 'student' || p.category === 'guardian'));
  if (candidates.length < 2) return;
  if (!people.some((p) => p.pronoteDuplicate)) {
    builder.random.pick(candidates).pronoteDuplicate = true;
    builder.pronoteCount++;
  }
  if (!people.some((p) => p.entDuplicate)) {
    const person = builder.random.pick(candidates.filter((p) => !p.pronoteDuplicate));
    person.entDuplicate = true;
    builder.entCount++;
  }
}

/** Staff of a school of `students` students: teachers ~1/12 (plus a minimum team), staff, supervisors, inspectors. */
export function staffCounts(students: number): { teachers: number; staff: number; supervisors: number; inspectors: number } {
  return {
    teachers: Math.round(students / 12) + 8,
    staff: Math.round(students / 40) + 4,
    supervisors: Math.round(students / 100) + 2,
    inspectors: Math.round(students / 250) + 2,
  };
}
