// Does an image file contain the whole picture? Browsers decode a truncated JPEG or PNG without
// complaint and fill the missing part with grey, so a cut-off download would be classified as a
// half-blank photo. This walks the file's structure (no pixel decoding) to the marker that ends
// the picture: JPEG EOI, PNG IEND, GIF trailer, the sizes RIFF (WebP) and BMP declare.
import type { ImageFormat } from './header.ts';

/** true: the file reaches its end marker; false: it stops early; null: format not checked. */
export function isImageComplete(bytes: Uint8Array, format: ImageFormat): boolean | null {
  const check = checks[format];
  return check ? check(bytes) : null;
}

const checks: Partial<Record<ImageFormat, (bytes: Uint8Array) => boolean>> = {
  jpeg: jpegComplete,
  png: pngComplete,
  gif: gifComplete,
  webp: (bytes) => bytes.length >= 12 && new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true) + 8 <= bytes.length,
  bmp: bmpComplete,
};

/** Walks the segments; inside entropy-coded data, 0xFF is followed by 0x00 (stuffing) or RSTn. */
function jpegComplete(bytes: Uint8Array): boolean {
  let pos = 2;
  while (pos + 1 < bytes.length) {
    if (bytes[pos] !== 0xff) {
      pos++; // entropy-coded data of the scan
      continue;
    }
    const marker = bytes[pos + 1]!;
    if (marker === 0xd9) return true; // EOI
    if (marker === 0x00 || marker === 0xff || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += marker === 0xff ? 1 : 2;
      continue;
    }
    if (pos + 3 >= bytes.length) return false;
    const length = (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    pos += 2 + length;
  }
  return false;
}

function pngComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  while (pos + 8 <= bytes.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const end = pos + 12 + length;
    if (end > bytes.length) return false;
    if (type === 'IEND') return true;
    pos = end;
  }
  return false;
}

function bmpComplete(bytes: Uint8Array): boolean {
  if (bytes.length < 34) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offset = view.getUint32(10, true);
  const width = Math.abs(view.getInt32(18, true));
  const height = Math.abs(view.getInt32(22, true));
  const bits = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const imageSize = view.getUint32(34, true);
  // Uncompressed rows are padded to 4 bytes; compressed ones declare their size.
  const pixels = compression === 0 || compression === 3 ? Math.ceil((width * bits) / 32) * 4 * height : imageSize;
  return offset + pixels <= bytes.length;
}

/** The GIF trailer (0x3B) is the last byte, before any zero padding. */
function gifComplete(bytes: Uint8Array): boolean {
  let end = bytes.length - 1;
  while (end > 13 && bytes[end] === 0) end--;
  return end > 13 && bytes[end] === 0x3b;
}
