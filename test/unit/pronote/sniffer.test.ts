import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryFromWord } from '../../../lib/input/category-words';
import type { InputFile } from '../../../lib/input/source';
import { parseXmlTree } from '../../../lib/input/xml';
import { type MappingProfile, readPronoteExport, sniffLayout } from '../../../lib/pronote';

const FIX = 'test/fixtures/inputs/';
const load = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(FIX + name)) });
const xml = (name: string, text: string): InputFile => ({ name, bytes: new TextEncoder().encode(text) });

describe('category words', () => {
  it.each([
    ['Professeurs', 'teacher'],
    ['Enseignant', 'teacher'],
    ['Teachers', 'teacher'],
    ['Élèves', 'student'],
    ['ELEVE', 'student'],
    ['Students', 'student'],
    ['Responsables légaux', 'guardian'],
    ['Parents', 'guardian'],
    ['Guardian', 'guardian'],
    ['Maîtres de stage', 'supervisor'],
    ['maitre de stage', 'supervisor'],
    ['MaitreDeStage', 'supervisor'],
    ['InternshipSupervisor', 'supervisor'],
    ['Inspecteurs pédagogiques', 'inspector'],
    ['INSPECTEUR PEDAGOGIQUE', 'inspector'],
    ['Inspectors', 'inspector'],
    ['Personnels', 'staff'],
    ['Staff', 'staff'],
    ['National_4', 'staff'],
  ])('%s → %s', (word, category) => {
    expect(categoryFromWord(word)).toBe(category);
  });

  it('names no category for other words', () => {
    for (const w of ['Classe', 'Utilisateurs', 'PersEducNat', 'Export', '']) expect(categoryFromWord(w)).toBeUndefined();
  });
});

describe('sniffed layouts', () => {
  it('reads the EDT neighbour (child elements, windows-1252 declared ISO-8859-1) and is unsure of its id', () => {
    const r = readPronoteExport([load('edt-exp-eleves.xml')]);
    expect(r.layout).toBe('sniffed');
    expect(r.sniff?.mapping.categories).toEqual({ student: { element: 'Eleves' } });
    expect(r.sniff?.mapping.fields).toMatchObject({
      id: 'numero',
      lastName: 'NOM',
      firstName: 'PRENOM',
      birthDate: 'DATE_NAISS',
      sex: 'SEXE',
      classes: 'CLASSE',
    });
    expect(r.sniff?.sure).toBe(false);
    expect(r.sniff?.confidence).toBeGreaterThan(0.5);
    expect(r.persons.map((p) => `${p.lastName} ${p.firstName} ${p.birthDate ?? '-'} ${p.classes.join()}`)).toEqual([
      'LEFÈVRE Zoé 2011-04-03 6A',
      "N'GUYEN Noël 2012-02-29 6B",
      'CŒUR Jérôme - 6A',
    ]);
    expect(r.persons[2].raw.DATE_NAISS).toBe('31/02/2011');
  });

  it('keeps the fields of records that carry no attribute at all in raw', () => {
    const rows = [
      ['P1', 'MARTIN', 'Léa', '03/04/2011'],
      ['P2', 'DURAND', 'Hugo', '12/09/2010'],
      ['P3', 'PETIT', 'Zoé', '30/01/2011'],
    ];
    const body = rows.map(([id, n, f, d]) => `<Eleve><Numero>${id}</Numero><Nom>${n}</Nom><Prenom>${f}</Prenom><Naissance>${d}</Naissance></Eleve>`).join('');
    const r = readPronoteExport([xml('eleves.xml', `<?xml version="1.0" encoding="UTF-8"?><Export><Eleves>${body}</Eleves></Export>`)]);
    expect(r.persons.map((p) => [p.lastName, p.raw.Nom, p.raw.Naissance])).toEqual([
      ['MARTIN', 'MARTIN', '03/04/2011'],
      ['DURAND', 'DURAND', '12/09/2010'],
      ['PETIT', 'PETIT', '30/01/2011'],
    ]);
    expect(r.notRead).toEqual([]);
  });

  it('reads categories from a category field in French, with accents, plural and all six', () => {
    const r = readPronoteExport([load('sniffed-utilisateurs.xml')]);
    expect(r.sniff?.mapping.fields).toMatchObject({ id: 'IdentifiantPronote', category: 'Categorie', birthDate: 'DateDeNaissance', classes: 'Classe' });
    expect(r.sniff?.sure).toBe(true);
    const cats = Object.fromEntries(r.persons.map((p) => [p.id, p.category]));
    expect(cats).toEqual({
      P0000000000000T1: 'teacher',
      P0000000000000S1: 'student',
      P0000000000000G1: 'guardian',
      P0000000000000M1: 'supervisor',
      P0000000000000I1: 'inspector',
      P0000000000000A1: 'staff',
    });
    expect(r.persons.every((p) => p.idKind === 'pronote-field')).toBe(true);
    expect(r.notRead).toHaveLength(1);
    expect(r.notRead[0].reason.en).toContain('No Pronote identifier');
    expect(r.exportKind).toBe('without-cas-only');
  });

  it('reads an English layout with child elements and links by id', () => {
    const r = readPronoteExport([load('sniffed-english.xml')]);
    const cats = r.persons.map((p) => `${p.id}:${p.category}`).sort();
    expect(cats).toEqual(['A-1:staff', 'G-1:guardian', 'I-1:inspector', 'M-1:supervisor', 'S-1:student', 'S-2:student', 'T-1:teacher']);
    expect(r.persons.find((p) => p.id === 'G-1')?.children.map((c) => c.id)).toEqual(['S-1', 'S-2']);
    expect(r.sniff?.sure).toBe(false); // `Id` may be a row number: the user confirms
    expect(r.exportKind).toBe('all-users');
  });

  it('reads with a saved profile, JSON round trip included', () => {
    const sniffed = readPronoteExport([load('edt-exp-eleves.xml')]).sniff!.mapping;
    const profile = JSON.parse(JSON.stringify({ ...sniffed, name: 'EDT élèves' })) as MappingProfile;
    const r = readPronoteExport([load('edt-exp-eleves.xml')], { profile });
    expect(r.sniff).toEqual({ confidence: 1, sure: true, mapping: profile });
    expect(r.persons).toHaveLength(3);
  });
});

describe('sniffer edge cases', () => {
  it('reads a category given as a child element and fields as child elements', () => {
    const r = readPronoteExport([
      xml(
        'personnes.xml',
        `<Liste><Personne><Identifiant>X1</Identifiant><Profil>Élève</Profil><Nom>Zoé</Nom><Prenom>Lou</Prenom><Classe>6A</Classe><Classe>Latin</Classe></Personne>
         <Personne><Identifiant>X2</Identifiant><Profil>Inspecteur pédagogique</Profil><Nom>Roy</Nom><Prenom>Ana</Prenom></Personne>
         <Personne><Identifiant>X3</Identifiant><Profil>Cuisinier</Profil><Nom>Roy</Nom><Prenom>Léon</Prenom></Personne></Liste>`,
      ),
    ]);
    expect(r.sniff?.mapping.fields.category).toBe('Profil');
    expect(r.persons.map((p) => [p.id, p.category, p.classes.join('+')])).toEqual([
      ['X1', 'student', '6A+Latin'],
      ['X2', 'inspector', ''],
    ]);
    expect(r.notRead).toHaveLength(1);
    expect(r.notRead[0]).toMatchObject({ location: 'Personne[3], l. 3' });
    expect(r.notRead[0].reason.fr).toContain('Catégorie non reconnue («\u202fCuisinier\u202f»)');
  });

  it('guesses an unnamed category, unsure, so that the user confirms it', () => {
    const tree = parseXmlTree(
      '<Data><Row IDPN="A" Nom="X" Prenom="Y" DateNaissance="01/01/2012" Classe="6A"/><Row IDPN="B" Nom="Z" Prenom="W" DateNaissance="02/01/2012" Classe="6B"/></Data>',
    )!;
    const s = sniffLayout(tree)!;
    expect(s.mapping.categories).toEqual({ student: { element: 'Row' } });
    expect(s.sure).toBe(false);
    expect(s.confidence).toBeLessThan(0.9);
    expect(s.records).toBe(2);
  });

  it('prefers IDPN over Ident for the id and keeps Ident for links', () => {
    const tree = parseXmlTree(
      '<X><Eleves><Eleve Ident="1" IDPN="P1" Id="9" Nom="A" Prenom="B"><Parent Ident="2"/></Eleve></Eleves><Parents><Parent Ident="2" IDPN="P2" Nom="A" Prenom="C"/></Parents></X>',
    )!;
    const s = sniffLayout(tree)!;
    expect(s.mapping.fields).toMatchObject({ id: 'IDPN', ident: 'Ident', guardians: 'Parent' });
    expect(s.mapping.categories).toEqual({ student: { element: 'Eleve' }, guardian: { element: 'Parent' } });
    expect(s.sure).toBe(true);
    const r = readPronoteExport([
      xml(
        'x.xml',
        '<X><Eleves><Eleve Ident="1" IDPN="P1" Nom="A" Prenom="B"><Parent Ident="2"/></Eleve></Eleves><Parents><Parent Ident="2" IDPN="P2" Nom="A" Prenom="C"/></Parents></X>',
      ),
    ]);
    expect(r.persons.find((p) => p.id === 'P1')?.guardians).toEqual([{ id: 'P2' }]);
    expect(r.persons.find((p) => p.id === 'P2')?.children).toEqual([{ id: 'P1' }]);
  });

  it('maps each of the six partner elements to its own category (the partner reader relies on it to skip the sniff)', () => {
    const elements = ['Professeur', 'Personnel', 'Eleve', 'Responsable', 'MaitreDeStage', 'InspecteurPedagogique'];
    const tree = parseXmlTree(`<X>${elements.map((e, i) => `<${e}s><${e} Ident="${i}" Nom="N${i}" Prenom="P${i}"/></${e}s>`).join('')}</X>`)!;
    expect(sniffLayout(tree)!.mapping.categories).toEqual({
      teacher: { element: 'Professeur' },
      staff: { element: 'Personnel' },
      student: { element: 'Eleve' },
      guardian: { element: 'Responsable' },
      supervisor: { element: 'MaitreDeStage' },
      inspector: { element: 'InspecteurPedagogique' },
    });
  });
});
