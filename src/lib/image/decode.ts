// Browser decoding: any image the browser can decode (file, drop, paste, sample URL), with EXIF
// orientation honoured, and webcam frames; then the largest centered square as RGBA pixels.
// Runs in the browser only (createImageBitmap, canvas); the pure steps live in crop/resize/input.
import { centerCropToSquare } from './crop.ts';
import { displaySize, readImageHeader } from './header.ts';
import { isImageComplete } from './complete.ts';
import type { PixelBuffer } from './resize.ts';

export type ImageErrorCode = 'empty' | 'not-image' | 'svg' | 'too-large' | 'corrupt';

export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
  constructor(
    message: string,
    /** Machine-readable reason, so the UI can explain it in the reader's language. */
    readonly code: ImageErrorCode,
  ) {
    super(message);
  }
}

/** Above this many pixels a photo is decoded downscaled (the models see 224 px anyway). */
export const DOWNSCALE_ABOVE_PIXELS = 24_000_000;
/** Longest side a downscaled decode keeps. */
export const DOWNSCALED_SIDE = 4096;
/** Refused outright: more than any camera makes, and more than a tab can safely hold. */
export const MAX_PIXELS = 200_000_000;
export const MAX_SIDE = 30_000;

export interface DecodedImage {
  source: CanvasImageSource;
  /** Displayed size (after EXIF orientation and any downscaling). */
  width: number;
  height: number;
  /** Size of the original file's pixels, when known. */
  originalWidth: number;
  originalHeight: number;
  /** True when the file stops before the end of its picture (the browser filled the rest with grey). */
  incomplete: boolean;
  close(): void;
}

function checkSize(width: number, height: number): void {
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new ImageDecodeError(`Image is too large to decode safely (${width}x${height})`, 'too-large');
  }
}

/** Decodes an image file. Throws ImageDecodeError with a specific code on bad input. */
export async function decodeImageBlob(blob: Blob): Promise<DecodedImage> {
  if (blob.size === 0) throw new ImageDecodeError('The file is empty (0 bytes)', 'empty');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const header = readImageHeader(bytes.subarray(0, 256 * 1024));
  if (header.format === 'svg' || blob.type === 'image/svg+xml') {
    throw new ImageDecodeError('SVG is a vector drawing, not a photo', 'svg');
  }
  if (header.format === 'unknown' && !blob.type.startsWith('image/')) {
    throw new ImageDecodeError(`Not an image file (${blob.type || 'unknown type'})`, 'not-image');
  }
  const size = displaySize(header);
  if (size) checkSize(size.width, size.height);
  const options: ImageBitmapOptions = { imageOrientation: 'from-image' };
  if (size && size.width * size.height > DOWNSCALE_ABOVE_PIXELS) {
    const scale = DOWNSCALED_SIDE / Math.max(size.width, size.height);
    options.resizeWidth = Math.max(1, Math.round(size.width * scale));
    options.resizeHeight = Math.max(1, Math.round(size.height * scale));
    options.resizeQuality = 'high';
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, options);
  } catch (err) {
    if (typeof createImageBitmap === 'function' && !options.resizeWidth) {
      // Some browsers reject formats in createImageBitmap that <img> decodes: try that before giving up.
      const fallback = await decodeWithImageElement(blob, header.format === 'unknown' ? false : isImageComplete(bytes, header.format) === false).catch(() => null);
      if (fallback) return fallback;
    }
    throw new ImageDecodeError(`The browser could not decode this image: ${(err as Error).message}`, header.format === 'unknown' ? 'not-image' : 'corrupt');
  }
  checkSize(bitmap.width, bitmap.height);
  return {
    source: bitmap,
    width: bitmap.width,
    height: bitmap.height,
    originalWidth: size?.width ?? bitmap.width,
    originalHeight: size?.height ?? bitmap.height,
    incomplete: isImageComplete(bytes, header.format) === false,
    close: () => bitmap.close(),
  };
}

/** <img> decoding (honours EXIF orientation by default) for browsers without createImageBitmap support. */
async function decodeWithImageElement(blob: Blob, incomplete: boolean): Promise<DecodedImage> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    if (!img.naturalWidth || !img.naturalHeight) throw new Error('no pixels');
    checkSize(img.naturalWidth, img.naturalHeight);
    return {
      source: img,
      width: img.naturalWidth,
      height: img.naturalHeight,
      originalWidth: img.naturalWidth,
      originalHeight: img.naturalHeight,
      incomplete,
      close: () => undefined,
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A video frame (webcam) as a decodable source; nothing to release. */
export function videoFrame(video: HTMLVideoElement): DecodedImage {
  if (!video.videoWidth || !video.videoHeight) throw new ImageDecodeError('The camera has not sent a frame yet', 'empty');
  return {
    source: video,
    width: video.videoWidth,
    height: video.videoHeight,
    originalWidth: video.videoWidth,
    originalHeight: video.videoHeight,
    incomplete: false,
    close: () => undefined,
  };
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
let scratch: { canvas: HTMLCanvasElement | OffscreenCanvas; ctx: Ctx2D } | null = null;

function scratchContext(width: number, height: number): Ctx2D {
  if (!scratch) {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Ctx2D | null;
    if (!ctx) throw new Error('This browser cannot create a 2D canvas');
    scratch = { canvas, ctx };
  }
  if (scratch.canvas.width !== width || scratch.canvas.height !== height) {
    scratch.canvas.width = width;
    scratch.canvas.height = height;
  }
  return scratch.ctx;
}

/** How the photo becomes the model's square: the largest centred square, or the whole photo squashed. */
export type ImageFit = 'crop' | 'squash';

/**
 * The part of the image the model will see, at the image's own resolution (no scaling by the
 * canvas), as RGBA: the largest centred square ('crop'), or the whole image ('squash', which the
 * resize then squeezes into a square). Transparent pixels are composited over white, as the
 * reader sees them on the page.
 */
export function imagePixels(image: DecodedImage, fit: ImageFit = 'crop'): PixelBuffer {
  const { sx, sy, size } = centerCropToSquare(image.width, image.height);
  const [x, y, w, h] = fit === 'crop' ? [sx, sy, size, size] : [0, 0, image.width, image.height];
  const ctx = scratchContext(w, h);
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(image.source, x, y, w, h, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  return { data, width: w, height: h, channels: 4 };
}

/** The largest centered square of the image as RGBA (see imagePixels). */
export function centerSquarePixels(image: DecodedImage): PixelBuffer {
  return imagePixels(image, 'crop');
}
