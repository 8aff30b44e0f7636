/**
 * Writes a population on both sides: the Pronote persons (as the partner export would give them)
 * and the ENT directory accounts (as the AAF feed would), with the field's noise (issue 3) drawn
 * person by person, the truth (which Pronote person is which ENT account) and the rates measured on
 * what was drawn.
 */
import { CATEGORIES, type Category, type Person } from '../../lib/core/person';
import { canSwapDayMonth, hasAccent, isCompound, stripAccents, swapHyphenSpace, typo } from './noise';
import type { Individual } from './population';
import { TARGET_RATES } from './population';
import type { Random } from './prng';

export interface TruthRow {
  category: Category;
  pronoteId: string;
  /** Empty when the person has no ENT account. */
  entId: string;
}

export interface Sides {
  pronote: Person[];
  directory: Person[];
  truth: TruthRow[];
  rates: Record<string, number>;
  /** Persons written twice: the second record's id and the id of the first (same side). */
  duplicates: { side: 'pronote' | 'directory'; id: string; of: string }[];
}

export interface SidesOptions {
  /** Where noise may fall: both sides (invented people) or Pronote only (people drawn from a real directory). */
  noiseOn: 'both' | 'pronote';
  /** Shown as each Person's `source`. */
  pronoteSource: string;
  directorySource: string;
  /** First ENT account id to hand out (7-digit ids, as in the AAF feed). */
  firstEntId?: number;
  /** Called every 50,000 persons with the share done, in [0, 1]. */
  onProgress?: (done: number) => void;
}

/**
 * Shared, frozen empty list and record: most persons have no children, no other given names... and
 * one array per field per person would double the memory of a 450,000-person draw.
 */
const NONE = Object.freeze([]) as unknown as never[];
const NO_RAW = Object.freeze({}) as Record<string, string>;

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A Pronote identifier: 16 upper-case letters and digits (DOMAIN.md, "The Pronote identifier export"). */
export function drawIdpn(random: Random): string {
  // One flat string (a `+=` loop would keep a 16-node rope per id alive).
  const codes = new Array<number>(16);
  for (let i = 0; i < 16; i++) codes[i] = ID_CHARS.charCodeAt(Math.floor(random.next() * 36));
  return String.fromCharCode(...codes);
}

/** Partner-export element of each category (DOMAIN.md; `MaitreDeStage`, `InspecteurPedagogique` by the same habit). */
export const PARTNER_ELEMENT: Record<Category, string> = {
  teacher: 'Professeur',
  student: 'Eleve',
  guardian: 'Responsable',
  supervisor: 'MaitreDeStage',
  inspector: 'InspecteurPedagogique',
  staff: 'Personnel',
};

/** AAF `categoriePersonne` of each ENT category. */
export const AAF_CATEGORY: Partial<Record<Category, string>> = {
  student: 'Eleve',
  guardian: 'PersRelEleve',
  teacher: 'PersEducNat',
  staff: 'PersEducNat',
};

class Counter {
  hit = 0;
  of = 0;
  count(eligible: boolean, hit: boolean): void {
    if (!eligible) return;
    this.of++;
    if (hit) this.hit++;
  }
  get rate(): number {
    return this.of ? this.hit / this.of : 0;
  }
}

/**
 * Derives both sides from `people`. Noise per paired person (issue 3 rates): accents lost on 15 %
 * of accented names, hyphen ↔ space on 30 % of compound given names, a typo in 1.5 % of names,
 * 1 % of birth dates missing, 1 % swapped day/month, guardians under their birth name in Pronote
 * (decided in the population), Pronote's upper-case last names, the ENT's mixed cases.
 * `rates` holds what was drawn, measured on persons present on both sides.
 */
export function deriveSides(random: Random, people: Individual[], options: SidesOptions): Sides {
  const r = random;
  const n = people.length;
  // Filled by push: `new Array(n)` of a large n makes a slow dictionary-mode array in V8.
  const entIds: string[] = [];
  for (let i = 0; i < n; i++) entIds.push('');
  let nextEnt = options.firstEntId ?? 2_000_000 + r.int(0, 600_000);
  const usedEnt = new Set<string>();
  for (const p of people) if (p.entPerson) usedEnt.add(p.entPerson.id);
  const newEntId = (): string => {
    let id: string;
    do {
      nextEnt += r.int(1, 3);
      id = String(nextEnt);
    } while (usedEnt.has(id));
    return id;
  };
  let nextIdent = r.int(100, 900);

  const pronote: Person[] = [];
  const directory: Person[] = [];
  const pronoteIndex: number[] = [];
  const directoryIndex: number[] = [];
  const truth: TruthRow[] = [];
  const duplicates: Sides['duplicates'] = [];
  const rates = {
    accentsLost: new Counter(),
    hyphenSpace: new Counter(),
    typo: new Counter(),
    dayMonthSwap: new Counter(),
    missingBirthDate: new Counter(),
    guardianBirthName: new Counter(),
    formerStudentsEntOnly: new Counter(),
    newStudentsPronoteOnly: new Counter(),
    formerStudentsPronoteOnly: new Counter(),
    guardiansWithoutRights: new Counter(),
    duplicatesPronote: new Counter(),
    duplicatesEnt: new Counter(),
    supervisorsInspectorsWithAccount: new Counter(),
    twinsPerStudent: new Counter(),
  };
  const swapProbability = TARGET_RATES.dayMonthSwap / 0.36; // about 36 % of dates can be swapped into another valid date

  for (let i = 0; i < n; i++) {
    if (i % 50_000 === 49_999) options.onProgress?.(i / n);
    const ind = people[i];
    const paired = ind.presence === 'both';
    const inPronote = ind.presence !== 'ent';
    const inEnt = ind.presence !== 'pronote';
    const side = (): 'p' | 'e' => (options.noiseOn === 'pronote' || r.chance(0.7) ? 'p' : 'e');
    const base = ind.entPerson;
    // Each name as each side writes it (`p` Pronote, `e` ENT), noised below.
    const last = { p: ind.pronoteBirthName && ind.birthName ? ind.birthName : ind.lastName, e: ind.lastName };
    const first = { p: ind.firstName, e: ind.firstName };
    let pDate = ind.birthDate;
    let eDate = ind.birthDate;
    /** With probability `rate` (counted in `counter`), `change` one side's spelling of `name`, the side from `side()`. */
    const noise = (name: { p: string; e: string }, rate: number, counter: Counter, change: (value: string) => string) => {
      const hit = r.chance(rate);
      counter.count(paired, hit);
      if (!hit) return;
      const s = side();
      name[s] = change(name[s]);
    };

    if (hasAccent(ind.lastName)) noise(last, TARGET_RATES.accentsLost, rates.accentsLost, stripAccents);
    if (hasAccent(ind.firstName)) noise(first, TARGET_RATES.accentsLost, rates.accentsLost, stripAccents);
    if (isCompound(ind.firstName)) noise(first, TARGET_RATES.hyphenSpace, rates.hyphenSpace, swapHyphenSpace);
    for (const name of [last, first]) noise(name, TARGET_RATES.typo, rates.typo, (value) => typo(r, value));
    if (ind.birthDate) {
      const missing = r.chance(TARGET_RATES.missingBirthDate);
      const swapped = !missing && canSwapDayMonth(ind.birthDate) && r.chance(swapProbability);
      rates.missingBirthDate.count(paired, missing);
      rates.dayMonthSwap.count(paired, swapped);
      if (missing) {
        if (options.noiseOn === 'pronote' || r.chance(0.8)) pDate = undefined;
        else eDate = undefined;
      } else if (swapped) {
        const d = ind.birthDate;
        const s = `${d.slice(0, 4)}-${d.slice(8, 10)}-${d.slice(5, 7)}`;
        if (side() === 'p') pDate = s;
        else eDate = s;
      }
    }
    if (ind.category === 'guardian') rates.guardianBirthName.count(paired, Boolean(ind.pronoteBirthName && ind.birthName));
    if (ind.category === 'student') {
      rates.formerStudentsEntOnly.count(inEnt && ind.tag !== 'other-school', ind.tag === 'former-ent');
      rates.newStudentsPronoteOnly.count(inPronote, ind.tag === 'new');
      rates.formerStudentsPronoteOnly.count(inPronote, ind.tag === 'former-pronote');
    }
    if (ind.category === 'guardian') rates.guardiansWithoutRights.count(inPronote, ind.tag === 'no-rights');
    if (ind.category === 'supervisor' || ind.category === 'inspector') rates.supervisorsInspectorsWithAccount.count(true, inEnt);
    rates.duplicatesPronote.count(inPronote, Boolean(ind.pronoteDuplicate));
    rates.duplicatesEnt.count(inEnt && !base, Boolean(ind.entDuplicate));

    if (inPronote) {
      const adultCase = r.next();
      const person: Person = {
        side: 'pronote',
        source: options.pronoteSource,
        location: '',
        category: ind.category,
        id: '',
        idKind: ind.category === 'staff' ? 'Ident' : 'IDPN',
        // Pronote writes last names in capitals (its "NOM" habit), now and then as typed.
        lastName: adultCase < 0.85 ? last.p.toUpperCase() : last.p,
        firstName: adultCase > 0.97 ? first.p.toUpperCase() : first.p,
        otherFirstNames: NONE,
        birthDate: ind.category === 'guardian' ? undefined : pDate,
        sex: ind.sex,
        classes: ind.category === 'student' ? ind.classes : NONE,
        email: ind.email,
        postalCode: ind.postalCode,
        children: ind.category === 'guardian' ? [] : NONE,
        guardians: ind.category === 'student' ? [] : NONE,
        structures: NONE,
        raw: NO_RAW,
      };
      const ident = String(nextIdent++);
      person.id = ind.category === 'staff' ? ident : drawIdpn(r);
      person.raw = { Ident: ident };
      pronote.push(person);
      pronoteIndex.push(i);
      truth.push({ category: ind.category, pronoteId: person.id, entId: '' });
      if (ind.pronoteDuplicate) {
        const ident = String(nextIdent++);
        const copy: Person = {
          ...person,
          lastName: r.chance(0.5) ? stripAccents(person.lastName) : person.lastName,
          id: ind.category === 'staff' ? ident : drawIdpn(r),
          raw: { Ident: ident },
          children: ind.category === 'guardian' ? [] : NONE,
          guardians: ind.category === 'student' ? [] : NONE,
        };
        pronote.push(copy);
        pronoteIndex.push(i);
        truth.push({ category: ind.category, pronoteId: copy.id, entId: '' });
        duplicates.push({ side: 'pronote', id: copy.id, of: person.id });
      }
    }
    if (inEnt) {
      let person: Person;
      if (base) {
        person = base;
        entIds[i] = base.id;
      } else {
        const category = ind.entCategory ?? ind.category;
        const adult = category === 'teacher' || category === 'staff';
        // AAF habits: PersEducNat names often all in capitals; birth names (ENTPersonNomPatro) in capitals.
        const upper = adult ? r.chance(0.6) : r.chance(0.35);
        entIds[i] = newEntId();
        person = {
          side: 'directory',
          source: options.directorySource,
          location: '',
          category,
          id: entIds[i],
          idKind: 'account',
          lastName: upper ? last.e.toUpperCase() : last.e,
          birthName: (ind.birthName ?? ind.lastName).toUpperCase(),
          firstName: upper ? first.e.toUpperCase() : first.e,
          otherFirstNames: ind.otherFirstNames.length ? ind.otherFirstNames : NONE,
          birthDate: category === 'guardian' ? undefined : eDate,
          sex: ind.sex,
          civility: ind.civility,
          classes: category === 'student' ? ind.classes : NONE,
          email: category === 'student' ? undefined : ind.email,
          postalCode: category === 'guardian' ? ind.postalCode : undefined,
          children: category === 'guardian' ? [] : NONE,
          guardians: category === 'student' ? [] : NONE,
          structures: [ind.structure],
          raw: NO_RAW,
        };
      }
      directory.push(person);
      directoryIndex.push(i);
      if (ind.entDuplicate && !base) {
        const copy: Person = {
          ...person,
          id: newEntId(),
          lastName: r.chance(0.5) ? stripAccents(person.lastName) : person.lastName,
          birthDate: r.chance(0.3) ? undefined : person.birthDate,
          children: person.category === 'guardian' ? [] : NONE,
          guardians: person.category === 'student' ? [] : NONE,
        };
        directory.push(copy);
        directoryIndex.push(i);
        duplicates.push({ side: 'directory', id: copy.id, of: person.id });
      }
    }
  }

  // Truth: each Pronote person (duplicates included) → the person's first ENT account, when it has one.
  for (let k = 0; k < pronote.length; k++) {
    const i = pronoteIndex[k];
    if (people[i].presence === 'both') truth[k].entId = entIds[i];
  }

  // Relations by id on each side: a student's guardians present on that side, and the reverse.
  // Typed arrays by individual (not Maps): lookups stay cheap at 450,000 persons.
  const pronoteFirst = new Int32Array(n).fill(-1);
  for (let k = pronote.length - 1; k >= 0; k--) pronoteFirst[pronoteIndex[k]] = k;
  for (let k = 0; k < pronote.length; k++) {
    const student = pronote[k];
    if (student.category !== 'student') continue;
    for (const link of people[pronoteIndex[k]].guardians) {
      // A guardian's records are consecutive: the first, then its duplicate when there is one.
      for (let g = pronoteFirst[link.index]; g >= 0 && g < pronote.length && pronoteIndex[g] === link.index; g++) {
        student.guardians.push({ id: pronote[g].id });
        pronote[g].children.push({ id: student.id });
      }
    }
  }
  const directoryFirst = new Int32Array(n).fill(-1);
  for (let k = directory.length - 1; k >= 0; k--) directoryFirst[directoryIndex[k]] = k;
  for (let k = 0; k < directory.length; k++) {
    const student = directory[k];
    const ind = people[directoryIndex[k]];
    if (student.category !== 'student' || ind.entPerson || directoryFirst[directoryIndex[k]] !== k) continue;
    for (const link of ind.guardians) {
      const g = directoryFirst[link.index];
      if (g < 0 || people[link.index].entPerson) continue;
      const guardian = directory[g];
      student.guardians.push({ id: guardian.id, legal: link.legal });
      guardian.children.push({ id: student.id, legal: link.legal });
    }
  }

  locate(pronote, (p) => PARTNER_ELEMENT[p.category]);
  locate(directory, (p) => AAF_CATEGORY[p.category] ?? p.category);
  let twins = 0;
  for (let i = 0; i < n; i++) {
    const a = people[i];
    if (a.category !== 'student' || a.presence === 'ent') continue;
    const b = people[i + 1];
    if (b && b.category === 'student' && b.birthDate === a.birthDate && b.lastName === a.lastName && b.guardians[0]?.index === a.guardians[0]?.index) twins++;
  }
  rates.twinsPerStudent.hit = twins;
  rates.twinsPerStudent.of = rates.newStudentsPronoteOnly.of;

  const out: Record<string, number> = {};
  for (const [key, counter] of Object.entries(rates)) out[key] = counter.rate;
  return { pronote, directory, truth, rates: out, duplicates };
}

/** Sets each person's `location` to `<element>[k]`, k counted per category from 1 in array order. */
function locate(persons: Person[], element: (p: Person) => string): void {
  const counters = new Map<string, number>();
  for (const p of persons) {
    if (p.location) continue;
    const name = element(p);
    const k = (counters.get(name) ?? 0) + 1;
    counters.set(name, k);
    p.location = `${name}[${k}]`;
  }
}

/** Sorts persons by the seed's category order (teachers, students, guardians, supervisors, inspectors, staff), stable. */
export function byCategory<T extends { category: Category }>(items: T[]): T[] {
  const order = new Map(CATEGORIES.map((c, i) => [c, i]));
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => order.get(a.item.category)! - order.get(b.item.category)! || a.i - b.i)
    .map((x) => x.item);
}
