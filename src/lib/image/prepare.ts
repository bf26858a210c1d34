// One image to one model input, timed (preprocessing is reported apart from inference).
import type { InputData, TensorSpec } from '../runtime/types.ts';
import { centerSquarePixels, type DecodedImage } from './decode.ts';
import { buildInput, imageInputSize, type Normalization } from './input.ts';
import { resizeBilinearRgb } from './resize.ts';

export interface PreparedInput {
  input: InputData;
  /** The resized RGB image (0..255) the input was built from; shareable between models of one size. */
  rgb: Float32Array;
  /** Crop + resize + conversion time, ms. */
  ms: number;
}

/** Crop, resize and convert `image` for a model with input `spec`. Pass `rgb` to reuse a resize. */
export function prepareInput(image: DecodedImage, spec: TensorSpec, norm: Normalization, rgb?: Float32Array): PreparedInput {
  const t0 = performance.now();
  const { height, width } = imageInputSize(spec);
  const resized = rgb && rgb.length === height * width * 3 ? rgb : resizeBilinearRgb(centerSquarePixels(image), width, height);
  const input = buildInput(resized, spec, norm);
  return { input, rgb: resized, ms: performance.now() - t0 };
}
