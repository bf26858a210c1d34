// Accuracy on the 100 ImageNet dev photos, computed in the browser by driving the island exactly as
// a reader would (file input), for every model of every pair and both runtimes; the two runtimes
// must agree on top-1; and an independent reference preprocessing (jpeg-js/BMP/pngjs decode in
// Node + its own crop and bilinear resize, none of the site's code) must lead to the same top-1.
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { test, expect } from './fixtures.ts';
import { classifyFile, openClassifier } from './classifier-helpers.ts';
import { devImages, getModel, modelPairs, sampleImages } from '../../src/lib/models.ts';

const MIN_TOP1: Record<string, number> = {
  mobilenet_v1_0: 0.45, // v1 0.25 224, float and uint8
  mobilenet_v2_1: 0.75,
};
const minTop1 = (id: string) => Object.entries(MIN_TOP1).find(([prefix]) => id.startsWith(prefix))![1];

test.describe.configure({ timeout: 300_000 });

for (const pair of modelPairs) {
  test(`dev-set top-1 and runtime agreement: ${pair.id}`, async ({ page }) => {
    const top1: Record<string, Record<string, number[]>> = {}; // runtime -> model -> top-1 per photo
    for (const runtime of ['tfjs-tflite', 'litert']) {
      await openClassifier(page, { pair: pair.id, runtime, runs: '1' });
      top1[runtime] = { [pair.a]: [], [pair.b]: [] };
      for (const photo of devImages) {
        const results = await classifyFile(page, `public/${photo.file}`);
        for (const id of [pair.a, pair.b]) top1[runtime]![id]!.push(results[id]![0]!.index);
      }
    }
    const truth = devImages.map((d) => d.index_1001);
    for (const id of [pair.a, pair.b]) {
      const report: string[] = [];
      for (const runtime of Object.keys(top1)) {
        const predicted = top1[runtime]![id]!;
        const accuracy = predicted.filter((p, i) => p === truth[i]).length / truth.length;
        report.push(`${runtime} ${(accuracy * 100).toFixed(0)}%`);
        expect(accuracy, `${id} on ${runtime}`).toBeGreaterThanOrEqual(minTop1(id));
      }
      const a = top1['tfjs-tflite']![id]!;
      const b = top1.litert![id]!;
      const agreement = a.filter((p, i) => p === b[i]).length / a.length;
      console.log(`[accuracy] ${id}: top-1 ${report.join(', ')}; runtimes agree on ${(agreement * 100).toFixed(0)}%`);
      expect(agreement, `${id}: tfjs-tflite vs litert`).toBeGreaterThanOrEqual(0.98);
    }
  });
}

// ---- Independent reference preprocessing (deliberately not the site's code) ----

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decodeBmp(buf: Buffer): Rgba {
  const offset = buf.readUInt32LE(10);
  const width = buf.readInt32LE(18);
  const rawHeight = buf.readInt32LE(22);
  const bpp = buf.readUInt16LE(28);
  if (bpp !== 24 && bpp !== 32) throw new Error(`BMP with ${bpp} bits per pixel`);
  const height = Math.abs(rawHeight);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      const p = row + x * (bpp / 8);
      data.set([buf[p + 2]!, buf[p + 1]!, buf[p]!, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

function decodeFile(path: string): Rgba {
  const buf = readFileSync(path);
  if (path.endsWith('.bmp')) return decodeBmp(buf);
  if (path.endsWith('.png')) {
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  }
  const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true });
  return { width: img.width, height: img.height, data: new Uint8Array(img.data) };
}

/** Largest centered square, then bilinear resize with pixel centres at +0.5, to an 8-bit RGB PNG.
 * Transparent pixels are composited over white first (the site's documented choice). */
function referencePng(img: Rgba, out: number): Buffer {
  const side = Math.min(img.width, img.height);
  const left = Math.floor((img.width - side) / 2);
  const top = Math.floor((img.height - side) / 2);
  const png = new PNG({ width: out, height: out });
  const ratio = side / out;
  const at = (x: number, y: number, c: number) => {
    const i = ((top + y) * img.width + left + x) * 4;
    const alpha = img.data[i + 3]! / 255;
    return img.data[i + c]! * alpha + 255 * (1 - alpha);
  };
  for (let oy = 0; oy < out; oy++) {
    const sy = Math.max(0, Math.min(side - 1, (oy + 0.5) * ratio - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(side - 1, y0 + 1);
    const fy = sy - y0;
    for (let ox = 0; ox < out; ox++) {
      const sx = Math.max(0, Math.min(side - 1, (ox + 0.5) * ratio - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(side - 1, x0 + 1);
      const fx = sx - x0;
      for (let c = 0; c < 3; c++) {
        const v =
          at(x0, y0, c) * (1 - fx) * (1 - fy) + at(x1, y0, c) * fx * (1 - fy) + at(x0, y1, c) * (1 - fx) * fy + at(x1, y1, c) * fx * fy;
        png.data[(oy * out + ox) * 4 + c] = Math.round(v);
      }
      png.data[(oy * out + ox) * 4 + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

test('independent reference preprocessing agrees with the site on top-1 (photos unused elsewhere)', async ({ page }) => {
  // The sample photos except grace_hopper (which other tests use). Readers' photos go through the same path.
  const photos = sampleImages.filter((s) => s.id !== 'grace_hopper').map((s) => `public/${s.file}`);
  let agree = 0;
  let total = 0;
  for (const pair of modelPairs) {
    await openClassifier(page, { pair: pair.id, runtime: 'tfjs-tflite', runs: '1' });
    const size = getModel(pair.a).resolution;
    for (const path of photos) {
      const site = await classifyFile(page, path);
      const reference = await classifyFile(page, { name: 'reference.png', mimeType: 'image/png', buffer: referencePng(decodeFile(path), size) });
      for (const id of [pair.a, pair.b]) {
        total++;
        if (site[id]![0]!.index === reference[id]![0]!.index) agree++;
        else console.log(`[reference] ${id} ${path}: site ${site[id]![0]!.index}, reference ${reference[id]![0]!.index}`);
      }
    }
  }
  console.log(`[reference] top-1 agreement ${agree}/${total}`);
  expect(total).toBe(photos.length * modelPairs.length * 2);
  expect(agree / total).toBeGreaterThanOrEqual(0.9);
});
