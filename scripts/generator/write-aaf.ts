/**
 * Writes directory persons as AAF files in the shape of the real feed `../shared/data/aaf-entcore`
 * (DOMAIN.md, "The AAF feed"; ficAlimMENESR.dtd): the DOCTYPE line and no XML declaration, root
 * `ficAlimMENESR`, one `addRequest` per person (`operationalAttributes` with `categoriePersonne`,
 * `identifier/id`, `attributes/attr[@name]/value`), empty values as `<value/>`, dates dd/mm/yyyy,
 * classes `structureId$CLASS`, relations `id$lien$financier$legal$contact$paiement`. One file
 * kind per category (`Eleve`, `PersRelEleve`, `PersEducNat`), split every `perFile` records, named
 * like the real ones (`..._Complet_<date>_Eleve_0000.xml`).
 */
import type { Person } from '../../lib/core/person';
import { escapeText, frenchDate } from './xml-text';

export interface OutputFile {
  /** File name (may hold a sub-folder, `aaf/...`). */
  name: string;
  /** The content in pieces, produced lazily so that big files never sit whole in memory. */
  chunks: () => Iterable<string>;
  /** Text encoding of the file; UTF-8 when absent. */
  encoding?: 'windows-1252';
}

const HEADER = '<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n<!-- versionAF="AAF-VE1301" -->\n';

function attr(name: string, values: (string | undefined)[]): string {
  const filled = values.filter((v): v is string => Boolean(v));
  const inner = filled.length ? filled.map((v) => `<value>${escapeText(v)}</value>`).join('') : '<value/>';
  return `<attr name="${name}">${inner}</attr>\n`;
}

/** Teacher subjects and staff functions (`ENTPersonFonctions`: structure$code$label$discipline$label). */
const SUBJECTS = [
  ['L0202', 'LETTRES MODERNES'],
  ['L1300', 'MATHEMATIQUES'],
  ['L0422', 'ANGLAIS'],
  ['L1000', 'HISTOIRE GEOGRAPHIE'],
  ['L1500', 'PHYSIQUE CHIMIE'],
  ['L1600', 'SCIENCES DE LA VIE ET DE LA TERRE'],
  ['L1900', 'EDUCATION PHYSIQUE ET SPORTIVE'],
  ['L0426', 'ESPAGNOL'],
  ['L1800', 'ARTS PLASTIQUES'],
  ['L1700', 'EDUCATION MUSICALE'],
  ['L1400', 'TECHNOLOGIE'],
];
const FUNCTIONS = [
  "EDU$EDUCATION$-$CONSEILLER PRINCIPAL D'EDUCATION",
  'DIR$DIRECTION$-$PERSONNEL DE DIRECTION',
  'DOC$DOCUMENTATION$-$DOCUMENTATION',
  "AED$ASSISTANT D'EDUCATION$-$ASSISTANT D'EDUCATION",
];

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

function record(p: Person, category: string, body: string): string {
  return (
    `<addRequest>\n<operationalAttributes><attr name="categoriePersonne"><value>${category}</value></attr></operationalAttributes>\n` +
    `<identifier><id>${escapeText(p.id)}</id></identifier>\n<attributes>\n${attr('ENTPersonJointure', [p.id])}${body}</attributes>\n</addRequest>\n`
  );
}

function names(p: Person): string {
  return (
    attr('ENTPersonDateNaissance', [frenchDate(p.birthDate)]) +
    attr('ENTPersonNomPatro', [p.birthName ?? p.lastName.toUpperCase()]) +
    attr('sn', [p.lastName]) +
    attr('givenName', [p.firstName])
  );
}

/** AAF relation fields of a student's guardian (entcore StudentImportProcessing.parseRelativeField). */
function relationValue(guardian: Person | undefined, id: string, legal: boolean | undefined, first: boolean): string {
  // lien: 1 father, 2 mother, 4 other family member, 6 other; legal: 1 legal representative, 2 in charge without being one.
  const lien = legal === false ? (guardian?.sex === 'F' ? 4 : 6) : guardian?.sex === 'F' ? 2 : 1;
  return `${id}$${lien}$${first ? 1 : 0}$${legal === false ? 2 : 1}$${first ? 1 : 0}$0`;
}

function student(p: Person, guardians: Map<string, Person>): string {
  const structure = p.structures[0] ?? '';
  const legal = p.guardians.filter((g) => g.legal !== false);
  const father = legal.find((g) => guardians.get(g.id)?.sex === 'M');
  const mother = legal.find((g) => guardians.get(g.id)?.sex === 'F');
  return record(
    p,
    'Eleve',
    attr('ENTEleveStructRattachId', [structure]) +
      names(p) +
      attr('ENTPersonAutresPrenoms', p.otherFirstNames) +
      attr('personalTitle', [p.civility]) +
      attr(
        'ENTEleveParents',
        legal.map((g) => g.id),
      ) +
      attr('ENTElevePere', [father?.id]) +
      attr('ENTEleveMere', [mother?.id]) +
      attr(
        'ENTEleveAutoriteParentale',
        legal.map((g) => g.id),
      ) +
      attr(
        'ENTElevePersRelEleve',
        p.guardians.map((g, i) => relationValue(guardians.get(g.id), g.id, g.legal, i === 0)),
      ) +
      attr('ENTEleveStatutEleve', ['SCOLAIRE']) +
      attr('ENTPersonStructRattach', [structure]) +
      attr(
        'ENTEleveClasses',
        p.classes.map((c) => `${structure}$${c}`),
      ),
  );
}

function guardian(p: Person): string {
  return record(
    p,
    'PersRelEleve',
    names(p) +
      attr('personalTitle', [p.civility]) +
      attr('homePhone', []) +
      attr('telephoneNumber', []) +
      attr('mail', [p.email]) +
      attr('ENTPersonAdresse', []) +
      attr('ENTPersonCodePostal', [p.postalCode]) +
      attr('ENTPersonVille', []) +
      attr('ENTPersonPays', ['FRANCE']),
  );
}

function educNat(p: Person): string {
  const structure = p.structures[0] ?? '';
  const teacher = p.category === 'teacher';
  const h = hash(p.id);
  const [code, label] = SUBJECTS[h % SUBJECTS.length];
  const fonction = teacher ? `${structure}$ENS$ENSEIGNEMENT$${code}$${label}` : `${structure}$${FUNCTIONS[h % FUNCTIONS.length]}`;
  return record(
    p,
    'PersEducNat',
    names(p) +
      attr('ENTPersonAutresPrenoms', p.otherFirstNames) +
      attr('personalTitle', [p.civility]) +
      attr('mail', [p.email]) +
      attr('ENTPersonStructRattach', [structure]) +
      attr('ENTPersonFonctions', [fonction]) +
      attr('PersEducNatPresenceDevantEleves', [teacher ? 'O' : 'N']),
  );
}

export interface AafOptions {
  /** File name prefix (default `ENT_PASSERELLE_Complet_20250901`). */
  prefix?: string;
  /** Records per file (default 20,000). */
  perFile?: number;
  /** Folder inside the output (default `aaf/`). */
  folder?: string;
  /**
   * Schools to describe in an `EtabEducNat` file (the feed's structure id, UAI and name), as the
   * real feed does (`../shared/data/aaf-entcore`): the reader then gives the persons' structures as
   * UAI, so that `--uai` and the panel's school choice work on the data. None by default.
   */
  schools?: { structureId: string; uai: string; name: string }[];
}

/** One `EtabEducNat` record, with the attributes the reader uses (lib/directory/aaf.ts, `structureOf`). */
function school(s: { structureId: string; uai: string; name: string }): string {
  return (
    `<addRequest>\n<operationalAttributes><attr name="categorieStructure"><value>EtabEducNat</value></attr></operationalAttributes>\n` +
    `<identifier><id>${escapeText(s.structureId)}</id></identifier>\n<attributes>\n` +
    `${attr('ENTStructureJointure', [s.structureId])}${attr('ENTStructureUAI', [s.uai])}${attr('ENTEtablissementUAI', [s.uai])}` +
    `${attr('ENTStructureNomCourant', [s.name.toUpperCase()])}</attributes>\n</addRequest>\n`
  );
}

/**
 * AAF files of `directory` (students, guardians, teachers and staff; other categories have no AAF
 * form and are left out). Guardians' relations are written on their students, as the feed does.
 */
export function aafFiles(directory: Person[], options: AafOptions = {}): OutputFile[] {
  const prefix = options.prefix ?? 'ENT_PASSERELLE_Complet_20250901';
  const perFile = options.perFile ?? 20_000;
  const folder = options.folder ?? 'aaf/';
  const guardians = new Map<string, Person>();
  for (const p of directory) if (p.category === 'guardian') guardians.set(p.id, p);
  const groups: [string, Person[], (p: Person) => string][] = [
    ['Eleve', directory.filter((p) => p.category === 'student'), (p) => student(p, guardians)],
    ['PersRelEleve', [...guardians.values()], guardian],
    ['PersEducNat', directory.filter((p) => p.category === 'teacher' || p.category === 'staff'), educNat],
  ];
  const files: OutputFile[] = [];
  for (const [kind, persons, write] of groups) {
    const parts = Math.max(1, Math.ceil(persons.length / perFile));
    for (let part = 0; part < parts; part++) {
      const slice = persons.slice(part * perFile, (part + 1) * perFile);
      files.push({
        name: `${folder}${prefix}_${kind}_${String(part).padStart(4, '0')}.xml`,
        chunks: function* () {
          yield HEADER;
          for (const p of slice) yield `\n${write(p)}`;
          yield '</ficAlimMENESR>\n';
        },
      });
    }
  }
  if (options.schools?.length) {
    const schools = options.schools;
    files.push({
      name: `${folder}${prefix}_EtabEducNat_0000.xml`,
      chunks: function* () {
        yield HEADER;
        for (const s of schools) yield `\n${school(s)}`;
        yield '</ficAlimMENESR>\n';
      },
    });
  }
  return files;
}
