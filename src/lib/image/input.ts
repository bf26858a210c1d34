// Turns the resized photo's RGB bytes (integers 0..255) into the model's input tensor, in the
// model's own dtype, exactly as the official examples and the course's Kotlin/Swift code do:
//
// float32 input: real = (byte - mean) / std, the manifest's normalisation ((x - 127.5) / 127.5 here).
// 8-bit input:   the raw bytes themselves (uint8), or byte - 128 (int8), whenever the input's own
//                scale and zero point (read from the .tflite file) map the byte range 0..255 onto
//                the normalised range, which is what an image model's 8-bit input is built for.
//                Only an input whose parameters say something else is quantized from the
//                normalised value: q = clamp(round(real / scale + zeroPoint)).
// Re-quantizing the normalised value instead of passing the bytes differs by one level at most on
// the TF1 uint8 models (scale 1/128, zero point 128), and yet flips some top-1 answers.
import type { InputData, TensorSpec } from '../runtime/types.ts';
import { dtypeRange, perTensorParams, roundHalfAwayFromZero } from '../quant/params.ts';
import { quantizeValue } from '../quant/quantize.ts';

export interface Normalization {
  mean: number[];
  std: number[];
}

/** What the input stage does with the bytes; the classifier's "classic mistakes" change it. */
export type InputNormalization = 'model' | 'wrong';

export class InputSpecError extends Error {
  override name = 'InputSpecError';
}

/** Height, width and channels of an NHWC image input such as [1, 224, 224, 3]. */
export function imageInputSize(spec: TensorSpec): { height: number; width: number; channels: number } {
  const [batch, height, width, channels] = spec.shape;
  if (spec.shape.length !== 4 || batch !== 1 || !height || !width || channels !== 3) {
    throw new InputSpecError(`Expected an image input of shape [1, H, W, 3], got [${spec.shape.join(', ')}]`);
  }
  return { height, width, channels };
}

function perChannel(norm: Normalization): { mean: number[]; std: number[] } {
  return {
    mean: [0, 1, 2].map((c) => norm.mean[c] ?? norm.mean[0] ?? 0),
    std: [0, 1, 2].map((c) => norm.std[c] ?? norm.std[0] ?? 1),
  };
}

/** The 8-bit input's per-tensor scale, zero point and integer range; throws when it has none. */
export function inputQuantization(spec: TensorSpec): { scale: number; zeroPoint: number; lo: number; hi: number } {
  if (spec.dtype !== 'uint8' && spec.dtype !== 'int8') throw new InputSpecError(`Input dtype ${spec.dtype} is not 8-bit`);
  const params = perTensorParams(spec.quantization);
  if (!params) throw new InputSpecError(`The ${spec.dtype} input "${spec.name}" has no per-tensor scale and zero point`);
  const { qmin, qmax } = dtypeRange(spec.dtype)!;
  return { ...params, lo: qmin, hi: qmax };
}

/**
 * For an 8-bit input: the offset to add to a pixel byte to get q (0 for uint8, -128 for int8) when
 * the input's scale and zero point say "pixel bytes" (byte 0 and byte 255 land within one level of
 * the integer range's ends after normalisation), else null.
 */
export function rawByteOffset(spec: TensorSpec, norm: Normalization): number | null {
  const { scale, zeroPoint, lo, hi } = inputQuantization(spec);
  const { mean, std } = perChannel(norm);
  const qOf = (byte: number, c: number) => (byte - mean[c]!) / std[c]! / scale + zeroPoint;
  for (let c = 0; c < 3; c++) {
    if (Math.abs(qOf(0, c) - lo) > 1 || Math.abs(qOf(255, c) - hi) > 1) return null;
  }
  return lo;
}

/**
 * Builds the model input from interleaved RGB bytes (length H*W*3, integers 0..255).
 * `norm` maps bytes to the real values the float model was trained on. `normalization: 'wrong'` is
 * the classic mistake: [0, 1] instead of the model's range for float inputs, and the normalised
 * value written into the bytes for 8-bit inputs.
 */
export function buildInput(
  bytes: ArrayLike<number>,
  spec: TensorSpec,
  norm: Normalization,
  normalization: InputNormalization = 'model',
): InputData {
  const { height, width } = imageInputSize(spec);
  const n = height * width * 3;
  if (bytes.length !== n) throw new InputSpecError(`Expected ${n} RGB values, got ${bytes.length}`);
  const { mean, std } = perChannel(norm);
  if (spec.dtype === 'float32') {
    const out = new Float32Array(n);
    if (normalization === 'wrong') for (let i = 0; i < n; i++) out[i] = bytes[i]! / 255;
    else for (let i = 0; i < n; i++) out[i] = (bytes[i]! - mean[i % 3]!) / std[i % 3]!;
    return out;
  }
  if (spec.dtype === 'uint8' || spec.dtype === 'int8') {
    const { scale, zeroPoint, lo, hi } = inputQuantization(spec);
    const out = spec.dtype === 'uint8' ? new Uint8Array(n) : new Int8Array(n);
    const clamp = (x: number) => Math.min(hi, Math.max(lo, x));
    if (normalization === 'wrong') {
      for (let i = 0; i < n; i++) out[i] = clamp(roundHalfAwayFromZero((bytes[i]! - mean[i % 3]!) / std[i % 3]!));
      return out;
    }
    const offset = rawByteOffset(spec, norm);
    if (offset !== null) {
      for (let i = 0; i < n; i++) out[i] = clamp(roundHalfAwayFromZero(bytes[i]!) + offset);
      return out;
    }
    for (let i = 0; i < n; i++) out[i] = quantizeValue((bytes[i]! - mean[i % 3]!) / std[i % 3]!, scale, zeroPoint, lo, hi);
    return out;
  }
  throw new InputSpecError(`Input dtype ${spec.dtype} is not supported for images`);
}
