// The in-browser converter (src/lib/quantize): TFLite's arithmetic on hand-computed values, the
// four modes on the site's float models, TFLite's own output as the oracle, refusals.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  activationParams, adjustWeightRangesForBias, float16Bits, quantizeBias, quantizeWeightsSymmetric, shiftZeroPoint, toFloat16Bytes,
} from '../../src/lib/quant/converter.ts';
import {
  compareWithReference, makeCalibrationModel, QuantizeError, quantizeModel, RangeRecorder, rangesFromQuantizedModel, type QuantizeMode,
} from '../../src/lib/quantize/index.ts';
import { correctedBias } from '../../src/lib/quant/bias-correction.ts';
import { constantTensorValues, float16ToNumber } from '../../src/lib/tflite/dequantize.ts';
import { embeddedLabels, inputTensors, mainSubgraph, operatorHistogram, outputTensors, parseTflite } from '../../src/lib/tflite/reader.ts';
import { seededRandom } from '../../src/lib/random.ts';
import { ModelBuilder, modelWithSin, opZooNet, randomConvNet } from './quantize-fixtures.ts';

const publicDir = join(import.meta.dirname, '../../public');
const load = (file: string) => new Uint8Array(readFileSync(join(publicDir, file)));
const V1 = 'models/mobilenet_v1_0.25_224_1_default_1.tflite';
const V2_TWIN = 'models/derived/mobilenet_v2_1.0_224_float_twin.tflite';

const f32 = Math.fround;

describe('TFLite quantizer arithmetic (hand-computed)', () => {
  it('activation parameters: [-1, 1] -> scale 2/255, zero point -1 (-0.5 rounds away from zero)', () => {
    const p = activationParams(-1, 1);
    expect(p.scale).toBe(f32(2 / 255));
    expect(p.zeroPoint).toBe(-1);
  });

  it('activation parameters: ReLU6 [0, 6] -> scale 6/255, zero point -128; ranges widen to include 0', () => {
    expect(activationParams(0, 6)).toMatchObject({ scale: f32(6 / 255), zeroPoint: -128 });
    expect(activationParams(2, 6)).toMatchObject({ scale: f32(6 / 255), zeroPoint: -128, min: 0 });
    expect(activationParams(-4, -1)).toMatchObject({ scale: f32(4 / 255), zeroPoint: 127, max: 0 });
    // Always zero: scale 1, zero at qmin (a scale of 0 would make the int8 kernels refuse the file).
    expect(activationParams(0, 0)).toMatchObject({ scale: 1, zeroPoint: -128 });
  });

  it('zero point from the min end: [-3, 1] -> 255 levels over 4, zp = -128 + 3 / (4/255) = 63.25 -> 63', () => {
    expect(activationParams(-3, 1)).toMatchObject({ scale: f32(4 / 255), zeroPoint: 63 });
  });

  it('symmetric weights per channel: scale max|x|/127, ties away from zero, dead channel scale 0', () => {
    const q = quantizeWeightsSymmetric([1, -0.5, 0.25, 0, 0, 0], [3, 2], 0);
    expect(q.scale).toEqual([f32(1 / 127), f32(0.25 / 127), 0]);
    // -0.5 * 127 = -63.5 -> -64
    expect([...q.values]).toEqual([127, -64, 127, 0, 0, 0]);
    expect(q.min).toEqual([-0.5, 0, 0]);
    expect(q.max).toEqual([1, 0.25, 0]);
  });

  it('symmetric weights per channel along the last axis (depthwise [1, h, w, c])', () => {
    const q = quantizeWeightsSymmetric([2, -1, -1, 0.5], [1, 1, 2, 2], 3);
    expect(q.scale).toEqual([f32(2 / 127), f32(1 / 127)]);
    expect([...q.values]).toEqual([127, -127, -64, 64]);
  });

  it('per tensor: one scale', () => {
    const q = quantizeWeightsSymmetric([4, -2, 1], [3], null);
    expect(q.scale).toEqual([f32(4 / 127)]);
    expect([...q.values]).toEqual([127, -64, 32]); // -63.5 -> -64, 31.75 -> 32
  });

  it('int32 bias: scale = input scale x weight scale, per channel', () => {
    const q = quantizeBias([0.5, -1], 0.5, [0.01, 0.02]);
    expect(q.scale).toEqual([f32(f32(0.5) * f32(0.01)), f32(f32(0.5) * f32(0.02))]);
    expect([...q.values]).toEqual([100, -100]);
    expect([...quantizeBias([1e12], 1, [1e-3]).values]).toEqual([2 ** 31 - 1]);
  });

  it('a dead channel with a bias gets a weight range wide enough for the int32 bias (as TFLite does)', () => {
    const adjusted = adjustWeightRangesForBias({ min: [0, -1], max: [0, 1] }, [0.5, 0.5], 0.1);
    expect(adjusted.adjusted).toBe(1);
    expect(adjusted.max[0]).toBeCloseTo(((2 * 0.5) / (2 ** 31 - 1)) * (127 / 0.1), 12);
    expect(adjusted.min[0]).toBe(-adjusted.max[0]!);
    expect([adjusted.min[1], adjusted.max[1]]).toEqual([-1, 1]);
    const bias = quantizeBias([0.5], 0.1, [f32(adjusted.max[0]! / 127)]);
    expect(bias.values[0]).toBeGreaterThan(2 ** 29); // ~2^30: the bias fits, half the int32 range
  });

  it('float16: round to nearest even, overflow to infinity, subnormals', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00);
    expect(float16Bits(2 ** -24)).toBe(0x0001);
    expect(float16Bits(1e-9)).toBe(0);
    expect(float16Bits(0.1)).toBe(0x2e66);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie -> even
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie -> even (up)
    expect(float16Bits(NaN) & 0x7c00).toBe(0x7c00);
    const bytes = toFloat16Bytes([0.1, -3.5]);
    const view = new DataView(bytes.buffer);
    expect(float16ToNumber(view.getUint16(2, true))).toBe(-3.5);
    // Every float16 survives the round trip exactly.
    for (let h = 0; h < 0x7c00; h += 7) expect(float16Bits(float16ToNumber(h))).toBe(h);
  });

  it('int8 <-> uint8 zero points differ by 128', () => {
    expect(shiftZeroPoint(-1, 'int8', 'uint8')).toBe(127);
    expect(shiftZeroPoint(-128, 'int8', 'uint8')).toBe(0);
  });
});

describe('dynamic range and float16 on the site float models', () => {
  for (const file of [V1, V2_TWIN]) {
    const float = load(file);
    it(`${file}: dynamic range <= 0.35x, int8 per-channel weights, hybrid op versions, activations float`, () => {
      const { bytes, report } = quantizeModel(float, { mode: 'dynamic' });
      expect(report.sizeRatio).toBeLessThanOrEqual(0.35);
      const model = parseTflite(bytes);
      const sg = mainSubgraph(model);
      expect(inputTensors(model)[0]!.dtype).toBe('float32');
      expect(outputTensors(model)[0]!.dtype).toBe('float32');
      for (const op of sg.operators) {
        const w = sg.tensors[op.inputs[1] ?? -1];
        if (op.opcode === 'CONV_2D' && w?.dtype === 'int8') expect(op.version).toBe(5);
        if (op.opcode === 'DEPTHWISE_CONV_2D' && w?.dtype === 'int8') expect(op.version).toBe(6);
        if (w?.dtype === 'int8') {
          expect(w.quantization!.scale.length).toBe(w.shape[op.opcode === 'CONV_2D' ? 0 : 3]);
          expect(w.shape.reduce((a, b) => a * b, 1)).toBeGreaterThanOrEqual(1024);
          // The v2 twin has dead channels: like the converter, no zero scale (XNNPACK refuses one).
          expect(w.quantization!.scale.every((s) => s > 0)).toBe(true);
        }
        for (const o of op.outputs) expect(sg.tensors[o]!.dtype).toBe('float32');
      }
      expect(report.notes.length).toBeGreaterThan(10);
      expect(report.opsAdded).toEqual({});
    });

    it(`${file}: float16 <= 0.55x, every float constant behind a DEQUANTIZE v3, values within float16 precision`, () => {
      const { bytes, report } = quantizeModel(float, { mode: 'float16' });
      expect(report.sizeRatio).toBeLessThanOrEqual(0.55);
      const model = parseTflite(bytes);
      const sg = mainSubgraph(model);
      const original = mainSubgraph(parseTflite(float));
      const dequantizes = sg.operators.filter((op) => op.opcode === 'DEQUANTIZE');
      expect(dequantizes.length).toBe(original.tensors.filter((t) => t.dtype === 'float32' && t.data).length);
      for (const op of dequantizes) {
        expect(op.version).toBe(3);
        const half = sg.tensors[op.inputs[0]!]!;
        const full = sg.tensors[op.outputs[0]!]!;
        expect([half.dtype, full.dtype, full.data]).toEqual(['float16', 'float32', null]);
        const before = constantTensorValues(original.tensors.find((t) => t.name === full.name)!);
        const after = constantTensorValues(half);
        for (let i = 0; i < before.length; i += 97) expect(Math.abs(after[i]! - before[i]!)).toBeLessThanOrEqual(Math.abs(before[i]!) * 2 ** -11 + 2 ** -25);
      }
      expect(report.opsAdded).toEqual({ DEQUANTIZE: dequantizes.length });
      // DEQUANTIZE ops run first, so every float32 constant exists before it is read.
      expect(sg.operators.slice(0, dequantizes.length).every((op) => op.opcode === 'DEQUANTIZE')).toBe(true);
    });
  }
});

describe('metadata', () => {
  it('a model with metadata and an appended zip keeps both (normalisation, embedded labels)', () => {
    const float = load('models/mobilenet_v1_0.25_224_1_metadata_1.tflite');
    for (const mode of ['dynamic', 'float16'] as const) {
      const model = parseTflite(quantizeModel(float, { mode }).bytes);
      expect(model.warnings).toEqual([]);
      expect(embeddedLabels(model)?.labels.length).toBe(1001);
      expect(model.metadata?.inputNormalization).toEqual([{ mean: [127.5], std: [127.5] }]);
    }
  });
});

const REFERENCE_DIR = '/work/shared/assets/reference-quantized';
const references = [
  { float: V1, ref: 'mobilenet_v1_0.25_224_int8_float-io.tflite', mode: 'int8' as const },
  { float: V1, ref: 'mobilenet_v1_0.25_224_int8_uint8-io.tflite', mode: 'int8-io' as const },
  { float: V2_TWIN, ref: 'mobilenet_v2_1.0_224_twin_int8_float-io.tflite', mode: 'int8' as const },
  { float: V2_TWIN, ref: 'mobilenet_v2_1.0_224_twin_int8_uint8-io.tflite', mode: 'int8-io' as const },
];

describe.skipIf(!existsSync(REFERENCE_DIR))(`full integer against TFLite's own quantizer (${REFERENCE_DIR})`, () => {
  for (const { float, ref, mode } of references) {
    it(`${ref}: same ops, types, weights, biases, activation parameters; size within 2 %`, () => {
      const floatBytes = load(float);
      const refBytes = new Uint8Array(readFileSync(join(REFERENCE_DIR, ref)));
      // The reference stores each activation's recorded min/max: the same ranges our calibration records.
      const ranges = rangesFromQuantizedModel(refBytes, floatBytes);
      const { bytes } = quantizeModel(floatBytes, mode === 'int8-io' ? { mode, ranges, ioType: 'uint8' } : { mode, ranges });
      const diff = compareWithReference(bytes, refBytes);
      expect(diff.ops.differences).toEqual([]);
      expect(diff.tensors.typeMismatches).toEqual([]);
      expect(diff.tensors.onlyInOurs).toEqual([]);
      expect(diff.tensors.onlyInRef).toEqual([]);
      // Measured: every weight and bias bit-identical (rounding emulated in float32, bias overflow guard included).
      expect(diff.weights.worse).toBe(0);
      expect(diff.weights.equal).toBe(diff.weights.elements);
      expect(diff.biases.equal).toBe(diff.biases.elements);
      expect(diff.activations.tensors).toBeGreaterThan(30);
      expect(diff.activations.maxScaleRelDiff).toBeLessThanOrEqual(0.01);
      expect(diff.activations.maxZeroPointDiff).toBeLessThanOrEqual(1);
      expect(Math.abs(diff.size.relDiff)).toBeLessThanOrEqual(0.02);
      expect(diff.withinTargets).toBe(true);
    });
  }

  it('biases are compared as real values: a 0.5 % wider input range changes their integers, not their values', () => {
    const floatBytes = load(V1);
    const refBytes = new Uint8Array(readFileSync(join(REFERENCE_DIR, references[0]!.ref)));
    const ranges = rangesFromQuantizedModel(refBytes, floatBytes);
    const nudged = new Map([...ranges].map(([k, r]) => [k, { min: r.min * 1.005, max: r.max * 1.005 }]));
    const diff = compareWithReference(quantizeModel(floatBytes, { mode: 'int8', ranges: nudged }).bytes, refBytes);
    expect(diff.biases.worse).toBe(0);
    expect(diff.biases.offByOne).toBeGreaterThan(0);
    expect(diff.activations.maxScaleRelDiff).toBeGreaterThan(0.004);
    expect(diff.withinTargets).toBe(true);
  });

  it('compareWithReference reports a difference when there is one', () => {
    const floatBytes = load(V1);
    const refBytes = new Uint8Array(readFileSync(join(REFERENCE_DIR, references[0]!.ref)));
    const ranges = rangesFromQuantizedModel(refBytes, floatBytes);
    const widened = new Map([...ranges].map(([k, r]) => [k, { min: r.min * 1.5, max: r.max * 1.5 }]));
    const diff = compareWithReference(quantizeModel(floatBytes, { mode: 'int8', ranges: widened }).bytes, refBytes);
    expect(diff.withinTargets).toBe(false);
    expect(diff.activations.outside.length).toBeGreaterThan(0);
    expect(compareWithReference(quantizeModel(floatBytes, { mode: 'dynamic' }).bytes, refBytes).ops.same).toBe(false);
  });
});

describe('int8 modes on a small model', () => {
  const float = randomConvNet(seededRandom(7), { size: 4, channels: 12, classes: 5 });
  const calibration = makeCalibrationModel(float);
  // Ranges recorded from made-up activations (no float interpreter in Node): one run of values in [-2, 3].
  const recorder = new RangeRecorder(calibration.tensorIndices);
  const fake = mainSubgraph(parseTflite(calibration.bytes));
  recorder.add(calibration.tensorIndices.map((t) => {
    const n = fake.tensors[t]!.shape.reduce((a, b) => a * b, 1);
    return Float32Array.from({ length: n }, (_, i) => -2 + (5 * i) / n);
  }));
  const ranges = recorder.ranges();

  it('the calibration model outputs the original outputs first, then every tensor needing a range; indices unchanged', () => {
    const model = parseTflite(calibration.bytes);
    const original = parseTflite(float);
    const sg = mainSubgraph(model);
    expect(sg.outputs.slice(0, 1)).toEqual(mainSubgraph(original).outputs);
    expect(calibration.originalOutputCount).toBe(1);
    expect(calibration.outputCount).toBe(sg.outputs.length);
    expect(calibration.tensorIndices.slice(calibration.outputCount)).toEqual(mainSubgraph(original).inputs);
    // conv, dw, add, fc outputs need ranges; pool and reshape share their input's; softmax is fixed.
    const names = calibration.tensorIndices.map((t) => sg.tensors[t]!.name);
    expect(names).toEqual(['probs', 'conv/out', 'dw/out', 'add/out', 'fc/out', 'input']);
    sg.tensors.forEach((t, i) => expect(t.name).toBe(mainSubgraph(original).tensors[i]!.name));
  });

  it('int8: QUANTIZE in, DEQUANTIZE out, int8 everywhere between, fixed softmax output, op versions', () => {
    const { bytes, report } = quantizeModel(float, { mode: 'int8', ranges });
    const model = parseTflite(bytes);
    const sg = mainSubgraph(model);
    expect(sg.operators.map((op) => `${op.opcode} v${op.version}`)).toEqual([
      'QUANTIZE v1', 'CONV_2D v3', 'DEPTHWISE_CONV_2D v3', 'ADD v2', 'AVERAGE_POOL_2D v2', 'RESHAPE v1', 'FULLY_CONNECTED v4', 'SOFTMAX v2', 'DEQUANTIZE v2',
    ]);
    expect(inputTensors(model)[0]!.dtype).toBe('float32');
    expect(outputTensors(model)[0]!.dtype).toBe('float32');
    const softmaxOut = sg.tensors[sg.operators[7]!.outputs[0]!]!;
    expect(softmaxOut.quantization).toMatchObject({ scale: [1 / 256], zeroPoint: [-128] });
    // ReLU6 folded: the conv output range [-2, 3] is clamped to [0, 3].
    const convOut = sg.tensors[sg.operators[1]!.outputs[0]!]!;
    expect(convOut.quantization).toMatchObject({ min: [0], zeroPoint: [-128] });
    expect(convOut.quantization!.max![0]).toBeCloseTo(3, 1);
    // Pool and reshape carry their input's parameters.
    const add = sg.tensors[sg.operators[3]!.outputs[0]!]!.quantization!;
    expect(sg.tensors[sg.operators[4]!.outputs[0]!]!.quantization).toEqual(add);
    expect(sg.tensors[sg.operators[5]!.outputs[0]!]!.quantization).toEqual(add);
    // FULLY_CONNECTED: per-tensor weights; bias scale = input scale x weight scale.
    const fc = sg.operators[6]!;
    const fcW = sg.tensors[fc.inputs[1]!]!.quantization!;
    const fcB = sg.tensors[fc.inputs[2]!]!;
    expect(fcW.scale.length).toBe(1);
    expect(fcB.dtype).toBe('int32');
    expect(fcB.quantization!.scale[0]).toBe(f32(add.scale[0]! * fcW.scale[0]!));
    expect(report.ioType).toBe('float32');
    expect(report.opsAdded).toEqual({ QUANTIZE: 1, DEQUANTIZE: 1 });
  });

  it('int8-io uint8: uint8 input and output, zero points shifted by 128; int8: int8 I/O with no edge ops', () => {
    const u8 = parseTflite(quantizeModel(float, { mode: 'int8-io', ranges }).bytes);
    const input = inputTensors(u8)[0]!;
    const output = outputTensors(u8)[0]!;
    expect([input.dtype, output.dtype]).toEqual(['uint8', 'uint8']);
    expect(output.quantization).toMatchObject({ scale: [1 / 256], zeroPoint: [0] });
    expect(operatorHistogram(u8).QUANTIZE).toBe(2);
    const i8 = parseTflite(quantizeModel(float, { mode: 'int8-io', ranges, ioType: 'int8' }).bytes);
    expect([inputTensors(i8)[0]!.dtype, outputTensors(i8)[0]!.dtype]).toEqual(['int8', 'int8']);
    expect(operatorHistogram(i8).QUANTIZE).toBeUndefined();
    expect(operatorHistogram(i8).DEQUANTIZE).toBeUndefined();
  });
});

describe('int8 beyond MobileNet: the operators of TFLite\'s quantizer', () => {
  const float = opZooNet(seededRandom(11));
  const calibration = makeCalibrationModel(float);
  // Made-up ranges: each recorded tensor i gets [-(i % 3) - 1, (i % 5) + 1].
  const ranges = new Map(calibration.tensorIndices.map((t) => [t, { min: -(t % 3) - 1, max: (t % 5) + 1 }]));
  const model = parseTflite(quantizeModel(float, { mode: 'int8', ranges }).bytes);
  const sg = mainSubgraph(model);
  const byName = (name: string) => sg.tensors.find((t) => t.name === name)!;
  const op = (opcode: string) => sg.operators.find((o) => o.opcode === opcode)!;
  const params = (name: string) => ({ scale: byName(name).quantization!.scale[0], zeroPoint: byName(name).quantization!.zeroPoint[0] });

  it('records only what needs a range: no SPLIT, PADV2, slice or GATHER output (they carry their input\'s), no fixed LOG_SOFTMAX, no int32', () => {
    // After the model's own outputs, which always come first.
    const names = calibration.tensorIndices.slice(calibration.originalOutputCount).map((t) => mainSubgraph(parseTflite(calibration.bytes)).tensors[t]!.name);
    expect(names.sort()).toEqual(['concat/out', 'conv/out', 'deconv/out', 'fc/out', 'input', 'leaky/out', 'max/out', 'mean/out'].sort());
  });

  it('versions of the int8 kernels, QUANTIZE in, DEQUANTIZE after each real output, ARG_MAX left int32', () => {
    expect(sg.operators.map((o) => `${o.opcode} v${o.version}`)).toEqual([
      'QUANTIZE v1', 'CONV_2D v3', 'SPLIT v2', 'QUANTIZE v1', 'QUANTIZE v1', 'MAXIMUM v2', 'LEAKY_RELU v1', 'QUANTIZE v1', 'QUANTIZE v1', 'CONCATENATION v2', 'PADV2 v2', 'STRIDED_SLICE v2',
      'TRANSPOSE_CONV v3', 'MEAN v2', 'FULLY_CONNECTED v4', 'LOG_SOFTMAX v2', 'GATHER v2', 'ARG_MAX v2', 'DEQUANTIZE v2', 'DEQUANTIZE v2',
    ]);
    expect(outputTensors(model).map((t) => t.dtype)).toEqual(['float32', 'float32', 'int32']);
    // Every tensor between the edges is int8, int32 (bias, shapes, indices) or the int32 ARG_MAX output.
    for (const o of sg.operators.slice(1, -2)) {
      for (const t of [...o.inputs, ...o.outputs]) if (t >= 0) expect(['int8', 'int32'], `${o.opcode} ${sg.tensors[t]!.name}`).toContain(sg.tensors[t]!.dtype);
    }
  });

  it('SPLIT outputs share their input\'s parameters; MAXIMUM\'s inputs are requantized to its own; PADV2\'s value uses its output\'s', () => {
    expect(params('split/0')).toEqual(params('conv/out'));
    expect(params('split/1')).toEqual(params('conv/out'));
    const max = op('MAXIMUM');
    for (const i of max.inputs) expect({ scale: sg.tensors[i]!.quantization!.scale[0], zeroPoint: sg.tensors[i]!.quantization!.zeroPoint[0] }).toEqual(params('max/out'));
    expect(params('pad/out')).toEqual(params('concat/out'));
    const value = byName('pad/value');
    expect(value.dtype).toBe('int8');
    expect(params('pad/value')).toEqual(params('concat/out'));
    // 0.25 in the output's own levels, by hand.
    const { scale, zeroPoint } = params('concat/out');
    expect(new Int8Array(value.data!.buffer, value.data!.byteOffset, 1)[0]).toBe(Math.round(0.25 / scale!) + zeroPoint!);
  });

  it('TRANSPOSE_CONV: per-channel weights along axis 0, int32 bias with scale = input scale x weight scale', () => {
    const t = op('TRANSPOSE_CONV');
    const w = sg.tensors[t.inputs[1]!]!;
    const bias = sg.tensors[t.inputs[3]!]!;
    expect(w.dtype).toBe('int8');
    expect(w.quantization!.scale).toHaveLength(4);
    expect(bias.dtype).toBe('int32');
    const inScale = sg.tensors[t.inputs[2]!]!.quantization!.scale[0]!;
    bias.quantization!.scale.forEach((s, c) => expect(s).toBe(f32(inScale * w.quantization!.scale[c]!)));
  });

  it('LOG_SOFTMAX has the fixed output 16/256, zero point 127; GATHER and slices carry their input\'s', () => {
    expect(params('log_probs_int8')).toEqual({ scale: f32(16 / 256), zeroPoint: 127 });
    expect(params('some_logits_int8')).toEqual(params('fc/out'));
    expect(params('slice/out')).toEqual(params('concat/out'));
  });

  it('ops on int32 alone (shape arithmetic) are left as they are', () => {
    const b = new ModelBuilder();
    const input = b.activation('input', [1, 4]);
    const shape = b.activation('shape', [2], 'int32');
    b.op('SHAPE', [input], [shape], 'ShapeOptions', { out_type: 'int32' });
    const doubled = b.activation('doubled', [2], 'int32');
    b.op('ADD', [shape, shape], [doubled], 'AddOptions', { fused_activation_function: 'NONE' });
    const out = b.activation('out', [1, 4]);
    b.op('RELU', [input], [out]);
    const m = parseTflite(quantizeModel(b.build([input], [out, doubled]), { mode: 'int8', ranges: new Map([[input, { min: -1, max: 1 }], [out, { min: 0, max: 1 }]]) }).bytes);
    const add = mainSubgraph(m).operators.find((o) => o.opcode === 'ADD')!;
    expect(add.version).toBe(1);
    expect(add.inputs.map((i) => mainSubgraph(m).tensors[i]!.dtype)).toEqual(['int32', 'int32']);
    expect(mainSubgraph(m).operators.find((o) => o.opcode === 'SHAPE')!.version).toBe(1);
  });
});

describe('signatures', () => {
  it('signature inputs and outputs follow the new edge tensors; the calibration model drops signatures', () => {
    const float = randomConvNet(seededRandom(8), { size: 3, channels: 4, classes: 3, signature: true });
    expect(parseTflite(float).signatureDefs).toHaveLength(1);
    const calibration = makeCalibrationModel(float);
    expect(parseTflite(calibration.bytes).signatureDefs).toEqual([]);
    const ranges = new Map(calibration.tensorIndices.map((t) => [t, { min: -1, max: 1 }]));
    for (const ioType of ['uint8', 'int8'] as const) {
      const model = parseTflite(quantizeModel(float, { mode: 'int8-io', ranges, ioType }).bytes);
      const [sig] = model.signatureDefs;
      const sg = mainSubgraph(model);
      expect(sig!.inputs.map((m) => m.tensorIndex)).toEqual(sg.inputs);
      expect(sig!.outputs.map((m) => m.tensorIndex)).toEqual(sg.outputs);
      expect(sg.tensors[sg.inputs[0]!]!.dtype).toBe(ioType);
    }
  });
});

describe('refusals name the problem, the op and the mode', () => {
  const expectError = (f: () => unknown, code: string, mode: QuantizeMode, op?: string) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(QuantizeError);
      const e = error as QuantizeError;
      expect([e.code, e.mode, e.op]).toEqual([code, mode, op]);
      expect(e.message.length).toBeGreaterThan(20);
      return;
    }
    throw new Error('did not throw');
  };

  it('int8 without ranges needs calibration; a missing range names its tensor', () => {
    const float = randomConvNet(seededRandom(3));
    expectError(() => quantizeModel(float, { mode: 'int8' }), 'needs-calibration', 'int8');
    expectError(() => quantizeModel(float, { mode: 'int8-io', ranges: new Map([[0, { min: 0, max: 1 }]]) }), 'needs-calibration', 'int8-io');
  });

  it('an op without an int8 kernel here blocks the int8 modes only', () => {
    const model = modelWithSin();
    expectError(() => quantizeModel(model, { mode: 'int8', ranges: new Map([[0, { min: 0, max: 1 }]]) }), 'unsupported-op', 'int8', 'SIN');
    expectError(() => makeCalibrationModel(model), 'unsupported-op', 'int8', 'SIN');
    expect(quantizeModel(model, { mode: 'dynamic' }).report.notes.map((n) => n.code)).toEqual(['weights-int8-per-channel']);
    expect(quantizeModel(model, { mode: 'float16' }).report.opsAdded).toEqual({ DEQUANTIZE: 2 });
  });

  it('an already quantized model is not float', () => {
    const quant = load('models/mobilenet_v1_0.25_224_quant.tflite');
    for (const mode of ['dynamic', 'float16', 'int8'] as const) {
      expectError(() => quantizeModel(quant, { mode, ranges: new Map([[0, { min: 0, max: 1 }]]) }), 'not-float', mode);
    }
  });

  it('bytes that are not a model, and options that do not fit', () => {
    expectError(() => quantizeModel(new Uint8Array([1, 2, 3]), { mode: 'dynamic' }), 'bad-model', 'dynamic');
    expectError(() => quantizeModel(load(V1), { mode: 'int8', ioType: 'uint8' }), 'bad-options', 'int8');
  });
});

describe("TFLite's calibrator shares an ADD's lone input with its output", () => {
  it('minmax via forCalibration records the union of both ranges for that input (as the reference files show); other methods do not', () => {
    const float = randomConvNet(seededRandom(4), { size: 3, channels: 5, classes: 3 });
    const calibration = makeCalibrationModel(float);
    const sg = mainSubgraph(parseTflite(calibration.bytes));
    const name = (t: number) => sg.tensors[t]!.name;
    // conv/out also feeds the depthwise conv, so only dw/out is the ADD's in-place input.
    expect(calibration.sharedRanges.map(([a, b]) => [name(a), name(b)])).toEqual([['dw/out', 'add/out']]);
    const values = calibration.tensorIndices.map((t) => {
      const n = sg.tensors[t]!.shape.reduce((a, b) => a * b, 1);
      const big = name(t) === 'add/out' ? 10 : 1;
      return Float32Array.from({ length: n }, (_, i) => (big * i) / n);
    });
    const dw = calibration.tensorIndices.find((t) => name(t) === 'dw/out')!;
    const minmax = RangeRecorder.forCalibration(calibration);
    minmax.add(values);
    expect(minmax.ranges().get(dw)!.max).toBeGreaterThan(9);
    const plain = RangeRecorder.forCalibration(calibration, 'minmax', { matchTflite: false });
    plain.add(values);
    expect(plain.ranges().get(dw)!.max).toBeLessThan(1);
    const mse = RangeRecorder.forCalibration(calibration, 'mse');
    mse.add(values);
    expect(mse.ranges().get(dw)!.max).toBeLessThan(1);
  });
});

describe('bias correction (beyond TFLite)', () => {
  it('conv / fully connected: bias minus sum((W_q - W) * E[x]) per output channel', () => {
    const corrected = correctedBias([0, 0], [1, 0.5, -1, 0.25], [1, 0.4, -1, 0.3], [2, 2], 'fully-connected', [2, 4]);
    expect(corrected[0]).toBeCloseTo(0.4, 6); // shift (0.4 - 0.5) * 4 = -0.4
    expect(corrected[1]).toBeCloseTo(-0.2, 6); // shift (0.3 - 0.25) * 4 = 0.2
  });

  it('depthwise: each output channel reads its own input channel', () => {
    // [1, 1, 2, 2]: elements alternate channels 0, 1.
    const corrected = correctedBias([1, 1], [1, 1, 1, 1], [1.1, 1, 1.1, 0.8], [1, 1, 2, 2], 'depthwise', [10, 5]);
    expect(corrected[0]).toBeCloseTo(1 - 0.2 * 10, 5);
    expect(corrected[1]).toBeCloseTo(1 + 0.2 * 5, 5);
  });

  it('RangeRecorder.forCalibration keeps channel means; quantizeModel uses them only when asked', () => {
    const float = randomConvNet(seededRandom(21), { size: 3, channels: 6, classes: 4 });
    const calibration = makeCalibrationModel(float);
    const recorder = RangeRecorder.forCalibration(calibration);
    const sg = mainSubgraph(parseTflite(calibration.bytes));
    const random = seededRandom(22);
    for (let run = 0; run < 4; run++) {
      recorder.add(calibration.tensorIndices.map((t) => Float32Array.from({ length: sg.tensors[t]!.shape.reduce((a, b) => a * b, 1) }, () => random() * 2)));
    }
    const ranges = recorder.ranges();
    const input = ranges.get(sg.inputs[0]!)!;
    expect(input.mean).toHaveLength(3);
    for (const m of input.mean!) expect(m).toBeGreaterThan(0.7);
    const plain = quantizeModel(float, { mode: 'int8', ranges });
    const corrected = quantizeModel(float, { mode: 'int8', ranges, biasCorrection: true });
    expect(plain.report.notes.some((n) => n.code === 'bias-corrected')).toBe(false);
    expect(corrected.report.notes.filter((n) => n.code === 'bias-corrected').map((n) => n.opcode)).toEqual(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED']);
    expect(corrected.bytes).not.toEqual(plain.bytes);
    expect(plain.report.after.bytes).toBe(corrected.report.after.bytes);
  });
});

describe('RangeRecorder', () => {
  it('minmax: smallest and largest value over every run', () => {
    const r = new RangeRecorder([5, 9]);
    r.add([[1, 2, 3], [-1, 0]]);
    r.add([[0.5, 4], [-3, 2]]);
    expect(r.count).toBe(2);
    expect([...r.ranges()]).toEqual([[5, { min: 0.5, max: 4 }], [9, { min: -3, max: 2 }]]);
    expect(() => r.add([[1]])).toThrow(/Expected 2 tensors/);
  });

  it('percentile drops rare outliers; mse clips a long tail; both keep zero inside', () => {
    const random = seededRandom(11);
    const bulk = Float32Array.from({ length: 100_000 }, () => Math.max(0, random() * 2 - 0.2));
    bulk[5] = 50; // one outlier
    for (const method of ['percentile', 'mse'] as const) {
      const r = new RangeRecorder([0], method);
      r.add([bulk]);
      const range = r.ranges().get(0)!;
      expect(range.min).toBe(0);
      expect(range.max).toBeGreaterThan(1.5);
      expect(range.max).toBeLessThan(method === 'percentile' ? 2.1 : 45);
    }
    const minmax = new RangeRecorder([0]);
    minmax.add([bulk]);
    expect(minmax.ranges().get(0)!.max).toBe(50);
  });

  it('histogram ranges survive growth across runs and ignore NaN', () => {
    const r = new RangeRecorder([0], 'percentile');
    r.add([[0.001, 0.002]]);
    r.add([Float32Array.from({ length: 10_000 }, (_, i) => -5 + i / 1000)]);
    r.add([[NaN, 1]]);
    const range = r.ranges().get(0)!;
    expect(range.min).toBeLessThan(-4.9);
    expect(range.max).toBeGreaterThan(4.9);
  });
});
