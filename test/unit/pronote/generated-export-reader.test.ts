/**
 * Where the readers meet the generator (scripts/generator): every layout it writes is read back to
 * the same persons, so the files that benchmarks and the sample use are read as intended.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../../lib/directory';
import type { InputFile } from '../../../lib/input/source';
import type { Person } from '../../../lib/core/person';
import { readPronoteExport } from '../../../lib/pronote';
import { generate } from '../../../scripts/generator/index';
import { aafFiles, type OutputFile } from '../../../scripts/generator/write-aaf';
import { contentOf } from '../../../scripts/generator/write-files';
import { pronoteFiles } from '../../../scripts/generator/write-pronote';
import { directoryCsv } from '../../../scripts/generator/write-tables';

const g = generate({ seed: 11, students: 120 });
const asInput = (f: OutputFile): InputFile => {
  const text = contentOf(f);
  return { name: f.name, bytes: new Uint8Array(f.encoding ? iconv.encode(text, f.encoding) : Buffer.from(text, 'utf8')) };
};
const key = (p: Person) => `${p.category}|${p.id}|${p.lastName}|${p.firstName}|${p.birthDate ?? ''}`;
const children = (persons: Person[]) =>
  persons
    .filter((p) => p.category === 'guardian')
    .map(
      (p) =>
        `${p.id}:${p.children
          .map((c) => c.id)
          .sort()
          .join(',')}`,
    )
    .sort();

describe('generated files read back', () => {
  it.each(['partner', 'edt', 'english'] as const)('Pronote export, %s layout: every person, no record lost', (layout) => {
    const [file] = pronoteFiles(g.pronote, [layout]);
    const r = readPronoteExport([asInput(file)]);
    expect(r.layout).toBe(layout === 'partner' ? 'partner' : 'sniffed');
    expect(r.notRead).toEqual([]);
    expect(r.persons.map(key).sort()).toEqual(g.pronote.map(key).sort());
    if (layout !== 'edt') expect(children(r.persons)).toEqual(children(g.pronote));
    if (layout === 'partner') expect(r.exportKind).toBe('all-users');
  });

  it('AAF files and the directory CSV: every account with its links', () => {
    const aaf = readDirectory(aafFiles(g.directory).map(asInput));
    const entPersons = g.directory.filter((p) => ['student', 'guardian', 'teacher', 'staff'].includes(p.category));
    expect(aaf.notRead).toEqual([]);
    expect(aaf.persons.map(key).sort()).toEqual(entPersons.map(key).sort());
    const csv = readDirectory([asInput(directoryCsv(g.directory))]);
    expect(csv.notRead).toEqual([]);
    expect(csv.persons.map(key).sort()).toEqual(g.directory.map(key).sort());
    expect(children(csv.persons)).toEqual(children(aaf.persons));
  });
});
