// Valid inputs of any dtype and shape, for running a model whose inputs are not a photo (the
// benchmark lab and the inspector's raw run). Deterministic: the same specs give the same arrays.
import { seededRandom } from '../random.ts';
import type { TensorData, TensorSpec } from '../runtime/types.ts';
import { photoInputSize } from '../image/input.ts';

export class SyntheticInputError extends Error {
  override name = 'SyntheticInputError';
  constructor(message: string, readonly code: 'string-input' | 'unsupported-dtype') {
    super(message);
  }
}

/** The shape actually fed: dynamic (-1) or empty (0) dimensions become 1. */
export function concreteShape(shape: readonly number[]): number[] {
  return shape.map((d) => (d > 0 ? d : 1));
}

/**
 * One array per input. Floats: uniform in [-1, 1) (a normalised signal or image); 8-bit: the
 * whole integer range; int32 (token ids, indices): zeros, which are valid for any lookup table.
 */
export function syntheticInputs(specs: readonly TensorSpec[], seed = 1): TensorData[] {
  const random = seededRandom(seed);
  return specs.map((spec) => {
    const n = concreteShape(spec.shape).reduce((a, b) => a * b, 1);
    switch (spec.dtype) {
      case 'float32': case 'float16':
        return Float32Array.from({ length: n }, () => random() * 2 - 1);
      case 'uint8': return Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      case 'int8': return Int8Array.from({ length: n }, () => Math.floor(random() * 256) - 128);
      case 'int16': return Int16Array.from({ length: n }, () => Math.floor((random() * 2 - 1) * 32767));
      case 'int32': return new Int32Array(n);
      case 'bool': return new Uint8Array(n);
      case 'string': throw new SyntheticInputError(`Input "${spec.name}" is a string tensor; the browser runtimes take numbers only`, 'string-input');
      default: throw new SyntheticInputError(`Input "${spec.name}" has dtype ${spec.dtype}, which the site cannot build`, 'unsupported-dtype');
    }
  });
}

/** Is `spec` an image the photo pipeline can fill ([1, H, W, 3] colour or [1, H, W, 1] grayscale)? */
export function isPhotoInput(spec: TensorSpec | undefined): boolean {
  return !!spec && photoInputSize(spec) !== null && ['float32', 'uint8', 'int8'].includes(spec.dtype);
}
