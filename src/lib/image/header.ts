// Reads an image file's format and pixel size from its first bytes, without decoding it:
// used to reject non-images and SVG with a specific message, and to decode huge photos downscaled.

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'avif' | 'svg' | 'unknown';

export interface ImageHeader {
  format: ImageFormat;
  /** Stored size (before EXIF orientation), when the header says so. */
  width?: number;
  height?: number;
  /** EXIF orientation 1..8 of a JPEG (5..8 swap width and height on display). */
  orientation?: number;
}

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

function jpegHeader(bytes: Uint8Array, view: DataView): ImageHeader {
  const header: ImageHeader = { format: 'jpeg' };
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) break;
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    const length = view.getUint16(pos + 2);
    if (marker === 0xe1 && ascii(bytes, pos + 4, 4) === 'Exif') {
      const o = exifOrientation(view, pos + 10, pos + 2 + length);
      if (o) header.orientation = o;
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (pos + 9 <= bytes.length) {
        header.height = view.getUint16(pos + 5);
        header.width = view.getUint16(pos + 7);
      }
      return header;
    }
    pos += 2 + length;
  }
  return header;
}

/** EXIF orientation tag (0x0112) of the TIFF block starting at `tiff`. */
function exifOrientation(view: DataView, tiff: number, end: number): number | undefined {
  if (tiff + 8 > Math.min(end, view.byteLength)) return undefined;
  const little = view.getUint16(tiff) === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > view.byteLength) return undefined;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > view.byteLength) return undefined;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

export function readImageHeader(input: Uint8Array): ImageHeader {
  const bytes = input;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegHeader(bytes, view);
  if (bytes.length >= 8 && ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89) {
    return bytes.length >= 24 ? { format: 'png', width: view.getUint32(16), height: view.getUint32(20) } : { format: 'png' };
  }
  if (bytes.length >= 6 && ascii(bytes, 0, 3) === 'GIF') {
    return bytes.length >= 10
      ? { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) }
      : { format: 'gif' };
  }
  if (bytes.length >= 2 && ascii(bytes, 0, 2) === 'BM') {
    return bytes.length >= 26
      ? { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) }
      : { format: 'bmp' };
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { format: 'webp' };
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && /avi[fs]/.test(ascii(bytes, 8, 4))) return { format: 'avif' };
  const text = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || ((text.startsWith('<?xml') || text.startsWith('<!--')) && text.includes('<svg'))) {
    return { format: 'svg' };
  }
  return { format: 'unknown' };
}

/** Size as displayed: EXIF orientations 5..8 rotate by 90 degrees. */
export function displaySize(header: ImageHeader): { width: number; height: number } | null {
  if (!header.width || !header.height) return null;
  const swap = (header.orientation ?? 1) >= 5;
  return swap ? { width: header.height, height: header.width } : { width: header.width, height: header.height };
}
