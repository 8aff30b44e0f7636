import { describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/core/person';
import { generate, TARGET_RATES } from '../../../scripts/generator/index';
import { stripAccents } from '../../../scripts/generator/noise';

const fold = (s: string) => s.toLocaleLowerCase('fr');

describe('generate (invent mode)', () => {
  it('gives the same people for the same seed and other people for another seed', () => {
    const a = generate({ seed: 7 });
    const b = generate({ seed: 7 });
    const c = generate({ seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.pronote.map((p) => p.lastName + p.firstName)).not.toEqual(c.pronote.map((p) => p.lastName + p.firstName));
    expect(a.truth).not.toEqual(c.truth);
  });

  it('makes a collège of about 250 students with its families and staff by default', () => {
    const g = generate({ seed: 1 });
    const count = (ps: Person[], c: string) => ps.filter((p) => p.category === c).length;
    const students = g.pronote.filter((p) => p.category === 'student' && g.truth.find((t) => t.pronoteId === p.id));
    expect(students.length).toBeGreaterThanOrEqual(250);
    expect(students.length).toBeLessThan(275);
    const perStudent = count(g.pronote, 'guardian') / count(g.pronote, 'student');
    expect(perStudent).toBeGreaterThan(1.4);
    expect(perStudent).toBeLessThan(1.8);
    expect(count(g.pronote, 'teacher')).toBeGreaterThanOrEqual(25);
    expect(count(g.pronote, 'staff')).toBeGreaterThanOrEqual(6);
    expect(count(g.pronote, 'supervisor')).toBeGreaterThanOrEqual(2);
    expect(count(g.pronote, 'inspector')).toBeGreaterThanOrEqual(2);
    expect(count(g.directory, 'supervisor') + count(g.directory, 'inspector')).toBe(0);
  });

  it('sizes both sides to the scale asked (10,000 Pronote persons vs 12,000 accounts)', () => {
    const g = generate({ seed: 2, scale: { pronote: 10_000, directory: 12_000 } });
    expect(Math.abs(g.pronote.length - 10_000)).toBeLessThan(100);
    expect(Math.abs(g.directory.length - 12_000)).toBeLessThan(20);
    const teachers = g.pronote.filter((p) => p.category === 'teacher').length;
    const students = g.pronote.filter((p) => p.category === 'student').length;
    expect(students / teachers).toBeGreaterThan(10);
    expect(students / teachers).toBeLessThan(14);
  });

  it('keeps the truth consistent with both sides and relations pointing at persons of the same side', () => {
    const g = generate({ seed: 3, students: 2000 });
    const pronoteIds = new Set(g.pronote.map((p) => p.id));
    const entById = new Map(g.directory.map((p) => [p.id, p]));
    expect(pronoteIds.size).toBe(g.pronote.length);
    expect(entById.size).toBe(g.directory.length);
    expect(g.truth.length).toBe(g.pronote.length);
    for (const row of g.truth) {
      expect(pronoteIds.has(row.pronoteId)).toBe(true);
      if (!row.entId) continue;
      const account = entById.get(row.entId);
      expect(account).toBeDefined();
      // The ENT has no supervisor or inspector category: their accounts are teacher or staff accounts.
      if (row.category === 'supervisor' || row.category === 'inspector') expect(['teacher', 'staff']).toContain(account!.category);
      else expect(account!.category).toBe(row.category);
    }
    for (const side of [g.pronote, g.directory]) {
      const byId = new Map(side.map((p) => [p.id, p]));
      for (const p of side) {
        for (const rel of p.guardians) {
          expect(byId.get(rel.id)?.category).toBe('guardian');
          expect(byId.get(rel.id)!.children.map((c) => c.id)).toContain(p.id);
        }
        for (const rel of p.children) expect(byId.get(rel.id)?.category).toBe('student');
      }
      // Every guardian is linked to at least one student of its side (a duplicate ENT account may not be).
      const duplicateIds = new Set(g.duplicates.map((d) => d.id));
      expect(side.filter((p) => p.category === 'guardian' && p.children.length === 0 && !duplicateIds.has(p.id))).toEqual([]);
    }
    // Siblings share guardians: some guardians have several children.
    expect(g.pronote.some((p) => p.category === 'guardian' && p.children.length >= 2)).toBe(true);
    // Staff have no IDPN (their id is the export's Ident); the others a 16-character Pronote identifier.
    for (const p of g.pronote) {
      if (p.category === 'staff') expect(p.idKind).toBe('Ident');
      else expect(p.id).toMatch(/^[A-Z0-9]{16}$/);
    }
  });

  it('draws the field noise at the rates of issue 3, as measured on the two sides through the truth', () => {
    const g = generate({ seed: 11, scale: { pronote: 40_000 } });
    const duplicateIds = new Set(g.duplicates.map((d) => d.id));
    const pronote = new Map(g.pronote.map((p) => [p.id, p]));
    const ent = new Map(g.directory.map((p) => [p.id, p]));
    let names = 0;
    let accented = 0;
    let accentLost = 0;
    let compound = 0;
    let separatorSwapped = 0;
    let dates = 0;
    let missing = 0;
    let swapped = 0;
    let guardians = 0;
    let birthNames = 0;
    let differing = 0;
    for (const row of g.truth) {
      if (!row.entId) continue;
      const p = pronote.get(row.pronoteId)!;
      const e = ent.get(row.entId)!;
      if (duplicateIds.has(p.id)) continue;
      for (const [a, b] of [
        [p.lastName, e.lastName],
        [p.firstName, e.firstName],
      ]) {
        names++;
        if (fold(a) !== fold(b)) differing++;
        if (stripAccents(a) !== a || stripAccents(b) !== b) {
          accented++;
          if (fold(a) !== fold(b) && fold(stripAccents(a)) === fold(stripAccents(b))) accentLost++;
        }
      }
      if (/[- ]/.test(p.firstName) && /[- ]/.test(e.firstName)) {
        compound++;
        if (fold(p.firstName.replace(/[- ]/g, '')) === fold(e.firstName.replace(/[- ]/g, '')) && fold(p.firstName) !== fold(e.firstName)) separatorSwapped++;
      }
      if (row.category !== 'guardian' && (p.birthDate || e.birthDate)) {
        dates++;
        if (!p.birthDate || !e.birthDate) missing++;
        else if (p.birthDate !== e.birthDate && p.birthDate.slice(5, 7) === e.birthDate.slice(8, 10)) swapped++;
      }
      if (row.category === 'guardian') {
        guardians++;
        if (e.birthName && fold(p.lastName) === fold(e.birthName) && fold(e.birthName) !== fold(e.lastName)) birthNames++;
      }
    }
    const near = (measured: number, target: number, tolerance: number) => expect(Math.abs(measured - target)).toBeLessThan(tolerance);
    // Accents lost on 15 % of accented names (a few more differ by a typo or a name change as well).
    near(accentLost / accented, TARGET_RATES.accentsLost, 0.03);
    near(separatorSwapped / compound, TARGET_RATES.hyphenSpace, 0.04);
    near(missing / dates, TARGET_RATES.missingBirthDate, 0.004);
    near(swapped / dates, TARGET_RATES.dayMonthSwap, 0.004);
    near(birthNames / guardians, TARGET_RATES.guardianBirthName, 0.02);
    // Names differing at all: accents, separators, typos (1.5 %) and birth names together.
    expect(differing / names).toBeGreaterThan(0.08);
    expect(differing / names).toBeLessThan(0.2);
    // The rates reported are those drawn.
    near(g.rates.typo, TARGET_RATES.typo, 0.003);
    near(g.rates.formerStudentsEntOnly, TARGET_RATES.formerStudentsEntOnly, 0.008);
    near(g.rates.newStudentsPronoteOnly, TARGET_RATES.newStudentsPronoteOnly, 0.008);
    const studentsEnt = g.directory.filter((p) => p.category === 'student');
    const paired = new Set(g.truth.map((t) => t.entId));
    const formerEnt = studentsEnt.filter((p) => !paired.has(p.id));
    expect(formerEnt.length / studentsEnt.length).toBeGreaterThan(0.03);
  });

  it('makes twins, homonyms, duplicates on both sides and guardians known to Pronote only', () => {
    const g = generate({ seed: 5, students: 3000 });
    const students = g.pronote.filter((p) => p.category === 'student');
    const key = (p: Person) => `${stripAccents(fold(p.lastName))}|${p.birthDate}`;
    const byKey = new Map<string, Person[]>();
    for (const s of students) byKey.set(key(s), [...(byKey.get(key(s)) ?? []), s]);
    const twins = [...byKey.values()].filter((l) => l.length >= 2 && new Set(l.map((s) => fold(s.firstName))).size >= 2);
    expect(twins.length).toBeGreaterThan(5);
    const names = new Map<string, Set<string | undefined>>();
    for (const s of students) {
      const k = fold(`${s.lastName}|${s.firstName}`);
      names.set(k, (names.get(k) ?? new Set()).add(s.birthDate));
    }
    expect([...names.values()].filter((dates) => dates.size >= 2).length).toBeGreaterThan(3);
    expect(g.duplicates.filter((d) => d.side === 'pronote').length).toBeGreaterThan(3);
    expect(g.duplicates.filter((d) => d.side === 'directory').length).toBeGreaterThan(3);
    const guardiansWithout = g.truth.filter((t) => t.category === 'guardian' && !t.entId);
    expect(guardiansWithout.length / g.truth.filter((t) => t.category === 'guardian').length).toBeGreaterThan(0.02);
    const outsiders = g.truth.filter((t) => t.category === 'supervisor' || t.category === 'inspector');
    expect(outsiders.filter((t) => !t.entId).length / outsiders.length).toBeGreaterThan(0.6);
  });
});
