// Small helpers shared by the benchmarks: medians, percentiles, timing, and the closing line.
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = (sorted.length - 1) * p;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}

/** Milliseconds one call of `fn` takes. */
export async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Times `subject` and `floor` alternately `rounds` times (so machine noise hits both alike)
 * and returns both medians and their ratio. `beforeEach` (e.g. a forced GC) runs before every
 * timed call, outside the timing, so neither side pays for the other's garbage.
 */
export async function alternate(rounds: number, subject: () => unknown, floor: () => unknown, beforeEach: () => void = () => undefined) {
  const subjectTimes: number[] = [];
  const floorTimes: number[] = [];
  const timed = (fn: () => unknown) => {
    beforeEach();
    return time(fn);
  };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      floorTimes.push(await timed(floor));
      subjectTimes.push(await timed(subject));
    } else {
      subjectTimes.push(await timed(subject));
      floorTimes.push(await timed(floor));
    }
  }
  const subjectMedian = median(subjectTimes);
  const floorMedian = median(floorTimes);
  return { subjectMs: round(subjectMedian), floorMs: round(floorMedian), ratio: round(subjectMedian / floorMedian, 3) };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The last line of a benchmark: read by test/bench/run.mjs. */
export function report(result: Record<string, unknown>): void {
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}
