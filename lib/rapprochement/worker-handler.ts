/**
 * What the matching worker does with each request (see worker-protocol.ts), apart from the worker
 * wiring so that tests run it in-process: reading and pairing through `lib/store/pipeline`, and the
 * directory search, whose index is kept between keystrokes.
 *
 * A load or a pairing is answered as soon as its result is final and its store transaction open;
 * the write then ends in the background and is confirmed by `saved` (or `unsaved` if it failed).
 * The persons read are kept in memory (`InputMemo`), so that pairing does not read them back.
 */
import { DirectorySearch } from '../store/directory-search';
import { InputMemo, inputErrorMessage, loadSide, type MatchedAhead, matchAhead, runPairing } from './pipeline';
import type { PasserelleDB } from '../store/schema';
import { Laps } from '../store/stage-times';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const epochNow = () => performance.timeOrigin + performance.now();

/** Returns a handler bound to one store; `post` sends replies (several per request: progress, saved). */
export function createWorkerHandler(db: PasserelleDB, post: (reply: WorkerReply) => void) {
  let search: { rid: number; loadId?: string; index: Promise<DirectorySearch> } | undefined;
  const memo = new InputMemo();
  /** Set by `cancel`: a pairing that ends after it is not stored. */
  let cancelled = false;
  /** The engine run once both sides are loaded, before "Lancer le rapprochement" (see `matchAhead`). */
  let ahead: { rid: number; result: Promise<MatchedAhead | undefined> } | undefined;
  /** Loads and pairings started: the engine runs ahead only if none started since its load. */
  let started = 0;
  /** Called when the panel has drawn the step a pairing gave it (`shown`). */
  let onShown: (() => void) | undefined;

  /** The search index of a rapprochement's directory, built once per loaded directory. */
  async function searchIndex(rid: number): Promise<DirectorySearch> {
    const row = await db.rapprochements.get(rid);
    const loadId = row?.directory?.loadId;
    if (search?.rid !== rid || search.loadId !== loadId) {
      const index = (row ? memo.get(db, row, 'directory') : Promise.resolve([])).then((p) => new DirectorySearch(p));
      search = { rid, loadId, index };
      // A failed build is not kept: the next keystroke tries again.
      index.catch(() => {
        if (search?.index === index) search = undefined;
      });
    }
    return search.index;
  }

  async function handle(req: WorkerRequest, sent: { reply: boolean }): Promise<void> {
    const receivedAt = epochNow();
    const laps = new Laps();
    const times = () => ({ stages: [...laps.times], receivedAt, repliedAt: epochNow() });
    switch (req.kind) {
      case 'load': {
        ahead = undefined;
        const mine = ++started;
        // Answered once the load is stored, not when its write starts: a panel closed right after
        // showing the counts must find them again, never the previous file silently back.
        const outcome = await loadSide(db, req.rid, req.side, req, { laps, memo });
        if (req.side === 'directory') search = undefined;
        sent.reply = true;
        post({ kind: 'loaded', seq: req.seq, outcome, times: times() });
        post({ kind: 'saved', seq: req.seq, times: times() });
        const r = outcome.rapprochement;
        if (!r.pronote || !r.directory || outcome.sniff) return;
        // Both sides are in: the engine runs now, while the user reads the counts; the pairing uses
        // its proposals if files, structure and decisions are still the same. Skipped when a load or
        // the pairing itself started first.
        const result: Promise<MatchedAhead | undefined> = new Promise((next) => setTimeout(next, 0)).then(() =>
          started === mine ? matchAhead(db, r, memo) : undefined,
        );
        result.catch(() => {}); // a failure here only means that the pairing runs the engine itself
        ahead = { rid: req.rid, result };
        return;
      }
      case 'pair': {
        started++;
        const early = ahead?.rid === req.rid ? ahead.result : undefined;
        ahead = undefined;
        let last = 0;
        const onProgress = (done: number, stage: string) => {
          const now = performance.now();
          // Progress at most every 50 ms: enough for the bar, few messages for the panel.
          if (now - last < 50 && done < 1) return;
          last = now;
          post({ kind: 'progress', seq: req.seq, done, stage });
        };
        const shown = new Promise<void>((resolve) => {
          onShown = resolve;
        });
        await runPairing(db, req.rid, onProgress, {
          laps,
          memo,
          ahead: early,
          pause: shown,
          onReady: ({ rapprochement, proposals, current }) => {
            // Thrown inside the store's transaction: it is aborted, nothing of the pairing is stored.
            if (cancelled) throw new Error('pairing cancelled');
            sent.reply = true;
            post({ kind: 'paired', seq: req.seq, rapprochement, proposals, current, times: times() });
          },
        });
        post({ kind: 'saved', seq: req.seq, times: times() });
        return;
      }
      case 'cancel':
        cancelled = true;
        return;
      case 'shown':
        onShown?.();
        return;
      case 'search': {
        // An empty query builds the index only (the panel asks when the search field gets the focus).
        const index = await searchIndex(req.rid);
        sent.reply = true;
        const hits = req.categories ? index.searchPools(req.query, req.limit ?? 30, req.categories, !!req.others) : index.search(req.query, req.limit);
        post({ kind: 'results', seq: req.seq, hits, size: index.size });
        return;
      }
    }
  }

  return (req: WorkerRequest): Promise<void> => {
    const sent = { reply: false };
    return handle(req, sent).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      // Answered already: the write that followed failed, and nothing of it was stored.
      if (sent.reply) return post({ kind: 'unsaved', seq: req.seq, message: text });
      const message = inputErrorMessage(error);
      if (message) post({ kind: 'input-error', seq: req.seq, message });
      else post({ kind: 'fault', seq: req.seq, message: text });
    });
  };
}
