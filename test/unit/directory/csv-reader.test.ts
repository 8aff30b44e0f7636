import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ColumnMapping, readDirectory, readPastedTable } from '../../../lib/directory';
import type { InputFile } from '../../../lib/input/source';
import type { Person } from '../../../lib/core/person';

const ONDE = '../shared/data/onde-csv-entcore/';
const load = (dir: string, name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(dir + name)) });
/** Data rows of a CSV, counted from the raw bytes (CRLF-separated lines minus the header). */
const dataRows = (name: string) =>
  readFileSync(ONDE + name, 'latin1')
    .split('\r\n')
    .filter((l) => l.trim() !== '').length - 1;

describe('ONDE extraction (windows-1252, `;`, no account id)', () => {
  const r = readDirectory(readdirSync(ONDE).map((n) => load(ONDE, n)));
  const of = (category: string) => r.persons.filter((p) => p.category === category);
  const find = (category: string, lastName: string, firstName: string): Person | undefined =>
    r.persons.find((p) => p.category === category && p.lastName === lastName && p.firstName === firstName);

  it('reads every row of the three files, with the category from the file name', () => {
    expect(of('student')).toHaveLength(dataRows('CSVExtraction-eleves.csv'));
    expect(of('teacher')).toHaveLength(dataRows('CSVExtraction-enseignants.csv'));
    expect(of('guardian')).toHaveLength(dataRows('CSVExtraction-responsables.csv'));
    expect(r.notRead).toEqual([]);
    expect(r.columnMapping).toBeUndefined();
  });

  it('gets the accents right', () => {
    const elea = find('student', 'CAILLET', 'Eléa')!;
    expect(elea).toMatchObject({ birthDate: '2006-09-27', sex: 'F', classes: ['CE1'], location: 'l. 4' });
    expect(find('guardian', 'ADJIBEL', 'Corinne')?.raw['Commune responsable']).toBe('Alençon');
    expect(r.persons.some((p) => /[éèêëàâçîïôûùœ]/i.test(p.firstName))).toBe(true);
    expect(r.persons.every((p) => !p.firstName.includes('\uFFFD') && !/Ã/.test(p.firstName + p.lastName))).toBe(true);
  });

  it('keys rows by category, names and birth date, and says these rows carry no account id', () => {
    const elea = find('student', 'CAILLET', 'Eléa')!;
    expect(elea.idKind).toBe('synthetic');
    expect(elea.id).toBe('student:caillet:elea:2006-09-27');
    expect(new Set(r.persons.map((p) => p.id)).size).toBe(r.persons.length);
    const note = r.notes.find((n) => n.message.fr.includes('sans identifiant de compte'));
    expect(note?.message.fr).toContain(`${r.persons.length} ligne(s)`);
    expect(note?.message.en).toContain('carry no account id');
  });

  it('turns the guardians’ repeated child columns into links to the students, both ways', () => {
    const corinne = find('guardian', 'ADJIBEL', 'Corinne')!;
    const children = corinne.children.map((c) => r.persons.find((p) => p.id === c.id)!);
    expect(children.map((c) => `${c.lastName} ${c.firstName} ${c.classes[0]}`).sort()).toEqual([
      'DRAHONNET Cassandra CP',
      'MARTINEZ Alexandre CE2',
      'MARTINEZ Marjolaine CM1',
    ]);
    for (const c of children) expect(c.guardians.map((g) => g.id)).toContain(corinne.id);
    const linked = of('guardian').filter((g) => g.children.length > 0).length;
    expect(linked).toBe(of('guardian').length);
  });

  it('reads teachers with usage name and family name columns', () => {
    const t = of('teacher').find((p) => p.lastName === 'FONTAINE')!;
    expect(t).toMatchObject({ firstName: 'Jean-Paul', civility: 'M.', classes: ['MS'] });
  });
});

describe('CSV without category and pasted tables', () => {
  it('lists rows of unknown category as not read and proposes a mapping; a confirmed mapping reads them', () => {
    const file = load('test/fixtures/inputs/', 'cp1252-high-bytes.csv');
    const first = readDirectory([file]);
    expect(first.persons).toEqual([]);
    expect(first.notRead).toHaveLength(2);
    expect(first.notRead[0].reason.fr).toContain('Catégorie inconnue');
    expect(first.columnMapping?.sure).toBe(false);
    const proposed = first.columnMapping!.proposed;
    expect(proposed.columns).toEqual(['name', 'firstName', 'birthDate', 'classes', 'ignore']);
    const profile: ColumnMapping = { ...proposed, category: 'student', columns: ['name', 'firstName', 'birthDate', 'classes', 'ignore'] };
    const second = readDirectory([file], { profile: JSON.parse(JSON.stringify(profile)) });
    expect(second.notRead).toEqual([]);
    expect(second.persons.map((p) => `${p.lastName} ${p.firstName} ${p.birthDate}`)).toEqual(['CŒUR Zoé 2011-04-03', 'D’ALMEIDA Noël 2010-10-12']);
    const misfit = readDirectory([file], { profile: { ...profile, columns: ['name', 'firstName'] } });
    expect(misfit.persons).toEqual([]);
    expect(misfit.notes[0].message.fr).toContain('ne va pas à ce fichier');
  });

  it('reads a table pasted from a spreadsheet with ids, profiles, and lists bad rows', () => {
    const paste = [
      'Identifiant\tNom\tNom de naissance\tPrénom\tDate de naissance\tClasse\tProfil\tCourriel',
      'u1001\tMARTIN\t\tLéa\t04/05/2012\t6A\tÉlève\t',
      'u1002\tDURAND\tMARTIN\tSophie\t\t\tParent\tsophie@example.org',
      'u1003\tROUX\t\tHélène\t\t6A, 5B\tEnseignant\t',
      'u1004\t<img src=x onerror=alert(1)>\t\tBob\t\t\tPersonnel\t',
      'u1005\tKING\t\tBob\t\t\tAstronaute\t',
      'u1006\t\t\t\t\t\tÉlève\t',
      'u1001\tMARTIN\t\tLéa\t04/05/2012\t6A\tÉlève\t',
    ].join('\n');
    const r = readPastedTable(paste);
    expect(r.persons.map((p) => `${p.id} ${p.category} ${p.idKind}`)).toEqual([
      'u1001 student account',
      'u1002 guardian account',
      'u1003 teacher account',
      'u1004 staff account',
    ]);
    expect(r.persons[1]).toMatchObject({ lastName: 'DURAND', birthName: 'MARTIN', email: 'sophie@example.org', source: 'collage' });
    expect(r.persons[2].classes).toEqual(['6A', '5B']);
    expect(r.persons[3].lastName).toBe('<img src=x onerror=alert(1)>');
    expect(r.notRead.map((n) => [n.location, n.reason.en])).toEqual([
      ['l. 6', 'Profile "Astronaute" not recognised.'],
      ['l. 7', 'Row without a last name or a first name.'],
      ['l. 8', 'Id "u1001" already read above: duplicate row.'],
    ]);
    expect(r.columnMapping).toBeUndefined();
    expect(r.notes.some((n) => n.message.fr.includes('sans identifiant'))).toBe(false);
  });

  it('proposes a mapping, sure, when only some headers are unknown', () => {
    const r = readPastedTable('Login\tNom\tPrénom\tCouleur préférée\tProfil\njdoe\tDOE\tJane\tbleu\tEnseignant');
    expect(r.persons[0]).toMatchObject({ id: 'jdoe', category: 'teacher' });
    expect(r.columnMapping).toEqual({ proposed: expect.objectContaining({ columns: ['login', 'name', 'firstName', null, 'category'] }), sure: true });
  });
});
