/**
 * Large exports are judged on a sample of their lists, then read record by record from the text
 * (issue 15, point 7: a 540,000-person export peaked at 2 GB with its whole tree in memory). The
 * result must be the one of reading the whole tree: the same persons, links, records not read,
 * notes, mapping and unused fields, whatever the sample's size, the link form or the variant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../../lib/input/source';
import { scanXmlRecords, scanXmlSample, scanXmlTree } from '../../../lib/input/xml-scan';
import type { XmlNode } from '../../../lib/input/xml-text';
import { type PronoteReadResult, readPronoteExport } from '../../../lib/pronote';
import { generate } from '../../../scripts/generator/index';
import { contentOf } from '../../../scripts/generator/write-files';
import { LINK_FORMS, pronoteFiles } from '../../../scripts/generator/write-pronote';

const input = (name: string, text: string): InputFile => ({ name, bytes: new TextEncoder().encode(text) });
/** The whole result as data (functions and identities aside). */
const asData = (r: PronoteReadResult) => JSON.parse(JSON.stringify(r));

describe('a sampled export reads as the whole one', () => {
  it('partner exports of every link form and several variants, sample of 1 to 40 records: the same result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(...LINK_FORMS),
        fc.constantFrom('base', 'duplicates', 'lost-links', 'hardest', 'former-students'),
        fc.integer({ min: 1, max: 40 }),
        (seed, links, variant, keep) => {
          const g = generate({ seed, students: 40, variant });
          const [file] = pronoteFiles(g.pronote, ['partner'], { links });
          const given = [input(file.name, contentOf(file))];
          const whole = readPronoteExport(given, { sampledRecords: Number.POSITIVE_INFINITY });
          const sampled = readPronoteExport(given, { sampledRecords: keep });
          expect(whole.persons.length).toBeGreaterThan(40);
          expect(asData(sampled)).toEqual(asData(whole));
        },
      ),
      { seed: 15, numRuns: 25 },
    );
  });

  it('guardian-side links found when the first guardians of a large list have none (a list sorted by family, say)', () => {
    const g = generate({ seed: 8, students: 60 });
    for (const links of ['guardian-enfant', 'guardian-elements', 'guardian-attribute'] as const) {
      const [file] = pronoteFiles(g.pronote, ['partner'], { links });
      // The links taken off the first 40 guardians (Enfant or Eleve children, or an Enfants attribute).
      let seen = 0;
      const text = contentOf(file).replace(/<Responsable\b[^>]*?(\/>|>[\s\S]*?<\/Responsable>)/g, (record) =>
        seen++ < 40 ? record.replace(/<(Enfant|Eleve)\b[^>]*\/>/g, '').replace(/ Enfants="[^"]*"/, '') : record,
      );
      const given = [input(file.name, text)];
      const whole = readPronoteExport(given, { sampledRecords: Number.POSITIVE_INFINITY });
      expect(whole.guardianLinks.linked, links).toBeGreaterThan(10);
      expect(whole.guardianLinks.linked, links).toBeLessThan(whole.guardianLinks.guardians - 30);
      expect(asData(readPronoteExport(given, { sampledRecords: 5 })), links).toEqual(asData(whole));
    }
  });

  it.each([
    {
      layout: 'edt' as const,
      what: 'EDT exports (sniffed, a table per category)',
      minKeep: 8,
      seed: 16,
      // Told apart by its elements: sniffed, not the partner layout.
      told: (whole: PronoteReadResult) => expect(whole.layout).toBe('sniffed'),
    },
    {
      layout: 'english' as const,
      what: 'exports with a category field (one `User` list)',
      minKeep: 3,
      seed: 17,
      told: (whole: PronoteReadResult) => expect(whole.mapping?.fields.category).toBeDefined(),
    },
  ])('$what of every link form, sniffed on a sample of $minKeep to 40 records: the same result', ({ layout, minKeep, seed: runSeed, told }) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(...LINK_FORMS), fc.integer({ min: minKeep, max: 40 }), (seed, links, keep) => {
        const g = generate({ seed, students: 40 });
        const [file] = pronoteFiles(g.pronote, [layout], { links });
        const given = [input(file.name, contentOf(file))];
        const whole = readPronoteExport(given, { sampledRecords: Number.POSITIVE_INFINITY });
        told(whole);
        expect(asData(readPronoteExport(given, { sampledRecords: keep }))).toEqual(asData(whole));
      }),
      { seed: runSeed, numRuns: 20 },
    );
  });

  it('a saved profile of a sniffed layout (six EDT tables, or a `User` list with a category field, 8 records kept) reads the same as the whole file', () => {
    const g = generate({ seed: 3, students: 60 });
    for (const layout of ['edt', 'english'] as const) {
      const [file] = pronoteFiles(g.pronote, [layout], { links: 'guardian-elements' });
      const given = [input(file.name, contentOf(file))];
      const whole = readPronoteExport(given);
      const profile = whole.mapping!;
      // The sample keeps `sampledRecords` children of a name per element, the six `TABLE`s too.
      expect(asData(readPronoteExport(given, { profile, sampledRecords: 8 })), layout).toEqual(asData(readPronoteExport(given, { profile })));
    }
  });

  it('a sniffed list sorted by category (teachers first), sniffed on a sample: no category is missed', () => {
    const g = generate({ seed: 4, students: 60 });
    const [file] = pronoteFiles(g.pronote, ['english']);
    const given = [input(file.name, contentOf(file))];
    const sampled = readPronoteExport(given, { sampledRecords: 3 });
    expect(new Set(sampled.persons.map((p) => p.category))).toEqual(new Set(g.pronote.map((p) => p.category)));
    expect(asData(sampled)).toEqual(asData(readPronoteExport(given)));
  });

  it('a category of two records in the middle of a long `User` list, left out of the sample, is read all the same', () => {
    const users = Array.from({ length: 300 }, (_, i) =>
      i === 150 || i === 151
        ? `<User category="Inspecteur pédagogique" id="i${i}" lastName="ROUX${i}" firstName="Ana"/>`
        : `<User category="${i % 3 ? 'Student' : 'Guardian'}" id="u${i}" lastName="MARTIN${i}" firstName="Léa"/>`,
    );
    const text = `<?xml version="1.0" encoding="UTF-8"?><Users>${users.join('')}</Users>`;
    // The sample of 3 to 6 users, spread over the list, holds neither of the two.
    const sample = scanXmlSample(text, { keep: 3, dropped: 0 })!;
    expect(sample.children.map((c) => c.attrs.category)).not.toContain('Inspecteur pédagogique');
    const given = [input('users.xml', text)];
    const sampled = readPronoteExport(given, { sampledRecords: 3 });
    expect(sampled.persons.filter((p) => p.category === 'inspector').map((p) => p.id)).toEqual(['i150', 'i151']);
    expect(sampled.notRead).toEqual([]);
    expect(asData(sampled)).toEqual(asData(readPronoteExport(given, { sampledRecords: Number.POSITIVE_INFINITY })));
  });

  it('partner records inside a list of their own name (`<Eleve>` holding `<Eleve>`) are read as the whole tree reads them', () => {
    const text =
      '<?xml version="1.0"?><Export><Eleves><Eleve><Eleve IDPN="1" Ident="a" Nom="MARTIN" Prenom="Léa"/><Eleve IDPN="2" Ident="b" Nom="PETIT" Prenom="Noé"/>' +
      '<Eleve IDPN="3" Ident="c" Nom="DURAND" Prenom="Inès"/></Eleve></Eleves><Professeurs><Professeur IDPN="9" Ident="t" Nom="ROUX" Prenom="Ana"/></Professeurs></Export>';
    const whole = readPronoteExport([input('x.xml', text)]);
    expect(whole.persons.map((p) => p.id).sort()).toEqual(['1', '2', '3', '9']);
    expect(asData(readPronoteExport([input('x.xml', text)], { sampledRecords: 1 }))).toEqual(asData(whole));
  });
});

describe('the scanner’s sample and records', () => {
  const text =
    '<?xml version="1.0"?><E><Eleves>' +
    Array.from({ length: 6 }, (_, i) => `<Eleve Ident="s${i}"><Responsable Ident="g${i}"/><Classe Nom="6A"/></Eleve>`).join('') +
    '</Eleves><Responsables>' +
    Array.from({ length: 4 }, (_, i) => `<Responsable Ident="g${i}" Nom="N${i}"/>`).join('') +
    '</Responsables><Option>tous</Option></E>';
  const names = (node: XmlNode) => node.children.map((c) => `${c.name}:${c.attrs.Ident ?? ''}`);

  it('scanXmlSample keeps of each name of each list between keep and twice as many children, spread over the list', () => {
    const sample = { keep: 2, dropped: 0 };
    const root = scanXmlSample(text, sample)!;
    // Six students: four kept, then every other one (the stride doubles), up to the last.
    expect(names(root.children[0])).toEqual(['Eleve:s0', 'Eleve:s2', 'Eleve:s4']);
    // Four guardians: no more than twice `keep`, all kept.
    expect(names(root.children[1])).toEqual(['Responsable:g0', 'Responsable:g1', 'Responsable:g2', 'Responsable:g3']);
    expect(sample.dropped).toBe(3);
    // What is kept is kept whole, as the whole tree has it.
    expect(root.children[0].children[0]).toEqual(scanXmlTree(text)!.children[0].children[0]);
    expect(root.children[2].text).toBe('tous');
  });

  it('scanXmlRecords hands out the outermost records whole, in order, and keeps the rest of the tree', () => {
    const got: XmlNode[] = [];
    const root = scanXmlRecords(text, { names: new Set(['Eleve', 'Responsable']), onRecord: (n) => got.push(n) })!;
    const whole = scanXmlTree(text)!;
    expect(got).toEqual([...whole.children[0].children, ...whole.children[1].children]);
    // The `Responsable` link inside each `Eleve` stayed in its record.
    expect(got[0].children.map((c) => c.name)).toEqual(['Responsable', 'Classe']);
    expect(root.children.map((c) => [c.name, c.children.length])).toEqual([
      ['Eleves', 0],
      ['Responsables', 0],
      ['Option', 0],
    ]);
  });

  it('both give up where the whole scan gives up (the parser then reads the file)', () => {
    const odd = '<E><Eleve Ident="1"><!-- a comment inside --></Eleve></E>';
    expect(scanXmlTree(odd)).toBeUndefined();
    expect(scanXmlSample(odd, { keep: 1, dropped: 0 })).toBeUndefined();
    expect(scanXmlRecords(odd, { names: new Set(['Eleve']), onRecord: () => {} })).toBeUndefined();
  });
});
