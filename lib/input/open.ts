/**
 * First steps shared by every reader: size limit, file kind from the first bytes, decoding.
 * Messages name what the file looks like and what to give instead (issue 3, "Everywhere").
 */
import type { Localized } from '../core/localized';
import { InputError } from '../core/person';
import { type Decoded, decodeBytes } from './decode';
import { type ByteKind, sniffBytes } from './file-kind';
import { assertSize } from './limits';
import type { InputFile } from './source';

/** Which reader is asking: the message says what was expected. */
export type Expected = 'pronote' | 'directory';

const EXPECTED: Record<Expected, Localized> = {
  pronote: {
    fr: "l'export XML des identifiants Pronote (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE)",
    en: 'the XML export of Pronote identifiers (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE)',
  },
  directory: {
    fr: "les fichiers de l'annuaire ENT (XML AAF, ou un tableau CSV)",
    en: 'the ENT directory files (AAF XML, or a CSV table)',
  },
};

/** The localized "expected" phrase, for messages of the readers. */
export function expectedInput(expected: Expected): Localized {
  return EXPECTED[expected];
}

const LOOKS_LIKE: Record<Exclude<ByteKind, 'text'>, Localized> = {
  empty: { fr: 'est vide', en: 'is empty' },
  pdf: { fr: 'est un document PDF', en: 'is a PDF document' },
  zip: {
    fr: 'est un fichier compressé (ZIP) ou un classeur Excel/LibreOffice (.xlsx, .ods) : décompressez-le, ou enregistrez le tableau au format CSV',
    en: 'is a compressed file (ZIP) or an Excel/LibreOffice workbook (.xlsx, .ods): unzip it, or save the table as CSV',
  },
  ole: {
    fr: 'est un ancien classeur Excel (.xls) ou un document Word : enregistrez le tableau au format CSV',
    en: 'is an old Excel workbook (.xls) or a Word document: save the table as CSV',
  },
  gzip: { fr: 'est un fichier compressé (gzip) : décompressez-le', en: 'is a compressed file (gzip): unzip it' },
  image: { fr: 'est une image', en: 'is an image' },
  binary: { fr: "n'est pas un fichier texte", en: 'is not a text file' },
};

/**
 * Size check, kind check and decoding of one input.
 * @throws InputError for files over the size limit, empty files and non-text files (PDF, ZIP,
 * spreadsheets, images), saying what was expected.
 */
export function openInput(file: InputFile, expected: Expected): Decoded {
  assertSize(file);
  const kind = sniffBytes(file.bytes);
  if (kind !== 'text') {
    const looks = LOOKS_LIKE[kind];
    const want = EXPECTED[expected];
    throw new InputError(
      {
        fr: `Le fichier « ${file.name} » ${looks.fr}. Passerelle attend ici ${want.fr}.`,
        en: `The file "${file.name}" ${looks.en}. Passerelle expects ${want.en} here.`,
      },
      file.name,
      'not-text',
    );
  }
  return decodeBytes(file.bytes);
}

/**
 * The message for an encrypted partner export (`EXPORT_INDEX_EDUCATION` with `CLES`/`CONTENU`, or
 * `ImportChiffre` of ConteneurImportChiffre.xsd): only the partner holding the private key can
 * read it (DOMAIN.md, "The Pronote identifier export").
 */
export function encryptedExportMessage(name: string): Localized {
  return {
    fr: `Le fichier « ${name} » est un export chiffré (EXPORT_INDEX_EDUCATION avec CLES/CONTENU, ou ImportChiffre) : seul le partenaire qui détient la clé peut le lire. Passerelle a besoin de l'export en clair des identifiants (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE).`,
    en: `The file "${name}" is an encrypted export (EXPORT_INDEX_EDUCATION with CLES/CONTENU, or ImportChiffre): only the partner holding the key can read it. Passerelle needs the plain identifier export (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE).`,
  };
}
