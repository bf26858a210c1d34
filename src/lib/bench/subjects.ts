// What the lab benchmarks: a manifest model, or a file handed over from the inspector.
import { assetUrl, getModel, sampleImages, type Localized, type ModelEntry } from '../models.ts';
import type { Normalization } from '../image/input.ts';

export interface BenchModelSource {
  id: string;
  name: Localized;
  sizeBytes: number;
  /** The float model's pixel normalisation (8-bit inputs use their own scale/zero point on top). */
  normalization: Normalization;
  entry?: ModelEntry;
  /** Bytes of a file that is not in the manifest (e.g. dropped into the inspector). */
  bytes?: Uint8Array;
}

/** MobileNet's usual [-1, 1] scaling: the best guess for a dropped file without metadata. */
export const DEFAULT_NORMALIZATION: Normalization = { mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] };

export function manifestSource(id: string): BenchModelSource {
  const entry = getModel(id);
  return { id, name: entry.name, sizeBytes: entry.bytes, normalization: entry.normalization, entry };
}

export function bytesSource(id: string, name: string, bytes: Uint8Array): BenchModelSource {
  return { id, name: { en: name, ja: name }, sizeBytes: bytes.byteLength, normalization: DEFAULT_NORMALIZATION, bytes };
}

/** The photo every benchmark feeds: Grace Hopper, the classic TFLite test image. */
export function benchPhotoUrl(): string {
  const photo = sampleImages.find((s) => s.id === 'grace_hopper') ?? sampleImages[0];
  if (!photo) throw new Error('The manifest lists no sample photo');
  return assetUrl(photo);
}
