/**
 * The command line flags of the quality benchmarks (variants.ts, weights.ts), read from
 * `process.argv` in the `--name=value` form.
 */

/** The value of `--name=value`, undefined when the flag is absent. */
export function flag(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** True when the bare flag `--name` is given. */
export function has(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** Which generated sets a benchmark runs: the flags both benchmarks take. */
export interface SetFlags {
  /** `--variants=base,hardest`: the variants' names, undefined for all. */
  chosen?: string[];
  /** `--seeds=1,2,3`: one group of seeds; by default 1–3 (tuned on) and 4–6 (never tuned on), reported apart. */
  seedGroups: number[][];
  /** `--size=10000`: Pronote persons per set (the directory is 1.2 times that). */
  size: number;
}

/** Reads `--variants`, `--seeds` and `--size` (see {@link SetFlags}). */
export function setFlags(): SetFlags {
  const seeds = flag('seeds');
  return {
    chosen: flag('variants')?.split(','),
    seedGroups: seeds
      ? [seeds.split(',').map(Number)]
      : [
          [1, 2, 3],
          [4, 5, 6],
        ],
    size: Number(flag('size') ?? 10_000),
  };
}
