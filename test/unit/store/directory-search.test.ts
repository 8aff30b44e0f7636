import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../../lib/directory';
import { DirectorySearch } from '../../../lib/store/directory-search';
import { readFileSync, readdirSync } from 'node:fs';

const AAF = '../shared/data/aaf-entcore';
const directory = readDirectory(
  readdirSync(AAF)
    .filter((f) => f.endsWith('.xml'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${AAF}/${name}`)) })),
).persons;

describe('directory search (MiniSearch over the whole AAF directory)', () => {
  const index = new DirectorySearch(directory);

  it('indexes every person of the directory', () => {
    expect(index.size).toBe(directory.length);
    expect(directory.length).toBeGreaterThan(10_000);
  });

  it('finds a person whatever the accents and case, and with a typo', () => {
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
    const target = directory.find((p) => fold(p.firstName) !== p.firstName && p.lastName.length >= 5)!;
    const ids = (q: string) => index.search(q, 50).map((h) => h.id);
    // typed without accents and in other case
    expect(ids(`${target.lastName.toLowerCase()} ${fold(target.firstName).toUpperCase()}`)).toContain(target.id);
    const plain = fold(target.lastName).toUpperCase();
    // one letter changed in the last name
    const typo = plain.slice(0, 2) + (plain[2] === 'X' ? 'Y' : 'X') + plain.slice(3);
    expect(ids(`${typo} ${target.firstName}`)).toContain(target.id);
  });

  it('finds a short surname typed with two neighbouring letters swapped', () => {
    const target = directory.find((p) => p.lastName.length === 6 && /^[A-Z]+$/.test(p.lastName) && p.lastName[3] !== p.lastName[4])!;
    const n = target.lastName;
    const swapped = n.slice(0, 3) + n[4] + n[3] + n.slice(5);
    expect(index.search(`${swapped} ${target.firstName}`, 50).map((h) => h.id)).toContain(target.id);
    // The surname alone, as typed while the given name is not yet: among the first answers.
    expect(index.search(swapped, 20).map((h) => h.id)).toContain(target.id);
  });

  it('answers as the user types (prefixes), best match first', () => {
    const target = directory.find((p) => p.category === 'student' && p.lastName.length >= 6)!;
    const hits = index.search(`${target.lastName.slice(0, 4)} ${target.firstName}`, 30);
    expect(hits.map((h) => h.id)).toContain(target.id);
    expect(index.search('   ')).toEqual([]);
  });
});

describe('directory search of a step (its own categories first)', () => {
  const index = new DirectorySearch(directory);
  const common = (() => {
    // A surname borne by students and by guardians alike (parents and children share it).
    const byName = new Map<string, Set<string>>();
    for (const p of directory) byName.set(p.lastName, (byName.get(p.lastName) ?? new Set()).add(p.category));
    return [...byName].find(([, cats]) => cats.has('student') && cats.has('guardian'))![0];
  })();

  it('lists only the own categories unless asked, then the others after them', () => {
    const own = index.searchPools(common, 30, ['student'], false);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((h) => h.category === 'student')).toBe(true);
    const all = index.searchPools(common, 30, ['student'], true);
    const firstOther = all.findIndex((h) => h.category !== 'student');
    expect(firstOther).toBe(own.length);
    expect(all.slice(firstOther).some((h) => h.category === 'guardian')).toBe(true);
    expect(all.slice(firstOther).every((h) => h.category !== 'student')).toBe(true);
  });

  it('gives supervisors and inspectors the teacher and staff pools', () => {
    const teacher = directory.find((p) => p.category === 'teacher')!;
    const hits = index.searchPools(`${teacher.lastName} ${teacher.firstName}`, 30, ['teacher', 'staff'], false);
    expect(hits.map((h) => h.id)).toContain(teacher.id);
    expect(hits.every((h) => h.category === 'teacher' || h.category === 'staff')).toBe(true);
  });
});
