/**
 * A small run of the engine for the report tests (mapping.csv, summary, HTML report): two students,
 * one of them paired across a spelling change (`LE GALL` / `Legall`), one with a comma, quotes and
 * a leading space in the name, a guardian whose name holds markup, and a supervisor, against 200
 * filler students and the one account.
 */
import { match } from '../../../lib/matching';
import { ent, filler, pronote } from '../matching/persons';

export const pro = [
  pronote('student', { id: 'P1', last: 'LE GALL', first: 'Anne-Sophie', birth: '2011-04-03', classes: ['3A'] }),
  pronote('student', { id: 'P2', last: 'Dupont, "dit" Jean', first: ' Marc', birth: '2011-05-05', classes: ['3B'] }),
  pronote('guardian', { id: 'G1', last: '<script>alert(1)</script>', first: 'Élodie & Cie' }),
  pronote('supervisor', { id: 'S1', last: 'Tuteur', first: 'Jean' }),
];
export const dir = [...filler(200), ent('student', { id: 'E1', last: 'Legall', first: 'Anne Sophie', birth: '2011-04-03' })];
export const result = match({ pronote: pro, directory: dir });
