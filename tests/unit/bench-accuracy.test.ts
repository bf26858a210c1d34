import { describe, expect, it } from 'vitest';
import { rankOf, argmax, answerFor, summarizeAccuracy, devIndexingFor, sharedIndexing, outputDiff, type PhotoOutcome } from '../../src/lib/eval/accuracy.ts';
import { reportToMarkdown, reportToJson, type BenchReport } from '../../src/lib/bench/report.ts';

describe('rankOf / argmax', () => {
  it('ranks by probability, breaking ties by lower index like a stable sort', () => {
    const p = [0.1, 0.5, 0.2, 0.5, 0.2];
    expect(rankOf(p, 1)).toBe(0);
    expect(rankOf(p, 3)).toBe(1);
    expect(rankOf(p, 2)).toBe(2);
    expect(rankOf(p, 4)).toBe(3);
    expect(rankOf(p, 0)).toBe(4);
    expect(argmax(p)).toBe(1);
    expect(() => rankOf(p, 5)).toThrow(RangeError);
  });
});

function outcome(id: string, trueIndex: number | null, a: number[], b: number[]): PhotoOutcome {
  return { imageId: id, trueIndex, answers: [answerFor(a, trueIndex), answerFor(b, trueIndex)], diff: outputDiff(a, b) };
}

describe('summarizeAccuracy', () => {
  // 7 classes; true class per photo given.
  const outcomes = [
    outcome('p1', 2, [0, 0, 0.9, 0.1, 0, 0, 0], [0, 0, 0.8, 0.2, 0, 0, 0]), // both right
    outcome('p2', 3, [0, 0, 0.6, 0.4, 0, 0, 0], [0, 0, 0.3, 0.7, 0, 0, 0]), // a wrong (rank 1), b right: disagree
    outcome('p3', 6, [0.3, 0.2, 0.15, 0.12, 0.11, 0.1, 0.02], [0.3, 0.2, 0.15, 0.12, 0.11, 0.1, 0.02]), // both rank 6: miss top-5
    outcome('p4', 0, [0.1, 0.5, 0.1, 0.1, 0.1, 0.1, 0], [0.1, 0.1, 0.5, 0.1, 0.1, 0.1, 0]), // both wrong, disagree, true rank 1
  ];
  const s = summarizeAccuracy(['float', 'int8'], outcomes);

  it('counts top-1 and top-5 hits per model', () => {
    expect(s.models![0]).toEqual({ id: 'float', top1Count: 1, top5Count: 3, n: 4, top1: 0.25, top5: 0.75 });
    expect(s.models![1]).toEqual({ id: 'int8', top1Count: 2, top5Count: 3, n: 4, top1: 0.5, top5: 0.75 });
  });

  it('counts agreement on the top-1 answer, right or wrong', () => {
    expect(s.agreeCount).toBe(2);
    expect(s.agreement).toBe(0.5);
    expect(s.disagreements.map((d) => d.imageId)).toEqual(['p2', 'p4']);
    expect(s.disagreements[0]!.answers[0].top1).toBe(2);
    expect(s.disagreements[0]!.answers[1].top1).toBe(3);
  });

  it('averages |Δp(true class)| over all photos', () => {
    expect(s.meanAbsDeltaPTrue).toBeCloseTo((0.1 + 0.3 + 0 + 0) / 4, 12);
  });

  it('measures how far apart the two outputs are, over every value of every photo', () => {
    // |Δ| sums per photo: p1 0.2, p2 0.6, p3 0, p4 0.8 over 7 values each; largest 0.4 (p4).
    expect(s.outputDiff!.mean).toBeCloseTo((0.2 + 0.6 + 0 + 0.8) / 28, 12);
    expect(s.outputDiff!.max).toBeCloseTo(0.4, 12);
  });

  it('rejects an empty evaluation', () => {
    expect(() => summarizeAccuracy(['a', 'b'], [])).toThrow(RangeError);
  });
});

describe('outputs that are not the ImageNet classes', () => {
  it('scores the photos’ labels only for a 1001-way or 1000-way output', () => {
    expect(devIndexingFor(1001)).toBe('index_1001');
    expect(devIndexingFor(1000)).toBe('index_1000');
    for (const n of [10, 2, 999, 1002, undefined]) expect(devIndexingFor(n)).toBeNull();
    expect(sharedIndexing([1001, 1001])).toBe('index_1001');
    expect(sharedIndexing([1000, 1000])).toBe('index_1000');
    // One model not ImageNet, or the two indexed differently: the labels cannot score the pair.
    expect(sharedIndexing([1001, 10])).toBeNull();
    expect(sharedIndexing([1001, 1000])).toBeNull();
    expect(sharedIndexing([])).toBeNull();
  });

  it('answers without a rank, and summarizes agreement and output difference only', () => {
    // 10-way outputs, no label: the photos' ImageNet classes mean nothing here.
    const ten = (hot: number, v = 0.9) => Array.from({ length: 10 }, (_, i) => (i === hot ? v : (1 - v) / 9));
    expect(answerFor(ten(3), null)).toEqual({ top1: 3, top1Prob: 0.9, pTrue: null, rank: null });
    const s = summarizeAccuracy(['float', 'quantized'], [
      outcome('p1', null, ten(3), ten(3)), // agree, identical
      outcome('p2', null, ten(7), ten(7, 0.8)), // agree: |Δ| 0.1 on index 7, 0.1/9 on the other nine
      outcome('p3', null, ten(1), ten(4)), // disagree: |Δ| 0.9 - 0.1/9 on indices 1 and 4
    ]);
    expect(s.models).toBeNull();
    expect(s.meanAbsDeltaPTrue).toBeNull();
    expect(s.modelIds).toEqual(['float', 'quantized']);
    expect([s.agreeCount, s.n]).toEqual([2, 3]);
    expect(s.agreement).toBeCloseTo(2 / 3, 12);
    expect(s.disagreements.map((d) => d.imageId)).toEqual(['p3']);
    const p2 = 0.1 + 9 * (0.1 / 9); // = 0.2
    const p3 = 2 * (0.9 - 0.1 / 9);
    expect(s.outputDiff!.mean).toBeCloseTo((0 + p2 + p3) / 30, 12);
    expect(s.outputDiff!.max).toBeCloseTo(0.9 - 0.1 / 9, 12);
  });

  it('has no output difference when the two outputs differ in size', () => {
    expect(outputDiff([1, 2], [1, 2, 3])).toBeNull();
    const s = summarizeAccuracy(['a', 'b'], [outcome('p', null, [0, 1], [1, 0, 0])]);
    expect(s.outputDiff).toBeNull();
    expect(s.agreeCount).toBe(0);
  });
});

describe('report', () => {
  const report: BenchReport = {
    environment: { userAgent: 'UA', hardwareConcurrency: 2, crossOriginIsolated: true, date: '2026-01-01T00:00:00.000Z' },
    runs: [
      { model: 'twin', runtime: 'litert', threads: 2, median_ms: 40, p10_ms: 38, p90_ms: 45.5, n: 30, size_bytes: 13_900_000, load_ms: 120.4, top1_dev: 0.87, top5_dev: 0.97 },
      { model: 'int8', runtime: 'litert', threads: 2, median_ms: 12.5, p10_ms: 12, p90_ms: 14, n: 30, size_bytes: 4_070_174, load_ms: 80, top1_dev: null, top5_dev: null },
    ],
    ratios: [{ baseline: 'twin', candidate: 'int8', runtime: 'litert', threads: 2, speedup: 3.2, ci_low: 3.01, ci_high: 3.4 }],
  };

  it('renders one Markdown row per run with the ratio on the candidate row', () => {
    const md = reportToMarkdown(report).split('\n');
    expect(md[0]).toMatch(/^\| model \| runtime \| threads \| median/);
    expect(md[2]).toBe('| twin | litert | 2 | 40.00 | 38.00 | 45.50 | 30 |  | 13.9 MB | 120 | 87% | 97% |');
    expect(md[3]).toBe('| int8 | litert | 2 | 12.50 | 12.00 | 14.00 | 30 | 3.20× (3.01–3.40) vs twin | 4.07 MB | 80 | – | – |');
    expect(md.at(-1)).toContain('hardwareConcurrency 2');
  });

  it('round-trips as JSON', () => {
    expect(JSON.parse(reportToJson(report))).toEqual(report);
  });
});

describe('publishedTop1', async () => {
  const { publishedTop1 } = await import('../../src/lib/catalog/published.ts');
  const { getModel } = await import('../../src/lib/models.ts');
  it('gives the exact published number with its source when the file has one', () => {
    const p = publishedTop1(getModel('mobilenet_v1_0.25_224_uint8'))!;
    expect(p).toMatchObject({ top1: 48.2, exact: true, modelId: 'mobilenet_v1_0.25_224_uint8' });
    expect(p.source.url).toMatch(/^https:\/\//);
  });
  it('marks a relative’s number as not exact (int8 PTQ has no published number of its own)', () => {
    const p = publishedTop1(getModel('mobilenet_v2_1.0_224_int8'))!;
    expect(p).toMatchObject({ top1: 70.8, exact: false, ofFloatOriginal: false, modelId: 'mobilenet_v2_1.0_224_uint8' });
  });
  it('gives a float twin the float number of its quantized relative, marked as such', () => {
    const p = publishedTop1(getModel('mobilenet_v2_1.0_224_float_twin'))!;
    expect(p).toMatchObject({ top1: 71.8, exact: false, ofFloatOriginal: true, modelId: 'mobilenet_v2_1.0_224_uint8' });
  });
});
