import { describe, expect, it } from 'vitest';
import { summarize, medianOf } from '../../src/lib/bench/stats.ts';
import { speedupInterval } from '../../src/lib/bench/bootstrap.ts';
import { seededRandom } from '../../src/lib/random.ts';

describe('summarize', () => {
  it('gives median, p10/p90 and IQR with linear interpolation (numpy default)', () => {
    // numpy.percentile([1..10], [10, 25, 50, 75, 90]) = [1.9, 3.25, 5.5, 7.75, 9.1]
    const s = summarize([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(s.n).toBe(10);
    expect(s.median).toBeCloseTo(5.5, 10);
    expect(s.p10).toBeCloseTo(1.9, 10);
    expect(s.p90).toBeCloseTo(9.1, 10);
    expect(s.q1).toBeCloseTo(3.25, 10);
    expect(s.q3).toBeCloseTo(7.75, 10);
    expect(s.iqr).toBeCloseTo(4.5, 10);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
    expect(s.mean).toBeCloseTo(5.5, 10);
  });

  it('is not moved by one outlier the way a mean is', () => {
    const s = summarize([5, 5, 5, 5, 500]);
    expect(s.median).toBe(5);
    expect(s.mean).toBe(104);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    expect(medianOf(xs)).toBe(2);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('rejects empty and non-finite samples', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => summarize([1, Number.NaN])).toThrow(/finite/);
    expect(() => medianOf([])).toThrow(RangeError);
  });
});

function noisy(seed: number, n: number, center: number, spread: number): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => center + (r() - 0.5) * spread);
}

describe('seededRandom', () => {
  it('repeats for a seed and differs across seeds, within [0, 1)', () => {
    const a = Array.from({ length: 5 }, seededRandom(7));
    const b = Array.from({ length: 5 }, seededRandom(7));
    const c = Array.from({ length: 5 }, seededRandom(8));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('speedupInterval', () => {
  it('reports median(baseline) / median(candidate) with an interval around it', () => {
    const baseline = noisy(1, 40, 40, 4);
    const candidate = noisy(2, 40, 20, 2);
    const r = speedupInterval(baseline, candidate, { seed: 3 });
    expect(r.speedup).toBeCloseTo(medianOf(baseline) / medianOf(candidate), 12);
    expect(r.speedup).toBeGreaterThan(1.8);
    expect(r.speedup).toBeLessThan(2.2);
    expect(r.low).toBeLessThanOrEqual(r.speedup);
    expect(r.high).toBeGreaterThanOrEqual(r.speedup);
    expect(r.low).toBeGreaterThan(1.5);
    expect(r.paired).toBe(true);
  });

  it('is reproducible for a seed', () => {
    const a = noisy(4, 30, 10, 3);
    const b = noisy(5, 30, 9, 3);
    expect(speedupInterval(a, b, { seed: 9 })).toEqual(speedupInterval(a, b, { seed: 9 }));
    expect(speedupInterval(a, b, { seed: 9 }).low).not.toBe(speedupInterval(a, b, { seed: 10 }).low);
  });

  it('gives an interval containing 1 for two samples of the same distribution', () => {
    const a = noisy(11, 60, 30, 10);
    const b = noisy(12, 60, 30, 10);
    const r = speedupInterval(a, b, { seed: 1 });
    expect(r.low).toBeLessThan(1);
    expect(r.high).toBeGreaterThan(1);
  });

  it('widens with more noise and narrows with more runs', () => {
    const narrow = speedupInterval(noisy(1, 200, 40, 2), noisy(2, 200, 20, 1));
    const wide = speedupInterval(noisy(1, 20, 40, 20), noisy(2, 20, 20, 10));
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });

  it('falls back to independent resampling for unequal sample sizes', () => {
    const r = speedupInterval(noisy(1, 30, 10, 1), noisy(2, 20, 5, 1));
    expect(r.paired).toBe(false);
    expect(r.low).toBeGreaterThan(1.5);
  });

  it('rejects empty samples and bad options', () => {
    expect(() => speedupInterval([], [1])).toThrow(RangeError);
    expect(() => speedupInterval([1], [1], { confidence: 1.5 })).toThrow(/confidence/);
    expect(() => speedupInterval([1], [1], { iterations: 0 })).toThrow(/iterations/);
  });
});
