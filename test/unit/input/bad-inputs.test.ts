import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../../lib/directory';
import { MAX_INPUT_BYTES } from '../../../lib/input/limits';
import type { InputFile } from '../../../lib/input/source';
import { InputError } from '../../../lib/core/person';
import { readPronoteExport } from '../../../lib/pronote';

const BAD = 'test/fixtures/inputs/bad/';
const file = (path: string): InputFile => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });

function failure(read: () => unknown): { fr: string; en: string; source?: string } {
  try {
    read();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ...e.userMessage, source: e.source };
  }
  throw new Error('expected an InputError');
}

type Reader = 'pronote' | 'directory';
const read = (reader: Reader, f: InputFile) => (reader === 'pronote' ? readPronoteExport([f]) : readDirectory([f]));

/** Corpus of bad inputs: file, reader, words the French and English messages must hold. */
const CORPUS: [string, Reader, string[], string[]][] = [
  [BAD + 'document.pdf', 'pronote', ['est un document PDF', 'l’export XML des identifiants Pronote'], ['is a PDF document']],
  [BAD + 'document.pdf', 'directory', ['est un document PDF', 'l’annuaire ENT'], ['is a PDF document']],
  [BAD + 'classeur.xlsx', 'directory', ['classeur Excel', 'CSV'], ['Excel/LibreOffice workbook', 'save the table as CSV']],
  [BAD + 'ancien.xls', 'directory', ['ancien classeur Excel (.xls)'], ['old Excel workbook']],
  [BAD + 'binaire.bin', 'pronote', ['n’est pas un fichier texte'], ['is not a text file']],
  [BAD + 'vide.xml', 'pronote', ['est vide'], ['is empty']],
  [BAD + 'texte.txt', 'pronote', ['n’est pas un fichier XML'], ['is not an XML file']],
  [BAD + 'tronque.xml', 'pronote', ['est incomplet', 'ligne 15, colonne 17', '<Eleve>'], ['incomplete', 'line 15, column 17']],
  [BAD + 'tronque.xml', 'directory', ['ressemble à un export Pronote'], ['looks like a Pronote export']],
  [BAD + 'mal-forme.xml', 'pronote', ['n’est pas un XML valide', 'ligne 5'], ['not valid XML', 'line 5']],
  [BAD + 'bombe-entites.xml', 'pronote', ['déclarations d’entités', 'ligne 3, colonne 2'], ['entity declarations', 'fetches nothing']],
  [BAD + 'entite-externe.xml', 'pronote', ['déclarations d’entités'], ['entity declarations']],
  [BAD + 'chiffre-partenaire.xml', 'pronote', ['export chiffré', 'seul le partenaire', 'l’export en clair'], ['encrypted export', 'plain identifier export']],
  [BAD + 'chiffre-partenaire.xml', 'directory', ['export chiffré'], ['encrypted export']],
  [BAD + 'import-chiffre.xml', 'pronote', ['ImportChiffre', 'seul le partenaire'], ['only the partner holding the key']],
  [BAD + 'page.html', 'pronote', ['page web (HTML)'], ['web page (HTML)']],
  [BAD + 'sans-personne.xml', 'pronote', ['aucune personne reconnaissable', '<Configuration>'], ['no recognisable person']],
  [BAD + 'sans-personne.xml', 'directory', ['XML inconnu', '<Configuration>'], ['unknown XML']],
  [
    '../shared/data/aaf-entcore/FULL_ENTTSSERVICES_Complet_20130117_PersEducNat_0001.xml',
    'pronote',
    ['ressemble à un fichier AAF', 'Chargez-le du côté ENT'],
    ['looks like an AAF file', 'Load it on the ENT side'],
  ],
  ['test/fixtures/inputs/partner-export.xml', 'directory', ['ressemble à un export Pronote', '<EXPORT_IDENTIFIANTS>'], ['looks like a Pronote export']],
  ['../shared/data/onde-csv-entcore/CSVExtraction-eleves.csv', 'pronote', ['est un tableau (CSV)', 'du côté ENT'], ['is a table (CSV)']],
];

describe('bad inputs give a clear message naming the file', () => {
  it.each(CORPUS)('%s read as %s', (path, reader, fr, en) => {
    const f = file(path);
    const m = failure(() => read(reader, f));
    expect(m.source).toBe(f.name);
    expect(m.fr).toContain(`«\u202f${f.name}\u202f»`);
    for (const words of fr) expect(m.fr).toContain(words);
    for (const words of en) expect(m.en).toContain(words);
  });

  it('refuses a file over 250 MB, naming the limit, without decoding it', () => {
    const big: InputFile = { name: 'enorme.xml', bytes: new Uint8Array(MAX_INPUT_BYTES + 1) };
    for (const reader of ['pronote', 'directory'] as const) {
      const m = failure(() => read(reader, big));
      expect(m.fr).toContain('jusqu’à 250 Mo');
      expect(m.en).toContain('up to 250 MB');
    }
  });

  it('reads a UTF-16 export like the UTF-8 one', () => {
    const utf8 = readPronoteExport([file('test/fixtures/inputs/partner-export.xml')]);
    const utf16 = readPronoteExport([file('test/fixtures/inputs/partner-export-utf16le.xml')]);
    const strip = (ps: typeof utf8.persons) => ps.map(({ source: _s, ...rest }) => rest);
    expect(strip(utf16.persons)).toEqual(strip(utf8.persons));
    expect(utf16.persons.find((p) => p.raw.Ident === '201')?.lastName).toBe('LEFÈVRE');
  });

  it('keeps a duplicate AAF account once and lists the second with where the first is', () => {
    const aaf = file('../shared/data/aaf-entcore/FULL_ENTTSSERVICES_Complet_20130117_PersEducNat_0001.xml');
    const r = readDirectory([aaf, { ...aaf, name: 'copie.xml' }]);
    expect(r.persons).toHaveLength(3);
    expect(r.notRead).toHaveLength(3);
    expect(r.notRead[0].source).toBe('copie.xml');
    expect(r.notRead[0].reason.fr).toContain('déjà lu (FULL_ENTTSSERVICES_Complet_20130117_PersEducNat_0001.xml, addRequest[1]');
  });

  it('lists AAF records it cannot read instead of dropping them', () => {
    const text = [
      '<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">',
      '<ficAlimMENESR>',
      '<addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes><identifier><id></id></identifier><attributes><attr name="sn"><value>A</value></attr></attributes></addRequest>',
      '<addRequest><operationalAttributes><attr name="categoriePersonne"><value>Visiteur</value></attr></operationalAttributes><identifier><id>9</id></identifier><attributes><attr name="sn"><value>B</value></attr></attributes></addRequest>',
      '<modifyRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes><identifier><id>10</id></identifier><modifications><modification name="sn" operation="replace"><value>C</value></modification></modifications></modifyRequest>',
      '<addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes><identifier><id>11</id></identifier><attributes><attr name="sn"><value>&lt;b&gt;D&lt;/b&gt;</value></attr><attr name="givenName"><value>E</value></attr></attributes></addRequest>',
      '</ficAlimMENESR>',
    ].join('\n');
    const r = readDirectory([{ name: 'aaf.xml', bytes: new TextEncoder().encode(text) }]);
    expect(r.persons.map((p) => [p.id, p.lastName])).toEqual([['11', '<b>D</b>']]);
    expect(r.notRead.map((n) => n.location)).toEqual(['addRequest[1], l. 3', 'addRequest[2], l. 4', 'modifyRequest[3], l. 5']);
    expect(r.notRead.map((n) => n.reason.en)).toEqual([
      'Record without an identifier (identifier/id is empty).',
      'Unknown person category "Visiteur" (expected Eleve, PersRelEleve or PersEducNat).',
      'Account change or removal (modifyRequest): Passerelle reads complete AAF files ("Complet"), not delta files.',
    ]);
  });
});
