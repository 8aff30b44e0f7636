/**
 * The decisions hook of a step: its items and the user's decisions, read from the store (or taken
 * from the step the pairing just gave), and the one write path of the workbench's steps (`run`):
 * every store write (confirm, manual pair, reject, undo, validate, cancel, reopen) goes through it,
 * and what it refuses or fails is shown to the user (`notice`), never lost in the console.
 *
 * A pair with an account another person holds is not written: `taken` names the holder, and the
 * user moves the account (`moveTaken`: the holder loses the pair, issue 14 point 2) or keeps it
 * (`keepTaken`: the new choice is dropped).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Category } from '../../lib/core/person';
import { personKey } from '../../lib/matching/person-key';
import type { DecisionKind } from '../../lib/matching/types';
import {
  AccountTakenError,
  type DecisionInput,
  type DecisionRow,
  displayName,
  type HolderRow,
  loadDecisions,
  loadStep,
  type PasserelleDB,
  type PersonView,
  removeDecision,
  type StepItem,
  setDecision,
} from '../../lib/store';
import { t } from '../i18n';
import { parseShown, type ShownStep, sortItems } from './step-items';
import { holderName, storeErrorMessage } from './store-errors';

/** A message about the last write: refused or failed (`error`), done with a consequence to tell. */
export interface Notice {
  kind: 'error' | 'done' | 'warning';
  text: string;
}

/** A pair refused because its account is held: who holds it, and the pair asked. */
export interface Taken {
  holder: HolderRow;
  /** The holder as the screens show persons (class…), when their step is stored. */
  person?: PersonView;
  item: StepItem;
  decision: DecisionInput;
  account: PersonView;
}

export interface StepDecisions {
  /** The step's items in list order; null while they are read. */
  items: StepItem[] | null;
  decisions: Map<string, DecisionRow>;
  /** Records a decision; true when stored (false: refused, see `notice` or `taken`). */
  decide: (item: StepItem, kind: DecisionKind, account?: PersonView) => Promise<boolean>;
  undo: (item: StepItem) => Promise<boolean>;
  /** Runs one store write; its refusal or failure becomes `notice` and the result undefined. */
  run: <T>(write: () => Promise<T>, options?: { undo?: boolean; taken?: (e: AccountTakenError) => void }) => Promise<T | undefined>;
  notice: Notice | undefined;
  setNotice: (notice: Notice | undefined) => void;
  taken: Taken | undefined;
  moveTaken: () => Promise<boolean>;
  keepTaken: () => void;
}

export function useStepDecisions(
  db: PasserelleDB,
  rid: number,
  category: Category,
  given: ShownStep | undefined,
  onLoaded: (items: StepItem[], decisions: Map<string, DecisionRow>) => void,
): StepDecisions {
  const [items, setItems] = useState<StepItem[] | null>(null);
  const [decisions, setDecisions] = useState<Map<string, DecisionRow>>(new Map());
  const [notice, setNotice] = useState<Notice | undefined>();
  const [taken, setTaken] = useState<Taken | undefined>();
  const itemsRef = useRef<StepItem[]>([]);

  useEffect(() => {
    let live = true;
    setItems(null);
    const loading = given ? Promise.all([parseShown(given), given.decisions]) : Promise.all([loadStep(db, rid, category), loadDecisions(db, rid, category)]);
    loading.then(
      ([loaded, ds]) => {
        if (!live) return;
        const sorted = sortItems(loaded);
        const byId = new Map(ds.map((d) => [d.pronoteId, d]));
        itemsRef.current = sorted;
        setItems(sorted);
        setDecisions(byId);
        onLoaded(sorted, byId);
      },
      (e: unknown) => {
        if (!live) return;
        itemsRef.current = [];
        setItems([]);
        setNotice({ kind: 'error', text: storeErrorMessage(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [db, rid, category, given, onLoaded]);

  const run = useCallback(
    async <T>(write: () => Promise<T>, options: { undo?: boolean; taken?: (e: AccountTakenError) => void } = {}): Promise<T | undefined> => {
      setNotice(undefined);
      try {
        return await write();
      } catch (e) {
        if (e instanceof AccountTakenError && options.taken) options.taken(e);
        else setNotice({ kind: 'error', text: storeErrorMessage(e, options.undo) });
        return undefined;
      }
    },
    [],
  );

  /** The step's decisions as stored (a move or an undo changes another person's too). */
  const refresh = useCallback(async () => {
    const ds = await loadDecisions(db, rid, category);
    setDecisions(new Map(ds.map((d) => [d.pronoteId, d])));
  }, [db, rid, category]);

  const holderPerson = useCallback(
    async (holder: HolderRow): Promise<PersonView | undefined> => {
      const pool = holder.category === category ? itemsRef.current : await loadStep(db, rid, holder.category).catch(() => []);
      return pool.find((i) => i.proposal.pronoteId === holder.pronoteId)?.person;
    },
    [db, rid, category],
  );

  const decide = useCallback(
    async (item: StepItem, kind: DecisionKind, account?: PersonView): Promise<boolean> => {
      const decision: DecisionInput = {
        category,
        pronoteId: item.proposal.pronoteId,
        personKey: personKey(item.person),
        personLabel: displayName(item.person),
        kind,
        entId: account?.id,
        entLabel: account ? displayName(account) : undefined,
      };
      const row = await run(() => setDecision(db, rid, decision), {
        taken: (e) => {
          holderPerson(e.holder).then((person) => account && setTaken({ holder: e.holder, person, item, decision, account }));
        },
      });
      if (!row) return false;
      await run(refresh);
      return true;
    },
    [db, rid, category, run, refresh, holderPerson],
  );

  const moveTaken = useCallback(async (): Promise<boolean> => {
    if (!taken) return false;
    setTaken(undefined);
    const row = await run(() => setDecision(db, rid, taken.decision, { taken: 'move' }));
    if (!row) return false;
    await run(refresh);
    setNotice({ kind: 'done', text: t('wbMoved', [taken.account.id, holderName(taken.holder)]) });
    return true;
  }, [db, rid, taken, run, refresh]);

  const keepTaken = useCallback(() => {
    setTaken((was) => {
      if (was) setNotice({ kind: 'done', text: t('wbKept', [holderName(was.holder), was.account.id]) });
      return undefined;
    });
  }, []);

  const undo = useCallback(
    async (item: StepItem): Promise<boolean> => {
      const done = await run(
        async () => {
          await removeDecision(db, rid, category, item.proposal.pronoteId);
          return true;
        },
        { undo: true },
      );
      if (!done) return false;
      await run(refresh);
      return true;
    },
    [db, rid, category, run, refresh],
  );

  return { items, decisions, decide, undo, run, notice, setNotice, taken, moveTaken, keepTaken };
}
