// The arithmetic of TFLite's post-training quantizer (tensorflow/lite/tools/optimize), reproduced
// step by step in float32 so a model quantized here matches the converter's bits:
// - activations: asymmetric int8 from a recorded [min, max] widened to include 0; the zero point
//   comes from the min end (GetAsymmetricQuantizationParams), not from the end that loses less;
// - weights: symmetric int8 on [-127, 127], scale = max|x| / 127 per channel (or per tensor), values
//   multiplied by the float32 inverse 127 / max|x| and rounded half away from zero;
// - biases: int32, scale = input scale x weight scale (per channel), values x float32(1 / scale);
// - float16: round to nearest even.
import { channelRanges, dtypeRange, roundHalfAwayFromZero } from './params.ts';

const f32 = Math.fround;
const INT32_MAX = 2 ** 31 - 1;

/**
 * Scale and zero point of an activation recorded in [min, max] (float32 arithmetic, as TFLite).
 * A tensor that was always 0 gets scale 1 with 0 at qmin, as the converter's MLIR quantizer writes it
 * (FakeQuantSupport): the older quantizer wrote scale 0, which the int8 kernels refuse to prepare.
 */
export function activationParams(min: number, max: number, qmin = -128, qmax = 127): { scale: number; zeroPoint: number; min: number; max: number } {
  const lo = f32(Math.min(f32(min), 0));
  const hi = f32(Math.max(f32(max), 0));
  if (hi === lo) return { scale: 1, zeroPoint: qmin, min: lo, max: hi };
  const scale = f32(f32(hi - lo) / f32(qmax - qmin));
  let fromMin = qmin;
  if (scale !== 0) fromMin = f32(qmin - f32(lo / scale));
  const zeroPoint = fromMin < qmin ? qmin : fromMin > qmax ? qmax : roundHalfAwayFromZero(fromMin);
  return { scale, zeroPoint, min: lo, max: hi };
}

export interface SymmetricWeights {
  /** int8 values, same layout as the float tensor. */
  values: Int8Array;
  /** One scale per channel (or one). A channel of zeros gets scale 0, as TFLite stores it. */
  scale: number[];
  /** The per-channel min and max TFLite keeps next to the scales. */
  min: number[];
  max: number[];
  /** null = per tensor. */
  axis: number | null;
}

/** Symmetric int8 weights on [-127, 127], per channel along `axis` or per tensor (axis null). */
export function quantizeWeightsSymmetric(
  values: ArrayLike<number>,
  shape: readonly number[],
  axis: number | null,
  ranges: { min: number[]; max: number[] } = channelRanges(values, shape, axis),
): SymmetricWeights {
  const { min, max } = ranges;
  const scale: number[] = [];
  const inverse: number[] = [];
  for (let c = 0; c < min.length; c++) {
    const halfRange = f32(Math.max(Math.abs(min[c]!), Math.abs(max[c]!)));
    scale.push(f32(halfRange / 127));
    inverse.push(halfRange === 0 ? 0 : f32(127 / halfRange));
  }
  const out = new Int8Array(values.length);
  const channels = min.length;
  let stride = 1;
  if (axis !== null) for (let d = axis + 1; d < shape.length; d++) stride *= shape[d]!;
  for (let i = 0; i < values.length; i++) {
    const c = axis === null ? 0 : Math.floor(i / stride) % channels;
    const q = roundHalfAwayFromZero(f32(values[i]! * inverse[c]!));
    out[i] = Math.max(-127, Math.min(127, q));
  }
  return { values: out, scale, min: min.map(f32), max: max.map(f32), axis };
}

/**
 * Widens weight ranges whose int32 bias would overflow (TFLite's AdjustWeightsForBiasScale): where
 * |bias| >= input scale x weight scale x 2^31 / 2, the weight range becomes ±2|bias|/(2^31-1) x
 * 127/input scale. Typical case: a dead channel (all-zero weights, scale 0) with a non-zero bias.
 */
export function adjustWeightRangesForBias(
  ranges: { min: number[]; max: number[] },
  bias: ArrayLike<number>,
  inputScale: number,
): { min: number[]; max: number[]; adjusted: number } {
  const min = [...ranges.min];
  const max = [...ranges.max];
  const perInput = f32(127 / f32(inputScale));
  let adjusted = 0;
  const weightScale = (c: number) => f32(f32(Math.max(Math.abs(min[c]!), Math.abs(max[c]!))) / 127);
  if (min.length > 1) {
    for (let c = 0; c < min.length; c++) {
      const b = Math.abs(f32(bias[c] ?? 0));
      if (b >= 0.5 * f32(inputScale) * weightScale(c) * INT32_MAX) {
        max[c] = f32(((2 * b) / INT32_MAX) * perInput);
        min[c] = -max[c]!;
        adjusted++;
      }
    }
  } else if (min.length === 1) {
    let half = 0;
    for (let i = 0; i < bias.length; i++) half = Math.max(half, Math.abs(f32(bias[i]!)));
    if (half / INT32_MAX >= 0.5 * f32(inputScale) * weightScale(0)) {
      min[0] = f32(((2 * half) / INT32_MAX) * f32(-127 / f32(inputScale)));
      max[0] = f32(((2 * half) / INT32_MAX) * perInput);
      adjusted++;
    }
  }
  return { min, max, adjusted };
}

/**
 * Symmetric weight ranges as the MLIR quantizer behind dynamic range sees them: a
 * channel whose range is at most 1e-6 wide, e.g. a dead channel of zeros, is widened to ±5e-7
 * (ExpandVerySmallRange in quantization_utils.cc), so its scale is 1e-6 / 254 instead of the 0 that
 * max|x| / 127 alone gives. XNNPACK refuses a convolution with a zero scale.
 */
export function expandVerySmallRanges(ranges: { min: number[]; max: number[] }): { min: number[]; max: number[] } {
  const NEAR_ZERO = 1e-6;
  const min: number[] = [];
  const max: number[] = [];
  for (let c = 0; c < ranges.min.length; c++) {
    const half = Math.max(Math.abs(ranges.min[c]!), Math.abs(ranges.max[c]!));
    const wide = 2 * half > NEAR_ZERO;
    min.push(wide ? -half : -NEAR_ZERO / 2);
    max.push(wide ? half : NEAR_ZERO / 2);
  }
  return { min, max };
}

/**
 * int32 bias with scale inputScale x weightScale[c] (one weight scale serves every element when the
 * weights are per tensor). Saturates at ±(2^31 - 1) like TFLite.
 */
export function quantizeBias(values: ArrayLike<number>, inputScale: number, weightScales: readonly number[]): { values: Int32Array; scale: number[] } {
  const perChannel = weightScales.length > 1;
  if (perChannel && weightScales.length !== values.length) {
    throw new RangeError(`A bias of ${values.length} values cannot take ${weightScales.length} channel scales`);
  }
  const scale = weightScales.map((w) => f32(f32(inputScale) * f32(w)));
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = scale[perChannel ? i : 0]!;
    const inverse = s === 0 ? 0 : f32(1 / s);
    const q = roundHalfAwayFromZero(f32(values[i]! * inverse));
    out[i] = Math.max(-INT32_MAX, Math.min(INT32_MAX, q));
  }
  return { values: out, scale };
}

/** The 16-bit pattern of the float16 nearest to x (ties to even), as TFLite's converter writes it. */
const f32Box = new Float32Array(1);
const u32Box = new Uint32Array(f32Box.buffer);

export function float16Bits(x: number): number {
  f32Box[0] = x;
  const bits = u32Box[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0); // Inf, NaN
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow -> Inf
  if (e <= 0) {
    // Subnormal half (or zero): shift the implicit 1 in, round to nearest even.
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let h = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    if (rest > half || (rest === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++; // may carry into the exponent: still correct
  return sign | h;
}

/** Little-endian float16 bytes of a float32 array. */
export function toFloat16Bytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setUint16(2 * i, float16Bits(values[i]!), true);
  return out;
}

/** Requantizing the same real range between int8 and uint8 only moves the zero point by 128. */
export function shiftZeroPoint(zeroPoint: number, from: 'int8' | 'uint8', to: 'int8' | 'uint8'): number {
  const a = dtypeRange(from)!;
  const b = dtypeRange(to)!;
  return zeroPoint - a.qmin + b.qmin;
}
