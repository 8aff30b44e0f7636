import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../../lib/directory';
import { REFUSAL_CODES } from '../../../lib/core/refusal';
import { InputError } from '../../../lib/core/person';
import { readPronoteExport, readRapprochementSso } from '../../../lib/pronote';

const enc = new TextEncoder();
const file = (name: string, text: string) => ({ name, bytes: enc.encode(text) });

function refusal(read: () => unknown): InputError {
  try {
    read();
  } catch (e) {
    if (e instanceof InputError) {
      expect(REFUSAL_CODES).toContain(e.code);
      return e;
    }
    throw e;
  }
  throw new Error('expected an InputError');
}

const PERSONS = '<Eleves><Eleve Ident="1" IDPN="P1" Nom="DUPONT" Prenom="Jean"/><Eleve Ident="2" IDPN="P2" Nom="MARTIN" Prenom="Léa"/></Eleves>';
const exportWith = (prolog: string, body = PERSONS) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}\n<EXPORT_INDEX_EDUCATION>${body}</EXPORT_INDEX_EDUCATION>\n`;

describe('entity declarations refused wherever they stand', () => {
  it('after a decoy DOCTYPE in a comment', () => {
    const e = refusal(() =>
      readPronoteExport([
        file('x.xml', exportWith('<!-- <!DOCTYPE a> -->\n<!DOCTYPE EXPORT_INDEX_EDUCATION [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>')),
      ]),
    );
    expect(e.code).toBe('entity-declaration');
    expect(e.userMessage.fr).toContain('ligne 4');
  });

  it('after a `]` inside an ATTLIST default', () => {
    const e = refusal(() =>
      readPronoteExport([file('x.xml', exportWith('<!DOCTYPE EXPORT_INDEX_EDUCATION [\n<!ATTLIST Eleve Nom CDATA "a]b">\n<!ENTITY xxe "x">\n]>'))]),
    );
    expect(e.code).toBe('entity-declaration');
    expect(e.userMessage.en).toContain('line 4');
  });

  it('more than 64 KB into the DOCTYPE', () => {
    const pad = `<!-- ${'x'.repeat(70_000)} -->\n`;
    const e = refusal(() =>
      readDirectory([file('aaf.xml', `<?xml version="1.0"?>\n<!DOCTYPE ficAlimMENESR [\n${pad}<!ENTITY xxe "x">\n]>\n<ficAlimMENESR/>`)]),
    );
    expect(e.code).toBe('entity-declaration');
  });

  it('an entity declaration hidden behind a quoted `<!--` is found', () => {
    const e = refusal(() =>
      readPronoteExport([file('x.xml', exportWith('<!DOCTYPE EXPORT_INDEX_EDUCATION [\n<!ATTLIST Eleve Nom CDATA "<!--">\n<!ENTITY xxe "x">\n<!-- -->\n]>'))]),
    );
    expect(e.code).toBe('entity-declaration');
  });

  it('a DOCTYPE naming only an external DTD stays normal', () => {
    const r = readPronoteExport([file('x.xml', exportWith('<!DOCTYPE EXPORT_INDEX_EDUCATION SYSTEM "export.dtd">'))]);
    expect(r.persons).toHaveLength(2);
  });

  it('markup inside CDATA is data', () => {
    const body =
      '<Eleves><Eleve Ident="1" IDPN="P1" Nom="DUPONT" Prenom="Jean"><Note><![CDATA[<!DOCTYPE x [<!ENTITY y "z">]> &y;]]></Note></Eleve><Eleve Ident="2" IDPN="P2" Nom="MARTIN" Prenom="Léa"/></Eleves>';
    const r = readPronoteExport([file('x.xml', exportWith('', body))]);
    expect(r.persons.map((p) => p.lastName)).toEqual(['DUPONT', 'MARTIN']);
  });

  it('an undefined entity reference is refused, naming it and its line', () => {
    const body = '<Eleves>\n<Eleve Ident="1" IDPN="P1" Nom="&xxe;" Prenom="Jean"/>\n</Eleves>';
    const e = refusal(() => readPronoteExport([file('x.xml', exportWith('', body))]));
    expect(e.code).toBe('undefined-entity');
    expect(e.userMessage.fr).toContain('«\u202f&xxe;\u202f» (ligne 4');
    expect(e.userMessage.en).toContain('"&xxe;" (line 4');
  });
});

describe('parser faults become the reader’s message', () => {
  for (const decl of ['<?xml version="1"".0"?>', '<?xml version="1.0" encoding="utf-8?>']) {
    it(`${decl} in the Pronote reader and the RapprochementSSO reader`, () => {
      const text = `${decl}\n<EXPORT_INDEX_EDUCATION>${PERSONS}</EXPORT_INDEX_EDUCATION>`;
      for (const read of [() => readPronoteExport([file('x.xml', text)]), () => readRapprochementSso(file('x.xml', text))]) {
        const e = refusal(read);
        expect(e.code).toBe('not-well-formed');
        expect(e.userMessage.fr).toContain('«\u202fx.xml\u202f»');
        expect(e.userMessage.fr).toContain('ligne 1');
        expect(e.userMessage.en).toContain('line 1');
        expect(`${e.userMessage.fr} ${e.userMessage.en}`).not.toMatch(/Pi Tag|not closed\.|Erreur interne/);
      }
    });
  }
});

describe('a `<` inside an attribute value is refused, not kept in a name', () => {
  // Plain (the fast scanner's file) and with a comment inside an element (read by fast-xml-parser,
  // whose validator lets the `<` through).
  for (const [how, body] of [
    ['plain', PERSONS.replace('Prenom="Léa"', 'Prenom="<Léa"')],
    ['through the parser', PERSONS.replace('Prenom="Léa"/>', 'Prenom="<Léa"><!-- note --></Eleve>').replace('<Eleve Ident="2"', '\n<Eleve Ident="2"')],
  ] as const) {
    it(how, () => {
      const e = refusal(() => readPronoteExport([file('x.xml', exportWith('', body))]));
      expect(e.code).toBe('not-well-formed');
      expect(e.userMessage.fr).toContain('«\u202fx.xml\u202f»');
      expect(e.userMessage.fr).toMatch(/ligne \d+ \(un «\u202f<\u202f» dans la valeur d’un attribut/);
      expect(e.userMessage.en).toContain('inside an attribute value');
    });
  }

  it('`&lt;` written as XML writes it stays text', () => {
    const r = readPronoteExport([file('x.xml', exportWith('', PERSONS.replace('Prenom="Léa"', 'Prenom="&lt;Léa"')))]);
    expect(r.persons.map((p) => p.firstName)).toEqual(['Jean', '<Léa']);
  });
});

describe('a whole AAF delivery', () => {
  it('skips the DTD given with the XML files, and says so', () => {
    const dtd = file('ficAlimMENESR.dtd', '<?xml version="1.0" encoding="UTF-8"?>\n<!ELEMENT ficAlimMENESR (addRequest*)>\n<!ENTITY % x "y">\n');
    const dtdNoName = file('format', '<!-- AAF -->\n<!ELEMENT ficAlimMENESR (addRequest*)>\n');
    const aaf = file(
      'ENT_Eleve_0001.xml',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n<addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes><identifier><id>11</id></identifier><attributes><attr name="sn"><value>DUPONT</value></attr><attr name="givenName"><value>Jean</value></attr></attributes></addRequest>\n</ficAlimMENESR>\n',
    );
    const r = readDirectory([dtd, aaf, dtdNoName]);
    expect(r.persons.map((p) => p.lastName)).toEqual(['DUPONT']);
    expect(r.notes.find((n) => n.message.fr.startsWith('Fichiers DTD non lus'))?.message.fr).toContain('ficAlimMENESR.dtd, format');
  });
});
