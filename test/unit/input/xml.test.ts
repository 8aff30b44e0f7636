import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertNoEntityDeclarations, assertWellFormed, countLines, decodeXmlEntities, lineColumn, readXmlTree } from '../../../lib/input/xml';
import { InputError } from '../../../lib/core/person';

function messageOf(fn: () => unknown): { fr: string; en: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).userMessage;
  }
  throw new Error('expected an InputError');
}

describe('safe XML', () => {
  it('accepts the AAF DOCTYPE that names an external DTD', () => {
    const text = readFileSync('../shared/data/aaf-entcore/FULL_ENTTSSERVICES_Complet_20130117_PersEducNat_0001.xml', 'utf8');
    expect(() => assertNoEntityDeclarations(text, 'f.xml')).not.toThrow();
    const root = readXmlTree(text, 'f.xml');
    expect(root.name).toBe('ficAlimMENESR');
    expect(root.children.filter((c) => c.name === 'addRequest')).toHaveLength(3);
  });

  it('refuses an entity bomb and an external entity, naming the line', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>';
    const m = messageOf(() => readXmlTree(bomb, 'bombe.xml'));
    expect(m.fr).toContain('déclarations d’entités');
    expect(m.fr).toContain('ligne 3'); // the line of the first <!ENTITY
    expect(m.en).toContain('entity declarations');
    const far = `<?xml version="1.0"?>\n<!--${'x'.repeat(100_000)}-->\n<!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>`;
    expect(messageOf(() => readXmlTree(far, 'loin.xml')).fr).toContain('ligne 3');
    const xxe = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(messageOf(() => readXmlTree(xxe, 'x.xml')).en).toContain('fetches nothing');
  });

  it('reports a truncated file with its last line and column and the open element', () => {
    const text = '<root>\n  <Eleve Nom="A">\n    <Classe Nom="3A"/>\n  </Eleve>\n  <Eleve Nom="B">\n    <Cla';
    const m = messageOf(() => assertWellFormed(text, 'coupe.xml'));
    expect(m.fr).toContain('incomplet');
    expect(m.fr).toContain('ligne 6, colonne 9');
    expect(m.en).toContain('line 6, column 9');
    const cutInElement = '<root>\n<Eleve Nom="A">\n</Eleve>\n<Eleve>\n';
    expect(messageOf(() => assertWellFormed(cutInElement, 'c.xml')).fr).toContain('l’élément <Eleve>');
  });

  it('reports a file cut inside a tag as cut off, not as invalid XML, and keeps an earlier fault as it is', () => {
    // The sample's partner export cut mid-attribute, as an interrupted copy leaves it.
    const head = readFileSync('sample/pronote-export.xml', 'utf8').slice(0, 5000);
    const m = messageOf(() => assertWellFormed(head, 'pronote-export.xml'));
    expect(m.fr).toContain('est incomplet');
    expect(m.fr).toContain('au milieu de la balise <Professeur>');
    expect(m.fr).toContain('coupé pendant la copie ou le téléchargement');
    expect(m.en).toContain('is incomplete');
    expect(m.en).toContain('cut off while copied or downloaded');
    expect(m.fr).not.toContain('XML valide');
    expect(messageOf(() => assertWellFormed('<r>\n<a/>\n<!-- une remar', 'c.xml')).en).toContain('in the middle of a tag');
    // A real fault before the end stays a fault, with its own line.
    const earlier = messageOf(() => assertWellFormed('<r>\n<a b></a>\n<c/>\n<d x="1', 'e.xml'));
    expect(earlier.fr).toContain('n’est pas un XML valide : erreur ligne 2'.replace(' :', '\u202f:'));
  });

  it('says in French and in English what is wrong, never in the parser’s words', () => {
    const m = messageOf(() => assertWellFormed('<root>\n  <Eleve Id Nom="A"/>\n</root>', 'attr.xml'));
    expect(m.fr).toContain('ligne 2, colonne');
    expect(m.fr).toContain('attribut mal formé');
    expect(m.fr).not.toContain('is not allowed');
    expect(m.en).toContain('malformed attribute');
    expect(m.en).not.toContain('is not allowed');
  });

  it('reports a mismatched tag with its position', () => {
    const m = messageOf(() => assertWellFormed('<a>\n<b></c>\n</a>', 'x.xml'));
    expect(m.fr).toContain('ligne 2, colonne');
    expect(m.fr).toContain('n’est pas un XML valide');
    expect(m.fr).toContain('balise fermante </c> alors que </b> était attendue');
    expect(m.fr).not.toContain('instead of');
  });

  it('decodes predefined entities and character references, keeps markup in values as text', () => {
    expect(decodeXmlEntities('A &amp; B &lt;script&gt; &#233;&#x20AC; &unknown;')).toBe('A & B <script> é€ &unknown;');
    const root = readXmlTree('<r><p Nom="&lt;img src=x onerror=alert(1)&gt;">&lt;b&gt;Zoé&lt;/b&gt;</p></r>', 'x.xml');
    expect(root.children[0].attrs.Nom).toBe('<img src=x onerror=alert(1)>');
    expect(root.children[0].text).toBe('<b>Zoé</b>');
  });

  it('gives line numbers of elements and positions across CRLF', () => {
    const root = readXmlTree('<r>\r\n<a/>\r\n\r\n<b x="1"/></r>', 'x.xml');
    expect(root.children.map((c) => [c.name, c.line])).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
    expect(lineColumn('ab\r\ncd\nef', 8)).toEqual({ line: 3, column: 2 });
    const mixed = 'a\r\nb\rc\nd\r';
    expect(countLines(mixed, 0, mixed.length)).toBe(4);
    expect(countLines(mixed, 0, 2)).toBe(0); // the CR of a CRLF is not a line end by itself
    expect(countLines(mixed, 3, 7)).toBe(2);
  });
});
