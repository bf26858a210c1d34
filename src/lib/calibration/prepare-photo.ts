// One calibration photo to the calibration model's input: decode, largest centred square, bilinear
// resize, the chosen normalisation (the classifier's own pipeline, lib/inference/prepared-image.ts).
// The lab runs this in the quantizer's worker: decoding and drawing a photo happens when it is
// first drawn, which took 60-80 ms of the page's main thread per 500 px dev photo (a phone photo,
// far more).
import { decodeImageBlob, type Normalization } from '../image/index.ts';
import { prepareImage } from '../inference/prepared-image.ts';
import type { TensorData, TensorSpec } from '../runtime/types.ts';

/** The input tensor for `spec` from an image file; throws ImageDecodeError for a file that is not a usable image. */
export async function photoToInput(blob: Blob, spec: TensorSpec, normalization: Normalization): Promise<TensorData> {
  const decoded = await decodeImageBlob(blob);
  try {
    return prepareImage(decoded).inputFor(spec, normalization).input;
  } finally {
    decoded.close();
  }
}
