/**
 * The worker side of `matching-chromium.ts`: reads the files it is sent with the readers, then
 * times the engine's first run in this fresh worker (nothing compiled, no name normalised yet, as
 * in the side panel's worker) and three more runs. Posts `MatchingTimes` back.
 */
import { readDirectory } from '../../../lib/directory';
import type { InputFile } from '../../../lib/input/source';
import { match } from '../../../lib/matching';
import { readPronoteExport } from '../../../lib/pronote';

export interface MatchingTimes {
  persons: number;
  accounts: number;
  /** Milliseconds. */
  readPronote: number;
  readDirectory: number;
  firstRun: number;
  moreRuns: number[];
}

const scope = self as unknown as { onmessage: (e: MessageEvent) => void; postMessage: (m: unknown) => void };
scope.onmessage = (e: MessageEvent<{ pronote: InputFile[]; directory: InputFile[] }>) => {
  const timed = <T>(work: () => T): [T, number] => {
    const start = performance.now();
    const value = work();
    return [value, performance.now() - start];
  };
  const [p, readPronote] = timed(() => readPronoteExport(e.data.pronote));
  const [d, readDir] = timed(() => readDirectory(e.data.directory));
  const input = { pronote: p.persons, directory: d.persons };
  const [, firstRun] = timed(() => match(input));
  const moreRuns = [0, 1, 2].map(() => timed(() => match(input))[1]);
  const times: MatchingTimes = {
    persons: p.persons.length,
    accounts: d.persons.length,
    readPronote,
    readDirectory: readDir,
    firstRun,
    moreRuns,
  };
  scope.postMessage(times);
};
