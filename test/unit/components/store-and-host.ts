/**
 * For the component tests that render against a store: before each test a new, empty store
 * (`useFreshDb`) and a fresh element in the document to render into; after it, the component
 * unmounted and the element removed, then the store deleted.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import type { PasserelleDB } from '../../../lib/store';
import { useFreshDb } from '../store/fresh-db';

export function useStoreAndHost(prefix: string, use: (db: PasserelleDB, host: HTMLElement) => void): void {
  let db: PasserelleDB;
  useFreshDb(prefix, (d) => {
    db = d;
  });
  let host: HTMLElement | undefined;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    use(db, host);
  });
  // Registered after useFreshDb's, so it runs first: the component lets go of the store before it is deleted.
  afterEach(() => {
    if (!host) return;
    render(null, host);
    host.remove();
  });
}
