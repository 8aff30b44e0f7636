import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCompact, foldIdentifier, foldLabel, foldProse, foldWords, stripAccents } from '../../../lib/core/fold';

describe('foldWords', () => {
  it('removes accents and cedillas: Çelik / Celik, Hélène / HELENE', () => {
    expect(foldWords('Çelik')).toBe(foldWords('CELIK'));
    expect(foldWords('Hélène')).toBe('helene');
    expect(foldWords('Zoë')).toBe('zoe');
  });
  it('spells out œ and æ: Œuvrard / Oeuvrard, Lætitia / Laetitia', () => {
    expect(foldWords('Œuvrard')).toBe('oeuvrard');
    expect(foldWords('Lætitia')).toBe(foldWords('Laetitia'));
  });
  it('turns hyphens, apostrophes and dots into spaces', () => {
    expect(foldWords('Anne-Sophie')).toBe('anne sophie');
    expect(foldWords("N'DIAYE")).toBe('n diaye');
    expect(foldWords('D’Almeida')).toBe('d almeida');
    expect(foldWords('  St.  Pierre ')).toBe('st pierre');
  });
  it('is empty for nothing to compare', () => {
    expect(foldWords(undefined)).toBe('');
    expect(foldWords(' - ')).toBe('');
  });
});

describe('stripAccents', () => {
  it('keeps case and punctuation, spells out ligatures', () => {
    expect(stripAccents("Œuvre d'Éloïse")).toBe("OEuvre d'Eloise");
    expect(stripAccents('Straße')).toBe('Strasse');
    expect(stripAccents('MARTIN')).toBe('MARTIN');
  });
});

describe('foldCompact', () => {
  it('gives one key to a project name typed in any way', () => {
    expect(foldCompact('Mon Bureau Numérique')).toBe(foldCompact('monbureaunumerique'));
    expect(foldCompact('arsene 76')).toBe(foldCompact('Arsène76'));
  });
});

describe('foldIdentifier', () => {
  it('splits camel case so that headers and element names compare with words', () => {
    expect(foldIdentifier('DateNaissance')).toBe('date naissance');
    expect(foldIdentifier('Date de naissance')).toBe('date de naissance');
    expect(foldIdentifier('ÉlèveIdent')).toBe('eleve ident');
  });
});

describe('foldProse', () => {
  it('makes typographic quotes plain and folds white space, keeping punctuation', () => {
    expect(foldProse('Échec : « idPronote »\u00a0manquant’s\n line')).toBe('echec : " idpronote " manquant\'s line');
  });
});

describe('foldLabel', () => {
  it('trims the label punctuation and folds special spaces', () => {
    expect(foldLabel('  Adresse du serveur CAS\u202f: ')).toBe('adresse du serveur cas');
    expect(foldLabel('- Mot de passe *')).toBe('mot de passe');
    expect(foldLabel('L’ŒUVRE')).toBe("l'oeuvre");
    expect(foldLabel('  URL du\u00a0serveur   CAS\u202f: ')).toBe('url du serveur cas');
    expect(foldLabel('Déléguer l’authentification')).toBe("deleguer l'authentification");
    expect(foldLabel('DÉFINIR UNE DÉLÉGATION CAS *')).toBe('definir une delegation cas');
  });
});

describe('the family agrees', () => {
  it('gives the same words for a name whatever the member', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aàâeéèêiîoôœuùüçæ -'ABCÉÈÇŒ".split('')), maxLength: 20 }), (s) => {
        expect(foldCompact(s)).toBe(foldWords(s).replace(/ /g, ''));
        expect(foldWords(foldLabel(s))).toBe(foldWords(s));
        expect(foldWords(foldProse(s))).toBe(foldWords(s));
      }),
      { seed: 19, numRuns: 500 },
    );
  });
});
