import { describe, expect, it } from 'vitest';
import {
  compareDates,
  compareGivenNames,
  compareSets,
  compareSurnames,
  dateParts,
  editDistance,
  jaroWinkler,
  prepare,
  surnameForms,
  phonetic,
} from '../../../lib/matching';
import { ent, pronote } from './persons';

const sur = (a: string, b: string, birthB?: string) => {
  const x = surnameForms(a);
  const y = surnameForms(b, birthB);
  return compareSurnames(
    x,
    x.map((f) => phonetic(f.core)),
    y,
    y.map((f) => phonetic(f.core)),
  );
};
const given = (a: string, b: string, others: string[] = []) =>
  compareGivenNames(prepare(pronote('student', { id: '1', last: 'X', first: a }), 0), prepare(ent('student', { id: '2', last: 'X', first: b, others }), 1));
const dates = (a?: string, b?: string) => compareDates(dateParts(a), dateParts(b));

describe('string distances', () => {
  it('Jaro-Winkler gives the published values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('', 'a')).toBe(0);
  });
  it('edit distance counts a swap of neighbours as one edit and stops early', () => {
    expect(editDistance('martin', 'matrin')).toBe(1);
    expect(editDistance('dupont', 'dupond')).toBe(1);
    expect(editDistance('bernard', 'dubois', 2)).toBe(3);
  });
});

describe('surname levels', () => {
  it('exact after normalisation: LE GALL / Legall, N’DIAYE / Ndiaye, Çelik / Celik, Œuvrard / Oeuvrard', () => {
    expect(sur('LE GALL', 'Legall')).toBe('exact');
    expect(sur("N'DIAYE", 'Ndiaye')).toBe('exact');
    expect(sur('Çelik', 'CELIK')).toBe('exact');
    expect(sur('Œuvrard', 'OEUVRARD')).toBe('exact');
  });
  it('MARTIN épouse DURAND is exact against DURAND and against MARTIN', () => {
    expect(sur('MARTIN épouse DURAND', 'Durand')).toBe('exact');
    expect(sur('MARTIN épouse DURAND', 'Martin')).toBe('exact');
    // Usage name on one side, birth name field on the other (AAF sn / ENTPersonNomPatro).
    expect(sur('MARTIN', 'Durand', 'MARTIN')).toBe('exact');
  });
  it('close for a typo or one part of a compound name', () => {
    expect(sur('Bertrand', 'Betrand')).toBe('close');
    expect(sur('MARTIN-DURAND', 'Martin')).toBe('close');
  });
  it('phonetic for a spelling that sounds the same', () => {
    expect(sur('Lefebvre', 'Lefèvre')).toBe('close'); // one edit away: close wins over phonetic
    expect(sur('Schmitt', 'Chmit')).toBe('phonetic');
  });
  it('different and missing', () => {
    expect(sur('Martin', 'Dubois')).toBe('different');
    expect(sur('', 'Dubois')).toBe('missing');
  });
});

describe('given-name levels', () => {
  it('Anne-Sophie / Anne Sophie is exact', () => {
    expect(given('Anne-Sophie', 'Anne Sophie')).toBe('exact');
    expect(given('ANNE-SOPHIE', 'anne sophie')).toBe('exact');
  });
  it('one part of a compound name, or another given name, is close', () => {
    expect(given('Anne-Sophie', 'Anne')).toBe('close');
    expect(given('Claire', 'Marie', ['Claire'])).toBe('close');
  });
  it('the same given names spread over the first-name and other-given-names fields are exact', () => {
    expect(given('Héloïse Emma', 'HÉLOÏSE', ['Emma'])).toBe('exact');
    expect(given('Hélène Lou', 'LOU', ['Hélène'])).toBe('exact');
    expect(given('Raphaël-Jean Pierre-Louis', 'Pierre-Louis', ['Raphaël-Jean'])).toBe('exact');
  });
  it('only the first of several given names, or extra ones, is close, never exact', () => {
    expect(given('Martin JEAN-LUC', 'JEAN LUC', ['Martin', 'Jean-François'])).toBe('close');
    expect(given('Noëlle Camille', 'NOËLLE')).toBe('close');
    expect(given('Lou Manon', 'LOU', ['Manon', 'Juliette'])).toBe('close');
    expect(given('Paul Manon', 'LOU', ['Juliette'])).toBe('different');
  });
  it('one typo is close on a given name of 5+ letters, as on a surname; shorter names differ by one letter', () => {
    expect(given('Clata', 'Clara')).toBe('close');
    expect(given('Licas', 'Lucas')).toBe('close');
    expect(given('Sokène', 'SOLÈNE')).toBe('close');
    expect(given('Lina', 'Léna')).toBe('different');
    expect(given('Hugo', 'Yugo')).toBe('different');
  });
  it('a civility alone in the given-name field is no given name', () => {
    expect(given('MME', 'Julie')).toBe('missing');
    expect(given('M. et Mme', 'Julie')).toBe('missing');
    expect(given('Madame Léa', 'LÉA')).toBe('exact');
  });
  it('phonetic, different, missing', () => {
    expect(given('Kévin', 'Kevin')).toBe('exact');
    expect(given('Mathieu', 'Matthieu')).toBe('close');
    expect(given('Philippe', 'Filipe')).toBe('phonetic');
    expect(given('Jean', 'Paul')).toBe('different');
    expect(given('', 'Paul')).toBe('missing');
  });
});

describe('birth-date levels', () => {
  it('03/04 against 04/03 is swapped, not different', () => {
    expect(dates('2011-04-03', '2011-03-04')).toBe('swapped');
  });
  it('one wrong digit or two neighbouring digits exchanged is close', () => {
    expect(dates('2011-04-03', '2011-04-08')).toBe('close');
    expect(dates('2011-04-13', '2011-04-31')).toBe('close');
    expect(dates('2010-04-03', '2011-04-03')).toBe('close');
  });
  it('exact, different and missing', () => {
    expect(dates('2011-04-03', '2011-04-03')).toBe('exact');
    expect(dates('2011-04-03', '2009-12-25')).toBe('different');
    expect(dates(undefined, '2009-12-25')).toBe('missing');
    expect(dates('2011-04-03', 'not a date')).toBe('missing');
  });
});

describe('classes', () => {
  it('agree when one class is shared, after class-name normalisation', () => {
    const a = prepare(pronote('student', { id: '1', last: 'X', classes: ['3EME A'] }), 0);
    const b = prepare(ent('student', { id: '2', last: 'X', classes: ['52006$3A', '52006$LATIN'] }), 1);
    expect(compareSets(a.classes, b.classes)).toBe('exact');
    expect(compareSets(a.classes, [])).toBe('missing');
    expect(compareSets(['4b'], b.classes)).toBe('different');
  });
});
