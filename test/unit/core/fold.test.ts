import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCompact, foldIdentifier, foldLabel, foldProse, foldWords, stripAccents } from '../../../lib/core/fold';

type Fold = (text: string | undefined) => string;

/**
 * Each member of the family, what it is for, and the texts it must fold as given: `[typed, folded]`.
 * Where two spellings must meet (Çelik / CELIK), both stand in the cases with the same folded text.
 */
const FOLDS: { name: string; fold: Fold; cases: Record<string, [typed: string | undefined, folded: string][]> }[] = [
  {
    name: 'foldWords',
    fold: foldWords,
    cases: {
      'removes accents and cedillas: Çelik / Celik, Hélène / HELENE': [
        ['Çelik', 'celik'],
        ['CELIK', 'celik'],
        ['Hélène', 'helene'],
        ['Zoë', 'zoe'],
      ],
      'spells out œ and æ: Œuvrard / Oeuvrard, Lætitia / Laetitia': [
        ['Œuvrard', 'oeuvrard'],
        ['Lætitia', 'laetitia'],
        ['Laetitia', 'laetitia'],
      ],
      'turns hyphens, apostrophes and dots into spaces': [
        ['Anne-Sophie', 'anne sophie'],
        ["N'DIAYE", 'n diaye'],
        ['D’Almeida', 'd almeida'],
        ['  St.  Pierre ', 'st pierre'],
      ],
      'is empty for nothing to compare': [
        [undefined, ''],
        [' - ', ''],
      ],
    },
  },
  {
    name: 'stripAccents',
    fold: stripAccents,
    cases: {
      'keeps case and punctuation, spells out ligatures': [
        ["Œuvre d'Éloïse", "OEuvre d'Eloise"],
        ['Straße', 'Strasse'],
        ['MARTIN', 'MARTIN'],
      ],
    },
  },
  {
    name: 'foldCompact',
    fold: foldCompact,
    cases: {
      'gives one key to a project name typed in any way': [
        ['Mon Bureau Numérique', 'monbureaunumerique'],
        ['monbureaunumerique', 'monbureaunumerique'],
        ['arsene 76', 'arsene76'],
        ['Arsène76', 'arsene76'],
      ],
    },
  },
  {
    name: 'foldIdentifier',
    fold: foldIdentifier,
    cases: {
      'splits camel case so that headers and element names compare with words': [
        ['DateNaissance', 'date naissance'],
        ['Date de naissance', 'date de naissance'],
        ['ÉlèveIdent', 'eleve ident'],
      ],
    },
  },
  {
    name: 'foldProse',
    fold: foldProse,
    cases: {
      'makes typographic quotes plain and folds white space, keeping punctuation': [
        ['Échec : « idPronote »\u00a0manquant’s\n line', 'echec : " idpronote " manquant\'s line'],
      ],
    },
  },
  {
    name: 'foldLabel',
    fold: foldLabel,
    cases: {
      'trims the label punctuation and folds special spaces': [
        ['  Adresse du serveur CAS\u202f: ', 'adresse du serveur cas'],
        ['- Mot de passe *', 'mot de passe'],
        ['L’ŒUVRE', "l'oeuvre"],
        ['  URL du\u00a0serveur   CAS\u202f: ', 'url du serveur cas'],
        ['Déléguer l’authentification', "deleguer l'authentification"],
        ['DÉFINIR UNE DÉLÉGATION CAS *', 'definir une delegation cas'],
      ],
    },
  },
];

for (const { name, fold, cases } of FOLDS) {
  describe(name, () => {
    for (const [what, pairs] of Object.entries(cases)) {
      it(what, () => {
        for (const [typed, folded] of pairs) expect(fold(typed), JSON.stringify(typed)).toBe(folded);
      });
    }
  });
}

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
