import Dexie from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InputFile } from '../../../lib/input/source';
import { CATEGORIES, InputError } from '../../../lib/person';
import {
  createRapprochement,
  loadDecisions,
  loadStep,
  PasserelleDB,
  resultRows,
  setDecision,
  validateStep,
} from '../../../lib/store';
import { countByCategory, loadSide, runPairing } from '../../../lib/store/pipeline';
import { writeDecisionsCsv } from '../../../lib/report/decisions-csv';
import { generate, type Generated } from '../../../scripts/generator';
import { aafFiles } from '../../../scripts/generator/write-aaf';
import { contentOf } from '../../../scripts/generator/write-files';
import { partnerExport } from '../../../scripts/generator/write-pronote';

let g: Generated;
let pronoteFiles: InputFile[];
let directoryFiles: InputFile[];
const bytes = (text: string) => new TextEncoder().encode(text);

beforeAll(() => {
  g = generate({ seed: 7, students: 80 });
  pronoteFiles = [{ name: 'export.xml', bytes: bytes(contentOf(partnerExport(g.pronote))) }];
  directoryFiles = aafFiles(g.directory).map((f) => ({ name: f.name, bytes: bytes(contentOf(f)) }));
});

let db: PasserelleDB;
let name: string;
beforeEach(async () => {
  name = `pipeline-${Math.random()}`;
  db = new PasserelleDB(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function loaded(year = '2025-2026') {
  const r = await createRapprochement(db, { uai: g.school.uai, schoolName: 'Test', year, mode: 'complet' });
  await loadSide(db, r.id!, 'pronote', { files: pronoteFiles });
  await loadSide(db, r.id!, 'directory', { files: directoryFiles });
  return r.id!;
}

describe('workbench pipeline (readers → store → engine → steps)', () => {
  it('reads both sides, pairs, and stores one item per Pronote person in its step', async () => {
    const rid = await loaded();
    const r = (await db.rapprochements.get(rid))!;
    expect(r.pronote?.counts).toEqual(countByCategory(g.pronote));
    expect(r.pronote?.exportKind).toBe('all-users');
    const progress: number[] = [];
    const { rapprochement, proposals } = await runPairing(db, rid, (done) => progress.push(done));
    expect(rapprochement.phase).toBe('steps');
    expect(proposals).toBe(g.pronote.length);
    expect(progress.length).toBeGreaterThan(0);
    for (const c of CATEGORIES) expect((await loadStep(db, rid, c)).length).toBe(r.pronote?.counts[c]);
    // automatic pairs are right against the generator's truth
    const truth = new Map(g.truth.map((t) => [`${t.category}|${t.pronoteId}`, t.entId]));
    const students = await loadStep(db, rid, 'student');
    const auto = students.filter((i) => i.proposal.status === 'auto');
    expect(auto.length).toBeGreaterThan(students.length / 2);
    expect(auto.every((i) => truth.get(`student|${i.proposal.pronoteId}`) === i.proposal.entId)).toBe(true);
    expect(auto[0].candidates[0].lastName).not.toBe('');
  });

  it('a bad file throws the reader message and leaves the stored work as it was', async () => {
    const rid = await loaded();
    await runPairing(db, rid);
    const before = await db.rapprochements.get(rid);
    const error = await loadSide(db, rid, 'pronote', { files: [{ name: 'notes.pdf', bytes: bytes('%PDF-1.7\n...') }] }).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).userMessage.fr).toContain('notes.pdf');
    expect(await db.rapprochements.get(rid)).toEqual(before);
    expect((await loadStep(db, rid, 'student')).length).toBe(before?.pronote?.counts.student);
  });

  it('decisions of validated steps are given back to the engine at the school’s next import', async () => {
    const rid = await loaded('2025-2026');
    await runPairing(db, rid);
    const students = await loadStep(db, rid, 'student');
    const auto = students.find((i) => i.proposal.status === 'auto')!;
    await setDecision(db, rid, { category: 'student', pronoteId: auto.proposal.pronoteId, kind: 'no-account' });
    await validateStep(db, rid, 'teacher');
    await validateStep(db, rid, 'student');

    const next = await loaded('2026-2027');
    const { rapprochement } = await runPairing(db, next);
    expect(rapprochement.rememberedUsed).toBe(1);
    const again = (await loadStep(db, next, 'student')).find((i) => i.proposal.pronoteId === auto.proposal.pronoteId)!;
    expect(again.proposal.decided).toBe('no-account');
    expect(again.proposal.status).not.toBe('auto');
    const nextSteps = Object.fromEntries(await Promise.all(CATEGORIES.map(async (c) => [c, await loadStep(db, next, c)])));
    const nextRow = resultRows(nextSteps, await loadDecisions(db, next)).find((row) => row.pronoteId === auto.proposal.pronoteId);
    expect(nextRow?.decision?.kind).toBe('no-account');
    // and the CSV of the first year says what was decided
    const steps = Object.fromEntries(await Promise.all(CATEGORIES.map(async (c) => [c, await loadStep(db, rid, c)])));
    const csv = writeDecisionsCsv(resultRows(steps, await loadDecisions(db, rid)));
    expect(csv).toContain(`student,${auto.proposal.pronoteId},,auto,`);
    expect(csv.split('\r\n').find((l) => l.startsWith(`student,${auto.proposal.pronoteId},`))).toMatch(/,no-account,\d{4}-/);
  });
});
