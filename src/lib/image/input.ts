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
//
// A model with one channel ([1, H, W, 1]: digit and character recognisers, some OCR and medical
// models) gets each pixel's luminance byte (luminanceBytes) and then exactly the same steps.
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

export interface ImageInputSize {
  height: number;
  width: number;
  /** 3: the photo's R, G, B; 1: its luminance (grayscale models). */
  channels: 1 | 3;
}

/** Height, width and channels of an NHWC image input [1, H, W, 3] or [1, H, W, 1]; null for any other shape. */
export function photoInputSize(spec: TensorSpec): ImageInputSize | null {
  const [batch, height, width, channels] = spec.shape;
  if (spec.shape.length !== 4 || batch !== 1 || !(height! > 0) || !(width! > 0)) return null;
  return channels === 3 || channels === 1 ? { height: height!, width: width!, channels } : null;
}

/** photoInputSize, or InputSpecError for an input the photo pipeline cannot fill. */
export function imageInputSize(spec: TensorSpec): ImageInputSize {
  const size = photoInputSize(spec);
  if (!size) throw new InputSpecError(`Expected an image input of shape [1, H, W, 3] or [1, H, W, 1], got [${spec.shape.join(', ')}]`);
  return size;
}

/** Mean and std of each of the input's channels (a single value applies to every channel). */
function perChannel(norm: Normalization, channels: number): { mean: number[]; std: number[] } {
  const each = Array.from({ length: channels }, (_, c) => c);
  return {
    mean: each.map((c) => norm.mean[c] ?? norm.mean[0] ?? 0),
    std: each.map((c) => norm.std[c] ?? norm.std[0] ?? 1),
  };
}

/**
 * One luminance byte per pixel of interleaved RGB bytes, for one-channel models. ITU-R BT.601 luma
 * weights 299/587/114 (per mille): the ones PIL's convert('L') uses, which made most grayscale training
 * data (MNIST-style sets, OCR crops), and also OpenCV's RGB2GRAY and tf.image.rgb_to_grayscale.
 * Rounded to a byte, as a grayscale bitmap stores it (and as 8-bit inputs take it).
 */
export function luminanceBytes(rgb: ArrayLike<number>): Float32Array {
  const out = new Float32Array(Math.floor(rgb.length / 3));
  for (let p = 0, i = 0; p < out.length; p++, i += 3) {
    out[p] = roundHalfAwayFromZero((299 * rgb[i]! + 587 * rgb[i + 1]! + 114 * rgb[i + 2]!) / 1000);
  }
  return out;
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
  const channels = photoInputSize(spec)?.channels ?? 3;
  const { mean, std } = perChannel(norm, channels);
  const qOf = (byte: number, c: number) => (byte - mean[c]!) / std[c]! / scale + zeroPoint;
  for (let c = 0; c < channels; c++) {
    if (Math.abs(qOf(0, c) - lo) > 1 || Math.abs(qOf(255, c) - hi) > 1) return null;
  }
  return lo;
}

/**
 * Builds the model input from interleaved RGB bytes (length H*W*3, integers 0..255); a one-channel
 * input gets their luminance. `norm` maps bytes to the real values the float model was trained on.
 * `normalization: 'wrong'` is the classic mistake: [0, 1] instead of the model's range for float
 * inputs, and the normalised value written into the bytes for 8-bit inputs.
 */
export function buildInput(
  rgb: ArrayLike<number>,
  spec: TensorSpec,
  norm: Normalization,
  normalization: InputNormalization = 'model',
): InputData {
  const { height, width, channels } = imageInputSize(spec);
  if (rgb.length !== height * width * 3) throw new InputSpecError(`Expected ${height * width * 3} RGB values, got ${rgb.length}`);
  const bytes = channels === 1 ? luminanceBytes(rgb) : rgb;
  const n = height * width * channels;
  const { mean, std } = perChannel(norm, channels);
  if (spec.dtype === 'float32') {
    const out = new Float32Array(n);
    if (normalization === 'wrong') for (let i = 0; i < n; i++) out[i] = bytes[i]! / 255;
    else for (let i = 0; i < n; i++) out[i] = (bytes[i]! - mean[i % channels]!) / std[i % channels]!;
    return out;
  }
  if (spec.dtype === 'uint8' || spec.dtype === 'int8') {
    const { scale, zeroPoint, lo, hi } = inputQuantization(spec);
    const out = spec.dtype === 'uint8' ? new Uint8Array(n) : new Int8Array(n);
    const clamp = (x: number) => Math.min(hi, Math.max(lo, x));
    if (normalization === 'wrong') {
      for (let i = 0; i < n; i++) out[i] = clamp(roundHalfAwayFromZero((bytes[i]! - mean[i % channels]!) / std[i % channels]!));
      return out;
    }
    const offset = rawByteOffset(spec, norm);
    if (offset !== null) {
      for (let i = 0; i < n; i++) out[i] = clamp(roundHalfAwayFromZero(bytes[i]!) + offset);
      return out;
    }
    for (let i = 0; i < n; i++) out[i] = quantizeValue((bytes[i]! - mean[i % channels]!) / std[i % channels]!, scale, zeroPoint, lo, hi);
    return out;
  }
  throw new InputSpecError(`Input dtype ${spec.dtype} is not supported for images`);
}

/** A mid-grey picture as the model's input: the untimed warm-up run, and the run check of a produced model. */
export function greyInput(spec: TensorSpec, norm: Normalization): InputData {
  const { height, width } = imageInputSize(spec);
  return buildInput(new Float32Array(height * width * 3).fill(127.5), spec, norm);
}
