import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import { describeModel, type ModelReport } from '../../src/lib/tflite/describe.ts';
import { modelAdvice, type ModelAdvice } from '../../src/lib/tflite/advice.ts';
import { builtModels } from '../fixtures/byo-models.ts';

const mirror = process.env.ASSET_MIRROR ?? '/work/shared/assets';
const fromBytes = (bytes: Uint8Array) => {
  const report = describeModel(parseTflite(bytes));
  return { report, advice: modelAdvice(report) };
};
const file = (path: string) => fromBytes(new Uint8Array(readFileSync(join(mirror, path))));
const codes = (items: { code: string }[][]) => items.flat().map((a) => a.code);
const all = (a: ModelAdvice) => [...codes(a.inputs), ...codes(a.outputs), ...a.labels.map((x) => x.code), ...a.ops.map((x) => x.code)];

const PIXEL_ADVICE = ['image-size', 'image-recipe', 'image-nchw', 'image-whole-frame'];

describe('advice fits the kind', () => {
  it('audio model: sample rate, samples and windows; never pixels; sigmoid scores never get softmax', () => {
    const { report, advice } = file('byo/yamnet_wavin_quantized_mel_relu6.tflite');
    expect(report.input).toBeNull();
    expect(codes(advice.inputs)).toEqual(['audio-rate-unknown', 'audio-samples', 'audio-windows']);
    expect(advice.inputs[0]![0]!.values).toMatchObject({ samples: 15600, seconds16k: 0.975 });
    expect(all(advice).some((c) => PIXEL_ADVICE.includes(c))).toBe(false);
    expect(codes(advice.outputs)).toEqual(['out-sigmoid']);
    expect(all(advice)).not.toContain('out-softmax');
    expect(all(advice)).not.toContain('out-logits');
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-missing']);
  });

  it('audio metadata: the stated sample rate, and embedded labels without a background offset', () => {
    const { advice } = fromBytes(builtModels['test_audio_metadata.tflite']!());
    expect(advice.inputs[0]![0]).toEqual({ code: 'audio-rate', values: { rate: 16000, samples: 1600, seconds: 0.1 } });
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-embedded']);
  });

  it('detector: boxes in [ymin, xmin, ymax, xmax], class ids, final scores, count; no softmax, no label count, no ImageNet offset', () => {
    const { advice } = file('byo/ssd_mobilenet_v1.tflite');
    expect(advice.outputs.map((o) => o[0]!.code)).toEqual(['out-boxes', 'out-det-classes', 'out-det-scores', 'out-det-count']);
    expect(advice.outputs[0]![0]!.values).toEqual({ order: 'ymin, xmin, ymax, xmax', coordinates: 'ratio' });
    expect(codes(advice.outputs)).toContain('out-dynamic');
    expect(all(advice)).not.toContain('out-softmax');
    expect(all(advice)).not.toContain('out-logits');
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-detector']);
    expect(all(advice)).not.toContain('labels-missing');
    expect(all(advice)).not.toContain('labels-background');
    expect(codes(advice.inputs)).toContain('image-whole-frame');
    expect(advice.ops).toEqual([{ code: 'op-postprocess', values: { op: 'TFLite_Detection_PostProcess' } }]);
  });

  it('segmenter: per-pixel classes, segmenter labels, never ImageNet offset or softmax advice', () => {
    const { advice } = fromBytes(builtModels['test_segmenter.tflite']!());
    expect(codes(advice.outputs)).toEqual(['out-segmentation']);
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-segmenter']);
    expect(all(advice)).not.toContain('labels-background');
  });

  it('embedder: embedding, no labels needed', () => {
    const { advice } = fromBytes(builtModels['test_embedder.tflite']!());
    expect(codes(advice.outputs)).toEqual(['out-embedding']);
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-not-needed']);
  });

  it('text classifier: token ids and an unknown tokenizer; softmax probabilities', () => {
    const { advice } = file('byo/movie_review.tflite');
    expect(codes(advice.inputs)).toEqual(['text-ids', 'text-tokenizer-unknown']);
    expect(advice.inputs[0]![0]!.values).toEqual({ dtype: 'int32', length: 256 });
    expect(codes(advice.outputs)).toEqual(['out-softmax']);
  });

  it('tokenizer: raw text, the tokenizer op runs in the graph and needs registering', () => {
    const { advice } = file('byo/whitespace_tokenizer_to_tensor.tflite');
    expect(codes(advice.inputs)).toEqual(['text-string', 'text-in-graph']);
    expect(advice.ops.map((a) => a.code)).toEqual(['op-tokenizer']);
    expect(all(advice).some((c) => PIXEL_ADVICE.includes(c))).toBe(false);
  });

  it('Flex model: names the op and the TF op it wraps, with Android, iOS and size advice', () => {
    const { advice } = fromBytes(builtModels['test_flex.tflite']!());
    expect(advice.ops.map((a) => a.code)).toEqual(['op-flex', 'flex-android', 'flex-ios', 'flex-size']);
    expect(advice.ops[0]!.values).toEqual({ ops: 'FlexAddV2 (AddV2)' });
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-unknown']);
    expect(codes(advice.inputs)).toEqual(['tensor-unknown']);
    expect(codes(advice.outputs)).toEqual(['out-unknown']);
  });

  it('ImageNet classifier with embedded labels: probabilities, background offset, dequantization', () => {
    const { advice } = file('models/mobilenet_v1_0.25_224_quant.tflite');
    expect(codes(advice.inputs)).toEqual(['image-size', 'image-recipe']);
    expect(codes(advice.outputs)).toEqual(['out-softmax', 'out-dequantize']);
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-embedded', 'labels-background']);
  });

  it('labels found only in the zip are offered as undeclared', () => {
    const { advice } = file('byo/mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite');
    expect(advice.labels.map((a) => a.code)).toEqual(['labels-undeclared', 'labels-background']);
  });

  it('a dynamic output shape is flagged', () => {
    const { advice } = fromBytes(builtModels['test_dynamic_output.tflite']!());
    expect(codes(advice.outputs)).toEqual(['out-unknown', 'out-dynamic']);
  });

  it('logits: a plain FULLY_CONNECTED class output is called logits, with a low-confidence kind', () => {
    // The site's float model, its SOFTMAX removed: the output now comes from the FC layer's reshape.
    const model = parseTflite(new Uint8Array(readFileSync(join(mirror, 'models/mobilenet_v1_0.25_224_1_default_1.tflite'))));
    const sg = model.subgraphs[0]!;
    const softmax = sg.operators.find((op) => op.opcode === 'SOFTMAX')!;
    sg.outputs = [softmax.inputs[0]!];
    const report: ModelReport = describeModel(model);
    expect(codes(modelAdvice(report).outputs)).toEqual(['out-logits']);
    expect(report.kind.confidence).toBe('low');
  });
});
