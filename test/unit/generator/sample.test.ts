import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../../lib/directory';
import { readPronoteExport } from '../../../lib/pronote';
import { generate, SAMPLE } from '../../../scripts/generator/index';
import { contentOf } from '../../../scripts/generator/write-files';
import { partnerExport } from '../../../scripts/generator/write-pronote';
import { truthCsv } from '../../../scripts/generator/write-tables';

const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });

describe('sample/', () => {
  it('is what the generator writes for the sample seed (regenerate with `npx tsx scripts/generate.ts --sample`)', () => {
    const g = generate({ seed: SAMPLE.seed, students: SAMPLE.students });
    expect(readFileSync('sample/truth.csv', 'utf8')).toBe(contentOf(truthCsv(g.truth)));
    expect(readFileSync('sample/pronote-export.xml', 'utf8')).toBe(contentOf(partnerExport(g.pronote)));
  });

  it('reads back with the truth pointing at persons of both sides, and shows the cases of the field', () => {
    const pronote = readPronoteExport([file('sample/pronote-export.xml')]);
    const directory = readDirectory(readdirSync('sample/aaf').map((n) => file(join('sample/aaf', n))));
    const csv = readDirectory([file('sample/annuaire.csv')]);
    expect(csv.persons.length).toBe(directory.persons.length);
    const pronoteIds = new Set(pronote.persons.map((p) => p.id));
    const entIds = new Set(directory.persons.map((p) => p.id));
    const rows = readFileSync('sample/truth.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.length).toBe(pronote.persons.length);
    for (const [, pronoteId, entId] of rows) {
      expect(pronoteIds.has(pronoteId)).toBe(true);
      if (entId) expect(entIds.has(entId)).toBe(true);
    }
    const students = pronote.persons.filter((p) => p.category === 'student').length;
    expect(students).toBeGreaterThan(240);
    expect(students).toBeLessThan(270);
    // A person twice in Pronote: two rows with the same account.
    const accounts = rows.map((r) => r[2]).filter(Boolean);
    expect(new Set(accounts).size).toBeLessThan(accounts.length);
    // Supervisors and inspectors mostly without an account; guardians known to Pronote only.
    expect(rows.filter((r) => (r[0] === 'supervisor' || r[0] === 'inspector') && !r[2]).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r[0] === 'guardian' && !r[2]).length).toBeGreaterThan(0);
    expect(readFileSync('sample/README.md', 'utf8')).toMatch(/## Français[\s\S]*## English/);
  });
});
