// The representative set for calibration: the site's labelled dev photos (any number of them, or a
// split of them) or the reader's own files. Plain data (a URL or a Blob), so a set can be handed
// to the quantizer's worker; photos are fetched or read one at a time, when calibration needs them.
import { assetUrl, devImages } from '../models.ts';
import { FetchError } from '../fetch-with-progress.ts';

export interface CalibrationPhoto {
  /** File name or dev-photo id, for progress lines and messages about a photo that was skipped. */
  name: string;
  /** A same-origin URL, or the reader's own file. */
  source: string | Blob;
}

/** The photo's file; a dev photo that cannot be downloaded throws FetchError (status 0: the network failed). */
export async function loadPhoto(photo: CalibrationPhoto, signal?: AbortSignal): Promise<Blob> {
  if (typeof photo.source !== 'string') return photo.source;
  let res: Response;
  try {
    res = await fetch(photo.source, { signal });
  } catch (err) {
    signal?.throwIfAborted();
    throw new FetchError(`Could not download ${photo.name}: ${(err as Error).message}`, photo.source, 0);
  }
  if (!res.ok) throw new FetchError(`Could not download ${photo.name}: HTTP ${res.status}`, photo.source, res.status);
  return res.blob();
}

/**
 * `count` dev photos starting at `offset` (clamped to the set). The held-out experiment calibrates
 * on devPhotoSet(50) and evaluates on devPhotoSet(50, 50).
 */
export function devPhotoSet(count = devImages.length, offset = 0): CalibrationPhoto[] {
  const start = Math.max(0, offset);
  // Absolute URLs: the set may be used from the quantizer's worker, whose base URL is its script's.
  const origin = typeof location !== 'undefined' ? location.origin : 'http://localhost';
  return devImages.slice(start, start + Math.max(0, count)).map((d) => ({ name: d.id, source: new URL(assetUrl(d), origin).href }));
}

/** The reader's own photos (multi-file drop or picker); nothing leaves the tab. */
export function filePhotoSet(files: Iterable<File>): CalibrationPhoto[] {
  return [...files].map((file) => ({ name: file.name, source: file }));
}
