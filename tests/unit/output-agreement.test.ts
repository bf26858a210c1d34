// The run check's comparison of a quantized model's outputs with its float model's (hand-computed).
import { describe, expect, it } from 'vitest';
import { compareOutputs, OutputMismatchError } from '../../src/lib/converter/output-agreement.ts';
import { testPattern } from '../../src/lib/converter/runs.ts';
import type { TensorSpec } from '../../src/lib/runtime/types.ts';

const spec = (dtype: TensorSpec['dtype'], n: number, quantization?: TensorSpec['quantization']): TensorSpec => ({ name: 'out', dtype, shape: [1, n], ...(quantization ? { quantization } : {}) });

describe('compareOutputs', () => {
  it('float vs float: largest |difference| over the float output range', () => {
    // range 4 - 0 = 4; largest difference |1 - 1.5| = 0.5 -> 0.125
    const a = compareOutputs({ specs: [spec('float32', 3)], outputs: [Float32Array.of(0, 1, 4)] }, { specs: [spec('float32', 3)], outputs: [Float32Array.of(0.25, 1.5, 4)] });
    expect(a.maxRelativeDiff).toBeCloseTo(0.125, 6);
    expect(a.integersEqual).toBeNull();
    expect(a.top).toEqual({ float: 2, quantized: 2 });
    expect(a.worst).toEqual({ diff: 0.5, min: 0, max: 4 });
  });

  it('a uint8 output is dequantized with its own scale and zero point first', () => {
    // (q - 128) * 0.5: [128, 130, 136] -> [0, 1, 4], equal to the float output
    const q = spec('uint8', 3, { scale: [0.5], zeroPoint: [128] } as TensorSpec['quantization']);
    const a = compareOutputs({ specs: [spec('float32', 3)], outputs: [Float32Array.of(0, 1, 4)] }, { specs: [q], outputs: [Uint8Array.of(128, 130, 136)] });
    expect(a.maxRelativeDiff).toBe(0);
  });

  it('the worst of several outputs; integer outputs (ARG_MAX) counted as equal values', () => {
    const a = compareOutputs(
      { specs: [spec('float32', 2), spec('float32', 2), spec('int32', 3)], outputs: [Float32Array.of(0, 10), Float32Array.of(-1, 1), Int32Array.of(3, 1, 2)] },
      { specs: [spec('float32', 2), spec('float32', 2), spec('int32', 3)], outputs: [Float32Array.of(0, 10.5), Float32Array.of(-1, 1.2), Int32Array.of(3, 0, 2)] },
    );
    expect(a.maxRelativeDiff).toBeCloseTo(0.1, 6); // 0.05 and 0.2 / 2 = 0.1
    expect(a.integersEqual).toEqual({ equal: 2, total: 3 });
    // The first real output decides the top index.
    expect(a.top).toEqual({ float: 1, quantized: 1 });
  });

  it('a different top index is reported as such', () => {
    const a = compareOutputs({ specs: [spec('float32', 3)], outputs: [Float32Array.of(0.3, 0.35, 0.35 - 1e-3)] }, { specs: [spec('float32', 3)], outputs: [Float32Array.of(0.3, 0.34, 0.36)] });
    expect(a.top).toEqual({ float: 1, quantized: 2 });
  });

  it('a constant float output is measured against its magnitude', () => {
    const a = compareOutputs({ specs: [spec('float32', 2)], outputs: [Float32Array.of(2, 2)] }, { specs: [spec('float32', 2)], outputs: [Float32Array.of(2, 2.1)] });
    expect(a.maxRelativeDiff).toBeCloseTo(0.05, 6);
  });

  it('outputs that do not line up are an error, not a number', () => {
    expect(() => compareOutputs({ specs: [spec('float32', 2)], outputs: [Float32Array.of(0, 1)] }, { specs: [], outputs: [] })).toThrow(OutputMismatchError);
    expect(() => compareOutputs({ specs: [spec('float32', 2)], outputs: [Float32Array.of(0, 1)] }, { specs: [spec('float32', 3)], outputs: [Float32Array.of(0, 1, 2)] })).toThrow(OutputMismatchError);
    expect(() => compareOutputs({ specs: [spec('float32', 1)], outputs: [Float32Array.of(0)] }, { specs: [spec('int8', 1)], outputs: [Int8Array.of(0)] })).toThrow(OutputMismatchError);
  });
});

describe('testPattern', () => {
  it('RGB bytes in 0..255 that vary across positions and channels', () => {
    const p = testPattern(8, 8);
    expect(p).toHaveLength(8 * 8 * 3);
    expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...p)).toBeLessThanOrEqual(255);
    expect(new Set(p).size).toBeGreaterThan(50);
    expect(p[0]).not.toBe(p[1]);
  });
});
