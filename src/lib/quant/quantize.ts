// Quantize (real → integer) and dequantize (integer → real) with affine parameters.
// q = clamp(round(x / scale) + zeroPoint, qmin, qmax);  x̂ = (q - zeroPoint) * scale.
import { axisStride, roundHalfAwayFromZero, type QuantParams } from './params.ts';

export function quantizeValue(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): number {
  const q = roundHalfAwayFromZero(x / scale) + zeroPoint;
  return Math.min(qmax, Math.max(qmin, q));
}

export function dequantizeValue(q: number, scale: number, zeroPoint: number): number {
  return (q - zeroPoint) * scale;
}

/** Every intermediate of one value's round trip, for the "number line" view. */
export interface RoundTrip {
  x: number;
  scale: number;
  zeroPoint: number;
  qmin: number;
  qmax: number;
  /** x / scale */
  scaled: number;
  /** x / scale + zeroPoint */
  shifted: number;
  /** round(x / scale) + zeroPoint (rounding x/scale first is the same as rounding the sum: zp is an integer) */
  rounded: number;
  /** clamp(rounded, qmin, qmax) */
  q: number;
  clamped: boolean;
  /** (q - zeroPoint) * scale */
  dequantized: number;
  /** dequantized - x */
  error: number;
}

export function roundTrip(x: number, scale: number, zeroPoint: number, qmin: number, qmax: number): RoundTrip {
  const scaled = x / scale;
  const rounded = roundHalfAwayFromZero(scaled) + zeroPoint;
  const q = Math.min(qmax, Math.max(qmin, rounded));
  const dequantized = dequantizeValue(q, scale, zeroPoint);
  return {
    x, scale, zeroPoint, qmin, qmax,
    scaled,
    shifted: scaled + zeroPoint,
    rounded,
    q,
    clamped: q !== rounded,
    dequantized,
    error: dequantized - x,
  };
}

/** Per-element channel index lookup shared by quantize/dequantize. */
function channelIndexer(shape: readonly number[], params: QuantParams): (i: number) => number {
  if (params.axis === null) return () => 0;
  const stride = axisStride(shape, params.axis);
  const channels = shape[params.axis]!;
  if (params.scale.length !== channels) {
    throw new RangeError(`Per-channel parameters have ${params.scale.length} scales for ${channels} channels`);
  }
  return (i) => Math.floor(i / stride) % channels;
}

export function quantizeTensor(values: ArrayLike<number>, shape: readonly number[], params: QuantParams): Int32Array {
  const channel = channelIndexer(shape, params);
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = channel(i);
    out[i] = quantizeValue(values[i]!, params.scale[c]!, params.zeroPoint[c]!, params.qmin, params.qmax);
  }
  return out;
}

export function dequantizeTensor(q: ArrayLike<number>, shape: readonly number[], params: Pick<QuantParams, 'axis' | 'scale' | 'zeroPoint'>): Float32Array {
  const full = { ...params, bits: 8, symmetric: false, qmin: 0, qmax: 0 };
  const channel = channelIndexer(shape, full);
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const c = channel(i);
    out[i] = dequantizeValue(q[i]!, params.scale[c]!, params.zeroPoint[c]!);
  }
  return out;
}

/** The real values the integers [qmin, qmax] stand for in one channel: the quantization grid. */
export function gridValues(scale: number, zeroPoint: number, qmin: number, qmax: number): number[] {
  const grid: number[] = [];
  for (let q = qmin; q <= qmax; q++) grid.push(dequantizeValue(q, scale, zeroPoint));
  return grid;
}
