/**
 * The panel's side of the matching worker: numbered requests, progress callbacks, and cancel
 * (the worker is terminated, so a pairing stops at once; the next request starts a fresh one).
 */
import type { WorkerReply, WorkerRequest } from './worker-protocol';

type Req = WorkerRequest extends infer R ? (R extends { seq: number } ? Omit<R, 'seq'> : never) : never;
type Final = Exclude<WorkerReply, { kind: 'progress' }>;

/** Rejects a request that was cancelled by the user. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

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

  constructor(private readonly create: () => Worker) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const p = this.pending.get(reply.seq);
      if (!p) return;
      if (reply.kind === 'progress') {
        p.onProgress?.(reply.done, reply.stage);
        return;
      }
      this.pending.delete(reply.seq);
      if ('times' in reply && reply.times) {
        // User Timing, for the benchmark and DevTools: where the request's time went (nothing leaves the panel).
        performance.mark('wb-reply', {
          detail: { kind: reply.kind, ...reply.times, postedAt: p.postedAt, receivedBack: performance.timeOrigin + performance.now() },
        });
      }
      p.resolve(reply);
    });
    worker.addEventListener('error', (event) => {
      for (const p of this.pending.values()) p.reject(new Error(event.message || 'worker error'));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  /** Sends a request; resolves with the final reply (progress goes to `onProgress`). */
  request(req: Req, onProgress?: (done: number, stage: string) => void, transfer: Transferable[] = []): Promise<Final> {
    const seq = ++this.seq;
    return new Promise<Final>((resolve, reject) => {
      const worker = this.ensure();
      this.pending.set(seq, { resolve, reject, onProgress, postedAt: performance.timeOrigin + performance.now() });
      worker.postMessage({ ...req, seq } as WorkerRequest, transfer);
    });
  }

  /** Stops everything in progress; pending requests reject with `CancelledError`. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
  }

  dispose(): void {
    this.cancel();
  }
}
