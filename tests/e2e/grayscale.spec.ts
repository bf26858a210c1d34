// One-channel (grayscale) image models, [1, 28, 28, 1] as MNIST-style recognisers take them, built
// with the project's writer (tests/unit/quantize-fixtures.ts), through every place that feeds a
// photo to a model: the quantizer's calibration (the photos become their luminance in its worker),
// the run check of the produced file, the accuracy lab after the hand-off, and the inspector's
// "Run it here". Real Chromium, real WASM runtimes, real dev photos. Other channel counts are refused
// with the page's clear message.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { inputTensors, parseTflite } from '../../src/lib/tflite/reader.ts';
import { seededRandom } from '../../src/lib/random.ts';
import { randomConvNet } from '../unit/quantize-fixtures.ts';
import { downloadQuantized } from '../../src/lib/node/quantizer-page.ts';

/**
 * input [1,28,28,1] (batch open in the shape signature, as Keras writes it) -> CONV_2D ... RESHAPE
 * -> FULLY_CONNECTED -> SOFTMAX [1,10]. `classes: 1001` gives it ImageNet's output size, so that the
 * accuracy lab scores it against the dev photos' ImageNet labels.
 */
const grayscale = (inputChannels = 1, classes = 10) =>
  Buffer.from(randomConvNet(seededRandom(28), { size: 28, channels: 8, classes, inputChannels, dynamicBatch: true }));

test.beforeEach(({ problems }) => {
  problems.allowConsole.push(/XNNPACK|NPU accelerator|WebGPU|GPU adapter|Blocking on the main thread/);
});

/** Opens the quantizer lab, drops the model and runs `mode` calibrated on `photos` dev photos. */
async function quantizeOwn(page: Page, lang: '' | 'ja/', mode: 'int8' | 'int8-io', name: string, bytes: Buffer, photos = 6) {
  await page.goto(`${lang}labs/quantizer/`);
  const lab = page.getByTestId('quantizer-lab');
  const modelStatus = page.getByTestId('quantize-model-status');
  await expect(modelStatus).toHaveAttribute('data-state', 'ready');
  await lab.getByTestId('quantize-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  await expect(modelStatus).toHaveAttribute('data-state', 'ready');
  await expect(modelStatus).toContainText(name);
  await lab.locator(`input[name="mode"][value="${mode}"]`).check();
  // The file states no normalisation: the reader picks one (MNIST-style models take [0, 1]).
  await lab.locator('input[name="norm"][value="zero-to-one"]').check();
  await lab.locator('input[name="calibration"]').fill(String(photos));
  await lab.locator('button.bl-primary').click();
  const status = page.getByTestId('quantize-status');
  await expect(status).toHaveAttribute('data-state', /done|error/, { timeout: 120_000 });
  return status;
}

test('quantizer: a float grayscale model quantizes to full integer, calibrated on dev photos turned to luminance; the accuracy lab runs the pair', async ({ page }) => {
  test.setTimeout(300_000);
  const status = await quantizeOwn(page, '', 'int8', 'gray_1001.tflite', grayscale(1, 1001));
  expect(await status.getAttribute('data-state'), await status.innerText()).toBe('done');
  await expect(page.getByTestId('quantize-skipped')).toHaveCount(0);
  // Calibration ran in the runtime's worker, and the result states the input it kept.
  await expect(page.getByTestId('quantize-timing')).toHaveAttribute('data-inference-in-worker', 'true');
  await expect(page.getByTestId('quantize-result')).toContainText('float32 [1, 28, 28, 1]');
  const produced = parseTflite(await downloadQuantized(page));
  const input = inputTensors(produced)[0]!;
  expect(input.shape).toEqual([1, 28, 28, 1]);
  expect(input.shapeSignature).toEqual([-1, 28, 28, 1]);
  expect(input.dtype).toBe('float32');
  // Full integer: the input is quantized by a QUANTIZE op whose output scale comes from the calibration.
  const quantizeOp = produced.subgraphs[0]!.operators.find((op) => op.opcode === 'QUANTIZE')!;
  const quantizedInput = produced.subgraphs[0]!.tensors[quantizeOp.outputs[0]!]!;
  expect(quantizedInput.dtype).toBe('int8');
  expect(quantizedInput.shape).toEqual([1, 28, 28, 1]);
  // [0, 1] inputs: the calibrated range is within [0, 1], so the scale is at most 1/255.
  expect(quantizedInput.quantization!.scale[0]!).toBeLessThanOrEqual(1 / 255 + 1e-9);
  // The produced file runs in both runtimes on a mid-grey one-channel picture.
  const checks = page.getByTestId('runtime-check');
  await expect(checks).toHaveCount(2);
  for (const c of await checks.all()) {
    await expect(c).toHaveAttribute('data-state', /ok|refused/, { timeout: 120_000 });
    expect(await c.getAttribute('data-state'), await c.innerText()).toBe('ok');
  }
  // The page says what it did with the photos, and the Python for the same setting does the same.
  await expect(page.getByTestId('calibration-grayscale')).toContainText('0.299 R + 0.587 G + 0.114 B');
  await expect(page.getByTestId('quantizer-lab')).toContainText('tf.image.rgb_to_grayscale(image)');

  // The accuracy lab runs both files on the 100 dev photos (each photo's luminance). A model with
  // another number of classes gets agreement only there (accuracy-other-outputs.spec).
  await page.getByTestId('to-accuracy').click();
  await page.waitForURL(/labs\/accuracy\/\?handoff=quantizer/);
  await expect(page.getByTestId('accuracy-handoff')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('accuracy-lab').locator('button.bl-primary').click();
  await expect(page.getByTestId('accuracy-done').or(page.getByTestId('accuracy-message'))).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('accuracy-message')).toHaveCount(0);
  const agreement = page.getByTestId('accuracy-agreement');
  // Both files answered on every photo. (Random weights: how often their top-1 agree says nothing here.)
  expect(Number(await agreement.getAttribute('data-n'))).toBe(100);
});

test('quantizer (ja): integer input and output, the produced model takes uint8 [1, 28, 28, 1]; a two-channel model is refused in Japanese', async ({ page }) => {
  test.setTimeout(240_000);
  const status = await quantizeOwn(page, 'ja/', 'int8-io', 'digits_gray.tflite', grayscale());
  expect(await status.getAttribute('data-state'), await status.innerText()).toBe('done');
  await expect(page.getByTestId('calibration-grayscale')).toContainText('各写真を輝度');
  const input = inputTensors(parseTflite(await downloadQuantized(page)))[0]!;
  expect(input.shape).toEqual([1, 28, 28, 1]);
  expect(input.dtype).toBe('uint8');
  for (const c of await page.getByTestId('runtime-check').all()) {
    await expect(c).toHaveAttribute('data-state', /ok|refused/, { timeout: 120_000 });
    expect(await c.getAttribute('data-state'), await c.innerText()).toBe('ok');
  }

  // Two channels is neither a colour nor a grayscale picture: calibration says what the input is.
  const refused = await quantizeOwn(page, 'ja/', 'int8', 'two_channels.tflite', grayscale(2));
  await expect(refused).toHaveAttribute('data-state', 'error');
  await expect(refused).toContainText('キャリブレーションには写真を入力しますが、このモデルの入力は float32 [1, 28, 28, 2] です');
  await expect(refused).toContainText('グレースケールなら [1, 高さ, 幅, 1]');
  // The page keeps working: the weight-only setting still runs on the same file.
  await page.getByTestId('quantizer-lab').locator('input[name="mode"][value="dynamic"]').check();
  await page.getByTestId('quantizer-lab').locator('button.bl-primary').click();
  await expect(refused).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
});

test('inspector: a dropped grayscale classifier runs on a sample photo', async ({ page }) => {
  await page.goto('labs/inspector/');
  await page.getByTestId('inspector').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('report')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles({ name: 'digits_gray.tflite', mimeType: 'application/octet-stream', buffer: grayscale() });
  await expect(page.getByTestId('status')).toContainText('digits_gray.tflite');
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'image-classifier');
  await page.getByTestId('try-run').click();
  const scores = page.getByTestId('try-scores');
  await expect(scores.locator('li')).toHaveCount(5, { timeout: 60_000 });
  // No label file: class ids and their scores.
  await expect(scores.locator('li').first()).toContainText(/class \d: 0\.\d+/);
});
