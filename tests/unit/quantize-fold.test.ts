// A float16 file (the converter's supported_types=[float16] output) or a weight-only int8 file as
// the quantizer's input: each DEQUANTIZE of a constant is folded back into a float32 constant first,
// then every mode runs as on the float model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFloat16Bytes } from '../../src/lib/quant/converter.ts';
import { compareWithReference, makeCalibrationModel, QuantizeError, quantizeModel, type ActivationRange } from '../../src/lib/quantize/index.ts';
import { foldConstantDequantize } from '../../src/lib/quantize/fold.ts';
import { floatData, readGraph } from '../../src/lib/quantize/graph.ts';
import { constantTensorValues, float16ToNumber } from '../../src/lib/tflite/dequantize.ts';
import { mainSubgraph, parseTflite } from '../../src/lib/tflite/reader.ts';
import type { TfliteModel } from '../../src/lib/tflite/types.ts';
import { seededRandom } from '../../src/lib/random.ts';
import { ModelBuilder } from './quantize-fixtures.ts';

const V1 = join(import.meta.dirname, '../../public/models/mobilenet_v1_0.25_224_1_default_1.tflite');
const f32 = Math.fround;

const conv = { padding: 'SAME', stride_w: 1, stride_h: 1, fused_activation_function: 'NONE', dilation_w_factor: 1, dilation_h_factor: 1 };
const opList = (m: TfliteModel) => mainSubgraph(m).operators.map((op) => `${op.opcode} v${op.version}`);
const int8Constants = (m: TfliteModel) => new Map(mainSubgraph(m).tensors.filter((t) => t.dtype === 'int8' && t.data).map((t) => [t.name, new Int8Array(t.data!.buffer, t.data!.byteOffset, t.data!.byteLength)]));

/** Made-up ranges for every tensor calibration asks for: [-(t % 3) - 1, (t % 5) + 1]. */
const madeUpRanges = (tensorIndices: number[]) => new Map<number, ActivationRange>(tensorIndices.map((t) => [t, { min: -(t % 3) - 1, max: (t % 5) + 1 }]));

describe('the site\'s float16 output of MobileNet v1, fed back in', () => {
  const float = new Uint8Array(readFileSync(V1));
  const fp16 = quantizeModel(float, { mode: 'float16' }).bytes;
  const dequantizeOps = parseTflite(fp16).subgraphs[0]!.operators.filter((op) => op.opcode === 'DEQUANTIZE').length;

  it('dynamic range: the same ops as from float32, int8 weights equal or one level apart (float16 rounding of the weights)', () => {
    const fromFloat = parseTflite(quantizeModel(float, { mode: 'dynamic' }).bytes);
    const { bytes, report } = quantizeModel(fp16, { mode: 'dynamic' });
    const fromHalf = parseTflite(bytes);
    expect(opList(fromHalf)).toEqual(opList(fromFloat));
    const ours = int8Constants(fromHalf);
    const theirs = int8Constants(fromFloat);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    expect(ours.size).toBeGreaterThan(10);
    let equal = 0;
    let total = 0;
    for (const [name, q] of theirs) {
      const r = ours.get(name)!;
      expect(r.length).toBe(q.length);
      for (let i = 0; i < q.length; i++) {
        expect(Math.abs(r[i]! - q[i]!), `${name}[${i}]`).toBeLessThanOrEqual(1);
        if (r[i] === q[i]) equal++;
      }
      total += q.length;
    }
    // float16 keeps 11 significant bits, int8 about 8: most levels do not move at all.
    expect(equal / total).toBeGreaterThan(0.97);
    const restored = report.notes.filter((n) => n.code === 'weights-restored');
    expect(restored.length).toBe(dequantizeOps);
    expect(new Set(restored.map((n) => n.detail?.from))).toEqual(new Set(['float16']));
    // The report's "before" is the file as given: its float16 constants and DEQUANTIZE ops.
    expect(report.before.tensorsByDtype.float16!.constants).toBe(dequantizeOps);
    expect(report.after.tensorsByDtype.float16).toBeUndefined();
    expect(report.opsRemoved.DEQUANTIZE).toBe(dequantizeOps);
  });

  it('float16 of a float16 model gives the same bytes as float16 of the float model', () => {
    const again = quantizeModel(fp16, { mode: 'float16' });
    expect(Buffer.compare(again.bytes, fp16)).toBe(0);
    expect(again.report.opsAdded).toEqual({});
    expect(again.report.notes.filter((n) => n.code === 'weights-restored').length).toBe(dequantizeOps);
  });

  it('full integer: the calibration model asks for the same tensors (same indices and names); int8 and int8-io match the float model\'s within one level', () => {
    const calFloat = makeCalibrationModel(float);
    const calHalf = makeCalibrationModel(fp16);
    expect(calHalf.tensorIndices).toEqual(calFloat.tensorIndices);
    const halfTensors = mainSubgraph(parseTflite(fp16)).tensors;
    const floatTensors = mainSubgraph(parseTflite(float)).tensors;
    for (const t of calHalf.tensorIndices) expect(halfTensors[t]!.name).toBe(floatTensors[t]!.name);
    // The calibration model itself computes with the restored float32 weights: no DEQUANTIZE left.
    expect(opList(parseTflite(calHalf.bytes))).toEqual(opList(parseTflite(calFloat.bytes)));
    const ranges = madeUpRanges(calHalf.tensorIndices);
    for (const mode of ['int8', 'int8-io'] as const) {
      const fromHalf = quantizeModel(fp16, { mode, ranges }).bytes;
      const fromFloat = quantizeModel(float, { mode, ranges }).bytes;
      const diff = compareWithReference(fromHalf, fromFloat);
      expect(diff.ops.differences).toEqual([]);
      expect(diff.tensors.typeMismatches).toEqual([]);
      expect(diff.tensors.onlyInOurs).toEqual([]);
      expect(diff.weights.worse).toBe(0);
      expect(diff.weights.equal / diff.weights.elements).toBeGreaterThan(0.97);
      expect(diff.activations.maxScaleRelDiff).toBe(0);
      expect(diff.activations.maxZeroPointDiff).toBe(0);
    }
  });

  it('the site\'s full-integer output is still refused as already quantized, in every mode', () => {
    const ranges = madeUpRanges(makeCalibrationModel(float).tensorIndices);
    const int8 = quantizeModel(float, { mode: 'int8', ranges }).bytes;
    for (const mode of ['dynamic', 'float16', 'int8', 'int8-io'] as const) {
      expect(() => quantizeModel(int8, { mode, ranges })).toThrow(expect.objectContaining({ code: 'not-float', mode }) as QuantizeError);
    }
    expect(() => makeCalibrationModel(int8)).toThrow(expect.objectContaining({ code: 'not-float' }) as QuantizeError);
  });
});

describe('a weight-only int8 model (int8 constant + DEQUANTIZE), written with the project\'s writer', () => {
  // CONV_2D weights [64, 1, 1, 16] int8 per output channel (axis 0), scale (c + 1) / 256, zero point 0:
  // 1024 values, so dynamic range quantizes them again. Then ADD of a per-tensor int8 constant [64]
  // with scale 0.5 and zero point -2.
  const q = Int8Array.from({ length: 1024 }, (_, i) => ((i * 37) % 255) - 127);
  const scales = Array.from({ length: 64 }, (_, c) => (c + 1) / 256);
  const addQ = Int8Array.from({ length: 64 }, (_, i) => [-2, 0, 127, -128][i % 4]!);
  const build = () => {
    const b = new ModelBuilder();
    const input = b.activation('input', [1, 2, 2, 16]);
    const wq = b.storedConstant('conv/weights_int8', [64, 1, 1, 16], 'int8', new Uint8Array(q.buffer), { scale: scales, zeroPoint: scales.map(() => 0), axis: 0 });
    const w = b.activation('conv/weights', [64, 1, 1, 16]);
    b.op('DEQUANTIZE', [wq], [w]);
    const out = b.activation('conv/out', [1, 2, 2, 64]);
    b.op('CONV_2D', [input, w, b.constant('conv/bias', [64], Array.from({ length: 64 }, (_, c) => c / 64))], [out], 'Conv2DOptions', conv);
    const aq = b.storedConstant('add/offset_int8', [64], 'int8', new Uint8Array(addQ.buffer), { scale: [0.5], zeroPoint: [-2], axis: 0 });
    const a = b.activation('add/offset', [64]);
    b.op('DEQUANTIZE', [aq], [a]);
    const sum = b.activation('add/out', [1, 2, 2, 64]);
    b.op('ADD', [out, a], [sum], 'AddOptions', { fused_activation_function: 'NONE' });
    return b.build([input], [sum]);
  };
  const model = build();

  it('folds to scale x (q - zero point), per channel along axis 0 and per tensor (hand-computed)', () => {
    const { graph } = readGraph(model, 'dynamic');
    const notes = foldConstantDequantize(graph);
    expect(graph.operators.map((op) => op.opcode)).toEqual(['CONV_2D', 'ADD']);
    expect(notes.map((n) => [n.opIndex, n.tensor, n.detail?.from])).toEqual([[0, 'conv/weights', 'int8'], [2, 'add/offset', 'int8']]);
    const w = floatData(graph.tensors[2]!);
    // i = 0: q = -127, channel 0, scale 1/256; i = 17: q = (629 % 255) - 127 = -8, channel 1, scale 2/256;
    // i = 1023: q = (37851 % 255) - 127 = 111 - 127 = -16, channel 63, scale 64/256.
    expect([w[0], w[17], w[1023]]).toEqual([-127 / 256, -16 / 256, -4]);
    for (let i = 0; i < 1024; i++) expect(w[i]).toBe(f32(q[i]! * scales[Math.floor(i / 16)]!));
    // (q + 2) * 0.5 for q = -2, 0, 127, -128.
    expect([...floatData(graph.tensors[6]!).slice(0, 4)]).toEqual([0, 1, 64.5, -63]);
    expect(graph.tensors[2]!.quantization).toBeNull();
  });

  it('every mode then works: dynamic re-quantizes the weights (same levels where a channel reaches 127), int8 calibrates', () => {
    const dynamic = quantizeModel(model, { mode: 'dynamic' });
    const weights = mainSubgraph(parseTflite(dynamic.bytes)).tensors.find((t) => t.name === 'conv/weights')!;
    expect(weights.dtype).toBe('int8');
    expect(weights.quantization!.scale.length).toBe(64);
    const requantized = new Int8Array(weights.data!.buffer, weights.data!.byteOffset, 1024);
    // Each channel's values are the file's levels times its scale; a channel whose largest |q| is 127
    // gets the same scale back, and the same levels.
    for (let c = 0; c < 64; c++) {
      const levels = q.subarray(16 * c, 16 * c + 16);
      if (Math.max(...levels.map(Math.abs)) === 127) expect([...requantized.subarray(16 * c, 16 * c + 16)]).toEqual([...levels]);
    }
    expect(dynamic.report.notes.map((n) => n.code)).toEqual(['weights-restored', 'weights-restored', 'weights-int8-per-channel']);
    // float16: the two restored weights and the float32 bias each get a float16 copy and a DEQUANTIZE.
    const half = quantizeModel(model, { mode: 'float16' }).report;
    expect([half.before.ops.DEQUANTIZE, half.after.ops.DEQUANTIZE, half.after.tensorsByDtype.float16!.constants]).toEqual([2, 3, 3]);

    const calibration = makeCalibrationModel(model);
    const names = mainSubgraph(parseTflite(model)).tensors;
    expect(calibration.tensorIndices.map((t) => names[t]!.name)).toEqual(['add/out', 'conv/out', 'input']);
    const int8 = parseTflite(quantizeModel(model, { mode: 'int8', ranges: madeUpRanges(calibration.tensorIndices) }).bytes);
    expect(opList(int8)).toEqual(['QUANTIZE v1', 'CONV_2D v3', 'ADD v2', 'DEQUANTIZE v2']);
  });
});

describe('a float16 file laid out as the converter writes it (float16 constants before their DEQUANTIZE outputs)', () => {
  const random = seededRandom(0xf16);
  const weights = Array.from({ length: 8 * 3 * 3 * 3 }, () => random() - 0.5);
  const bias = Array.from({ length: 8 }, () => random() - 0.5);
  const half = (values: number[]) => Array.from(constantTensorValues({ name: 'h', shape: [values.length], dtype: 'float16', data: toFloat16Bytes(values), quantization: null }));

  /** The same network with float16 weights + DEQUANTIZE, or with float32 constants of the float16-rounded values. */
  const build = (stored: 'float16' | 'float32') => {
    const b = new ModelBuilder();
    const constant = (name: string, shape: number[], values: number[]) => {
      if (stored === 'float32') return b.constant(name, shape, half(values));
      const h = b.storedConstant(`${name}_fp16`, shape, 'float16', toFloat16Bytes(values));
      const t = b.activation(name, shape);
      b.op('DEQUANTIZE', [h], [t], 'NONE', {});
      return t;
    };
    const w = constant('conv/weights', [8, 3, 3, 3], weights);
    const bi = constant('conv/bias', [8], bias);
    const input = b.activation('input', [1, 4, 4, 3]);
    const out = b.activation('conv/out', [1, 4, 4, 8]);
    b.op('CONV_2D', [input, w, bi], [out], 'Conv2DOptions', { ...conv, fused_activation_function: 'RELU' });
    const probs = b.activation('probs', [1, 4, 4, 8]);
    b.op('SOFTMAX', [out], [probs], 'SoftmaxOptions', { beta: 1 });
    return b.build([input], [probs]);
  };

  it('float16 values widen exactly (hand-checked bits)', () => {
    // 0x3c00 = 1, 0xc000 = -2, 0x3555 = 0.333251953125, 0x0001 = 2^-24 (subnormal).
    const t = { name: 'h', shape: [4], dtype: 'float16' as const, data: new Uint8Array([0x00, 0x3c, 0x00, 0xc0, 0x55, 0x35, 0x01, 0x00]), quantization: null };
    expect([...constantTensorValues(t)]).toEqual([1, -2, 0.333251953125, 2 ** -24]);
    expect(float16ToNumber(0x3555)).toBe(0.333251953125);
  });

  it('calibration indices key the folded graph: int8 from the float16 file equals int8 from the same float32 values, byte for byte', () => {
    const fp16 = build('float16');
    const float = build('float32');
    const calibration = makeCalibrationModel(fp16);
    const tensors = mainSubgraph(parseTflite(fp16)).tensors;
    expect(calibration.tensorIndices.map((t) => tensors[t]!.name)).toEqual(['probs', 'conv/out', 'input']);
    const byName = new Map(calibration.tensorIndices.map((t) => [tensors[t]!.name, t]));
    const ranges = madeUpRanges(calibration.tensorIndices);
    // The float32 model has other indices: give it the same ranges by name.
    const floatTensors = mainSubgraph(parseTflite(float)).tensors;
    const floatRanges = new Map([...ranges].map(([t, r]) => [floatTensors.findIndex((x) => x.name === tensors[t]!.name), r]));
    expect(byName.size).toBe(3);
    for (const mode of ['int8', 'int8-io'] as const) {
      const a = parseTflite(quantizeModel(fp16, { mode, ranges }).bytes);
      const b = parseTflite(quantizeModel(float, { mode, ranges: floatRanges }).bytes);
      expect(opList(a)).toEqual(opList(b));
      const summary = (m: TfliteModel) => mainSubgraph(m).tensors.map((t) => [t.name, t.dtype, t.quantization, t.data ? [...t.data] : null]);
      expect(summary(a)).toEqual(summary(b));
    }
  });
});
