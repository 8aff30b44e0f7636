/**
 * The manual search over the ENT directory, in the detail of an unrecognised person: the worker
 * answers each keystroke (`lib/store/directory-search.ts`), each hit with a "Rapprocher" button.
 */
import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { displayName, type PersonView } from '../../lib/store';
import { t } from '../i18n';
import { categoryLabel, personLine, tCount } from './format';
import type { WorkerClient } from './worker-client';

export function DirectorySearchBox({
  client,
  rid,
  input,
  onPair,
}: {
  client: WorkerClient;
  rid: number;
  input: Ref<HTMLInputElement>;
  onPair: (account: PersonView) => void;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PersonView[]>([]);
  const seq = useRef(0);

  const search = async (q: string) => {
    setQuery(q);
    const mine = ++seq.current;
    if (!q.trim()) {
      setHits([]);
      return;
    }
    const reply = await client.request({ kind: 'search', rid, query: q, limit: 30 });
    if (mine === seq.current && reply.kind === 'results') setHits(reply.hits);
  };

  return (
    <div class="wb-search">
      <label>
        {t('wbSearchLabel')}
        <input
          ref={input}
          type="search"
          value={query}
          placeholder={t('wbSearchPlaceholder')}
          // The worker builds the directory's index while the first letters are typed.
          onFocus={() => client.request({ kind: 'search', rid, query: '', limit: 0 }).catch(() => {})}
          onInput={(e) => search(e.currentTarget.value)}
        />
      </label>
      {query.trim() && (
        <p role="status" class="wb-hint">
          {tCount('wbSearchCount', hits.length)}
        </p>
      )}
      <ul class="wb-hits">
        {hits.map((h) => (
          <li key={`${h.category}-${h.id}`}>
            <span>
              {personLine(h)} <span class="wb-hint">· {categoryLabel(h.category)} · {h.id}</span>
            </span>
            <button type="button" onClick={() => onPair(h)} aria-label={t('wbPairWith', [displayName(h)])}>
              {t('wbPairThis')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
