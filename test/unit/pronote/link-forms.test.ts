/**
 * Student ↔ guardian links in every form and direction (issue 13, point 1): child elements,
 * attributes and lists, by `Ident` or id, in the partner layout and in sniffed layouts; the link
 * field found by its values, kept by a saved profile; unused fields listed; no link said.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../../lib/input/source';
import { parseXmlTree } from '../../../lib/input/xml';
import type { Person } from '../../../lib/core/person';
import { type MappingProfile, readPronoteExport, sniffLayout } from '../../../lib/pronote';
import { linkValues } from '../../../lib/pronote/link-fields';
import { generate } from '../../../scripts/generator/index';
import type { OutputFile } from '../../../scripts/generator/write-aaf';
import { contentOf } from '../../../scripts/generator/write-files';
import { LAYOUTS, LINK_FORMS, pronoteFiles } from '../../../scripts/generator/write-pronote';

const xml = (text: string, name = 'export.xml'): InputFile => ({ name, bytes: new TextEncoder().encode(text) });
/** Each person of `category`'s link ids in `field`, sorted and joined, by person id. */
const linkIds = (persons: Person[], category: Person['category'], field: 'children' | 'guardians') =>
  Object.fromEntries(
    persons
      .filter((p) => p.category === category)
      .map((p) => [
        p.id,
        p[field]
          .map((c) => c.id)
          .sort()
          .join(','),
      ]),
  );
const links = (persons: Person[]) => ({ children: linkIds(persons, 'guardian', 'children'), guardians: linkIds(persons, 'student', 'guardians') });

/** A partner export of two students and three guardians; ``student`/`guardian` write each side's links. */
function partner(options: { student?: (ident: string) => string; guardian?: (ident: string) => { attrs?: string; inner?: string } }): string {
  const parents: Record<string, string[]> = { S1: ['G1', 'G2'], S2: ['G1', 'G3'] };
  const student = (s: string, n: number) =>
    `<Eleve Ident="${s}" IDPN="P${s}" Nom="MARTIN" Prenom="E${n}" DateNaissance="01/0${n}/2012"><Classe Nom="6A"/>${options.student ? parents[s].map(options.student).join('') : ''}</Eleve>`;
  const guardian = (g: string, n: number) => {
    const side = options.guardian?.(g) ?? {};
    return `<Responsable Ident="${g}" IDPN="P${g}" Nom="MARTIN" Prenom="R${n}"${side.attrs ?? ''}>${side.inner ?? ''}</Responsable>`;
  };
  return `<EXPORT><Eleves>${student('S1', 1)}${student('S2', 2)}</Eleves><Responsables>${guardian('G1', 1)}${guardian('G2', 2)}${guardian('G3', 3)}</Responsables></EXPORT>`;
}
const KIDS: Record<string, string[]> = { G1: ['S1', 'S2'], G2: ['S1'], G3: ['S2'] };
const EXPECTED = {
  children: { PG1: 'PS1,PS2', PG2: 'PS1', PG3: 'PS2' },
  guardians: { PS1: 'PG1,PG2', PS2: 'PG1,PG3' },
};

describe('link values', () => {
  const node = (text: string) => parseXmlTree(text)!;
  it.each([
    ['<R Enfants="a,b ; c"/>', 'Enfants', ['a', 'b', 'c']],
    ['<R Enfants="a|b"/>', 'enfants', ['a', 'b']],
    ['<R><Eleve Ident="a"/><Eleve IDPN="b"/></R>', 'Eleve', ['a', 'b']],
    ['<R><Enfant>a</Enfant><Enfant> b </Enfant></R>', 'Enfant', ['a', 'b']],
    ['<R><Enfants><Enfant Ident="a"/><Enfant>b</Enfant></Enfants></R>', 'Enfants', ['a', 'b']],
    ['<R><Enfants>a;b</Enfants></R>', 'Enfants', ['a', 'b']],
    ['<R><Responsable><Ident>a</Ident><Nom>DUPONT</Nom></Responsable></R>', 'Responsable', ['a']],
    ['<R/>', 'Enfants', []],
  ])('%s (%s)', (text, name, want) => {
    expect(linkValues(node(text), name)).toEqual(want);
  });
});

describe('links in the partner layout', () => {
  it.each([
    ['student side, <Responsable Ident> children', { student: (g: string) => `<Responsable Ident="${g}"/>` }],
    ['student side, by IDPN', { student: (g: string) => `<Responsable IDPN="P${g}"/>` }],
    ['guardian side, <Eleve Ident> children', { guardian: (g: string) => ({ inner: KIDS[g].map((s) => `<Eleve Ident="${s}"/>`).join('') }) }],
    ['guardian side, <Enfant Ident> children', { guardian: (g: string) => ({ inner: KIDS[g].map((s) => `<Enfant Ident="${s}"/>`).join('') }) }],
    [
      'guardian side, <Enfants><Enfant>id</Enfant></Enfants>',
      { guardian: (g: string) => ({ inner: `<Enfants>${KIDS[g].map((s) => `<Enfant>${s}</Enfant>`).join('')}</Enfants>` }) },
    ],
    ['guardian side, Enfants="a,b"', { guardian: (g: string) => ({ attrs: ` Enfants="${KIDS[g].join(',')}"` }) }],
    ['guardian side, Enfants="a;b" by IDPN', { guardian: (g: string) => ({ attrs: ` Enfants="${KIDS[g].map((s) => `P${s}`).join(';')}"` }) }],
    [
      'guardian side under an unknown name (Rattachements="…"), found by its values',
      { guardian: (g: string) => ({ attrs: ` Rattachements="${KIDS[g].join(' ')}"` }) },
    ],
  ])('%s: both directions completed', (_label, form) => {
    const r = readPronoteExport([xml(partner(form))]);
    expect(r.layout).toBe('partner');
    expect(r.notRead).toEqual([]);
    expect(links(r.persons)).toEqual(EXPECTED);
    expect(r.guardianLinks).toEqual({ guardians: 3, linked: 3 });
    expect(r.unusedFields).toEqual([]);
    expect(r.notes.map((n) => n.message.en).join()).not.toContain('None of the');
    expect(r.persons.every((p) => p.idKind === 'IDPN')).toBe(true);
  });

  it('says when no guardian carries a link, and pairs nothing through links', () => {
    const r = readPronoteExport([xml(partner({}))]);
    expect(r.guardianLinks).toEqual({ guardians: 3, linked: 0 });
    const note = r.notes.find((n) => n.message.en.startsWith('None of the 3 guardians'));
    expect(note?.message.fr).toContain('Aucun des 3 responsables n’est relié à un élève');
  });

  it('lists a field on at least half of the guardians that the mapping does not read, and not one on fewer', () => {
    const r = readPronoteExport([
      xml(
        partner({
          guardian: (g) => ({ attrs: ` Foyer="F${g}"${g === 'G1' ? ' Note="x"' : ''}`, inner: KIDS[g].map((s) => `<Eleve Ident="${s}"/>`).join('') }),
        }),
      ),
    ]);
    expect(r.unusedFields).toEqual([{ category: 'guardian', field: 'Foyer', share: 1, example: 'FG1' }]);
    expect(r.notes.some((n) => n.message.fr.includes('Foyer (responsables, 100 %)'))).toBe(true);
  });
});

describe('links in sniffed layouts', () => {
  const edt = (guardianExtra: (i: number) => string, studentExtra: (i: number) => string = () => '') =>
    `<EXPORT><TABLE nom="Elèves">${[1, 2]
      .map((i) => `<Eleves numero="${i}"><NOM>A</NOM><PRENOM>E${i}</PRENOM><IDENTIFIANT_PRONOTE>S${i}</IDENTIFIANT_PRONOTE>${studentExtra(i)}</Eleves>`)
      .join('')}</TABLE><TABLE nom="Responsables">${[1, 2, 3]
      .map(
        (i) =>
          `<Responsables numero="${i}"><NOM>A</NOM><PRENOM>R${i}</PRENOM><IDENTIFIANT_PRONOTE>G${i}</IDENTIFIANT_PRONOTE>${guardianExtra(i)}</Responsables>`,
      )
      .join('')}</TABLE></EXPORT>`;
  const kids = (i: number) => KIDS[`G${i}`].map((s) => s);
  const want = { children: { G1: 'S1,S2', G2: 'S1', G3: 'S2' }, guardians: { S1: 'G1,G2', S2: 'G1,G3' } };

  it.each([
    [
      'guardian side, <ELEVE>id</ELEVE>',
      (i: number) =>
        kids(i)
          .map((s) => `<ELEVE>${s}</ELEVE>`)
          .join(''),
      'ELEVE',
    ],
    [
      'guardian side, <ENFANTS><ENFANT>id</ENFANT></ENFANTS>',
      (i: number) =>
        `<ENFANTS>${kids(i)
          .map((s) => `<ENFANT>${s}</ENFANT>`)
          .join('')}</ENFANTS>`,
      'ENFANTS',
    ],
    ['guardian side, <ENFANTS>a;b</ENFANTS>', (i: number) => `<ENFANTS>${kids(i).join(';')}</ENFANTS>`, 'ENFANTS'],
    ['guardian side, <LIENS> (unknown name) found by its values', (i: number) => `<LIENS>${kids(i).join(',')}</LIENS>`, 'LIENS'],
  ])('EDT-like tables, %s', (_label, extra, field) => {
    const r = readPronoteExport([xml(edt(extra))]);
    expect(r.layout).toBe('sniffed');
    expect(r.sniff?.mapping.fields.children).toBe(field);
    expect(r.sniff?.mapping.fields.guardians).toBeUndefined();
    expect(links(r.persons)).toEqual(want);
  });

  it('EDT-like tables, student side, RESPONSABLES="a,b" attribute', () => {
    const parents: Record<number, string> = { 1: 'G1,G2', 2: 'G1,G3' };
    const text = edt(() => '').replace(/<Eleves numero="(\d)">/g, (_m, i) => `<Eleves numero="${i}" RESPONSABLES="${parents[Number(i)]}">`);
    const r = readPronoteExport([xml(text)]);
    expect(r.sniff?.mapping.fields.guardians).toBe('RESPONSABLES');
    expect(links(r.persons)).toEqual(want);
  });

  it('a field of the right name whose values name nobody is not taken as the link, and is listed', () => {
    const r = readPronoteExport([xml(edt((i) => `<ENFANTS>Z${i}</ENFANTS>`))]);
    expect(r.sniff?.mapping.fields.children).toBeUndefined();
    expect(r.guardianLinks.linked).toBe(0);
    expect(r.unusedFields.map((u) => `${u.category}:${u.field}`)).toContain('guardian:ENFANTS');
  });

  it('English layout, children="a;b" attribute and <Child id> elements', () => {
    const users = (g: (i: number) => string) =>
      `<Users>${[1, 2].map((i) => `<User category="Student" id="S${i}" lastName="A" firstName="E${i}"/>`).join('')}${[1, 2, 3]
        .map((i) => `<User category="Guardian" id="G${i}" lastName="A" firstName="R${i}"${g(i)}`)
        .join('')}</Users>`;
    const a = readPronoteExport([xml(users((i) => ` children="${kids(i).join(';')}"/>`))]);
    expect(a.sniff?.mapping.fields.children).toBe('children');
    expect(links(a.persons)).toEqual(want);
    const b = readPronoteExport([
      xml(
        users(
          (i) =>
            `>${kids(i)
              .map((s) => `<Child id="${s}"/>`)
              .join('')}</User>`,
        ),
      ),
    ]);
    expect(b.sniff?.mapping.fields.children).toBe('Child');
    expect(links(b.persons)).toEqual(want);
  });

  it('a saved profile keeps the link field the admin picked (JSON round trip)', () => {
    const text = edt((i) => `<FOYER>${kids(i).join(',')}</FOYER>`);
    const sniffed = sniffLayout(parseXmlTree(text)!)!;
    expect(sniffed.mapping.fields.children).toBe('FOYER');
    // Saved and read again: the profile, not a new sniff, says where the links are.
    const profile = JSON.parse(JSON.stringify({ ...sniffed.mapping, name: 'EDT', fields: { ...sniffed.mapping.fields, children: 'FOYER' } })) as MappingProfile;
    const r = readPronoteExport([xml(text)], { profile });
    expect(r.mapping?.fields.children).toBe('FOYER');
    expect(links(r.persons)).toEqual(want);
    const without = readPronoteExport([xml(text)], { profile: { ...profile, fields: { ...profile.fields, children: undefined } } });
    expect(without.guardianLinks.linked).toBe(0);
    expect(without.unusedFields.map((u) => u.field)).toContain('FOYER');
  });
});

describe('generated exports in every link form', () => {
  const g = generate({ seed: 5, students: 60 });
  const asInput = (f: OutputFile): InputFile => {
    const text = contentOf(f);
    return { name: f.name, bytes: new Uint8Array(f.encoding ? iconv.encode(text, f.encoding) : Buffer.from(text, 'utf8')) };
  };
  const truth = links(g.pronote);

  for (const form of LINK_FORMS) {
    it.each(LAYOUTS)(`%s layout, links ${form}: read back on both sides, or said absent`, (layout) => {
      const [file] = pronoteFiles(g.pronote, [layout], { links: form });
      const r = readPronoteExport([asInput(file)]);
      const got = links(r.persons);
      if (form === 'none') {
        expect(r.guardianLinks.linked).toBe(0);
        expect(r.notes.some((n) => n.message.en.startsWith('None of the'))).toBe(true);
        expect(Object.values(got.children).every((c) => c === '')).toBe(true);
      } else {
        expect(got.children).toEqual(truth.children);
        expect(got.guardians).toEqual(truth.guardians);
        expect(r.guardianLinks.linked).toBe(Object.values(truth.children).filter(Boolean).length);
      }
    });
  }
});

describe('links, as a property', () => {
  const FORMS = ['student-elements', 'student-list', 'guardian-eleve', 'guardian-enfant', 'guardian-enfants', 'guardian-list'] as const;
  it('any link graph, in any form and separator, partner or sniffed, reads back the same on both sides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(...FORMS),
        fc.constantFrom(',', ';', '|', ' , '),
        fc.boolean(),
        (nStudents, nGuardians, edges, form, sep, partnerLayout) => {
          const links = new Set(edges.map(([s, g]) => `S${s % nStudents}|G${g % nGuardians}`));
          const guardiansOf = (s: string) => [...links].filter((l) => l.startsWith(`${s}|`)).map((l) => l.split('|')[1]);
          const childrenOf = (g: string) => [...links].filter((l) => l.endsWith(`|${g}`)).map((l) => l.split('|')[0]);
          const [student, guardian, id] = partnerLayout ? ['Eleve', 'Responsable', 'Ident'] : ['Pupil', 'Parent', 'Identifiant'];
          const inner = (refs: string[], element: string) => refs.map((r) => `<${element} ${id}="${r}"/>`).join('');
          let text = '<Export><Eleves>';
          for (let i = 0; i < nStudents; i++) {
            const s = `S${i}`;
            const refs = guardiansOf(s);
            const list = form === 'student-list' && refs.length ? ` Responsables="${refs.join(sep)}"` : '';
            text += `<${student} ${id}="${s}" Nom="N" Prenom="E${i}"${list}>${form === 'student-elements' ? inner(refs, guardian) : ''}</${student}>`;
          }
          text += '</Eleves><Responsables>';
          for (let i = 0; i < nGuardians; i++) {
            const g = `G${i}`;
            const refs = childrenOf(g);
            const list = form === 'guardian-list' && refs.length ? ` Enfants="${refs.join(sep)}"` : '';
            const body =
              form === 'guardian-eleve'
                ? inner(refs, student)
                : form === 'guardian-enfant'
                  ? inner(refs, 'Enfant')
                  : form === 'guardian-enfants' && refs.length
                    ? `<Enfants>${refs.map((r) => `<Enfant>${r}</Enfant>`).join('')}</Enfants>`
                    : '';
            text += `<${guardian} ${id}="${g}" Nom="N" Prenom="R${i}"${list}>${body}</${guardian}>`;
          }
          text += '</Responsables></Export>';
          const r = readPronoteExport([xml(text)]);
          const fromStudents: string[] = [];
          const fromGuardians: string[] = [];
          for (const p of r.persons) {
            if (p.category === 'student') for (const g of p.guardians) fromStudents.push(`${p.id}|${g.id}`);
            if (p.category === 'guardian') for (const s of p.children) fromGuardians.push(`${s.id}|${p.id}`);
          }
          expect(fromStudents.sort()).toEqual([...links].sort());
          expect(fromGuardians.sort()).toEqual([...links].sort());
          const linked = new Set([...links].map((l) => l.split('|')[1])).size;
          expect(r.guardianLinks).toEqual({ guardians: nGuardians, linked });
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
