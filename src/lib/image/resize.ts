// Bilinear resize of interleaved 8-bit pixels, in plain TypeScript so that it is exactly the same
// in every browser and in Node tests.
//
// Convention: half-pixel centers (destination pixel d samples source coordinate
// (d + 0.5) * src/dst - 0.5, clamped to the edges), i.e. tf.image.resize(..., 'bilinear') in TF2,
// tf.compat.v1.image.resize_bilinear(half_pixel_centers=True), OpenCV INTER_LINEAR and PIL's
// bilinear when upscaling. Not align-corners (TF1's old default), which shifts the image by up to
// half a pixel. No anti-aliasing: like those references, downscaling samples 4 neighbours only.

export interface PixelBuffer {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** Values per pixel: 4 for canvas RGBA, 3 for RGB. */
  channels: number;
}

/** One axis' sample positions: lower index, upper index and weight of the upper one, per output pixel. */
function axisSamples(srcSize: number, dstSize: number): { lo: Int32Array; hi: Int32Array; w: Float32Array } {
  const lo = new Int32Array(dstSize);
  const hi = new Int32Array(dstSize);
  const w = new Float32Array(dstSize);
  const scale = srcSize / dstSize;
  for (let d = 0; d < dstSize; d++) {
    const s = Math.min(Math.max((d + 0.5) * scale - 0.5, 0), srcSize - 1);
    const l = Math.floor(s);
    lo[d] = l;
    hi[d] = Math.min(l + 1, srcSize - 1);
    w[d] = s - l;
  }
  return { lo, hi, w };
}

/**
 * Resizes `src` to width x height and returns RGB as float32 values in 0..255 (not rounded, so the
 * model sees the interpolated value; the 8-bit path rounds once, when quantizing).
 * Only the first three channels are used (alpha is dropped: composite before calling).
 */
export function resizeBilinearRgb(src: PixelBuffer, width: number, height: number): Float32Array {
  const { data, channels } = src;
  if (channels < 3) throw new RangeError('resizeBilinearRgb needs at least 3 channels');
  if (data.length < src.width * src.height * channels) throw new RangeError('Pixel buffer is smaller than its size says');
  const xs = axisSamples(src.width, width);
  const ys = axisSamples(src.height, height);
  const out = new Float32Array(width * height * 3);
  const stride = src.width * channels;
  for (let y = 0; y < height; y++) {
    const row0 = ys.lo[y]! * stride;
    const row1 = ys.hi[y]! * stride;
    const wy = ys.w[y]!;
    for (let x = 0; x < width; x++) {
      const c0 = xs.lo[x]! * channels;
      const c1 = xs.hi[x]! * channels;
      const wx = xs.w[x]!;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const top = data[row0 + c0 + c]! + (data[row0 + c1 + c]! - data[row0 + c0 + c]!) * wx;
        const bottom = data[row1 + c0 + c]! + (data[row1 + c1 + c]! - data[row1 + c0 + c]!) * wx;
        out[o + c] = top + (bottom - top) * wy;
      }
    }
  }
  return out;
}
