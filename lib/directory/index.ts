/**
 * ENT directory readers (issue 3, "ENT side"): AAF XML files (several at once, any order), CSV files
 * and tables pasted from a spreadsheet, all to one list of directory persons.
 */
import type { Localized } from '../core/localized';
import { sniffXml, looksLikeXml, rootElementName } from '../input/file-kind';
import { encodingNotes, encryptedExportMessage, openInput } from '../input/open';
import { append, removedCharacterNotes } from '../input/person-draft';
import { completeRelations } from '../input/relations';
import type { InputFile } from '../input/source';
import { assertNoEntityDeclarations, assertWellFormed } from '../input/xml';
import { type Category, InputError, type NotRead, type Person, type ReadNote, type ReadResult } from '../core/person';
import { type AafStructure, readAafText, structuresAsUai } from './aaf';
import type { ColumnMapping } from './columns';
import { type ChildRef, linkChildRefs, readCsvText } from './csv';

export type { ColumnMapping, DirectoryField } from './columns';
export { fieldOfHeader, proposeMapping } from './columns';

export interface DirectoryReadResult extends ReadResult {
  side: 'directory';
  /** Set for CSVs and pastes whose headers were not all recognised: the screen lets the user confirm. */
  columnMapping?: { proposed: ColumnMapping; sure: boolean };
  /**
   * Structures the persons belong to, sorted: UAI (CSV column; AAF structure ids translated by the
   * `EtabEducNat` file when it is given), else the AAF feed's structure ids.
   */
  structures: string[];
  /** Names of the structures when the AAF `EtabEducNat` file gives them, by UAI (or id). */
  structureNames?: Record<string, string>;
}

export interface DirectoryReadOptions {
  /** A confirmed column mapping for CSVs and pastes. */
  profile?: ColumnMapping;
}

/** Whole-input messages for XML that is not an AAF file. */
function wrongXml(name: string, kind: ReturnType<typeof sniffXml>, root: string | undefined): Localized {
  switch (kind) {
    case 'pronote':
    case 'rapprochement-sso':
      return {
        fr: `Le fichier «\u202f${name}\u202f» ressemble à un export Pronote (élément <${root}>), pas à l’annuaire de l’ENT. Chargez-le comme export Pronote\u202f; ici, donnez les fichiers AAF (ficAlimMENESR) ou un CSV de l’annuaire.`,
        en: `The file "${name}" looks like a Pronote export (element <${root}>), not the ENT directory. Load it as the Pronote export; here, give the AAF files (ficAlimMENESR) or a CSV of the directory.`,
      };
    case 'encrypted':
      return encryptedExportMessage(name);
    case 'html':
      return {
        fr: `Le fichier «\u202f${name}\u202f» est une page web (HTML), pas un annuaire. Exportez l’annuaire de l’ENT en CSV, ou donnez les fichiers AAF.`,
        en: `The file "${name}" is a web page (HTML), not a directory. Export the ENT directory as CSV, or give the AAF files.`,
      };
    default:
      return {
        fr: `Le fichier «\u202f${name}\u202f» est un XML inconnu (élément racine <${root ?? '?'}>), pas un fichier AAF (ficAlimMENESR). Donnez les fichiers AAF ou un CSV de l’annuaire.`,
        en: `The file "${name}" is an unknown XML (root element <${root ?? '?'}>), not an AAF file (ficAlimMENESR). Give the AAF files or a CSV of the directory.`,
      };
  }
}

interface Accumulator {
  persons: Person[];
  notRead: NotRead[];
  notes: ReadNote[];
  childRefs: ChildRef[];
  /** Schools described by AAF `EtabEducNat` files. */
  aafStructures: AafStructure[];
  usedIds: Set<string>;
  syntheticIds: number;
  columnMapping?: { proposed: ColumnMapping; sure: boolean };
}

function finish(acc: Accumulator): DirectoryReadResult {
  append(acc.notes, removedCharacterNotes(acc.persons));
  // The same account in two files (an AAF feed split by category, sent twice): kept once, listed.
  // Per category, the first person read for each id.
  const seen = new Map<Category, Map<string, Person>>();
  const persons: Person[] = [];
  for (let i = 0; i < acc.persons.length; i++) {
    const p = acc.persons[i];
    let seenHere = seen.get(p.category);
    if (!seenHere) {
      seenHere = new Map();
      seen.set(p.category, seenHere);
    }
    const first = seenHere.get(p.id);
    if (first && p.idKind !== 'synthetic') {
      acc.notRead.push({
        source: p.source,
        location: p.location,
        reason: {
          fr: `Compte ${p.id} déjà lu (${first.source}, ${first.location})\u202f: enregistrement en double.`,
          en: `Account ${p.id} already read (${first.source}, ${first.location}): duplicate record.`,
        },
        excerpt: `${p.lastName} ${p.firstName}`,
      });
      continue;
    }
    seenHere.set(p.id, p);
    persons.push(p);
  }
  if (acc.childRefs.length > 0) {
    const missed = linkChildRefs(acc.childRefs, persons);
    if (missed > 0) {
      acc.notes.push({
        source: acc.childRefs[0].guardian.source,
        message: {
          fr: `${missed} enfant(s) cité(s) par des responsables n’ont pas été retrouvés parmi les élèves lus (ou l’ont été plusieurs fois)\u202f: ces liens ne sont pas faits. Chargez aussi le fichier des élèves.`,
          en: `${missed} child(ren) named by guardians were not found among the students read (or found several times): those links are not made. Load the students file too.`,
        },
      });
    }
  }
  // Before the guardians take their children's structures, so they take the UAI too.
  structuresAsUai(persons, acc.aafStructures);
  completeRelations(persons);
  if (acc.syntheticIds > 0) {
    acc.notes.push({
      source: persons.find((p) => p.idKind === 'synthetic')?.source ?? '',
      message: {
        fr: `${acc.syntheticIds} ligne(s) sans identifiant de compte (extraction ONDE ou CSV sans colonne Identifiant/Login)\u202f: Passerelle leur donne une clé faite de la catégorie, des noms et de la date de naissance. Le résultat ne pourra pas nommer leur compte ENT.`,
        en: `${acc.syntheticIds} row(s) carry no account id (ONDE extraction, or a CSV without an Id/Login column): Passerelle keys them by category, names and birth date. The result cannot name their ENT account.`,
      },
    });
  }
  const structures = new Set<string>();
  for (const p of persons) for (const s of p.structures) structures.add(s);
  const result: DirectoryReadResult = { side: 'directory', persons, notRead: acc.notRead, notes: acc.notes, structures: [...structures].sort() };
  if (acc.columnMapping) result.columnMapping = acc.columnMapping;
  if (acc.aafStructures.length) {
    const names: Record<string, string> = {};
    for (const s of acc.aafStructures) if (s.name) names[s.uai ?? s.id] = s.name;
    result.structureNames = names;
  }
  return result;
}

function newAccumulator(): Accumulator {
  return { persons: [], notRead: [], notes: [], childRefs: [], aafStructures: [], usedIds: new Set(), syntheticIds: 0 };
}

function addCsv(acc: Accumulator, text: string, source: string, options: DirectoryReadOptions & { delimiter?: string }): void {
  const r = readCsvText(text, source, options, acc.usedIds);
  append(acc.persons, r.persons);
  append(acc.notRead, r.notRead);
  append(acc.notes, r.notes);
  append(acc.childRefs, r.childRefs);
  acc.syntheticIds += r.syntheticIds;
  if (r.columnMapping && !acc.columnMapping) acc.columnMapping = r.columnMapping;
}

/** How the directory side routes one file of a delivery. */
export type DirectoryFileKind = 'dtd' | 'xml' | 'table';

/**
 * Routes one file: a DTD (`ficAlimMENESR.dtd` ships beside the AAF XML files, DOMAIN.md "The AAF
 * feed") by its name or its first declaration, XML by its first markup, a table otherwise. Matière,
 * MEF and établissement AAF files are XML here; readAafText skips their records with a note.
 */
export function directoryFileKind(name: string, text: string): DirectoryFileKind {
  if (/\.dtd$/i.test(name)) return 'dtd';
  const head = text.slice(0, 4096).replace(/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/, '');
  if (/^<!(ELEMENT|ATTLIST|ENTITY|NOTATION)\b/.test(head)) return 'dtd';
  return looksLikeXml(text) ? 'xml' : 'table';
}

/**
 * Reads ENT directory files: AAF XML (any order, several at once; non-person AAF files skipped with
 * a note) and CSV files, to one result. Links between students and guardians are made across files.
 * @throws InputError when a whole file cannot be used: too large, not text (PDF, spreadsheet...),
 * XML not well-formed (line, column), entity declarations, a Pronote export or an encrypted export
 * given as a directory.
 */
export function readDirectory(files: InputFile[], options: DirectoryReadOptions = {}): DirectoryReadResult {
  const acc = newAccumulator();
  const dtds: string[] = [];
  for (const file of files) {
    if (/\.dtd$/i.test(file.name)) {
      dtds.push(file.name);
      continue;
    }
    const decoded = openInput(file, 'directory');
    const { text } = decoded;
    append(acc.notes, encodingNotes(decoded, file.name));
    const kind = directoryFileKind(file.name, text);
    if (kind === 'dtd') dtds.push(file.name);
    else if (kind === 'xml') {
      const kind = sniffXml(text);
      if (kind !== 'aaf') throw new InputError(wrongXml(file.name, kind, rootElementName(text)), file.name, kind === 'encrypted' ? 'encrypted' : 'wrong-kind');
      assertNoEntityDeclarations(text, file.name);
      assertWellFormed(text, file.name);
      const r = readAafText(text, file.name);
      append(acc.persons, r.persons);
      append(acc.notRead, r.notRead);
      append(acc.notes, r.notes);
      append(acc.aafStructures, r.structures);
    } else {
      addCsv(acc, text, file.name, options);
    }
  }
  if (dtds.length > 0) {
    acc.notes.push({
      source: dtds.join(', '),
      message: {
        fr: `${dtds.length < 2 ? 'Fichier' : 'Fichiers'} DTD non ${dtds.length < 2 ? 'lu' : 'lus'} (la description du format AAF, sans personnes)\u202f: ${dtds.join(', ')}.`,
        en: `DTD ${dtds.length < 2 ? 'file' : 'files'} not read (the AAF format description, no persons): ${dtds.join(', ')}.`,
      },
    });
  }
  return finish(acc);
}

/**
 * Reads a table pasted from a spreadsheet (tab-separated, first line the headers), with the same
 * rules as a CSV file.
 * @param options.source the name shown for it (default "collage").
 */
export function readPastedTable(text: string, options: DirectoryReadOptions & { source?: string } = {}): DirectoryReadResult {
  const acc = newAccumulator();
  const source = options.source ?? 'collage';
  const delimiter = text.includes('\t') ? '\t' : undefined;
  addCsv(acc, text, source, { ...options, delimiter });
  return finish(acc);
}
