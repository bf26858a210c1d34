// The .tflite reader on every real model of the site. Expected values come from outside the reader:
// tensor and op counts from the MobileNet architectures (layer by layer, see `expected` below),
// input/output quantization from the models' documentation (../shared/assets/README.md), labels
// from the label files shipped beside the models.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  constantTensorValues, embeddedLabels, inputTensors, mainSubgraph, operatorHistogram, outputTensors, parseTflite,
  tensorByName,
} from '../../src/lib/tflite/reader.ts';
import { TfliteParseError, type TfliteTensor } from '../../src/lib/tflite/types.ts';
import { BUILTIN_OPERATORS } from '../../src/lib/tflite/opcodes.ts';
import { sourceModels } from '../../src/lib/models.ts';

const publicDir = join(import.meta.dirname, '../../public');
const load = (file: string) => new Uint8Array(readFileSync(join(publicDir, file)));
const lines = (file: string) => readFileSync(join(publicDir, file), 'utf8').replace(/\n$/, '').split('\n');

// MobileNet v1: 1 stem conv + 13 (depthwise + pointwise) blocks + 1 logits conv = 15 CONV_2D, 13 DEPTHWISE.
// Each of the 28 layers has weights, bias and output (84) + input + pool out + (squeeze | reshape shape + out) + softmax out.
const V1_OPS = { CONV_2D: 15, DEPTHWISE_CONV_2D: 13, AVERAGE_POOL_2D: 1, SOFTMAX: 1 };
// MobileNet v2: stem conv + 16 expansion + 17 projection + final 1x1 + logits = 36 CONV_2D, 17 depthwise,
// 10 residual ADDs. 53 layers x 3 + 10 add outputs + input + pool + reshape (shape, out) + softmax.
const V2_OPS = { CONV_2D: 36, DEPTHWISE_CONV_2D: 17, ADD: 10, SOFTMAX: 1, RESHAPE: 1 };

interface Expected {
  file: string;
  tensors: number;
  ops: Record<string, number>;
  input: { dtype: string; shape: number[]; scale?: number; zeroPoint?: number };
  output: { dtype: string; shape: number[]; scale?: number; zeroPoint?: number };
  /** Label file the model embeds (null: no metadata). */
  labels: string | null;
}

const expected: Expected[] = [
  {
    file: 'models/mobilenet_v1_0.25_224_1_default_1.tflite', tensors: 28 * 3 + 1 + 1 + 1 + 1,
    ops: { ...V1_OPS, SQUEEZE: 1 }, labels: null,
    input: { dtype: 'float32', shape: [1, 224, 224, 3] }, output: { dtype: 'float32', shape: [1, 1001] },
  },
  {
    file: 'models/mobilenet_v1_0.25_224_1_metadata_1.tflite', tensors: 28 * 3 + 1 + 1 + 1 + 1,
    ops: { ...V1_OPS, SQUEEZE: 1 }, labels: 'labels/labels_short.txt',
    input: { dtype: 'float32', shape: [1, 224, 224, 3] }, output: { dtype: 'float32', shape: [1, 1001] },
  },
  ...([['0.25', 224], ['0.25', 128], ['0.5', 160], ['0.75', 192]] as const).map(([width, size]): Expected => ({
    file: `models/mobilenet_v1_${width}_${size}_quant.tflite`, tensors: 28 * 3 + 1 + 1 + 2 + 1,
    ops: { ...V1_OPS, RESHAPE: 1 },
    // The 224 px model from tflite-support embeds the short names; the hosted-model ones the full WordNet names.
    labels: size === 224 ? 'labels/labels_short.txt' : 'labels/imagenet_labels_full.txt',
    input: { dtype: 'uint8', shape: [1, size, size, 3], scale: 1 / 128, zeroPoint: 128 },
    output: { dtype: 'uint8', shape: [1, 1001], scale: 1 / 256, zeroPoint: 0 },
  })),
  {
    file: 'models/mobilenet_v2_1.0_224_quant.tflite', tensors: 53 * 3 + 10 + 1 + 1 + 2 + 1,
    ops: { ...V2_OPS, AVERAGE_POOL_2D: 1 }, labels: 'labels/imagenet_labels_full.txt',
    input: { dtype: 'uint8', shape: [1, 224, 224, 3], scale: 1 / 128, zeroPoint: 128 },
    output: { dtype: 'uint8', shape: [1, 1001], scale: 1 / 256, zeroPoint: 0 },
  },
  {
    // TF2 PTQ: QUANTIZE uint8->int8 at the input and int8->uint8 at the output (2 extra tensors),
    // and MEAN (with its axis constant) instead of AVERAGE_POOL_2D.
    file: 'models/tf2_mobilenet_v2_1.0_224_ptq.tflite', tensors: 53 * 3 + 10 + 1 + 1 + 2 + 2 + 1 + 1,
    ops: { ...V2_OPS, MEAN: 1, QUANTIZE: 2 }, labels: 'labels/imagenet_labels_full.txt',
    input: { dtype: 'uint8', shape: [1, 224, 224, 3], scale: 1 / 127.5, zeroPoint: 127 },
    output: { dtype: 'uint8', shape: [1, 1001], scale: 1 / 256, zeroPoint: 0 },
  },
];

function expectIo(tensor: TfliteTensor | undefined, want: Expected['input']): void {
  expect(tensor?.dtype).toBe(want.dtype);
  expect(tensor?.shape).toEqual(want.shape);
  if (want.scale === undefined) {
    expect(tensor?.quantization).toBeNull();
  } else {
    expect(tensor?.quantization?.scale).toHaveLength(1);
    expect(tensor?.quantization?.scale[0]).toBeCloseTo(want.scale, 7);
    expect(tensor?.quantization?.zeroPoint).toEqual([want.zeroPoint]);
  }
}

describe('parseTflite on the site models', () => {
  it('covers every source model of the manifest', () => {
    expect(expected.map((e) => e.file).sort()).toEqual(sourceModels.map((m) => m.file).sort());
  });

  for (const want of expected) {
    describe(want.file, () => {
      const bytes = load(want.file);
      const model = parseTflite(bytes);
      const sg = mainSubgraph(model);

      it('has schema version 3, one subgraph, and the architecture\'s tensor count and ops', () => {
        expect(model.version).toBe(3);
        expect(model.subgraphs).toHaveLength(1);
        expect(model.byteLength).toBe(bytes.length);
        expect(sg.tensors).toHaveLength(want.tensors);
        expect(operatorHistogram(model)).toEqual(want.ops);
        expect(model.warnings).toEqual([]);
      });

      it('reports the documented input and output', () => {
        expect(sg.inputs).toHaveLength(1);
        expect(sg.outputs).toHaveLength(1);
        expectIo(inputTensors(model)[0], want.input);
        expectIo(outputTensors(model)[0], want.output);
      });

      it('gives constant tensors views of the file with the size their shape and dtype need', () => {
        let constants = 0;
        for (const t of sg.tensors) {
          if (!t.data) continue;
          constants++;
          expect(t.data.buffer).toBe(bytes.buffer); // a view, not a copy
          const size = { float32: 4, int32: 4, uint8: 1, int8: 1 }[t.dtype as string];
          expect(size, `${t.name} ${t.dtype}`).toBeDefined();
          expect(t.data.byteLength).toBe(t.shape.reduce((a, b) => a * b, 1) * size!);
        }
        // Weights + bias of every conv/depthwise layer are constants; the rest (shapes, axes) too.
        const layers = (want.ops.CONV_2D ?? 0) + (want.ops.DEPTHWISE_CONV_2D ?? 0);
        expect(constants).toBeGreaterThanOrEqual(2 * layers);
      });

      it('reads operators with valid tensor references and decoded options', () => {
        for (const op of sg.operators) {
          for (const i of [...op.inputs, ...op.outputs]) expect(i).toBeLessThan(sg.tensors.length);
          if (op.opcode === 'CONV_2D' || op.opcode === 'DEPTHWISE_CONV_2D') {
            expect(['SAME', 'VALID']).toContain(op.options.padding);
            expect([1, 2]).toContain(op.options.stride_w);
            expect(['NONE', 'RELU6', 'RELU']).toContain(op.options.fused_activation_function);
          }
        }
        const first = sg.operators.find((op) => op.opcode === 'CONV_2D')!;
        // Every MobileNet starts with a stride-2 3x3 conv.
        expect(first.options.stride_w).toBe(2);
        expect(sg.tensors[first.inputs[1]!]!.shape.slice(1)).toEqual([3, 3, 3]);
      });

      it(want.labels ? `embeds ${want.labels} and mean/std 127.5` : 'has no metadata', () => {
        const labels = embeddedLabels(model);
        if (!want.labels) {
          expect(model.metadata).toBeNull();
          expect(labels).toBeNull();
          return;
        }
        expect(labels?.labels).toEqual(lines(want.labels));
        expect(model.metadata?.inputNormalization).toEqual([{ mean: [127.5], std: [127.5] }]);
        expect(model.metadataBuffers.TFLITE_METADATA?.length).toBeGreaterThan(0);
      });
    });
  }
});

describe('quantization details', () => {
  const model = parseTflite(load('models/tf2_mobilenet_v2_1.0_224_ptq.tflite'));
  const sg = mainSubgraph(model);

  it('TF2 PTQ weights are int8 per channel: conv along axis 0, depthwise along axis 3', () => {
    const conv = sg.operators.find((op) => op.opcode === 'CONV_2D')!;
    const w = sg.tensors[conv.inputs[1]!]!;
    expect(w.dtype).toBe('int8');
    expect(w.quantization?.axis).toBe(0);
    expect(w.quantization?.scale).toHaveLength(w.shape[0]!);
    expect(new Set(w.quantization?.zeroPoint)).toEqual(new Set([0])); // symmetric weights
    const dw = sg.operators.find((op) => op.opcode === 'DEPTHWISE_CONV_2D')!;
    const dwW = sg.tensors[dw.inputs[1]!]!;
    expect(dwW.quantization?.axis).toBe(3);
    expect(dwW.quantization?.scale).toHaveLength(dwW.shape[3]!);
    // int32 bias: scale = input scale x weight scale, per channel.
    const bias = sg.tensors[conv.inputs[2]!]!;
    const input = sg.tensors[conv.inputs[0]!]!;
    expect(bias.dtype).toBe('int32');
    bias.quantization!.scale.forEach((s, c) => {
      const product = input.quantization!.scale[0]! * w.quantization!.scale[c]!;
      expect(Math.abs(s - product) / product).toBeLessThan(1e-6); // equal up to float32 rounding
    });
  });

  it('uses operator versions above 1 for the int8 kernels', () => {
    expect(model.operatorCodes.find((c) => c.name === 'CONV_2D')?.version).toBe(3);
  });

  it('constantTensorValues dequantizes per channel (checked element by element)', () => {
    const dw = sg.operators.find((op) => op.opcode === 'DEPTHWISE_CONV_2D')!;
    const w = sg.tensors[dw.inputs[1]!]!; // shape [1, 3, 3, C], channel = last axis
    const values = constantTensorValues(model, w);
    const raw = new Int8Array(w.data!.buffer, w.data!.byteOffset, w.data!.byteLength);
    const channels = w.shape[3]!;
    for (const i of [0, 1, channels - 1, channels, 5 * channels + 7, raw.length - 1]) {
      const c = i % channels;
      expect(values[i]).toBeCloseTo((raw[i]! - w.quantization!.zeroPoint[c]!) * w.quantization!.scale[c]!, 6);
    }
  });

  it('constantTensorValues: hand-computed per-tensor and per-channel cases', () => {
    const base = { index: 0, name: 't', bufferIndex: 1, isVariable: false, shapeSignature: null, sparse: false } as const;
    // uint8, per tensor: (q - 128) / 128.
    const u8 = { ...base, dtype: 'uint8' as const, shape: [3], data: new Uint8Array([0, 128, 255]), quantization: { scale: [1 / 128], zeroPoint: [128], axis: 0 } };
    expect(Array.from(constantTensorValues(u8))).toEqual([-1, 0, 127 / 128]);
    // int8 [2, 3] per channel along axis 0: rows scaled 0.5 and 2, zero points 0 and 1.
    const i8 = { ...base, dtype: 'int8' as const, shape: [2, 3], data: new Uint8Array(new Int8Array([1, -2, 3, 1, 2, -1]).buffer), quantization: { scale: [0.5, 2], zeroPoint: [0, 1], axis: 0 } };
    expect(Array.from(constantTensorValues(i8))).toEqual([0.5, -1, 1.5, 0, 2, -4]);
    // Same data per channel along axis 1 (3 channels).
    const i8b = { ...i8, quantization: { scale: [1, 10, 100], zeroPoint: [0, 0, 0], axis: 1 } };
    expect(Array.from(constantTensorValues(i8b))).toEqual([1, -20, 300, 1, 20, -100]);
    // A scale count that does not match the axis is an error, not a silent misreading.
    expect(() => constantTensorValues({ ...i8, quantization: { scale: [1, 2, 3, 4], zeroPoint: [0], axis: 0 } })).toThrow(TfliteParseError);
    expect(() => constantTensorValues({ ...u8, data: null })).toThrow(/no constant data/);
  });

  it('finds tensors by name', () => {
    const input = inputTensors(model)[0]!;
    expect(tensorByName(model, input.name)).toBe(input);
    expect(tensorByName(model, 'no such tensor')).toBeUndefined();
  });

  it('names every BuiltinOperator code up to COMPLEX = 207', () => {
    expect(BUILTIN_OPERATORS).toHaveLength(208);
    expect(BUILTIN_OPERATORS.indexOf('QUANTIZE')).toBe(114);
    expect(BUILTIN_OPERATORS.indexOf('HARD_SWISH')).toBe(117);
    expect(BUILTIN_OPERATORS.indexOf('GELU')).toBe(150);
    expect(new Set(BUILTIN_OPERATORS).size).toBe(208);
  });
});
