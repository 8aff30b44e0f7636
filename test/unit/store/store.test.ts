import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../lib/matching/types';
import type { Category, Person } from '../../../lib/core/person';
import {
  buildStepItems,
  cancelStep,
  createRapprochement,
  deleteAllData,
  findRemembered,
  loadDecisions,
  loadInput,
  loadStep,
  openRapprochement,
  PasserelleDB,
  querySuggestions,
  rememberedDecisions,
  removeDecision,
  resultRows,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  STEP_CHUNK,
  saveInput,
  saveProfile,
  saveProposals,
  setDecision,
  StepFrozenError,
  storedCounts,
  updateRapprochement,
  validateStep,
} from '../../../lib/store';
import { useFreshDb } from './fresh-db';

function person(side: 'pronote' | 'directory', category: Category, id: string, lastName: string, firstName: string, extra: Partial<Person> = {}): Person {
  return {
    side, source: 'f.xml', location: 'ligne 1', category, id, idKind: side === 'pronote' ? 'IDPN' : 'account',
    lastName, firstName, otherFirstNames: [], classes: [], children: [], guardians: [], structures: [], raw: {}, ...extra,
  };
}

const pronote = [
  person('pronote', 'teacher', 'T1', 'Dupont', 'Anne', { raw: { Ident: '11' } }),
  person('pronote', 'teacher', 'T2', 'Martin', 'Julie', { raw: { Ident: '12' } }),
  person('pronote', 'student', 'S1', 'Çelik', 'Zoé', { classes: ['3A'], birthDate: '2012-04-03', raw: { Ident: '21' } }),
  person('pronote', 'student', 'S2', 'Petit', 'Léo', { classes: ['4B'], birthDate: '2011-01-02', raw: { Ident: '22' } }),
];
const directory = [
  person('directory', 'teacher', 'E-T1', 'DUPONT', 'Anne', { structures: ['0310047H'] }),
  person('directory', 'teacher', 'E-T2', 'MARTIN', 'Julie', { structures: ['0310047H'] }),
  person('directory', 'student', 'E-S1', 'CELIK', 'Zoe', { classes: ['3A'], structures: ['0310047H'] }),
  person('directory', 'student', 'E-S9', 'PETIT', 'Leon', { classes: ['4B'], structures: ['0999999Z'] }),
];
const proposals: Proposal[] = [
  { category: 'teacher', pronoteId: 'T1', status: 'auto', entId: 'E-T1', score: 0.99, candidates: [{ entId: 'E-T1', score: 0.99, evidence: [{ field: 'lastName', level: 'exact', weight: 6 }] }] },
  { category: 'teacher', pronoteId: 'T2', status: 'review', entId: 'E-T2', score: 0.7, candidates: [{ entId: 'E-T2', score: 0.7, evidence: [{ field: 'firstName', level: 'exact', weight: 3 }] }], reason: 'homonyms' },
  { category: 'student', pronoteId: 'S1', status: 'auto', entId: 'E-S1', score: 0.97, candidates: [{ entId: 'E-S1', score: 0.97, evidence: [] }] },
  { category: 'student', pronoteId: 'S2', status: 'unmatched', score: 0, candidates: [], reason: 'not-in-directory' },
];

let db: PasserelleDB;
let name: string;
useFreshDb('test', (d, n) => {
  db = d;
  name = n;
});

async function paired() {
  const r = await createRapprochement(db, { uai: ' 0310047h', schoolName: 'Collège Zola', year: '2026-2027', mode: 'complet' });
  await saveInput(db, r.id!, 'pronote', pronote, { files: ['export.xml'], counts: { teacher: 2, student: 2, guardian: 0, supervisor: 0, inspector: 0, staff: 0 }, notRead: [], notes: [] });
  await saveInput(db, r.id!, 'directory', directory, { files: ['aaf.xml'], counts: { teacher: 2, student: 2, guardian: 0, supervisor: 0, inspector: 0, staff: 0 }, notRead: [], notes: [], structures: ['0310047H', '0999999Z'] });
  await saveProposals(db, r.id!, buildStepItems(proposals, pronote, directory));
  return r.id!;
}

describe('rapprochement store', () => {
  it('keeps a rapprochement per school and year and reopens the one last used, where the user was', async () => {
    const rid = await paired();
    await updateRapprochement(db, rid, { currentStep: 1, position: 7 });
    const other = await createRapprochement(db, { uai: '0690001A', schoolName: 'Lycée B', year: '2025-2026', mode: 'partiel' });
    expect((await openRapprochement(db))?.id).toBe(other.id);
    db.close();
    db = new PasserelleDB(name);
    const reopened = await openRapprochement(db);
    expect(reopened?.uai).toBe('0690001A');
    const first = await db.rapprochements.get(rid);
    expect(first).toMatchObject({ uai: '0310047H', year: '2026-2027', mode: 'complet', phase: 'steps', currentStep: 1, position: 7 });
    expect(await loadInput(db, rid, 'pronote')).toHaveLength(4);
  });

  it('stores the proposals per step with the persons they name', async () => {
    const rid = await paired();
    const teachers = await loadStep(db, rid, 'teacher');
    expect(teachers.map((i) => [i.proposal.pronoteId, i.person.lastName, i.candidates[0]?.lastName])).toEqual([
      ['T1', 'Dupont', 'DUPONT'],
      ['T2', 'Martin', 'MARTIN'],
    ]);
    expect(await loadStep(db, rid, 'guardian')).toEqual([]);
  });

  it('records and undoes decisions until the step is validated, then refuses to change it', async () => {
    const rid = await paired();
    await setDecision(db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2', personKey: 'k-t2' });
    await setDecision(db, rid, { category: 'teacher', pronoteId: 'T1', kind: 'rejected', entId: 'E-T1' });
    await removeDecision(db, rid, 'teacher', 'T1');
    expect((await loadDecisions(db, rid)).map((d) => [d.pronoteId, d.kind])).toEqual([['T2', 'confirmed']]);
    expect((await loadDecisions(db, rid))[0].decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    const after = await validateStep(db, rid, 'teacher');
    expect(after.steps.teacher).toBe('validated');
    expect(after.currentStep).toBe(1);
    await expect(setDecision(db, rid, { category: 'teacher', pronoteId: 'T1', kind: 'no-account' })).rejects.toBeInstanceOf(StepFrozenError);
    await expect(removeDecision(db, rid, 'teacher', 'T2')).rejects.toBeInstanceOf(StepFrozenError);
    expect(await loadDecisions(db, rid, 'teacher')).toHaveLength(1);
  });

  it('cancelling a step keeps the validated ones and every decision', async () => {
    const rid = await paired();
    await validateStep(db, rid, 'teacher');
    await setDecision(db, rid, { category: 'student', pronoteId: 'S2', kind: 'manual', entId: 'E-S9' });
    const after = await cancelStep(db, rid, 'student');
    expect(after.steps).toMatchObject({ teacher: 'validated', student: 'cancelled', guardian: 'pending' });
    expect(after.phase).toBe('results');
    expect(await loadDecisions(db, rid)).toHaveLength(1);
  });

  it('remembers validated decisions for the school, by Pronote id and by person key', async () => {
    const rid = await paired();
    await setDecision(db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2', personKey: 'k-t2' });
    await setDecision(db, rid, { category: 'student', pronoteId: 'S2', kind: 'no-account', personKey: 'k-s2' });
    await validateStep(db, rid, 'teacher');
    // not validated: not remembered
    expect((await rememberedDecisions(db, '0310047H')).map((d) => d.pronoteId)).toEqual(['T2']);
    expect(await findRemembered(db, '0310047h', 'teacher', 'RENUMBERED', 'k-t2')).toMatchObject({ entId: 'E-T2', year: '2026-2027' });
    expect(await findRemembered(db, '0310047H', 'teacher', 'T2')).toMatchObject({ kind: 'confirmed' });
    expect(await findRemembered(db, '0310047H', 'student', 'X', 'k-t2')).toBeUndefined();
  });

  it('a new file replaces the pairing atomically but keeps decisions; a failed write changes nothing', async () => {
    const rid = await paired();
    await setDecision(db, rid, { category: 'student', pronoteId: 'S2', kind: 'no-account' });
    const before = await db.rapprochements.get(rid);
    await expect(saveInput(db, 9999, 'pronote', [], { files: [], counts: {} as never, notRead: [], notes: [] })).rejects.toThrow();
    expect(await db.rapprochements.get(rid)).toEqual(before);
    const after = await saveInput(db, rid, 'directory', directory.slice(0, 2), { files: ['autre.xml'], counts: {} as never, notRead: [], notes: [] });
    expect(after.phase).toBe('start');
    expect(await loadStep(db, rid, 'teacher')).toEqual([]);
    expect(await loadDecisions(db, rid)).toHaveLength(1);
  });

  it('says what is stored and deletes all of it', async () => {
    const rid = await paired();
    await setDecision(db, rid, { category: 'teacher', pronoteId: 'T2', kind: 'confirmed', entId: 'E-T2' });
    await validateStep(db, rid, 'teacher');
    await saveProfile(db, 'Export maison', 'pronote', { fields: { id: 'Code' } });
    expect(await storedCounts(db)).toEqual({ rapprochements: 1, schools: 1, persons: 8, decisions: 1, remembered: 1, profiles: 1 });
    await deleteAllData(db);
    expect(await storedCounts(db)).toEqual({ rapprochements: 0, schools: 0, persons: 0, decisions: 0, remembered: 0, profiles: 0 });
    expect(await openRapprochement(db)).toBeUndefined();
  });

  it('gives the writers one row per Pronote person with its decision and numeric Ident', async () => {
    const rid = await paired();
    await setDecision(db, rid, { category: 'student', pronoteId: 'S2', kind: 'manual', entId: 'E-S9' });
    const steps = Object.fromEntries(await Promise.all((['teacher', 'student', 'guardian', 'supervisor', 'inspector', 'staff'] as const).map(async (c) => [c, await loadStep(db, rid, c)])));
    const rows = resultRows(steps, await loadDecisions(db, rid), pronote);
    expect(rows.map((r) => [r.category, r.pronoteId, r.ident, r.engineEntId, r.decision?.kind])).toEqual([
      ['teacher', 'T1', '11', 'E-T1', undefined],
      ['teacher', 'T2', '12', 'E-T2', undefined],
      ['student', 'S1', '21', 'E-S1', undefined],
      ['student', 'S2', '22', undefined, 'manual'],
    ]);
    // The people's table shows the class (issue 18 point 4): the Pronote person's own.
    expect(rows.filter((r) => r.category === 'student').map((r) => r.className)).toEqual(['3A', '4B']);
  });

  it('answers the ENT helper with the suggestion for a name, accent- and case-insensitive', async () => {
    const rid = await paired();
    await setDecision(db, rid, { category: 'student', pronoteId: 'S2', kind: 'manual', entId: 'E-S9' });
    const [zoe, julie, nobody, leo] = await querySuggestions(db, {
      uai: '0310047H',
      names: [
        { lastName: 'CELIK', firstName: 'zoe', className: '3A' },
        { lastName: 'martin', firstName: 'JULIE' },
        { lastName: 'Inconnu', firstName: 'X' },
        { lastName: 'Petit', firstName: 'Leo' },
      ],
    });
    expect(zoe).toMatchObject({ pronoteId: 'S1', lastName: 'CELIK', firstName: 'Zoe', className: '3A', score: 0.97 });
    expect(julie).toMatchObject({ pronoteId: 'T2', lastName: 'MARTIN', score: 0.7 });
    expect(julie?.why).toContain('firstName:exact');
    expect(nobody).toBeNull();
    expect(leo).toMatchObject({ pronoteId: 'S2', score: 1 });
    expect(await querySuggestions(db, { uai: '0690001A', names: [{ lastName: 'Celik', firstName: 'Zoé' }] })).toEqual([null]);
    expect(rid).toBeGreaterThan(0);
  });
});

describe('schema migrations', () => {
  it('opens a version 1 database and upgrades its rows', async () => {
    const old = new Dexie(name + '-v1');
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('rapprochements').add({ uai: '0310047H', schoolName: 'A', year: '2025-2026', mode: 'complet', createdAt: '2025-09-01T10:00:00.000Z', steps: {}, pairedAt: '2025-09-01T11:00:00.000Z' });
    await old.table('remembered').put({ uai: '0310047H', year: '2025-2026', category: 'teacher', pronoteId: 'T1', kind: 'confirmed', entId: 'E', decidedAt: '2025-09-01T10:00:00.000Z' });
    old.close();
    const upgraded = new PasserelleDB(name + '-v1');
    const r = await openRapprochement(upgraded);
    expect(r).toMatchObject({ updatedAt: '2025-09-01T10:00:00.000Z', phase: 'steps', position: 0, currentStep: 0 });
    expect(upgraded.verno).toBe(5);
    expect(await findRemembered(upgraded, '0310047H', 'teacher', 'T1')).toMatchObject({ personKey: '' });
    upgraded.close();
    await Dexie.delete(name + '-v1');
  });
});

describe('schema v3', () => {
  it('splits the steps of a version 2 database into chunks, in order', async () => {
    const old = new Dexie(name + '-v2');
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.open();
    const items = buildStepItems(
      Array.from({ length: STEP_CHUNK * 2 + 5 }, (_, i): Proposal => ({ category: 'guardian', pronoteId: `G${i}`, status: 'unmatched', score: 0, candidates: [] })),
      Array.from({ length: STEP_CHUNK * 2 + 5 }, (_, i) => person('pronote', 'guardian', `G${i}`, `Nom${i}`, 'P')),
      [],
    ).guardian;
    await old.table('steps').put({ rid: 1, category: 'guardian', items });
    old.close();
    const upgraded = new PasserelleDB(name + '-v2');
    const loaded = await loadStep(upgraded, 1, 'guardian');
    expect(loaded.map((i) => i.proposal.pronoteId)).toEqual(items.map((i) => i.proposal.pronoteId));
    expect(await upgraded.stepChunks.count()).toBe(3);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('steps');
    upgraded.close();
    await Dexie.delete(name + '-v2');
  });
});

describe('schema v4', () => {
  it('turns the persons and step items of a version 3 database into JSON text, unchanged', async () => {
    const old = new Dexie(name + '-v3');
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.open();
    const items = buildStepItems(proposals, pronote, directory);
    await old.table('inputs').put({ rid: 1, side: 'pronote', persons: pronote });
    await old.table('stepChunks').put({ rid: 1, category: 'teacher', chunk: 0, items: items.teacher });
    old.close();
    const upgraded = new PasserelleDB(name + '-v3');
    expect(await loadInput(upgraded, 1, 'pronote')).toEqual(pronote);
    expect(await loadStep(upgraded, 1, 'teacher')).toEqual(JSON.parse(JSON.stringify(items.teacher)));
    const row = await upgraded.stepChunks.get([1, 'teacher', 0]);
    expect(typeof row?.json).toBe('string');
    expect(row).not.toHaveProperty('items');
    upgraded.close();
    await Dexie.delete(name + '-v3');
  });
});
