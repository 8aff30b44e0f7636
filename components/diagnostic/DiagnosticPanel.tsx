import { singleOriginPattern } from '../../lib/permissions';
import { browser } from 'wxt/browser';
import type { FetchLike } from '../../lib/diagnose/instance';
import { send } from '../runtime';
import { CasResponseReader } from './CasResponseReader';
import { ExplainError } from './ExplainError';
import { InstanceCheck, type InstanceCheckDeps } from './InstanceCheck';
import { type KeyValueStore, RentreeChecklist } from './RentreeChecklist';
import './diagnostic.css';

/** The browser wiring of the Diagnostic tab. */
const browserDeps: InstanceCheckDeps = {
  fetchFn: ((url, init) => fetch(url, init)) as FetchLike,
  requestOrigin: (origin) => browser.permissions.request({ origins: [singleOriginPattern(origin)] }),
  notifyCasSeen: (root, casHost) => {
    send('instance/cas-seen', { root, casHost }).catch(() => {});
  },
};

const browserStore: KeyValueStore = {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (key, value) => browser.storage.local.set({ [key]: value }),
};

interface Props {
  deps?: InstanceCheckDeps;
  store?: KeyValueStore;
}

/**
 * The Diagnostic tab (PRODUCT.md §4): explain a pasted error message, check an instance, read a
 * CAS response, prepare the rentrée. Dependencies on the browser are injectable for tests.
 */
export function DiagnosticPanel({ deps = browserDeps, store = browserStore }: Props) {
  return (
    <div class="diag">
      <ExplainError />
      <InstanceCheck deps={deps} />
      <CasResponseReader />
      <RentreeChecklist store={store} />
    </div>
  );
}
