/**
 * Issue 14, "Done when": random sequences of automatic pairs, confirmations, manual pairs, moves,
 * keeps, undos, validations, cancellations and earlier decisions (a RapprochementSSO file's pairs,
 * remembered decisions), driven through the flow (`runPairing` → `pairPersons`) and the store
 * (fake-indexeddb). After every action: an ENT account has at most one holder, the holders are
 * exactly the exports' pairs, validated steps never change, and neither the decisions CSV nor the
 * RapprochementSSO file holds an account twice. A write refused (account taken, holder or step
 * frozen) leaves the store exactly as it was: nothing is written half.
 *
 * The account pool is smaller than the persons and most pair actions aim at an account someone
 * else holds, so that collisions are common: the sequences that reach an account already taken
 * are counted, and the test fails below 1,000. The store is cleared between runs (one small
 * fake-indexeddb database for the whole test), so that a run costs a few tens of milliseconds.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, Person } from '../../../lib/core/person';
import type { DecisionKind } from '../../../lib/matching/types';
import { runPairing } from '../../../lib/rapprochement/pipeline';
import { pairedEntId, writeDecisionsCsv } from '../../../lib/report/decisions-csv';
import { writeRapprochementSso } from '../../../lib/report/rapprochement-sso';
import {
  AccountTakenError,
  cancelStep,
  chunkItems,
  createRapprochement,
  type DecisionRow,
  HolderFrozenError,
  type HolderRow,
  loadHolders,
  PasserelleDB,
  removeDecision,
  resultRows,
  resumeStep,
  saveInput,
  setDecision,
  StepFrozenError,
  type StepItem,
  type StepRow,
  validateStep,
} from '../../../lib/store';
import { CATEGORIES } from '../../../lib/core/person';
import { person as samplePerson } from './sample';

const RUNS = 1200;
const MIN_COLLIDING = 1000;
/** The categories of the persons: supervisors are compared with teacher accounts (DOMAIN.md), so accounts are disputed across steps. */
const PRONOTE: Category[] = ['teacher', 'teacher', 'student', 'student', 'supervisor', 'student'];
/** Accounts, fewer than the persons. */
const ACCOUNTS: Category[] = ['teacher', 'teacher', 'student', 'student'];
const LAST = ['MARTIN', 'GARCIA', 'PETIT'];
const FIRST = ['Mathis', 'Léa'];
const STEPS: Category[] = ['teacher', 'student', 'supervisor'];
const UAI = '0000001A';

function person(side: 'pronote' | 'directory', category: Category, id: string, name: number, raw: Record<string, string> = {}): Person {
  return samplePerson(side, category, id, LAST[name % LAST.length], FIRST[Math.floor(name / LAST.length) % FIRST.length], {
    birthDate: category === 'student' ? `2012-0${1 + (name % 3)}-0${1 + (name % 2)}` : undefined,
    classes: category === 'student' ? ['3A'] : [],
    raw,
  });
}

/**
 * A pair action names an account by its index, or, with `taken`, the n-th account held by someone
 * else at that moment (as a user choosing from the search results would meet it). When the account
 * is taken, `onTaken` is the user's choice in the dialog: move it, or keep it with its holder.
 */
type Action =
  | { kind: 'confirm' | 'manual'; person: number; account: number; taken: boolean; onTaken: 'move' | 'keep' }
  | { kind: 'reject' | 'no-account' | 'undo'; person: number }
  | { kind: 'validate' | 'cancel' | 'resume'; step: number }
  | { kind: 'pair' };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom('confirm' as const, 'manual' as const),
      person: fc.nat(PRONOTE.length - 1),
      account: fc.nat(ACCOUNTS.length - 1),
      taken: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      onTaken: fc.constantFrom('move' as const, 'keep' as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('reject' as const, 'no-account' as const, 'undo' as const), person: fc.nat(PRONOTE.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('validate' as const, 'cancel' as const, 'resume' as const), step: fc.nat(STEPS.length - 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pair' as const }) },
);

const earlier = fc.array(
  fc.record({
    person: fc.nat(PRONOTE.length - 1),
    account: fc.nat(ACCOUNTS.length), // one past the end: an account absent from the directory
    kind: fc.constantFrom<DecisionKind>('manual', 'confirmed', 'rejected', 'no-account'),
    remembered: fc.boolean(),
  }),
  { maxLength: 4 },
);

const scenario = fc.record({
  pronoteNames: fc.array(fc.nat(5), { minLength: PRONOTE.length, maxLength: PRONOTE.length }),
  accountNames: fc.array(fc.nat(5), { minLength: ACCOUNTS.length, maxLength: ACCOUNTS.length }),
  sameName: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), {
    minLength: ACCOUNTS.length,
    maxLength: ACCOUNTS.length,
  }),
  earlier,
  actions: fc.array(action, { minLength: 3, maxLength: 9 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

let db: PasserelleDB;
beforeAll(async () => {
  db = new PasserelleDB(`one-account-${Math.random()}`);
  await db.open();
});
afterAll(() => db.delete());

const pid = (i: number) => `P${i}`;
const eid = (i: number) => `E${i}`;

interface State {
  rid: number;
  pronote: Person[];
  /** Per validated step: its items and decisions as they were when validated. */
  frozen: Map<Category, string>;
}

/** The store as a whole, read in one transaction: every table's rows, and their JSON to compare. */
interface Snapshot {
  text: string;
  stepChunks: StepRow[];
  decisions: DecisionRow[];
  holders: HolderRow[];
}

async function snapshot(): Promise<Snapshot> {
  return db.transaction('r', db.tables, async () => {
    const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
    const by = Object.fromEntries(tables) as Record<string, unknown[]>;
    return {
      text: JSON.stringify(tables),
      stepChunks: by.stepChunks as StepRow[],
      decisions: by.decisions as DecisionRow[],
      holders: by.holders as HolderRow[],
    };
  });
}

/** A step as stored: its chunks (in key order) and its decisions. */
const stepOf = (s: Snapshot, category: Category) =>
  JSON.stringify([s.stepChunks.filter((r) => r.category === category).map((r) => r.json), s.decisions.filter((d) => d.category === category)]);

/** Checks every invariant on the store as read; throws (through expect) on a breach. */
function check(state: State, s: Snapshot): void {
  const steps = Object.fromEntries(CATEGORIES.map((c) => [c, s.stepChunks.filter((r) => r.category === c).flatMap(chunkItems)])) as Record<
    Category,
    StepItem[]
  >;
  const rows = resultRows(steps, s.decisions, state.pronote);
  const paired = rows.flatMap((r) => {
    const entId = pairedEntId(r);
    return entId ? [`${entId}=${r.category}/${r.pronoteId}`] : [];
  });
  const accounts = paired.map((p) => p.split('=')[0]);
  expect(new Set(accounts).size, `an account paired twice: ${paired.join(' ')}`).toBe(accounts.length);
  const holders = s.holders.map((h) => `${h.entId}=${h.category}/${h.pronoteId}`);
  expect(holders.sort()).toEqual(paired.sort());
  // The decisions CSV: an account at most once among the rows that pair.
  const csv = Papa.parse<Record<string, string>>(writeDecisionsCsv(rows), { header: true, skipEmptyLines: true }).data;
  const csvPairs = csv.filter((r) => ['auto', 'confirmed', 'manual'].includes(r.decision)).map((r) => r.ent_id);
  expect(new Set(csvPairs).size).toBe(csvPairs.length);
  // The RapprochementSSO file.
  const sso = writeRapprochementSso(rows, { uai: UAI, name: 'Test' }).xml;
  const ssoPairs = [...sso.matchAll(/ID_Partenaire="([^"]*)"/g)].map((m) => m[1]);
  expect(new Set(ssoPairs).size).toBe(ssoPairs.length);
  for (const [category, before] of state.frozen) expect(stepOf(s, category), `validated step ${category} changed`).toBe(before);
}

/** The errors a refused write may throw; anything else fails the test. */
const refused = (e: unknown) => e instanceof AccountTakenError || e instanceof HolderFrozenError || e instanceof StepFrozenError;

/**
 * Runs a store write on the store as `before` shows it; when it is refused, checks that the store
 * is exactly as before (compared whole) and returns the error. Other errors are thrown.
 */
async function write(before: Snapshot, run: () => Promise<unknown>): Promise<Error | undefined> {
  try {
    await run();
    return undefined;
  } catch (e) {
    if (!refused(e)) throw e;
    expect((await snapshot()).text, `${(e as Error).name}: the refused write changed the store`).toBe(before.text);
    return e as Error;
  }
}

/** The store holds one small rapprochement per run; each run starts from an empty store. */
async function setUp(sc: Scenario) {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  const pronote = PRONOTE.map((c, i) => person('pronote', c, pid(i), sc.pronoteNames[i], { Ident: String(100 + i) }));
  // Most accounts carry their person's name, so that the engine pairs them and later choices meet holders.
  const directory = ACCOUNTS.map((c, i) => person('directory', c, eid(i), sc.sameName[i] ? sc.pronoteNames[i] : sc.accountNames[i]));
  const r = await createRapprochement(db, { uai: UAI, schoolName: 'Test', year: '2026-2027', mode: 'complet' });
  const rid = r.id as number;
  const stamp = (i: number) => `2026-0${1 + (i % 9)}-01T00:00:00.000Z`;
  const asDecision = (d: (typeof sc.earlier)[number], i: number) => ({
    category: PRONOTE[d.person],
    pronoteId: pid(d.person),
    kind: d.kind,
    entId: d.kind === 'no-account' ? undefined : eid(d.account),
    decidedAt: stamp(i),
  });
  const fromFile = sc.earlier.filter((d) => !d.remembered).map(asDecision);
  const fromMemory = sc.earlier.filter((d) => d.remembered).map(asDecision);
  const summary = (file: string, loadId: string) => ({ files: [file], counts: {} as never, notRead: [], notes: [], loadId });
  await saveInput(db, rid, 'pronote', pronote, summary('sso.xml', 'p'), undefined, fromFile);
  await saveInput(db, rid, 'directory', directory, summary('aaf.xml', 'd'));
  await db.remembered.bulkPut(fromMemory.map((d) => ({ ...d, uai: UAI, year: '2025-2026', personKey: '' })));
  return { rid, pronote };
}

describe('one ENT account for at most one Pronote person, whatever the path (property)', () => {
  it(`holds over ${RUNS} random sequences, at least ${MIN_COLLIDING} of which reach an account already taken; a refused write changes nothing`, async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let colliding = 0;
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const { rid, pronote } = await setUp(sc);
        const pairs = sc.earlier.filter((d) => d.kind === 'manual' || d.kind === 'confirmed');
        let collided = new Set(pairs.map((d) => d.account)).size < pairs.length;
        const state: State = { rid, pronote, frozen: new Map() };
        const paired = await runPairing(db, rid);
        if (paired.conflicts.some((c) => c.kind === 'same-account')) collided = true;
        let now = await snapshot();
        check(state, now);
        for (const a of sc.actions) {
          const before = now;
          let error: Error | undefined;
          if (a.kind === 'confirm' || a.kind === 'manual') {
            const me = { category: PRONOTE[a.person], pronoteId: pid(a.person) };
            const others = before.holders.filter((h) => h.pronoteId !== me.pronoteId);
            const entId = a.taken && others.length ? others[a.account % others.length].entId : eid(a.account);
            const holder = others.find((h) => h.entId === entId);
            if (holder) collided = true;
            const decision = { ...me, kind: a.kind === 'confirm' ? ('confirmed' as const) : ('manual' as const), entId };
            error = await write(before, () => setDecision(db, rid, decision));
            if (error instanceof AccountTakenError || error instanceof HolderFrozenError) {
              // The user is told who holds it.
              expect(error.holder).toMatchObject({ entId, category: holder?.category, pronoteId: holder?.pronoteId });
            }
            // "Keep": nothing more to write. "Move": the account changes hands, its holder is left without it.
            if (error instanceof AccountTakenError && a.onTaken === 'move') {
              error = await write(before, () => setDecision(db, rid, decision, { taken: 'move' }));
              if (!error) {
                const after = await loadHolders(db, rid);
                expect(after.find((h) => h.entId === entId)).toMatchObject(me);
                expect(after.some((h) => h.pronoteId === holder?.pronoteId && h.category === holder?.category)).toBe(false);
              }
            }
          } else if (a.kind === 'reject') {
            const held = before.holders.find((h) => h.pronoteId === pid(a.person));
            const decision = { category: PRONOTE[a.person], pronoteId: pid(a.person), kind: 'rejected' as const, entId: held?.entId ?? eid(0) };
            error = await write(before, () => setDecision(db, rid, decision));
          } else if (a.kind === 'no-account') {
            error = await write(before, () => setDecision(db, rid, { category: PRONOTE[a.person], pronoteId: pid(a.person), kind: 'no-account' }));
          } else if (a.kind === 'undo') {
            error = await write(before, () => removeDecision(db, rid, PRONOTE[a.person], pid(a.person)));
          } else if (a.kind === 'validate') {
            error = await write(before, () => validateStep(db, rid, STEPS[a.step]));
          } else if (a.kind === 'cancel') {
            error = await write(before, () => cancelStep(db, rid, STEPS[a.step]));
          } else if (a.kind === 'resume') {
            error = await write(before, () => resumeStep(db, rid, STEPS[a.step]));
          } else {
            const again = await runPairing(db, rid);
            if (again.conflicts.some((c) => c.kind === 'same-account')) collided = true;
          }
          if (error) refusals++;
          now = await snapshot();
          if (a.kind === 'validate' && !error && !state.frozen.has(STEPS[a.step])) state.frozen.set(STEPS[a.step], stepOf(now, STEPS[a.step]));
          check(state, now);
        }
        if (collided) colliding++;
      }),
      { seed: 1414, numRuns: RUNS, endOnFailure: false },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const used = process.cpuUsage(cpu);
    const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
    console.log(
      `one-account property: ${RUNS} runs in ${seconds} s (${cpuSeconds} s of CPU), ${colliding} reaching an account already taken, ${refusals} refused writes checked whole`,
    );
    expect(colliding, `sequences reaching an account already taken: ${colliding}`).toBeGreaterThanOrEqual(MIN_COLLIDING);
  }, 600_000);
});
