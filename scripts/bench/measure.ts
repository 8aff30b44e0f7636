/**
 * Time and peak memory of a piece of work, for the benchmarks. Peak memory is sampled (RSS and
 * JS heap) every 5 ms while the work runs, after a garbage collection when `--expose-gc` is on.
 */
export interface Measure<T> {
  value: T;
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident set size during the work, in MiB. */
  peakRssMiB: number;
  /** Peak JS heap used during the work, in MiB. */
  peakHeapMiB: number;
}

export async function measure<T>(work: () => T | Promise<T>): Promise<Measure<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  sample();
  clearInterval(timer);
  const MiB = 1024 * 1024;
  return { value, seconds, peakRssMiB: peakRss / MiB, peakHeapMiB: peakHeap / MiB };
}

export function formatMeasure(label: string, m: Measure<unknown>): string {
  return `${label}: ${m.seconds.toFixed(3)} s, peak RSS ${m.peakRssMiB.toFixed(0)} MiB, peak heap ${m.peakHeapMiB.toFixed(0)} MiB`;
}
