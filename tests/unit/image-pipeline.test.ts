// Pure image steps: crop, bilinear resize (against tfjs-core's resizeBilinear as an independent
// reference), input building in each dtype, and the header sniffer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { centerCropToSquare } from '../../src/lib/image/crop.ts';
import { resizeBilinearRgb } from '../../src/lib/image/resize.ts';
import { buildInput, greyInput, imageInputSize, InputSpecError, luminanceBytes, rawByteOffset } from '../../src/lib/image/input.ts';
import { describeError } from '../../src/i18n/errors.ts';
import { isPhotoInput } from '../../src/lib/tryit/synthetic-inputs.ts';
import { isImageComplete } from '../../src/lib/image/complete.ts';
import { displaySize, readImageHeader } from '../../src/lib/image/header.ts';
import type { TensorSpec } from '../../src/lib/runtime/types.ts';

const norm = { mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] };

describe('centerCropToSquare', () => {
  it('takes the largest centered square', () => {
    expect(centerCropToSquare(640, 480)).toEqual({ sx: 80, sy: 0, size: 480 });
    expect(centerCropToSquare(480, 641)).toEqual({ sx: 0, sy: 80, size: 480 });
    expect(centerCropToSquare(5, 5)).toEqual({ sx: 0, sy: 0, size: 5 });
  });
  it('rejects empty images', () => {
    expect(() => centerCropToSquare(0, 10)).toThrow(RangeError);
  });
});

function randomRgba(width: number, height: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    data[i] = s % 256;
  }
  return data;
}

describe('resizeBilinearRgb', () => {
  it.each([
    [37, 23, 11, 7],
    [300, 300, 224, 224],
    [50, 50, 224, 224],
  ])('matches tf.image.resizeBilinear(halfPixelCenters) %ix%i -> %ix%i', (sw, sh, dw, dh) => {
    const rgba = randomRgba(sw, sh, sw * 31 + dh);
    const ours = resizeBilinearRgb({ data: rgba, width: sw, height: sh, channels: 4 }, dw, dh);
    const rgb = new Float32Array(sw * sh * 3);
    for (let i = 0; i < sw * sh; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = rgba[i * 4 + c]!;
    const ref = tf.tidy(() => tf.image.resizeBilinear(tf.tensor3d(rgb, [sh, sw, 3]), [dh, dw], false, true).dataSync());
    let maxDiff = 0;
    for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i]! - ref[i]!));
    expect(ours.length).toBe(dw * dh * 3);
    expect(maxDiff).toBeLessThan(1e-3);
  });

  it('differs from align-corners, so the convention matters and is pinned', () => {
    const rgba = randomRgba(40, 40, 7);
    const ours = resizeBilinearRgb({ data: rgba, width: 40, height: 40, channels: 4 }, 13, 13);
    const rgb = new Float32Array(40 * 40 * 3);
    for (let i = 0; i < 1600; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = rgba[i * 4 + c]!;
    const aligned = tf.tidy(() => tf.image.resizeBilinear(tf.tensor3d(rgb, [40, 40, 3]), [13, 13], true, false).dataSync());
    let maxDiff = 0;
    for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i]! - aligned[i]!));
    expect(maxDiff).toBeGreaterThan(10);
  });

  it('keeps a constant image constant and uses only RGB of RGBA', () => {
    const rgba = new Uint8Array(10 * 6 * 4);
    for (let i = 0; i < 60; i++) rgba.set([10, 20, 30, 0], i * 4);
    const out = resizeBilinearRgb({ data: rgba, width: 10, height: 6, channels: 4 }, 4, 4);
    for (let i = 0; i < 16; i++) expect([...out.subarray(i * 3, i * 3 + 3)]).toEqual([10, 20, 30]);
  });
});

const spec = (dtype: TensorSpec['dtype'], scale?: number, zeroPoint?: number, channels = 3): TensorSpec => ({
  name: 'input',
  dtype,
  shape: [1, 2, 2, channels],
  ...(scale !== undefined ? { quantization: { scale: [scale], zeroPoint: [zeroPoint ?? 0] } } : {}),
});

describe('buildInput', () => {
  const rgb = Float32Array.from([0, 127.5, 255, 1, 2, 3, 100, 128, 200, 254, 255, 64]);

  it('float32: (x - mean) / std', () => {
    const out = buildInput(rgb, spec('float32'), norm);
    expect(out).toBeInstanceOf(Float32Array);
    expect(out[0]).toBeCloseTo(-1, 6);
    expect(out[1]).toBeCloseTo(0, 6);
    expect(out[2]).toBeCloseTo(1, 6);
  });

  it('uint8 with scale 1/127.5 and zero point 127 (TF2 PTQ input) gives the pixel values', () => {
    const ints = Float32Array.from({ length: 12 }, (_, i) => i * 21);
    const out = buildInput(ints, spec('uint8', 1 / 127.5, 127), norm);
    expect(out).toBeInstanceOf(Uint8Array);
    expect([...out]).toEqual([...ints]);
  });

  it('uint8 with scale 1/128 and zero point 128 (TF1 QAT input) gets the raw bytes, as the official examples feed it', () => {
    const ints = Float32Array.from({ length: 12 }, (_, i) => i * 23);
    const out = buildInput(ints, spec('uint8', 1 / 128, 128), norm);
    expect([...out]).toEqual([...ints]);
    // Re-quantizing the normalised value of an interpolated 127.4 gives 128 where the byte is 127.
    expect(Math.round(((127.4 - 127.5) / 127.5) * 128 + 128)).toBe(128);
    expect(buildInput(Float32Array.from({ length: 12 }, () => 127.4), spec('uint8', 1 / 128, 128), norm)[0]).toBe(127);
    expect(rawByteOffset(spec('uint8', 1 / 128, 128), norm)).toBe(0);
  });

  it('an 8-bit input whose parameters do not cover the byte range is quantized from the normalised value', () => {
    expect(rawByteOffset(spec('uint8', 1 / 64, 128), norm)).toBeNull();
    const out = buildInput(Float32Array.from({ length: 12 }, () => 127.5 + 127.5 / 4), spec('uint8', 1 / 64, 128), norm);
    expect(out[0]).toBe(144); // 0.25 / (1/64) + 128
  });

  it('the "wrong normalisation" mistake: [0, 1] for float, the normalised value written into the bytes for 8-bit', () => {
    const bytes = Float32Array.from({ length: 12 }, (_, i) => i * 23);
    expect(buildInput(bytes, spec('float32'), norm, 'wrong')[11]).toBeCloseTo(253 / 255, 6);
    const u8 = buildInput(bytes, spec('uint8', 1 / 128, 128), norm, 'wrong');
    expect(new Set(u8)).toEqual(new Set([0, 1])); // a black picture: every byte is 0 or 1
  });

  it('int8 with scale 1/127.5 and zero point -1 gives byte - 128', () => {
    const ints = Float32Array.from([0, 1, 127, 128, 255, 200, 50, 60, 70, 80, 90, 100]);
    const out = buildInput(ints, spec('int8', 1 / 127.5, -1), norm);
    expect(out).toBeInstanceOf(Int8Array);
    expect([...out]).toEqual([...ints].map((x) => x - 128));
  });

  it('clamps to the dtype range', () => {
    const out = buildInput(rgb, spec('uint8', 1 / 256, 128), norm);
    expect(out[0]).toBe(0);
    expect(out[2]).toBe(255);
  });

  it('refuses 8-bit inputs without quantization and non-image shapes', () => {
    expect(() => buildInput(rgb, spec('uint8'), norm)).toThrow(InputSpecError);
    expect(() => imageInputSize({ name: 'x', dtype: 'float32', shape: [1, 1001] })).toThrow(InputSpecError);
    expect(() => buildInput(new Float32Array(3), spec('float32'), norm)).toThrow(InputSpecError);
  });
});

describe('readImageHeader', () => {
  it('reads JPEG size from the SOF marker', () => {
    const h = readImageHeader(readFileSync('public/images/grace_hopper.jpg'));
    expect(h.format).toBe('jpeg');
    expect(h.width).toBeGreaterThan(100);
    expect(h.height).toBeGreaterThan(100);
  });

  it('reads PNG and BMP sizes', () => {
    const png = new PNG({ width: 33, height: 17 });
    const h = readImageHeader(PNG.sync.write(png));
    expect(h).toEqual({ format: 'png', width: 33, height: 17 });
    const bmp = readImageHeader(readFileSync('public/images/cat.bmp'));
    expect(bmp.format).toBe('bmp');
    expect(bmp.width).toBeGreaterThan(0);
  });

  it('recognises SVG, GIF and non-images', () => {
    expect(readImageHeader(new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')).format).toBe('svg');
    expect(readImageHeader(new TextEncoder().encode('GIF89a\x02\x00\x03\x00')).format).toBe('gif');
    expect(readImageHeader(new TextEncoder().encode('hello, not an image')).format).toBe('unknown');
    expect(readImageHeader(new Uint8Array(0)).format).toBe('unknown');
  });

  it('reads EXIF orientation and swaps the displayed size for 90-degree rotations', () => {
    // SOI, APP1 Exif (big-endian TIFF, one IFD entry: Orientation = 6), SOF0 8x4.
    const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0];
    const app1 = [0xff, 0xe1, 0, 2 + 6 + tiff.length, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    const sof = [0xff, 0xc0, 0, 11, 8, 0, 4, 0, 8, 1, 1, 0x11, 0];
    const bytes = Uint8Array.from([0xff, 0xd8, ...app1, ...sof]);
    const h = readImageHeader(bytes);
    expect(h).toMatchObject({ format: 'jpeg', width: 8, height: 4, orientation: 6 });
    expect(displaySize(h)).toEqual({ width: 4, height: 8 });
  });
});

describe('isImageComplete', () => {
  const cases: [string, 'jpeg' | 'png' | 'bmp'][] = [
    ['public/images/grace_hopper.jpg', 'jpeg'],
    ['public/imagenet-dev/n01440764_tench.JPEG', 'jpeg'],
    ['public/images/sparrow.png', 'png'],
    ['public/images/bird.bmp', 'bmp'],
  ];
  for (const [file, format] of cases) {
    it(`${file}: whole file complete, cut files incomplete`, () => {
      const bytes = new Uint8Array(readFileSync(file));
      expect(readImageHeader(bytes).format).toBe(format);
      expect(isImageComplete(bytes, format)).toBe(true);
      for (const keep of [0.3, 0.6, 0.95]) expect(isImageComplete(bytes.subarray(0, Math.floor(bytes.length * keep)), format), `${keep}`).toBe(false);
      expect(isImageComplete(bytes.subarray(0, bytes.length - 2), format)).toBe(false);
    });
  }
  it('WebP (RIFF size) and GIF (trailer byte)', () => {
    const webp = new Uint8Array(readFileSync('public/thumbs/grace_hopper.webp'));
    expect(readImageHeader(webp).format).toBe('webp');
    expect(isImageComplete(webp, 'webp')).toBe(true);
    expect(isImageComplete(webp.subarray(0, webp.length - 10), 'webp')).toBe(false);
    // A 1x1 GIF: header, palette, image descriptor, one LZW block, trailer.
    const gif = Uint8Array.from([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b]);
    expect(isImageComplete(gif, 'gif')).toBe(true);
    expect(isImageComplete(gif.subarray(0, gif.length - 1), 'gif')).toBe(false);
  });

  it('trailing bytes after the end marker are fine; unknown formats are not judged', () => {
    const bytes = new Uint8Array(readFileSync('public/images/grace_hopper.jpg'));
    expect(isImageComplete(Uint8Array.from([...bytes, 0, 0, 0]), 'jpeg')).toBe(true);
    expect(isImageComplete(bytes, 'avif')).toBeNull();
  });
});

describe('one-channel (grayscale) inputs', () => {
  // Red, green, blue, a dark colour: luminance 0.299 R + 0.587 G + 0.114 B, rounded to a byte
  // 76.245 -> 76, 149.685 -> 150, 29.07 -> 29, 2.99 + 11.74 + 3.42 = 18.15 -> 18.
  const rgb = Float32Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
  const luma = [76, 150, 29, 18];
  const gray = (dtype: TensorSpec['dtype'], scale?: number, zeroPoint?: number) => spec(dtype, scale, zeroPoint, 1);
  const zeroToOne = { mean: [0], std: [255] };

  it('luminance uses the BT.601 weights (PIL convert("L")) and keeps greys grey', () => {
    expect([...luminanceBytes(rgb)]).toEqual(luma);
    expect([...luminanceBytes([0, 0, 0, 200, 200, 200, 255, 255, 255])]).toEqual([0, 200, 255]);
  });

  it('float32: the luminance, normalised as a colour model would be', () => {
    const out = buildInput(rgb, gray('float32'), norm);
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.length).toBe(4);
    const expected = [-0.403922, 0.176471, -0.772549, -0.858824]; // (76 - 127.5) / 127.5, ...
    expected.forEach((x, i) => expect(out[i]).toBeCloseTo(x, 5));
    // A normalisation with one value (a grayscale model's metadata), here [0, 1].
    const unit = buildInput(rgb, gray('float32'), zeroToOne);
    [76 / 255, 150 / 255, 29 / 255, 18 / 255].forEach((x, i) => expect(unit[i]).toBeCloseTo(x, 6));
  });

  it('uint8 whose scale and zero point cover the byte range gets the luminance bytes', () => {
    const out = buildInput(rgb, gray('uint8', 1 / 255, 0), zeroToOne);
    expect(out).toBeInstanceOf(Uint8Array);
    expect([...out]).toEqual(luma);
    expect(rawByteOffset(gray('uint8', 1 / 255, 0), zeroToOne)).toBe(0);
  });

  it('int8 (scale 1/255, zero point -128) gets luminance - 128', () => {
    const out = buildInput(rgb, gray('int8', 1 / 255, -128), zeroToOne);
    expect(out).toBeInstanceOf(Int8Array);
    expect([...out]).toEqual([-52, 22, -99, -110]);
  });

  it('int8 whose parameters say something else is quantized from the normalised luminance', () => {
    expect(rawByteOffset(gray('int8', 1 / 64, 0), norm)).toBeNull();
    // round((76 - 127.5) / 127.5 * 64) = round(-25.85) = -26, then 11.29 -> 11, -49.44 -> -49, -54.96 -> -55.
    expect([...buildInput(rgb, gray('int8', 1 / 64, 0), norm)]).toEqual([-26, 11, -49, -55]);
  });

  it('the "wrong normalisation" mistake applies to the luminance too', () => {
    const out = buildInput(rgb, gray('float32'), norm, 'wrong');
    expect(out[0]).toBeCloseTo(76 / 255, 6);
  });

  it('a mid-grey input has one value per pixel', () => {
    const out = greyInput({ name: 'x', dtype: 'float32', shape: [1, 28, 28, 1] }, zeroToOne);
    expect(out.length).toBe(28 * 28);
    expect(out[0]).toBeCloseTo(128 / 255, 6);
  });

  it('a batch left open in the shape signature is fed as its file shape [1, H, W, 1]', () => {
    // The reader gives the file's shape (batch 1); the signature's -1 stays with the engine.
    expect(imageInputSize({ name: 'x', dtype: 'float32', shape: [1, 28, 28, 1] })).toEqual({ height: 28, width: 28, channels: 1 });
    expect(isPhotoInput({ name: 'x', dtype: 'uint8', shape: [1, 28, 28, 1] })).toBe(true);
  });

  it.each([
    [[1, 2, 2, 2]],
    [[1, 2, 2, 4]],
    [[2, 2, 2, 1]],
    [[2, 2, 2, 3]],
    [[-1, 2, 2, 1]],
    [[1, 0, 2, 1]],
    [[2, 2, 1]],
    [[1, 2, 2, 1, 1]],
    [[1, 784]],
  ])('refuses %j with the existing message in both languages', (shape) => {
    const s: TensorSpec = { name: 'x', dtype: 'float32', shape };
    expect(isPhotoInput(s)).toBe(false);
    let thrown: unknown;
    try {
      buildInput(new Float32Array(12), s, norm);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InputSpecError);
    expect((thrown as Error).message).toContain(`got [${shape.join(', ')}]`);
    expect(describeError(thrown, 'en').message).toContain('[1, height, width, 1] for grayscale');
    expect(describeError(thrown, 'ja').message).toContain('グレースケールなら [1, 高さ, 幅, 1]');
  });
});
