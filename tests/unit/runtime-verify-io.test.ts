import { describe, expect, it } from 'vitest';
import { assertEngineAgrees } from '../../src/lib/runtime/verify-io.ts';
import type { TensorSpec } from '../../src/lib/runtime/types.ts';

const input: TensorSpec = { name: 'input', dtype: 'uint8', shape: [1, 224, 224, 3], quantization: { scale: [0.0078125], zeroPoint: [128] } };

describe('assertEngineAgrees', () => {
  it('accepts an engine that reports the same dtypes and shapes', () => {
    expect(() => assertEngineAgrees('tfjs-tflite', 'input', [input], [{ dtype: 'uint8', shape: [1, 224, 224, 3] }])).not.toThrow();
  });
  it('names both views when the dtype differs', () => {
    expect(() => assertEngineAgrees('litert', 'input', [input], [{ dtype: 'int8', shape: [1, 224, 224, 3] }])).toThrow(
      'litert and the model file disagree about the inputs: input 0 is uint8 [1, 224, 224, 3] in the file, int8 [1, 224, 224, 3] in litert',
    );
  });
  it('rejects a different shape or count', () => {
    expect(() => assertEngineAgrees('litert', 'output', [input], [{ dtype: 'uint8', shape: [1, 1001] }])).toThrow(/output 0 is uint8 \[1, 224, 224, 3\]/);
    expect(() => assertEngineAgrees('litert', 'output', [input], [])).toThrow(/the file has 1, litert reports 0/);
  });
  it('lets the engine size what the file leaves open: -1 dimensions, outputs sized when the model runs', () => {
    const open: TensorSpec = { name: 'x', dtype: 'float32', shape: [-1, 4] };
    expect(() => assertEngineAgrees('litert', 'input', [open], [{ dtype: 'float32', shape: [3, 4] }])).not.toThrow();
    expect(() => assertEngineAgrees('litert', 'input', [open], [{ dtype: 'float32', shape: [3, 5] }])).toThrow(/input 0/);
    const boxes: TensorSpec = { name: 'boxes', dtype: 'float32', shape: [] };
    expect(() => assertEngineAgrees('tfjs-tflite', 'output', [boxes], [{ dtype: 'float32', shape: [1, 10, 4] }])).not.toThrow();
    expect(() => assertEngineAgrees('tfjs-tflite', 'output', [boxes], [{ dtype: 'int32', shape: [1, 10, 4] }])).toThrow(/output 0/);
    // An input with an empty shape is a scalar, not a wildcard.
    expect(() => assertEngineAgrees('tfjs-tflite', 'input', [boxes], [{ dtype: 'float32', shape: [1] }])).toThrow(/input 0/);
  });
});
