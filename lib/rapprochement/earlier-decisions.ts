/**
 * Earlier decisions gathered from every source (this rapprochement's own, a decisions CSV, the
 * pairs of a RapprochementSSO file, the school's remembered ones) and checked before the engine
 * sees them (issue 14, "Conflicting earlier decisions are reported"):
 * - two decisions giving one ENT account to two Pronote persons: neither is applied, both persons
 *   go to review with the reason `conflict` (`same-account`);
 * - a decision naming an account absent from the directory: not applied, the person goes to review
 *   (`account-absent`);
 * - a decision about a person absent from the export (former students, partial exports): counted,
 *   not a conflict.
 * PRODUCT.md: "at any time an ENT account is paired with at most one Pronote person".
 */
import { DIRECTORY_POOLS } from '../matching';
import { personKey } from '../matching/person-key';
import type { Decision } from '../matching/types';
import type { Category, Person } from '../core/person';

/** Where a set of decisions comes from, in order of precedence (the first wins for one person). */
export type DecisionOrigin = 'own' | 'file' | 'pronote-file' | 'remembered';

/** Decisions of one source: `source` names it for the user (a file name, or `remembered`/`own`). */
export interface DecisionSource {
  origin: DecisionOrigin;
  source: string;
  decisions: Decision[];
}

/** A conflict among earlier decisions, as `summary.json` lists it (issue 14). */
export interface Conflict {
  kind: 'same-account' | 'account-absent';
  /** The source(s) of the decisions in conflict, comma-separated when several. */
  source: string;
  /** The ENT account named. */
  account: string;
  /** The Pronote ids of the persons concerned, sorted. */
  persons: string[];
  /** Their category (the first person's, for `same-account` across categories). */
  category: Category;
}

/** The decisions to give the engine, and what was set aside. */
export interface CheckedDecisions {
  /** To give `match()`: pair decisions free of conflict, every rejection, every "no account". */
  applied: Decision[];
  conflicts: Conflict[];
  /** Per Pronote person (`category\0pronoteId`) in conflict: the account to offer among its candidates. */
  inConflict: Map<string, string>;
  /** Decisions naming no person of the export (former students, partial exports). */
  absentPersons: number;
}

const ORDER: DecisionOrigin[] = ['own', 'file', 'pronote-file', 'remembered'];

export const personRef = (category: string, pronoteId: string) => `${category}\u0000${pronoteId}`;

const pairs = (d: Decision) => (d.kind === 'confirmed' || d.kind === 'manual') && !!d.entId;

/**
 * Finds the person each decision is about, as the engine does (`lib/matching` `decisionsFor`):
 * by category and Pronote id (or the partner export's `Ident`), else by a person key that only one
 * person of the export has.
 * Returns the Pronote id found, or undefined when the person is not in the export.
 */
function resolver(pronote: readonly Person[]): (d: Decision) => string | undefined {
  const ids = new Set(pronote.map((p) => personRef(p.category, p.id)));
  // A RapprochementSSO file names persons by the partner export's `Ident`, where ids may be IDPN.
  const byIdent = new Map<string, string>();
  for (const p of pronote) if (p.raw?.Ident && p.raw.Ident !== p.id) byIdent.set(personRef(p.category, p.raw.Ident), p.id);
  let byKey: Map<string, string | null> | undefined;
  return (d) => {
    const ref = personRef(d.category, d.pronoteId);
    if (ids.has(ref)) return d.pronoteId;
    const viaIdent = byIdent.get(ref);
    if (viaIdent !== undefined) return viaIdent;
    if (!d.personKey) return undefined;
    if (!byKey) {
      byKey = new Map();
      for (const p of pronote) {
        const k = personKey(p);
        byKey.set(k, byKey.has(k) ? null : personRef(p.category, p.id));
      }
    }
    const found = byKey.get(d.personKey);
    if (!found) return undefined;
    const [category, id] = found.split('\u0000');
    return category === d.category ? id : undefined;
  };
}

/**
 * Checks the decisions of every source against both sides. Each person's decisions are taken from
 * the first source, in `DecisionOrigin` order, that has any about it (this rapprochement's own
 * override a file, which overrides the remembered ones); within it, the latest pair or "no
 * account" and every rejection. Then each account given to several persons is a `same-account` conflict, except that a
 * decision of this rapprochement (`own`, already checked by the store) is kept over earlier ones;
 * an account not in the directory pools of the person's category is `account-absent`.
 * Pure; the decisions returned have `pronoteId` set to the person found.
 */
export function checkDecisions(sources: readonly DecisionSource[], pronote: readonly Person[], directory: readonly Person[]): CheckedDecisions {
  const resolve = resolver(pronote);
  const accounts = new Map<Category, Set<string>>();
  for (const d of directory) {
    const s = accounts.get(d.category);
    if (s) s.add(d.id);
    else accounts.set(d.category, new Set([d.id]));
  }
  const inDirectory = (category: Category, id: string) => DIRECTORY_POOLS[category].some((c) => accounts.get(c)?.has(id));

  const sorted = [...sources].sort((a, b) => ORDER.indexOf(a.origin) - ORDER.indexOf(b.origin));
  const chosen = new Map<string, { d: Decision; from: DecisionSource }>();
  const applied: Decision[] = [];
  const owner = new Map<string, DecisionSource>();
  let absentPersons = 0;
  for (const from of sorted) {
    const latest = [...from.decisions].sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0));
    for (const raw of latest) {
      const id = resolve(raw);
      if (id === undefined) {
        absentPersons++;
        continue;
      }
      const d = id === raw.pronoteId ? raw : { ...raw, pronoteId: id };
      const ref = personRef(d.category, id);
      // The person belongs to the first source that decided about it: later sources are overridden.
      const first = owner.get(ref);
      if (first && first !== from) continue;
      owner.set(ref, from);
      if (d.kind === 'rejected') {
        applied.push(d);
        continue;
      }
      if (!chosen.has(ref)) chosen.set(ref, { d, from });
    }
  }

  const conflicts: Conflict[] = [];
  const inConflict = new Map<string, string>();
  const byAccount = new Map<string, { d: Decision; from: DecisionSource }[]>();
  for (const entry of chosen.values()) {
    const { d, from } = entry;
    if (!pairs(d)) {
      applied.push(d);
      continue;
    }
    const account = d.entId as string;
    // This rapprochement's own may cross categories (a manual pair the user chose, warned).
    const present = from.origin === 'own' ? [...accounts.values()].some((ids) => ids.has(account)) : inDirectory(d.category, account);
    if (!present) {
      conflicts.push({ kind: 'account-absent', source: from.source, account, persons: [d.pronoteId], category: d.category });
      inConflict.set(personRef(d.category, d.pronoteId), account);
      continue;
    }
    const list = byAccount.get(account);
    if (list) list.push(entry);
    else byAccount.set(account, [entry]);
  }
  for (const [account, list] of byAccount) {
    if (list.length === 1) {
      applied.push(list[0].d);
      continue;
    }
    // The store keeps this rapprochement's own decisions one-to-one: at most one is `own`.
    const own = list.find((e) => e.from.origin === 'own');
    if (own) applied.push(own.d);
    const set = list.filter((e) => e !== own);
    for (const e of set) inConflict.set(personRef(e.d.category, e.d.pronoteId), account);
    conflicts.push({
      kind: 'same-account',
      source: [...new Set(list.map((e) => e.from.source))].join(', '),
      account,
      persons: list.map((e) => e.d.pronoteId).sort(),
      category: list[0].d.category,
    });
  }
  conflicts.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.kind < b.kind ? -1 : 1));
  return { applied, conflicts, inConflict, absentPersons };
}
