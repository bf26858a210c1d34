// Recording activation ranges over a calibration set.
// - 'minmax': the smallest and largest value seen (TFLite's calibrator; the default, so results match
//   the real converter).
// - 'percentile': drop the most extreme 0.01 % of values at each end (a handful of outliers otherwise
//   stretch the scale for everything else).
// - 'mse': the clipping range that minimises the expected squared int8 error over the recorded
//   histogram (shrinks both ends by the same factor, searched on a grid).
// The two better options keep a histogram per tensor whose bin width doubles as the range grows, so
// memory stays fixed (2048 bins) whatever the number of photos.
import { activationParams } from '../quant/converter.ts';
import { dequantizeValue, quantizeValue } from '../quant/quantize.ts';

export interface ActivationRange {
  min: number;
  max: number;
  /** Mean of each channel (last axis) over the calibration set, when recorded: for bias correction. */
  mean?: number[];
}

export type RangeMethod = 'minmax' | 'percentile' | 'mse';

export const RANGE_METHODS: readonly RangeMethod[] = ['minmax', 'percentile', 'mse'];

const BINS = 2048;
const HALF = BINS / 2;
/** Share of values dropped at each end by 'percentile'. */
export const PERCENTILE_TAIL = 1e-4;

/** A histogram over [-HALF·w, HALF·w) with power-of-two bin width w, grown by merging bin pairs. */
export class GrowingHistogram {
  readonly counts = new Float64Array(BINS);
  width = 0;
  total = 0;
  min = Infinity;
  max = -Infinity;

  add(values: ArrayLike<number>): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (!(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return; // empty, or NaN/Inf inside
    this.min = Math.min(this.min, lo);
    this.max = Math.max(this.max, hi);
    const needed = Math.max(Math.abs(lo), Math.abs(hi), 1e-30);
    if (this.width === 0) this.width = 2 ** Math.ceil(Math.log2(needed / (HALF - 1)));
    while (needed >= (HALF - 1) * this.width) this.grow();
    const inverse = 1 / this.width;
    const counts = this.counts;
    for (let i = 0; i < values.length; i++) counts[Math.floor(values[i]! * inverse) + HALF]!++;
    this.total += values.length;
  }

  /** Doubles the bin width: bin k (relative to zero) joins bin floor(k / 2). */
  private grow(): void {
    const merged = new Float64Array(BINS);
    for (let b = 0; b < BINS; b++) {
      const k = b - HALF;
      merged[Math.floor(k / 2) + HALF]! += this.counts[b]!;
    }
    this.counts.set(merged);
    this.width *= 2;
  }

  /** The value below which `fraction` of the recorded values lie (bin-edge precision). */
  quantile(fraction: number): number {
    const target = fraction * this.total;
    let seen = 0;
    for (let b = 0; b < BINS; b++) {
      seen += this.counts[b]!;
      if (seen >= target && this.counts[b]! > 0) {
        const edge = fraction < 0.5 ? (b - HALF) * this.width : (b - HALF + 1) * this.width;
        return Math.min(this.max, Math.max(this.min, edge));
      }
    }
    return this.max;
  }

  /** Expected squared error of int8 quantization with the range [lo, hi], over the bin centres. */
  squaredError(lo: number, hi: number): number {
    const { scale, zeroPoint } = activationParams(lo, hi);
    if (!(scale > 0)) return Infinity;
    let error = 0;
    for (let b = 0; b < BINS; b++) {
      const n = this.counts[b]!;
      if (n === 0) continue;
      const centre = Math.min(this.max, Math.max(this.min, (b - HALF + 0.5) * this.width));
      const q = quantizeValue(centre, scale, zeroPoint, -128, 127);
      const d = dequantizeValue(q, scale, zeroPoint) - centre;
      error += n * d * d;
    }
    return error;
  }
}

/** The range a method picks from a histogram. */
export function chooseRange(h: GrowingHistogram, method: RangeMethod): ActivationRange {
  if (!(h.min <= h.max)) return { min: 0, max: 0 };
  if (method === 'minmax') return { min: h.min, max: h.max };
  if (method === 'percentile') {
    // Never clip past zero: the range includes 0 anyway.
    const min = h.min >= 0 ? h.min : Math.min(0, h.quantile(PERCENTILE_TAIL));
    const max = h.max <= 0 ? h.max : Math.max(0, h.quantile(1 - PERCENTILE_TAIL));
    return { min, max };
  }
  let best = { min: h.min, max: h.max };
  let bestError = h.squaredError(h.min, h.max);
  for (let alpha = 0.99; alpha >= 0.2; alpha -= 0.01) {
    const candidate = { min: h.min * alpha, max: h.max * alpha };
    const error = h.squaredError(candidate.min, candidate.max);
    if (error < bestError) {
      best = candidate;
      bestError = error;
    }
  }
  return best;
}

/**
 * Accumulates the ranges of the calibration model's tensors over any number of runs.
 * `tensorIndices[i]` names the tensor whose values are `values[i]` in every add() call.
 */
export class RangeRecorder {
  private readonly histograms: GrowingHistogram[];
  private readonly minmax: { min: number; max: number }[];
  /** Per-channel sums and counts (last axis), when channel counts were given. */
  private readonly sums: Float64Array[] | null;
  private readonly counts: number[];
  private runs = 0;

  /**
   * `channels[i]` (optional) is the size of the last axis of tensor tensorIndices[i]; with it the
   * recorder also keeps per-channel means, which quantizeModel's biasCorrection uses.
   */
  constructor(readonly tensorIndices: readonly number[], readonly method: RangeMethod = 'minmax', channels?: readonly number[]) {
    if (!RANGE_METHODS.includes(method)) throw new RangeError(`Unknown range method ${String(method)}`);
    if (channels && channels.length !== tensorIndices.length) throw new RangeError('One channel count per tensor is needed');
    this.histograms = method === 'minmax' ? [] : tensorIndices.map(() => new GrowingHistogram());
    this.minmax = tensorIndices.map(() => ({ min: Infinity, max: -Infinity }));
    this.sums = channels ? channels.map((c) => new Float64Array(Math.max(1, c))) : null;
    this.counts = tensorIndices.map(() => 0);
  }

  private shared: readonly (readonly [number, number])[] = [];

  /**
   * A recorder for the tensors of a calibration model, with per-channel means. With `matchTflite`
   * (default: for 'minmax') the ranges TFLite's calibrator records for tensors it shares in place are
   * reproduced too, so 'minmax' gives the converter's parameters.
   */
  static forCalibration(
    calibration: { tensorIndices: readonly number[]; channels: readonly number[]; sharedRanges: readonly (readonly [number, number])[] },
    method: RangeMethod = 'minmax',
    options: { matchTflite?: boolean } = {},
  ): RangeRecorder {
    const recorder = new RangeRecorder(calibration.tensorIndices, method, calibration.channels);
    if (options.matchTflite ?? method === 'minmax') recorder.shared = calibration.sharedRanges;
    return recorder;
  }

  /** Values of every tensor from one run, in the order of tensorIndices. */
  add(values: readonly ArrayLike<number>[]): void {
    if (values.length !== this.tensorIndices.length) {
      throw new RangeError(`Expected ${this.tensorIndices.length} tensors (outputs, then inputs), got ${values.length}`);
    }
    values.forEach((v, i) => {
      const sums = this.sums?.[i];
      if (sums) {
        const c = sums.length;
        for (let k = 0; k < v.length; k++) if (Number.isFinite(v[k]!)) sums[k % c]! += v[k]!;
        this.counts[i]! += v.length / c;
      }
      if (this.method !== 'minmax') {
        this.histograms[i]!.add(v);
        return;
      }
      const r = this.minmax[i]!;
      for (let k = 0; k < v.length; k++) {
        const x = v[k]!;
        if (x < r.min) r.min = x;
        if (x > r.max) r.max = x;
      }
    });
    this.runs++;
  }

  /** Number of add() calls so far. */
  get count(): number {
    return this.runs;
  }

  ranges(): Map<number, ActivationRange> {
    const out = new Map<number, ActivationRange>();
    this.tensorIndices.forEach((t, i) => {
      const range = this.method === 'minmax' ? this.minmax[i]! : chooseRange(this.histograms[i]!, this.method);
      if (!(range.min <= range.max)) return;
      const sums = this.sums?.[i];
      const n = this.counts[i]!;
      out.set(t, sums && n > 0 ? { min: range.min, max: range.max, mean: Array.from(sums, (x) => x / n) } : { min: range.min, max: range.max });
    });
    for (const [input, output] of this.shared) {
      const a = out.get(input);
      const b = out.get(output);
      if (a && b) out.set(input, { ...a, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) });
    }
    return out;
  }
}
