/** Handmade French persons for the matching tests (a small factory, not a generator). */
import type { Category, Person, Side } from '../../../lib/core/person';

export interface P {
  id: string;
  last: string;
  first?: string;
  birth?: string;
  birthName?: string;
  others?: string[];
  sex?: 'M' | 'F';
  classes?: string[];
  email?: string;
  postal?: string;
  children?: string[];
  guardians?: string[];
}

export function person(side: Side, category: Category, p: P): Person {
  return {
    side,
    source: side === 'pronote' ? 'export.xml' : 'aaf.xml',
    location: p.id,
    category,
    id: p.id,
    idKind: side === 'pronote' ? 'IDPN' : 'account',
    lastName: p.last,
    birthName: p.birthName,
    firstName: p.first ?? '',
    otherFirstNames: p.others ?? [],
    birthDate: p.birth,
    sex: p.sex,
    classes: p.classes ?? [],
    email: p.email,
    postalCode: p.postal,
    children: (p.children ?? []).map((id) => ({ id })),
    guardians: (p.guardians ?? []).map((id) => ({ id })),
    structures: [],
    raw: {},
  };
}

export const pronote = (category: Category, p: P) => person('pronote', category, p);
export const ent = (category: Category, p: P) => person('directory', category, p);

/**
 * A directory of unrelated students, so that name frequencies and priors look like a school's
 * (names from common French surnames and given names, dates spread over 2008–2013).
 */
export function filler(n: number, category: Category = 'student'): Person[] {
  const lasts = [
    'Bernard',
    'Thomas',
    'Petit',
    'Robert',
    'Richard',
    'Garnier',
    'Dubois',
    'Moreau',
    'Laurent',
    'Simon',
    'Michel',
    'Faure',
    'Leroy',
    'Roux',
    'David',
    'Bertrand',
    'Morel',
    'Fournier',
    'Girard',
    'Bonnet',
  ];
  const firsts = [
    'Emma',
    'Louise',
    'Jade',
    'Alice',
    'Chloé',
    'Léo',
    'Gabriel',
    'Raphaël',
    'Arthur',
    'Hugo',
    'Jules',
    'Adam',
    'Lina',
    'Rose',
    'Mila',
    'Tom',
    'Noah',
    'Paul',
    'Inès',
    'Zoé',
    'Sacha',
  ];
  const out: Person[] = [];
  for (let i = 0; i < n; i++) {
    const y = 2008 + (i % 6);
    const m = 1 + ((i * 7) % 12);
    const d = 1 + ((i * 13) % 28);
    out.push(
      ent(category, {
        id: `F${i}`,
        last: lasts[i % lasts.length] + (i >= lasts.length ? `-${lasts[(i * 3 + 1) % lasts.length]}` : ''),
        first: firsts[(i * 5) % firsts.length],
        birth: category === 'student' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined,
      }),
    );
  }
  return out;
}
