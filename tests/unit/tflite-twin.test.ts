// The FlatBuffers writer (round trips) and the float32 twin derived from the int8 PTQ model.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { constantTensorValues, inputTensors, mainSubgraph, operatorHistogram, outputTensors, parseTflite, tensorByName } from '../../src/lib/tflite/reader.ts';
import { dequantizeModel, makeFloatTwin, TwinError } from '../../src/lib/tflite/twin.ts';
import { toWritableModel, writeTflite } from '../../src/lib/tflite/writer.ts';
import { derivedModels, getModel, models } from '../../src/lib/models.ts';
import { derivers } from '../../scripts/assets/derive.ts';
import type { TfliteModel } from '../../src/lib/tflite/types.ts';

const publicDir = join(import.meta.dirname, '../../public');
const load = (file: string) => new Uint8Array(readFileSync(join(publicDir, file)));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Everything the reader reports except where bytes happen to sit in the file. */
function comparable(model: TfliteModel) {
  return {
    ...model,
    byteLength: 0,
    metadataBuffers: Object.fromEntries(Object.entries(model.metadataBuffers).map(([k, v]) => [k, sha256(v)])),
    metadata: model.metadata ? { ...model.metadata, associatedFiles: {} } : null,
    subgraphs: model.subgraphs.map((sg) => ({
      ...sg,
      tensors: sg.tensors.map((t) => ({ ...t, bufferIndex: t.data ? 1 : 0, data: t.data ? sha256(t.data) : null })),
    })),
    bufferCount: 0,
  };
}

describe('writeTflite', () => {
  for (const entry of models.filter((m) => !m.derived_from)) {
    it(`round-trips ${entry.file} (parse -> write -> parse gives the same model)`, () => {
      const original = parseTflite(load(entry.file));
      const written = writeTflite(toWritableModel(original));
      const again = parseTflite(written);
      expect(comparable(again)).toEqual(comparable(original));
      // Constant data is 16-byte aligned in the output, as the schema's force_align asks.
      for (const t of mainSubgraph(again).tensors) if (t.data) expect(t.data.byteOffset % 16).toBe(0);
    });
  }

  it('is deterministic', () => {
    const model = parseTflite(load('models/mobilenet_v1_0.25_224_quant.tflite'));
    expect(sha256(writeTflite(toWritableModel(model)))).toBe(sha256(writeTflite(toWritableModel(model))));
  });
});

describe('float32 twin of the TF2 int8 PTQ MobileNet v2', () => {
  const sourceEntry = getModel('mobilenet_v2_1.0_224_int8');
  const source = parseTflite(load(sourceEntry.file));
  const { bytes, report } = makeFloatTwin(load(sourceEntry.file));
  const twin = parseTflite(bytes);
  const sg = mainSubgraph(twin);

  it('parses, has only float32 activations and weights, and no quantization left', () => {
    for (const t of sg.tensors) {
      expect(t.quantization, t.name).toBeNull();
      // The only non-float tensors are integer constants: RESHAPE's shape and MEAN's axes.
      if (t.dtype !== 'float32') {
        expect(t.dtype).toBe('int32');
        expect(t.data).not.toBeNull();
        expect(t.shape.length).toBe(1);
      }
    }
  });

  it('drops exactly the two QUANTIZE ops and keeps every other op, at float kernel version 1', () => {
    const before = operatorHistogram(source);
    const after = operatorHistogram(twin);
    expect(after.QUANTIZE).toBeUndefined();
    expect(after.DEQUANTIZE).toBeUndefined();
    expect({ ...after, QUANTIZE: before.QUANTIZE }).toEqual(before);
    expect(report.removedOps).toHaveLength(2);
    expect(twin.operatorCodes.every((c) => c.version === 1)).toBe(true);
    expect(sg.tensors).toHaveLength(mainSubgraph(source).tensors.length - 2);
  });

  it('takes float32 [1,224,224,3] input and gives float32 [1,1001] output with the source names', () => {
    const input = inputTensors(twin)[0]!;
    const output = outputTensors(twin)[0]!;
    expect([input.dtype, input.shape]).toEqual(['float32', [1, 224, 224, 3]]);
    expect([output.dtype, output.shape]).toEqual(['float32', [1, 1001]]);
    expect(input.name).toBe(inputTensors(source)[0]!.name);
    expect(output.name).toBe(outputTensors(source)[0]!.name);
    // The op producing the output is now the SOFTMAX itself.
    expect(sg.operators.find((op) => op.outputs.includes(sg.outputs[0]!))?.opcode).toBe('SOFTMAX');
  });

  it('reports the source input meaning: real = (q - 127) / 127.5', () => {
    expect(report.sourceInputNormalization).toHaveLength(1);
    expect(report.sourceInputNormalization[0]!.mean).toBe(127);
    expect(report.sourceInputNormalization[0]!.std).toBeCloseTo(127.5, 4);
  });

  it('stores each weight and bias as exactly its dequantized value', () => {
    let checked = 0;
    for (const t of sg.tensors) {
      if (!t.data || t.dtype !== 'float32') continue;
      const original = tensorByName(source, t.name)!;
      expect(original.quantization, t.name).not.toBeNull();
      const stored = new Float32Array(t.data.slice().buffer);
      const expected = constantTensorValues(original);
      expect(stored.length).toBe(expected.length);
      let mismatches = 0;
      for (let i = 0; i < stored.length; i++) if (stored[i] !== expected[i]) mismatches++;
      expect(mismatches, t.name).toBe(0);
      checked++;
    }
    expect(checked).toBe(report.dequantizedConstants);
    // 53 conv/depthwise layers, weights and bias each.
    expect(checked).toBe(2 * 53);
  });

  it('is the file the manifest records (sha256 and size), through the registered deriver', () => {
    const entry = derivedModels.find((m) => m.id === 'mobilenet_v2_1.0_224_float_twin')!;
    expect(entry.derived_from).toBe(sourceEntry.id);
    expect(entry.method).toBe('float32-twin');
    const derived = derivers['float32-twin']!(load(sourceEntry.file));
    expect(sha256(derived)).toBe(entry.sha256);
    expect(derived.length).toBe(entry.bytes);
    expect(sha256(derived)).toBe(sha256(bytes));
  });
});

describe('float32 twin: other models and refusals', () => {
  it('also converts a TF1 uint8 QAT model (per-tensor weights)', () => {
    const { bytes } = makeFloatTwin(load('models/mobilenet_v1_0.25_224_quant.tflite'));
    const twin = parseTflite(bytes);
    expect(inputTensors(twin)[0]!.dtype).toBe('float32');
    expect(mainSubgraph(twin).tensors.every((t) => t.quantization === null)).toBe(true);
    expect(operatorHistogram(twin)).toEqual({ CONV_2D: 15, DEPTHWISE_CONV_2D: 13, AVERAGE_POOL_2D: 1, RESHAPE: 1, SOFTMAX: 1 });
  });

  it('refuses a float model', () => {
    expect(() => makeFloatTwin(load('models/mobilenet_v1_0.25_224_1_default_1.tflite'))).toThrow(
      expect.objectContaining({ name: 'TwinError', code: 'not-quantized' }),
    );
  });

  it('names an op it cannot convert', () => {
    const model = parseTflite(load('models/mobilenet_v1_0.25_224_quant.tflite'));
    const writable = toWritableModel(model);
    // Turn the RESHAPE code into SPACE_TO_DEPTH (no options table in the way).
    const reshape = writable.operatorCodes.findIndex((c) => c.builtinCode === 22);
    writable.operatorCodes[reshape]!.builtinCode = 26;
    for (const op of writable.subgraphs[0]!.operators) if (op.opcodeIndex === reshape) op.optionsType = 'NONE';
    const broken = parseTflite(writeTflite(writable));
    expect(() => dequantizeModel(broken)).toThrow(TwinError);
    expect(() => dequantizeModel(broken)).toThrow(/SPACE_TO_DEPTH/);
  });

  it('names an 8-bit tensor without quantization parameters', () => {
    const model = parseTflite(load('models/mobilenet_v1_0.25_224_quant.tflite'));
    const writable = toWritableModel(model);
    const victim = writable.subgraphs[0]!.tensors.find((t) => t.buffer > 0 && t.dtype === 'uint8')!;
    victim.quantization = null;
    expect(() => makeFloatTwin(writeTflite(writable))).toThrow(new RegExp(`"${victim.name.replace(/[/.]/g, '.')}".*uint8 without quantization`));
  });
});
