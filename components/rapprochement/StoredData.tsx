/**
 * What is stored, in one line, the other stored rapprochements (several schools and years can be
 * kept), and "Supprimer toutes les données" with a confirmation in a modal dialog (PRODUCT.md §3).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import {
  deleteAllData,
  listRapprochements,
  type PasserelleDB,
  type Rapprochement,
  type StoredCounts,
  setOpenRapprochement,
  storedCounts,
} from '../../lib/store';
import { t } from '../i18n';
import { Dialog } from './Dialog';
import { tCount } from './format';

export function StoredData({
  db,
  version,
  current,
  onOpen,
  onDeleted,
}: {
  db: PasserelleDB;
  version: number;
  current: Rapprochement | undefined;
  onOpen: (r: Rapprochement) => void;
  onDeleted: () => void;
}) {
  const [counts, setCounts] = useState<StoredCounts | undefined>();
  const [all, setAll] = useState<Rapprochement[]>([]);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    // A live query, so the line follows each decision as it is written, not only the next import.
    const counts = liveQuery(() => storedCounts(db)).subscribe({ next: setCounts, error: () => {} });
    listRapprochements(db).then(setAll, () => {});
    return () => counts.unsubscribe();
  }, [db, version]);

  return (
    <section class="wb-stored" aria-label={t('wbStoredLabel')}>
      {all.length > 1 && (
        <label>
          {t('wbOtherRapprochements')}
          <select
            value={current?.id ?? ''}
            onChange={async (e) => {
              const id = Number(e.currentTarget.value);
              const r = all.find((x) => x.id === id);
              if (r) {
                await setOpenRapprochement(db, id);
                onOpen(r);
              }
            }}
          >
            {all.map((r) => (
              <option key={r.id} value={r.id}>
                {[r.uai, r.schoolName, r.year].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </label>
      )}
      <p data-testid="wb-stored">{counts ? t('wbStored', [tCount('wbStoredPersons', counts.persons), tCount('wbStoredDecisions', counts.decisions)]) : ''}</p>
      <button type="button" class="wb-danger" onClick={() => setAsking(true)}>
        {t('wbDeleteAll')}
      </button>
      {asking && (
        <Dialog title={t('wbDeleteAll')} onClose={() => setAsking(false)} testId="wb-delete-dialog">
          <p>{t('wbDeleteQuestion')}</p>
          <div class="wb-buttons">
            <button
              type="button"
              class="wb-danger"
              onClick={async () => {
                await deleteAllData(db);
                setAsking(false);
                onDeleted();
              }}
            >
              {t('wbDeleteConfirm')}
            </button>
            <button type="button" data-autofocus onClick={() => setAsking(false)}>
              {t('wbDeleteKeep')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
