// One image to one model input, timed (preprocessing is reported apart from inference):
// crop (or squash) -> bilinear resize -> round to bytes -> channel order -> input tensor.
// The steps are parameters so that the classifier's "classic mistakes" (lib/classify/mistakes.ts)
// are data: each one changes one step and nothing else.
import type { InputData, TensorSpec } from '../runtime/types.ts';
import { roundHalfAwayFromZero } from '../quant/params.ts';
import { imagePixels, type DecodedImage, type ImageFit } from './decode.ts';
import { buildInput, imageInputSize, type InputNormalization, type Normalization } from './input.ts';
import { resizeBilinearRgb } from './resize.ts';

export interface PrepareSteps {
  /** Largest centred square (right) or the whole photo squeezed into a square. */
  fit: ImageFit;
  /** Order of the colour channels written into the tensor. */
  channels: 'rgb' | 'bgr';
  normalization: InputNormalization;
  /**
   * Size the photo is resized to, as a fraction of the model's input size. Below 1, the smaller
   * image's bytes are copied into the tensor as they are (rows wrap, the rest stays zero), which
   * is what copying a wrongly sized bitmap into the input buffer does.
   */
  sizeFactor: number;
}

export const CORRECT_STEPS: PrepareSteps = { fit: 'crop', channels: 'rgb', normalization: 'model', sizeFactor: 1 };

export interface PreparedInput {
  input: InputData;
  /**
   * The resized RGB bytes the input was built from (integers 0..255 in a Float32Array, laid out
   * as the tensor's height x width x 3); shareable between models of one size and the same steps.
   */
  rgb: Float32Array;
  /** Crop + resize + conversion time, ms. */
  ms: number;
}

/** Rounds resized values to bytes, as a bitmap resize does (halves away from zero). */
export function roundToBytes(values: Float32Array): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.min(255, Math.max(0, roundHalfAwayFromZero(values[i]!)));
  return out;
}

/** The bytes the tensor receives for an image of height x width, before normalisation. */
export function imageBytes(image: DecodedImage, height: number, width: number, steps: PrepareSteps = CORRECT_STEPS): Float32Array {
  const h = Math.max(1, Math.round(height * steps.sizeFactor));
  const w = Math.max(1, Math.round(width * steps.sizeFactor));
  const resized = roundToBytes(resizeBilinearRgb(imagePixels(image, steps.fit), w, h));
  const bytes = resized.length === height * width * 3 ? resized : new Float32Array(height * width * 3);
  if (bytes !== resized) bytes.set(resized);
  if (steps.channels === 'bgr') {
    for (let i = 0; i < bytes.length; i += 3) [bytes[i], bytes[i + 2]] = [bytes[i + 2]!, bytes[i]!];
  }
  return bytes;
}

/**
 * Crop, resize and convert `image` for a model with input `spec`. Pass `rgb` (from an earlier
 * call with the same size and steps) to reuse the resize.
 */
export function prepareInput(
  image: DecodedImage,
  spec: TensorSpec,
  norm: Normalization,
  rgb?: Float32Array,
  steps: PrepareSteps = CORRECT_STEPS,
): PreparedInput {
  const t0 = performance.now();
  const { height, width } = imageInputSize(spec);
  const bytes = rgb && rgb.length === height * width * 3 ? rgb : imageBytes(image, height, width, steps);
  const input = buildInput(bytes, spec, norm, steps.normalization);
  return { input, rgb: bytes, ms: performance.now() - t0 };
}
