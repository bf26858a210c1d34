import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import { detectKind, type KindReport } from '../../src/lib/tflite/kind.ts';
import { customOpInfo } from '../../src/lib/tflite/custom-ops.ts';
import { builtModels } from '../fixtures/byo-models.ts';

const mirror = process.env.ASSET_MIRROR ?? '/work/shared/assets';
const kindOf = (path: string): KindReport => detectKind(parseTflite(new Uint8Array(readFileSync(join(mirror, path)))));
const built = (name: string): KindReport => detectKind(parseTflite(builtModels[name]!()));
const codes = (k: KindReport) => k.reasons.map((r) => r.code);

describe('detectKind on the byo files', () => {
  it('SSD detector without metadata: boxes, classes, scores, count from TFLite_Detection_PostProcess', () => {
    const k = kindOf('byo/ssd_mobilenet_v1.tflite');
    expect(k.kind).toBe('object-detector');
    expect(k.confidence).toBe('high');
    expect(k.inputs[0]).toMatchObject({ role: 'image', height: 300, width: 300, channels: 3 });
    expect(k.outputs.map((o) => o.role)).toEqual(['detection-boxes', 'detection-classes', 'detection-scores', 'detection-count']);
    expect(k.outputs[0]).toMatchObject({ order: ['ymin', 'xmin', 'ymax', 'xmax'], coordinates: 'ratio' });
    expect(codes(k)).toContain('detection-postprocess');
    expect(codes(k)).toContain('dynamic-output');
  });

  it('text classifier: int32 token ids feeding an embedding GATHER, softmax over 2 classes', () => {
    const k = kindOf('byo/movie_review.tflite');
    expect(k.kind).toBe('text-classifier');
    expect(k.inputs[0]).toMatchObject({ role: 'token-ids', length: 256 });
    expect(k.outputs[0]).toEqual({ role: 'class-scores', classes: 2, activation: 'softmax' });
  });

  it('YAMNet: float waveform with an FFT front end, sigmoid (multi-label) scores over 521 classes', () => {
    const k = kindOf('byo/yamnet_wavin_quantized_mel_relu6.tflite');
    expect(k.kind).toBe('audio-classifier');
    expect(k.inputs[0]).toEqual({ role: 'waveform', samples: 15600, sampleRate: null, channels: 1 });
    expect(k.outputs[0]).toEqual({ role: 'class-scores', classes: 521, activation: 'sigmoid' });
    expect(codes(k)).toContain('audio-ops');
  });

  it('whitespace tokenizer: text in, tokens out, a TF Text op; no task claimed', () => {
    const k = kindOf('byo/whitespace_tokenizer_to_tensor.tflite');
    expect(k.kind).toBe('unknown');
    expect(k.modality).toBe('text');
    expect(k.inputs[0]!.role).toBe('text');
    expect(k.outputs[0]!.role).toBe('text');
    expect(codes(k)).toContain('tokenizer-op');
  });

  it('string -> bool test model with its own custom op: text, task unknown', () => {
    const k = kindOf('byo/test_model_nl_classifier_bool_output.tflite');
    expect(k.kind).toBe('unknown');
    expect(k.modality).toBe('text');
    expect(codes(k)).toContain('custom-ops');
  });

  it('classifier whose metadata lacks subgraph metadata: found from the graph', () => {
    const k = kindOf('byo/mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite');
    expect(k.kind).toBe('image-classifier');
    expect(k.confidence).toBe('medium');
    expect(codes(k)).not.toContain('meta-image-input');
  });
});

describe('detectKind on the site models', () => {
  for (const file of [
    'models/mobilenet_v1_0.25_224_1_default_1.tflite', 'models/mobilenet_v1_0.25_224_quant.tflite',
    'models/mobilenet_v2_1.0_224_quant.tflite', 'models/tf2_mobilenet_v2_1.0_224_ptq.tflite',
    'reference-quantized/mobilenet_v1_0.25_224_int8_uint8-io.tflite',
  ]) {
    it(`${file} is an image classifier with softmax probabilities`, () => {
      const k = kindOf(file);
      expect(k.kind).toBe('image-classifier');
      expect(k.outputs[0]).toEqual({ role: 'class-scores', classes: 1001, activation: 'softmax' });
    });
  }
  it('metadata makes it certain and names the label file', () => {
    const k = kindOf('models/mobilenet_v1_0.25_224_quant.tflite');
    expect(k.confidence).toBe('high');
    expect(codes(k)).toEqual(expect.arrayContaining(['meta-image-input', 'meta-labels']));
    expect(k.labelsFile).toBe('labels.txt');
  });
});

describe('detectKind on writer-built models', () => {
  it('segmenter: [1,H,W,C] per-pixel scores over an image', () => {
    const k = built('test_segmenter.tflite');
    expect(k.kind).toBe('image-segmenter');
    expect(k.outputs[0]).toEqual({ role: 'segmentation', height: 16, width: 16, classes: 2, activation: 'softmax' });
  });
  it('embedder: L2-normalised vector, not class scores', () => {
    const k = built('test_embedder.tflite');
    expect(k.kind).toBe('image-embedder');
    expect(k.outputs[0]).toEqual({ role: 'embedding', dims: 3, normalized: true });
  });
  it('Flex op: named, task not guessed', () => {
    const k = built('test_flex.tflite');
    expect(k.kind).toBe('unknown');
    expect(k.reasons.find((r) => r.code === 'flex-ops')?.values?.ops).toBe('FlexAddV2');
    expect(k.outputs[0]!.role).toBe('unknown');
  });
  it('string input with a tokenizer op', () => {
    const k = built('test_string_input.tflite');
    expect(k.modality).toBe('text');
    expect(k.inputs[0]!.role).toBe('text');
    expect(codes(k)).toEqual(expect.arrayContaining(['string-input', 'tokenizer-op', 'dynamic-output']));
  });
  it('an output shape known only after running', () => {
    const k = built('test_dynamic_output.tflite');
    expect(k.kind).toBe('unknown');
    expect(codes(k)).toContain('dynamic-output');
  });
  it('a plain ADD of a [1, 4] tensor: unknown, nothing guessed', () => {
    const k = built('test_unknown.tflite');
    expect(k.kind).toBe('unknown');
    expect(k.outputs).toEqual([{ role: 'unknown' }]);
  });
  it('audio metadata: sample rate, labels and multi-label scores', () => {
    const k = built('test_audio_metadata.tflite');
    expect(k.kind).toBe('audio-classifier');
    expect(k.confidence).toBe('high');
    expect(k.inputs[0]).toEqual({ role: 'waveform', samples: 1600, sampleRate: 16000, channels: 1 });
    expect(k.outputs[0]).toEqual({ role: 'class-scores', classes: 3, activation: 'sigmoid' });
    expect(k.labelsFile).toBe('labels.txt');
  });
});

describe('customOpInfo', () => {
  it('knows the usual custom ops', () => {
    expect(customOpInfo('FlexRFFT')).toMatchObject({ family: 'flex', inStandardResolver: false });
    expect(customOpInfo('TFLite_Detection_PostProcess')).toMatchObject({ family: 'detection-postprocess', inStandardResolver: true });
    expect(customOpInfo('tftext:WhitespaceTokenizer').family).toBe('tokenizer');
    expect(customOpInfo('TFSentencepieceTokenizeOp').family).toBe('tokenizer');
    expect(customOpInfo('MaxPoolingWithArgmax2D').family).toBe('mediapipe');
    expect(customOpInfo('CUSTOM_OP_STRING_TO_BOOLS').family).toBe('unknown');
  });
});
