// The photo every benchmark and profile feeds: Grace Hopper, the classic TFLite test image.
// Downloaded, decoded and prepared once per page; its resizes are cached per input size.
import { assetUrl, sampleImages } from '../models.ts';
import { decodeImageBlob } from '../image/decode.ts';
import { prepareImage, type PreparedImage } from '../inference/prepared-image.ts';
import { BenchError } from './errors.ts';

export function benchPhotoUrl(): string {
  const photo = sampleImages.find((s) => s.id === 'grace_hopper') ?? sampleImages[0];
  if (!photo) throw new Error('The manifest lists no sample photo');
  return assetUrl(photo);
}

let photo: Promise<PreparedImage> | null = null;

export function benchPhoto(): Promise<PreparedImage> {
  photo ??= (async () => {
    const res = await fetch(benchPhotoUrl());
    if (!res.ok) throw new BenchError(`Could not download the benchmark photo: HTTP ${res.status}`, 'photo-failed');
    return prepareImage(await decodeImageBlob(await res.blob()));
  })();
  photo.catch(() => (photo = null));
  return photo;
}
