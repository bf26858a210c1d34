// The quantizer lab in real Chromium with the real models, WASM runtimes and dev photos: every
// setting on both site float models; the produced files load and run in both runtimes (or the page
// says which refuses and why); full integer against TFLite's own quantizer output (read from the
// shared assets folder on disk, never shipped); size and agreement targets through the accuracy lab;
// bad input gets a clear message and the page keeps working.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openLab } from './fixtures.ts';
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import { compareWithReference } from '../../src/lib/quantize/index.ts';
import { modelWithSin, opZooNet } from '../unit/quantize-fixtures.ts';
import { downloadQuantized, storeQuantizerHandoff } from '../../src/lib/node/quantizer-page.ts';
import { fullIntegerOnFile, openOwnModel } from './quantizer-helpers.ts';

const V1 = 'mobilenet_v1_0.25_224_float';
const V2 = 'mobilenet_v2_1.0_224_float_twin';
const MOVIE_REVIEW = () => new Uint8Array(readFileSync(join(import.meta.dirname, '../../public/byo/movie_review.tflite')));
// The shared assets folder (`ASSET_MIRROR`, as for `npm run assets`; CI sets it to ../shared/assets).
const REFERENCE_DIR = join(resolve(process.env.ASSET_MIRROR ?? '../shared/assets'), 'reference-quantized');
const REFERENCE: Record<string, { 'float-io': string; 'uint8-io': string; agreement: number }> = {
  [V1]: { 'float-io': 'mobilenet_v1_0.25_224_int8_float-io.tflite', 'uint8-io': 'mobilenet_v1_0.25_224_int8_uint8-io.tflite', agreement: 90 },
  [V2]: { 'float-io': 'mobilenet_v2_1.0_224_twin_int8_float-io.tflite', 'uint8-io': 'mobilenet_v2_1.0_224_twin_int8_uint8-io.tflite', agreement: 95 },
};

interface Produced {
  bytes: Uint8Array;
  sizeBefore: number;
  checks: { runtime: string; state: string; text: string }[];
}

/** Runs the lab through its URL hook and returns the downloaded file and the runtime checks. */
async function quantize(page: Page, params: Record<string, string>): Promise<Produced> {
  await page.goto(`labs/quantizer/?${new URLSearchParams({ ...params, autorun: '1' })}`);
  const status = page.getByTestId('quantize-status');
  await expect(status).toHaveAttribute('data-state', /done|error/, { timeout: 240_000 });
  expect(await status.getAttribute('data-state'), await status.innerText()).toBe('done');
  const download = page.getByTestId('quantize-download');
  expect(await download.getAttribute('download')).toMatch(/\.tflite$/);
  const bytes = await downloadQuantized(page);
  const checks = page.getByTestId('runtime-check');
  await expect(checks).toHaveCount(2);
  for (const c of await checks.all()) await expect(c).toHaveAttribute('data-state', /ok|refused/, { timeout: 120_000 });
  const out = [];
  for (const c of await checks.all()) {
    out.push({ runtime: (await c.getAttribute('data-runtime'))!, state: (await c.getAttribute('data-state'))!, text: await c.innerText() });
  }
  return { bytes, sizeBefore: Number(await page.getByTestId('quantize-result').getAttribute('data-size-before')), checks: out };
}

/** Agreement of two models' top-1 on the dev photos, measured by the accuracy lab after a hand-off. */
async function accuracyAgreement(page: Page): Promise<{ count: number; n: number }> {
  await expect(page.getByTestId('accuracy-handoff')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('accuracy-lab').locator('button.bl-primary').click();
  await expect(page.getByTestId('accuracy-done').or(page.getByTestId('accuracy-message'))).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('accuracy-message')).toHaveCount(0);
  const agreement = page.getByTestId('accuracy-agreement');
  return { count: Number(await agreement.getAttribute('data-count')), n: Number(await agreement.getAttribute('data-n')) };
}

/** Each runtime's own kernels accept the file written (their Prepare checks parameters and versions). */
async function expectBothRuntimesRun(page: Page, label: string): Promise<void> {
  const checks = page.getByTestId('runtime-check');
  await expect(checks).toHaveCount(2);
  for (const c of await checks.all()) {
    await expect(c).toHaveAttribute('data-state', /ok|refused/, { timeout: 120_000 });
    expect(await c.getAttribute('data-state'), `${label}: ${await c.innerText()}`).toBe('ok');
  }
}

// LiteRT.js logs its INFO lines and tfjs-tflite warns about int32 inputs; neither is an error of the page.
test.beforeEach(({ problems }) => {
  problems.allowConsole.push(/XNNPACK|NPU accelerator|WebGPU|GPU adapter|Blocking on the main thread/);
});

for (const model of [V1, V2]) {
  test.describe(`${model}`, () => {
    test('dynamic range: at most 0.35x the float size, int8 weights, runs in both runtimes', async ({ page }) => {
      test.setTimeout(300_000);
      const out = await quantize(page, { model, mode: 'dynamic' });
      expect(out.bytes.length / out.sizeBefore).toBeLessThanOrEqual(0.35);
      const parsed = parseTflite(out.bytes);
      const int8Weights = parsed.subgraphs[0]!.tensors.filter((t) => t.dtype === 'int8' && t.data);
      expect(int8Weights.length).toBeGreaterThan(10);
      // Activations stay float: input and output too.
      expect(page.getByTestId('quantize-result')).toContainText('float32 [1, 224, 224, 3] → float32 [1, 224, 224, 3]');
      for (const c of out.checks) expect(c.state, c.text).toBe('ok');
      // The hybrid operators, counted from the file: convolutions and depthwise layers with 1024 weights or more.
      const hybrid = parsed.subgraphs[0]!.operators.filter((op) => parsed.subgraphs[0]!.tensors[op.inputs[1] ?? -1]?.dtype === 'int8');
      const count = (opcode: string) => hybrid.filter((op) => op.opcode === opcode).length;
      expect(count('DEPTHWISE_CONV_2D')).toBe(model === V1 ? 7 : 15);
      await expect(page.getByTestId('quantize-hybrid')).toHaveAttribute('data-ops', `CONV_2D × ${count('CONV_2D')}, DEPTHWISE_CONV_2D × ${count('DEPTHWISE_CONV_2D')}`);
      await expect(page.getByTestId('quantize-hybrid')).toContainText('runs outside XNNPACK');
    });

    test('float16: at most 0.55x, top-1 agrees with float on at least 99 of 100 dev photos', async ({ page }) => {
      test.setTimeout(420_000);
      const out = await quantize(page, { model, mode: 'float16' });
      expect(out.bytes.length / out.sizeBefore).toBeLessThanOrEqual(0.55);
      await expect(page.locator('[data-testid="quantize-ops"] [data-op="DEQUANTIZE"]')).toHaveCount(1);
      for (const c of out.checks) expect(['ok', 'refused']).toContain(c.state);
      expect(out.checks.find((c) => c.runtime === 'litert')!.state).toBe('ok');
      await page.getByTestId('to-accuracy').click();
      await page.waitForURL(/labs\/accuracy\/\?handoff=quantizer/);
      const { count, n } = await accuracyAgreement(page);
      expect(n).toBe(100);
      expect(count).toBeGreaterThanOrEqual(99);
    });

    for (const [mode, ref] of [['int8', 'float-io'], ['int8-io', 'uint8-io']] as const) {
      test(`${mode}: same ops and types as TFLite's quantizer, weights within one level, scales within 1%, zero points within 1, size within 2%`, async ({ page }) => {
        // Calibration on 100 photos, then 2 x 100 classifications in the accuracy lab: minutes on a busy 2-core machine.
        test.setTimeout(900_000);
        test.skip(!existsSync(REFERENCE_DIR), `no reference files in ${REFERENCE_DIR}`);
        const out = await quantize(page, { model, mode, calibration: '100' });
        const reference = new Uint8Array(readFileSync(join(REFERENCE_DIR, REFERENCE[model]![ref])));
        const diff = compareWithReference(out.bytes, reference);
        expect(diff.ops.differences, 'op differences').toEqual([]);
        expect(diff.tensors.typeMismatches, 'type mismatches').toEqual([]);
        expect(diff.weights.worse, 'weights more than one level apart').toBe(0);
        // Biases follow from scales (int32 = round(bias / (input scale x weight scale))): a scale that
        // differs by 0.01 % moves a large bias by many levels, so the target is on the scales, not the biases.
        test.info().annotations.push({ type: 'reference diff', description: JSON.stringify({ weights: { equal: diff.weights.equal, offByOne: diff.weights.offByOne, worse: diff.weights.worse }, biases: { equal: diff.biases.equal, offByOne: diff.biases.offByOne, worse: diff.biases.worse, maxAbsDiff: diff.biases.maxAbsDiff }, maxScaleRelDiff: diff.activations.maxScaleRelDiff, maxZeroPointDiff: diff.activations.maxZeroPointDiff, size: diff.size }) });
        console.log(`${model} ${mode} vs reference: ${test.info().annotations.at(-1)!.description}`);
        expect(diff.activations.maxScaleRelDiff).toBeLessThanOrEqual(0.01);
        expect(diff.activations.maxZeroPointDiff).toBeLessThanOrEqual(1);
        expect(Math.abs(diff.size.relDiff)).toBeLessThanOrEqual(0.02);
        expect(diff.withinTargets).toBe(true);
        for (const c of out.checks) expect(c.state, c.text).toBe('ok');
        if (mode === 'int8') {
          // Top-1 agreement with the reference on the dev photos (accuracy lab: reference vs ours).
          await storeQuantizerHandoff(page, { name: REFERENCE[model]![ref], bytes: reference }, { name: `ours_${mode}.tflite`, bytes: out.bytes });
          await page.goto('labs/accuracy/?handoff=quantizer');
          const { count, n } = await accuracyAgreement(page);
          console.log(`${model} ${mode}: top-1 agrees with the reference on ${count} of ${n} dev photos`);
          expect(n).toBe(100);
          expect(count).toBeGreaterThanOrEqual(REFERENCE[model]!.agreement);
        }
      });
    }
  });
}

test.describe('a float16 file as the input', () => {
  test('the lab\'s own float16 MobileNet v1, downloaded and dropped back in: full integer on 8 dev photos expands its weights first, and both runtimes run the result', async ({ page }) => {
    test.setTimeout(420_000);
    const half = await quantize(page, { model: V1, mode: 'float16' });
    const halfModel = parseTflite(half.bytes);
    const stored = halfModel.subgraphs[0]!.tensors.filter((t) => t.dtype === 'float16' && t.data).length;
    expect(stored).toBeGreaterThan(10);

    const model = parseTflite(await fullIntegerOnFile(page, 'mobilenet_v1_fp16.tflite', half.bytes, 'minus-one-to-one'));
    const tensors = model.subgraphs[0]!.tensors;
    expect(tensors.filter((t) => t.dtype === 'float16')).toEqual([]);
    expect(tensors.filter((t) => t.dtype === 'int8' && t.data).length).toBeGreaterThan(10);
    // Only the two edge ops convert: QUANTIZE in, DEQUANTIZE out (the float16 file's DEQUANTIZE ops are gone).
    const ops = model.subgraphs[0]!.operators.map((o) => o.opcode);
    expect(ops.filter((o) => o === 'QUANTIZE' || o === 'DEQUANTIZE')).toEqual(['QUANTIZE', 'DEQUANTIZE']);
    const restored = page.getByTestId('quantize-restored');
    await expect(restored).toHaveAttribute('data-from', 'float16');
    await expect(restored).toHaveAttribute('data-count', String(stored));
    await expect(restored).toContainText(`This file stores ${stored} weight tensors as float16`);
    await expect(page.locator('[data-testid="quantize-ops"] [data-op="DEQUANTIZE"]')).toHaveAttribute('data-before', String(stored));
    await expectBothRuntimesRun(page, 'mobilenet_v1_fp16.tflite');
  });
});

test.describe('bad input', () => {
  test('a file that is not a model, an already quantized model and an unsupported op each get a clear message; the page keeps working', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('labs/quantizer/');
    const lab = page.getByTestId('quantizer-lab');
    const modelStatus = page.getByTestId('quantize-model-status');
    const status = page.getByTestId('quantize-status');
    await expect(modelStatus).toHaveAttribute('data-state', 'ready');

    // 1. A photo is not a .tflite file.
    await lab.getByTestId('quantize-file').setInputFiles({ name: 'grace_hopper.jpg', mimeType: 'image/jpeg', buffer: readFileSync(join(import.meta.dirname, '../../public/images/grace_hopper.jpg')) });
    await expect(modelStatus).toHaveAttribute('data-state', 'error');
    await expect(modelStatus).toContainText('“grace_hopper.jpg” is not a TensorFlow Lite model');

    // 2. An already quantized model: refused as soon as it is opened, with what to do instead.
    await lab.getByTestId('quantize-file').setInputFiles({ name: 'v1_uint8.tflite', mimeType: 'application/octet-stream', buffer: readFileSync(join(import.meta.dirname, '../../public/models/mobilenet_v1_0.25_224_quant.tflite')) });
    await expect(modelStatus).toHaveAttribute('data-state', 'error');
    await expect(modelStatus).toContainText('“v1_uint8.tflite” is already quantized');
    await expect(modelStatus).toContainText('open its float version');
    await expect(lab.locator('button.bl-primary')).toBeDisabled();

    // 2b. A model with a custom operator: no setting can rewrite it, and the page says so at once.
    await lab.getByTestId('quantize-file').setInputFiles({ name: 'ssd_mobilenet_v1.tflite', mimeType: 'application/octet-stream', buffer: readFileSync(join(import.meta.dirname, '../../public/byo/ssd_mobilenet_v1.tflite')) });
    await expect(modelStatus).toHaveAttribute('data-state', 'error');
    await expect(modelStatus).toContainText('uses the operator TFLite_Detection_PostProcess');
    await expect(modelStatus).toContainText('none of its settings can quantize this model');
    await expect(lab.locator('button.bl-primary')).toBeDisabled();
    // The run's status line says what unlocks Quantize, not "press Quantize".
    await expect(status).toContainText('once step 1 has a float model');

    // 3. An operator the int8 settings cannot quantize (SIN, in a model built with the project's writer).
    await lab.getByTestId('quantize-file').setInputFiles({ name: 'conv_sin.tflite', mimeType: 'application/octet-stream', buffer: Buffer.from(modelWithSin()) });
    await expect(modelStatus).toHaveAttribute('data-state', 'ready');
    await lab.locator('input[name="mode"][value="int8"]').check();
    await lab.locator('input[name="norm"][value="zero-to-one"]').check();
    await lab.locator('button.bl-primary').click();
    await expect(status).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
    await expect(status).toContainText('The operator SIN cannot be quantized with the setting “full integer”');
    await expect(status).toContainText('Dynamic range and float16 change only weights');
    // The other settings still work on the same file.
    await lab.locator('input[name="mode"][value="dynamic"]').check();
    await lab.locator('button.bl-primary').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });

    // 4. And a site model still quantizes afterwards.
    await lab.getByTestId('quantize-model').selectOption(V1);
    await expect(modelStatus).toHaveAttribute('data-state', 'ready');
    await lab.locator('input[name="mode"][value="float16"]').check();
    await lab.locator('button.bl-primary').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await expect(page.getByTestId('quantize-download')).toHaveAttribute('href', /^blob:/);
  });

  test('the Japanese page explains the same failures in Japanese', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('ja/labs/quantizer/');
    const lab = page.getByTestId('quantizer-lab');
    await expect(page.getByTestId('quantize-model-status')).toHaveAttribute('data-state', 'ready');
    await lab.getByTestId('quantize-file').setInputFiles({ name: 'conv_sin.tflite', mimeType: 'application/octet-stream', buffer: Buffer.from(modelWithSin()) });
    await lab.locator('input[name="mode"][value="int8-io"]').check();
    await lab.locator('button.bl-primary').click();
    const status = page.getByTestId('quantize-status');
    await expect(status).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
    await expect(status).toContainText('演算子 SIN は「入出力も整数の完全整数」の設定では量子化できない');
    // A custom operator is refused when the file is opened, in Japanese too.
    const modelStatus = page.getByTestId('quantize-model-status');
    await lab.getByTestId('quantize-file').setInputFiles({ name: 'ssd_mobilenet_v1.tflite', mimeType: 'application/octet-stream', buffer: readFileSync(join(import.meta.dirname, '../../public/byo/ssd_mobilenet_v1.tflite')) });
    await expect(modelStatus).toHaveAttribute('data-state', 'error');
    await expect(modelStatus).toContainText('どの設定でもこのモデルは量子化できません');
  });

  test('own photos: calibration runs in a worker, and files that are not usable photos are skipped with a reason', async ({ page }) => {
    test.setTimeout(180_000);
    const dev = join(import.meta.dirname, '../../public/imagenet-dev');
    const jpeg = readFileSync(join(dev, 'n01440764_tench.JPEG'));
    const files = [
      ...['n01530575_brambling.JPEG', 'n01601694_water_ouzel.JPEG'].map((name) => ({ name, mimeType: 'image/jpeg', buffer: readFileSync(join(dev, name)) })),
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') },
      { name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>') },
      { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
      // A JPEG cut off after its header: the browser cannot decode any of its picture.
      { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: jpeg.subarray(0, 600) },
    ];
    for (const [lang, expected] of [
      ['', { svg: 'SVG files are vector drawings', 'not-image': 'not an image this browser can read', empty: 'That file is empty', corrupt: 'could not decode that image' }],
      ['ja/', { svg: 'SVG は写真ではなくベクター図形です', 'not-image': 'このブラウザーで読める画像ファイルではありません', empty: 'ファイルが空です', corrupt: 'この画像をデコードできませんでした' }],
    ] as const) {
      await page.goto(`${lang}labs/quantizer/?model=${V1}&mode=int8`);
      const lab = page.getByTestId('quantizer-lab');
      await expect(page.getByTestId('quantize-model-status')).toHaveAttribute('data-state', 'ready');
      await lab.locator('input[name="photos"][value="own"]').check();
      await lab.getByTestId('calibration-files').setInputFiles(files);
      await lab.locator('button.bl-primary').click();
      const status = page.getByTestId('quantize-status');
      await expect(status).toHaveAttribute('data-state', /done|error/, { timeout: 120_000 });
      expect(await status.getAttribute('data-state'), await status.innerText()).toBe('done');
      // LiteRT.js (the default runtime) ran the calibration model in its worker, not on the page.
      await expect(page.getByTestId('quantize-timing')).toHaveAttribute('data-inference-in-worker', 'true');
      const skipped = page.getByTestId('quantize-skipped');
      const items = skipped.locator('li');
      const names = await items.locator('strong').allInnerTexts();
      expect(names.sort()).toEqual(['cut.jpg', 'drawing.svg', 'empty.jpg', 'notes.txt']);
      await expect(items.filter({ hasText: 'drawing.svg' })).toContainText(expected.svg);
      await expect(items.filter({ hasText: 'notes.txt' })).toContainText(expected['not-image']);
      await expect(items.filter({ hasText: 'empty.jpg' })).toContainText(expected.empty);
      await expect(items.filter({ hasText: 'cut.jpg' })).toContainText(expected.corrupt);
      await expect(page.getByTestId('quantize-download')).toHaveAttribute('href', /^blob:/);
    }
  });

  test('a float model that takes no photo (token ids): weight settings work, the run check feeds valid ids, full integer says it needs a dataset of token ids', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('labs/quantizer/');
    const lab = page.getByTestId('quantizer-lab');
    const status = page.getByTestId('quantize-status');
    await openOwnModel(page, 'movie_review.tflite', MOVIE_REVIEW());
    for (const mode of ['dynamic', 'float16']) {
      await lab.locator(`input[name="mode"][value="${mode}"]`).check();
      await lab.locator('button.bl-primary').click();
      await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      const checks = page.getByTestId('runtime-check');
      for (const c of await checks.all()) await expect(c).toHaveAttribute('data-state', /ok|refused/, { timeout: 60_000 });
      // LiteRT.js runs both files when it is given int32 token ids (a float input would be refused).
      const litert = checks.and(page.locator('[data-runtime="litert"]'));
      expect(await litert.getAttribute('data-state'), await litert.innerText()).toBe('ok');
      // Token ids are not a photo: the hint does not claim a photo.
      await expect(page.getByTestId('quantize-result')).toContainText('on made-up inputs of the model’s own types and shapes');
      await expect(page.getByTestId('quantize-result')).not.toContainText('Grace Hopper');
    }
    await lab.locator('input[name="mode"][value="int8"]').check();
    await lab.locator('button.bl-primary').click();
    await expect(status).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
    // Every operator has an int8 kernel (GATHER included), but calibration feeds photos: the page says what it would need.
    await expect(status).toContainText('Calibration feeds photos, but this model’s input is int32 [1, 256]');
  });

  test('runs in a row without waiting for the run checks: the page keeps working, and each check compares with the float model', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('labs/quantizer/');
    const lab = page.getByTestId('quantizer-lab');
    const status = page.getByTestId('quantize-status');
    await openOwnModel(page, 'movie_review.tflite', MOVIE_REVIEW());
    // No wait for the run checks between runs (overlapping checks crashed the tab in LiteRT.js in a faster script; checks now take turns).
    for (const mode of ['dynamic', 'float16', 'int8']) {
      await lab.locator(`input[name="mode"][value="${mode}"]`).check();
      await lab.locator('button.bl-primary').click();
      await expect(status).toHaveAttribute('data-state', mode === 'int8' ? 'error' : 'done', { timeout: 60_000 });
    }
    await lab.locator('input[name="mode"][value="float16"]').check();
    await lab.locator('button.bl-primary').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const checks = page.getByTestId('runtime-check');
    for (const c of await checks.all()) {
      await expect(c).toHaveAttribute('data-state', /ok|refused/, { timeout: 60_000 });
      expect(await c.getAttribute('data-state'), await c.innerText()).toBe('ok');
      // Synthetic token ids through both models: float16 weights change the two scores by far less than their span.
      expect(Number(await c.getAttribute('data-max-relative-diff'))).toBeLessThan(0.05);
      await expect(c).toHaveAttribute('data-top-same', 'true');
    }
    await lab.locator('input[name="mode"][value="dynamic"]').check();
    await lab.locator('button.bl-primary').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  });

  test('a float model through SPLIT, MAXIMUM, PADV2, TRANSPOSE_CONV, LOG_SOFTMAX, GATHER and ARG_MAX: full integer calibrates, and both runtimes run the file', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('labs/quantizer/');
    // The second copy has all-zero weights: every activation is always 0, a range of width 0.
    for (const [name, bytes] of [['op_zoo.tflite', opZooNet()], ['op_zoo_dead.tflite', opZooNet(() => 0.5)]] as const) {
      const model = parseTflite(await fullIntegerOnFile(page, name, bytes, 'zero-to-one'));
      const ops = model.subgraphs[0]!.operators.map((o) => o.opcode);
      expect(ops).toEqual(expect.arrayContaining(['SPLIT', 'MAXIMUM', 'PADV2', 'TRANSPOSE_CONV', 'LOG_SOFTMAX', 'GATHER', 'ARG_MAX']));
      await expectBothRuntimesRun(page, name);
      // And each still computes what the float model computes: on the probe photo, within a few output
      // steps (LOG_SOFTMAX's fixed step is 1/16), and the same ARG_MAX.
      for (const c of await page.getByTestId('runtime-check').all()) {
        expect(Number(await c.getAttribute('data-max-relative-diff')), name).toBeLessThan(0.1);
        await expect(c).toHaveAttribute('data-integers-equal', '1/1');
      }
    }
  });

  test('cancelling a calibration stops it and leaves the lab ready; focus follows the run from the keyboard', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`labs/quantizer/?model=${V2}&mode=int8`);
    const lab = page.getByTestId('quantizer-lab');
    const status = page.getByTestId('quantize-status');
    const run = lab.getByRole('button', { name: 'Quantize', exact: true });
    const cancel = lab.getByRole('button', { name: 'Cancel' });
    await expect(page.getByTestId('quantize-model-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    // The runtime picker says what it is for.
    await expect(lab.getByRole('combobox', { name: 'Calibrate with' })).toBeVisible();
    // The four settings are one named group for a screen reader.
    await expect(lab.getByRole('radiogroup', { name: '2. Converter setting' }).getByRole('radio')).toHaveCount(4);
    // Started from the keyboard, the disabled Quantize button hands focus to Cancel...
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(status).toContainText('Calibrating', { timeout: 60_000 });
    await expect(cancel).toBeFocused();
    // ...so Enter again cancels, and focus comes back to Quantize.
    await page.keyboard.press('Enter');
    await expect(status).toHaveAttribute('data-state', 'idle');
    await expect(status).toContainText('Cancelled');
    await expect(run).toBeFocused();
    await lab.locator('input[name="mode"][value="dynamic"]').check();
    await run.click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    // A finished run leaves focus on Quantize too, not on the page's body.
    await expect(run).toBeFocused();
    // The note on hybrid operators links to the lesson section that measures them, and that section exists.
    await page.getByTestId('quantize-hybrid').getByRole('link').click();
    await expect(page).toHaveURL(/lessons\/how-much-faster\/#why-dynamic-range-is-slow-in-the-browser$/);
    await expect(page.locator('[id="why-dynamic-range-is-slow-in-the-browser"]')).toBeVisible();
  });

  test('a reader who scrolls away during a keyboard-started run is not pulled back up when focus returns to Quantize', async ({ page }) => {
    test.setTimeout(180_000);
    // A short window: scrolled to the end of the page, the lab's buttons are out of sight.
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(`labs/quantizer/?model=${V2}&mode=int8&calibration=30`);
    const lab = page.getByTestId('quantizer-lab');
    const status = page.getByTestId('quantize-status');
    const run = lab.getByRole('button', { name: 'Quantize', exact: true });
    await expect(page.getByTestId('quantize-model-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(status).toContainText('Calibrating', { timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(run).not.toBeInViewport();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    await expect(run).toBeFocused();
    await expect(run).not.toBeInViewport();
  });

  test('the result: the download link has the site’s link colour in both themes, and every size has its label', async ({ page }) => {
    test.setTimeout(120_000);
    for (const theme of ['light', 'dark']) {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(`labs/quantizer/?model=${V1}&mode=float16&autorun=1`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByTestId('quantize-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      const colour = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).color);
      // Starlight styles links only outside .not-content; the lab's link must not fall back to the browser's blue.
      expect(await colour('[data-testid="quantize-download"]')).toBe(await colour('.sl-markdown-content a[href]:not(.not-content *)'));
      for (const dt of await page.locator('.q-sizes dt').allInnerTexts()) expect(dt.trim()).not.toBe('');
      await expect(page.getByTestId('quantize-result')).toContainText('on the photo of Grace Hopper, which calibration never uses');
    }
  });
});

test('axe finds no serious problem in a full-integer result, in the dark theme, in Japanese (the sideways-scrolling Python included)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto(`ja/labs/quantizer/?model=${V1}&mode=int8-io&calibration=5&autorun=1`);
  await expect(page.getByTestId('quantize-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  for (const c of await page.getByTestId('runtime-check').all()) await expect(c).toHaveAttribute('data-state', /ok|refused/, { timeout: 60_000 });
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="quantizer-lab"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('Japanese result: sentences join without a space after 。, and the hybrid note links to the Japanese lesson section', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`ja/labs/quantizer/?model=${V1}&mode=dynamic&autorun=1`);
  await expect(page.getByTestId('quantize-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const hybrid = page.getByTestId('quantize-hybrid');
  await expect(hybrid).toContainText('速さはランタイムによって違います');
  expect(await hybrid.innerText()).not.toContain('。 ');
  await hybrid.getByRole('link').click();
  await expect(page).toHaveURL(/\/ja\/lessons\/how-much-faster\/#/);
  await expect(page.locator('[id="ブラウザーでダイナミックレンジが遅い理由"]')).toBeVisible();
});

test('integer input and output: the result gives the app the formula, with the scale and zero point written in the file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`labs/quantizer/?model=${V1}&mode=int8-io&calibration=5&autorun=1`);
  await expect(page.getByTestId('quantize-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const model = parseTflite(await downloadQuantized(page));
  const sg = model.subgraphs[0]!;
  const io = [...sg.inputs, ...sg.outputs].map((i) => sg.tensors[i]!.quantization!);
  const formulas = page.getByTestId('quantize-io-formula');
  await expect(formulas).toHaveCount(2);
  for (const [i, q] of io.entries()) {
    const scale = Number(q.scale[0]!.toPrecision(6));
    await expect(formulas.nth(i)).toContainText(i === 0 ? `q = round(real / ${scale} + ${q.zeroPoint[0]})` : `real = (q − ${q.zeroPoint[0]}) × ${scale}`);
  }
});

test.describe('settings comparison (how-much-faster lesson)', () => {
  test('fits the lesson column without a hidden scroll, names float as the reference, and gives focus back', async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const cmp = await openLab(page, 'lessons/how-much-faster/', 'settings-comparison');
    const run = cmp.getByRole('button', { name: 'Quantize and measure' });
    await run.click();
    await expect(page.getByTestId('comparison-status')).toHaveAttribute('data-state', /done|message/, { timeout: 240_000 });
    await expect(page.getByTestId('comparison-status')).toHaveAttribute('data-state', 'done');
    // Four settings x two runtimes of figures: the table becomes one card per setting instead of scrolling sideways.
    const wrap = cmp.locator('.bl-table-wrap');
    const { scrollWidth, clientWidth } = await wrap.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // The float row is the reference of every speed-up: said in words, not a bare "1".
    const floatSpeedups = cmp.locator('tr[data-setting="float"] td[data-column="speedup"]');
    await expect(floatSpeedups).toHaveCount(2);
    for (const cell of await floatSpeedups.all()) await expect(cell).toHaveText('1× (the reference)');
    await expect(run).toBeFocused();
  });
});
