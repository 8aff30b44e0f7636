/**
 * The Person model: one shape for both sides of the rapprochement (issue 3).
 * Pronote side: read from the Pronote identifier export by `lib/pronote`.
 * Directory side: read from the ENT directory (AAF, CSV, pasted table) by `lib/directory`.
 * Where each field comes from, per format, is documented next to each reader.
 */
import type { Localized } from './localized';
import type { Category } from './vocabulary';
import type { RefusalCode } from './refusal';

export { CATEGORIES, type Category } from './vocabulary';

export type Side = 'pronote' | 'directory';

/** How the source id was obtained (PRODUCT.md, "Identifiers"). */
export type IdKind =
  | 'IDPN' // Pronote identifier of the partner export: what the ENT releases as idPronote
  | 'Ident' // partner-export Ident (staff have no IDPN: their pairing cannot feed idPronote)
  | 'pronote-field' // the Pronote identifier field of a sniffed layout
  | 'account' // ENT account id (AAF identifier/id, CSV id or login column)
  | 'synthetic'; // no id in the file (ONDE): made from category, names and birth date

/** A link from a student to a guardian or from a guardian to a student, by source id. */
export interface Relation {
  id: string;
  /** Legal representative (AAF `ENTElevePersRelEleve` 4th field = 1); undefined when unknown. */
  legal?: boolean;
}

export interface Person {
  side: Side;
  /** The file (or paste) the person was read from, as shown to the user. */
  source: string;
  /** Where in the source: "ligne 12" / "line 12", or an element path such as `Eleve[34]`. */
  location: string;
  category: Category;
  /** Pronote identifier (Pronote side) or ENT account id (directory side). Unique per side and category. */
  id: string;
  idKind: IdKind;
  /** Usage name (nom d'usage), as written in the file. */
  lastName: string;
  /** Birth name (nom de naissance, AAF `ENTPersonNomPatro`) when known. */
  birthName?: string;
  firstName: string;
  /** Other given names (AAF `ENTPersonAutresPrenoms`). */
  otherFirstNames: string[];
  /** ISO 8601 date `yyyy-mm-dd`, undefined when unknown or unreadable. */
  birthDate?: string;
  sex?: 'M' | 'F';
  /** Civility as written (`M.`, `Mme`, `Mlle`). */
  civility?: string;
  /** Class names without structure prefix (e.g. `3A`). */
  classes: string[];
  email?: string;
  postalCode?: string;
  /** For guardians: their children's ids (same side). */
  children: Relation[];
  /** For students: their guardians' ids (same side). */
  guardians: Relation[];
  /** Structure (school) UAI or id the person belongs to, when the source says so. */
  structures: string[];
  /** The record as read (attribute/column name → value), for display only. Always shown as text. */
  raw: Record<string, string>;
}

/** The fields that name and describe a person, in the order the screens and the mapping show them. */
const IDENTITY_FIELDS = ['lastName', 'birthName', 'firstName', 'otherFirstNames', 'birthDate', 'sex'] as const satisfies readonly (keyof Person)[];

/** The fields of a person that the screens show (always rendered as text); one list for the type and for `personView`. */
export const PERSON_VIEW_FIELDS = ['id', 'category', ...IDENTITY_FIELDS, 'classes', 'email', 'structures'] as const satisfies readonly (keyof Person)[];

/** What the screens show of a person (a subset of `Person`). */
export type PersonView = Pick<Person, (typeof PERSON_VIEW_FIELDS)[number]>;

/**
 * The fields of a person that a file's column or attribute may hold as they are, whatever the
 * side: the CSV column mapping (lib/directory/columns.ts) and the Pronote mapping profile
 * (lib/pronote/mapping-profile.ts) both build on this list.
 */
export const READABLE_PERSON_FIELDS = [...IDENTITY_FIELDS, 'civility', 'classes', 'email', 'postalCode'] as const satisfies readonly (keyof Person)[];

/** One of {@link READABLE_PERSON_FIELDS}. */
export type ReadablePersonField = (typeof READABLE_PERSON_FIELDS)[number];

/** A record that could not be read: never dropped silently (issue 3, "Everywhere"). */
export interface NotRead {
  source: string;
  /** Line, element or column where the record is. */
  location: string;
  reason: Localized;
  /** A short excerpt of the record, shown as text. */
  excerpt?: string;
}

/** A note about a file that is not an error (e.g. an AAF `EtabEducNat` file skipped). */
export interface ReadNote {
  source: string;
  message: Localized;
}

/** Whether a Pronote export lists every user or only those without a CAS identifier (seed §2). */
export type ExportKind = 'all-users' | 'without-cas-only' | 'unknown';

/** What a reader returns for one or several files of one side. */
export interface ReadResult {
  side: Side;
  persons: Person[];
  notRead: NotRead[];
  notes: ReadNote[];
  /** Pronote side only. */
  exportKind?: ExportKind;
}

/**
 * Thrown when a whole input cannot be used (not XML, wrong kind of file, too large...).
 * `code` says why, from the closed list of lib/core/refusal.ts.
 */
export class InputError extends Error {
  constructor(
    readonly userMessage: Localized,
    readonly source: string | undefined,
    readonly code: RefusalCode,
  ) {
    super(userMessage.en);
    this.name = 'InputError';
  }
}
