/**
 * Pronote export readers (issue 3, "Pronote side"): the partner layout read exactly, the
 * RapprochementSSO file read as earlier decisions, any other layout sniffed (or read with a saved
 * profile). Pronote URLs and instances live in url.ts (not part of these readers).
 */
import type { Localized } from '../core/localized';
import { looksLikeTable, looksLikeXml, sniffXml } from '../input/file-kind';
import { encodingNotes, encryptedExportMessage, openInput } from '../input/open';
import { append, removedCharacterNotes } from '../input/person-draft';
import type { RefusalCode } from '../core/refusal';
import { CATEGORY_WORDS } from '../core/vocabulary';
import type { InputFile } from '../input/source';
import { readXmlTree, type Sample, type XmlNode } from '../input/xml';
import type { Decision } from '../matching/types';
import { type Category, type ExportKind, InputError, type NotRead, type Person, type ReadNote, type ReadResult } from '../core/person';
import { categorisedRecords, fieldValue, innerMap, readStreamWithProfile, readWithProfile, recordNames, recordsStream, recordTargets } from './apply-profile';
import { exportKindOf } from './export-kind';
import { type UnusedField, unusedFields, withLinkFields } from './link-fields';
import type { MappingProfile } from './mapping-profile';
import { isPartnerLayout, PARTNER_ELEMENTS, PARTNER_PROFILE } from './partner-export';
import { readSsoTree } from './rapprochement-sso';
import { categoryValuesInText, recordElementNames, sniffLayout } from './sniffer';

export type { UnusedField } from './link-fields';
export type { CategoryRule, MappingProfile, ProfileField } from './mapping-profile';
export { isMappingProfile, PROFILE_FIELDS } from './mapping-profile';
export { PARTNER_PROFILE } from './partner-export';
export { readRapprochementSso } from './rapprochement-sso';
export { sniffLayout } from './sniffer';

/**
 * Records of one name kept per list to judge a file's layout, at least (the sample holds up to
 * twice as many, spread over the whole list: scanXmlSample): the link fields and the unused fields
 * look at 5,000 records per category at most (link-fields.ts). A list longer than twice this is
 * read from the text record by record.
 */
const SAMPLED_RECORDS = 5_000;

export type PronoteLayout = 'partner' | 'rapprochement-sso' | 'sniffed';

export interface PronoteReadResult extends ReadResult {
  side: 'pronote';
  layout: PronoteLayout;
  /** Set for sniffed layouts (and saved profiles, then sure): the mapping used, for the mapping screen. */
  sniff?: { confidence: number; sure: boolean; mapping: MappingProfile };
  /** Pairs of a RapprochementSSO file, as earlier decisions (`manual`, entId = ID_Partenaire). */
  decisions?: Decision[];
  exportKind: ExportKind;
  /** The mapping each export was read with (partner layout included, its link fields found in the file). */
  mapping?: MappingProfile;
  /** Fields on at least half of one category's records that the mapping reads nowhere: for the mapping screen. */
  unusedFields: UnusedField[];
  /**
   * Guardians read, and those linked to at least one student read (links from either side). When
   * guardians are read and none is linked, a note says so and guardians pair on other evidence.
   */
  guardianLinks: { guardians: number; linked: number };
}

/** A guardian linked to no student anywhere: said in the summary, the report and the step's header. */
function noGuardianLinkNote(source: string, guardians: number): ReadNote {
  return {
    source,
    message: {
      fr: `Aucun des ${guardians} responsables n’est relié à un élève dans ce fichier (ni lien sur l’élève, ni enfant sur le responsable)\u202f: les responsables sont rapprochés sans l’aide de leurs enfants, et davantage passent en vérification. Si le fichier contient ces liens, choisissez leur champ dans la correspondance.`,
      en: `None of the ${guardians} guardians is linked to a student in this file (no link on the student, no child on the guardian): guardians are paired without their children's help, and more go to review. If the file holds these links, choose their field in the mapping.`,
    },
  };
}

/** The fields a mapping leaves unused, named in the notes (the mapping screen lists them too). */
function unusedNote(source: string, left: UnusedField[]): ReadNote {
  const list = left
    .slice(0, 8)
    .map((u) => `${u.field} (${CATEGORY_WORDS[u.category].many.fr}, ${Math.round(u.share * 100)} %)`)
    .join(', ');
  const listEn = left
    .slice(0, 8)
    .map((u) => `${u.field} (${CATEGORY_WORDS[u.category].many.en}, ${Math.round(u.share * 100)} %)`)
    .join(', ');
  const more = left.length > 8 ? ` (+${left.length - 8})` : '';
  return {
    source,
    message: {
      fr: `Champ(s) présent(s) sur au moins la moitié des fiches mais non utilisé(s) par la correspondance\u202f: ${list}${more}. Vérifiez dans la correspondance s’il faut s’en servir (un lien entre élèves et responsables, par exemple).`,
      en: `Field(s) present on at least half of the records but not used by the mapping: ${listEn}${more}. Check in the mapping whether they should be used (a link between students and guardians, say).`,
    },
  };
}

function wrongFile(name: string, fr: string, en: string, code: RefusalCode = 'wrong-kind'): InputError {
  return new InputError({ fr: `Le fichier «\u202f${name}\u202f» ${fr}`, en: `The file "${name}" ${en}` }, name, code);
}

const WANT: Localized = {
  fr: 'Passerelle attend ici l’export XML des identifiants Pronote (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE).',
  en: 'Passerelle expects the XML export of Pronote identifiers here (Imports/Exports > Socles ENT > Exporter les identifiants PRONOTE).',
};

/**
 * Parses one file and refuses what is not a Pronote export, saying what it looks like.
 * @returns the tree (with `sample`, the scanner's sample of it: `sample.keep` to twice as many
 * records of a name per list, spread over it), the decoded text, and whether the fast scanner read it (records can then be read
 * again from the text as they close, see `readStreamWithProfile`).
 */
function openExport(file: InputFile, notes: ReadNote[], sample?: Sample): { root: XmlNode; text: string; scanned: boolean } {
  const decoded = openInput(file, 'pronote', { xmlReferences: true });
  const { text } = decoded;
  append(notes, encodingNotes(decoded, file.name));
  if (!looksLikeXml(text)) {
    throw looksLikeTable(text)
      ? wrongFile(
          file.name,
          `est un tableau (CSV), pas un fichier XML. S’il s’agit de l’annuaire de l’ENT, chargez-le du côté ENT. ${WANT.fr}`,
          `is a table (CSV), not an XML file. If it is the ENT directory, load it on the ENT side. ${WANT.en}`,
        )
      : wrongFile(file.name, `n’est pas un fichier XML. ${WANT.fr}`, `is not an XML file. ${WANT.en}`);
  }
  const kind = sniffXml(text);
  if (kind === 'aaf') {
    throw wrongFile(
      file.name,
      `ressemble à un fichier AAF de l’annuaire ENT (élément ficAlimMENESR), pas à l’export des identifiants Pronote. Chargez-le du côté ENT. ${WANT.fr}`,
      `looks like an AAF file of the ENT directory (element ficAlimMENESR), not the Pronote identifier export. Load it on the ENT side. ${WANT.en}`,
    );
  }
  if (kind === 'encrypted') throw new InputError(encryptedExportMessage(file.name), file.name, 'encrypted');
  if (kind === 'html') throw wrongFile(file.name, `est une page web (HTML). ${WANT.fr}`, `is a web page (HTML). ${WANT.en}`);
  const how = { scanned: false, sample };
  try {
    const root = readXmlTree(text, file.name, how);
    return { root, text, scanned: how.scanned };
  } catch (e) {
    // A character written as a reference where no reference may stand (an element name holding
    // `Œ`): the file is read again from the plain decoding, whose message is the one to give.
    if (!decoded.references || !(e instanceof InputError)) throw e;
    const plain = openInput(file, 'pronote').text;
    return { root: readXmlTree(plain, file.name, how), text: plain, scanned: how.scanned };
  }
}

/**
 * True when every person-like record of the file is one of the six partner elements: otherwise
 * (a `Parent` list beside `Eleve`, say) the sniffer reads it, so that no list is left unread.
 */
function onlyPartnerElements(root: XmlNode): boolean {
  const elements = new Set<string>(Object.values(PARTNER_ELEMENTS));
  // Records all named as partner elements: each of those names its own category, so the sniff
  // would map each to itself; only other records need the whole sniff.
  let others = false;
  for (const name of recordElementNames(root)) if (!elements.has(name)) others = true;
  if (!others) return true;
  const sniffed = sniffLayout(root);
  return !sniffed || Object.values(sniffed.mapping.categories).every((rule) => !rule || elements.has(rule.element));
}

/**
 * Reads one or several Pronote export files (normally one; a RapprochementSSO file may come with it).
 * - Partner layout (partner-export.ts): read exactly; ids `IDPN` else `Ident`, with a note for the
 *   persons that have no IDPN (staff: their pairing cannot feed idPronote).
 * - RapprochementSSO (`PARTENAIRE_INDEX`): its pairs become `decisions`; its persons are returned
 *   only when no other export is given. Decisions' `pronoteId` (an `Ident`) is turned into the
 *   person's id when the export gives both.
 * - Any other layout: sniffed (sniffer.ts), or read with `options.profile` when given.
 * - A person whose (category, id) was already read from an earlier file goes to `notRead`, naming
 *   that file (the same export given twice would otherwise read everyone twice).
 * - An export whose lists hold more than twice `options.sampledRecords` records of one name
 *   (default 5,000) is judged on a sample spread over each list (with the link targets and the
 *   values of a category field taken from the whole text), then read record by record from its
 *   text: the same persons, in less memory (tests set it low to compare both ways; Infinity reads
 *   every file whole).
 * @throws InputError when a whole file cannot be used: too large, not XML (PDF, CSV...), not
 * well-formed (line and column), entity declarations, an AAF file, an encrypted partner export,
 * or XML in which no person is found.
 */
export function readPronoteExport(files: InputFile[], options: { profile?: MappingProfile; sampledRecords?: number } = {}): PronoteReadResult {
  const persons: Person[] = [];
  const ssoPersons: Person[] = [];
  const notRead: NotRead[] = [];
  const notes: ReadNote[] = [];
  const decisions: Decision[] = [];
  let layout: PronoteLayout | undefined;
  let sniff: PronoteReadResult['sniff'];
  let exportKind: ExportKind = 'unknown';
  let mapping: MappingProfile | undefined;
  const unused: UnusedField[] = [];
  /** The first person read for each id, per category, to set aside the same person in a later file. */
  const readBefore = new Map<Category, Map<string, Person>>();
  for (const file of files) {
    // Long lists are sampled: the layout, its link fields and unused fields are judged on the
    // sample (link targets on the whole file), then the persons are read from the text.
    const sample = { keep: options.sampledRecords ?? SAMPLED_RECORDS, dropped: 0 };
    const opened: { root?: XmlNode; text: string; scanned: boolean } = openExport(file, notes, sample);
    let sampled = opened.scanned && sample.dropped > 0;
    // Let, not const: the tree is let go before the records are read from the text again.
    let root: XmlNode | undefined = opened.root as XmlNode;
    if (root.name === 'PARTENAIRE_INDEX') {
      const r = readSsoTree(sampled ? readXmlTree(opened.text, file.name) : root, file.name);
      append(decisions, r.decisions);
      append(ssoPersons, r.persons);
      append(notRead, r.notRead);
      notes.push({
        source: file.name,
        message: {
          fr: `Fichier RapprochementSSO\u202f: ${r.decisions.length} paire(s) déjà faite(s) reprise(s) comme décisions.`,
          en: `RapprochementSSO file: ${r.decisions.length} pair(s) already made taken as decisions.`,
        },
      });
      layout ??= 'rapprochement-sso';
      continue;
    }
    let profile: MappingProfile;
    let partner = false;
    /** A sample tells the layout only when the records stream (see recordsStream): else the whole tree is read. */
    const wholeUnless = (streams: boolean) => {
      if (!sampled || streams) return;
      root = readXmlTree(opened.text, file.name);
      sampled = false;
    };
    if (options.profile) {
      profile = options.profile;
      wholeUnless(recordsStream(root, profile));
      sniff = { confidence: 1, sure: true, mapping: profile };
      partner = isPartnerLayout(root) && profile.fields.id === PARTNER_PROFILE.fields.id && profile.fields.ident === PARTNER_PROFILE.fields.ident;
    } else if (isPartnerLayout(root) && onlyPartnerElements(root)) {
      // The partner layout's links may sit on either side, in any form: found by their values.
      wholeUnless(recordsStream(root, PARTNER_PROFILE));
      const targets = sampled ? recordTargets(opened.text, PARTNER_PROFILE) : undefined;
      profile = withLinkFields(categorisedRecords(root, PARTNER_PROFILE), PARTNER_PROFILE, fieldValue, targets);
      partner = true;
    } else {
      // Sniffed on the sample, with the link targets and a category field's values (a `User` list:
      // a category of a few records could be missing from the sample) taken from the whole text.
      const tree = root;
      let s = sniffLayout(
        root,
        undefined,
        (named) => (sampled && recordsStream(tree, named) ? recordTargets(opened.text, named) : undefined),
        sampled ? (element, key) => categoryValuesInText(opened.text, element, key) : undefined,
      );
      if (sampled && (!s || !recordsStream(tree, s.mapping))) {
        wholeUnless(false);
        s = sniffLayout(root);
      }
      if (!s) {
        throw wrongFile(
          file.name,
          `ne contient aucune personne reconnaissable (élément racine <${root.name}>)\u202f: aucun élément répété avec un nom et un prénom. ${WANT.fr}`,
          `holds no recognisable person (root element <${root.name}>): no repeated element with a last name and a first name. ${WANT.en}`,
          'no-persons',
        );
      }
      profile = s.mapping;
      sniff = { confidence: s.confidence, sure: s.sure, mapping: s.mapping };
    }
    mapping ??= profile;
    const left = unusedFields(categorisedRecords(root, profile), profile);
    for (const u of left) unused.push(u);
    if (left.length > 0) notes.push(unusedNote(file.name, left));
    layout = partner ? 'partner' : 'sniffed';
    // Judged before the records are read: reading takes them out of the tree.
    const kind = exportKindOf(root, recordNames(profile));
    if (kind !== 'unknown') exportKind = kind;
    const readOptions = {
      source: file.name,
      idKind: partner ? ('IDPN' as const) : ('pronote-field' as const),
      identKind: partner ? ('Ident' as const) : ('pronote-field' as const),
      consume: true,
    };
    let r: ReturnType<typeof readWithProfile> | undefined;
    if (sampled) {
      // The sample has told the layout; the persons are read from the text, one record at a time
      // (peak RSS reading a 540,000-person export: 1,992 MiB with its whole tree in memory,
      // `npm run bench -- reading-large` for today's figure).
      opened.root = root = undefined;
      r = readStreamWithProfile(opened.text, profile, readOptions);
    }
    r ??= readWithProfile(root ?? readXmlTree(opened.text, file.name), profile, readOptions);
    append(notRead, r.notRead);
    // Inside one file a repeated id is set aside by readWithProfile; across files (the same export
    // given twice, or two overlapping exports) it is set aside here, so no one is paired twice.
    for (let i = 0; i < r.persons.length; i++) {
      const p = r.persons[i];
      const before = innerMap(readBefore, p.category);
      const earlier = before.get(p.id);
      if (earlier) {
        notRead.push({
          source: file.name,
          location: p.location,
          reason: {
            fr: `Identifiant ${p.id} déjà lu dans un fichier précédent, «\u202f${earlier.source}\u202f» (${earlier.location})\u202f: personne en double, gardée une seule fois.`,
            en: `Identifier ${p.id} already read in an earlier file, "${earlier.source}" (${earlier.location}): duplicate person, kept once.`,
          },
          excerpt: `${p.lastName} ${p.firstName}`.trim(),
        });
        continue;
      }
      before.set(p.id, p);
      persons.push(p);
    }
    if (partner) {
      for (const [category, n] of Object.entries(r.identFallbacks) as [Category, number][]) {
        notes.push({
          source: file.name,
          message: {
            fr: `${n} ${CATEGORY_WORDS[category][n < 2 ? 'one' : 'many'].fr} sans IDPN\u202f: Passerelle utilise leur Ident. Leur rapprochement ne peut pas alimenter idPronote (Pronote n’exporte pas d’IDPN pour eux).`,
            en: `${n} ${CATEGORY_WORDS[category][n === 1 ? 'one' : 'many'].en} without IDPN: Passerelle uses their Ident. Their pairing cannot feed idPronote (Pronote exports no IDPN for them).`,
          },
        });
      }
    }
  }
  if (persons.length === 0) for (const p of ssoPersons) persons.push(p);
  else if (decisions.length > 0) {
    // Decisions name persons by Ident; the export's persons may carry IDPN as id.
    const byIdent = new Map<string, string>();
    for (const p of persons) if (p.raw.Ident) byIdent.set(`${p.category}\u0000${p.raw.Ident}`, p.id);
    for (const d of decisions) d.pronoteId = byIdent.get(`${d.category}\u0000${d.pronoteId}`) ?? d.pronoteId;
  }
  append(notes, removedCharacterNotes(persons));
  let guardians = 0;
  let linked = 0;
  for (const p of persons) {
    if (p.category !== 'guardian') continue;
    guardians++;
    if (p.children.length > 0) linked++;
  }
  if (guardians > 0 && linked === 0) notes.push(noGuardianLinkNote(files.map((f) => f.name).join(', '), guardians));
  const result: PronoteReadResult = {
    side: 'pronote',
    layout: layout ?? 'sniffed',
    persons,
    notRead,
    notes,
    exportKind,
    unusedFields: unused,
    guardianLinks: { guardians, linked },
  };
  if (mapping) result.mapping = mapping;
  if (sniff) result.sniff = sniff;
  if (decisions.length > 0) result.decisions = decisions;
  return result;
}
