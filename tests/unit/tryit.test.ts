import { describe, expect, it } from 'vitest';
import { concreteShape, isPhotoInput, SyntheticInputError, syntheticInputs } from '../../src/lib/tryit/synthetic-inputs.ts';
import { classMask, detectionsFromPostProcess, realValues, tensorStats } from '../../src/lib/tryit/outputs.ts';
import { frameWaveform, toMono } from '../../src/lib/tryit/audio.ts';
import type { TensorSpec } from '../../src/lib/runtime/types.ts';

const spec = (dtype: TensorSpec['dtype'], shape: number[], quantization?: TensorSpec['quantization']): TensorSpec => ({ name: 'x', dtype, shape, quantization });

describe('syntheticInputs', () => {
  it('builds one array per input, of the right type and length, dynamic dims as 1', () => {
    const inputs = syntheticInputs([spec('float32', [1, 4, 4, 3]), spec('int32', [1, 256]), spec('uint8', [2, -1]), spec('int8', [3]), spec('int16', [5]), spec('bool', [])]);
    expect(inputs.map((a) => a.constructor.name)).toEqual(['Float32Array', 'Int32Array', 'Uint8Array', 'Int8Array', 'Int16Array', 'Uint8Array']);
    expect(inputs.map((a) => a.length)).toEqual([48, 256, 2, 3, 5, 1]);
    expect(Math.max(...inputs[0]!)).toBeLessThanOrEqual(1);
    expect(Math.min(...inputs[0]!)).toBeGreaterThanOrEqual(-1);
    // Token ids: zeros are valid indices into any embedding table.
    expect(inputs[1]!.every((v) => v === 0)).toBe(true);
    expect(concreteShape([1, -1, 0, 3])).toEqual([1, 1, 1, 3]);
  });
  it('is deterministic and refuses string inputs with a code', () => {
    expect(syntheticInputs([spec('float32', [8])])).toEqual(syntheticInputs([spec('float32', [8])]));
    expect(() => syntheticInputs([spec('string', [1])])).toThrow(SyntheticInputError);
  });
  it('recognises photo inputs', () => {
    expect(isPhotoInput(spec('uint8', [1, 300, 300, 3]))).toBe(true);
    expect(isPhotoInput(spec('float32', [15600]))).toBe(false);
    expect(isPhotoInput(spec('int32', [1, 224, 224, 3]))).toBe(false);
  });
});

describe('output helpers', () => {
  it('dequantizes 8-bit outputs with their own scale and zero point', () => {
    expect([...realValues(new Uint8Array([0, 128, 255]), spec('uint8', [3], { scale: [1 / 256], zeroPoint: [0] }))]).toEqual([0, 0.5, 255 / 256]);
    expect([...realValues(new Float32Array([0.25]), spec('float32', [1]))]).toEqual([0.25]);
  });
  it('reads SSD post-processing rows: count, threshold, clamped [ymin, xmin, ymax, xmax], best first', () => {
    const boxes = new Float32Array([0.1, 0.2, 0.5, 0.6, -0.1, 0, 1.2, 0.5, 0, 0, 1, 1]);
    const found = detectionsFromPostProcess(boxes, new Float32Array([17, 0, 3]), new Float32Array([0.6, 0.9, 0.95]), new Float32Array([2]), 0.5);
    expect(found).toHaveLength(2);
    expect(found[0]).toEqual({ top: 0, left: 0, bottom: 1, right: 0.5, classId: 0, score: expect.closeTo(0.9, 5) });
    expect(found[1]).toMatchObject({ top: expect.closeTo(0.1, 5), left: expect.closeTo(0.2, 5), classId: 17 });
  });
  it('argmaxes a [H, W, C] score map into a class mask with shares', () => {
    const scores = new Float32Array([0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 0.6, 0.4]);
    const { mask, shares } = classMask(scores, 2, 2, 2);
    expect([...mask]).toEqual([0, 1, 1, 0]);
    expect(shares.get(0)).toBe(0.5);
  });
  it('summarises a tensor', () => {
    expect(tensorStats(new Float32Array([3, -4]))).toEqual({ length: 2, first: [3, -4], min: -4, max: 3, norm: 5 });
  });
});

describe('audio framing', () => {
  it('cuts half-overlapping windows and drops a short tail', () => {
    const frames = frameWaveform(Float32Array.from({ length: 10 }, (_, i) => i), 4, 2);
    expect(frames.map((f) => f.start)).toEqual([0, 2, 4, 6]);
    expect([...frames[1]!.frame]).toEqual([2, 3, 4, 5]);
    expect(frameWaveform(new Float32Array(3), 4)).toEqual([]);
  });
  it('mixes channels to mono', () => {
    expect([...toMono([new Float32Array([1, 1]), new Float32Array([0, -1])])]).toEqual([0.5, 0]);
  });
});
