// Dynamic range (optimizations=[DEFAULT], no dataset) op by op, against what TensorFlow 2.21's
// converter writes (quantize-dynamic-range.mlir, op_version.cc): hybrid kernels read int8 weights,
// ops without one get int8 weights behind a DEQUANTIZE, small weights stay float.
import { describe, expect, it } from 'vitest';
import { expandVerySmallRanges } from '../../src/lib/quant/converter.ts';
import { quantizeModel } from '../../src/lib/quantize/index.ts';
import { constantTensorValues } from '../../src/lib/tflite/dequantize.ts';
import { mainSubgraph, parseTflite } from '../../src/lib/tflite/reader.ts';
import type { TfliteModel } from '../../src/lib/tflite/types.ts';
import { ModelBuilder } from './quantize-fixtures.ts';

const f32 = Math.fround;
const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

function dynamic(float: Uint8Array) {
  const { bytes, report } = quantizeModel(float, { mode: 'dynamic' });
  const model = parseTflite(bytes);
  return { model, sg: mainSubgraph(model), report };
}

function opsOf(model: TfliteModel, opcode: string) {
  return mainSubgraph(model).operators.filter((op) => op.opcode === opcode);
}

/** input [1, 512] -> FULLY_CONNECTED (weights [2, 512]) -> [1, 2]. Row 0 peaks at 2, row 1 at 0.5. */
function fcModel(rows = 2, depth = 512): Uint8Array {
  const b = new ModelBuilder();
  const input = b.activation('input', [1, depth]);
  const weights = range(rows * depth, (i) => (i % depth === 0 ? (Math.floor(i / depth) === 0 ? 2 : 0.5) : ((i % 7) - 3) / 1000));
  weights[1] = -1; // row 0: -1 * 127/2 = -63.5 -> -64 (half away from zero)
  weights[2] = -0.003;
  weights[depth + 2] = -0.003;
  const w = b.constant('fc/weights', [rows, depth], weights);
  const bias = b.constant('fc/bias', [rows], range(rows, (i) => i / 10));
  const out = b.activation('fc/out', [1, rows]);
  b.op('FULLY_CONNECTED', [input, w, bias], [out], 'FullyConnectedOptions', { fused_activation_function: 'NONE', weights_format: 'DEFAULT', keep_num_dims: false });
  return b.build([input], [out]);
}

describe('dynamic range: FULLY_CONNECTED', () => {
  it('per-channel int8 weights (axis 0), asymmetric_quantize_inputs, version 12, float bias', () => {
    const { sg } = dynamic(fcModel());
    const fc = sg.operators.find((op) => op.opcode === 'FULLY_CONNECTED')!;
    expect(fc.version).toBe(12);
    expect(fc.options.asymmetric_quantize_inputs).toBe(true);
    const w = sg.tensors[fc.inputs[1]!]!;
    expect(w.dtype).toBe('int8');
    expect(w.quantization).toMatchObject({ scale: [f32(2 / 127), f32(0.5 / 127)], zeroPoint: [0, 0], axis: 0 });
    const values = new Int8Array(w.data!.buffer, w.data!.byteOffset, w.data!.byteLength);
    expect([values[0], values[1], values[512]]).toEqual([127, -64, 127]);
    // -0.003 * 127/2 = -0.19 -> 0; in row 1: -0.003 * 127/0.5 = -0.762 -> -1
    expect([values[2], values[512 + 2]]).toEqual([0, -1]);
    expect(sg.tensors[fc.inputs[2]!]!.dtype).toBe('float32');
    expect(sg.operators.map((op) => op.opcode)).toEqual(['FULLY_CONNECTED']);
  });

  it('1024 weights are quantized, 1020 stay float (the converter skips fewer than 1024)', () => {
    expect(dynamic(fcModel(2, 512)).report.skipped).toEqual([]);
    const small = dynamic(fcModel(4, 255));
    expect(small.report.skipped).toMatchObject([{ opcode: 'FULLY_CONNECTED', code: 'small-weights', detail: { elements: 1020, threshold: 1024 } }]);
    expect(opsOf(small.model, 'FULLY_CONNECTED')[0]!.version).toBe(1);
  });
});

describe('dynamic range: BATCH_MATMUL', () => {
  it('a constant right-hand side becomes per-tensor int8, version 4 with asymmetric inputs', () => {
    const b = new ModelBuilder();
    const input = b.activation('input', [1, 3, 512]);
    const w = b.constant('mm/rhs', [512, 2], range(1024, (i) => (i === 5 ? -4 : (i % 5) / 10)));
    const out = b.activation('mm/out', [1, 3, 2]);
    b.op('BATCH_MATMUL', [input, w], [out], 'BatchMatMulOptions', { adj_x: false, adj_y: false });
    const { sg } = dynamic(b.build([input], [out]));
    const mm = sg.operators[0]!;
    expect([mm.opcode, mm.version, mm.options.asymmetric_quantize_inputs]).toEqual(['BATCH_MATMUL', 4, true]);
    expect(sg.tensors[mm.inputs[1]!]!.quantization!.scale).toEqual([f32(4 / 127)]);
  });
});

describe('dynamic range: ops without a hybrid kernel get int8 weights and a DEQUANTIZE', () => {
  it('TRANSPOSE_CONV: per channel along axis 0, DEQUANTIZE version 5 first, the op itself unchanged', () => {
    const b = new ModelBuilder();
    const shape = b.constant('tconv/shape', [4], [1, 8, 8, 64], 'int32');
    const w = b.constant('tconv/weights', [64, 2, 2, 16], range(64 * 64, (i) => (Math.floor(i / 64) + 1) * (i % 2 ? -1 : 1) / 64));
    const input = b.activation('input', [1, 4, 4, 16]);
    const out = b.activation('tconv/out', [1, 8, 8, 64]);
    b.op('TRANSPOSE_CONV', [shape, w, input], [out], 'TransposeConvOptions', { padding: 'SAME', stride_w: 2, stride_h: 2, fused_activation_function: 'NONE' });
    const { sg, report } = dynamic(b.build([input], [out]));
    expect(sg.operators.map((op) => [op.opcode, op.version])).toEqual([['DEQUANTIZE', 5], ['TRANSPOSE_CONV', 1]]);
    const [dq, tconv] = sg.operators;
    const q = sg.tensors[dq!.inputs[0]!]!;
    const weights = sg.tensors[dq!.outputs[0]!]!;
    expect(tconv!.inputs[1]).toBe(dq!.outputs[0]);
    expect([q.dtype, weights.dtype, weights.data, weights.name]).toEqual(['int8', 'float32', null, 'tconv/weights']);
    expect(q.quantization!.scale).toHaveLength(64);
    expect(q.quantization!.scale[2]).toBe(f32(3 / 64 / 127));
    expect(report.opsAdded).toEqual({ DEQUANTIZE: 1 });
    expect(report.notes[0]).toMatchObject({ opIndex: 1, opcode: 'TRANSPOSE_CONV', code: 'weights-int8-per-channel', detail: { kernel: 'dequantize', channels: 64 } });
  });

  it('GATHER: per-tensor params, DEQUANTIZE version 2, values within half a step', () => {
    const b = new ModelBuilder();
    const params = range(2048, (i) => Math.sin(i));
    const table = b.constant('embedding', [256, 8], params);
    const ids = b.activation('ids', [3], 'int32');
    const out = b.activation('gather/out', [3, 8]);
    b.op('GATHER', [table, ids], [out], 'GatherOptions', { axis: 0, batch_dims: 0 });
    const { sg } = dynamic(b.build([ids], [out]));
    expect(sg.operators.map((op) => [op.opcode, op.version])).toEqual([['DEQUANTIZE', 2], ['GATHER', 1]]);
    const q = sg.tensors[sg.operators[0]!.inputs[0]!]!;
    const step = q.quantization!.scale[0]!;
    expect(step).toBe(f32(f32(Math.max(...params.map(Math.abs))) / 127));
    const back = constantTensorValues(q);
    for (let i = 0; i < params.length; i += 37) expect(Math.abs(back[i]! - params[i]!)).toBeLessThanOrEqual(step / 2 + 1e-7);
  });
});

describe('dynamic range: shared weights', () => {
  it('two CONV_2D reading one weight tensor share one int8 copy, both become hybrid version 5', () => {
    const b = new ModelBuilder();
    const input = b.activation('input', [1, 4, 4, 16]);
    const w = b.constant('conv/weights', [64, 1, 1, 16], range(1024, (i) => Math.cos(i)));
    const bias = b.constant('conv/bias', [64], range(64, () => 0));
    const mid = b.activation('conv1/out', [1, 4, 4, 64]);
    const out = b.activation('conv2/out', [1, 4, 4, 64]);
    const conv = { padding: 'SAME', stride_w: 1, stride_h: 1, fused_activation_function: 'NONE', dilation_w_factor: 1, dilation_h_factor: 1 };
    b.op('CONV_2D', [input, w, bias], [mid], 'Conv2DOptions', conv);
    b.op('CONV_2D', [input, w, bias], [out], 'Conv2DOptions', conv);
    const { sg, report } = dynamic(b.build([input], [mid, out]));
    expect(sg.operators.map((op) => [op.opcode, op.version])).toEqual([['CONV_2D', 5], ['CONV_2D', 5]]);
    expect(sg.operators[0]!.inputs[1]).toBe(sg.operators[1]!.inputs[1]);
    expect(sg.tensors[sg.operators[0]!.inputs[1]!]!.dtype).toBe('int8');
    expect(report.notes).toHaveLength(2);
    expect(report.opsAdded).toEqual({});
  });
});

describe('dynamic range: dead channels', () => {
  it('ranges at most 1e-6 wide widen to ±5e-7 (ExpandVerySmallRange); wider ones stay symmetric', () => {
    expect(expandVerySmallRanges({ min: [0, -2e-7, -1, 0], max: [0, 3e-7, 0.5, 6e-7] })).toEqual({
      min: [-5e-7, -5e-7, -1, -6e-7],
      max: [5e-7, 5e-7, 1, 6e-7],
    });
  });

  it('an all-zero output channel gets scale 1e-6 / 254, not 0, and stays zero', () => {
    const b = new ModelBuilder();
    const input = b.activation('input', [1, 4, 4, 16]);
    // Channel 1 (values 16..31) is dead.
    const w = b.constant('conv/weights', [64, 1, 1, 16], range(1024, (i) => (Math.floor(i / 16) === 1 ? 0 : ((i % 9) - 4) / 8)));
    const bias = b.constant('conv/bias', [64], range(64, () => 0.1));
    const out = b.activation('conv/out', [1, 4, 4, 64]);
    b.op('CONV_2D', [input, w, bias], [out], 'Conv2DOptions', { padding: 'SAME', stride_w: 1, stride_h: 1, fused_activation_function: 'NONE', dilation_w_factor: 1, dilation_h_factor: 1 });
    const { sg } = dynamic(b.build([input], [out]));
    const q = sg.tensors[sg.operators[0]!.inputs[1]!]!;
    expect(q.quantization!.scale[1]).toBe(f32(1e-6 / 254));
    expect(q.quantization!.scale[0]).toBe(f32(0.5 / 127));
    expect(q.quantization!.scale.every((s) => s > 0)).toBe(true);
    expect([...constantTensorValues(q).slice(16, 32)].every((v) => v === 0)).toBe(true);
  });
});
