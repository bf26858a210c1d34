// Hand-computed cases for the affine quantization math in src/lib/quant.
import { describe, expect, it } from 'vitest';
import { chooseParams, channelOf, integerRange, paramsForRange, roundHalfAwayFromZero } from '../../src/lib/quant/params.ts';
import { dequantizeTensor, gridValues, quantizeTensor, quantizeValue, roundTrip } from '../../src/lib/quant/quantize.ts';
import { errorMetrics } from '../../src/lib/quant/metrics.ts';
import { histogram } from '../../src/lib/quant/histogram.ts';
import { runExperiment } from '../../src/lib/quant/experiment.ts';

describe('integerRange', () => {
  it('uses the narrow signed range for symmetric (int8 weights: -127..127)', () => {
    expect(integerRange(8, true)).toEqual({ qmin: -127, qmax: 127 });
    expect(integerRange(4, true)).toEqual({ qmin: -7, qmax: 7 });
    expect(integerRange(2, true)).toEqual({ qmin: -1, qmax: 1 });
  });
  it('uses the full range for asymmetric, signed or unsigned', () => {
    expect(integerRange(8, false)).toEqual({ qmin: -128, qmax: 127 });
    expect(integerRange(8, false, true)).toEqual({ qmin: 0, qmax: 255 });
    expect(integerRange(3, false, true)).toEqual({ qmin: 0, qmax: 7 });
  });
  it('rejects bit widths outside 2..8', () => {
    expect(() => integerRange(1, true)).toThrow(RangeError);
    expect(() => integerRange(9, false)).toThrow(/2 to 8/);
    expect(() => integerRange(4.5, false)).toThrow(RangeError);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero like std::round', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(-2.4)).toBe(-2);
    expect(roundHalfAwayFromZero(0.49)).toBe(0);
  });
});

describe('paramsForRange', () => {
  it('symmetric int8: scale = max|x| / 127, zero point 0', () => {
    const p = paramsForRange(-1, 1.27, integerRange(8, true), true);
    expect(p.zeroPoint).toBe(0);
    expect(p.scale).toBe(Math.fround(0.01));
  });
  it('asymmetric uint8 over [-1, 2]: scale 3/255, zero point 85', () => {
    const p = paramsForRange(-1, 2, integerRange(8, false, true), false);
    expect(p.scale).toBe(Math.fround(3 / 255));
    expect(p.zeroPoint).toBe(85);
  });
  it('asymmetric int8 over [-0.3, 1]: zero point nudged from -69.15 to -69', () => {
    // scale = 1.3/255; zero point from min = -128 + 0.3/scale = -69.15...; rounded to -69.
    const p = paramsForRange(-0.3, 1, integerRange(8, false), false);
    expect(p.scale).toBe(Math.fround(1.3 / 255));
    expect(p.zeroPoint).toBe(-69);
    // Real 0 is exactly representable: it maps to the zero point and back to 0.
    expect(roundTrip(0, p.scale, p.zeroPoint, -128, 127).dequantized).toBe(0);
  });
  it('widens a range that excludes 0 so that 0 stays representable', () => {
    // [0.5, 1] becomes [0, 1]: uint8 scale 1/255, zero point 0.
    expect(paramsForRange(0.5, 1, integerRange(8, false, true), false)).toEqual({ scale: Math.fround(1 / 255), zeroPoint: 0 });
    // [-2, -1] becomes [-2, 0]: zero point at the top of the range.
    expect(paramsForRange(-2, -1, integerRange(8, false, true), false)).toEqual({ scale: Math.fround(2 / 255), zeroPoint: 255 });
  });
  it('gives an all-zero range the tiny scale the TF2 converter uses (1e-6) instead of dividing by zero', () => {
    expect(paramsForRange(0, 0, integerRange(8, true), true)).toEqual({ scale: Math.fround(1e-6), zeroPoint: 0 });
    expect(paramsForRange(0, 0, integerRange(8, false, true), false)).toEqual({ scale: Math.fround(1e-6), zeroPoint: 0 });
    const e = runExperiment([0, 0, 0], [3], { bits: 8, symmetric: true });
    expect([...e.q]).toEqual([0, 0, 0]);
    expect(e.metrics.maxAbsError).toBe(0);
  });
});

describe('quantize and dequantize', () => {
  it('2-bit symmetric: hand-computed integers, values and errors', () => {
    const x = [-0.9, 0.2, 0.6, 1.0];
    const e = runExperiment(x, [4], { bits: 2, symmetric: true });
    expect(e.params.scale).toEqual([1]);
    expect(e.params.zeroPoint).toEqual([0]);
    expect([...e.q]).toEqual([-1, 0, 1, 1]);
    expect([...e.dequantized]).toEqual([-1, 0, 1, 1]);
    expect(e.metrics.maxAbsError).toBeCloseTo(0.4, 6);
    expect(e.metrics.meanAbsError).toBeCloseTo(0.175, 6);
    // Σx² = 2.21, Σe² = 0.21 → 10·log10(2.21/0.21) = 10.2218 dB
    expect(e.metrics.sqnrDb).toBeCloseTo(10 * Math.log10(2.21 / 0.21), 4);
    expect(e.metrics.sqnrDb).toBeCloseTo(10.2218, 3);
  });
  it('asymmetric uint8 [-1, 0, 2] round-trips exactly (values on the grid)', () => {
    const e = runExperiment([-1, 0, 2], [3], { bits: 8, symmetric: false, unsigned: true });
    expect([...e.q]).toEqual([0, 85, 255]);
    expect(e.dequantized[1]).toBe(0);
    expect(e.metrics.maxAbsError).toBeLessThan(1e-6);
  });
  it('clamps values outside the grid', () => {
    expect(quantizeValue(5, 0.01, 0, -127, 127)).toBe(127);
    expect(quantizeValue(-5, 0.01, 0, -127, 127)).toBe(-127);
    const t = roundTrip(5, 0.01, 0, -127, 127);
    expect(t.clamped).toBe(true);
    expect(t.rounded).toBe(500);
    expect(t.dequantized).toBeCloseTo(1.27, 6);
    expect(t.error).toBeCloseTo(-3.73, 6);
  });
  it('roundTrip reports each step of x → x/scale + zp → round → clamp → (q - zp)·scale', () => {
    const t = roundTrip(0.123, 0.05, 10, 0, 255);
    expect(t.scaled).toBeCloseTo(2.46, 10);
    expect(t.shifted).toBeCloseTo(12.46, 10);
    expect(t.rounded).toBe(12);
    expect(t.q).toBe(12);
    expect(t.clamped).toBe(false);
    expect(t.dequantized).toBeCloseTo(0.1, 10);
    expect(t.error).toBeCloseTo(-0.023, 10);
  });
  it('per-channel along axis 0: one scale per output channel', () => {
    // [[1, -2], [0.1, 0.05]]: channel 0 max|x| = 2, channel 1 max|x| = 0.1
    const x = [1, -2, 0.1, 0.05];
    const p = chooseParams(x, [2, 2], { bits: 8, symmetric: true, axis: 0 });
    expect(p.axis).toBe(0);
    expect(p.scale).toEqual([Math.fround(2 / 127), Math.fround(0.1 / 127)]);
    expect(p.zeroPoint).toEqual([0, 0]);
    expect([...quantizeTensor(x, [2, 2], p)]).toEqual([64, -127, 127, 64]);
  });
  it('per-channel along the last axis (depthwise layout [1, h, w, c])', () => {
    expect(channelOf(0, [1, 1, 2, 2], 3)).toBe(0);
    expect(channelOf(1, [1, 1, 2, 2], 3)).toBe(1);
    expect(channelOf(2, [1, 1, 2, 2], 3)).toBe(0);
    // channel 0 = {1, 3}, channel 1 = {2, 4}
    const p = chooseParams([1, 2, 3, 4], [1, 1, 2, 2], { bits: 8, symmetric: true, axis: 3 });
    expect(p.scale).toEqual([Math.fround(3 / 127), Math.fround(4 / 127)]);
    expect([...quantizeTensor([1, 2, 3, 4], [1, 1, 2, 2], p)]).toEqual([42, 64, 127, 127]);
  });
  it('per-channel is never worse than per-tensor on channels with different ranges', () => {
    const x = [1, -2, 0.1, 0.05, 0.07, -0.03];
    const perTensor = runExperiment(x, [3, 2], { bits: 4, symmetric: true });
    const perChannel = runExperiment(x, [3, 2], { bits: 4, symmetric: true, axis: 0 });
    expect(perChannel.metrics.sqnrDb).toBeGreaterThan(perTensor.metrics.sqnrDb);
  });
  it('dequantizes stored per-channel integers', () => {
    const out = dequantizeTensor([0, 10, 255, 128], [2, 2], { axis: 0, scale: [0.5, 0.25], zeroPoint: [0, 128] });
    expect([...out]).toEqual([0, 5, 31.75, 0]);
  });
  it('rejects shape and axis mismatches', () => {
    expect(() => chooseParams([1, 2, 3], [2, 2], { bits: 8, symmetric: true })).toThrow(/holds 4 values/);
    expect(() => chooseParams([1, 2, 3, 4], [2, 2], { bits: 8, symmetric: true, axis: 2 })).toThrow(/Axis 2/);
  });
  it('gridValues lists the real value of every integer', () => {
    expect(gridValues(0.5, 1, 0, 3)).toEqual([-0.5, 0, 0.5, 1]);
  });
});

describe('errorMetrics', () => {
  it('is infinite SQNR with zero error', () => {
    expect(errorMetrics([1, 2], [1, 2])).toEqual({ maxAbsError: 0, meanAbsError: 0, sqnrDb: Infinity });
  });
  it('gives 20 dB when the noise power is 1% of the signal', () => {
    // Σx² = 100 + 100 = 200; errors 1 and -1 → Σe² = 2 → 10·log10(100) = 20 dB
    const m = errorMetrics([10, -10], [9, -9]);
    expect(m.sqnrDb).toBeCloseTo(20, 10);
    expect(m.maxAbsError).toBe(1);
    expect(m.meanAbsError).toBe(1);
  });
  it('rejects mismatched or empty inputs', () => {
    expect(() => errorMetrics([1], [1, 2])).toThrow(RangeError);
    expect(() => errorMetrics([], [])).toThrow(RangeError);
  });
});

describe('histogram', () => {
  it('counts values into equal-width bins, last bin closed', () => {
    const bins = histogram([0, 0.1, 0.5, 0.99, 1], 2, [0, 1]);
    expect(bins.map((b) => b.count)).toEqual([2, 3]);
    expect(bins[0]).toMatchObject({ x0: 0, x1: 0.5 });
    expect(bins[1]).toMatchObject({ x0: 0.5, x1: 1 });
  });
  it('uses the data range by default and ignores values outside a given domain', () => {
    expect(histogram([-1, 1, 3], 2).map((b) => [b.x0, b.x1, b.count])).toEqual([[-1, 1, 1], [1, 3, 2]]);
    expect(histogram([-5, 0.2, 5], 4, [0, 1]).reduce((s, b) => s + b.count, 0)).toBe(1);
  });
  it('gives a single repeated value a bin of its own', () => {
    const bins = histogram([2, 2, 2], 3);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(bins[0]!.x0).toBe(1.5);
  });
});

describe('number formatting', () => {
  it('uses significant digits, real minus signs and exponents for tiny scales', async () => {
    const { formatSig, formatFixed, formatInt } = await import('../../src/lib/quant/format.ts');
    expect(formatSig(0.0123456, 'en', 4)).toBe('0.01235');
    expect(formatSig(-2.5, 'en')).toBe('−2.5');
    expect(formatSig(-0.00001234, 'en', 3)).toBe('−1.23e−5');
    expect(formatSig(Infinity, 'ja')).toBe('∞');
    expect(formatFixed(33.456, 'en', 1)).toBe('33.5');
    expect(formatInt(-127)).toBe('−127');
  });
});
