// Sample-photo thumbnails for the classifier's gallery: the gallery shows 72 px squares, so a
// first visit should not download the full photos (3.7 MB) to draw them. 144 px (2x for dense
// screens) centre-cropped WebP, a few KB each, made with sharp (installed with Astro).
// sharp reads JPEG/PNG; the BMP samples (24/32-bit, uncompressed) are decoded here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { fileIsCurrent, writeAtomically } from './materialize.ts';

export const THUMB_SIZE = 144;

/** public/ path of a sample's thumbnail (the island derives the same path from the id). */
export const thumbnailFile = (id: string) => `thumbs/${id}.webp`;

function decodeBmp(buf: Buffer): { data: Buffer; width: number; height: number } {
  const offset = buf.readUInt32LE(10);
  const width = buf.readInt32LE(18);
  const rawHeight = buf.readInt32LE(22);
  const bits = buf.readUInt16LE(28);
  if (buf.readUInt32LE(30) !== 0 || (bits !== 24 && bits !== 32)) throw new Error('only uncompressed 24/32-bit BMP is supported');
  const height = Math.abs(rawHeight);
  const bpp = bits / 8;
  const stride = Math.ceil((width * bpp) / 4) * 4;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      const s = row + x * bpp;
      data.set([buf[s + 2]!, buf[s + 1]!, buf[s]!], (y * width + x) * 3);
    }
  }
  return { data, width, height };
}

/** Writes one thumbnail per sample; returns how many changed. */
export async function makeThumbnails(images: readonly { id: string; file: string }[], publicDir: string): Promise<number> {
  let written = 0;
  for (const image of images) {
    const bytes = await readFile(join(publicDir, image.file));
    const input = bytes.subarray(0, 2).toString('latin1') === 'BM' ? decodeBmp(bytes) : null;
    const pipeline = input ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: 3 } }) : sharp(bytes);
    const thumb = await pipeline.rotate().resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover' }).webp({ quality: 70 }).toBuffer();
    const target = join(publicDir, thumbnailFile(image.id));
    if (await fileIsCurrent(target, thumb)) continue;
    await writeAtomically(target, thumb);
    written++;
  }
  return written;
}
