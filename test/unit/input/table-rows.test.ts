import { describe, expect, it } from 'vitest';
import { readDirectory, readPastedTable } from '../../../lib/directory';
import { readTableRows } from '../../../lib/input/table-rows';

const enc = new TextEncoder();
const file = (name: string, text: string) => ({ name, bytes: enc.encode(text) });

/** Lines (1-based) each person and not-read entry covers, from `l. 5` / `l. 5-6`. */
function covered(r: { persons: { location: string }[]; notRead: { location: string }[] }): number[] {
  const lines: number[] = [];
  for (const { location } of [...r.persons, ...r.notRead]) {
    const m = /^l\. (\d+)(?:-(\d+))?$/.exec(location);
    if (!m) throw new Error(`location ${location}`);
    for (let l = Number(m[1]); l <= Number(m[2] ?? m[1]); l++) lines.push(l);
  }
  return lines.sort((a, b) => a - b);
}

/** A pasted directory: header then `n` students. */
function pasted(n: number, sep = '\t'): string[] {
  const lines = [['Nom', 'Prénom', 'Date de naissance', 'Profil'].join(sep)];
  for (let i = 0; i < n; i++) lines.push([`NOM${i}`, `Prenom${i}`, '01/02/2010', i % 2 ? 'Élève' : 'Responsable'].join(sep));
  return lines;
}

describe('line formats account for every line', () => {
  it('a stray quote in a pasted table loses no row after it, and says so once with the line', () => {
    const lines = pasted(724);
    lines[4] = lines[4].replace('NOM3', '"NOM3');
    const r = readPastedTable(lines.join('\n'));
    expect(r.persons).toHaveLength(724);
    expect(r.notRead).toEqual([]);
    expect(r.persons.find((p) => p.location === 'l. 5')?.lastName).toBe('NOM3');
    const notes = r.notes.filter((n) => n.message.fr.includes('guillemets'));
    expect(notes).toHaveLength(1);
    expect(notes[0].message.fr).toMatch(/^Ligne 5\u202f:/);
    expect(notes[0].message.en).toMatch(/^Line 5:/);
    expect(covered(r)).toEqual(Array.from({ length: 724 }, (_, i) => i + 2));
  });

  it('a stray quote in a CSV, and a quote followed by a stray character, each stay on their line', () => {
    const lines = pasted(40, ';');
    lines[10] = lines[10].replace(';Prenom9', ';"Prenom9');
    lines[20] = lines[20].replace('NOM19', '"NOM"19');
    const r = readDirectory([file('annuaire.csv', lines.join('\r\n'))]);
    expect(r.persons).toHaveLength(40);
    expect(r.persons.find((p) => p.location === 'l. 21')?.lastName).toBe('NOM"19');
    expect(covered(r)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect(r.notes.filter((n) => n.message.fr.includes('guillemets'))[0].message.fr).toMatch(/^Lignes 11, 21\u202f:/);
  });

  it('an identifier that lost its opening quote is read without the stray one, and the line is named', () => {
    const lines = pasted(30, ';').map((l, i) => (i === 0 ? l : l.replace(/^([^;]*);/, '"$1";')));
    // Line 12: `2254767";"NOM10";…`, the identifier's opening quote lost.
    lines[11] = lines[11].replace(/^"/, '');
    const r = readDirectory([file('annuaire.csv', lines.join('\r\n'))]);
    expect(r.persons).toHaveLength(30);
    const quoted = r.persons.filter((p) => p.id.includes('"'));
    expect(quoted).toEqual([]);
    expect(r.notes.filter((n) => n.message.fr.includes('guillemets'))[0]?.message.fr).toMatch(/^Ligne 12\u202f:/);
  });

  it('a lone CR inside a CRLF file keeps the pupil, read over two lines, with a note', () => {
    const lines = pasted(6, ';');
    lines[3] = lines[3].replace('Prenom2', 'Pre\rnom2');
    const r = readDirectory([file('eleves.csv', lines.join('\r\n'))]);
    expect(r.persons).toHaveLength(6);
    const p = r.persons.find((x) => x.location === 'l. 4-5');
    expect(p?.firstName).toBe('Pre nom2');
    expect(r.persons.find((x) => x.lastName === 'NOM3')?.location).toBe('l. 6');
    expect(r.notes.some((n) => n.message.fr.startsWith('Ligne 4-5\u202f: un retour à la ligne isolé'))).toBe(true);
    expect(covered(r)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('a quoted field over two lines is one record; blank lines are skipped', () => {
    const t = readTableRows('a;b;c\n1;"x\ny";3\n\n;;\n4;5;6\n');
    expect(t.rows.map((r) => [r.firstLine, r.lastLine, r.fields.length, r.lineByLine])).toEqual([
      [1, 1, 3, false],
      [2, 3, 3, false],
      [6, 6, 3, false],
    ]);
    expect(t.rows[1].fields[1]).toBe('x\ny');
  });

  it('an unclosed quote on the last line, and a header with a stray quote, are read line by line', () => {
    expect(readTableRows('a;b\n1;"2').rows.map((r) => [r.firstLine, r.fields, r.lineByLine])).toEqual([
      [1, ['a', 'b'], false],
      [2, ['1', '2'], true],
    ]);
    expect(readTableRows('"a;b\n1;2\n3;4').rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('a CRLF file with lone CRs, where papaparse takes CR as the line end', () => {
  it('places each row on its own physical line (found by the fuzz test: the LF opened the next row)', () => {
    // Most CRs not followed by LF: papaparse guesses "\r", so each CRLF leaves its LF at the next row's start.
    const text = 'Nom;Prénom\r\nMARTIN;Lucas\rDURAND;Léa\rBLANC;Max\r\nPETIT;Zoé';
    const { rows } = readTableRows(text, ';');
    expect(rows.map((r) => [r.firstLine, r.lastLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    expect(rows[1].fields).toEqual(['MARTIN', 'Lucas']);
  });
});
