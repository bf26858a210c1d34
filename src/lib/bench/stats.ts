// Summary statistics of a latency sample. Medians and percentiles, not means:
// latency distributions are skewed by GC pauses and scheduler hiccups.
import { quantileSorted, mean } from 'simple-statistics';

export interface Summary {
  n: number;
  median: number;
  p10: number;
  p90: number;
  q1: number;
  q3: number;
  /** Interquartile range q3 - q1. */
  iqr: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summarize needs at least one sample');
  if (samples.some((x) => !Number.isFinite(x))) throw new RangeError('samples must be finite numbers');
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(sorted, p);
  const q1 = q(0.25);
  const q3 = q(0.75);
  return {
    n: sorted.length,
    median: q(0.5),
    p10: q(0.1),
    p90: q(0.9),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: mean(sorted),
  };
}

/** Median of a sample (sorted copy; the input is not modified). */
export function medianOf(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median needs at least one sample');
  return quantileSorted([...samples].sort((a, b) => a - b), 0.5);
}
