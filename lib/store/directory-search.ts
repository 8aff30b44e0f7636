/**
 * The manual search over the whole ENT directory (PRODUCT.md §3: "a fast directory search"):
 * MiniSearch, accent- and case-insensitive, typo-tolerant, prefix matching so that it answers as
 * the user types. Built once per directory (in the matching worker), queried per keystroke.
 */
import { foldWords } from '../core/fold';
import MiniSearch from 'minisearch';
import { CATEGORIES, type Category, type Person } from '../core/person';
import { personView } from './items';
import type { PersonView } from '../core/person';

interface Doc {
  key: number;
  lastName: string;
  birthName: string;
  firstName: string;
  classes: string;
  email: string;
  id: string;
}

export class DirectorySearch {
  private readonly index: MiniSearch<Doc>;
  private readonly persons: Person[];

  /** Indexes `persons` (all categories). Cost: about 1 s per 100,000 persons. */
  constructor(persons: Person[]) {
    this.persons = persons;
    this.index = new MiniSearch<Doc>({
      idField: 'key',
      fields: ['lastName', 'birthName', 'firstName', 'classes', 'email', 'id'],
      tokenize: (text) => text.split(/[\s\-'’.,;@_/]+/u).filter(Boolean),
      processTerm: (term) => foldWords(term) || null,
      searchOptions: {
        prefix: true,
        // Two edits from 5 letters: two neighbouring letters swapped (THOMSA for THOMAS) count as two.
        fuzzy: (term) => (term.length <= 3 ? 0 : term.length === 4 ? 1 : 2),
        boost: { lastName: 3, birthName: 2, firstName: 2 },
        combineWith: 'AND',
      },
    });
    this.index.addAll(
      persons.map((p, key) => ({
        key,
        lastName: p.lastName,
        birthName: p.birthName ?? '',
        firstName: [p.firstName, ...p.otherFirstNames].join(' '),
        classes: p.classes.join(' '),
        email: p.email ?? '',
        id: p.id,
      })),
    );
  }

  get size(): number {
    return this.persons.length;
  }

  /**
   * The best `limit` directory persons for `query` (names, class, email or account id), best first.
   * With `categories`, only persons of those categories (the step's own pool, issue 14 point 3:
   * the other categories only when the user asks).
   */
  search(query: string, limit = 30, categories?: readonly Category[]): PersonView[] {
    const q = query.trim();
    if (!q) return [];
    const filter = categories ? (r: { id: unknown }) => categories.includes(this.persons[r.id as number].category) : undefined;
    let hits = this.index.search(q, { filter });
    // A typo in one word must not hide everything: fall back to any word matching.
    if (hits.length === 0) hits = this.index.search(q, { combineWith: 'OR', filter });
    return hits.slice(0, limit).map((h) => personView(this.persons[h.id as number]));
  }

  /**
   * The search of a step: the `own` categories' best `limit` persons first, then, when `others` is
   * true, the best `limit` of every other category. Each hit carries its category (`PersonView`).
   */
  searchPools(query: string, limit: number, own: readonly Category[], others: boolean): PersonView[] {
    const first = this.search(query, limit, own);
    if (!others) return first;
    return [
      ...first,
      ...this.search(
        query,
        limit,
        CATEGORIES.filter((c) => !own.includes(c)),
      ),
    ];
  }
}
