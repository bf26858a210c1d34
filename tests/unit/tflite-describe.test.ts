// The inspector's facts about a model (lib/tflite/describe.ts), on real models and hand-made cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import { describeModel, roundDivisor, tensorMeaning } from '../../src/lib/tflite/describe.ts';
import { getModel } from '../../src/lib/models.ts';
import type { TfliteTensor } from '../../src/lib/tflite/types.ts';

const publicDir = join(import.meta.dirname, '../../public');
const report = (file: string, options = {}) => describeModel(parseTflite(new Uint8Array(readFileSync(join(publicDir, file)))), options);

const tensor = (dtype: TfliteTensor['dtype'], scale: number[], zeroPoint: number[]): TfliteTensor => ({
  index: 0, name: 'x', shape: [1, 4, 4, 3], dtype, bufferIndex: 0, data: null,
  quantization: scale.length ? { scale, zeroPoint, axis: 0 } : null, isVariable: false, shapeSignature: null, sparse: false,
});

describe('describeModel', () => {
  it('uint8 QAT model: metadata normalisation, raw pixels fed as they are, softmax output, labels', () => {
    const r = report('models/mobilenet_v1_0.25_224_quant.tflite');
    expect(r.input?.normalization).toEqual({ source: 'metadata', mean: [127.5], std: [127.5] });
    expect(r.input?.feed).toEqual({ kind: 'pixels', offset: 0, dtype: 'uint8' });
    expect(r.input?.image).toEqual({ height: 224, width: 224, channels: 3 });
    expect(r.input?.colorSpace).toBe('RGB');
    expect(r.inputs[0]?.meaning).toMatchObject({ kind: 'affine', qmin: 0, qmax: 255, zeroPoint: 128, divisor: 128, realMin: -1 });
    expect(r.outputProducers).toEqual(['SOFTMAX']);
    expect(r.labels).toMatchObject({ file: 'labels.txt', count: 1001, first: ['background', 'tench', 'goldfish', 'great white shark', 'tiger shark'], declared: true });
    expect(r.kind.kind).toBe('image-classifier');
  });

  it('TF2 PTQ model: the output QUANTIZE is looked through to the SOFTMAX; input (q - 127) / 127.5', () => {
    const r = report('models/tf2_mobilenet_v2_1.0_224_ptq.tflite');
    expect(r.outputProducers).toEqual(['SOFTMAX']);
    expect(r.inputs[0]?.meaning).toMatchObject({ kind: 'affine', zeroPoint: 127, divisor: 127.5 });
    expect(r.operators.find((o) => o.name === 'CONV_2D')).toEqual({ name: 'CONV_2D', count: 36, versions: [3] });
  });

  it('float model without metadata: normalisation unknown, unless the site documents it', () => {
    const plain = report('models/mobilenet_v1_0.25_224_1_default_1.tflite');
    expect(plain.input?.normalization.source).toBe('unknown');
    expect(plain.input?.feed).toEqual({ kind: 'unknown' });
    expect(plain.labels).toBeNull();
    const site = report('models/mobilenet_v1_0.25_224_1_default_1.tflite', { siteNormalization: getModel('mobilenet_v1_0.25_224_float').normalization });
    expect(site.input?.normalization).toEqual({ source: 'site', mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] });
    expect(site.input?.feed).toEqual({ kind: 'float' });
  });

  it('splits the file size into weights by type, metadata and the rest, adding up to the file', () => {
    for (const file of ['models/mobilenet_v1_0.25_224_quant.tflite', 'models/derived/mobilenet_v2_1.0_224_float_twin.tflite']) {
      const r = report(file);
      expect(r.sizes.reduce((n, s) => n + s.bytes, 0)).toBe(r.byteLength);
    }
    const quant = report('models/mobilenet_v1_0.25_224_quant.tflite');
    // 28 conv/depthwise weight tensors in uint8, one byte per weight.
    expect(quant.sizes[0]).toMatchObject({ key: 'uint8', tensors: 28 });
    expect(quant.sizes[0]!.bytes).toBe(quant.sizes[0]!.elements);
  });
});

describe('describeModel on models of other kinds', () => {
  const byo = (file: string) => describeModel(parseTflite(new Uint8Array(readFileSync(join(process.env.ASSET_MIRROR ?? '/work/shared/assets', 'byo', file)))));
  it('gives no image recipe for audio or text inputs', () => {
    expect(byo('yamnet_wavin_quantized_mel_relu6.tflite').input).toBeNull();
    expect(byo('movie_review.tflite').input).toBeNull();
    expect(byo('ssd_mobilenet_v1.tflite').input?.image).toEqual({ height: 300, width: 300, channels: 3 });
  });
  it('finds labels.txt in the zip of a file whose metadata lost its subgraph part, marked as not declared', () => {
    expect(byo('mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite').labels).toMatchObject({ file: 'labels.txt', count: 1001, declared: false });
  });
  it('names custom ops with their family, and each output with its producing op', () => {
    const ssd = byo('ssd_mobilenet_v1.tflite');
    expect(ssd.customOps).toEqual([{ name: 'TFLite_Detection_PostProcess', family: 'detection-postprocess', inStandardResolver: true }]);
    expect(ssd.outputProducers).toEqual(Array(4).fill('TFLite_Detection_PostProcess'));
    expect(byo('yamnet_wavin_quantized_mel_relu6.tflite').outputProducers).toEqual(['LOGISTIC']);
  });
});

describe('tensor meanings by hand', () => {
  it('roundDivisor recognises 1/128, 1/127.5 (as stored in float32) and 1/256, and nothing else', () => {
    expect(roundDivisor(1 / 128)).toBe(128);
    expect(roundDivisor(Math.fround(1 / 127.5))).toBe(127.5);
    expect(roundDivisor(0.00390625)).toBe(256);
    expect(roundDivisor(0.0235)).toBeNull();
    expect(roundDivisor(0)).toBeNull();
  });

  it('int8 input with zero point -1 and scale 1/127.5: pixels shifted by -128', () => {
    const model = parseTflite(new Uint8Array(readFileSync(join(publicDir, 'models/mobilenet_v1_0.25_224_quant.tflite'))));
    const sg = model.subgraphs[0]!;
    const input = sg.tensors[sg.inputs[0]!]!;
    // Same model, but its input re-declared as int8 (q = pixel - 128 means real = (q + 1) / 127.5 ≈ (pixel - 127.5) / 127.5).
    input.dtype = 'int8';
    input.quantization = { scale: [1 / 127.5], zeroPoint: [-1], axis: 0 };
    const r = describeModel(model);
    expect(r.input?.feed).toEqual({ kind: 'pixels', offset: -128, dtype: 'int8' });
    expect(tensorMeaning(input)).toMatchObject({ kind: 'affine', qmin: -128, qmax: 127, zeroPoint: -1 });
  });

  it('a quantization that does not match the normalisation needs real quantizing', () => {
    const model = parseTflite(new Uint8Array(readFileSync(join(publicDir, 'models/mobilenet_v1_0.25_224_quant.tflite'))));
    const sg = model.subgraphs[0]!;
    const input = sg.tensors[sg.inputs[0]!]!;
    input.quantization = { scale: [0.02], zeroPoint: [100], axis: 0 };
    expect(describeModel(model).input?.feed).toEqual({ kind: 'quantize', scale: 0.02, zeroPoint: 100, dtype: 'uint8' });
  });

  it('classifies float, per-channel and plain integer tensors', () => {
    expect(tensorMeaning(tensor('float32', [], []))).toEqual({ kind: 'float', dtype: 'float32' });
    expect(tensorMeaning(tensor('int8', [0.1, 0.2, 0.3], [0, 0, 0]))).toEqual({ kind: 'per-channel', dtype: 'int8', channels: 3, axis: 0 });
    expect(tensorMeaning(tensor('int32', [], []))).toEqual({ kind: 'integer', dtype: 'int32' });
  });
});
