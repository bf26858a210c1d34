// What can be run: a manifest model, or a file that is not in the manifest (dropped into the
// inspector and handed over). Everything the inference path needs to know about it, as data.
import { assetUrl, getModel, type Localized, type ModelEntry } from '../models.ts';
import { fetchWithProgress, type ProgressCallback } from '../fetch-with-progress.ts';
import type { Normalization } from '../image/input.ts';
import type { OutputKind } from '../classify/output.ts';

export interface ModelSource {
  id: string;
  name: Localized;
  sizeBytes: number;
  /** The float model's pixel normalisation (8-bit inputs use their own scale/zero point on top). */
  normalization: Normalization;
  /** Whether the output is already probabilities or logits that need a softmax. */
  output: OutputKind;
  /** Manifest entry, for manifest models (labels, published figures). */
  entry?: ModelEntry;
  /** Bytes of a file that is not in the manifest. */
  bytes?: Uint8Array;
}

/** MobileNet's usual [-1, 1] scaling: the best guess for a dropped file without metadata. */
export const DEFAULT_NORMALIZATION: Normalization = { mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] };

export function manifestSource(idOrEntry: string | ModelEntry): ModelSource {
  const entry = typeof idOrEntry === 'string' ? getModel(idOrEntry) : idOrEntry;
  return { id: entry.id, name: entry.name, sizeBytes: entry.bytes, normalization: entry.normalization, output: entry.output, entry };
}

export function bytesSource(id: string, name: string, bytes: Uint8Array): ModelSource {
  return { id, name: { en: name, ja: name }, sizeBytes: bytes.byteLength, normalization: DEFAULT_NORMALIZATION, output: 'probabilities', bytes };
}

/** A manifest model's bytes, downloaded with progress (the browser's HTTP cache serves repeat visits). */
export function fetchModelBytes(entry: ModelEntry, onProgress?: ProgressCallback): Promise<Uint8Array> {
  return fetchWithProgress(assetUrl(entry), onProgress, { expectedBytes: entry.bytes });
}

/** The source's bytes: the ones it carries, or the manifest file downloaded. */
export async function sourceBytes(source: ModelSource, onProgress?: ProgressCallback): Promise<Uint8Array> {
  if (source.bytes) return source.bytes;
  if (!source.entry) throw new Error(`${source.id}: no bytes and no manifest entry`);
  return fetchModelBytes(source.entry, onProgress);
}
