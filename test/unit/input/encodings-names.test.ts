import { describe, expect, it } from 'vitest';
import { readDirectory, readPastedTable } from '../../../lib/directory';
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
    expect(r.notes.some((n) => n.message.fr.startsWith('Lignes 2\u202f: des accents semblent encodés deux fois'))).toBe(true);
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

  /** The note that says which records lost invisible characters, for one file. */
  const removedNote = (notes: { source: string; message: { fr: string; en: string } }[], source: string) =>
    notes.find((n) => n.source === source && n.message.fr.includes('caractères invisibles'));

  it('a CSV or pasted table: the changed records are named with their line, in both languages, and raw is text too', () => {
    const r = readDirectory([{ name: 'eleves.csv', bytes: utf8('Nom;Prénom\nDU\u0007PONT;\u202eJean\u202c\nMARTIN;Léa\nPETIT;Noé\u0085\n') }]);
    const note = removedNote(r.notes, 'eleves.csv');
    expect(note?.message.fr).toBe(
      '2 enregistrements contenaient des caractères invisibles (caractères de contrôle ou d’inversion du sens d’écriture\u202f: U+0007, U+0085, U+202C, U+202E), retirés des noms et des valeurs\u202f: l. 2 (DUPONT Jean\u202f: Nom, Prénom)\u202f; l. 4 (PETIT Noé\u202f: Prénom). Vérifiez ces noms dans le fichier d’origine.',
    );
    expect(note?.message.en).toBe(
      '2 records held invisible characters (control or text-direction characters: U+0007, U+0085, U+202C, U+202E), removed from the names and values: l. 2 (DUPONT Jean: Nom, Prénom); l. 4 (PETIT Noé: Prénom). Check these names in the original file.',
    );
    expect(r.persons[0].raw).toEqual({ Nom: 'DUPONT', Prénom: 'Jean' });
    const pasted = readPastedTable('Nom\tPrénom\tProfil\nMARTIN\tL\u2066éa\u2069\tEleve\n');
    expect(removedNote(pasted.notes, 'collage')?.message.fr).toContain('Un enregistrement contenait');
    expect(removedNote(pasted.notes, 'collage')?.message.fr).toContain('l. 2 (MARTIN Léa\u202f: Prénom)');
  });

  it('no note when no name changed', () => {
    const r = readDirectory([{ name: 'eleves.csv', bytes: utf8('Nom;Prénom\nDUPONT;Jean\n') }]);
    expect(removedNote(r.notes, 'eleves.csv')).toBeUndefined();
  });

  it('AAF, partner, sniffed and RapprochementSSO files: the note names the element and its line', () => {
    const aaf = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<ficAlimMENESR>',
      '<addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes><identifier><id>7</id></identifier><attributes><attr name="sn"><value>DU&#x202E;RAND</value></attr><attr name="givenName"><value>Zoé</value></attr></attributes></addRequest>',
      '</ficAlimMENESR>',
    ].join('\n');
    const a = readDirectory([{ name: 'Complet_Eleve_0001.xml', bytes: utf8(aaf) }]);
    expect(a.persons[0].lastName).toBe('DURAND');
    expect(removedNote(a.notes, 'Complet_Eleve_0001.xml')?.message.fr).toContain('addRequest[1], l. 3 (DURAND Zoé\u202f: sn)');
    const partner = readPronoteExport([
      { name: 'export.xml', bytes: utf8('<EXPORT>\n<Eleve Ident="1" IDPN="X" Nom="A\u0085B" Prenom="C&#x202d;"/>\n</EXPORT>') },
    ]);
    expect(partner.persons[0].lastName).toBe('AB');
    expect(removedNote(partner.notes, 'export.xml')?.message.en).toMatch(/\(AB C: Nom, Prenom\)/);
    expect(removedNote(partner.notes, 'export.xml')?.message.en).toContain('l. 2');
    const sniffed = readPronoteExport([
      {
        name: 'liste.xml',
        bytes: utf8(
          '<X><Eleves>\n<Eleve Ident="1" IDPN="P1" Nom="MARTIN" Prenom="Lé&#x202e;a"><Parent Ident="2"/></Eleve></Eleves>\n<Parents><Parent Ident="2" IDPN="P2" Nom="MARTIN" Prenom="C"/></Parents></X>',
        ),
      },
    ]);
    expect(sniffed.persons.map((p) => p.firstName)).toContain('Léa');
    expect(removedNote(sniffed.notes, 'liste.xml')?.message.fr).toContain('(MARTIN Léa\u202f: Prenom)');
    const sso = readPronoteExport([
      {
        name: 'RapprochementSSO.xml',
        bytes: utf8('<PARTENAIRE_INDEX>\n<Eleves>\n<Eleve Ident="1" ID_Partenaire="e1" Nom="PE&#x202E;TIT" Prenom="Noé"/>\n</Eleves>\n</PARTENAIRE_INDEX>'),
      },
    ]);
    expect(sso.persons[0].lastName).toBe('PETIT');
    expect(removedNote(sso.notes, 'RapprochementSSO.xml')?.message.fr).toContain('(PETIT Noé\u202f: Nom)');
  });
});
