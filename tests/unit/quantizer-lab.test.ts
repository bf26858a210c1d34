// The quantizer lab's pure parts: the equivalent Python for each setting, where the calibration
// normalisation comes from, the lab's URL parameters and the representative photo sets.
import { converterComments } from '../../src/i18n/converter-comments.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { converterCode } from '../../src/lib/converter/python.ts';
import { choiceOf, modelNormalization, NORMALIZATION_CHOICES } from '../../src/lib/calibration/normalization.ts';
import { devPhotoSet, filePhotoSet, loadPhoto } from '../../src/lib/calibration/photos.ts';
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import { devImages, getModel } from '../../src/lib/models.ts';
import { photoCount, readParams, floatModels } from '../../src/components/quantizer/params.ts';
import { quantizableProblem, quantizeModel } from '../../src/lib/quantize/index.ts';

const publicDir = join(import.meta.dirname, '../../public');
const bytes = (file: string) => new Uint8Array(readFileSync(join(publicDir, file)));
const load = (file: string) => parseTflite(bytes(file));

describe('converterCode', () => {
  it('gives the seed snippet for dynamic range: Optimize.DEFAULT and nothing else', () => {
    const code = converterCode({ mode: 'dynamic' });
    expect(code).toContain('converter.optimizations = [tf.lite.Optimize.DEFAULT]');
    expect(code).not.toMatch(/representative_dataset|supported_types|inference_input_type/);
  });

  it('adds float16 as a supported type', () => {
    const code = converterCode({ mode: 'float16' });
    expect(code).toContain('converter.target_spec.supported_types = [tf.float16]');
    expect(code).not.toContain('representative_dataset');
  });

  it('writes the representative dataset with the model\'s own size, normalisation and photo count', () => {
    const code = converterCode({ mode: 'int8', inputSize: 160, normalization: NORMALIZATION_CHOICES['minus-one-to-one'], photoCount: 37 });
    expect(code).toContain('converter.representative_dataset = representative_dataset');
    expect(code).toContain('[:37]');
    expect(code).toContain('[160, 160]');
    expect(code).toContain('image = (image - 127.5) / 127.5');
    expect(code).toContain('TFLITE_BUILTINS_INT8');
    expect(code).not.toContain('inference_input_type');
  });

  it('sets the integer input and output type for int8-io, and [0, 1] scaling as a division', () => {
    const code = converterCode({ mode: 'int8-io', ioType: 'int8', normalization: NORMALIZATION_CHOICES['zero-to-one'] });
    expect(code).toContain('converter.inference_input_type = tf.int8');
    expect(code).toContain('converter.inference_output_type = tf.int8');
    expect(code).toContain('image = image / 255.0');
  });

  it('turns the photos into their luminance for a one-channel model, and only then', () => {
    const gray = converterCode({ mode: 'int8', inputSize: 28, channels: 1, normalization: NORMALIZATION_CHOICES['zero-to-one'] });
    const lines = gray.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('tf.image.rgb_to_grayscale(image)')).toBe(at('[28, 28]') + 1);
    expect(gray).toContain('BT.601');
    expect(converterCode({ mode: 'int8', inputSize: 28, channels: 1, comments: converterComments.ja })).toContain('ITU-R BT.601 の輝度');
    expect(converterCode({ mode: 'int8', inputSize: 224 })).not.toContain('rgb_to_grayscale');
  });

  it('says when the range method has no converter equivalent', () => {
    expect(converterCode({ mode: 'int8', rangeMethod: 'percentile' })).toContain('always uses min/max');
    expect(converterCode({ mode: 'int8', rangeMethod: 'minmax' })).not.toContain('always uses min/max');
    expect(converterCode({ mode: 'int8', biasCorrection: true })).toContain('does not correct biases');
  });

  it('writes its comments in the reader\'s language, and only the comments', () => {
    const options = { mode: 'int8' as const, photoCount: 12, rangeMethod: 'mse', biasCorrection: true, normalization: { mean: [0], std: [1] } };
    const en = converterCode(options);
    const ja = converterCode({ ...options, comments: converterComments.ja });
    expect(ja).toContain('# 写真 12 枚。');
    expect(ja).toContain('範囲の決め方「mse」');
    expect(ja).toContain('image  # 0〜255 の値をそのまま');
    const code = (text: string) => text.split('\n').map((line) => line.replace(/#.*$/, '').trimEnd());
    expect(code(ja)).toEqual(code(en));
    // No English prose left in a comment of the Japanese code.
    for (const line of ja.split('\n').filter((l) => l.includes('#'))) expect(line.split('#')[1]).toMatch(/[ぁ-んァ-ヶ一-龯]/);
  });

  it('writes per-channel normalisation with numpy', () => {
    const code = converterCode({ mode: 'int8', normalization: { mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375] } });
    expect(code).toContain('import numpy as np');
    expect(code).toContain('np.array([123.675, 116.28, 103.53], np.float32)');
  });
});

describe('modelNormalization', () => {
  it('reads NormalizationOptions from the metadata of the float model that has it', () => {
    const origin = modelNormalization(load(getModel('mobilenet_v1_0.25_224_float_metadata').file));
    expect(origin.kind).toBe('metadata');
    if (origin.kind === 'metadata') expect(choiceOf(origin.normalization)).toBe('minus-one-to-one');
  });

  it('falls back to the site catalogue, then to "unknown" (the reader must choose)', () => {
    const bare = load(getModel('mobilenet_v1_0.25_224_float').file);
    expect(modelNormalization(bare, getModel('mobilenet_v1_0.25_224_float').normalization).kind).toBe('site');
    expect(modelNormalization(bare).kind).toBe('unknown');
  });

  it('recognises the three conventions and nothing else', () => {
    expect(choiceOf(NORMALIZATION_CHOICES.raw)).toBe('raw');
    expect(choiceOf(NORMALIZATION_CHOICES['zero-to-one'])).toBe('zero-to-one');
    expect(choiceOf({ mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375] })).toBeNull();
  });
});

describe('lab parameters', () => {
  it('offers exactly the float models of the manifest', () => {
    const ids = floatModels().map((m) => m.id);
    expect(ids).toContain('mobilenet_v1_0.25_224_float');
    expect(ids).toContain('mobilenet_v2_1.0_224_float_twin');
    expect(floatModels().every((m) => m.dtype === 'float32')).toBe(true);
  });

  it('reads the stable hooks and ignores unknown values', () => {
    const p = readParams('?model=mobilenet_v2_1.0_224_float_twin&mode=int8-io&calibration=20&autorun=1&io=int8');
    expect(p).toMatchObject({ model: 'mobilenet_v2_1.0_224_float_twin', mode: 'int8-io', calibration: '20', autorun: true, io: 'int8' });
    const bad = readParams('?model=mobilenet_v1_0.25_224_uint8&mode=int4&autorun=yes&io=int16');
    expect(bad).toMatchObject({ model: undefined, mode: undefined, autorun: false, io: undefined, offset: 0 });
    expect(readParams('?offset=50').offset).toBe(50);
    expect(readParams('?offset=-4').offset).toBe(0);
  });

  it('accepts whole photo counts from 1 to the size of the dev set', () => {
    expect(photoCount('1')).toBe(1);
    expect(photoCount(String(devImages.length))).toBe(devImages.length);
    for (const bad of ['0', '', ' ', '2.5', String(devImages.length + 1), 'ten', '-3']) expect(photoCount(bad)).toBeNull();
  });
});

describe('representative photo sets', () => {
  it('takes any number of dev photos, and splits them for held-out evaluation', () => {
    expect(devPhotoSet().length).toBe(devImages.length);
    expect(devPhotoSet(50).map((p) => p.name)).toEqual(devImages.slice(0, 50).map((d) => d.id));
    expect(devPhotoSet(1)[0]!.source).toMatch(new RegExp(`${devImages[0]!.file}$`));
    expect(devPhotoSet(50, 50).map((p) => p.name)).toEqual(devImages.slice(50).map((d) => d.id));
    expect(devPhotoSet(500).length).toBe(devImages.length);
  });

  it('wraps the reader\'s files without reading them', async () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'mine.jpg', { type: 'image/jpeg' });
    const [photo] = filePhotoSet([file]);
    expect(photo!.name).toBe('mine.jpg');
    expect(await loadPhoto(photo!)).toBe(file);
  });
});

describe('quantizableProblem (checked when a model is opened)', () => {
  it('accepts the site float models and a float model of another kind (text, with GATHER)', () => {
    expect(quantizableProblem(bytes('models/mobilenet_v1_0.25_224_1_default_1.tflite'))).toBeNull();
    expect(quantizableProblem(bytes('byo/movie_review.tflite'))).toBeNull();
  });

  it('accepts this page\'s own float16 and dynamic-range outputs (their weights are expanded first)', () => {
    const float = bytes('models/mobilenet_v1_0.25_224_1_default_1.tflite');
    for (const mode of ['float16', 'dynamic'] as const) expect(quantizableProblem(quantizeModel(float, { mode }).bytes)).toBeNull();
  });

  it('refuses a model that computes in integers (TF2 full-integer PTQ, uint8 in and out)', () => {
    expect(quantizableProblem(bytes('models/tf2_mobilenet_v2_1.0_224_ptq.tflite'))).toMatchObject({ code: 'not-float' });
  });

  // TFLite's own full-integer output with float input and output (the shared assets folder, as in quantizer.spec.ts).
  const floatIo = join(resolve(process.env.ASSET_MIRROR ?? '../shared/assets'), 'reference-quantized/mobilenet_v1_0.25_224_int8_float-io.tflite');
  it.skipIf(!existsSync(floatIo))('refuses a full-integer model even when its input and output are float32', () => {
    expect(quantizableProblem(new Uint8Array(readFileSync(floatIo)))).toMatchObject({ code: 'not-float' });
  });

  it('refuses an already quantized model: no float32 tensor to start from', () => {
    expect(quantizableProblem(bytes('models/mobilenet_v1_0.25_224_quant.tflite'))).toMatchObject({ code: 'not-float' });
  });

  it('refuses a model with a custom operator, naming it: no setting can rewrite it', () => {
    expect(quantizableProblem(bytes('byo/ssd_mobilenet_v1.tflite'))).toMatchObject({ code: 'custom-op', op: 'TFLite_Detection_PostProcess' });
    expect(quantizableProblem(bytes('byo/whitespace_tokenizer_to_tensor.tflite'))).toMatchObject({ code: 'custom-op', op: 'tftext:WhitespaceTokenizer' });
  });
});
