// The quantizer on many random models, random ranges and corrupted files: every outcome is a model
// the project's reader parses (with the invariants of its mode) or a QuantizeError with a code;
// never another exception or a hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCalibrationModel, QUANTIZE_MODES, QuantizeError, quantizeModel, RangeRecorder, type ActivationRange, type QuantizeMode, type QuantizeOptions } from '../../src/lib/quantize/index.ts';
import { inputTensors, mainSubgraph, outputTensors, parseTflite } from '../../src/lib/tflite/reader.ts';
import { seededRandom, type RandomSource } from '../../src/lib/random.ts';
import { opZooNet, randomConvNet } from './quantize-fixtures.ts';

function randomRanges(random: RandomSource, tensors: readonly number[]): Map<number, ActivationRange> {
  const ranges = new Map<number, ActivationRange>();
  for (const t of tensors) {
    const r = random();
    if (r < 0.03) continue; // missing
    if (r < 0.06) ranges.set(t, { min: NaN, max: 1 });
    else if (r < 0.09) ranges.set(t, { min: 2, max: 1 });
    else if (r < 0.15) ranges.set(t, { min: 0, max: 0 });
    else {
      const a = (random() - 0.7) * 10 ** (random() * 6 - 3);
      ranges.set(t, { min: a, max: a + random() * 10 ** (random() * 6 - 3) });
    }
  }
  return ranges;
}

function checkModel(bytes: Uint8Array, mode: QuantizeMode, ioType?: 'uint8' | 'int8'): void {
  const model = parseTflite(bytes);
  const sg = mainSubgraph(model);
  for (const op of sg.operators) for (const i of [...op.inputs, ...op.outputs]) expect(i < sg.tensors.length).toBe(true);
  const input = inputTensors(model)[0]!;
  const output = outputTensors(model)[0]!;
  if (mode === 'dynamic' || mode === 'float16' || mode === 'int8') {
    expect([input.dtype, output.dtype]).toEqual(['float32', 'float32']);
  } else {
    expect([input.dtype, output.dtype]).toEqual([ioType ?? 'uint8', ioType ?? 'uint8']);
  }
  if (mode === 'int8' || mode === 'int8-io') {
    const edges = new Set([...sg.inputs, ...sg.outputs]);
    for (const op of sg.operators) {
      for (const o of op.outputs) if (!edges.has(o)) expect(sg.tensors[o]!.dtype).toBe('int8');
      for (const o of op.outputs) {
        const q = sg.tensors[o]!.quantization;
        if (sg.tensors[o]!.dtype === 'int8') expect(q!.scale[0]! >= 0 && Number.isFinite(q!.scale[0]!)).toBe(true);
      }
    }
  }
}

/** The mode's options; int8-io picks its I/O type at random. */
function optionsFor(mode: QuantizeMode, ranges: Map<number, ActivationRange>, random: RandomSource): QuantizeOptions {
  const ioType = mode === 'int8-io' ? (random() < 0.5 ? 'uint8' : 'int8') : undefined;
  return { mode, ranges, ...(ioType ? { ioType } : {}) };
}

function attempt(run: () => { bytes: Uint8Array }, check: (bytes: Uint8Array) => void): string {
  try {
    const { bytes } = run();
    check(bytes);
    return 'ok';
  } catch (error) {
    if (!(error instanceof QuantizeError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    return error.code;
  }
}

describe('quantizer fuzz', () => {
  it('100 random conv nets x 4 modes with random (sometimes broken) ranges: valid models or QuantizeError', () => {
    const random = seededRandom(0x9a11);
    const outcomes: Record<string, number> = {};
    for (let k = 0; k < 100; k++) {
      const float = randomConvNet(random);
      const calibration = makeCalibrationModel(float);
      expect(parseTflite(calibration.bytes).subgraphs[0]!.outputs.length).toBe(calibration.outputCount);
      const ranges = randomRanges(random, calibration.tensorIndices);
      for (const mode of QUANTIZE_MODES) {
        const options = optionsFor(mode, ranges, random);
        const o = attempt(() => quantizeModel(float, options), (b) => checkModel(b, mode, options.ioType));
        outcomes[`${mode}:${o}`] = (outcomes[`${mode}:${o}`] ?? 0) + 1;
      }
    }
    // Weight-only modes always work on these float models; int8 modes succeed unless a range is broken.
    expect(outcomes['dynamic:ok']).toBe(100);
    expect(outcomes['float16:ok']).toBe(100);
    expect(outcomes['int8:ok']).toBeGreaterThan(10);
    expect(outcomes['int8:needs-calibration']).toBeGreaterThan(10);
  });

  it('the float16 output of 60 random nets, fed back through every mode: the same outcome as the float model (ranges key both)', () => {
    const random = seededRandom(0xf160);
    const outcomes: Record<string, number> = {};
    for (let k = 0; k < 60; k++) {
      const float = k % 3 === 2 ? opZooNet(random) : randomConvNet(random);
      const fp16 = quantizeModel(float, { mode: 'float16' }).bytes;
      const calibration = makeCalibrationModel(fp16);
      expect(calibration.tensorIndices).toEqual(makeCalibrationModel(float).tensorIndices);
      const ranges = randomRanges(random, calibration.tensorIndices);
      for (const mode of QUANTIZE_MODES) {
        const options = optionsFor(mode, ranges, random);
        const fromHalf = attempt(() => quantizeModel(fp16, options), (b) => {
          checkModel(b, mode, options.ioType);
          // Nothing of the float16 file is left but what the mode itself writes.
          const types = new Set(mainSubgraph(parseTflite(b)).tensors.map((t) => t.dtype));
          if (mode !== 'float16') expect(types.has('float16')).toBe(false);
        });
        expect(fromHalf, `net ${k} ${mode}`).toBe(attempt(() => quantizeModel(float, options), () => undefined));
        outcomes[`${mode}:${fromHalf}`] = (outcomes[`${mode}:${fromHalf}`] ?? 0) + 1;
      }
    }
    expect(outcomes['dynamic:ok']).toBe(60);
    expect(outcomes['float16:ok']).toBe(60);
    expect(outcomes['int8:ok']).toBeGreaterThan(5);
    expect(outcomes['int8-io:ok']).toBeGreaterThan(5);
  });

  it('40 nets through SPLIT, MAXIMUM, PADV2, TRANSPOSE_CONV, GATHER, ARG_MAX... with random weights and ranges: valid models or QuantizeError', () => {
    const random = seededRandom(0x200);
    const outcomes: Record<string, number> = {};
    for (let k = 0; k < 40; k++) {
      const float = opZooNet(random);
      const ranges = randomRanges(random, makeCalibrationModel(float).tensorIndices);
      for (const mode of ['int8', 'int8-io'] as const) {
        const o = attempt(() => quantizeModel(float, { mode, ranges }), (b) => checkModel(b, mode));
        outcomes[o] = (outcomes[o] ?? 0) + 1;
      }
    }
    expect(outcomes.ok).toBeGreaterThan(5);
  });

  it('the same model and ranges give the same bytes', () => {
    const float = randomConvNet(seededRandom(5));
    const calibration = makeCalibrationModel(float);
    const recorder = new RangeRecorder(calibration.tensorIndices, 'mse');
    const random = seededRandom(6);
    const sizes = calibration.tensorIndices.map((t) => mainSubgraph(parseTflite(calibration.bytes)).tensors[t]!.shape.reduce((a, b) => a * b, 1));
    for (let run = 0; run < 3; run++) recorder.add(sizes.map((n) => Float32Array.from({ length: n }, () => random() * 4 - 1)));
    const a = quantizeModel(float, { mode: 'int8', ranges: recorder.ranges() }).bytes;
    const b = quantizeModel(float, { mode: 'int8', ranges: recorder.ranges() }).bytes;
    expect(a).toEqual(b);
  });

  it('300 truncated or bit-flipped copies of small, float16 and real models: valid output or QuantizeError', () => {
    const random = seededRandom(0xbad);
    const sources = [
      randomConvNet(seededRandom(1), { size: 3, channels: 40, classes: 30 }),
      new Uint8Array(readFileSync(join(import.meta.dirname, '../../public/models/mobilenet_v1_0.25_224_1_default_1.tflite'))),
      // A float16 file: its DEQUANTIZE ops are folded before anything else reads it.
      quantizeModel(randomConvNet(seededRandom(2), { size: 3, channels: 40, classes: 30 }), { mode: 'float16' }).bytes,
    ];
    const outcomes: Record<string, number> = {};
    for (let k = 0; k < 300; k++) {
      const source = sources[k % sources.length]!;
      let bytes: Uint8Array;
      if (random() < 0.3) {
        bytes = source.subarray(0, Math.floor(random() * source.length));
      } else {
        bytes = source.slice();
        // Flip bytes in the structure (the first 2 kB and the last 8 kB hold tables, vtables, shapes).
        for (let f = 0; f < 1 + Math.floor(random() * 4); f++) {
          const at = random() < 0.5 ? Math.floor(random() * Math.min(2048, bytes.length)) : bytes.length - 1 - Math.floor(random() * Math.min(8192, bytes.length));
          bytes[at] = Math.floor(random() * 256);
        }
      }
      const mode = (['dynamic', 'float16'] as const)[k % 2]!;
      const o = attempt(() => quantizeModel(bytes, { mode }), (b) => void parseTflite(b));
      const c = attempt(() => makeCalibrationModel(bytes), (b) => void parseTflite(b));
      outcomes[o] = (outcomes[o] ?? 0) + 1;
      outcomes[`calibration:${c}`] = (outcomes[`calibration:${c}`] ?? 0) + 1;
    }
    expect(outcomes['bad-model']).toBeGreaterThan(30);
    expect(outcomes.ok).toBeGreaterThan(5);
  });
});
