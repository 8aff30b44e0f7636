/**
 * The decisions hook of a step: its items and the user's decisions, read from the store (or taken
 * from the step the pairing just gave), and the writes that change a decision.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Category } from '../../lib/core/person';
import { personKey } from '../../lib/matching/person-key';
import type { DecisionKind } from '../../lib/matching/types';
import {
  type DecisionRow,
  displayName,
  loadDecisions,
  loadStep,
  type PasserelleDB,
  type PersonView,
  removeDecision,
  type StepItem,
  setDecision,
} from '../../lib/store';
import { parseShown, type ShownStep, sortItems } from './step-items';

export interface StepDecisions {
  /** The step's items in list order; null while they are read. */
  items: StepItem[] | null;
  decisions: Map<string, DecisionRow>;
  decide: (item: StepItem, kind: DecisionKind, account?: PersonView) => Promise<void>;
  undo: (item: StepItem) => Promise<void>;
  error: string;
}

export function useStepDecisions(db: PasserelleDB, rid: number, category: Category, given: ShownStep | undefined, onLoaded: (items: StepItem[]) => void): StepDecisions {
  const [items, setItems] = useState<StepItem[] | null>(null);
  const [decisions, setDecisions] = useState<Map<string, DecisionRow>>(new Map());
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setItems(null);
    const loading = given ? Promise.all([parseShown(given), given.decisions]) : Promise.all([loadStep(db, rid, category), loadDecisions(db, rid, category)]);
    loading.then(([loaded, ds]) => {
      if (!live) return;
      setItems(sortItems(loaded));
      setDecisions(new Map(ds.map((d) => [d.pronoteId, d])));
      onLoaded(loaded);
    });
    return () => {
      live = false;
    };
  }, [db, rid, category, given, onLoaded]);

  const decide = useCallback(
    async (item: StepItem, kind: DecisionKind, account?: PersonView) => {
      setError('');
      try {
        const row = await setDecision(db, rid, {
          category,
          pronoteId: item.proposal.pronoteId,
          personKey: personKey(item.person),
          kind,
          entId: account?.id,
          entLabel: account ? displayName(account) : undefined,
        });
        setDecisions((m) => new Map(m).set(row.pronoteId, row));
      } catch (e) {
        setError(String(e));
      }
    },
    [db, rid, category],
  );

  const undo = useCallback(
    async (item: StepItem) => {
      await removeDecision(db, rid, category, item.proposal.pronoteId);
      setDecisions((m) => {
        const next = new Map(m);
        next.delete(item.proposal.pronoteId);
        return next;
      });
    },
    [db, rid, category],
  );

  return { items, decisions, decide, undo, error };
}
