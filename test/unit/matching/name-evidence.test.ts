/**
 * Name-only evidence (issue 13, point 3) and names as people write them (point 4). Teachers and
 * staff without a birth date in Pronote are the common case: a pair is automatic when both names
 * are equal after normalisation and unique on both sides within the scope; refused (to review) when
 * a namesake exists in scope. The partial forms (one part of a double surname, only some of the
 * given names) are never enough alone and need another agreeing field.
 */
import { describe, expect, it } from 'vitest';
import type { Category, Person } from '../../../lib/core/person';
import { match, type Proposal } from '../../../lib/matching';
import { ent, filler, type P, pronote } from './persons';

/** A staff room: 60 teachers of common names and 30 staff, plus the accounts of the test. */
function staffRoom(accounts: Person[]): Person[] {
  return [
    ...filler(300),
    ...filler(60, 'teacher').map((p) => ({ ...p, id: `T${p.id}` })),
    ...filler(30, 'staff').map((p) => ({ ...p, id: `S${p.id}` })),
    ...accounts,
  ];
}

const one = (pro: Person[], dir: Person[], id = 'P'): Proposal => {
  const got = match({ pronote: pro, directory: staffRoom(dir) }).proposals.find((p) => p.pronoteId === id);
  if (!got) throw new Error(`no proposal for ${id}`);
  return got;
};

const teacher = (p: Partial<P>, category: Category = 'teacher') => pronote(category, { id: 'P', last: '', ...p });
const account = (p: Partial<P>, category: Category = 'teacher') => ent(category, { id: 'E', last: '', ...p });

describe('name-only pairs', () => {
  it('are automatic when the name is unique on both sides (no birth date in Pronote)', () => {
    const r = one(
      [teacher({ last: 'KERGUELEN', first: 'Maëlle', sex: 'F' })],
      [account({ last: 'Kerguelen', first: 'Maelle', birth: '1979-03-02', sex: 'F' })],
    );
    expect(r).toMatchObject({ status: 'auto', entId: 'E' });
  });

  it('are automatic for staff too, and with the birth date missing on both sides', () => {
    const r = one([teacher({ last: 'Abadie', first: 'Rémi' }, 'staff')], [account({ last: 'ABADIE', first: 'REMI' }, 'staff')]);
    expect(r).toMatchObject({ status: 'auto', entId: 'E' });
  });

  it('are refused when an account of the same name exists in scope: review, both offered', () => {
    const r = one(
      [teacher({ last: 'KERGUELEN', first: 'Maëlle' })],
      [account({ last: 'Kerguelen', first: 'Maelle' }), account({ id: 'E2', last: 'KERGUELEN', first: 'Maëlle' })],
    );
    expect(r.status).toBe('review');
    expect(r.reason).toBe('homonyms');
    expect(r.candidates.map((c) => c.entId).sort()).toEqual(['E', 'E2']);
  });

  it('are refused when two Pronote persons carry the name, for one account', () => {
    const pro = [teacher({ last: 'KERGUELEN', first: 'Maëlle' }), teacher({ id: 'P2', last: 'Kerguelen', first: 'Maelle' })];
    const res = match({ pronote: pro, directory: staffRoom([account({ last: 'Kerguelen', first: 'Maëlle' })]) }).proposals;
    expect(res.map((p) => p.status)).toEqual(['review', 'review']);
  });

  it('are refused when the sex disagrees', () => {
    const r = one([teacher({ last: 'KERGUELEN', first: 'Camille', sex: 'M' })], [account({ last: 'Kerguelen', first: 'Camille', sex: 'F' })]);
    expect(r.status).not.toBe('auto');
  });

  it('a namesake in the same Pronote file with a birth date that tells them apart does not block a dated pair', () => {
    const pro = [teacher({ last: 'LEROUX', first: 'Paul', birth: '1970-01-05' }), teacher({ id: 'P2', last: 'LEROUX', first: 'Paul', birth: '1985-11-20' })];
    const dir = [account({ last: 'Leroux', first: 'Paul', birth: '1970-01-05' }), account({ id: 'E2', last: 'Leroux', first: 'Paul', birth: '1985-11-20' })];
    const res = match({ pronote: pro, directory: staffRoom(dir) }).proposals;
    expect(res.map((p) => [p.status, p.entId])).toEqual([
      ['auto', 'E'],
      ['auto', 'E2'],
    ]);
  });
});

describe('names as people write them (issue 13, point 4): the same name, automatic by name alone', () => {
  it.each<[string, Partial<P>, Partial<P>]>([
    ['given names reordered', { last: 'BOUVIER', first: 'Marie Anne' }, { last: 'Bouvier', first: 'Anne Marie' }],
    ['given names reordered, hyphenated', { last: 'BOUVIER', first: 'Jean-Pierre' }, { last: 'Bouvier', first: 'Pierre Jean' }],
    ['a civility in the surname field', { last: 'Mme MARLE', first: 'Odile' }, { last: 'Marle', first: 'Odile' }],
    ['a civility in the given-name field', { last: 'MARLE', first: 'M. Jacques' }, { last: 'Marle', first: 'Jacques' }],
    ['"née" in the surname field', { last: 'DURAND née MARTIN', first: 'Solène' }, { last: 'Durand', birthName: 'Martin', first: 'Solène' }],
    ['"épouse" in the surname field', { last: 'MARTIN épouse DURAND', first: 'Solène' }, { last: 'Durand', birthName: 'Martin', first: 'Solène' }],
    ['particles split / joined', { last: 'DE LA FONTAINE', first: 'Jean' }, { last: 'Delafontaine', first: 'Jean' }],
    ['particles moved to the end', { last: 'LA FONTAINE (DE)', first: 'Jean' }, { last: 'de La Fontaine', first: 'Jean' }],
    ['particles moved / joined', { last: 'LA FONTAINE (DE)', first: 'Jean' }, { last: 'DELAFONTAINE', first: 'Jean' }],
    ['an apostrophe particle', { last: "D'ARTAGNAN", first: 'Louise' }, { last: 'Dartagnan', first: 'Louise' }],
    ['œ written oe', { last: 'CŒURDEROI', first: 'Béatrice' }, { last: 'Coeurderoi', first: 'Beatrice' }],
    ['æ written ae', { last: 'VANDAELE', first: 'Lætitia' }, { last: 'Vandaele', first: 'Laetitia' }],
    ['a whole row in capitals without accents', { last: 'LEFEVRE-BREHERET', first: 'HELENE' }, { last: 'Lefèvre-Bréheret', first: 'Hélène' }],
    // The AAF keeps the other given names apart (ENTPersonAutresPrenoms): the given-name fields agree.
    ['the other given names kept apart', { last: 'BOUVIER', first: 'Anne' }, { last: 'Bouvier', first: 'Anne', others: ['Marie', 'Louise'] }],
    ['hyphen against space in a double surname', { last: 'LEFEVRE BREHERET', first: 'Hélène' }, { last: 'Lefèvre-Bréheret', first: 'Hélène' }],
    // Pronote's one given-name field against the AAF's first given name and ENTPersonAutresPrenoms.
    [
      'all given names in one field, the same kept apart',
      { last: 'GAILLARD', first: 'Héloïse Emma' },
      { last: 'Gaillard', first: 'HÉLOÏSE', others: ['Emma'] },
    ],
    ['all given names in one field, in another order', { last: 'PEMAEC', first: 'Hélène Lou' }, { last: 'Pemaec', first: 'LOU', others: ['Hélène'] }],
  ])('%s', (_label, p, d) => {
    expect(one([teacher(p)], [account(d)])).toMatchObject({ status: 'auto', entId: 'E' });
  });
});

describe('partial names are never enough alone (issue 13, point 3)', () => {
  it.each<[string, Partial<P>, Partial<P>]>([
    ['only the first of several given names', { last: 'BOUVIER', first: 'Anne' }, { last: 'Bouvier', first: 'Anne Marie' }],
    ['more given names in Pronote', { last: 'BOUVIER', first: 'Anne Marie Louise' }, { last: 'Bouvier', first: 'Anne Marie' }],
    ['more given names in Pronote than in both AAF fields', { last: 'BERGER', first: 'Noëlle Camille' }, { last: 'Berger', first: 'NOËLLE' }],
    [
      'fewer given names in Pronote than in both AAF fields',
      { last: 'PRALOELLE', first: 'Lou Manon' },
      { last: 'Praloelle', first: 'LOU', others: ['Manon', 'Juliette'] },
    ],
    ['one part of a double surname', { last: 'GUERMEUR', first: 'Yves' }, { last: 'Beuzeval-Guermeur', first: 'Yves' }],
    ['a double surname against one of its parts', { last: 'BEUZEVAL GUERMEUR', first: 'Yves' }, { last: 'Guermeur', first: 'Yves' }],
  ])('%s: to review without another field; automatic with the birth date', (_label, p, d) => {
    const alone = one([teacher(p)], [account(d)]);
    expect(alone.status).toBe('review');
    expect(alone.entId).toBe('E');
    const dated = one([teacher({ ...p, birth: '1976-08-19' })], [account({ ...d, birth: '1976-08-19' })]);
    expect(dated).toMatchObject({ status: 'auto', entId: 'E' });
  });

  it('a student with only the first given name pairs with the birth date and class agreeing', () => {
    const pro = [pronote('student', { id: 'P', last: 'BOUVIER', first: 'Anne', birth: '2011-08-19', classes: ['5B'] })];
    const dir = [ent('student', { id: 'E', last: 'Bouvier', first: 'Anne Marie', birth: '2011-08-19', classes: ['5B'] })];
    expect(one(pro, dir)).toMatchObject({ status: 'auto', entId: 'E' });
  });

  it('surname and given name typed the wrong way round: offered for review, not lost', () => {
    const r = one([teacher({ last: 'PAULE', first: 'Mary' })], [account({ last: 'Mary', first: 'Paule' })]);
    expect(r.status).toBe('review');
    expect(r.entId).toBe('E');
  });

  it('surname and given name typed the wrong way round: automatic with the birth date and class agreeing', () => {
    const pro = [pronote('student', { id: 'P', last: 'THÉO', first: 'LALOIER', birth: '2013-10-01', classes: ['5L'] })];
    const dir = [ent('student', { id: 'E', last: 'Laloier', first: 'Théo', birth: '2013-10-01', classes: ['5L'] })];
    expect(one(pro, dir)).toMatchObject({ status: 'auto', entId: 'E' });
    // Another birth date: the same swapped names are no pair at all.
    const other = one(pro, [ent('student', { id: 'E', last: 'Laloier', first: 'Théo', birth: '2011-03-07', classes: ['5L'] })]);
    expect(other.status).not.toBe('auto');
  });
});
