import { describe, expect, it } from 'vitest';
import { speedVerdict } from '../../src/lib/bench/verdict.ts';

describe('speedVerdict', () => {
  it('a tight interval above 1 is a clear speed-up, below 1 a clear slow-down', () => {
    expect(speedVerdict({ speedup: 1.6, low: 1.57, high: 1.65 })).toEqual({ kind: 'faster', factor: 1.6 });
    const slower = speedVerdict({ speedup: 0.8, low: 0.78, high: 0.82 });
    expect(slower.kind).toBe('slower');
    expect((slower as { factor: number }).factor).toBeCloseTo(1.25, 6);
  });
  it('an interval that includes 1 is no clear difference (the 2.18x, 0.73-3.76x case of issue 12)', () => {
    expect(speedVerdict({ speedup: 2.18, low: 0.73, high: 3.76 })).toEqual({ kind: 'unclear', reason: 'includes-one' });
    expect(speedVerdict({ speedup: 1, low: 1, high: 1.02 })).toEqual({ kind: 'unclear', reason: 'includes-one' });
  });
  it('a very wide interval that excludes 1 is too noisy to state a size', () => {
    expect(speedVerdict({ speedup: 2, low: 1.2, high: 3.1 })).toEqual({ kind: 'unclear', reason: 'too-wide' });
    expect(speedVerdict({ speedup: 2, low: 1.4, high: 2.05 })).toMatchObject({ kind: 'faster' });
  });
  it('degenerate intervals are never called clear', () => {
    expect(speedVerdict({ speedup: 2, low: 0, high: 3 }).kind).toBe('unclear');
    expect(speedVerdict({ speedup: 2, low: Number.NaN, high: 3 }).kind).toBe('unclear');
  });
});
