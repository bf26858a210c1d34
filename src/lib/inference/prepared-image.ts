// Preparing: one decoded image, turned into model inputs on demand. The crop + resize to bytes is
// done once per input size (and pipeline steps) and shared by every model of that size; only the
// conversion to each model's dtype happens per model. Replaces passing resized pixels around by hand.
import { imageInputSize, buildInput } from '../image/input.ts';
import { CORRECT_STEPS, imageBytes, type PrepareSteps } from '../image/prepare.ts';
import type { DecodedImage } from '../image/decode.ts';
import type { TensorData, TensorSpec } from '../runtime/types.ts';
import type { Normalization } from '../image/input.ts';

/** Bytes (integers 0..255 as Float32Array, height x width x 3) of the image for one size and steps. */
export type BytesFor = (height: number, width: number, steps: PrepareSteps) => Float32Array;

export interface PreparedInput {
  input: TensorData;
  /** The bytes the input was built from (what the model "sees"; drawable as a preview). */
  rgb: Float32Array;
  /** Preparation time charged to this input, ms: crop + resize when this call did it, plus conversion. */
  ms: number;
}

export class PreparedImage {
  private readonly cache = new Map<string, Float32Array>();

  constructor(private readonly bytesFor: BytesFor) {}

  /** Resized bytes for a size and steps, computed on first use. */
  bytes(height: number, width: number, steps: PrepareSteps = CORRECT_STEPS): { rgb: Float32Array; ms: number } {
    const key = `${height}x${width}:${JSON.stringify(steps)}`;
    const cached = this.cache.get(key);
    if (cached) return { rgb: cached, ms: 0 };
    const t0 = performance.now();
    const rgb = this.bytesFor(height, width, steps);
    this.cache.set(key, rgb);
    return { rgb, ms: performance.now() - t0 };
  }

  /** The input tensor for a model with input `spec` and pixel normalisation `norm`. */
  inputFor(spec: TensorSpec, norm: Normalization, steps: PrepareSteps = CORRECT_STEPS): PreparedInput {
    const { height, width } = imageInputSize(spec);
    const { rgb, ms } = this.bytes(height, width, steps);
    const t0 = performance.now();
    const input = buildInput(rgb, spec, norm, steps.normalization);
    return { input, rgb, ms: ms + performance.now() - t0 };
  }
}

/** A decoded image ready to be prepared for any model (decoding stays with the caller, who closes it). */
export function prepareImage(image: DecodedImage): PreparedImage {
  return new PreparedImage((height, width, steps) => imageBytes(image, height, width, steps));
}
