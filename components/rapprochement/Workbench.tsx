/**
 * The Rapprochement tab (PRODUCT.md §3, issue 5): start (school, year, mode, files), pairing in a
 * worker, the six steps, what is left, results. Everything is saved in the store as it happens, and
 * reopening the panel resumes the open rapprochement where the user was.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import './workbench.css';
import { openRapprochement, PasserelleDB, type Rapprochement, setOpenRapprochement } from '../../lib/store';
import { t } from '../i18n';
import { MODE_KEY } from './message-keys';
import { Results } from './Results';
import { SchoolEntPanel, type SchoolEntSources } from './SchoolEntPanel';
import { StartScreen } from './StartScreen';
import { type ShownStep, Steps } from './Steps';
import { StoredData } from './StoredData';
import { WorkerClient } from './worker-client';

export interface WorkbenchProps {
  /** Creates the matching worker (the entry point does it, so that Vite bundles the worker file). */
  createWorker: () => Worker;
  /** The store (tests give their own). */
  db?: PasserelleDB;
  /** Where the school's ENT proposals come from (the entry point gives the browser's). */
  schoolEntSources?: SchoolEntSources;
}

export function Workbench({ createWorker, db: given, schoolEntSources }: WorkbenchProps) {
  const db = useMemo(() => given ?? new PasserelleDB(), [given]);
  const client = useMemo(() => new WorkerClient(createWorker), [createWorker]);
  useEffect(() => () => client.dispose(), [client]);
  // undefined: nothing stored; null: still reading the store.
  const [r, setR] = useState<Rapprochement | undefined | null>(null);
  const [version, setVersion] = useState(0);
  const [shown, setShown] = useState<ShownStep | undefined>();
  const [unsaved, setUnsaved] = useState('');

  useEffect(() => {
    openRapprochement(db).then(setR, () => setR(undefined));
  }, [db]);

  const changed = useCallback((next: Rapprochement | undefined, step?: ShownStep) => {
    setR(next);
    setShown(step);
    setVersion((v) => v + 1);
  }, []);

  // A load or pairing shown before its write ended, whose write then failed: show what is stored.
  useEffect(() => {
    client.onUnsaved = (message) => {
      setUnsaved(message);
      openRapprochement(db).then(
        (stored) => changed(stored),
        () => changed(undefined),
      );
    };
    return () => {
      client.onUnsaved = undefined;
    };
  }, [client, db, changed]);

  const startNew = useCallback(async () => {
    await setOpenRapprochement(db, undefined);
    changed(undefined);
  }, [db, changed]);

  if (r === null) return <p aria-busy="true">{t('wbLoadingStore')}</p>;
  return (
    <div class="wb">
      {r && (
        <p class="wb-school">
          <strong>{r.schoolName || r.uai}</strong>
          {r.schoolName ? ` · ${r.uai}` : ''} · {r.year} · {t(MODE_KEY[r.mode])}
        </p>
      )}
      {r && r.id !== undefined && schoolEntSources && <SchoolEntPanel key={r.id} db={db} r={r} sources={schoolEntSources} onChange={(next) => setR(next)} />}
      {unsaved && (
        <p role="alert" class="wb-error">
          {t('wbUnsaved', [unsaved])}
        </p>
      )}
      {(!r || r.phase === 'start') && <StartScreen db={db} client={client} r={r} onChange={changed} />}
      {r && r.phase === 'steps' && <Steps db={db} client={client} r={r} onChange={changed} shown={shown} />}
      {r && r.phase === 'results' && <Results db={db} r={r} onChange={changed} onNew={startNew} />}
      <StoredData db={db} version={version} current={r} onOpen={changed} onDeleted={() => changed(undefined)} />
    </div>
  );
}
