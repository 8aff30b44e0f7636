/**
 * Time and peak memory of a piece of work, for the benchmarks. Peak memory is sampled (RSS and
 * JS heap) every 5 ms while the work runs, after a garbage collection when `--expose-gc` is on;
 * the samples only run when the work yields to the event loop (see `processPeakRssMiB`).
 */
export interface Measure<T> {
  value: T;
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident set size during the work, in MiB. */
  peakRssMiB: number;
  /** Peak JS heap used during the work, in MiB. */
  peakHeapMiB: number;
  /**
   * The process's own high-water mark of resident memory when the work ends (`ru_maxrss`), in MiB:
   * the true peak, which the 5 ms samples miss while synchronous work holds the event loop (they
   * then see only the start and the end). It counts what the process did before the work too: a
   * benchmark that wants the work's peak runs it in a fresh process.
   */
  processPeakRssMiB: number;
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
  return { value, seconds, peakRssMiB: peakRss / MiB, peakHeapMiB: peakHeap / MiB, processPeakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

export function formatMeasure(label: string, m: Measure<unknown>): string {
  return `${label}: ${m.seconds.toFixed(3)} s, peak RSS ${m.peakRssMiB.toFixed(0)} MiB, peak heap ${m.peakHeapMiB.toFixed(0)} MiB (sampled), process peak RSS so far ${m.processPeakRssMiB.toFixed(0)} MiB`;
}
