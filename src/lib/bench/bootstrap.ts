// Speedup of a candidate over a baseline as a ratio of medians, with a percentile bootstrap interval.
// The two samples come from interleaved runs (A B A B ...), so run i of A and run i of B saw the same
// machine state; resampling them as pairs keeps that pairing and gives a tighter, honest interval.
import { quantileSorted } from 'simple-statistics';
import { medianOf } from './stats.ts';
import { seededRandom } from '../random.ts';

export interface RatioInterval {
  /** median(baseline) / median(candidate): above 1 means the candidate is faster. */
  speedup: number;
  low: number;
  high: number;
  confidence: number;
  iterations: number;
  paired: boolean;
}

export interface BootstrapOptions {
  iterations?: number;
  confidence?: number;
  seed?: number;
}

export function speedupInterval(
  baseline: readonly number[],
  candidate: readonly number[],
  { iterations = 2000, confidence = 0.95, seed = 1 }: BootstrapOptions = {},
): RatioInterval {
  if (baseline.length === 0 || candidate.length === 0) throw new RangeError('both samples need at least one run');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError('iterations must be a positive integer');
  const random = seededRandom(seed);
  const paired = baseline.length === candidate.length;
  const ratios: number[] = new Array(iterations);
  const a = new Array<number>(baseline.length);
  const b = new Array<number>(candidate.length);
  for (let it = 0; it < iterations; it++) {
    if (paired) {
      for (let i = 0; i < a.length; i++) {
        const j = Math.floor(random() * a.length);
        a[i] = baseline[j]!;
        b[i] = candidate[j]!;
      }
    } else {
      for (let i = 0; i < a.length; i++) a[i] = baseline[Math.floor(random() * baseline.length)]!;
      for (let i = 0; i < b.length; i++) b[i] = candidate[Math.floor(random() * candidate.length)]!;
    }
    ratios[it] = medianOf(a) / medianOf(b);
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  return {
    speedup: medianOf(baseline) / medianOf(candidate),
    low: quantileSorted(ratios, tail),
    high: quantileSorted(ratios, 1 - tail),
    confidence,
    iterations,
    paired,
  };
}
