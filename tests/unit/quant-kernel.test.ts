// The one quantization kernel (src/lib/quant) as every other module uses it: dtype ranges, the
// per-tensor parameter guard, TFLite's rounding at the model input, dequantized constants.
import { describe, expect, it } from 'vitest';
import { dtypeRange, perTensorParams } from '../../src/lib/quant/params.ts';
import { quantizeValue } from '../../src/lib/quant/quantize.ts';
import { buildInput } from '../../src/lib/image/input.ts';
import { dequantize } from '../../src/lib/classify/output.ts';
import { constantTensorValues } from '../../src/lib/tflite/dequantize.ts';
import { tensorMeaning } from '../../src/lib/tflite/describe.ts';
import type { TensorSpec } from '../../src/lib/runtime/types.ts';
import type { TfliteTensor } from '../../src/lib/tflite/types.ts';

describe('dtypeRange', () => {
  it('gives the integers each stored dtype holds', () => {
    expect(dtypeRange('uint8')).toEqual({ qmin: 0, qmax: 255 });
    expect(dtypeRange('int8')).toEqual({ qmin: -128, qmax: 127 });
    expect(dtypeRange('int16')).toEqual({ qmin: -32768, qmax: 32767 });
    expect(dtypeRange('int32')).toEqual({ qmin: -2147483648, qmax: 2147483647 });
    expect(dtypeRange('float32')).toBeNull();
  });
});

describe('perTensorParams', () => {
  it('accepts one positive finite scale and one integer zero point', () => {
    expect(perTensorParams({ scale: [0.5], zeroPoint: [3] })).toEqual({ scale: 0.5, zeroPoint: 3 });
  });
  it('refuses missing, per-channel, zero, negative, NaN and infinite scales', () => {
    expect(perTensorParams(null)).toBeNull();
    expect(perTensorParams(undefined)).toBeNull();
    expect(perTensorParams({ scale: [0.5, 0.25], zeroPoint: [0, 0] })).toBeNull();
    expect(perTensorParams({ scale: [], zeroPoint: [] })).toBeNull();
    for (const s of [0, -1, NaN, Infinity]) expect(perTensorParams({ scale: [s], zeroPoint: [0] })).toBeNull();
    expect(perTensorParams({ scale: [1], zeroPoint: [0.5] })).toBeNull();
  });
});

describe('rounding at the model input (TFLite rounds half away from zero)', () => {
  const spec = (dtype: 'uint8' | 'int8', zeroPoint: number): TensorSpec => ({
    name: 'x', dtype, shape: [1, 1, 2, 3], quantization: { scale: [1], zeroPoint: [zeroPoint] },
  });
  // real = pixel - 10, so pixel 7.5 is real -2.5 and pixel 12.5 is real 2.5.
  const norm = { mean: [10], std: [1] };
  const rgb = [7.5, 12.5, 8.5, 11.5, 10, 9.5];

  it('int8: negative exact halves go down (-2.5 -> -3), as TFLite does; Math.round would give -2', () => {
    const out = buildInput(rgb, spec('int8', 0), norm);
    expect([...out]).toEqual([-3, 3, -2, 2, 0, -1]);
    expect(Math.round(-2.5)).toBe(-2); // the old behaviour, one level off
  });

  it('uint8 with zero point 128: round(real / scale) + zp, not round(real / scale + zp)', () => {
    const out = buildInput(rgb, spec('uint8', 128), norm);
    // -2.5 -> -3 + 128 = 125 (rounding after adding the zero point gave 126)
    expect([...out]).toEqual([125, 131, 126, 130, 128, 127]);
  });

  it('the kernel itself: hand-computed values', () => {
    expect(quantizeValue(-0.25, 0.1, 0, -128, 127)).toBe(-3); // -2.5 -> -3
    expect(quantizeValue(0.25, 0.1, 0, -128, 127)).toBe(3);
    expect(quantizeValue(-1, 2 / 255, -1, -128, 127)).toBe(-128); // -127.5 -> -128, + zp -1, clamped
    expect(quantizeValue(1, 2 / 255, -1, -128, 127)).toBe(127); // 127.5 -> 128, + zp -1
    expect(quantizeValue(1000, 1, 0, 0, 255)).toBe(255);
  });
});

describe('dequantize call sites share the kernel', () => {
  it('classifier output: (q - zp) * scale, and a clear error without one scale', () => {
    const spec: TensorSpec = { name: 'y', dtype: 'uint8', shape: [1, 3], quantization: { scale: [1 / 256], zeroPoint: [0] } };
    expect([...dequantize(Uint8Array.from([0, 128, 255]), spec)]).toEqual([0, 0.5, 255 / 256]);
    const bad: TensorSpec = { ...spec, quantization: { scale: [0], zeroPoint: [0] } };
    expect(() => dequantize(Uint8Array.from([1]), bad)).toThrow(/no per-tensor scale/);
  });

  it('constant tensors: per channel along the stored axis', () => {
    const tensor: TfliteTensor = {
      index: 0, name: 'w', shape: [2, 2], dtype: 'int8', bufferIndex: 1, data: Uint8Array.from([1, 2, 0xff, 0xfe]),
      quantization: { scale: [0.5, 0.25], zeroPoint: [0, 1], axis: 0 }, isVariable: false, shapeSignature: null, sparse: false,
    };
    expect([...constantTensorValues(tensor)]).toEqual([0.5, 1, -0.5, -0.75]);
  });

  it('describe: the real interval of an 8-bit tensor', () => {
    const tensor: TfliteTensor = {
      index: 0, name: 'x', shape: [1], dtype: 'int8', bufferIndex: 0, data: null,
      quantization: { scale: [0.5], zeroPoint: [-128], axis: 0 }, isVariable: false, shapeSignature: null, sparse: false,
    };
    const m = tensorMeaning(tensor);
    expect(m).toMatchObject({ kind: 'affine', qmin: -128, qmax: 127, realMin: 0, realMax: 127.5 });
  });
});
