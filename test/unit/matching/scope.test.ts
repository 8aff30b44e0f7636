/**
 * The school's scope (issue 13, point 2): in a feed of several schools, a namesake in another
 * school does not block the account of the school's own population, which comes first; found from
 * the UAI asked or from the structures of the sure pairs; an unknown UAI restricts nothing and says
 * so; and the scope never hides the right account from review.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/core/person';
import { match, type Proposal } from '../../../lib/matching';
import { ent, filler, pronote } from './persons';

const at = (structure: string, p: Person): Person => ({ ...p, structures: [structure] });
const byId = (proposals: Proposal[]) => new Map(proposals.map((p) => [p.pronoteId, p]));

/** 300 students of the school (0330001A) and 300 of another (0330002B), each with its teachers. */
function feed(): Person[] {
  return [
    ...filler(300).map((p) => at('0330001A', p)),
    ...filler(300).map((p) => at('0330002B', { ...p, id: `B${p.id}`, birthDate: p.birthDate?.replace(/^20/, '19') })),
    ...filler(40, 'teacher').map((p, i) => at(i % 2 ? '0330001A' : '0330002B', { ...p, id: `T${p.id}` })),
    // The school's Anne Dupont, and her namesake in the other school.
    at('0330001A', ent('teacher', { id: 'DUP-A', last: 'Dupont', first: 'Anne', sex: 'F' })),
    at('0330002B', ent('teacher', { id: 'DUP-B', last: 'Dupont', first: 'Anne', sex: 'F' })),
  ];
}

/** The school's own students in Pronote (their sure pairs show the school), and one teacher. */
function school(teacher: Partial<Person> = {}): Person[] {
  const students = filler(300)
    .slice(0, 30)
    .map((p) => ({ ...p, side: 'pronote' as const, id: `P${p.id}`, idKind: 'IDPN' as const }));
  return [...students, { ...pronote('teacher', { id: 'PT', last: 'DUPONT', first: 'Anne', sex: 'F' }), ...teacher }];
}

/** Runs the school against the feed with `scope`, expects the teacher paired automatically with her school's account, and returns the scope the engine used. */
function scopeWhenTeacherPairs(scope?: string) {
  const r = match({ pronote: school(), directory: feed(), scope });
  expect(byId(r.proposals).get('PT')).toMatchObject({ status: 'auto', entId: 'DUP-A' });
  return r.scope;
}

describe('a namesake in another school', () => {
  it('does not block: with the UAI asked, the school’s account pairs automatically', () => {
    expect(scopeWhenTeacherPairs('0330001A')).toMatchObject({ asked: '0330001A', askedKnown: true, from: 'uai', structures: ['0330001A'] });
  });

  it('does not block either when no UAI is given: the students’ sure pairs show the school', () => {
    expect(scopeWhenTeacherPairs()).toMatchObject({ from: 'pairs', structures: ['0330001A'] });
  });

  it('blocks without any scope: two accounts of the same name go to review', () => {
    const r = match({ pronote: school().filter((p) => p.category === 'teacher'), directory: feed() });
    expect(r.scope.from).toBe('none');
    const t = byId(r.proposals).get('PT')!;
    expect(t.status).toBe('review');
    expect(t.candidates.map((c) => c.entId).sort()).toEqual(['DUP-A', 'DUP-B']);
  });

  it('comes after the school’s account among the candidates, with the structure as evidence', () => {
    // A typo: no longer the same name, so never automatic by name alone; reviewed, own school first.
    const r = match({ pronote: school({ lastName: 'DUPOND' }), directory: feed(), scope: '0330001A' });
    const t = byId(r.proposals).get('PT')!;
    expect(t.status).toBe('review');
    expect(t.candidates.map((c) => c.entId)).toEqual(['DUP-A', 'DUP-B']);
    expect(t.candidates[1].evidence.find((e) => e.field === 'structure')).toMatchObject({ level: 'different' });
    expect(t.candidates[0].evidence.find((e) => e.field === 'structure')).toBeUndefined();
  });
});

describe('the scope never hides the right account', () => {
  it('a teacher attached to the other school only is still offered for review', () => {
    const dir = feed().filter((p) => p.id !== 'DUP-A');
    const r = match({ pronote: school(), directory: dir, scope: '0330001A' });
    const t = byId(r.proposals).get('PT')!;
    expect(t.status).toBe('review');
    expect(t.entId).toBe('DUP-B');
  });

  it('a student of the other school with the same birth date and names is paired as usual', () => {
    const dir = feed();
    dir.push(at('0330002B', ent('student', { id: 'MOVED', last: 'Kerjean', first: 'Yann', birth: '2011-06-30' })));
    const r = match({
      pronote: [...school(), pronote('student', { id: 'PK', last: 'KERJEAN', first: 'Yann', birth: '2011-06-30' })],
      directory: dir,
      scope: '0330001A',
    });
    const k = byId(r.proposals).get('PK')!;
    expect(k.entId).toBe('MOVED');
    expect(k.status).not.toBe('unmatched');
  });
});

describe('a UAI the directory does not know', () => {
  it('restricts nothing, says so, and the sure pairs give the scope instead', () => {
    expect(scopeWhenTeacherPairs('9999999Z')).toMatchObject({ asked: '9999999Z', askedKnown: false, from: 'pairs', structures: ['0330001A'] });
  });

  it('gives the same proposals as no UAI at all', () => {
    const a = match({ pronote: school(), directory: feed(), scope: '9999999Z' }).proposals;
    const b = match({ pronote: school(), directory: feed() }).proposals;
    expect(a).toEqual(b);
  });
});

describe('the guardians of the school', () => {
  // Marc Durand's child is a student of the school that Pronote does not list (a former pupil, or a
  // record left to review): no sure pair links him, yet his account is of the school; his namesake
  // is the guardian of a pupil of the other school.
  const dir = (): Person[] => [
    ...feed(),
    at('0330001A', ent('student', { id: 'SX', last: 'Durand', first: 'Léo', birth: '2011-05-04', guardians: ['GX'] })),
    ent('guardian', { id: 'GX', last: 'Durand', first: 'Marc', sex: 'M', children: ['SX'] }),
    at('0330002B', ent('student', { id: 'SB', last: 'Durand', first: 'Jules', birth: '2012-01-09', guardians: ['GB'] })),
    ent('guardian', { id: 'GB', last: 'Durand', first: 'Marc', sex: 'M', children: ['SB'] }),
  ];
  const guardian = pronote('guardian', { id: 'PG', last: 'DURAND', first: 'Marc', sex: 'M' });

  it('are those linked to the school’s student accounts, paired or not: the name unique among them pairs', () => {
    const r = byId(match({ pronote: [...school(), guardian], directory: dir() }).proposals);
    expect(r.get('PG')).toMatchObject({ status: 'auto', entId: 'GX' });
  });

  it('are paired on names alone only when linked to a paired student; the others go to review, first and in scope', () => {
    // The first paired student's parent is in the directory: the guardians of the paired students are known.
    const d = dir();
    const first = d.find((p) => p.category === 'student')!;
    first.guardians = [{ id: 'GP' }];
    d.push(ent('guardian', { id: 'GP', last: 'Petit', first: 'Anne', sex: 'F', children: [first.id] }));
    const got = byId(match({ pronote: [...school(), guardian], directory: d }).proposals).get('PG')!;
    expect(got.status).toBe('review');
    expect(got.candidates[0].entId).toBe('GX');
    expect(got.candidates[0].evidence.find((e) => e.field === 'structure')).toBeUndefined();
  });

  it('a namesake met only in another school is not paired on names alone: offered, its structure against it', () => {
    const d = dir().map((p) => (p.id === 'GX' ? { ...p, lastName: 'Martin', firstName: 'Paul' } : p));
    const got = byId(match({ pronote: [...school(), guardian], directory: d }).proposals).get('PG')!;
    expect(got.status).toBe('review');
    expect(got.candidates[0].entId).toBe('GB');
    expect(got.candidates[0].evidence.find((e) => e.field === 'structure')?.level).toBe('different');
  });
});
