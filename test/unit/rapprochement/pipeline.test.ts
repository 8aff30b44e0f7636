import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputFile } from '../../../lib/input/source';
import { CATEGORIES, InputError } from '../../../lib/core/person';
import { createRapprochement, loadDecisions, loadStep, PasserelleDB, type Rapprochement, resultRows, setDecision, validateStep } from '../../../lib/store';
import { countByCategory, InputMemo, loadSide, matchAhead, runPairing } from '../../../lib/rapprochement/pipeline';
import { loadInput } from '../../../lib/store/inputs';
import { writeDecisionsCsv } from '../../../lib/report/decisions-csv';
import { generate, type Generated } from '../../../scripts/generator';
import { aafFiles } from '../../../scripts/generator/write-aaf';
import { contentOf } from '../../../scripts/generator/write-files';
import { partnerExport } from '../../../scripts/generator/write-pronote';
import { useFreshDb } from '../store/fresh-db';

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
useFreshDb('pipeline', (d, n) => {
  db = d;
  name = n;
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

  it('answers a pairing before its write ends, and whatever opens the store after the answer sees all of it', async () => {
    const rid = await loaded();
    const other = new PasserelleDB(name); // the panel's own connection
    let seen: Promise<[Rapprochement | undefined, number[]]> | undefined;
    let shown: { category: string; chunks: string[] } | undefined;
    let writtenAtAnswer: Promise<number> | undefined;
    const paired = await runPairing(db, rid, undefined, {
      onReady: (ready) => {
        shown = ready.current;
        // In the write's own transaction: no step is stored yet when the answer goes.
        writtenAtAnswer = db.stepChunks.where('rid').equals(rid).count();
        // Read while the worker is still writing: it waits for the write, then sees every step.
        seen = Dexie.ignoreTransaction(() =>
          Promise.all([other.rapprochements.get(rid), Promise.all(CATEGORIES.map(async (c) => (await loadStep(other, rid, c)).length))]),
        );
      },
    });
    expect(await writtenAtAnswer).toBe(0);
    const [row, lengths] = await seen!;
    expect(row?.phase).toBe('steps');
    expect(row?.pairedAt).toBe(paired.rapprochement.pairedAt);
    expect(lengths).toEqual(CATEGORIES.map((c) => paired.rapprochement.pronote?.counts[c]));
    // The step on screen came with the answer, as stored.
    expect(shown?.category).toBe('teacher');
    expect(shown?.chunks.flatMap((json) => JSON.parse(json))).toEqual(await loadStep(db, rid, 'teacher'));
    other.close();
  });

  it('a pairing stopped after its answer (cancelled, panel closed, write failed) stores nothing of it', async () => {
    const rid = await loaded();
    const before = await db.rapprochements.get(rid);
    const error = await runPairing(db, rid, undefined, {
      onReady: () => {
        throw new Error('cancelled');
      },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await db.rapprochements.get(rid)).toEqual(before);
    expect(before?.phase).toBe('start');
    expect(await db.stepChunks.where('rid').equals(rid).count()).toBe(0);
    // and the inputs are still there: the pairing can be run again
    expect((await runPairing(db, rid)).rapprochement.phase).toBe('steps');
  });

  it('keeps the persons read in memory for the pairing while they are the stored ones', async () => {
    const r = await createRapprochement(db, { uai: g.school.uai, schoolName: 'Test', year: '2025-2026', mode: 'complet' });
    const memo = new InputMemo();
    await loadSide(db, r.id!, 'pronote', { files: pronoteFiles }, { memo });
    await loadSide(db, r.id!, 'directory', { files: directoryFiles }, { memo });
    const row = (await db.rapprochements.get(r.id!))!;
    const kept = await memo.get(db, row, 'directory');
    expect(await memo.get(db, row, 'directory')).toBe(kept);
    // Stored without the source fields (nothing reads them), the Pronote side with them (Ident).
    const stored = await loadInput(db, r.id!, 'directory');
    expect(stored.map((p) => p.id)).toEqual(kept.map((p) => p.id));
    expect(stored.every((p) => Object.keys(p.raw).length === 0)).toBe(true);
    expect((await loadInput(db, r.id!, 'pronote')).every((p) => p.raw.Ident)).toBe(true);
    // Another panel stored other files: the memory is not used any more.
    await loadSide(db, r.id!, 'directory', { files: directoryFiles.slice(0, 1) });
    const changed = (await db.rapprochements.get(r.id!))!;
    const reread = await memo.get(db, changed, 'directory');
    expect(reread).not.toBe(kept);
    expect(reread.length).toBeLessThan(kept.length);
    // Pairing from memory gives what pairing from the store gives.
    const fromMemory = await runPairing(db, r.id!, undefined, { memo });
    const fromStore = await runPairing(db, r.id!);
    expect(fromMemory.proposals).toBe(fromStore.proposals);
  });

  it('uses the proposals computed ahead only while files, structure and decisions are the same', async () => {
    const rid = await loaded();
    const memo = new InputMemo();
    const row = (await db.rapprochements.get(rid))!;
    const ahead = await matchAhead(db, row, memo);
    expect(ahead?.proposals.length).toBe(g.pronote.length);
    // A marker in the proposals computed ahead tells whether the pairing used them.
    const marked = { ...ahead!, proposals: ahead!.proposals.map((p) => (p.category === 'teacher' ? { ...p, score: 0.123 } : p)) };
    await runPairing(db, rid, undefined, { memo, ahead: Promise.resolve(marked) });
    expect((await loadStep(db, rid, 'teacher')).every((i) => i.proposal.score === 0.123)).toBe(true);
    // A decision taken since: the engine runs again.
    const teacher = (await loadStep(db, rid, 'teacher'))[0];
    await setDecision(db, rid, { category: 'teacher', pronoteId: teacher.proposal.pronoteId, kind: 'no-account' });
    await runPairing(db, rid, undefined, { memo, ahead: Promise.resolve(marked) });
    expect((await loadStep(db, rid, 'teacher')).some((i) => i.proposal.score === 0.123)).toBe(false);
  });

  it('waits for the panel to draw the given step, then writes the others, in the same transaction', async () => {
    const rid = await loaded();
    let drawn: () => void = () => {};
    const pause = new Promise<void>((resolve) => {
      drawn = resolve;
    });
    let answered = false;
    const pairing = runPairing(db, rid, undefined, { pause, onReady: () => (answered = true) });
    while (!answered) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    drawn();
    const { rapprochement } = await pairing;
    expect(rapprochement.phase).toBe('steps');
    for (const c of CATEGORIES) expect((await loadStep(db, rid, c)).length).toBe(rapprochement.pronote?.counts[c]);
  });
});
