/**
 * Named variants of the generated data (issue 13, "The generator and the benchmark"): the base draw
 * flatters the engine (links on the student side, birth dates nearly everywhere, names written the
 * same way on both sides), so each variant turns up one habit of the field that the base draw
 * lacks, and `hardest` turns them all up at once. A variant is applied after the sides are drawn
 * (`applyVariant`), on the Person records, so it works the same on invented people and on people
 * drawn from real AAF files (where the directory is left exactly as read and only the Pronote side
 * changes).
 *
 * The sources of the habits: DOMAIN.md ("The Pronote identifier export", "Names", failures 2–5) and
 * issue 13's list of what the real-derived exports showed (guardians under birth name, a double
 * surname against one of its parts, given names reordered or only the first of several, particles
 * split or joined, ligatures, civilities inside names, "née"/"épouse", typos 3–7 %, staff without
 * birth dates, Pronote duplicates, former students, lost links).
 */
import type { LinkForm } from './write-pronote';
import type { Category, Person, Relation } from '../../lib/core/person';
import { drawGivenName, drawSurname } from './names';
import { stripAccents, typo } from './noise';
import type { Random } from './prng';
import { drawIdpn } from './sides';

/**
 * Where the Pronote export writes the student–guardian links: on the student (`<Responsable
 * Ident>` children, today's partner layout), on the guardian (`<Eleve Ident>` / `<Enfant>` children
 * or an `Enfants="…"` attribute), or nowhere.
 */
export type LinkSide = 'student' | 'guardian' | 'none';
export const LINK_SIDES: readonly LinkSide[] = ['student', 'guardian', 'none'];

/** The export's link form for a link side (write-pronote.ts `LINK_FORMS`); undefined: each layout's default, the student side. */
export const LINK_FORM_OF_SIDE: Record<LinkSide, LinkForm | undefined> = { student: undefined, guardian: 'guardian-elements', none: 'none' };

export interface Variant {
  name: string;
  /** One line for the benchmark's table and `--help`. */
  description: string;
  links: LinkSide;
  /** Share of teachers and staff whose Pronote record has no birth date. */
  staffWithoutBirthDate: number;
  /**
   * Share of adults (teachers, staff, guardians) whose Pronote email is absent or another address
   * than the ENT's (a personal one): without it, a teacher without a birth date has only names left.
   */
  pronoteEmails: number;
  /** Share of married guardians (a birth name known) written under their birth name in Pronote, on top of the base draw. */
  guardianBirthName: number;
  /** Share of adults whose surname is double on one side and only one of its parts on the other. */
  doubleSurname: number;
  /** Share of adults with a civility, "née …" or "épouse …" inside the Pronote name field. */
  nameInsertions: number;
  /** Share of persons whose given names are reordered, cut to the first, or given extra ones. */
  givenNames: number;
  /** Share of persons whose surname carries a particle, written split, joined or moved on one side. */
  particles: number;
  /** Share of persons with an œ/æ name, written with the ligature on one side and "oe"/"ae" on the other. */
  ligatures: number;
  /** Share of Pronote rows written all in capitals without accents. */
  upperNoAccents: number;
  /** Extra typing errors: share of Pronote records with one typo in a name (the base draw has 1.5 %). */
  typos: number;
  /** Other schools of the same feed holding namesakes (same names, other birth date) of the main school's people. */
  namesakeSchools: number;
  /** Share of the main school's accounts that have a namesake in each other school. */
  namesakeShare: number;
  /** Extra Pronote duplicates (a second record of the same person): share of Pronote persons. */
  pronoteDuplicates: number;
  /** Former students, as a share of students: Pronote-only records, and ENT-only accounts linked to the same guardians. */
  formerStudents: number;
  /** Share of the Pronote student–guardian links lost. */
  lostLinks: number;
}

const NONE: Omit<Variant, 'name' | 'description'> = {
  links: 'student',
  staffWithoutBirthDate: 0,
  pronoteEmails: 0,
  guardianBirthName: 0,
  doubleSurname: 0,
  nameInsertions: 0,
  givenNames: 0,
  particles: 0,
  ligatures: 0,
  upperNoAccents: 0,
  typos: 0,
  namesakeSchools: 0,
  namesakeShare: 0,
  pronoteDuplicates: 0,
  formerStudents: 0,
  lostLinks: 0,
};

const HARDEST: Omit<Variant, 'name' | 'description' | 'links'> = {
  staffWithoutBirthDate: 0.5,
  pronoteEmails: 0.5,
  guardianBirthName: 0.3,
  doubleSurname: 0.1,
  nameInsertions: 0.05,
  givenNames: 0.2,
  particles: 0.05,
  ligatures: 0.02,
  upperNoAccents: 0.1,
  typos: 0.04,
  namesakeSchools: 3,
  namesakeShare: 0.05,
  pronoteDuplicates: 0.02,
  formerStudents: 0.08,
  lostLinks: 0.2,
};

function variant(name: string, description: string, changes: Partial<Variant>): Variant {
  return { ...NONE, ...changes, name, description };
}

/** The variants, in the benchmark's order. `base` is the generator as it was (issue 3's rates). */
export const VARIANTS: readonly Variant[] = [
  variant('base', "the generator's base draw (issue 3's rates), links on the student side", {}),
  variant('guardian-links', 'links written on the guardian side only', { links: 'guardian' }),
  variant('no-links', 'no student–guardian link in the Pronote export', { links: 'none' }),
  variant('staff-no-birth-date', 'half of the teachers and staff without a birth date in Pronote; half of the adults without the ENT email there', {
    staffWithoutBirthDate: 0.5,
    pronoteEmails: 0.5,
  }),
  variant('guardian-names', 'guardians under birth name (+30 %), double surnames (20 % of adults), civility/née/épouse in names (8 %)', {
    guardianBirthName: 0.3,
    doubleSurname: 0.2,
    nameInsertions: 0.08,
  }),
  variant('given-names', 'given names reordered, only the first of several, or extra ones (30 %), fields swapped (1 in 30 of those)', { givenNames: 0.3 }),
  variant('particles-ligatures', 'particles split/joined/moved (15 %), œ/æ (5 %), whole rows in capitals without accents (15 %)', {
    particles: 0.15,
    ligatures: 0.05,
    upperNoAccents: 0.15,
  }),
  variant('several-schools', 'the directory spans 4 more schools, each with namesakes of 8 % of the main school', { namesakeSchools: 4, namesakeShare: 0.08 }),
  variant('duplicates', '3 % more Pronote duplicates', { pronoteDuplicates: 0.03 }),
  variant('former-students', 'former students: 10 % of students in Pronote only, 10 % more ENT accounts only, with the same guardians', {
    formerStudents: 0.1,
  }),
  variant('lost-links', '30 % of the Pronote student–guardian links lost', { lostLinks: 0.3 }),
  variant('hardest', 'all of the above at once (milder shares), links on the student side with 20 % lost, typos +4 %', { ...HARDEST, links: 'student' }),
  variant('hardest-guardian-links', 'hardest, links on the guardian side', { ...HARDEST, links: 'guardian' }),
  variant('hardest-no-links', 'hardest, no link at all', { ...HARDEST, links: 'none', lostLinks: 0 }),
];

/** The variant of that name. @throws RangeError naming the known variants. */
export function variantNamed(name: string): Variant {
  const v = VARIANTS.find((x) => x.name === name);
  if (!v) throw new RangeError(`unknown variant "${name}"; known: ${VARIANTS.map((x) => x.name).join(', ')}`);
  return v;
}

/** What `applyVariant` needs of a generated set (`Generated` from index.ts, or the same shape). */
export interface VariantTarget {
  pronote: Person[];
  directory: Person[];
  truth: { category: Category; pronoteId: string; entId: string }[];
  duplicates: { side: 'pronote' | 'directory'; id: string; of: string }[];
  /** The main school's structure id (AAF `ENTPersonStructRattach`). */
  school: { structureId: string };
}

export interface ApplyOptions {
  /** False for people drawn from real AAF files: the directory stays exactly as read. */
  directoryEditable: boolean;
}

/** How many of each change were made, for the benchmark's and the generator's output. */
export type VariantCounts = Record<string, number>;

const PARTICLES = ['de', 'de la', 'du', 'le', 'la', "d'", 'van der', 'de l’'];
const LIGATURE_SURNAMES = ['Lœuillet', 'Cœurderoy', 'Bœuf', 'Schœlcher', 'Œuvrard', 'Vœux', 'Lætitia', 'Cæsar', 'Mœglin', 'Rœderer'];
const LIGATURE_GIVEN = { F: ['Lætitia', 'Cœlia', 'Nœlla', 'Æléa'], M: ['Nœl', 'Lœic', 'Cæsar', 'Æmilien'] } as const;

function unligature(text: string): string {
  return text.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE');
}

/** Writes a particle surname another way: joined ("Delafontaine"), moved ("LA FONTAINE (DE)") or split differently. */
function particleForm(random: Random, particle: string, rest: string): string {
  switch (random.int(0, 2)) {
    case 0:
      return (particle.replace(/[\s'’]/g, '') + rest.replace(/\s/g, '')).toUpperCase();
    case 1:
      return `${rest} (${particle})`.toUpperCase();
    default:
      return `${particle.replace(/['’]$/, '')} ${rest}`.replace(/\s+/g, ' ').toUpperCase();
  }
}

const PARTICLE_AT_START = /^(de la|de l['’]|van der|van den|de|du|des|le|la|d['’])\s*(.+)$/i;

/**
 * Applies `variant` to `g` in place: Pronote records (names, birth dates, links, duplicates, former
 * students) and, when `directoryEditable`, directory accounts (the other side of a name form,
 * namesakes in other schools, former students' accounts). Pronote duplicates and former students
 * get truth rows (a duplicate → the person's account, a former student → none). Links are left on
 * both persons (`children` and `guardians`); where the export writes them is `variant.links`, for
 * the writer (`write-pronote.ts`, `LINK_FORM_OF_SIDE`) or `shapeLinks` in memory.
 * @returns how many of each change were made.
 */
export function applyVariant(random: Random, g: VariantTarget, variant: Variant, options: ApplyOptions): VariantCounts {
  const r = random;
  const counts: VariantCounts = {};
  const count = (k: string) => {
    counts[k] = (counts[k] ?? 0) + 1;
  };
  const editable = options.directoryEditable;
  const dirById = new Map<string, Person>();
  for (const d of g.directory) dirById.set(d.id, d);
  const entOf = new Map<string, string>();
  for (const t of g.truth) if (t.entId) entOf.set(`${t.category}|${t.pronoteId}`, t.entId);
  // A directory account may be edited once only (a Pronote duplicate shares it).
  const edited = new Set<string>();
  const adult = (c: Category) => c === 'guardian' || c === 'teacher' || c === 'staff';
  const flat = g.directory.length > 30_000;

  for (const p of [...g.pronote]) {
    const entId = entOf.get(`${p.category}|${p.id}`);
    const d0 = entId ? dirById.get(entId) : undefined;
    const d = d0 && editable && !edited.has(d0.id) ? d0 : undefined;
    if (d) edited.add(d.id);
    const sex = p.sex ?? 'F';

    if ((p.category === 'teacher' || p.category === 'staff') && p.birthDate && r.chance(variant.staffWithoutBirthDate)) {
      p.birthDate = undefined;
      count('staffWithoutBirthDate');
    }
    if (adult(p.category) && p.email && r.chance(variant.pronoteEmails)) {
      p.email = r.chance(0.5)
        ? undefined
        : `${stripAccents(p.firstName)
            .toLowerCase()
            .replace(/[^a-z]+/g, '')}${r.int(1, 999)}@perso.example.net`;
      count('pronoteEmails');
    }
    if (p.category === 'guardian' && d0?.birthName && r.chance(variant.guardianBirthName)) {
      const birth = d0.birthName.toUpperCase();
      if (birth !== d0.lastName.toUpperCase() && p.lastName.toUpperCase() !== birth) {
        p.lastName = birth;
        count('guardianBirthName');
      }
    }
    if (adult(p.category) && r.chance(variant.doubleSurname)) {
      const other = drawSurname(r, flat).toUpperCase();
      const sep = r.chance(0.6) ? ' ' : '-';
      if (d && r.chance(0.5)) {
        // The ENT holds both parts, Pronote one: "BEUZEVAL GUERMEUR" against "GUERMEUR".
        d.lastName = r.chance(0.5) ? `${other}${sep}${d.lastName}` : `${d.lastName}${sep}${other}`;
      } else {
        p.lastName = r.chance(0.5) ? `${other}${sep}${p.lastName}` : `${p.lastName}${sep}${other}`;
      }
      count('doubleSurname');
    }
    if (adult(p.category) && r.chance(variant.nameInsertions)) {
      const civility = sex === 'M' ? 'M.' : r.pick(['Mme', 'MME', 'Madame']);
      const u = r.next();
      if (u < 0.5) p.lastName = `${civility} ${p.lastName}`;
      else if (u < 0.75 && d0?.birthName && d0.birthName.toUpperCase() !== p.lastName.toUpperCase())
        p.lastName = `${p.lastName} née ${d0.birthName.toUpperCase()}`;
      else if (d0?.birthName && d0.birthName.toUpperCase() !== d0.lastName.toUpperCase())
        p.lastName = `${d0.birthName.toUpperCase()} épouse ${d0.lastName.toUpperCase()}`;
      else p.firstName = `${civility} ${p.firstName}`;
      count('nameInsertions');
    }
    if (r.chance(variant.givenNames)) {
      const others = d0?.otherFirstNames ?? [];
      const u = r.next();
      if (u < 1 / 30) {
        // "PAULE MARY" against "MARY PAULE": the two fields swapped.
        [p.lastName, p.firstName] = [p.firstName.toUpperCase(), p.lastName];
        count('givenNamesSwappedFields');
      } else if (u < 0.35 && others.length) {
        p.firstName = `${others[0]} ${p.firstName}`;
        count('givenNamesReordered');
      } else if (u < 0.65 && /[\s-]/.test(p.firstName.trim())) {
        p.firstName = p.firstName.trim().split(/[\s-]+/)[0];
        count('givenNamesFirstOnly');
      } else if (u < 0.65 && d && others.length) {
        d.firstName = `${d.firstName} ${others[0]}`;
        count('givenNamesFirstOnly');
      } else {
        p.firstName = `${p.firstName} ${others[0] ?? drawGivenName(r, sex, flat)}`;
        count('givenNamesExtra');
      }
    }
    if (r.chance(variant.particles)) {
      const m = PARTICLE_AT_START.exec((d0?.lastName ?? p.lastName).trim());
      if (m) {
        p.lastName = particleForm(r, m[1], m[2]);
        count('particles');
      } else if (d) {
        const particle = r.pick(PARTICLES);
        const rest = d.lastName;
        d.lastName = `${particle}${particle.endsWith("'") || particle.endsWith('’') ? '' : ' '}${rest}`;
        p.lastName = particleForm(r, particle, rest);
        count('particles');
      }
    }
    if (r.chance(variant.ligatures)) {
      if (/[œæ]/i.test(p.lastName + p.firstName)) {
        p.lastName = unligature(p.lastName);
        p.firstName = unligature(p.firstName);
        count('ligatures');
      } else if (d) {
        if (r.chance(0.5)) {
          const name = r.pick(LIGATURE_SURNAMES);
          d.lastName = name;
          p.lastName = unligature(name).toUpperCase();
        } else {
          const name = r.pick(LIGATURE_GIVEN[sex]);
          d.firstName = r.chance(0.5) ? unligature(name) : name;
          p.firstName = d.firstName === name ? unligature(name) : name;
        }
        count('ligatures');
      }
    }
    if (r.chance(variant.upperNoAccents)) {
      p.lastName = stripAccents(p.lastName).toUpperCase();
      p.firstName = stripAccents(p.firstName).toUpperCase();
      count('upperNoAccents');
    }
    if (r.chance(variant.typos)) {
      if (r.chance(0.5)) p.lastName = typo(r, p.lastName);
      else p.firstName = typo(r, p.firstName);
      count('typos');
    }
  }

  addFormerStudents(r, g, variant, editable, counts);
  addPronoteDuplicates(r, g, variant, counts);
  loseLinks(r, g.pronote, variant.lostLinks, counts);
  if (editable) addNamesakeSchools(r, g, variant, counts);
  return counts;
}

/** Unique ids on each side for the records added here. */
function idMakers(g: VariantTarget, r: Random): { ident: () => string; idpn: () => string; account: () => string } {
  let ident = 0;
  for (const p of g.pronote) ident = Math.max(ident, Number(p.raw.Ident ?? 0) || 0);
  const pronoteIds = new Set(g.pronote.map((p) => p.id));
  let account = 0;
  for (const d of g.directory) account = Math.max(account, Number(d.id) || 0);
  if (account === 0) account = 9_000_000;
  return {
    ident: () => String(++ident),
    idpn: () => {
      let id: string;
      do id = drawIdpn(r);
      while (pronoteIds.has(id));
      pronoteIds.add(id);
      return id;
    },
    account: () => {
      account += r.int(1, 3);
      return String(account);
    },
  };
}

function link(student: Person, guardian: Person, legal?: boolean): void {
  student.guardians = [...student.guardians, { id: guardian.id, legal }];
  guardian.children = [...guardian.children, { id: student.id, legal }];
}

/** A sibling who left: Pronote-only (still in the base, no account), or ENT-only (account kept), same guardians. */
function addFormerStudents(r: Random, g: VariantTarget, variant: Variant, editable: boolean, counts: VariantCounts): void {
  if (!variant.formerStudents) return;
  const ids = idMakers(g, r);
  const pronoteGuardians = new Map(g.pronote.filter((p) => p.category === 'guardian').map((p) => [p.id, p]));
  const dirGuardians = new Map(g.directory.filter((p) => p.category === 'guardian').map((p) => [p.id, p]));
  const students = g.pronote.filter((p) => p.category === 'student');
  const entOf = new Map(g.truth.filter((t) => t.category === 'student' && t.entId).map((t) => [t.pronoteId, t.entId]));
  const dirById = new Map(g.directory.filter((d) => d.category === 'student').map((d) => [d.id, d]));
  for (const s of students) {
    if (!s.birthDate) continue;
    // Siblings: never the same given name, nor the same birth date (or the two would be one person).
    const taken = new Set([s.firstName.toUpperCase()]);
    const takenYears = new Set<number>();
    const older = (): string => {
      let year: number;
      do year = Number(s.birthDate!.slice(0, 4)) - r.int(3, 8);
      while (takenYears.has(year));
      takenYears.add(year);
      return `${year}${s.birthDate!.slice(4)}`;
    };
    const sibling = (sex: 'M' | 'F'): string => {
      let name: string;
      do name = drawGivenName(r, sex);
      while (taken.has(name.toUpperCase()));
      taken.add(name.toUpperCase());
      return name;
    };
    const sex: 'M' | 'F' = r.chance(0.5) ? 'M' : 'F';
    // An older sibling of `base` (a former student of the school), linked to the same guardians of `pool`.
    const formerOf = (base: Person, id: string, pool: Map<string, Person>, raw?: () => Person['raw']): Person => {
      const former: Person = { ...base, id, firstName: sibling(sex), sex, birthDate: older(), classes: [], guardians: [], children: [], location: '' };
      if (raw) former.raw = raw();
      for (const rel of base.guardians) {
        const guardian = pool.get(rel.id);
        if (guardian) link(former, guardian, rel.legal);
      }
      return former;
    };
    if (r.chance(variant.formerStudents)) {
      const id = s.idKind === 'Ident' ? ids.ident() : ids.idpn();
      g.pronote.push(formerOf(s, id, pronoteGuardians, () => ({ Ident: ids.ident() })));
      g.truth.push({ category: 'student', pronoteId: id, entId: '' });
      counts.formerStudentsPronote = (counts.formerStudentsPronote ?? 0) + 1;
    }
    const entId = entOf.get(s.id);
    const d = entId ? dirById.get(entId) : undefined;
    if (editable && d && r.chance(variant.formerStudents)) {
      const former = formerOf(d, ids.account(), dirGuardians);
      g.directory.push(former);
      counts.formerStudentsEnt = (counts.formerStudentsEnt ?? 0) + 1;
    }
  }
}

/** A second Pronote record of the same person (re-enrolled, typed again), linked like the first. */
function addPronoteDuplicates(r: Random, g: VariantTarget, variant: Variant, counts: VariantCounts): void {
  if (!variant.pronoteDuplicates) return;
  const ids = idMakers(g, r);
  const byId = new Map(g.pronote.map((p) => [`${p.category}|${p.id}`, p]));
  const entOf = new Map(g.truth.map((t) => [`${t.category}|${t.pronoteId}`, t.entId]));
  for (const p of [...g.pronote]) {
    if (!r.chance(variant.pronoteDuplicates)) continue;
    const ident = ids.ident();
    const copy: Person = {
      ...p,
      id: p.idKind === 'Ident' ? ident : ids.idpn(),
      lastName: r.chance(0.5) ? stripAccents(p.lastName) : p.lastName,
      birthDate: r.chance(0.2) ? undefined : p.birthDate,
      guardians: [],
      children: [],
      raw: { Ident: ident },
      location: '',
    };
    for (const rel of p.guardians) {
      const guardian = byId.get(`guardian|${rel.id}`);
      if (guardian) link(copy, guardian, rel.legal);
    }
    for (const rel of p.children) {
      const student = byId.get(`student|${rel.id}`);
      if (student) link(student, copy, rel.legal);
    }
    g.pronote.push(copy);
    g.truth.push({ category: p.category, pronoteId: copy.id, entId: entOf.get(`${p.category}|${p.id}`) ?? '' });
    g.duplicates.push({ side: 'pronote', id: copy.id, of: p.id });
    counts.pronoteDuplicates = (counts.pronoteDuplicates ?? 0) + 1;
  }
}

/** Drops a share of the Pronote links, on both persons. */
function loseLinks(r: Random, pronote: Person[], share: number, counts: VariantCounts): void {
  if (!share) return;
  const lost = new Set<string>();
  for (const s of pronote) {
    if (s.category !== 'student' || s.guardians.length === 0) continue;
    const kept: Relation[] = [];
    for (const rel of s.guardians) {
      if (r.chance(share)) lost.add(`${s.id}|${rel.id}`);
      else kept.push(rel);
    }
    if (kept.length !== s.guardians.length) s.guardians = kept;
  }
  for (const gd of pronote) {
    if (gd.category !== 'guardian' || gd.children.length === 0) continue;
    const kept = gd.children.filter((rel) => !lost.has(`${rel.id}|${gd.id}`));
    if (kept.length !== gd.children.length) gd.children = kept;
  }
  counts.lostLinks = lost.size;
}

/**
 * Other schools of the same feed: for a share of the main school's accounts, an account elsewhere
 * with the same names and another birth date (students a few months apart, adults other years);
 * namesake guardians are linked to namesake students when both were drawn.
 */
function addNamesakeSchools(r: Random, g: VariantTarget, variant: Variant, counts: VariantCounts): void {
  if (!variant.namesakeSchools || !variant.namesakeShare) return;
  const ids = idMakers(g, r);
  const main = g.directory.filter((d) => d.structures.includes(g.school.structureId));
  const mainById = new Map(main.map((d) => [d.id, d]));
  for (let s = 0; s < variant.namesakeSchools; s++) {
    const structure = String(90000 + s * 17 + r.int(0, 16));
    const copies = new Map<string, Person>();
    for (const d of main) {
      if (!r.chance(variant.namesakeShare)) continue;
      let birthDate = d.birthDate;
      if (birthDate) {
        const year = Number(birthDate.slice(0, 4)) + (d.category === 'student' ? r.int(-1, 1) : r.int(-8, 8));
        const month = String(r.int(1, 12)).padStart(2, '0');
        birthDate = `${year}-${month}-${String(r.int(1, 28)).padStart(2, '0')}`;
        if (birthDate === d.birthDate) birthDate = `${year + 1}${birthDate.slice(4)}`;
      }
      const copy: Person = {
        ...d,
        id: ids.account(),
        birthDate,
        email: undefined,
        classes: d.category === 'student' ? [...d.classes] : d.classes,
        guardians: [],
        children: [],
        structures: [structure],
        location: '',
      };
      copies.set(d.id, copy);
      g.directory.push(copy);
      counts.namesakes = (counts.namesakes ?? 0) + 1;
    }
    for (const [originalId, copy] of copies) {
      if (copy.category !== 'student') continue;
      for (const rel of mainById.get(originalId)?.guardians ?? []) {
        const guardian = copies.get(rel.id);
        if (guardian) link(copy, guardian, rel.legal);
      }
    }
  }
}

/**
 * In-memory form of `links` (for callers that pair persons without writing files): `student` keeps
 * only the students' `guardians`, `guardian` only the guardians' `children`, `none` neither. The
 * readers make links symmetric (lib/input/relations.ts), so this is what a reader that does not
 * read one side's links would give.
 */
export function shapeLinks(pronote: Person[], links: LinkSide): void {
  for (const p of pronote) {
    if (p.category === 'student' && links !== 'student' && p.guardians.length) p.guardians = [];
    if (p.category === 'guardian' && links !== 'guardian' && p.children.length) p.children = [];
  }
}
