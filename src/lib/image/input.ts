// Turns RGB pixel values (0..255) into the model's input tensor, in the model's own dtype.
//
// float32 input: real = (pixel - mean) / std, the manifest's normalisation ((x - 127.5) / 127.5 here).
// 8-bit input:   the same real value, quantized with the input tensor's own scale and zero point
//                read from the .tflite file: q = clamp(round(real / scale + zeroPoint)).
// So nothing is hard-coded per model. For the TF2 int8 PTQ MobileNet (uint8 input, scale 1/127.5,
// zero point 127) q equals the pixel value; for the TF1 uint8 QAT ones (scale 1/128, zero point
// 128) q = round(pixel * 128/127.5 - 0.5), which differs from the raw pixel by at most 1.
import { dtypeRange } from '../quant/params.ts';
import { quantizeValue } from '../quant/quantize.ts';
import type { InputData, TensorSpec } from '../runtime/types.ts';

export interface Normalization {
  mean: number[];
  std: number[];
}

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

/**
 * Builds the model input from interleaved RGB values (length H*W*3, values 0..255).
 * `norm` maps pixels to the real values the float model was trained on.
 */
export function buildInput(rgb: ArrayLike<number>, spec: TensorSpec, norm: Normalization): InputData {
  const { height, width } = imageInputSize(spec);
  const n = height * width * 3;
  if (rgb.length !== n) throw new InputSpecError(`Expected ${n} RGB values, got ${rgb.length}`);
  const mean = [0, 1, 2].map((c) => norm.mean[c] ?? norm.mean[0] ?? 0);
  const std = [0, 1, 2].map((c) => norm.std[c] ?? norm.std[0] ?? 1);
  if (spec.dtype === 'float32') {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (rgb[i]! - mean[i % 3]!) / std[i % 3]!;
    return out;
  }
  if (spec.dtype === 'uint8' || spec.dtype === 'int8') {
    const q = spec.quantization;
    if (!q || q.scale.length !== 1 || q.zeroPoint.length !== 1) {
      throw new InputSpecError(`The ${spec.dtype} input "${spec.name}" has no per-tensor scale and zero point`);
    }
    const scale = q.scale[0]!;
    const zeroPoint = q.zeroPoint[0]!;
    const { qmin, qmax } = dtypeRange(spec.dtype)!;
    const out = spec.dtype === 'uint8' ? new Uint8Array(n) : new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const real = (rgb[i]! - mean[i % 3]!) / std[i % 3]!;
      out[i] = quantizeValue(real, scale, zeroPoint, qmin, qmax);
    }
    return out;
  }
  throw new InputSpecError(`Input dtype ${spec.dtype} is not supported for images`);
}
