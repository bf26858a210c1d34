import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { argmax, dequantize, softmax, toProbabilities, topK } from '../../src/lib/classify/output.ts';
import { labelOf, parseLabels } from '../../src/lib/classify/labels.ts';
import { CORRECT_PIPELINE, getMistake, isMistakeId, mistakeApplies, mistakeIds, mistakes, pipelineWith } from '../../src/lib/classify/mistakes.ts';
import type { TensorSpec } from '../../src/lib/runtime/types.ts';

const u8spec: TensorSpec = { name: 'out', dtype: 'uint8', shape: [1, 4], quantization: { scale: [1 / 256], zeroPoint: [0] } };

describe('output post-processing', () => {
  it('dequantizes with scale and zero point', () => {
    expect([...dequantize(Uint8Array.from([0, 128, 255, 64]), u8spec)]).toEqual([0, 0.5, 255 / 256, 0.25]);
    const i8: TensorSpec = { name: 'o', dtype: 'int8', shape: [1, 2], quantization: { scale: [0.5], zeroPoint: [-128] } };
    expect([...dequantize(Int8Array.from([-128, 127]), i8)]).toEqual([0, 127.5]);
  });

  it('leaves float outputs alone and refuses 8-bit outputs without quantization', () => {
    const f: TensorSpec = { name: 'o', dtype: 'float32', shape: [1, 2] };
    expect([...dequantize(Float32Array.from([0.25, 0.75]), f)]).toEqual([0.25, 0.75]);
    expect(() => dequantize(Uint8Array.from([1]), { ...u8spec, quantization: undefined })).toThrow();
  });

  it('applies softmax only to logits', () => {
    const f: TensorSpec = { name: 'o', dtype: 'float32', shape: [1, 3] };
    const logits = Float32Array.from([1, 2, 3]);
    const p = toProbabilities(logits, f, 'logits');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[2]! / p[1]!).toBeCloseTo(Math.E, 5);
    expect([...toProbabilities(logits, f, 'probabilities')]).toEqual([1, 2, 3]);
    expect([...softmax([1000, 1000])]).toEqual([0.5, 0.5]);
  });

  it('ranks top-k highest first, lower index first on ties', () => {
    const probs = [0.1, 0.4, 0.05, 0.4, 0.3, 0.0];
    expect(topK(probs, 3)).toEqual([
      { index: 1, prob: 0.4 },
      { index: 3, prob: 0.4 },
      { index: 4, prob: 0.3 },
    ]);
    expect(topK([0.2], 5)).toEqual([{ index: 0, prob: 0.2 }]);
    expect(argmax(probs)).toBe(1);
  });

  it('parses the 1001-line label file with background first and military uniform at 653', () => {
    const labels = parseLabels(readFileSync('public/labels/labels_short.txt', 'utf8'));
    expect(labels).toHaveLength(1001);
    expect(labels[0]).toBe('background');
    expect(labels[653]).toBe('military uniform');
    expect(parseLabels('a\r\nb\r\n\r\n')).toEqual(['a', 'b']);
  });
});

describe('classic mistakes', () => {
  const f32: TensorSpec = { name: 'x', dtype: 'float32', shape: [1, 1001] };
  it('each id changes exactly one step of the correct pipeline', () => {
    expect(mistakes.map((m) => m.id)).toEqual([...mistakeIds]);
    for (const m of mistakes) {
      const broken = pipelineWith(m);
      const diffs = [
        ...Object.keys(broken.steps).filter((k) => broken.steps[k as keyof typeof broken.steps] !== CORRECT_PIPELINE.steps[k as keyof typeof broken.steps]),
        ...(['dequantize', 'labelsDropped'] as const).filter((k) => broken[k] !== CORRECT_PIPELINE[k]),
      ];
      expect(diffs, m.id).toHaveLength(1);
    }
    expect(isMistakeId('bgr')).toBe(true);
    expect(isMistakeId('nope')).toBe(false);
  });
  it('ignoring the zero point only applies to 8-bit outputs; reading the integers as values', () => {
    const zp = getMistake('zero-point');
    expect(mistakeApplies(zp, { input: f32, output: f32 })).toBe(false);
    expect(mistakeApplies(zp, { input: f32, output: u8spec })).toBe(true);
    expect([...toProbabilities(Uint8Array.from([0, 128, 255, 64]), u8spec, 'probabilities', false)]).toEqual([0, 128, 255, 64]);
  });
  it('labels off by one: dropping "background" shifts every label', () => {
    const labels = ['background', 'tench', 'goldfish'];
    expect(labelOf(labels, 1)).toBe('tench');
    expect(labelOf(labels, 1, 1)).toBe('goldfish');
    expect(labelOf(labels, 2, 1)).toBe('#2');
  });
});
