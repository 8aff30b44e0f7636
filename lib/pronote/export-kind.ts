/**
 * Whether an export lists every user or only those without a CAS identifier (seed §2: option
 * « Uniquement les utilisateurs sans identifiants CAS »; DOMAIN.md "complet / partiel"). Only what the
 * file says is used: the root's attributes and text, and elements outside the person records.
 */
import { foldIdentifier } from '../core/fold';
import type { XmlNode } from '../input/xml';
import { compact } from '../input/words';
import type { ExportKind } from '../core/person';

const OPTION_NAME = /(sans|without)(les)?(identifiants?|ids?)?cas|uniquement.*cas|onlywithoutcas|nocasid/;
const ALL_NAME = /^(touslesutilisateurs|allusers|exportcomplet)$/;
const WITHOUT_TEXT = /(uniquement|seulement)? ?(les )?utilisateurs sans identifiants? cas|only users without (a )?cas|users without cas/;
const ALL_TEXT = /tous les utilisateurs|all users|export complet|complete export/;
const TRUE = /^(1|true|oui|o|yes|y|vrai|coche)$/;
const FALSE = /^(0|false|non|n|no|faux|decoche)$/;

function judge(name: string, value: string): ExportKind | undefined {
  const n = compact(name);
  const v = foldIdentifier(value);
  if (OPTION_NAME.test(n)) {
    if (TRUE.test(v)) return 'without-cas-only';
    if (FALSE.test(v)) return 'all-users';
  }
  if (ALL_NAME.test(n)) {
    if (TRUE.test(v)) return 'all-users';
    if (FALSE.test(v)) return 'without-cas-only';
  }
  if (WITHOUT_TEXT.test(v)) return 'without-cas-only';
  if (ALL_TEXT.test(v)) return 'all-users';
  return undefined;
}

/**
 * @param personElements element names of person records (their content is never looked at).
 * @returns the kind the file states, or `unknown`.
 */
export function exportKindOf(root: XmlNode, personElements: Set<string>): ExportKind {
  const visit = (node: XmlNode, depth: number): ExportKind | undefined => {
    for (const [k, v] of Object.entries(node.attrs)) {
      const kind = judge(k, v);
      if (kind) return kind;
    }
    if (node.text) {
      const kind = judge(node.name, node.text);
      if (kind) return kind;
    }
    if (depth >= 3) return undefined;
    for (const c of node.children) {
      if (personElements.has(c.name)) continue;
      const kind = visit(c, depth + 1);
      if (kind) return kind;
    }
    return undefined;
  };
  return visit(root, 0) ?? 'unknown';
}
