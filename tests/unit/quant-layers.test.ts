// The explorer's "official" panel against the real model files: layer matching by operator
// position, stored parameters exactly as in the file, and independent checks that they are right.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import type { TfliteTensor } from '../../src/lib/tflite/types.ts';
import { getModel } from '../../src/lib/models.ts';
import {
  TF1_WEIGHT_RANGE, floatValues, integerValues, matchLayers, representableRange, storedParams, weightLayers,
} from '../../src/lib/quant/layers.ts';
import { ZERO_RANGE_SCALE, channelRanges, chooseParams, paramsFromMinMax } from '../../src/lib/quant/params.ts';
import { dequantizeTensor } from '../../src/lib/quant/quantize.ts';

const load = (id: string) => parseTflite(new Uint8Array(readFileSync(`public/${getModel(id).file}`)));
const floatModel = load('mobilenet_v1_0.25_224_float');
const uint8Model = load('mobilenet_v1_0.25_224_uint8');

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ma = 0, mb = 0;
  for (let i = 0; i < a.length; i++) { ma += a[i]!; mb += b[i]!; }
  ma /= a.length; mb /= b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - ma, y = b[i]! - mb;
    sab += x * y; saa += x * x; sbb += y * y;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('weight layers of MobileNet v1 0.25 224', () => {
  const pairs = matchLayers(floatModel, uint8Model);

  it('finds the 28 conv/depthwise layers in both files and matches every one', () => {
    expect(pairs).toHaveLength(28);
    expect(pairs.filter((p) => p.float.opcode === 'DEPTHWISE_CONV_2D')).toHaveLength(13);
    for (const p of pairs) {
      expect(p.quantized, `layer ${p.float.position}`).not.toBeNull();
      expect(p.quantized!.opcode).toBe(p.float.opcode);
      expect(p.quantized!.tensor.shape).toEqual(p.float.tensor.shape);
      expect(p.float.tensor.dtype).toBe('float32');
      expect(p.quantized!.tensor.dtype).toBe('uint8');
    }
    expect(pairs[0]!.float.tensor.shape).toEqual([8, 3, 3, 3]);
    expect(pairs[27]!.float.tensor.shape).toEqual([1001, 1, 1, 256]);
  });

  it('matches layers whose names differ (the mapping is by operator position)', () => {
    const renamed = pairs.filter((p) => p.quantized!.tensor.name !== p.float.tensor.name);
    expect(renamed.length).toBe(28);
  });

  it('pairs the same layers: dequantized uint8 weights correlate with the float weights', () => {
    for (const p of pairs) {
      const stored = storedParams(p.quantized!.tensor)!;
      const dequantized = dequantizeTensor(integerValues(p.quantized!.tensor), p.quantized!.tensor.shape, stored);
      // Separately trained checkpoints of one architecture; a wrong pairing would be near 0.
      expect(correlation(floatValues(p.float.tensor), dequantized), `layer ${p.float.position}`).toBeGreaterThan(0.98);
    }
  });

  it('shows exactly the scale and zero point stored in the uint8 file', () => {
    for (const p of pairs) {
      const q = p.quantized!.tensor.quantization!;
      const stored = storedParams(p.quantized!.tensor)!;
      expect(stored.axis).toBeNull(); // TF1 QAT: one scale per tensor
      expect(stored.scale).toEqual(q.scale);
      expect(stored.zeroPoint).toEqual(q.zeroPoint);
      expect(stored.scale).toHaveLength(1);
      expect(Number.isInteger(stored.zeroPoint[0])).toBe(true);
    }
    // Spot values read from the file (first conv and first depthwise layer).
    expect(storedParams(pairs[0]!.quantized!.tensor)!.zeroPoint).toEqual([153]);
    expect(storedParams(pairs[0]!.quantized!.tensor)!.scale[0]).toBeCloseTo(0.0149143, 6);
    expect(storedParams(pairs[1]!.quantized!.tensor)!.zeroPoint).toEqual([241]);
  });

  it('recomputing from the file’s recorded min/max on 1..255 reproduces every stored scale and zero point', () => {
    for (const p of pairs) {
      const stored = storedParams(p.quantized!.tensor)!;
      const again = paramsFromMinMax(stored.min![0]!, stored.max![0]!, TF1_WEIGHT_RANGE.qmin, TF1_WEIGHT_RANGE.qmax);
      expect(again.scale, `layer ${p.float.position}`).toBe(stored.scale[0]);
      expect(again.zeroPoint, `layer ${p.float.position}`).toBe(stored.zeroPoint[0]);
      // The full 0..255 range would not: the file really uses the narrow range.
      expect(paramsFromMinMax(stored.min![0]!, stored.max![0]!, 0, 255).scale).not.toBe(stored.scale[0]);
    }
  });

  it('stored integers stay in 1..255 and real 0 is representable', () => {
    for (const p of pairs) {
      const { min } = channelRanges(integerValues(p.quantized!.tensor), p.quantized!.tensor.shape, null);
      expect(min[0]).toBeGreaterThanOrEqual(1);
      const range = representableRange(storedParams(p.quantized!.tensor)!)!;
      expect(range[0]).toBeLessThanOrEqual(0);
      expect(range[1]).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports no match when the shapes differ (a different width of the family)', () => {
    const other = matchLayers(floatModel, load('mobilenet_v1_0.5_160_uint8'));
    expect(other).toHaveLength(28);
    expect(other.every((p) => p.quantized === null)).toBe(true);
  });
});

describe('TFLite int8 convention on a real TF2 file', () => {
  const int8 = load('mobilenet_v2_1.0_224_int8');
  const layers = weightLayers(int8);

  it('stores conv weights symmetric per channel: zero point 0, integers within -127..127, 127 reached per live channel', () => {
    const conv = layers.find((l) => l.opcode === 'CONV_2D')!;
    const stored = storedParams(conv.tensor)!;
    expect(stored.dtype).toBe('int8');
    expect(stored.axis).toBe(0);
    expect(stored.scale).toHaveLength(conv.tensor.shape[0]!);
    expect(new Set(stored.zeroPoint)).toEqual(new Set([0]));
    const { min, max } = channelRanges(integerValues(conv.tensor), conv.tensor.shape, 0);
    let dead = 0;
    for (let c = 0; c < min.length; c++) {
      expect(min[c]).toBeGreaterThanOrEqual(-127);
      const absMax = Math.max(-min[c]!, max[c]!);
      if (absMax === 0) {
        // A dead (all-zero) filter: the converter stores scale 1e-6, as our ZERO_RANGE_SCALE does.
        dead++;
        expect(stored.scale[c]).toBe(ZERO_RANGE_SCALE);
      } else {
        expect(absMax).toBe(127);
      }
    }
    expect(dead).toBeLessThan(min.length / 2);
  });

  it('our symmetric per-channel 8-bit choice on its dequantized weights gives back the stored scales', () => {
    for (const l of layers.slice(0, 6)) {
      const stored = storedParams(l.tensor)!;
      const real = dequantizeTensor(integerValues(l.tensor), l.tensor.shape, stored);
      const ours = chooseParams(real, l.tensor.shape, { bits: 8, symmetric: true, axis: stored.axis });
      expect(ours.zeroPoint.every((z) => z === 0)).toBe(true);
      ours.scale.forEach((s, c) => expect(Math.abs(s - stored.scale[c]!) / stored.scale[c]!).toBeLessThan(1e-6));
    }
  });
});

describe('reading tensor bytes', () => {
  const tensor = (dtype: TfliteTensor['dtype'], shape: number[], data: Uint8Array | null): TfliteTensor => ({
    index: 0, name: 't', shape, shapeSignature: null, dtype, bufferIndex: 1, data, quantization: null, isVariable: false, sparse: false,
  });

  it('decodes little-endian float32 at an unaligned offset', () => {
    const bytes = new Uint8Array(9);
    new DataView(bytes.buffer).setFloat32(1, 1.5, true);
    new DataView(bytes.buffer).setFloat32(5, -2.25, true);
    expect([...floatValues(tensor('float32', [2], bytes.subarray(1)))]).toEqual([1.5, -2.25]);
  });

  it('reads int8 as signed and uint8 as unsigned', () => {
    const bytes = new Uint8Array([0, 127, 128, 255]);
    expect([...integerValues(tensor('int8', [4], bytes))]).toEqual([0, 127, -128, -1]);
    expect([...integerValues(tensor('uint8', [4], bytes))]).toEqual([0, 127, 128, 255]);
  });

  it('refuses wrong dtypes, missing data and sizes that do not fit the shape', () => {
    expect(() => floatValues(tensor('uint8', [4], new Uint8Array(4)))).toThrow(/not float32/);
    expect(() => floatValues(tensor('float32', [4], null))).toThrow(/no constant data/);
    expect(() => floatValues(tensor('float32', [4], new Uint8Array(12)))).toThrow(/12 bytes/);
  });

  it('storedParams is null without quantization', () => {
    expect(storedParams(tensor('float32', [1], new Uint8Array(4)))).toBeNull();
  });
});
