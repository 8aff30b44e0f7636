/**
 * A mapping profile: how to read persons from a Pronote export whose layout is not known exactly.
 * Proposed by the sniffer (sniffer.ts), confirmed or fixed by the user on the mapping screen, saved
 * as JSON and reused (issue 3, "Any other layout: sniff it"). The partner layout is itself a
 * profile (partner-export.ts), read with its own id rule.
 */
import { type Category, READABLE_PERSON_FIELDS, type ReadablePersonField } from '../core/person';

/** Person fields a profile can map, plus `ident` (the key that links refer to) and `category`. */
export type ProfileField = ReadablePersonField | 'id' | 'ident' | 'guardians' | 'children' | 'category';

export interface CategoryRule {
  /** Name of the repeated person element (namespace prefix removed), e.g. `Eleve`. */
  element: string;
  /**
   * When persons of several categories share one element name: the value of the profile's
   * `fields.category` that marks this category (compared folded: case and accents ignored).
   */
  categoryValue?: string;
}

/** JSON-serialisable. */
export interface MappingProfile {
  /** Name shown in the list of saved profiles. */
  name: string;
  /** Per category, how its persons are found. Categories absent from the file are left out. */
  categories: Partial<Record<Category, CategoryRule>>;
  /**
   * Per field, the attribute or child element that holds it (attributes first, then child
   * elements' text, or for `classes` every child element of that name, read from its text or its
   * `Nom`-like attribute). `guardians` (on students) and `children` (on guardians) are the link
   * fields: an attribute holding one id or a list (`a,b`, `a;b`), or child elements holding an
   * `Ident`-like attribute, a text, or such children (`Enfants/Enfant`: link-fields.ts).
   * `ident` is an optional second key when links between persons use it; when `id` is empty on a
   * record, `ident` is used as the id.
   */
  fields: Partial<Record<ProfileField, string>>;
}

/** The fields of a profile in the order the mapping screen shows them. */
export const PROFILE_FIELDS: readonly ProfileField[] = ['id', 'ident', 'category', ...READABLE_PERSON_FIELDS, 'guardians', 'children'];

/** True when `value` has the shape of a mapping profile (for profiles loaded from JSON). */
export function isMappingProfile(value: unknown): value is MappingProfile {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && !!v.categories && typeof v.categories === 'object' && !!v.fields && typeof v.fields === 'object';
}
