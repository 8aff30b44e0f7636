/**
 * In-memory generator of labelled rapprochement data (issue 3): the same people written as a
 * Pronote export and as an ENT directory, with the truth. Used by the benchmarks and tests of other
 * modules, and by `scripts/generate.ts` which writes the files.
 *
 * ```ts
 * const g = generate({ seed: 1, scale: { pronote: 10_000, directory: 12_000 } });
 * g.pronote.length; // ≈ 10,000 Persons (side 'pronote'); g.directory ≈ 12,000 (side 'directory')
 * g.truth; // one row per Pronote person: { category, pronoteId, entId } (entId '' when no account)
 * ```
 */
import type { Category, Person } from '../../lib/core/person';
import { fromAafPopulation } from './from-aaf';
import { ensureFieldCases, type Individual, PopulationBuilder, type School, makeSchool, staffCounts } from './population';
import { createRandom } from './prng';
import { deriveSides } from './sides';
import { applyVariant, type LinkSide, type Variant, type VariantCounts, variantNamed } from './variants';

export { TARGET_RATES } from './population';

/** The bundled `sample/`: a seed whose 250-student draw shows every case of the field at least once. */
export const SAMPLE = { seed: 13, students: 250 } as const;
export type { School } from './population';

export interface GenerateOptions {
  /** Any integer: the same seed gives the same output. */
  seed: number;
  /** Current students of the school (default 250 when neither this nor `scale` is given). */
  students?: number;
  /**
   * Sizes wanted: about `pronote` Pronote persons (±1 %) and, when larger than what the school's own
   * accounts make, `directory` ENT accounts (other structures of the same AAF feed fill the difference).
   */
  scale?: { pronote: number; directory?: number };
  /** From-AAF mode: the ENT side is these directory persons, unchanged; the Pronote side is drawn from them. */
  fromAaf?: Person[];
  /** Called now and then, `done` in [0, 1]. */
  onProgress?: (done: number, stage: string) => void;
  /**
   * A named variant (variants.ts) or its name: applied after the sides are drawn, from its own
   * random stream (so `base` gives exactly the draw without a variant). Default: none (`base`).
   */
  variant?: Variant | string;
}

export interface Generated {
  pronote: Person[];
  directory: Person[];
  truth: { category: Category; pronoteId: string; entId: string }[];
  /** Noise and population shares actually drawn (measured on persons present on both sides where it applies). */
  rates: Record<string, number>;
  /** The main school (the Pronote base). */
  school: School;
  /** Persons written twice on one side: the second record's id and the first's. */
  duplicates: { side: 'pronote' | 'directory'; id: string; of: string }[];
  /** The variant applied (`base` when none) and how many of each of its changes were made. */
  variant: { name: string; links: LinkSide; counts: VariantCounts };
}

function withVariant(seed: number, g: Omit<Generated, 'variant'>, option: Variant | string | undefined, directoryEditable: boolean): Generated {
  if (!option) return { ...g, variant: { name: 'base', links: 'student', counts: {} } };
  const v = typeof option === 'string' ? variantNamed(option) : option;
  const counts = applyVariant(createRandom(seed ^ 0x13131313), g, v, { directoryEditable });
  return { ...g, variant: { name: v.name, links: v.links, counts } };
}

/** The share of a school's staff present in Pronote (see `PopulationBuilder.staffFor`). */
function pronoteStaff(students: number): number {
  const c = staffCounts(students);
  return c.teachers * 0.98 + c.staff * 0.95 + c.supervisors + c.inspectors;
}

/**
 * Generates both sides. Invent mode (no `fromAaf`): a school of `students` students, or sized to
 * `scale`; from-AAF mode: see `from-aaf.ts`. Runs in about a second per 100,000 persons.
 * @throws RangeError when a size is not a positive number.
 */
export function generate(options: GenerateOptions): Generated {
  const random = createRandom(options.seed);
  const progress = options.onProgress ?? (() => {});
  if (options.fromAaf) {
    const { people, school } = fromAafPopulation(random, options.fromAaf);
    progress(0.5, 'population');
    const sides = deriveSides(random, people, {
      noiseOn: 'pronote',
      pronoteSource: 'generator: pronote',
      directorySource: 'generator: directory',
    });
    progress(1, 'done');
    return withVariant(options.seed, { ...sides, school }, options.variant, false);
  }
  const target = options.scale?.pronote;
  const students = options.students ?? (target ? undefined : 250);
  for (const size of [target, students, options.scale?.directory]) {
    if (size !== undefined && !(Number.isFinite(size) && size > 0)) throw new RangeError(`size must be a positive number, got ${size}`);
  }
  const estimate = students ?? Math.max(10, Math.round((target! - 16) / 2.8));
  const school = makeSchool(random, estimate);
  const builder = new PopulationBuilder(random, school);
  const step = Math.max(1, Math.round(estimate / 20));
  let reported = 0;
  if (students !== undefined) {
    while (builder.currentStudents < students) {
      builder.family('main');
      if (builder.currentStudents - reported >= step) {
        reported = builder.currentStudents;
        progress(reported / students / 2, 'population');
      }
    }
  } else {
    while (builder.pronoteCount + pronoteStaff(builder.currentStudents) < target!) {
      builder.family('main');
      if (builder.currentStudents - reported >= step) {
        reported = builder.currentStudents;
        progress(Math.min(1, reported / estimate) / 2, 'population');
      }
    }
  }
  builder.staffFor(builder.currentStudents);
  ensureFieldCases(builder);
  const directoryTarget = options.scale?.directory;
  if (directoryTarget && builder.entCount < directoryTarget) {
    // The AAF feed spans several structures (DOMAIN.md, "The AAF feed"): the extra accounts belong to another school.
    const other = makeSchool(random, directoryTarget - builder.entCount);
    let otherStudents = 0;
    let otherTeachers = 0;
    while (builder.entCount < directoryTarget) {
      const before = builder.people.length;
      builder.family('other-school', other);
      for (let i = before; i < builder.people.length; i++) if (builder.people[i].category === 'student') otherStudents++;
      while (otherTeachers < otherStudents / 12 && builder.entCount < directoryTarget) {
        builder.adult(otherTeachers % 3 === 2 ? 'staff' : 'teacher', 'ent', other, 'other-school');
        otherTeachers++;
      }
    }
  }
  progress(0.5, 'population');
  const people: Individual[] = builder.people;
  const sides = deriveSides(random, people, {
    noiseOn: 'both',
    pronoteSource: 'generator: pronote',
    directorySource: 'generator: directory',
    onProgress: (done) => progress(0.5 + done / 2, 'sides'),
  });
  progress(1, 'done');
  return withVariant(options.seed, { ...sides, school }, options.variant, true);
}
