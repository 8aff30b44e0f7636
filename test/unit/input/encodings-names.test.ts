import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../../lib/directory';
import { InputError } from '../../../lib/core/person';
import { readPronoteExport } from '../../../lib/pronote';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('encodings per line', () => {
  it('a CSV mixing UTF-8 and windows-1252 lines reads both right and counts the windows-1252 lines', () => {
    const bytes = concat(utf8('Nom;Prénom;Profil\nDUPONT;Géraldine;Élève\n'), cp1252('MARTIN;Hélène;Eleve\nDURAND;Zoé;Eleve\n'), utf8('PETIT;Noël;Élève\n'));
    const r = readDirectory([{ name: 'annuaire.csv', bytes }]);
    expect(r.persons.map((p) => p.firstName)).toEqual(['Géraldine', 'Hélène', 'Zoé', 'Noël']);
    expect(r.notes.some((n) => n.message.fr.startsWith('2 ligne(s) du fichier ne sont pas en UTF-8'))).toBe(true);
  });

  it('double-encoded UTF-8 is noted with its lines, never rewritten', () => {
    const r = readDirectory([{ name: 'annuaire.csv', bytes: utf8('Nom;Prénom;Profil\nDUPONT;GÃ©raldine;Eleve\nMARTIN;Léa;Eleve\n') }]);
    expect(r.persons[0].firstName).toBe('GÃ©raldine');
    expect(r.notes.some((n) => n.message.fr.startsWith('Lignes 2 : des accents semblent encodés deux fois'))).toBe(true);
  });

  it('UTF-32 is refused by name', () => {
    const text = '<?xml version="1.0"?><EXPORT/>';
    const le = new Uint8Array(4 + text.length * 4);
    le.set([0xff, 0xfe, 0, 0]);
    for (let i = 0; i < text.length; i++) le[4 + 4 * i] = text.charCodeAt(i);
    for (const bytes of [le, le.subarray(4)]) {
      try {
        readPronoteExport([{ name: 'u32.xml', bytes }]);
        throw new Error('not refused');
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).code).toBe('encoding');
        expect((e as InputError).userMessage.fr).toContain('UTF-32');
      }
    }
  });
});

describe('names are text', () => {
  it('control characters and bidi overrides are removed from names', () => {
    const r = readDirectory([{ name: 'eleves.csv', bytes: utf8('Nom;Prénom\nDU\u0007PONT;\u202eJean\u202c\nMARTIN;L\u0001éa\n') }]);
    expect(r.persons.map((p) => `${p.lastName} ${p.firstName}`)).toEqual(['DUPONT Jean', 'MARTIN Léa']);
  });
});
