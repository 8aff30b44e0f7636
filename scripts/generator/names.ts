/**
 * French-looking names for invented people, ranked roughly from common to rare so that a Zipf draw
 * makes frequent names (Martin, Léa) come back often and rare ones seldom. The lists mix accents,
 * particles (de, Le, N', d'), compound forms and names of families from abroad, as in a French
 * school's directory. Invented combinations: no real person is meant.
 */
import NAMES from './names.json' with { type: 'json' };
import { type Random, zipfCumulative } from './prng';

// The lists are data (names.json), ranked from common to rare.
export const SURNAMES: readonly string[] = NAMES.surnames;
export const FEMALE_GIVEN_NAMES: readonly string[] = NAMES.femaleGivenNames;
export const MALE_GIVEN_NAMES: readonly string[] = NAMES.maleGivenNames;

// Syllables for the long tail of rare surnames (France has over a million family names: a list of a
// few hundred alone would make far too many homonyms).
const TAIL_START = [
  'Ber',
  'Cha',
  'Du',
  'La',
  'Le',
  'Mar',
  'Mor',
  'Pe',
  'Ro',
  'Sa',
  'Tho',
  'Va',
  'Bou',
  'Gra',
  'Fa',
  'Ri',
  'Mon',
  'Bel',
  'Ga',
  'Vi',
  'Que',
  'Fer',
  'Lom',
  'Cas',
  'Bré',
  'Dé',
  'Jau',
  'Pra',
];
const TAIL_MIDDLE = ['', '', 'ra', 'li', 'ma', 've', 'no', 'ri', 'te', 'lo', 'zi', 'char', 'bon'];
const TAIL_END = [
  'ud',
  'ac',
  'et',
  'in',
  'ot',
  'ard',
  'ier',
  'eau',
  'on',
  'aux',
  'ès',
  'ène',
  'ou',
  'and',
  'ille',
  'enc',
  'at',
  'ay',
  'oux',
  'ez',
  'elle',
  'ec',
];

const SURNAME_CUMULATIVE = zipfCumulative(SURNAMES.length, 0.9);
const FLAT_SURNAME_CUMULATIVE = zipfCumulative(SURNAMES.length, 0.6);
const FEMALE_CUMULATIVE = zipfCumulative(FEMALE_GIVEN_NAMES.length, 0.8);
const MALE_CUMULATIVE = zipfCumulative(MALE_GIVEN_NAMES.length, 0.8);
const FLAT_FEMALE_CUMULATIVE = zipfCumulative(FEMALE_GIVEN_NAMES.length, 0.4);
const FLAT_MALE_CUMULATIVE = zipfCumulative(MALE_GIVEN_NAMES.length, 0.4);

/**
 * One surname from the ranked list (Zipf); with `longTail`, half are rare ones made of syllables
 * ("Bréliac", "Mortenec") and the list is drawn flatter: a large population draws from many more
 * names, and a list of a few hundred alone would make far too many homonyms at 100,000 persons.
 */
function oneSurname(random: Random, longTail: boolean): string {
  if (!longTail) return SURNAMES[random.weighted(SURNAME_CUMULATIVE)];
  if (random.chance(0.5)) return SURNAMES[random.weighted(FLAT_SURNAME_CUMULATIVE)];
  return random.pick(TAIL_START) + random.pick(TAIL_MIDDLE) + random.pick(TAIL_END);
}

/**
 * A surname; 3 % are double-barrelled with a hyphen or a space ("Martin-Dubois", "Dos Santos Lopes").
 * `longTail` for large populations (see {@link oneSurname}).
 */
export function drawSurname(random: Random, longTail = false): string {
  const first = oneSurname(random, longTail);
  if (!random.chance(0.03)) return first;
  const second = oneSurname(random, longTail);
  return second === first ? first : `${first}${random.chance(0.8) ? '-' : ' '}${second}`;
}

/**
 * A given name for `sex` (`flat`: drawn flatter, for large populations, whose names vary more); besides the compound names of the lists, 6 % are made compound here,
 * with a hyphen (85 %) or a space (15 %), as they are written on birth certificates.
 */
export function drawGivenName(random: Random, sex: 'M' | 'F', flat = false): string {
  const list = sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
  const cumulative = flat ? (sex === 'F' ? FLAT_FEMALE_CUMULATIVE : FLAT_MALE_CUMULATIVE) : sex === 'F' ? FEMALE_CUMULATIVE : MALE_CUMULATIVE;
  const first = list[random.weighted(cumulative)];
  if (first.includes('-') || first.includes(' ') || !random.chance(0.06)) return first;
  const second = list[random.weighted(cumulative)];
  if (second === first || second.includes('-') || second.includes(' ')) return first;
  return `${first}${random.chance(0.85) ? '-' : ' '}${second}`;
}

/** A second or third given name (AAF `ENTPersonAutresPrenoms`), never equal to `avoid`. */
export function drawOtherGivenNames(random: Random, sex: 'M' | 'F', avoid: string, flat = false): string[] {
  const count = random.chance(0.55) ? random.int(1, 2) : 0;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = drawGivenName(random, sex, flat);
    if (name !== avoid && !names.includes(name)) names.push(name);
  }
  return names;
}
