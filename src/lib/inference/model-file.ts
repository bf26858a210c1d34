// A manifest model's bytes, downloaded with progress (the browser's HTTP cache serves repeat visits).
import { assetUrl, type ModelEntry } from '../models.ts';
import { fetchWithProgress, type ProgressCallback } from '../fetch-with-progress.ts';

export function fetchModelBytes(entry: ModelEntry, onProgress?: ProgressCallback): Promise<Uint8Array> {
  return fetchWithProgress(assetUrl(entry), onProgress, { expectedBytes: entry.bytes });
}
