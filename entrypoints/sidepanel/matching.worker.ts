/**
 * The workbench's worker: reads files, pairs, and searches the directory off the panel's main
 * thread. It opens the same IndexedDB store as the panel (same extension origin) and writes the
 * results there itself, so only small messages cross. Logic: lib/rapprochement/worker-handler.
 */
import { createWorkerHandler } from '../../lib/rapprochement/worker-handler';
import type { WorkerReply, WorkerRequest } from '../../lib/rapprochement/worker-protocol';
import { PasserelleDB } from '../../lib/store/schema';

const scope = self as unknown as Worker;
const db = new PasserelleDB();
// Opened now, while the user picks files (a failure shows at the first request that uses it).
db.open().catch(() => {});
const handle = createWorkerHandler(db, (reply: WorkerReply) => scope.postMessage(reply));
scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  handle(event.data);
});
