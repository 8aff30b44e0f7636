/**
 * Suggestions for the ENT admin helper (PRODUCT.md §2, issue 7): next to a Pronote person that the
 * ENT's import wizard did not recognise, the ENT account that the rapprochement of the same school
 * paired or proposed. The person is found by name (accent-, case- and hyphen-insensitive) and, when
 * the page shows it, class. Answered by the background from the store (`suggestions/query`).
 */
import { foldWords } from '../core/fold';
import type { Suggestion } from '../messages';
import { CATEGORIES, type Category } from '../core/person';
import { loadDecisions } from './decisions';
import { latestForSchool, openRapprochement } from './lifecycle';
import { loadStep } from './steps';
import { displayName } from './items';
import type { DecisionRow, PasserelleDB, Rapprochement, StepItem } from './schema';

const foldClass = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export interface SuggestionQuery {
  uai?: string;
  names: { lastName: string; firstName: string; className?: string }[];
}

/** The rapprochement to answer from: the open one when it is this school's (or no school is given), else the school's latest. */
async function rapprochementFor(db: PasserelleDB, uai: string | undefined): Promise<Rapprochement | undefined> {
  const open = await openRapprochement(db);
  if (!uai) return open;
  if (open && open.uai === uai.trim().toUpperCase()) return open;
  return latestForSchool(db, uai);
}

function suggestionOf(item: StepItem, decision: DecisionRow | undefined, category: Category): Suggestion | null {
  const { proposal, person } = item;
  if (decision?.kind === 'no-account') return null;
  let entId: string | undefined;
  let score = proposal.score;
  const why: string[] = [];
  if (decision && (decision.kind === 'confirmed' || decision.kind === 'manual')) {
    entId = decision.entId;
    score = 1;
    why.push(`decision:${decision.kind}`);
  } else {
    const rejected = decision?.kind === 'rejected' ? decision.entId : undefined;
    const candidate = proposal.candidates.find((c) => c.entId !== rejected);
    entId = proposal.status === 'auto' && proposal.entId !== rejected ? proposal.entId : candidate?.entId;
    score = proposal.status === 'auto' && entId === proposal.entId ? proposal.score : (candidate?.score ?? 0);
    why.push(`status:${proposal.status}`);
    const evidence = (proposal.status === 'auto' ? proposal.candidates[0] : candidate)?.evidence ?? [];
    for (const e of evidence) if (e.weight > 0) why.push(`${e.field}:${e.level}`);
  }
  if (!entId) return null;
  const index = proposal.candidates.findIndex((c) => c.entId === entId);
  const account = index >= 0 ? item.candidates[index] : undefined;
  return {
    lastName: account?.lastName ?? decision?.entLabel ?? '',
    firstName: account?.firstName ?? '',
    className: account?.classes[0],
    pronoteId: proposal.pronoteId,
    pronoteLabel: `${displayName(person)}${person.classes.length ? ` (${person.classes.join(', ')})` : ''}`,
    category,
    score,
    why,
  };
}

/**
 * Answers `suggestions/query`: one entry per name asked, the suggestion or null (no rapprochement,
 * no such person, several persons of that name and no class to tell them apart, or no account).
 */
export async function querySuggestions(db: PasserelleDB, query: SuggestionQuery): Promise<(Suggestion | null)[]> {
  const r = await rapprochementFor(db, query.uai);
  if (!r?.id) return query.names.map(() => null);
  const byName = new Map<string, { item: StepItem; category: Category }[]>();
  for (const category of CATEGORIES) {
    const items = await loadStep(db, r.id, category);
    for (const item of items) {
      const names = [item.person.lastName, item.person.birthName].filter((n): n is string => !!n);
      for (const last of names) {
        const k = `${foldWords(last)}|${foldWords(item.person.firstName)}`;
        const list = byName.get(k) ?? [];
        list.push({ item, category });
        byName.set(k, list);
      }
    }
  }
  const decisions = new Map((await loadDecisions(db, r.id)).map((d) => [`${d.category}\u0000${d.pronoteId}`, d]));
  return query.names.map(({ lastName, firstName, className }) => {
    let found = byName.get(`${foldWords(lastName)}|${foldWords(firstName)}`) ?? [];
    if (found.length > 1 && className) {
      const cls = foldClass(className);
      found = found.filter(({ item }) => item.person.classes.some((c) => foldClass(c) === cls));
    }
    if (found.length !== 1) return null;
    const { item, category } = found[0];
    return suggestionOf(item, decisions.get(`${category}\u0000${item.proposal.pronoteId}`), category);
  });
}
