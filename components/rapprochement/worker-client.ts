/**
 * The panel's side of the matching worker: numbered requests, progress callbacks, and cancel
 * (the worker is terminated, so a pairing stops at once; the next request starts a fresh one).
 *
 * A load or a pairing is answered before its write has ended (worker-handler.ts). Until the worker
 * says `saved`, it is not terminated: a cancel (or the panel's teardown) first tells it to store no
 * pairing, then lets the writes end, then terminates it. If such a write fails, `onUnsaved` is told.
 */
import type { WorkerReply, WorkerRequest } from '../../lib/rapprochement/worker-protocol';

type Req = Exclude<WorkerRequest, { kind: 'cancel' | 'shown' }> extends infer R ? (R extends { seq: number } ? Omit<R, 'seq'> : never) : never;
type Final = Exclude<WorkerReply, { kind: 'progress' | 'saved' | 'unsaved' }>;

/** Rejects a request that was cancelled by the user. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

const epochNow = () => performance.timeOrigin + performance.now();

export class WorkerClient {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly pending = new Map<
    number,
    {
      resolve: (r: Final) => void;
      reject: (e: unknown) => void;
      onProgress?: (done: number, stage: string) => void;
      /** Epoch ms when the request was posted. */
      postedAt: number;
    }
  >();
  /** Requests answered whose write has not ended yet, per worker. */
  private readonly writing = new Map<Worker, Set<number>>();
  /** Workers let go (cancel): terminated once their writes have ended. */
  private readonly retiring = new Set<Worker>();

  /** Called when a write that followed a reply failed (nothing of it was stored). */
  onUnsaved: ((message: string) => void) | undefined;

  constructor(private readonly create: () => Worker) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    const writing = new Set<number>();
    this.writing.set(worker, writing);
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'saved' || reply.kind === 'unsaved') {
        writing.delete(reply.seq);
        // User Timing, for the benchmark and DevTools (nothing leaves the panel).
        if (reply.kind === 'saved') performance.mark('wb-saved', { detail: { ...reply.times, receivedBack: epochNow() } });
        else this.onUnsaved?.(reply.message);
        if (writing.size === 0 && this.retiring.has(worker)) this.terminate(worker);
        return;
      }
      const p = this.pending.get(reply.seq);
      if (!p) return;
      if (reply.kind === 'progress') {
        p.onProgress?.(reply.done, reply.stage);
        return;
      }
      this.pending.delete(reply.seq);
      if (reply.kind === 'loaded' || reply.kind === 'paired') {
        writing.add(reply.seq);
        if (reply.times) performance.mark('wb-reply', { detail: { kind: reply.kind, ...reply.times, postedAt: p.postedAt, receivedBack: epochNow() } });
      }
      p.resolve(reply);
    });
    worker.addEventListener('error', (event) => {
      if (worker !== this.worker) return;
      for (const p of this.pending.values()) p.reject(new Error(event.message || 'worker error'));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  private terminate(worker: Worker): void {
    worker.terminate();
    this.writing.delete(worker);
    this.retiring.delete(worker);
  }

  /** Starts the worker ahead of the first request (its script and its store open meanwhile). */
  warm(): void {
    this.ensure();
  }

  /** Tells the worker that the step a pairing gave has been drawn (it then writes the others). */
  shown(): void {
    this.worker?.postMessage({ kind: 'shown', seq: 0 } satisfies WorkerRequest);
  }

  /** Sends a request; resolves with the final reply (progress goes to `onProgress`). */
  request(req: Req, onProgress?: (done: number, stage: string) => void, transfer: Transferable[] = []): Promise<Final> {
    const seq = ++this.seq;
    return new Promise<Final>((resolve, reject) => {
      const worker = this.ensure();
      this.pending.set(seq, { resolve, reject, onProgress, postedAt: epochNow() });
      worker.postMessage({ ...req, seq } as WorkerRequest, transfer);
    });
  }

  /**
   * Stops everything in progress; pending requests reject with `CancelledError` at once. The worker
   * is terminated now, or, when a write is still ending, told to store no pairing and terminated
   * once the write has ended (so that what the panel shows as loaded is stored).
   */
  cancel(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
    if (!worker) return;
    if (this.writing.get(worker)?.size) {
      worker.postMessage({ kind: 'cancel', seq: 0 } satisfies WorkerRequest);
      this.retiring.add(worker);
    } else this.terminate(worker);
  }

  dispose(): void {
    this.cancel();
  }
}
