/**
 * The manual search over the ENT directory, in the detail of a person (issue 14 point 3): the
 * step's own categories first (`DIRECTORY_POOLS`: supervisors and inspectors keep the teacher and
 * staff pools), each hit labelled with its category, the other categories only when the user asks
 * ("Chercher aussi parmi les …"), with a warning on each hit that would cross categories (a student
 * paired with a guardian account is almost always a mistake). The worker answers each keystroke
 * (`lib/store/directory-search.ts`).
 */
import type { Ref } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../lib/core/person';
import { DIRECTORY_POOLS } from '../../lib/matching';
import { displayName, type PersonView } from '../../lib/store';
import { t } from '../i18n';
import { categoryLabel, personLine, tCount } from './format';
import { STAGE_KEY } from './message-keys';
import type { WorkerClient } from './worker-client';

/** Categories as a phrase ("responsables, enseignants et personnels"). */
function stageList(categories: readonly Category[]): string {
  const names = categories.map((c) => t(STAGE_KEY[c]));
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${t('wbAnd')} ${names[names.length - 1]}`;
}

export function DirectorySearchBox({
  client,
  rid,
  category,
  directoryCounts,
  input,
  onPair,
}: {
  client: WorkerClient;
  rid: number;
  /** The step's category. */
  category: Category;
  /** Accounts per category in the directory (categories with none are not offered). */
  directoryCounts?: Partial<Record<Category, number>>;
  input: Ref<HTMLInputElement>;
  onPair: (account: PersonView) => void;
}) {
  const own = DIRECTORY_POOLS[category];
  const others = CATEGORIES.filter((c) => !own.includes(c) && (directoryCounts ? (directoryCounts[c] ?? 0) > 0 : true));
  const [query, setQuery] = useState('');
  const [wide, setWide] = useState(false);
  const [hits, setHits] = useState<PersonView[]>([]);
  const seq = useRef(0);
  const inputId = useId();

  const search = async (q: string, withOthers = wide) => {
    setQuery(q);
    const mine = ++seq.current;
    if (!q.trim()) {
      setHits([]);
      return;
    }
    const reply = await client.request({ kind: 'search', rid, query: q, limit: 30, categories: [...own], others: withOthers });
    if (mine === seq.current && reply.kind === 'results') setHits(reply.hits);
  };

  return (
    <div class="wb-search">
      <label for={inputId}>{t('wbSearchLabel')}</label>
      {/* The count sits on the input's line: what brings the input into view shows it too. */}
      <div class="wb-search-row">
        <input
          id={inputId}
          ref={input}
          type="search"
          value={query}
          placeholder={t('wbSearchPlaceholder')}
          // The worker builds the directory's index while the first letters are typed.
          onFocus={() => client.request({ kind: 'search', rid, query: '', limit: 0 }).catch(() => {})}
          onInput={(e) => search(e.currentTarget.value)}
        />
        <span role="status" class="wb-hint wb-search-count" data-testid="wb-search-count">
          {query.trim() ? tCount('wbSearchCount', hits.length) : ''}
        </span>
      </div>
      <p class="wb-hint">{t('wbSearchAmong', [stageList(own)])}</p>
      {others.length > 0 && (
        <label class="wb-inline">
          <input
            type="checkbox"
            checked={wide}
            data-testid="wb-search-others"
            onChange={(e) => {
              const next = e.currentTarget.checked;
              setWide(next);
              search(query, next);
            }}
          />
          {t('wbSearchOthers', [stageList(others)])}
        </label>
      )}
      <ul class="wb-hits">
        {hits.map((h) => {
          const crossing = !own.includes(h.category);
          return (
            <li key={`${h.category}-${h.id}`} class={crossing ? 'wb-hit-other' : undefined}>
              <span class="wb-hit-text">
                {personLine(h)} <span class={`wb-badge wb-cat wb-cat-${h.category}`}>{categoryLabel(h.category)}</span> <span class="wb-hint">{h.id}</span>
                {crossing && <span class="wb-warning wb-cross">⚠ {t('wbCrossCategory', [categoryLabel(h.category)])}</span>}
              </span>
              <button type="button" onClick={() => onPair(h)} aria-label={t('wbPairWith', [displayName(h)])}>
                {t('wbPairThis')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
