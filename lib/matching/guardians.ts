/**
 * Guardians through their children (issue 4; issue 13, points 1 and 5): the Pronote guardian's
 * children already paired give the ENT guardians of those students as candidates, and the count of
 * shared children as evidence. Links are read both ways (a student's `guardians`, a guardian's
 * `children`) on both sides.
 */
import { NO_PREPARED } from './candidates';
import type { Prepared } from './compare';
import type { Outcome } from './run';

const NO_INDEXES: number[] = [];

/** The guardians' links of a run, once the students are paired. */
export interface GuardianLinks {
  /** Each Pronote guardian's Pronote children, by Pronote index. */
  kidsOf: Array<Prepared[] | undefined>;
  /**
   * Directory indexes of the school's guardians: the accounts linked to the students surely paired,
   * and to the student accounts of the school's structures (`schoolStructures`).
   */
  linked: Set<number>;
  /** Directory indexes of the accounts linked to the students surely paired (a part of `linked`). */
  ofPairedStudents: Set<number>;
  /**
   * The number of `p`'s surely paired children whose account the directory links to `d`; -1 when
   * none of `p`'s children is surely paired (nothing known).
   */
  children(p: Prepared, d: Prepared): number;
  /** The accounts linked to the accounts of `p`'s paired children (sure or not): extra candidates. */
  extra(p: Prepared): Prepared[];
}

/**
 * The links between Pronote guardians and directory guardians through the students paired in
 * `outcomes`. `schoolStructures`: the school's structure ids (`ScopeInfo.structures`, from the UAI
 * or the sure pairs; compared without case); [] when unknown.
 */
export function guardianLinks(P: Prepared[], D: Prepared[], outcomes: Map<number, Outcome>, schoolStructures: readonly string[] = []): GuardianLinks {
  // Small lists, not sets: a person has a few children or guardians, and 100,000 sets weigh a lot.
  const kidsOf: Array<Prepared[] | undefined> = new Array(P.length);
  eachLink(P, (s, g) => {
    const list = kidsOf[g.index];
    if (!list) kidsOf[g.index] = [s];
    else if (!list.includes(s)) list.push(s);
  });
  const dirGuardiansOf: Array<number[] | undefined> = new Array(D.length);
  eachLink(D, (s, g) => {
    const list = dirGuardiansOf[s.index];
    if (!list) dirGuardiansOf[s.index] = [g.index];
    else if (!list.includes(g.index)) list.push(g.index);
  });
  // Only sure child pairs lower a guardian's threshold or weigh as shared children (issue 13,
  // point 5: a weak student pair must not carry its error to the guardian); any automatic child
  // pair still brings its account's guardians as candidates.
  const pairedKids: Array<number[] | undefined> = new Array(P.length);
  const candidateKids: Array<number[] | undefined> = new Array(P.length);
  kidsOf.forEach((kids, gi) => {
    if (!kids) return;
    let sure: number[] | undefined;
    let any: number[] | undefined;
    for (let i = 0; i < kids.length; i++) {
      const o = outcomes.get(kids[i].index);
      if (o?.status !== 'auto' || !o.pair) continue;
      if (!any) any = [];
      any.push(o.pair.d.index);
      if (!o.sure) continue;
      if (!sure) sure = [];
      sure.push(o.pair.d.index);
    }
    if (sure) pairedKids[gi] = sure;
    if (any) candidateKids[gi] = any;
  });
  // The accounts linked to surely paired students: the guardians of the school's population.
  const linked = new Set<number>();
  outcomes.forEach((o) => {
    if (o.status !== 'auto' || !o.sure || !o.pair || o.pair.d.person.category !== 'student') return;
    const gs = dirGuardiansOf[o.pair.d.index];
    if (gs) for (let i = 0; i < gs.length; i++) linked.add(gs[i]);
  });
  const ofPairedStudents = new Set(linked);
  // And those linked to the school's student accounts, paired or not: a student left to review (a
  // partial name, a Pronote duplicate) is still of the school, and so are the guardians the
  // directory gives it (issue 13, point 2: candidates come first from the school's own population).
  // Guardian accounts carry no structure in the AAF (PersRelEleve has no ENTPersonStructRattach),
  // so their children's structures are the only way to the school.
  if (schoolStructures.length) {
    const wanted = new Set(schoolStructures.map((x) => x.toUpperCase()));
    for (let i = 0; i < D.length; i++) {
      const gs = dirGuardiansOf[i];
      if (!gs || D[i].person.category !== 'student') continue;
      const structures = D[i].person.structures;
      let inside = false;
      for (let j = 0; j < structures.length && !inside; j++) inside = wanted.has(structures[j].toUpperCase());
      if (inside) for (let k = 0; k < gs.length; k++) linked.add(gs[k]);
    }
  }
  // Called for every account compared with one person in turn: that person's lookup is kept.
  let lastP: Prepared | undefined;
  let lastKids: number[] | undefined;
  return {
    kidsOf,
    linked,
    ofPairedStudents,
    children(p: Prepared, d: Prepared): number {
      if (p !== lastP) {
        lastP = p;
        lastKids = pairedKids[p.index];
      }
      const kids = lastKids;
      if (!kids) return -1;
      let shared = 0;
      for (let i = 0; i < kids.length; i++) if (dirGuardiansOf[kids[i]]?.includes(d.index)) shared++;
      return shared;
    },
    extra(p: Prepared): Prepared[] {
      const kids = candidateKids[p.index];
      if (!kids) return NO_PREPARED;
      const out: Prepared[] = [];
      for (let i = 0; i < kids.length; i++) {
        const gs = dirGuardiansOf[kids[i]] ?? NO_INDEXES;
        for (let j = 0; j < gs.length; j++) if (!out.includes(D[gs[j]])) out.push(D[gs[j]]);
      }
      return out;
    },
  };
}

/**
 * Calls `link(student, guardian)` for each link between two persons of one side, read both ways (a
 * student's `guardians`, a guardian's `children`), in the side's order; a link may come twice, and
 * links to an id absent from the side are skipped. Persons are found by id per category, so no
 * "category|id" string is built per link.
 */
function eachLink(side: Prepared[], link: (student: Prepared, guardian: Prepared) => void): void {
  const students = new Map<string, Prepared>();
  const guardians = new Map<string, Prepared>();
  for (let i = 0; i < side.length; i++) {
    const p = side[i];
    if (p.person.category === 'student') students.set(p.person.id, p);
    else if (p.person.category === 'guardian') guardians.set(p.person.id, p);
  }
  for (let i = 0; i < side.length; i++) {
    const p = side[i];
    const { children, guardians: theirGuardians } = p.person;
    if (p.person.category === 'guardian') {
      for (let j = 0; j < children.length; j++) {
        const s = students.get(children[j].id);
        if (s) link(s, p);
      }
    } else if (p.person.category === 'student') {
      for (let j = 0; j < theirGuardians.length; j++) {
        const g = guardians.get(theirGuardians[j].id);
        if (g) link(p, g);
      }
    }
  }
}
