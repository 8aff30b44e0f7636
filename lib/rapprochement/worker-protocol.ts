/**
 * Messages between the workbench (side panel) and its matching worker
 * (`entrypoints/sidepanel/matching.worker.ts`). Reading files, pairing and the directory search run
 * in the worker, so that the panel never freezes (PRODUCT.md, "Quality bars").
 */
import type { Localized } from '../core/localized';
import type { Category, Side } from '../core/person';
import type { InputFile } from '../input/source';
import type { PersonView } from '../core/person';
import type { LoadOutcome, Rapprochement } from '../store/schema';
import type { StageTimes } from '../store/stage-times';
import type { Paired } from './pipeline';

/**
 * Where a request's time went, for the benchmark: the worker's stages, and when (epoch ms,
 * `performance.timeOrigin + now()`) the worker got the request and posted its reply.
 */
export interface ReplyTimes {
  stages: StageTimes;
  receivedAt: number;
  repliedAt: number;
}

export type WorkerRequest =
  | { kind: 'load'; seq: number; rid: number; side: Side; files: InputFile[]; paste?: string; profile?: unknown }
  | { kind: 'pair'; seq: number; rid: number }
  /**
   * A directory search; with `categories`, those categories' hits first (the step's own pool), and
   * the other categories' after them only when `others` is true.
   */
  | { kind: 'search'; seq: number; rid: number; query: string; limit?: number; categories?: Category[]; others?: boolean }
  /** Store no pairing from now on (the worker is being let go; see worker-client.ts). */
  | { kind: 'cancel'; seq: number }
  /** The panel has drawn the step a pairing gave it: the worker writes the other steps now. */
  | { kind: 'shown'; seq: number };

export type WorkerReply =
  | { kind: 'loaded'; seq: number; outcome: LoadOutcome; times?: ReplyTimes }
  | { kind: 'progress'; seq: number; done: number; stage: string }
  | {
      kind: 'paired';
      seq: number;
      rapprochement: Rapprochement;
      proposals: number;
      /** The step on screen (its stored chunks, JSON of `StepItem[]`, and its decisions), when the pairing replaced it. */
      current?: Paired['current'];
      times?: ReplyTimes;
    }
  | { kind: 'results'; seq: number; hits: PersonView[]; size: number }
  /** A reader's message (bad file): nothing was stored. */
  | { kind: 'input-error'; seq: number; message: Localized }
  /** An internal fault. */
  | { kind: 'fault'; seq: number; message: string }
  /** After `loaded` or `paired`: their write is stored (the times now include it). */
  | { kind: 'saved'; seq: number; times: ReplyTimes }
  /** After `loaded` or `paired`: their write failed, nothing of it is stored. */
  | { kind: 'unsaved'; seq: number; message: string };
