import { describe, expect, it } from 'vitest';
import { describeCameraError, describeError, errorKeys, errorStrings, type ErrorText } from '../../src/i18n/errors.ts';
import { FetchError } from '../../src/lib/fetch-with-progress.ts';
import { TfliteParseError } from '../../src/lib/tflite/types.ts';
import { TfliteWriteError } from '../../src/lib/tflite/writer.ts';
import { TwinError } from '../../src/lib/tflite/twin.ts';
import { RuntimeError } from '../../src/lib/runtime/types.ts';
import { ImageDecodeError } from '../../src/lib/image/decode.ts';
import { InputSpecError } from '../../src/lib/image/input.ts';
import { SyntheticInputError } from '../../src/lib/tryit/synthetic-inputs.ts';
import { PlanError } from '../../src/lib/bench/validate.ts';
import { BenchError } from '../../src/lib/bench/benchmark.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const PLACEHOLDER = /\{\w+\}/;

// One error per code of every library error class (the codes come from errorKeys, whose types
// require an entry for every code), plus the other kinds of failure the islands meet.
const errors: [string, unknown][] = [
  ...Object.keys(errorKeys.tflite).map((c) => [`tflite ${c}`, new TfliteParseError('x', c as TfliteParseError['code'])] as [string, unknown]),
  ...Object.keys(errorKeys.twin).map((c) => [`twin ${c}`, new TwinError('x', c as TwinError['code'])] as [string, unknown]),
  ...Object.keys(errorKeys.runtime).map((c) => [`runtime ${c}`, new RuntimeError('x', c as RuntimeError['code'])] as [string, unknown]),
  ...Object.keys(errorKeys.image).map((c) => [`image ${c}`, new ImageDecodeError('x', c as ImageDecodeError['code'])] as [string, unknown]),
  ...Object.keys(errorKeys.plan).map(
    (c) => [`plan ${c}`, new PlanError('x', c as PlanError['code'], { min: 3, max: 2000, value: 7 })] as [string, unknown],
  ),
  ...Object.keys(errorKeys.bench).map((c) => [`bench ${c}`, new BenchError('x', c as BenchError['code'], 'some-model')] as [string, unknown]),
  ['fetch offline', new FetchError('x', '/a.tflite', 0)],
  ['fetch 404', new FetchError('x', '/a.tflite', 404)],
  ['fetch 500', new FetchError('x', '/a.tflite', 500)],
  ['write', new TfliteWriteError('x')],
  ['input spec', new InputSpecError('x')],
  ...Object.keys(errorKeys.synthetic).map((c) => [`synthetic ${c}`, new SyntheticInputError('x', c as SyntheticInputError['code'])] as [string, unknown]),
  ['plain Error', new Error('x')],
  ['a string', 'x'],
];

function expectBothLanguages(en: ErrorText, ja: ErrorText) {
  expect(en.message).not.toMatch(PLACEHOLDER);
  expect(ja.message).not.toMatch(PLACEHOLDER);
  expect(en.message).not.toMatch(JAPANESE);
  expect(ja.message).toMatch(JAPANESE);
  expect(en.key).toBe(ja.key);
  expect(en.code).toBe(ja.code);
}

describe('error messages', () => {
  it('the two languages have the same keys and no empty string', () => {
    expect(Object.keys(errorStrings.ja).sort()).toEqual(Object.keys(errorStrings.en).sort());
    for (const lang of ['en', 'ja'] as const) {
      for (const [key, text] of Object.entries(errorStrings[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it.each(errors)('%s has a message in both languages, with every placeholder filled', (_, error) => {
    expectBothLanguages(describeError(error, 'en'), describeError(error, 'ja'));
    expectBothLanguages(describeError(error, 'en', { fileName: 'm.tflite' }), describeError(error, 'ja', { fileName: 'm.tflite' }));
  });

  it('uses a distinct message for every code of every library error', () => {
    const keys = errors.map(([, e]) => describeError(e, 'en').key);
    const library = keys.filter((k) => k !== 'unknown');
    expect(new Set(library).size).toBe(library.length);
    expect(keys.filter((k) => k === 'unknown')).toHaveLength(2);
  });

  it('names the file when it knows it', () => {
    const err = new TfliteParseError('Offset 9000 is beyond the end', 'out-of-bounds');
    expect(describeError(err, 'en', { fileName: 'cut.tflite' }).message).toMatch(/^“cut\.tflite” looks like a TensorFlow Lite model, but it is truncated/);
    expect(describeError(err, 'ja', { fileName: 'cut.tflite' }).message).toMatch(/^「cut\.tflite」は TensorFlow Lite モデルのようですが/);
    expect(describeError(err, 'en').message).toMatch(/^The file looks like/);
  });

  it('keeps the library message as the technical detail and exposes the library code', () => {
    const text = describeError(new RuntimeError('LiteRT.js could not compile the model: bad op', 'model-load-failed'), 'ja');
    expect(text.code).toBe('model-load-failed');
    expect(text.detail).toBe('技術的な詳細：LiteRT.js could not compile the model: bad op');
  });

  it('fills a plan error’s limits into the sentence', () => {
    const text = describeError(new PlanError('x', 'runs-too-few', { min: 3, value: 1 }), 'en');
    expect(text.message).toBe('Please fix: at least 3 timed runs are needed for a median and p10/p90 (got 1).');
  });

  it('explains a wrapper by the error it wraps', () => {
    const cause = new FetchError('HTTP 404 for /m.tflite', '/m.tflite', 404);
    const wrapped = new BenchError('HTTP 404 for /m.tflite', 'load-failed', 'm');
    (wrapped as Error).cause = cause;
    expect(describeError(wrapped, 'en').key).toBe('fetch.not-found');
    expect(describeError(new BenchError('x', 'load-failed', 'm'), 'en').key).toBe('bench.load-failed');
  });

  it('maps camera failures by DOMException name in both languages', () => {
    const names: [string, string][] = [
      ['NotAllowedError', 'camera-denied'],
      ['SecurityError', 'camera-denied'],
      ['NotFoundError', 'no-camera'],
      ['OverconstrainedError', 'no-camera'],
      ['unsupported', 'camera-unsupported'],
      ['AbortError', 'camera-failed'],
    ];
    for (const [name, code] of names) {
      const error = Object.assign(new Error('device busy'), { name });
      const en = describeCameraError(error, 'en');
      expectBothLanguages(en, describeCameraError(error, 'ja'));
      expect(en.code).toBe(code);
    }
    expect(describeCameraError(Object.assign(new Error('device busy'), { name: 'AbortError' }), 'en').detail).toContain('device busy');
  });
});
