/**
 * Time spent in each stage of a worker request (read, store, pair...), so that the workbench
 * benchmark can say where the time goes. Measured locally with `performance.now()`; never sent
 * anywhere: the worker hands it to the panel, which records it as User Timing marks.
 */

/** `[stage, milliseconds]` in the order the stages ran. */
export type StageTimes = [stage: string, ms: number][];

/** Laps of a stopwatch: `lap(stage)` records the time since the previous lap (or the start). */
export class Laps {
  readonly times: StageTimes = [];
  private last = performance.now();

  lap(stage: string): void {
    const now = performance.now();
    this.times.push([stage, now - this.last]);
    this.last = now;
  }
}
