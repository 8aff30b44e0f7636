/**
 * French-looking names for invented people, ranked roughly from common to rare so that a Zipf draw
 * makes frequent names (Martin, Léa) come back often and rare ones seldom. The lists mix accents,
 * particles (de, Le, N', d'), compound forms and names of families from abroad, as in a French
 * school's directory. Invented combinations: no real person is meant.
 */
import { type Random, zipfCumulative } from './prng';

export const SURNAMES: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin',
  'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet',
  'Adam', 'Paris', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier',
  'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet',
  'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain',
  'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré',
  'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez',
  'Guichard', 'Gillet', 'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva',
  'Bouchet', 'Gay', 'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret',
  'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte',
  'Nguyen', 'Diallo', "N'Diaye", 'Traoré', 'Dos Santos', 'Ferreira', 'Pereira', 'Haddad', 'Benali', 'Mansouri',
  'Cherif', 'Kone', 'Camara', 'Sylla', 'Ben Ahmed', 'Amrani', 'El Idrissi', 'Bensaïd', "N'Guessan", 'Mendy',
  'de Sousa', 'de Oliveira', 'Rodrigues', 'Gonçalves', 'Tran', 'Pham', 'Le Bihan', 'Le Corre', 'Kerbrat', 'Tanguy',
  'Quéré', 'Hénaff', 'Le Floch', 'Thiébaut', 'Théry', 'Hébert', 'Pélissier', 'Crépin', 'Desprès', 'Lefébure',
  'Béranger', 'Chênevert', 'Duchêne', 'Lelièvre', 'Dussaussoy', 'Saint-Martin', 'de Villiers', 'du Plessis', "d'Almeida", 'de La Fontaine',
  'Le Meur', 'La Rosa', 'Van der Berg', 'Mac Gregor', 'Østergaard', 'Müller', 'Schœlcher', 'Ibáñez', 'Núñez', 'Łukasik',
  'Bellanger', 'Vallée', 'Bérard', 'Gauvin', 'Rigaud', 'Jourdan', 'Ferrand', 'Delmas', 'Couderc', 'Salaün',
  'Cazenave', 'Etcheverry', 'Oyharçabal', 'Ségurel', 'Fabrègue', 'Pujol', 'Castanier', 'Mazières', 'Vergès', 'Laffitte',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Léa', 'Emma', 'Chloé', 'Manon', 'Camille', 'Inès', 'Jade', 'Sarah', 'Louise', 'Zoé',
  'Lola', 'Léna', 'Clara', 'Lina', 'Alice', 'Eva', 'Juliette', 'Anaïs', 'Lucie', 'Maëlys',
  'Romane', 'Mathilde', 'Ambre', 'Louna', 'Nina', 'Rose', 'Lou', 'Margaux', 'Océane', 'Mila',
  'Julie', 'Marie', 'Anna', 'Agathe', 'Capucine', 'Élise', 'Noémie', 'Pauline', 'Jeanne', 'Charlotte',
  'Marie-Lou', 'Anne-Sophie', 'Marie-Claire', 'Léonie', 'Héloïse', 'Éloïse', 'Maëlle', 'Clémence', 'Salomé', 'Apolline',
  'Yasmine', 'Aïcha', 'Fatoumata', 'Maryam', 'Nour', 'Lyna', 'Kenza', 'Aya', 'Mélissa', 'Célia',
  'Cécile', 'Hélène', 'Sophie', 'Nathalie', 'Isabelle', 'Sandrine', 'Véronique', 'Stéphanie', 'Valérie', 'Christelle',
  'Aurélie', 'Émilie', 'Séverine', 'Géraldine', 'Frédérique', 'Laëtitia', 'Gaëlle', 'Bérénice', 'Adélaïde', 'Noëlle',
  'Marie-Hélène', 'Anne-Marie', 'Marie-Pierre', 'Marie-Thérèse', 'Rose-Marie', 'Marie Ange', 'Ana', 'Zélie', 'Sixtine', 'Ombeline',
  'Thi Hoa', 'Oumou', 'Ndèye', 'Chaïma', 'Ilona', 'Astrid', 'Solène', 'Bénédicte', 'Ghislaine', 'Françoise',
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Nathan', 'Jules', 'Arthur', 'Raphaël', 'Léo', 'Adam',
  'Enzo', 'Tom', 'Théo', 'Mathis', 'Noah', 'Ethan', 'Paul', 'Maël', 'Sacha', 'Timéo',
  'Nolan', 'Mohamed', 'Clément', 'Antoine', 'Maxime', 'Baptiste', 'Alexandre', 'Thomas', 'Victor', 'Valentin',
  'Noé', 'Axel', 'Gabin', 'Martin', 'Évan', 'Aaron', 'Éthan', 'Mathéo', 'Samuel', 'Rayan',
  'Jean-Baptiste', 'Pierre-Louis', 'Louis-Marie', 'Jean-Paul', 'Jean-Luc', 'Marc-Antoine', 'Paul-Henri', 'Jean-Noël', 'Loïc', 'Gaël',
  'Yanis', 'Ibrahim', 'Moussa', 'Amadou', 'Youssef', 'Ilyès', 'Bilal', 'Karim', 'Mehdi', 'Souleymane',
  'Jérôme', 'Frédéric', 'Stéphane', 'Sébastien', 'Cédric', 'Grégory', 'Hervé', 'Rémi', 'Benoît', 'Aurélien',
  'Jérémy', 'Mickaël', 'Joël', 'Noël', 'Gaëtan', 'Anaël', 'Raphaël-Jean', 'Éric', 'Thierry', 'Dominique',
  'Jean Pierre', 'Jean-Michel', 'Jean-François', 'Pierre-Yves', 'Charles-Édouard', 'François', 'Édouard', 'Côme', 'Aymeric', 'Tristan',
  'Van Long', 'Mamadou', 'Abdoulaye', 'Nicolás', 'João', 'Florent', 'Yohann', 'Kévin', 'Matthieu', 'Bastien',
];

// Syllables for the long tail of rare surnames (France has over a million family names: a list of a
// few hundred alone would make far too many homonyms).
const TAIL_START = ['Ber', 'Cha', 'Du', 'La', 'Le', 'Mar', 'Mor', 'Pe', 'Ro', 'Sa', 'Tho', 'Va', 'Bou', 'Gra', 'Fa', 'Ri', 'Mon', 'Bel', 'Ga', 'Vi', 'Que', 'Fer', 'Lom', 'Cas', 'Bré', 'Dé', 'Jau', 'Pra'];
const TAIL_MIDDLE = ['', '', 'ra', 'li', 'ma', 've', 'no', 'ri', 'te', 'lo', 'zi', 'char', 'bon'];
const TAIL_END = ['ud', 'ac', 'et', 'in', 'ot', 'ard', 'ier', 'eau', 'on', 'aux', 'ès', 'ène', 'ou', 'and', 'ille', 'enc', 'at', 'ay', 'oux', 'ez', 'elle', 'ec'];

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
