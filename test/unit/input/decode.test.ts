import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../lib/input/decode';
import { type MappingProfile, readPronoteExport } from '../../../lib/pronote';

/** A saved profile for the small files below: one student per name. */
const PROFILE: MappingProfile = { name: 'test', categories: { student: { element: 'Eleve' } }, fields: { id: 'Nom', lastName: 'Nom', firstName: 'Prenom' } };

const HIGH = '€ ‘ ’ “ ” – — œ Œ …';
// windows-1252 bytes of HIGH, written out from the WHATWG index (not produced by any decoder under test)
const HIGH_BYTES = [0x80, 0x20, 0x91, 0x20, 0x92, 0x20, 0x93, 0x20, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x9c, 0x20, 0x8c, 0x20, 0x85];

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) {
    out[o++] = littleEndian ? 0xff : 0xfe;
    out[o++] = littleEndian ? 0xfe : 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[o++] = littleEndian ? u & 0xff : u >> 8;
    out[o++] = littleEndian ? u >> 8 : u & 0xff;
  }
  return out;
}

describe('decodeBytes', () => {
  it('decodes windows-1252 bytes 0x80–0x9F with the WHATWG table in Node', () => {
    const r = decodeBytes(new Uint8Array(HIGH_BYTES));
    expect(r).toEqual({ text: HIGH, encoding: 'windows-1252' });
  });

  it('reads the fixture file holding 0x80–0x9F bytes', () => {
    const r = decodeBytes(new Uint8Array(readFileSync('test/fixtures/inputs/cp1252-high-bytes.csv')));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('"CŒUR";"Zoé"');
    expect(r.text).toContain('€ ‘cité’ “bas” – — œ Œ …');
    expect(r.text).toContain('D’ALMEIDA";"Noël"');
    expect(r.text).toContain('Š š Ž ž Ÿ ™ • ‰ ƒ');
  });

  it('reads the ONDE extraction (windows-1252, no BOM) with its accents', () => {
    const r = decodeBytes(new Uint8Array(readFileSync('../shared/data/onde-csv-entcore/CSVExtraction-eleves.csv')));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text.split('\r\n')[0]).toContain('"Nom Elève";"Nom d\'usage Elève";"Prénom Elève"');
  });

  it('reads UTF-8 with and without BOM, and an AAF file as UTF-8', () => {
    const text = '<a n="Zoé Œ €"/>';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeBytes(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8' });
    const aaf = decodeBytes(new Uint8Array(readFileSync('../shared/data/aaf-entcore/FULL_ENTTSSERVICES_Complet_20130117_Eleve_0001.xml')));
    expect(aaf.encoding).toBe('utf-8');
    expect(aaf.text).toContain('<value>Kù</value>');
  });

  it('reads UTF-16 LE and BE, with a BOM or from the XML start', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a n="Élodie €"/>';
    expect(decodeBytes(utf16(text, true, true))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, false, true))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeBytes(utf16(text, true, false))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, false, false))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('follows the encoding of the XML declaration', () => {
    const body = [...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a n="'), 0xc9, 0x80, ...new TextEncoder().encode('"/>')];
    expect(decodeBytes(new Uint8Array(body))).toEqual({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><a n="É€"/>', encoding: 'windows-1252' });
    const latin9 = [...new TextEncoder().encode('<?xml version="1.0" encoding="iso-8859-15"?><a n="'), 0xa4, 0xbd, '"'.charCodeAt(0), 0x2f, 0x3e];
    expect(decodeBytes(new Uint8Array(latin9)).text).toBe('<?xml version="1.0" encoding="iso-8859-15"?><a n="€œ"/>');
  });

  it('reads as UTF-8, and says so, a UTF-8 file whose declaration still names windows-1252 or ISO-8859-1', () => {
    for (const label of ['windows-1252', 'ISO-8859-1', 'iso-8859-15']) {
      const text = `<?xml version="1.0" encoding="${label}"?><a n="Gérald Œdipe"/>`;
      expect(decodeBytes(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8', declaredInstead: label.toLowerCase() });
    }
    // Plain ASCII or real windows-1252 (`é` as the byte 0xE9): read as declared.
    const ascii = '<?xml version="1.0" encoding="windows-1252"?><a n="Gerald"/>';
    expect(decodeBytes(new TextEncoder().encode(ascii))).toEqual({ text: ascii, encoding: 'windows-1252' });
    const cp1252 = [...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><a n="G'), 0xe9, ...new TextEncoder().encode('rald"/>')];
    expect(decodeBytes(new Uint8Array(cp1252))).toEqual({ text: '<?xml version="1.0" encoding="windows-1252"?><a n="Gérald"/>', encoding: 'windows-1252' });
  });

  it('with xmlReferences, writes the windows-1252 characters above U+00FF as XML character references, and reads the same names', () => {
    const cp = (text: string) => new Uint8Array([...text].map((ch) => ({ Œ: 0x8c, œ: 0x9c, '’': 0x92, '€': 0x80 })[ch] ?? ch.charCodeAt(0)));
    const xml = '<?xml version="1.0" encoding="windows-1252"?><T><Eleve Nom="Œ" Prenom="Cœur’s"><Note>5€</Note></Eleve><Eleve Nom="SŒUR" Prenom="Léa"/></T>';
    const referenced = decodeBytes(cp(xml), { xmlReferences: true });
    expect(referenced).toEqual({ text: xml.replace(/[Œœ’€]/g, (c) => `&#${c.charCodeAt(0)};`), encoding: 'windows-1252', references: 5 });
    expect(decodeBytes(cp(xml))).toEqual({ text: xml, encoding: 'windows-1252' });
    // Read by the Pronote reader: the same persons as from the plain text.
    const read = readPronoteExport([{ name: 'x.xml', bytes: cp(xml) }], { profile: PROFILE });
    expect(read.persons.map((p) => [p.lastName, p.firstName, p.raw.Note])).toEqual([
      ['Œ', 'Cœur’s', '5€'],
      ['SŒUR', 'Léa', undefined],
    ]);
    // A CDATA section keeps its text as written: no reference then.
    expect(decodeBytes(cp(xml.replace('5€', '<![CDATA[5€]]>')), { xmlReferences: true }).references).toBeUndefined();
    // A character above U+00FF in an element name cannot be a reference: read from the plain text.
    const named = readPronoteExport([{ name: 'x.xml', bytes: cp(xml.replace(/Note>/g, 'Nœte>')) }], { profile: PROFILE });
    expect(named.persons[0].raw['Nœte']).toBe('5€');
  });

  it('with xmlReferences, writes the UTF-8 characters above U+00FF as references, across its pieces of 8 KiB, and reads the same names', () => {
    // Names with letters above U+00FF (Œ, Ł, an astral character) where a piece of 8 KiB ends: a
    // character split between two pieces is decoded whole, a surrogate pair is one reference.
    const names = ['SŒUR', 'ŁUKASZ', 'Cœur', 'Zoé', 'A𝒜B', 'Ŧom'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const records: string[] = [];
    for (let k = 0; k < 1500; k++) records.push(`<Eleve Nom="${names[random(names.length)]}${k}" Prenom="${'é'.repeat(random(5))}x${'œ'.repeat(random(3))}"/>`);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><T>${records.join('\n')}</T>`;
    const bytes = new TextEncoder().encode(xml);
    expect(bytes.length).toBeGreaterThan(5 * 8192);
    const split = [1, 2, 3, 4, 5].filter((k) => (bytes[k * 8192] & 0xc0) === 0x80);
    expect(split.length).toBeGreaterThan(0); // a piece ends inside a character
    const referenced = decodeBytes(bytes, { xmlReferences: true });
    const above = [...xml].filter((c) => c.codePointAt(0)! > 0xff);
    expect(referenced).toEqual({
      text: xml.replace(/[\u0100-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`),
      encoding: 'utf-8',
      references: above.length,
    });
    expect(decodeBytes(bytes)).toEqual({ text: xml, encoding: 'utf-8' });
    const read = readPronoteExport([{ name: 'x.xml', bytes }], { profile: PROFILE });
    expect(read.persons.map((p) => `${p.lastName} ${p.firstName}`)).toEqual(records.map((r) => /Nom="([^"]*)" Prenom="([^"]*)"/.exec(r)!.slice(1).join(' ')));
    // Without a letter above U+00FF, or with a CDATA section, or not valid UTF-8: as before.
    expect(decodeBytes(new TextEncoder().encode('<T n="Zoé"/>'), { xmlReferences: true })).toEqual({ text: '<T n="Zoé"/>', encoding: 'utf-8' });
    expect(decodeBytes(new TextEncoder().encode('<T><![CDATA[Œ]]></T>'), { xmlReferences: true })).toEqual({ text: '<T><![CDATA[Œ]]></T>', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([...new TextEncoder().encode('<T n="Œ"/>\n<U n="'), 0xe9, 0x22, 0x2f, 0x3e]), { xmlReferences: true })).toEqual({
      text: '<T n="Œ"/>\n<U n="é"/>',
      encoding: 'utf-8',
      windows1252Lines: 1,
    });
  });

  it('falls back to windows-1252 when a file declared UTF-8 is not valid UTF-8', () => {
    const bytes = [...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><a n="'), 0xe9, 0x92, '"'.charCodeAt(0), 0x2f, 0x3e];
    expect(decodeBytes(new Uint8Array(bytes))).toEqual({ text: '<?xml version="1.0" encoding="UTF-8"?><a n="é’"/>', encoding: 'windows-1252' });
  });
});
