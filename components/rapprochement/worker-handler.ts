/**
 * What the matching worker does with each request (see worker-protocol.ts), apart from the worker
 * wiring so that tests run it in-process: reading and pairing through `lib/store/pipeline`, and the
 * directory search, whose index is kept between keystrokes.
 */
import { DirectorySearch } from '../../lib/store/directory-search';
import { inputErrorMessage, loadSide, runPairing } from '../../lib/store/pipeline';
import { loadInput } from '../../lib/store/rapprochements';
import type { PasserelleDB } from '../../lib/store/schema';
import { Laps } from '../../lib/store/stage-times';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const epochNow = () => performance.timeOrigin + performance.now();

/** Returns a handler bound to one store; `post` sends replies (several per request: progress). */
export function createWorkerHandler(db: PasserelleDB, post: (reply: WorkerReply) => void) {
  let search: { rid: number; index: DirectorySearch } | undefined;

  async function handle(req: WorkerRequest): Promise<void> {
    const receivedAt = epochNow();
    const laps = new Laps();
    switch (req.kind) {
      case 'load': {
        const outcome = await loadSide(db, req.rid, req.side, req, laps);
        if (req.side === 'directory') search = undefined;
        post({ kind: 'loaded', seq: req.seq, outcome, times: { stages: laps.times, receivedAt, repliedAt: epochNow() } });
        return;
      }
      case 'pair': {
        let last = 0;
        const { rapprochement, proposals } = await runPairing(db, req.rid, (done, stage) => {
          const now = performance.now();
          // Progress at most every 50 ms: enough for the bar, few messages for the panel.
          if (now - last < 50 && done < 1) return;
          last = now;
          post({ kind: 'progress', seq: req.seq, done, stage });
        }, laps);
        post({ kind: 'paired', seq: req.seq, rapprochement, proposals, times: { stages: laps.times, receivedAt, repliedAt: epochNow() } });
        return;
      }
      case 'search': {
        if (search?.rid !== req.rid)
          search = { rid: req.rid, index: new DirectorySearch(await loadInput(db, req.rid, 'directory')) };
        post({ kind: 'results', seq: req.seq, hits: search.index.search(req.query, req.limit), size: search.index.size });
        return;
      }
    }
  }

  return (req: WorkerRequest): Promise<void> =>
    handle(req).catch((error: unknown) => {
      const message = inputErrorMessage(error);
      if (message) post({ kind: 'input-error', seq: req.seq, message });
      else post({ kind: 'fault', seq: req.seq, message: error instanceof Error ? error.message : String(error) });
    });
}
