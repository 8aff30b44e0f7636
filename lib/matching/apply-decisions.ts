/**
 * Earlier decisions (issue 4): a person's decisions override the engine. Applied before any pairing.
 */
import { DIRECTORY_POOLS } from './categories';
import type { Prepared } from './compare';
import { personKey } from './person-key';
import { noAccountReason } from './reasons';
import type { MatchRun } from './run';
import type { Decision } from './types';

/**
 * Applies `decisions` to the run: a confirmed or manual pair takes its account (when the account is
 * still in the directory and free), "no account" leaves the person unmatched, a rejection keeps
 * that account from the person's candidates. The latest decision of a person wins.
 */
export function applyDecisions(run: MatchRun, decisions: Decision[]): void {
  if (!decisions.length) return;
  const { P, D, taken, outcomes, rejected } = run;
  const dirById = new Map<string, Prepared>();
  for (let i = 0; i < D.length; i++) dirById.set(`${D[i].person.category}|${D[i].person.id}`, D[i]);
  for (const [pi, list] of decisionsFor(P, decisions)) {
    const p = P[pi];
    for (const dec of list) {
      if (dec.kind === 'rejected') {
        if (dec.entId) rejected.set(pi, (rejected.get(pi) ?? new Set()).add(dec.entId));
        continue;
      }
      if (outcomes.has(pi)) continue;
      if (dec.kind === 'no-account') {
        outcomes.set(pi, { status: 'unmatched', cands: [], decided: 'no-account', reason: noAccountReason(p.person.category) });
        continue;
      }
      const account = DIRECTORY_POOLS[p.person.category].map((c) => dirById.get(`${c}|${dec.entId}`)).find((d) => d && !taken[d.index]);
      // An account gone from this year's directory: the decision no longer applies, the engine decides.
      if (!account) continue;
      taken[account.index] = 1;
      outcomes.set(pi, { status: 'auto', sure: true, pair: { d: account, w: Number.POSITIVE_INFINITY }, cands: [], decided: dec.kind });
    }
  }
}

/** Latest decision first; decisions found by Pronote id, else by a person key that only one person has. */
function decisionsFor(P: Prepared[], decisions: Decision[]): Map<number, Decision[]> {
  const byId = new Map<string, Decision[]>();
  const byKey = new Map<string, Decision[]>();
  for (const d of [...decisions].sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0))) {
    const idKey = `${d.category}|${d.pronoteId}`;
    byId.set(idKey, [...(byId.get(idKey) ?? []), d]);
    if (d.personKey) byKey.set(d.personKey, [...(byKey.get(d.personKey) ?? []), d]);
  }
  const out = new Map<number, Decision[]>();
  const keys = new Map<string, number>();
  const pk = P.map((p) => personKey(p.person));
  for (const k of pk) keys.set(k, (keys.get(k) ?? 0) + 1);
  P.forEach((p, i) => {
    const found = byId.get(`${p.person.category}|${p.person.id}`) ?? (keys.get(pk[i]) === 1 ? byKey.get(pk[i]) : undefined);
    if (found) out.set(p.index, found);
  });
  return out;
}
