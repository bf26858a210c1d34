// End-to-end check of src/lib/quantize in Node, with the real LiteRT.js WASM runtime (its browser
// build, loaded through small shims for importScripts/fetch): calibrate on the 100 dev photos
// (jpeg-js decode, largest centred square, bilinear half-pixel resize to 224, bytes, x/127.5 - 1),
// quantize, compare with TFLite's own quantizer output (../shared/assets/reference-quantized/) and
// measure top-1 on the photos; then the range options on a split (calibrate on 50, score on the
// other 50, both ways).
//   npx tsx scripts/quantize-reference.ts [v1|v2] [--split-only | --no-split] [--dump-ranges]
// Takes a few minutes (v2: about 10 on a loaded 2-core machine). The browser E2E of the quantizer
// lab is the product test; this is the measurement behind the numbers in the closing report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import jpeg from 'jpeg-js';
import { centerCropToSquare } from '../src/lib/image/crop.ts';
import { resizeBilinearRgb } from '../src/lib/image/resize.ts';
import { roundToBytes } from '../src/lib/image/prepare.ts';
import { mainSubgraph, parseTflite } from '../src/lib/tflite/reader.ts';
import {
  compareWithReference, makeCalibrationModel, rangesFromQuantizedModel, quantizeModel, RangeRecorder, type RangeMethod,
} from '../src/lib/quantize/index.ts';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const WASM = `${ROOT}/node_modules/@litertjs/core/wasm/`;
const g = globalThis as Record<string, unknown>;
g.self = globalThis;
g.require = createRequire(import.meta.url);
g.__dirname = WASM;
g.__filename = `${WASM}x.js`;
g.importScripts = (url: string) => {
  const p = String(url).startsWith('file://') ? new URL(String(url)).pathname : String(url);
  vm.runInThisContext(readFileSync(p, 'utf8'), { filename: p });
};
const realFetch = globalThis.fetch;
globalThis.fetch = (async (url: string, opts?: RequestInit) => {
  const u = String(url);
  if (u.startsWith('file://') || u.startsWith('/')) {
    const p = u.startsWith('file://') ? new URL(u).pathname : u;
    return new Response(readFileSync(p), { headers: { 'content-type': p.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' } });
  }
  return realFetch(url, opts);
}) as typeof fetch;
const lit = await import(`${ROOT}/node_modules/@litertjs/core/dist/index.js`);
const origLog = console.log;
await lit.loadLiteRt(WASM);

const ASSETS = process.env.ASSET_MIRROR ?? `${ROOT}/../../shared/assets`;
const DEV = `${ASSETS}/imagenet-dev`;
const index = readFileSync(`${DEV}/INDEX.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const photos = index.map(([file, , , i1001]) => {
  const img = jpeg.decode(readFileSync(`${DEV}/${file}`), { useTArray: true, formatAsRGBA: true });
  const { sx, sy, size } = centerCropToSquare(img.width, img.height);
  const crop = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) crop.set(img.data.subarray(((sy + y) * img.width + sx) * 4, ((sy + y) * img.width + sx + size) * 4), y * size * 4);
  const rgb = roundToBytes(resizeBilinearRgb({ data: crop, width: size, height: size, channels: 4 }, 224, 224));
  const input = Float32Array.from(rgb, (x) => x / 127.5 - 1);
  return { file, label: Number(i1001), input, rgb };
});
origLog('photos', photos.length);

async function compile(bytes: Uint8Array) {
  return lit.loadAndCompile(bytes, { accelerator: 'wasm' });
}

function inputFor(model: { getInputDetails(): { dtype: string; shape: number[]; quantization?: unknown }[] }, p: (typeof photos)[number], bytes: Uint8Array) {
  const d = model.getInputDetails()[0]!;
  if (d.dtype === 'float32') return new lit.Tensor(p.input, d.shape);
  void bytes;
  // uint8 input with scale 2/255, zero point 127: q = round(x/scale) + zp
  return new lit.Tensor(Uint8Array.from(p.rgb), d.shape);
}

async function runAll(model: Awaited<ReturnType<typeof compile>>, p: (typeof photos)[number], bytes: Uint8Array): Promise<Float32Array[]> {
  const t = inputFor(model, p, bytes);
  const out = await model.run([t]);
  const arr = (Array.isArray(out) ? out : Object.values(out)) as { toTypedArray(): ArrayLike<number>; delete(): void }[];
  const values = arr.map((o) => Float32Array.from(o.toTypedArray()));
  for (const o of arr) o.delete();
  t.delete();
  return values;
}

const argmax = (a: ArrayLike<number>) => { let b = 0; for (let i = 1; i < a.length; i++) if (a[i]! > a[b]!) b = i; return b; };

async function top1(bytes: Uint8Array, subset = photos): Promise<number[]> {
  const model = await compile(bytes);
  const out: number[] = [];
  for (const p of subset) out.push(argmax((await runAll(model, p, bytes))[0]!));
  model.delete();
  return out;
}

async function calibrate(floatBytes: Uint8Array, subset: typeof photos, methods: RangeMethod[]) {
  const cal = makeCalibrationModel(floatBytes);
  const model = await compile(cal.bytes);
  const recorders = methods.map((m) => RangeRecorder.forCalibration(cal, m));
  const t0 = performance.now();
  for (const p of subset) {
    const outs = await runAll(model, p, cal.bytes);
    for (const r of recorders) r.add([...outs, p.input]);
  }
  const ms = performance.now() - t0;
  model.delete();
  return { ranges: recorders.map((r) => r.ranges()), ms };
}

const agree = (a: number[], b: number[]) => a.filter((x, i) => x === b[i]).length;
const correct = (a: number[], subset = photos) => a.filter((x, i) => x === subset[i]!.label).length;

const models = [
  { name: 'v1 0.25', float: `${ROOT}/public/models/mobilenet_v1_0.25_224_1_default_1.tflite`, ref: `${ASSETS}/reference-quantized/mobilenet_v1_0.25_224_int8_float-io.tflite`, refU8: `${ASSETS}/reference-quantized/mobilenet_v1_0.25_224_int8_uint8-io.tflite` },
  { name: 'v2 twin', float: `${ROOT}/public/models/derived/mobilenet_v2_1.0_224_float_twin.tflite`, ref: `${ASSETS}/reference-quantized/mobilenet_v2_1.0_224_twin_int8_float-io.tflite`, refU8: `${ASSETS}/reference-quantized/mobilenet_v2_1.0_224_twin_int8_uint8-io.tflite` },
];
const only = process.argv[2];
const splitOnly = process.argv.includes('--split-only');
for (const m of models) {
  if (only && !m.name.startsWith(only)) continue;
  const floatBytes = new Uint8Array(readFileSync(m.float));
  const refBytes = new Uint8Array(readFileSync(m.ref));
  if (!splitOnly) await compareAll(m, floatBytes, refBytes);
  if (!process.argv.includes('--no-split')) await compareMethods(m, floatBytes);
}

async function compareAll(m: (typeof models)[number], floatBytes: Uint8Array, refBytes: Uint8Array) {
  // 1. Calibrate on all 100 photos with min/max, as the reference.
  const { ranges: [ranges], ms } = await calibrate(floatBytes, photos, ['minmax']);
  const t0 = performance.now();
  const ours = quantizeModel(floatBytes, { mode: 'int8', ranges: ranges! });
  const quantMs = performance.now() - t0;
  const diff = compareWithReference(ours.bytes, refBytes);
  if (process.argv.includes('--dump-ranges')) {
    const refRanges = rangesFromQuantizedModel(refBytes, floatBytes);
    const names = mainSubgraph(parseTflite(floatBytes)).tensors.map((t) => t.name);
    for (const [t, r] of ranges!) {
      const q = refRanges.get(t);
      if (q) origLog(['range', t, names[t]!.slice(0, 60), r.min.toFixed(4), r.max.toFixed(4), q.min.toFixed(4), q.max.toFixed(4)].join('\t'));
    }
  }
  origLog(JSON.stringify({ model: m.name, calibrationMs: Math.round(ms), quantizeMs: Math.round(quantMs), ops: diff.ops.same, types: diff.tensors.typeMismatches.length,
    weightsEqual: `${diff.weights.equal}/${diff.weights.elements}`, biases: `${diff.biases.equal}/${diff.biases.elements} offByOne ${diff.biases.offByOne} worse ${diff.biases.worse} max ${diff.biases.maxAbsDiff}`,
    actTensors: diff.activations.tensors, maxScaleRelDiff: diff.activations.maxScaleRelDiff, maxZpDiff: diff.activations.maxZeroPointDiff, outside: diff.activations.outside.slice(0, 3),
    size: diff.size, withinTargets: diff.withinTargets }));
  if (process.argv.includes('--dump-ranges')) return;
  // 2. Accuracy on the 100 photos.
  const fl = await top1(floatBytes);
  const rf = await top1(refBytes);
  const ou = await top1(ours.bytes);
  const u8 = quantizeModel(floatBytes, { mode: 'int8-io', ranges: ranges!, ioType: 'uint8' });
  const ouU8 = await top1(u8.bytes);
  const rfU8 = await top1(new Uint8Array(readFileSync(m.refU8)));
  const dyn = await top1(quantizeModel(floatBytes, { mode: 'dynamic' }).bytes);
  const f16 = await top1(quantizeModel(floatBytes, { mode: 'float16' }).bytes);
  origLog(JSON.stringify({ model: m.name, top1: { float: correct(fl), ref: correct(rf), ours: correct(ou), oursU8: correct(ouU8), refU8: correct(rfU8), dynamic: correct(dyn), float16: correct(f16) },
    agree: { oursVsRef: agree(ou, rf), oursU8VsRefU8: agree(ouU8, rfU8), oursVsFloat: agree(ou, fl), refVsFloat: agree(rf, fl), dynamicVsFloat: agree(dyn, fl), float16VsFloat: agree(f16, fl) },
    sizes: { dynamic: quantizeModel(floatBytes, { mode: 'dynamic' }).report.sizeRatio, float16: quantizeModel(floatBytes, { mode: 'float16' }).report.sizeRatio, int8: ours.report.sizeRatio } }));
}

async function compareMethods(m: (typeof models)[number], floatBytes: Uint8Array) {
  // 3. Range methods: calibrate on even photos, evaluate agreement with float on odd ones (and the reverse).
  const methods: RangeMethod[] = ['minmax', 'percentile', 'mse'];
  const result: Record<string, number> = {};
  const halves = [photos.filter((_, i) => i % 2 === 0), photos.filter((_, i) => i % 2 === 1)] as const;
  for (const [calSet, evalSet] of [[halves[0], halves[1]], [halves[1], halves[0]]] as const) {
    const { ranges: rs } = await calibrate(floatBytes, calSet, methods);
    const flEval = await top1(floatBytes, evalSet);
    for (let k = 0; k < methods.length; k++) {
      for (const biasCorrection of [false, true]) {
        const q = quantizeModel(floatBytes, { mode: 'int8', ranges: rs[k]!, biasCorrection });
        const pred = await top1(q.bytes, evalSet);
        const key = `${methods[k]}${biasCorrection ? '+bias' : ''}`;
        result[`${key} agree`] = (result[`${key} agree`] ?? 0) + agree(pred, flEval);
        result[`${key} top1`] = (result[`${key} top1`] ?? 0) + correct(pred, evalSet);
      }
    }
  }
  origLog(JSON.stringify({ model: m.name, split: 'calibrate on 50, evaluate on the other 50, both ways (100 held-out evaluations)', ...result }));
}
