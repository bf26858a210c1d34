import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byOpType, sliceLastRun } from '../../src/lib/bench/profile.ts';
import { workByOpType } from '../../src/lib/bench/graph-work.ts';
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import { familyModels } from '../../src/lib/catalog/family.ts';
import { models } from '../../src/lib/models.ts';

describe('byOpType', () => {
  it('sums nodes by type and averages over runs', () => {
    const runs = [
      [
        { nodeType: 'TfLiteXNNPackDelegate', nodeName: 'd0', ms: 10 },
        { nodeType: 'SOFTMAX', nodeName: 's', ms: 0 },
        { nodeType: 'QUANTIZE', nodeName: 'q', ms: 2 },
      ],
      [
        { nodeType: 'TfLiteXNNPackDelegate', nodeName: 'd0', ms: 14 },
        { nodeType: 'SOFTMAX', nodeName: 's', ms: 0 },
        { nodeType: 'QUANTIZE', nodeName: 'q', ms: 0 },
      ],
    ];
    const ops = byOpType(runs);
    expect(ops.map((o) => o.op)).toEqual(['TfLiteXNNPackDelegate', 'QUANTIZE', 'SOFTMAX']);
    expect(ops[0]).toMatchObject({ ms: 12, nodes: 1 });
    expect(ops[0]!.share).toBeCloseTo(24 / 26, 12);
    expect(ops[1]).toMatchObject({ ms: 1 });
    expect(byOpType([])).toEqual([]);
  });

  it('takes one run out of a cumulative profiler buffer', () => {
    const node = (name: string) => ({ nodeType: 'X', nodeName: name, ms: 1 });
    expect(sliceLastRun([node('a'), node('b'), node('a2'), node('b2')], 2)).toEqual([node('a2'), node('b2')]);
    expect(sliceLastRun([node('a')], 1)).toEqual([]);
  });
});

describe('workByOpType', () => {
  it('counts MobileNet v1 0.25 224 multiply-adds as published (about 41 million)', () => {
    const bytes = new Uint8Array(readFileSync('public/models/mobilenet_v1_0.25_224_1_default_1.tflite'));
    const work = workByOpType(parseTflite(bytes));
    const total = work.reduce((s, w) => s + w.macs, 0);
    // The MobileNet v1 paper/table gives 41 M multiply-adds for 0.25 224.
    expect(total / 1e6).toBeGreaterThan(39);
    expect(total / 1e6).toBeLessThan(43);
    const conv = work.find((w) => w.op === 'CONV_2D')!;
    const dw = work.find((w) => w.op === 'DEPTHWISE_CONV_2D')!;
    expect(dw.count).toBe(13);
    expect(conv.macs).toBeGreaterThan(dw.macs);
    expect(work.reduce((s, w) => s + w.share, 0)).toBeCloseTo(1, 9);
  });
});

describe('familyModels', () => {
  it('lists each distinct MobileNet once (the metadata copy of a model is not a new point)', () => {
    const ids = familyModels().map((m) => m.id);
    expect(ids).toContain('mobilenet_v1_0.25_224_float');
    expect(ids).not.toContain('mobilenet_v1_0.25_224_float_metadata');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(models.filter((m) => m.architecture.startsWith('mobilenet')).length - 1);
  });
});
