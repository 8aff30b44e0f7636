/**
 * The school's scope from the panel and from the command line (issue 13, point 2), on the real AAF
 * files of `../shared/data/aaf-entcore` (ten structures, UAIs from the `EtabEducNat` file) and a
 * Pronote export generated from them: the panel's choice of one structure (`Rapprochement.structure`,
 * or the rapprochement's own UAI when none is chosen) and the command line's `--uai` go through the
 * same flow and give the same proposals; an unknown UAI restricts nothing and says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/core/person';
import { readDirectory } from '../../../lib/directory';
import type { InputFile } from '../../../lib/input/source';
import { readPronoteExport } from '../../../lib/pronote';
import { pairPersons } from '../../../lib/rapprochement';
import { InputMemo, loadSide, matchAhead } from '../../../lib/rapprochement/pipeline';
import { createRapprochement, PasserelleDB, updateRapprochement } from '../../../lib/store';
import { generate } from '../../../scripts/generator';
import { contentOf } from '../../../scripts/generator/write-files';
import { partnerExport } from '../../../scripts/generator/write-pronote';

const AAF = '../shared/data/aaf-entcore';
const aafFiles: InputFile[] = readdirSync(AAF)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${AAF}/${name}`)) }));

let directory: Person[];
let pronote: Person[];
let pronoteFiles: InputFile[];
let uai: string;
let structures: string[];
let db: PasserelleDB;
const dbName = `scope-uai-${Math.random()}`;

beforeAll(() => {
  const read = readDirectory(aafFiles);
  directory = read.persons;
  structures = read.structures;
  const g = generate({ seed: 2, fromAaf: directory });
  // The school: the structure of most students (the generator's main school draws from it).
  const counts = new Map<string, number>();
  for (const p of directory) if (p.category === 'student') for (const s of p.structures) counts.set(s, (counts.get(s) ?? 0) + 1);
  uai = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  pronoteFiles = [{ name: 'export.xml', bytes: new TextEncoder().encode(contentOf(partnerExport(g.pronote))) }];
  pronote = readPronoteExport(pronoteFiles).persons;
  db = new PasserelleDB(dbName);
}, 120_000);
afterAll(async () => {
  db.close();
  await Dexie.delete(dbName);
});

/** What the command line does with `--uai` (scripts/reconcile.ts): the flow, the UAI as scope. */
const commandLine = (scope?: string) => pairPersons({ pronote, directory, sources: [], scope });

/** What the panel does: both sides loaded through the store, the structure chosen on the start screen. */
async function panel(rapprochementUai: string, structure?: string) {
  const memo = new InputMemo();
  const r = await createRapprochement(db, { uai: rapprochementUai, schoolName: 'Test', year: '2025-2026', mode: 'complet' });
  await loadSide(db, r.id!, 'pronote', { files: pronoteFiles }, { memo });
  await loadSide(db, r.id!, 'directory', { files: aafFiles }, { memo });
  const row = structure === undefined ? (await db.rapprochements.get(r.id!))! : await updateRapprochement(db, r.id!, { structure });
  return (await matchAhead(db, row, memo))!;
}

describe('the school’s scope, panel and command line', () => {
  it('the feed spans several schools, known by their UAI', () => {
    expect(structures.length).toBeGreaterThan(1);
    expect(structures).toContain(uai);
  });

  it('the structure chosen in the panel and --uai give the same proposals, scoped to that UAI', async () => {
    const cli = commandLine(uai);
    expect(cli.scope).toMatchObject({ asked: uai, askedKnown: true, from: 'uai', structures: [uai] });
    const other = structures.find((s) => s !== uai)!;
    // The rapprochement's own UAI is another school: the structure chosen wins.
    const chosen = await panel(other, uai);
    expect(chosen.proposals).toEqual(cli.proposals);
  }, 180_000);

  it('with no structure chosen, the rapprochement’s UAI is the scope, as --uai', async () => {
    const cli = commandLine(uai);
    const byUai = await panel(uai);
    expect(byUai.proposals).toEqual(cli.proposals);
  }, 180_000);

  it('the scope hides no account: accounts of other schools are still candidates', () => {
    const cli = commandLine(uai);
    const elsewhere = new Set(directory.filter((d) => d.structures.length && !d.structures.includes(uai)).map((d) => `${d.category}|${d.id}`));
    const offered = cli.proposals.flatMap((p) =>
      p.candidates.map((c) => `${p.category === 'supervisor' || p.category === 'inspector' ? '' : p.category}|${c.entId}`),
    );
    expect(offered.some((k) => elsewhere.has(k))).toBe(true);
  });

  it('an unknown UAI restricts nothing: said, and the same proposals as no UAI', () => {
    const unknown = commandLine('9999999Z');
    expect(unknown.scope).toMatchObject({ asked: '9999999Z', askedKnown: false });
    expect(unknown.scope.from).not.toBe('uai');
    expect(unknown.proposals).toEqual(commandLine().proposals);
  });
});
