/**
 * From the engine's proposals to what the steps show, and from the steps and decisions to the
 * result rows of the writers. Pure functions (no database), used by the matching worker and the panel.
 */
import type { Proposal } from '../matching/types';
import { CATEGORIES, type Category, PERSON_VIEW_FIELDS, type Person, type PersonView } from '../core/person';
import type { SsoRow } from '../report/rapprochement-sso';
import type { DecisionRow, StepItem } from './schema';

/** The part of a person that the screens show (the fields `PERSON_VIEW_FIELDS` names, undefined ones included). */
export function personView(p: Person): PersonView {
  const view: Partial<Record<keyof PersonView, unknown>> = {};
  for (const field of PERSON_VIEW_FIELDS) view[field] = p[field];
  return view as PersonView;
}

const key = (category: string, id: string) => `${category}\u0000${id}`;

/**
 * Groups proposals by category, in the order of the Pronote persons, with the persons they name.
 * A candidate's directory person is looked up by id across categories (supervisors and inspectors
 * are compared with teacher and staff accounts: DOMAIN.md, "The AAF feed").
 * `only`: build that category's items only (the others are empty), e.g. the step shown first.
 */
export function buildStepItems(proposals: Proposal[], pronote: Person[], directory: Person[], only?: Category): Record<Category, StepItem[]> {
  const pronoteBy = new Map<string, Person>();
  for (const p of pronote) if (!only || p.category === only) pronoteBy.set(key(p.category, p.id), p);
  const directoryById = new Map<string, Person>();
  for (const p of directory) if (!directoryById.has(p.id)) directoryById.set(p.id, p);
  const views = new Map<string, PersonView>();
  const viewOf = (p: Person) => {
    const k = key(p.category, p.id);
    let v = views.get(k);
    if (!v) {
      v = personView(p);
      views.set(k, v);
    }
    return v;
  };
  const out = Object.fromEntries(CATEGORIES.map((c) => [c, [] as StepItem[]])) as Record<Category, StepItem[]>;
  for (const proposal of proposals) {
    if (only && proposal.category !== only) continue;
    const person = pronoteBy.get(key(proposal.category, proposal.pronoteId));
    if (!person) continue;
    const candidates: PersonView[] = [];
    for (const c of proposal.candidates) {
      const d = directoryById.get(c.entId);
      candidates.push(
        d ? viewOf(d) : { id: c.entId, category: proposal.category, lastName: '', firstName: '', otherFirstNames: [], classes: [], structures: [] },
      );
    }
    out[proposal.category].push({ proposal, person: personView(person), candidates });
  }
  return out;
}

/** "NOM Prénom", as the lists show a person. */
export function displayName(p: Pick<PersonView, 'lastName' | 'firstName'>): string {
  return [p.lastName, p.firstName].filter(Boolean).join(' ');
}

/**
 * A decision remembered from an earlier import that the engine applied (`proposal.decided`): kept
 * as the row's decision (its date is not carried by the proposal). A remembered rejection only
 * removed one account from the candidates, so it is not the person's outcome.
 */
function rememberedDecision(proposal: Proposal): SsoRow['decision'] {
  const kind = proposal.decided;
  if (kind === 'no-account') return { kind, decidedAt: '' };
  if ((kind === 'confirmed' || kind === 'manual') && proposal.entId) return { kind, entId: proposal.entId, decidedAt: '' };
  return undefined;
}

/**
 * The writers' rows: one per Pronote person of the steps, in step order, with the user's decision.
 * `pronote` (optional) gives the partner export's numeric `Ident` and students' guardians, for the
 * RapprochementSSO file.
 */
export function resultRows(steps: Record<Category, StepItem[]>, decisions: DecisionRow[], pronote: Person[] = []): SsoRow[] {
  const decided = new Map(decisions.map((d) => [key(d.category, d.pronoteId), d]));
  const persons = new Map(pronote.map((p) => [key(p.category, p.id), p]));
  const rows: SsoRow[] = [];
  for (const category of CATEGORIES) {
    for (const item of steps[category] ?? []) {
      const { proposal, person } = item;
      const d = decided.get(key(category, proposal.pronoteId));
      const full = persons.get(key(category, proposal.pronoteId));
      const ident = full?.raw?.Ident ?? (/^\d+$/.test(person.id) ? person.id : undefined);
      rows.push({
        category,
        pronoteId: proposal.pronoteId,
        status: proposal.status,
        score: proposal.score,
        engineEntId: proposal.entId,
        lastName: person.lastName,
        firstName: person.firstName,
        birthDate: person.birthDate,
        sex: person.sex,
        className: person.classes.length ? person.classes.join(', ') : undefined,
        decision: d ? { kind: d.kind, entId: d.entId, decidedAt: d.decidedAt } : rememberedDecision(proposal),
        ident,
        guardians: full?.guardians.map((g) => g.id),
      });
    }
  }
  return rows;
}
