/**
 * What `--decisions` (and the panel's decisions file input) says of a file that is not a decisions
 * file at all: empty, blank, a PDF, a workbook, a note: the kind of file, not a missing column.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/core/person';
import { readDecisionsFile } from '../../../lib/rapprochement/decisions-file';

function refusal(name: string, bytes: Uint8Array): InputError {
  try {
    readDecisionsFile({ name, bytes });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const text = (s: string) => new TextEncoder().encode(s);

describe('readDecisionsFile on files that are not decisions files', () => {
  it('says an empty or blank file is empty', () => {
    for (const bytes of [new Uint8Array(0), text('\uFEFF\r\n  \r\n')]) {
      const e = refusal('tableau.csv', bytes);
      expect(e.code).toBe('not-text');
      expect(e.userMessage.fr).toContain('«\u202ftableau.csv\u202f» est vide');
      expect(e.userMessage.en).toContain('"tableau.csv" is empty');
      expect(e.userMessage.fr).not.toContain('colonne');
    }
  });

  it('names a PDF and a workbook by their first bytes', () => {
    const pdf = refusal('decisions.pdf', text('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n'));
    expect(pdf.userMessage.fr).toContain('est un document PDF');
    expect(pdf.userMessage.en).toContain('is a PDF document');
    expect(pdf.userMessage.en).toContain('RapprochementSSO');
    const xlsx = refusal('tableau.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    expect(xlsx.userMessage.fr).toContain('classeur Excel');
  });

  it('says a text with none of the columns is not a decisions table, and keeps the missing-column message for a near miss', () => {
    const note = refusal('notes.txt', text('Penser à vérifier les jumeaux\nDemander à la vie scolaire\n'));
    expect(note.code).toBe('wrong-kind');
    expect(note.userMessage.fr).toContain('n’est ni un tableau de décisions ni un fichier RapprochementSSO');
    expect(note.userMessage.en).toContain('is neither a decisions table nor a RapprochementSSO file');
    const near = refusal('mapping.csv', text('category,pronote_id,ent_id,status\nstudent,P1,E1,auto\n'));
    expect(near.code).toBe('missing-column');
  });
});
