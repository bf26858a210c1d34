// One image to the bytes a model input is built from: crop (or squash) -> bilinear resize -> round
// to bytes -> channel order. lib/inference/prepared-image.ts caches them per input size and builds
// each model's tensor from them (image/input.ts).
// The steps are parameters so that the classifier's "classic mistakes" (lib/classify/mistakes.ts)
// are data: each one changes one step and nothing else.
import { roundHalfAwayFromZero } from '../quant/params.ts';
import { imagePixels, type DecodedImage, type ImageFit } from './decode.ts';
import type { InputNormalization } from './input.ts';
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
