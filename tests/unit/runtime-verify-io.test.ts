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
});
