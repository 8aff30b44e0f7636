/**
 * First steps shared by every reader: size limit, file kind from the first bytes, decoding.
 * Messages name what the file looks like and what to give instead (issue 3, "Everywhere").
 */
import type { Localized } from '../core/localized';
import { InputError, type ReadNote } from '../core/person';
import { type Decoded, decodeBytes, doubleEncodedLines } from './decode';
import { type ByteKind, sniffBytes } from './file-kind';
import { assertSize } from './limits';
import type { InputFile } from './source';

/** Which reader is asking: the message says what was expected. */
export type Expected = 'pronote' | 'directory' | 'decisions';

const EXPECTED: Record<Expected, Localized> = {
  pronote: {
    fr: 'l’export XML des identifiants Pronote (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE)',
    en: 'the XML export of Pronote identifiers (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE)',
  },
  directory: {
    fr: 'les fichiers de l’annuaire ENT (XML AAF, ou un tableau CSV)',
    en: 'the ENT directory files (AAF XML, or a CSV table)',
  },
  decisions: {
    fr: 'un fichier de décisions (le CSV des décisions ou le tableau téléchargés depuis l’atelier de rapprochement) ou un fichier RapprochementSSO',
    en: 'a decisions file (the decisions CSV or the table downloaded from the workbench) or a RapprochementSSO file',
  },
};

const LOOKS_LIKE: Record<Exclude<ByteKind, 'text'>, Localized> = {
  empty: { fr: 'est vide', en: 'is empty' },
  pdf: { fr: 'est un document PDF', en: 'is a PDF document' },
  zip: {
    fr: 'est un fichier compressé (ZIP) ou un classeur Excel/LibreOffice (.xlsx, .ods)\u202f: décompressez-le, ou enregistrez le tableau au format CSV',
    en: 'is a compressed file (ZIP) or an Excel/LibreOffice workbook (.xlsx, .ods): unzip it, or save the table as CSV',
  },
  ole: {
    fr: 'est un ancien classeur Excel (.xls) ou un document Word\u202f: enregistrez le tableau au format CSV',
    en: 'is an old Excel workbook (.xls) or a Word document: save the table as CSV',
  },
  gzip: { fr: 'est un fichier compressé (gzip)\u202f: décompressez-le', en: 'is a compressed file (gzip): unzip it' },
  image: { fr: 'est une image', en: 'is an image' },
  binary: { fr: 'n’est pas un fichier texte', en: 'is not a text file' },
};

/**
 * Encodings told by their first bytes that Passerelle refuses by name (XML 1.0 appendix F: UTF-32
 * with or without BOM, EBCDIC `<?xm`; UTF-7's BOM `+/v`).
 */
function refusedEncoding(bytes: Uint8Array): string | undefined {
  const s = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (s(0x00, 0x00, 0xfe, 0xff) || s(0x00, 0x00, 0x00, 0x3c)) return 'UTF-32 (big-endian)';
  if (s(0xff, 0xfe, 0x00, 0x00) || s(0x3c, 0x00, 0x00, 0x00)) return 'UTF-32 (little-endian)';
  if (s(0x4c, 0x6f, 0xa7, 0x94)) return 'EBCDIC';
  if (s(0x2b, 0x2f, 0x76) && [0x38, 0x39, 0x2b, 0x2f].includes(bytes[3])) return 'UTF-7';
  const head = String.fromCharCode.apply(null, Array.from(bytes.subarray(0, 200)));
  const declared = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'](utf-?32[a-z-]*|ucs-?4|utf-?7|ebcdic[\w-]*|cp037|ibm037)["']/i.exec(head);
  return declared ? declared[1].toUpperCase() : undefined;
}

/**
 * Notes on how a file was decoded, for the reader's notes: lines decoded as windows-1252 in a
 * UTF-8 file, and lines that look double-encoded (`GÃ©raldine`: UTF-8 read as windows-1252 and
 * saved again as UTF-8), which are noted, never rewritten.
 */
export function encodingNotes(decoded: Decoded, source: string): ReadNote[] {
  const notes: ReadNote[] = [];
  if (decoded.windows1252Lines) {
    const n = decoded.windows1252Lines;
    notes.push({
      source,
      message: {
        fr: `${n} ligne(s) du fichier ne sont pas en UTF-8 comme le reste\u202f: Passerelle les a lues en windows-1252 (fichier sans doute modifié dans deux logiciels). Vérifiez les accents de ces lignes.`,
        en: `${n} line(s) of the file are not UTF-8 like the rest: Passerelle read them as windows-1252 (the file was probably edited in two programs). Check the accents on those lines.`,
      },
    });
  }
  if (decoded.declaredInstead) {
    notes.push({
      source,
      message: {
        fr: `Le fichier déclare l’encodage ${decoded.declaredInstead} mais il est écrit en UTF-8 (sans doute converti sans que sa première ligne soit corrigée) : Passerelle l’a lu en UTF-8. Vérifiez quelques accents.`,
        en: `The file declares the ${decoded.declaredInstead} encoding but is written in UTF-8 (probably converted without its first line being corrected): Passerelle read it as UTF-8. Check a few accents.`,
      },
    });
  }
  if (decoded.encoding === 'utf-8') {
    const lines = doubleEncodedLines(decoded.text);
    if (lines.length > 0) {
      const list = lines.join(', ') + (lines.length >= 20 ? '…' : '');
      notes.push({
        source,
        message: {
          fr: `Lignes ${list}\u202f: des accents semblent encodés deux fois («\u202fÃ©\u202f» pour «\u202fé\u202f»)\u202f; Passerelle les laisse tels quels. Corrigez le fichier d’origine si besoin.`,
          en: `Lines ${list}: accents look encoded twice ("Ã©" for "é"); Passerelle leaves them as they are. Fix the original file if needed.`,
        },
      });
    }
  }
  return notes;
}

/**
 * Size check, kind check and decoding of one input (`options` as decodeBytes').
 * @throws InputError for files over the size limit, empty files and non-text files (PDF, ZIP,
 * spreadsheets, images), saying what was expected.
 */
export function openInput(file: InputFile, expected: Expected, options: { xmlReferences?: boolean } = {}): Decoded {
  assertSize(file);
  const refused = refusedEncoding(file.bytes);
  if (refused) {
    throw new InputError(
      {
        fr: `Le fichier «\u202f${file.name}\u202f» est encodé en ${refused}, un encodage que Passerelle ne lit pas. Enregistrez-le en UTF-8 (ou exportez-le à nouveau), puis chargez-le.`,
        en: `The file "${file.name}" is encoded in ${refused}, an encoding Passerelle does not read. Save it as UTF-8 (or export it again), then load it.`,
      },
      file.name,
      'encoding',
    );
  }
  const kind = sniffBytes(file.bytes);
  if (kind !== 'text') throw new InputError(notTextMessage(file.name, kind, expected), file.name, 'not-text');
  return decodeBytes(file.bytes, options);
}

/**
 * What a file that is not the expected text looks like (empty, a PDF, a workbook…) and what
 * Passerelle expects instead, in French and English. A reader that finds a decoded text blank
 * (only a BOM or spaces) says it with `kind` `empty`.
 */
export function notTextMessage(name: string, kind: Exclude<ByteKind, 'text'>, expected: Expected): Localized {
  const looks = LOOKS_LIKE[kind];
  const want = EXPECTED[expected];
  return {
    fr: `Le fichier «\u202f${name}\u202f» ${looks.fr}. Passerelle attend ici ${want.fr}.`,
    en: `The file "${name}" ${looks.en}. Passerelle expects ${want.en} here.`,
  };
}

/**
 * The message for an encrypted partner export (`EXPORT_INDEX_EDUCATION` with `CLES`/`CONTENU`, or
 * `ImportChiffre` of ConteneurImportChiffre.xsd): only the partner holding the private key can
 * read it (DOMAIN.md, "The Pronote identifier export").
 */
export function encryptedExportMessage(name: string): Localized {
  return {
    fr: `Le fichier «\u202f${name}\u202f» est un export chiffré (EXPORT_INDEX_EDUCATION avec CLES/CONTENU, ou ImportChiffre)\u202f: seul le partenaire qui détient la clé peut le lire. Passerelle a besoin de l’export en clair des identifiants (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE).`,
    en: `The file "${name}" is an encrypted export (EXPORT_INDEX_EDUCATION with CLES/CONTENU, or ImportChiffre): only the partner holding the key can read it. Passerelle needs the plain identifier export (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE).`,
  };
}
