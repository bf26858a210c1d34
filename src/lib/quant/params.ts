// Choosing affine quantization parameters: real ≈ (q - zeroPoint) * scale.
//
// Conventions follow TensorFlow Lite's quantization spec and converter:
// - Symmetric: signed integers on the "narrow" range [-(2^(b-1) - 1), 2^(b-1) - 1]
//   (int8 weights: [-127, 127]), zero point 0, scale = max|x| / qmax.
// - Asymmetric: the full range, unsigned [0, 2^b - 1] (TF1 uint8) or signed [-2^(b-1), 2^(b-1) - 1]
//   (TF2 int8 activations). The float range is first widened to include 0, then the zero point is
//   nudged to an integer inside [qmin, qmax], so real 0 maps exactly to an integer (padding and ReLU
//   rely on that).
// - Per-channel: one scale (and zero point) per slice along `axis`
//   (CONV_2D weights [out, h, w, in]: axis 0; DEPTHWISE_CONV_2D weights [1, h, w, out]: axis 3).
// - Scales are rounded to float32, because that is how a .tflite file stores them.
// - A channel that is all zeros gets scale 1e-6 (as float32), as the TF2 converter stores for dead
//   filters in the official int8 MobileNet v2; any scale represents zeros exactly.

import type { TfliteDtype } from '../tflite/types.ts';

export interface QuantScheme {
  /** Bit width of the integers, 2..8. */
  bits: number;
  symmetric: boolean;
  /** Asymmetric only: unsigned integers [0, 2^b - 1] instead of signed [-2^(b-1), 2^(b-1) - 1]. */
  unsigned?: boolean;
  /** Per-channel along this axis of the tensor's shape; omit (or null) for one scale per tensor. */
  axis?: number | null;
}

export interface QuantParams {
  bits: number;
  symmetric: boolean;
  qmin: number;
  qmax: number;
  /** Channel axis, or null for per-tensor (then scale and zeroPoint have one entry). */
  axis: number | null;
  scale: number[];
  zeroPoint: number[];
}

export const MIN_BITS = 2;
/** Scale given to an all-zero range. */
export const ZERO_RANGE_SCALE = Math.fround(1e-6);
export const MAX_BITS = 8;

/** The integer range [qmin, qmax] for a scheme (see the conventions above). */
export function integerRange(bits: number, symmetric: boolean, unsigned = false): { qmin: number; qmax: number } {
  if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) {
    throw new RangeError(`Bit width must be an integer from ${MIN_BITS} to ${MAX_BITS}, got ${bits}`);
  }
  const half = 2 ** (bits - 1);
  if (symmetric) return { qmin: -(half - 1), qmax: half - 1 };
  if (unsigned) return { qmin: 0, qmax: 2 ** bits - 1 };
  return { qmin: -half, qmax: half - 1 };
}

/**
 * The integers a stored dtype can hold (a .tflite file does not store qmin/qmax); null for
 * dtypes that are not integers.
 */
export function dtypeRange(dtype: TfliteDtype): { qmin: number; qmax: number } | null {
  switch (dtype) {
    case 'uint8': return { qmin: 0, qmax: 255 };
    case 'int8': return { qmin: -128, qmax: 127 };
    case 'int16': return { qmin: -32768, qmax: 32767 };
    case 'int32': return { qmin: -(2 ** 31), qmax: 2 ** 31 - 1 };
    default: return null;
  }
}

/** Quantization parameters as a tensor (or a runtime's TensorSpec) carries them. */
export interface AffineParams {
  scale: readonly number[];
  zeroPoint: readonly number[];
}

/**
 * The one scale and zero point of a per-tensor quantized tensor, or null when there is not exactly
 * one usable pair (missing, per-channel, or a scale that is not a positive finite number). Callers
 * turn null into their own message.
 */
export function perTensorParams(q: AffineParams | null | undefined): { scale: number; zeroPoint: number } | null {
  if (!q || q.scale.length !== 1 || q.zeroPoint.length !== 1) return null;
  const scale = q.scale[0]!;
  const zeroPoint = q.zeroPoint[0]!;
  if (!(scale > 0) || !Number.isFinite(scale) || !Number.isInteger(zeroPoint)) return null;
  return { scale, zeroPoint };
}

/** Scale and zero point for one float range, given the integer range. */
export function paramsForRange(
  min: number,
  max: number,
  range: { qmin: number; qmax: number },
  symmetric: boolean,
): { scale: number; zeroPoint: number } {
  const { qmin, qmax } = range;
  if (symmetric) {
    const absMax = Math.max(Math.abs(min), Math.abs(max));
    return { scale: absMax > 0 ? Math.fround(absMax / qmax) : ZERO_RANGE_SCALE, zeroPoint: 0 };
  }
  // Widen to include 0 so that 0 is representable.
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  if (hi === lo) return { scale: ZERO_RANGE_SCALE, zeroPoint: clampInt(0, qmin, qmax) };
  const scale = Math.fround((hi - lo) / (qmax - qmin));
  // As in TFLite's GetAsymmetricQuantizationParams: take the zero point implied by whichever end
  // loses less precision, then nudge it to an integer inside the range.
  const fromMin = qmin - lo / scale;
  const fromMax = qmax - hi / scale;
  const fromMinError = Math.abs(qmin) + Math.abs(lo / scale);
  const fromMaxError = Math.abs(qmax) + Math.abs(hi / scale);
  const zp = fromMinError < fromMaxError ? fromMin : fromMax;
  return { scale, zeroPoint: clampInt(roundHalfAwayFromZero(zp), qmin, qmax) };
}

/** Rounds halves away from zero, like C's std::round that TFLite uses (Math.round rounds -2.5 to -2). */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Number of elements between consecutive indices of `axis` (row-major layout). */
export function axisStride(shape: readonly number[], axis: number): number {
  let stride = 1;
  for (let d = axis + 1; d < shape.length; d++) stride *= shape[d]!;
  return stride;
}

/** Which channel (index along `axis`) the flat element i belongs to. */
export function channelOf(i: number, shape: readonly number[], axis: number): number {
  return Math.floor(i / axisStride(shape, axis)) % shape[axis]!;
}

function checkShape(values: ArrayLike<number>, shape: readonly number[], axis: number | null): void {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== values.length) {
    throw new RangeError(`Shape [${shape.join(', ')}] holds ${count} values, but ${values.length} were given`);
  }
  if (axis !== null && (!Number.isInteger(axis) || axis < 0 || axis >= shape.length)) {
    throw new RangeError(`Axis ${axis} is outside a tensor of rank ${shape.length}`);
  }
}

/** Min and max of each channel along `axis` (or of the whole tensor when axis is null). */
export function channelRanges(
  values: ArrayLike<number>,
  shape: readonly number[],
  axis: number | null,
): { min: number[]; max: number[] } {
  checkShape(values, shape, axis);
  const channels = axis === null ? 1 : shape[axis]!;
  const stride = axis === null ? 1 : axisStride(shape, axis);
  const min = new Array<number>(channels).fill(Infinity);
  const max = new Array<number>(channels).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    const c = axis === null ? 0 : Math.floor(i / stride) % channels;
    const v = values[i]!;
    if (v < min[c]!) min[c] = v;
    if (v > max[c]!) max[c] = v;
  }
  // An empty tensor has no range; treat it as [0, 0].
  for (let c = 0; c < channels; c++) {
    if (min[c] === Infinity) min[c] = 0;
    if (max[c] === -Infinity) max[c] = 0;
  }
  return { min, max };
}

/** Chooses scale and zero point from the tensor's own min/max (what the TFLite converter does for weights). */
export function chooseParams(values: ArrayLike<number>, shape: readonly number[], scheme: QuantScheme): QuantParams {
  const axis = scheme.axis ?? null;
  const range = integerRange(scheme.bits, scheme.symmetric, scheme.unsigned);
  const { min, max } = channelRanges(values, shape, axis);
  const scale: number[] = [];
  const zeroPoint: number[] = [];
  for (let c = 0; c < min.length; c++) {
    const p = paramsForRange(min[c]!, max[c]!, range, scheme.symmetric);
    scale.push(p.scale);
    zeroPoint.push(p.zeroPoint);
  }
  return { bits: scheme.bits, symmetric: scheme.symmetric, ...range, axis, scale, zeroPoint };
}

/** The values of one channel along `axis`, in their original order. */
export function channelSlice(values: ArrayLike<number>, shape: readonly number[], axis: number, channel: number): Float32Array {
  checkShape(values, shape, axis);
  const channels = shape[axis]!;
  if (!Number.isInteger(channel) || channel < 0 || channel >= channels) {
    throw new RangeError(`Channel ${channel} is outside 0..${channels - 1}`);
  }
  const stride = axisStride(shape, axis);
  const out = new Float32Array(values.length / channels);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (Math.floor(i / stride) % channels === channel) out[k++] = values[i]!;
  }
  return out;
}

/**
 * Scale and zero point from a recorded [min, max] the way TF1's fake-quant ops and converter did:
 * scale = (max - min) / (qmax - qmin) (computed in double, stored as float32), zero point =
 * round(qmin - min / scale) clamped to [qmin, qmax]. TF1 quantization-aware training stores weights
 * on the "narrow" range 1..255, activations on 0..255.
 */
export function paramsFromMinMax(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  if (!(max > min)) return { scale: ZERO_RANGE_SCALE, zeroPoint: clampInt(0, qmin, qmax) };
  const scale = Math.fround((max - min) / (qmax - qmin));
  const zeroPoint = clampInt(roundHalfAwayFromZero(qmin - min / scale), qmin, qmax);
  return { scale, zeroPoint };
}
