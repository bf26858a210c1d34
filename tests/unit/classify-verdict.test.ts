// The classifier's plain-language reading of results, its download statement and the numbers of
// "the life of one inference".
import { describe, expect, it } from 'vitest';
import { hasShownTie, quantizedSlower, timing, verdict, UNSURE_BELOW } from '../../src/lib/classify/verdict.ts';
import { downloadPlan, runtimeDownloadFiles } from '../../src/lib/classify/download.ts';
import { inferenceTrace } from '../../src/lib/classify/trace.ts';
import type { TensorSpec } from '../../src/lib/runtime/types.ts';

describe('verdict', () => {
  it('agreement and the unsure cue under the threshold', () => {
    const v = verdict([[{ index: 3, prob: 0.9 }], [{ index: 3, prob: UNSURE_BELOW - 0.01 }]]);
    expect(v).toEqual({ agree: true, unsure: [false, true] });
    expect(verdict([[{ index: 3, prob: 0.9 }], [{ index: 4, prob: 0.9 }]]).agree).toBe(false);
  });
  it('median and range of runs; "8-bit slower" compares medians', () => {
    expect(timing([5, 1, 3, 9, 2])).toEqual({ median: 3, min: 1, max: 9, runs: 5 });
    expect(() => timing([])).toThrow(RangeError);
    expect(quantizedSlower(timing([3, 3, 3]), timing([4, 4, 4]))).toBe(true);
    expect(quantizedSlower(timing([4, 4, 4]), timing([3, 3, 3]))).toBe(false);
  });
  it('ties as shown at 0.1%', () => {
    expect(hasShownTie([{ index: 1, prob: 0.5 }, { index: 2, prob: 0.0001 }, { index: 0, prob: 0.0002 }])).toBe(true);
    expect(hasShownTie([{ index: 1, prob: 0.5 }, { index: 2, prob: 0.01 }])).toBe(false);
  });
});

describe('download plan', () => {
  const sizes = {
    'wasm/litert/litert_wasm_threaded_internal.js': { bytes: 300, gzip: 100 },
    'wasm/litert/litert_wasm_threaded_internal.wasm': { bytes: 9000, gzip: 3000 },
    'models/a.tflite': { bytes: 2000, gzip: 1800 },
  };
  it('runtime files plus models, or the models only once the runtime is loaded', () => {
    expect(runtimeDownloadFiles('litert', true)).toHaveLength(2);
    expect(downloadPlan(sizes, 'litert', true, ['models/a.tflite'], false).total).toEqual({ bytes: 11300, gzip: 4900 });
    expect(downloadPlan(sizes, 'litert', true, ['models/a.tflite'], true).total).toEqual({ bytes: 2000, gzip: 1800 });
  });
});

describe('inferenceTrace', () => {
  const input: TensorSpec = { name: 'in', dtype: 'uint8', shape: [1, 2, 2, 3], quantization: { scale: [1 / 128], zeroPoint: [128] } };
  const output: TensorSpec = { name: 'out', dtype: 'uint8', shape: [1, 3], quantization: { scale: [1 / 256], zeroPoint: [0] } };
  it('follows one pixel in and the top class out with the tensors own parameters', () => {
    const rgb = Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 200, 100, 50]);
    const tr = inferenceTrace({
      photo: { width: 640, height: 480 },
      inputSpec: input,
      outputSpec: output,
      normalization: { mean: [127.5], std: [127.5] },
      rgb,
      input: Uint8Array.from(rgb),
      output: Uint8Array.from([1, 200, 3]),
      top: { index: 1, prob: 200 / 256, label: 'tench' },
      operators: { CONV_2D: 15, SOFTMAX: 1 },
    });
    expect(tr.crop).toEqual({ x: 80, y: 0, size: 480 });
    expect(tr.pixel).toEqual({ row: 1, col: 1, rgb: [200, 100, 50] });
    expect(tr.input.quant).toEqual({ scale: 1 / 128, zeroPoint: 128, real: (200 - 128) / 128, rawBytes: true });
    expect(tr.operators).toEqual({ total: 16, top: [['CONV_2D', 15], ['SOFTMAX', 1]] });
    expect(tr.output).toMatchObject({ index: 1, raw: 200, quant: { scale: 1 / 256, zeroPoint: 0 } });
    expect(tr.label).toEqual({ line: 2, text: 'tench' });
  });
});
