// Models of every kind through the inspector and "Run it here", in a real browser with both real
// runtimes: the six real byo files (tflite-support test data) and small models built with the
// project's writer for kinds no file covers. What the runtimes can load is what they really did.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { builtModels } from '../fixtures/byo-models.ts';
import { storeHandoff } from './handoff.ts';

const byo = (name: string) => readFileSync(`public/byo/${name}`);
const built = (name: string) => Buffer.from(builtModels[name]!());

async function openInspector(page: Page, path = '/labs/inspector/') {
  await page.goto(path);
  await page.getByTestId('inspector').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('report')).toBeVisible();
}

/** Opens a file as the reader would and waits until both runtimes have been tried. */
async function inspect(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('status')).toContainText(name);
  await expect(page.locator('[data-testid="runtime-trials"] li[data-status="pending"]')).toHaveCount(0, { timeout: 60_000 });
}

interface Case {
  name: string;
  bytes: () => Buffer;
  kind: string;
  /** Advice that must be shown, and advice that must not (data-code of each line). */
  has: string[];
  not: string[];
  /** Runtimes that load and run it, those that load it but cannot run it, and those that cannot load it. */
  loads?: string[];
  runFails?: string[];
  fails?: string[];
}

const NEVER_FOR_NON_IMAGES = ['image-size', 'image-recipe', 'image-whole-frame'];

const cases: Case[] = [
  { name: 'ssd_mobilenet_v1.tflite', bytes: () => byo('ssd_mobilenet_v1.tflite'), kind: 'object-detector',
    has: ['image-size', 'image-whole-frame', 'out-boxes', 'out-det-classes', 'out-det-scores', 'out-det-count', 'labels-detector', 'op-postprocess'],
    not: ['out-softmax', 'out-logits', 'labels-missing', 'labels-background'], loads: ['tfjs-tflite'], runFails: ['litert'] },
  { name: 'yamnet_wavin_quantized_mel_relu6.tflite', bytes: () => byo('yamnet_wavin_quantized_mel_relu6.tflite'), kind: 'audio-classifier',
    has: ['audio-rate-unknown', 'audio-samples', 'audio-windows', 'out-sigmoid', 'labels-missing'],
    not: [...NEVER_FOR_NON_IMAGES, 'out-softmax', 'out-logits'], loads: ['litert', 'tfjs-tflite'] },
  { name: 'movie_review.tflite', bytes: () => byo('movie_review.tflite'), kind: 'text-classifier',
    has: ['text-ids', 'text-tokenizer-unknown', 'out-softmax'], not: NEVER_FOR_NON_IMAGES, loads: ['litert', 'tfjs-tflite'] },
  { name: 'whitespace_tokenizer_to_tensor.tflite', bytes: () => byo('whitespace_tokenizer_to_tensor.tflite'), kind: 'unknown',
    has: ['text-string', 'text-in-graph', 'op-tokenizer', 'out-text'], not: NEVER_FOR_NON_IMAGES, fails: ['litert', 'tfjs-tflite'] },
  { name: 'test_model_nl_classifier_bool_output.tflite', bytes: () => byo('test_model_nl_classifier_bool_output.tflite'), kind: 'unknown',
    has: ['text-string', 'op-unknown', 'out-unknown'], not: NEVER_FOR_NON_IMAGES, fails: ['litert', 'tfjs-tflite'] },
  { name: 'mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite', bytes: () => byo('mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite'),
    kind: 'image-classifier', has: ['image-size', 'image-recipe', 'out-softmax', 'out-dequantize', 'labels-undeclared', 'labels-background'], not: ['out-logits'],
    loads: ['litert', 'tfjs-tflite'] },
  { name: 'test_segmenter.tflite', bytes: () => built('test_segmenter.tflite'), kind: 'image-segmenter',
    has: ['out-segmentation', 'labels-segmenter'], not: ['labels-background', 'labels-missing', 'out-softmax'], loads: ['litert', 'tfjs-tflite'] },
  { name: 'test_embedder.tflite', bytes: () => built('test_embedder.tflite'), kind: 'image-embedder',
    has: ['out-embedding', 'labels-not-needed'], not: ['labels-missing', 'out-logits'], loads: ['litert', 'tfjs-tflite'] },
  { name: 'test_flex.tflite', bytes: () => built('test_flex.tflite'), kind: 'unknown',
    has: ['op-flex', 'flex-android', 'flex-ios', 'flex-size', 'tensor-unknown', 'out-unknown'], not: NEVER_FOR_NON_IMAGES, fails: ['tfjs-tflite'] },
  { name: 'test_string_input.tflite', bytes: () => built('test_string_input.tflite'), kind: 'unknown',
    has: ['text-string', 'text-in-graph', 'op-tokenizer', 'out-dynamic'], not: NEVER_FOR_NON_IMAGES, fails: ['litert', 'tfjs-tflite'] },
  { name: 'test_dynamic_output.tflite', bytes: () => built('test_dynamic_output.tflite'), kind: 'unknown',
    has: ['tensor-unknown', 'out-unknown', 'out-dynamic'], not: NEVER_FOR_NON_IMAGES, fails: ['litert'] },
  { name: 'test_audio_metadata.tflite', bytes: () => built('test_audio_metadata.tflite'), kind: 'audio-classifier',
    has: ['audio-rate', 'out-sigmoid', 'labels-embedded'], not: [...NEVER_FOR_NON_IMAGES, 'labels-background'], loads: ['litert', 'tfjs-tflite'] },
];

test('every kind: verdict, reasons and advice that fit it; runtimes tried for real', async ({ page, problems }) => {
  test.setTimeout(300_000);
  // What LiteRT.js prints when it meets a Flex op it cannot prepare (its log lines are errors).
  problems.allowConsole.push(/Select TensorFlow op|FlexAddV2|Failed to allocate tensors/);
  await openInspector(page);
  for (const c of cases) {
    await test.step(c.name, async () => {
      await inspect(page, c.name, c.bytes());
      const report = page.getByTestId('report');
      await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', c.kind);
      expect(await page.getByTestId('kind-reasons').locator('li').count()).toBeGreaterThan(0);
      for (const code of c.has) expect(await report.locator(`[data-code="${code}"]`).count(), `${c.name} shows ${code}`).toBeGreaterThan(0);
      for (const code of c.not) expect(await report.locator(`[data-code="${code}"]`).count(), `${c.name} never shows ${code}`).toBe(0);
      for (const id of c.loads ?? []) await expect(page.locator(`[data-testid="runtime-trials"] li[data-runtime="${id}"]`)).toHaveAttribute('data-status', 'ok');
      for (const id of c.runFails ?? []) await expect(page.locator(`[data-testid="runtime-trials"] li[data-runtime="${id}"]`)).toHaveAttribute('data-status', 'run-failed');
      for (const id of c.fails ?? []) await expect(page.locator(`[data-testid="runtime-trials"] li[data-runtime="${id}"]`)).toHaveAttribute('data-status', 'failed');
      // The checklist carries the kind, the ops and what the runtimes did.
      const checklist = await page.getByTestId('checklist').innerText();
      expect(checklist).toContain('- [ ] Kind: ');
      expect(checklist).toContain('- [ ] Browser: LiteRT.js');
      if (c.has.includes('op-flex')) expect(checklist).toContain('org.tensorflow:tensorflow-lite-select-tf-ops');
    });
  }
  void problems;
});

test('a file dropped on the drop zone is inspected like an opened one', async ({ page, problems }) => {
  await openInspector(page);
  const bytes = [...byo('movie_review.tflite')];
  const drop = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'movie_review.tflite', { type: 'application/octet-stream' }));
    return transfer;
  }, bytes);
  await page.locator('.insp-drop').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'text-classifier');
  void problems;
});

test('detector: boxes with scores drawn on a photo, class ids said to be ids', async ({ page, problems }) => {
  await openInspector(page);
  await page.getByTestId('site-model').selectOption('ssd_mobilenet_v1');
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'object-detector');
  await page.getByTestId('try-sample').selectOption('multi_objects');
  await page.getByTestId('try-run').click();
  const detections = page.getByTestId('try-detections');
  await expect(detections).toBeVisible({ timeout: 60_000 });
  expect(Number(await detections.getAttribute('data-count'))).toBeGreaterThan(0);
  await expect(detections.locator('li').first()).toContainText(/class \d+: \d+\.\d%/);
  await expect(detections).toContainText('labelled with class ids');
  const canvas = page.getByTestId('try-canvas');
  await expect(canvas).toBeVisible();
  // Boxes are drawn: the canvas holds pixels of the box palette's first colour (#e6194b).
  const boxPixels = await canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === 0xe6 && d[i + 1] === 0x19 && d[i + 2] === 0x4b) n++;
    return n;
  });
  expect(boxPixels).toBeGreaterThan(50);
  void problems;
});

test('classifier and segmenter: top classes with labels, a class mask', async ({ page, problems }) => {
  await openInspector(page);
  await page.getByTestId('site-model').selectOption('mobilenet_v1_quant_without_subgraph_metadata');
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'image-classifier');
  await page.getByTestId('try-run').click();
  const scores = page.getByTestId('try-scores');
  await expect(scores.locator('li')).toHaveCount(5, { timeout: 60_000 });
  await expect(scores.locator('li').first()).not.toContainText('class ');

  await inspect(page, 'test_segmenter.tflite', built('test_segmenter.tflite'));
  await page.getByTestId('try-run').click();
  await expect(page.getByTestId('try-mask')).toContainText('%');
  await expect(page.getByTestId('try-canvas')).toBeVisible();
  void problems;
});

/** A 16-bit PCM WAV of a sine tone. */
function toneWav(seconds: number, rate: number, hz: number, channels = 2): Buffer {
  const frames = Math.round(seconds * rate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const v = Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 0.5 * 32767);
    for (let c = 0; c < channels; c++) data.writeInt16LE(v, (i * channels + c) * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

test('audio: a dropped WAV is resampled in the browser and classified window by window', async ({ page, problems }) => {
  await openInspector(page);
  await page.getByTestId('site-model').selectOption('yamnet_wavin_quantized');
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'audio-classifier');
  const audioFile = page.getByTestId('try-audio-file');
  await audioFile.setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(2, 44100, 440) });
  // 2 s at 16 kHz = 32000 samples: windows of 15600 every 7800 -> 3 windows.
  await expect(page.getByTestId('try-audio-status')).toContainText('16000 Hz');
  await expect(page.getByTestId('try-audio-status')).toContainText('3 windows');
  await expect(page.getByTestId('try-audio-row')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId('try-audio-rows')).toContainText('no labels');

  // Not audio: a clear message, and the page keeps working.
  await audioFile.setInputFiles({ name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('not a sound') });
  await expect(page.getByTestId('try-audio-status')).toContainText('could not be decoded as audio');

  // A model whose metadata names its rate and labels: rows are labelled from its labels.txt.
  await inspect(page, 'test_audio_metadata.tflite', built('test_audio_metadata.tflite'));
  await page.getByTestId('try-audio-file').setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(0.3, 48000, 440, 1) });
  await expect(page.getByTestId('try-audio-row').first()).toContainText(/silence|tone|noise/);
  void problems;
});

test('unknown kind: raw output tensors from generated inputs; bad photos keep the page working', async ({ page, problems }) => {
  await openInspector(page);
  await inspect(page, 'test_unknown.tflite', built('test_unknown.tflite'));
  await page.getByTestId('try-run').click();
  const row = page.getByTestId('raw-output');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('[1, 4]');
  await expect(row).toContainText('min');

  await inspect(page, 'test_embedder.tflite', built('test_embedder.tflite'));
  await page.getByTestId('try-photo').setInputFiles({ name: 'model.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture') });
  await expect(page.getByTestId('try-error')).toContainText(/could not decode that image|not an image/);
  await page.getByTestId('try-run').click();
  await expect(page.getByTestId('try-embedding')).toContainText('Norm: 1');
  void problems;
});

test('Japanese: the verdict and advice in Japanese', async ({ page, problems }) => {
  await openInspector(page, '/ja/labs/inspector/');
  await inspect(page, 'yamnet.tflite', byo('yamnet_wavin_quantized_mel_relu6.tflite'));
  await expect(page.getByTestId('kind')).toContainText('音声分類モデル');
  await expect(page.getByTestId('advice-input')).toContainText('サンプリングレート');
  await expect(page.getByTestId('advice-output')).toContainText('softmax はかけず');
  void problems;
});

test('the benchmark lab runs models that take no photo, on generated inputs of their own dtypes', async ({ page, problems }) => {
  test.setTimeout(240_000);
  // int32 token ids (text) and a float32 waveform (audio): neither is [1, H, W, 3].
  for (const name of ['movie_review.tflite', 'yamnet_wavin_quantized_mel_relu6.tflite']) {
    await page.goto('/labs/benchmark/');
    await storeHandoff(page, name, byo(name));
    await page.goto('/labs/benchmark/?handoff=inspector&runtime=litert&runs=3&warmup=1');
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const lab = page.getByTestId('benchmark-lab');
    await expect(lab.locator('input[name="model"][value="inspector"]')).toBeChecked();
    await lab.getByRole('button', { name: 'Run benchmark' }).click();
    await expect(page.getByTestId('bench-done')).toBeVisible({ timeout: 120_000 });
    await expect(page.locator('[data-testid="bench-results"] tr[data-model="inspector"] [data-col="n"]')).toHaveText('3');
  }
  void problems;
});
