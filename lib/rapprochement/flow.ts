/**
 * The one rapprochement flow (issue 14), shared by the command line (`scripts/reconcile.ts`) and
 * the side panel's worker (`pipeline.ts`): earlier decisions gathered and checked
 * (`earlier-decisions.ts`), the engine run (`lib/matching`), and the persons in conflict sent to
 * review with the reason `conflict`, the disputed account among their candidates. Pure: no store,
 * no file system.
 */
import { match } from '../matching';
import type { Candidate, Decision, Proposal, ScopeInfo, WeightsNote } from '../matching/types';
import type { Person } from '../core/person';
import { type CheckedDecisions, type Conflict, checkDecisions, type DecisionSource, personRef } from './earlier-decisions';

export interface FlowInput {
  pronote: Person[];
  directory: Person[];
  /** Every source of earlier decisions; see `checkDecisions` for their precedence. */
  sources?: DecisionSource[];
  onProgress?: (done: number, stage: string) => void;
  /**
   * The school: a UAI (the command line's `--uai`, the panel's chosen structure or the
   * rapprochement's UAI) or a structure id of the feed, as the directory persons' `structures` hold
   * it (`lib/directory` gives UAIs where the `EtabEducNat` file maps the feed's ids). Accounts of
   * other schools are weighed down, never removed (`MatchInput.scope`, issue 13 point 2).
   */
  scope?: string;
}

export interface FlowResult {
  /** One per Pronote person, in input order. */
  proposals: Proposal[];
  /** Directory accounts paired with nobody automatically. */
  unusedDirectory: number;
  conflicts: Conflict[];
  /** Earlier decisions about persons absent from the export (counted, not conflicts). */
  absentPersons: number;
  /** Decisions given to the engine. */
  applied: number;
  /** Those decisions themselves (a rejection among them: the account the admin refused, and when). */
  decisions: Decision[];
  /** The weights each category was weighed with: learned from this run's pairs, or fixed and why. */
  weights: WeightsNote[];
  /** The school's scope as the engine used it; `askedKnown: false` when the UAI asked is in no account. */
  scope: ScopeInfo;
}

/**
 * Pairs `pronote` with `directory` under the earlier decisions of `sources`: the checked ones are
 * given to the engine, the persons in conflict go to review (`reason: 'conflict'`; for
 * `same-account`, the account offered first among the candidates; for `account-absent`, the
 * engine's candidates, or unmatched when it has none). At most one automatic proposal per account,
 * as the engine guarantees (`lib/matching`, one-to-one).
 */
export function pairPersons(input: FlowInput): FlowResult {
  const checked = checkDecisions(input.sources ?? [], input.pronote, input.directory);
  const result = match({ pronote: input.pronote, directory: input.directory, decisions: checked.applied, onProgress: input.onProgress, scope: input.scope });
  const { proposals, demoted } = sendConflictsToReview(result.proposals, checked);
  return {
    proposals,
    unusedDirectory: result.unusedDirectory + demoted,
    conflicts: checked.conflicts,
    absentPersons: checked.absentPersons,
    applied: checked.applied.length,
    decisions: checked.applied,
    weights: result.weights,
    scope: result.scope,
  };
}

function sendConflictsToReview(proposals: Proposal[], checked: CheckedDecisions): { proposals: Proposal[]; demoted: number } {
  if (!checked.inConflict.size) return { proposals, demoted: 0 };
  const absent = new Set(checked.conflicts.filter((c) => c.kind === 'account-absent').map((c) => c.account));
  let demoted = 0;
  const out = proposals.map((p) => {
    const account = checked.inConflict.get(personRef(p.category, p.pronoteId));
    if (account === undefined) return p;
    if (p.status === 'auto') demoted++;
    if (absent.has(account) && !p.candidates.some((c) => c.entId === account)) {
      const best = p.candidates[0];
      return best
        ? { ...p, status: 'review' as const, entId: best.entId, score: best.score, reason: 'conflict' as const, decided: undefined }
        : { ...p, status: 'unmatched' as const, entId: undefined, score: 0, reason: 'conflict' as const, decided: undefined };
    }
    const own = p.candidates.find((c) => c.entId === account);
    const first: Candidate = own ?? { entId: account, score: 0, evidence: [] };
    const candidates = [first, ...p.candidates.filter((c) => c.entId !== account)];
    return { ...p, status: 'review' as const, entId: account, score: first.score, candidates, reason: 'conflict' as const, decided: undefined };
  });
  return { proposals: out, demoted };
}
