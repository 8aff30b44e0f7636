/**
 * The fast XML scanner (lib/input/xml-scan.ts) must take the fast path on the files the readers
 * meet, give there exactly the tree of fast-xml-parser, and never call well-formed what
 * fast-xml-parser's validator refuses (the validator words every fault, with line and column).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../lib/input/decode';
import { parseXmlTreeWithParser } from '../../../lib/input/xml';
import { scanWellFormed, scanXmlTree } from '../../../lib/input/xml-scan';
import { generate } from '../../../scripts/generator/index';
import { aafFiles } from '../../../scripts/generator/write-aaf';
import { contentOf } from '../../../scripts/generator/write-files';
import { pronoteFiles } from '../../../scripts/generator/write-pronote';

const valid = (text: string) => XMLValidator.validate(text, { allowBooleanAttributes: false }) === true;
const AAF = '../shared/data/aaf-entcore/';
const FIXTURES = 'test/fixtures/inputs/';

const g = generate({ seed: 21, students: 80 });
const exports = pronoteFiles(g.pronote).map((f) => ({ name: f.name, text: contentOf(f) }));

/** Bytes of `text` in an encoding the readers meet, decoded back as the readers do. */
function throughBytes(text: string, encoding: 'windows-1252' | 'utf-16le' | 'utf-16be'): string {
  const declared = encoding === 'windows-1252' ? text.replace(/encoding="[^"]*"/, 'encoding="windows-1252"') : text;
  const body = iconv.encode(declared, encoding === 'windows-1252' ? 'win1252' : encoding);
  const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : encoding === 'utf-16be' ? [0xfe, 0xff] : [];
  return decodeBytes(new Uint8Array([...bom, ...body])).text;
}

describe('fast XML scanner: same tree as fast-xml-parser on the files the readers meet', () => {
  it.each(exports.map((e) => [e.name, e.text]))('generated export %s, in UTF-8, windows-1252 and UTF-16', (_name, text) => {
    expect(text).toMatch(/[éèÉ]/); // accented names: the encodings below are put to the test
    for (const t of [text, throughBytes(text, 'windows-1252'), throughBytes(text, 'utf-16le'), throughBytes(text, 'utf-16be')]) {
      const fast = scanXmlTree(t);
      expect(fast).toBeDefined();
      expect(fast).toEqual(parseXmlTreeWithParser(t));
      expect(scanWellFormed(t)).toBe(true);
    }
  });

  it('with CRLF or CR line ends, tabs between attributes and values spanning lines', () => {
    const partner = exports[0].text;
    const variants = [
      partner.replace(/\n/g, '\r\n'),
      partner.replace(/\n/g, '\r'),
      partner.replace(/ (\w+=")/g, '\t$1'),
      '<r>\r\n  <p Nom=" A\r\nB " Prenom=\'x "y"\'>\r\n  un\r\n  texte &amp; &#233;</p>\r\n</r>\r\n',
    ];
    for (const t of variants) {
      const fast = scanXmlTree(t);
      expect(fast).toBeDefined();
      expect(fast).toEqual(parseXmlTreeWithParser(t));
    }
    expect(scanXmlTree(variants[3])?.children[0]).toMatchObject({ attrs: { Nom: 'A\nB', Prenom: 'x "y"' }, text: 'un\n  texte & é', line: 2 });
  });

  it.each([
    'partner-export.xml',
    'rapprochement-sso.xml',
    'sniffed-english.xml',
    'sniffed-utilisateurs.xml',
    'edt-exp-eleves.xml',
    'partner-export-utf16le.xml',
  ])('fixture %s (namespaces, entities, UTF-16)', (name) => {
    const { text } = decodeBytes(new Uint8Array(readFileSync(FIXTURES + name)));
    const fast = scanXmlTree(text);
    expect(fast).toBeDefined();
    expect(fast).toEqual(parseXmlTreeWithParser(text));
  });

  it('checks every AAF file of ../shared/data (DOCTYPE, comments) and the generated AAF files on the fast path', () => {
    const files = readdirSync(AAF).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(scanWellFormed(decodeBytes(new Uint8Array(readFileSync(AAF + f))).text)).toBe(true);
    for (const f of aafFiles(g.directory)) expect(scanWellFormed(contentOf(f))).toBe(true);
  });
});

describe('fast XML scanner: leaves every fault and every unusual construct to fast-xml-parser', () => {
  it.each([
    ['truncated', '<r><a x="1"/><b>'],
    ['mismatched tag', '<r><a></b></r>'],
    ['repeated attribute', '<r><a x="1" x="2"/></r>'],
    ['attribute without value', '<r><a x/></r>'],
    ['attributes not separated', '<r><a x="1"y="2"/></r>'],
    ['bare ampersand', '<r>A & B</r>'],
    ['unknown reference without semicolon', '<r>&eacute</r>'],
    ['text after the root', '<r/>x'],
    ['two roots', '<r/><s/>'],
    ['XML declaration not at the start', ' <?xml version="1.0"?><r/>'],
    ['name with an accent', '<r><é/></r>'],
  ])('%s', (_what, text) => {
    expect(scanWellFormed(text)).toBe(false);
    expect(scanXmlTree(text)).toBeUndefined();
  });

  it.each([
    ['CDATA inside an element', '<r><![CDATA[a < b]]></r>'],
    ['comment inside an element', '<r>a<!-- c -->b</r>'],
    ['processing instruction', '<r><?pi x?></r>'],
    ['a DOCTYPE', '<!DOCTYPE r SYSTEM "r.dtd"><r/>'],
    ['name the parser renames', '<r><toString/></r>'],
    ['attribute the parser refuses', '<r constructor="1"/>'],
    ['attribute with two prefixes', '<r a:b:c="1"/>'],
  ])('no tree for %s: the parser builds it', (_what, text) => {
    expect(scanXmlTree(text)).toBeUndefined();
  });

  it('never accepts what the validator refuses, and builds the parser’s tree, on thousands of damaged files', () => {
    let seed = 4242;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const CHARS = ['<', '>', '&', '"', "'", '/', '=', ' ', '\n', '\r', '\t', ':', '!', '?', '[', ']', '-', '#', ';', 'é', '\u00a0', 'x'];
    const SNIPPETS = [
      '<!-- c -->',
      '<![CDATA[x]]>',
      '<?pi x?>',
      '&amp;',
      '&#233;',
      '&#x;',
      '&bogus;',
      '&;',
      ' xmlns:p="u"',
      ' p:Nom="z"',
      ' a="1"',
      ' Nom="d"',
      '<Classe Nom="3A"/>',
      '</Eleve>',
      ' y="a>b"',
      '<a:b/>',
      '\r\n',
    ];
    const bases = [
      exports[0].text.slice(0, 5000),
      contentOf(aafFiles(g.directory)[0]).slice(0, 5000),
      readFileSync(`${FIXTURES}rapprochement-sso.xml`, 'utf8'),
    ];
    let validCount = 0;
    let fastCount = 0;
    for (const base of bases) {
      for (let k = 0; k < 1500; k++) {
        let t = base;
        for (let ops = 1 + random(3); ops > 0; ops--) {
          const at = random(t.length + 1);
          const op = random(4);
          if (op === 0) t = t.slice(0, at) + t.slice(at + 1 + random(3));
          else if (op === 1) t = t.slice(0, at) + CHARS[random(CHARS.length)] + t.slice(at);
          else if (op === 2) t = t.slice(0, at) + SNIPPETS[random(SNIPPETS.length)] + t.slice(at);
          else {
            const gt = t.indexOf('>', at);
            const lt = t.indexOf('<', at);
            const pos = random(2) === 0 ? (gt < 0 ? at : gt) : lt < 0 ? at : lt + 2;
            t = t.slice(0, pos) + SNIPPETS[random(SNIPPETS.length)] + t.slice(pos);
          }
        }
        const ok = valid(t);
        if (ok) validCount++;
        if (scanWellFormed(t)) {
          fastCount++;
          expect(ok, t).toBe(true);
        }
        const tree = scanXmlTree(t);
        if (tree) {
          expect(ok, t).toBe(true);
          expect(tree, t).toEqual(parseXmlTreeWithParser(t));
        }
      }
    }
    // Damaged but still well-formed files mostly stay on the fast path.
    expect(validCount).toBeGreaterThan(100);
    expect(fastCount).toBeGreaterThan(validCount * 0.7);
  });
});
