// The quantization explorer in a real browser: the numbers it shows equal an independent
// recomputation here (from the same model file, with a few lines of arithmetic that do not use
// src/lib/quant), the official panel shows exactly what the uint8 file stores, and everything
// works from the keyboard in both languages.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, openLab, test } from './fixtures.ts';
import manifest from '../../assets.manifest.json' with { type: 'json' };
import { parseTflite } from '../../src/lib/tflite/reader.ts';
import type { TfliteModel, TfliteTensor } from '../../src/lib/tflite/types.ts';

const fileOf = (id: string) => manifest.models.find((m) => m.id === id)!.file;
const floatModel = parseTflite(new Uint8Array(readFileSync(`public/${fileOf('mobilenet_v1_0.25_224_float')}`)));
const uint8Model = parseTflite(new Uint8Array(readFileSync(`public/${fileOf('mobilenet_v1_0.25_224_uint8')}`)));

interface Weights {
  tensor: TfliteTensor;
  /** Output-channel axis: 0 for CONV_2D [out,h,w,in], 3 for DEPTHWISE_CONV_2D [1,h,w,out]. */
  axis: number;
}

/** Weight tensor (input 1) of the k-th CONV_2D / DEPTHWISE_CONV_2D operator. */
function weightTensor(model: TfliteModel, k: number): Weights {
  const sg = model.subgraphs[0]!;
  const ops = sg.operators.filter((op) => op.opcode === 'CONV_2D' || op.opcode === 'DEPTHWISE_CONV_2D');
  const op = ops[k]!;
  return { tensor: sg.tensors[op.inputs[1]!]!, axis: op.opcode === 'DEPTHWISE_CONV_2D' ? 3 : 0 };
}

function floats(t: TfliteTensor): Float32Array {
  const d = t.data!;
  return new Float32Array(d.slice().buffer); // slice copies, so the view is aligned
}

/** Independent recomputation: TFLite conventions, min/max ranges, SQNR in dB. */
function expected({ tensor: t, axis }: Weights, bits: number, symmetric: boolean, perChannel: boolean) {
  const x = floats(t);
  const channels = perChannel ? t.shape[axis]! : 1;
  const stride = t.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const ch = (i: number) => (perChannel ? Math.floor(i / stride) % channels : 0);
  const qmin = symmetric ? -(2 ** (bits - 1) - 1) : 0;
  const qmax = symmetric ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  const lo = new Array(channels).fill(0);
  const hi = new Array(channels).fill(0);
  x.forEach((v, i) => {
    lo[ch(i)] = Math.min(lo[ch(i)], v);
    hi[ch(i)] = Math.max(hi[ch(i)], v);
  });
  const scale = lo.map((l, c) =>
    Math.fround(symmetric ? Math.max(-l, hi[c]) / qmax : (hi[c] - l) / (qmax - qmin)),
  );
  const zp = lo.map((l, c) => (symmetric ? 0 : Math.min(qmax, Math.max(qmin, Math.round(qmin - l / scale[c]!)))));
  let signal = 0;
  let noise = 0;
  let maxAbs = 0;
  x.forEach((v, i) => {
    const c = ch(i);
    const r = v / scale[c]!;
    const q = Math.min(qmax, Math.max(qmin, Math.sign(r) * Math.round(Math.abs(r)) + zp[c]!));
    const e = v - (q - zp[c]!) * scale[c]!;
    signal += v * v;
    noise += e * e;
    maxAbs = Math.max(maxAbs, Math.abs(e));
  });
  return { scale, zp, sqnr: 10 * Math.log10(signal / noise), maxAbs };
}

const numbers = async (el: Locator) => (await el.getAttribute('data-value'))!.split(',').map(Number);

async function openExplorer(page: Page, path: string) {
  const explorer = await openLab(page, path, 'quant-explorer');
  await expect(explorer).toHaveAttribute('data-ready', 'true');
  await expect(explorer.getByTestId('qx-histogram').locator('svg')).toBeVisible();
  return explorer;
}

async function layerIndex(explorer: Locator): Promise<number> {
  return Number(await explorer.getByRole('combobox').first().inputValue());
}

async function expectShown(explorer: Locator, t: Weights, bits: number, symmetric: boolean, perChannel: boolean) {
  const want = expected(t, bits, symmetric, perChannel);
  await expect(explorer.getByTestId('qx-bits')).toContainText(String(bits));
  const scale = await numbers(explorer.getByTestId('qx-scale'));
  const zp = await numbers(explorer.getByTestId('qx-zp'));
  expect(scale).toHaveLength(want.scale.length);
  scale.forEach((s, c) => expect(s).toBeCloseTo(want.scale[c]!, 12));
  expect(zp).toEqual(want.zp);
  const [sqnr] = await numbers(explorer.getByTestId('qx-sqnr'));
  expect(sqnr).toBeCloseTo(want.sqnr, 3);
  const [maxAbs] = await numbers(explorer.getByTestId('qx-maxabs'));
  expect(maxAbs).toBeCloseTo(want.maxAbs, 6);
  // The visible text is the same number, rounded to one decimal.
  await expect(explorer.getByTestId('qx-sqnr')).toHaveText(new RegExp(`^${want.sqnr.toFixed(1).replace('-', '−')} dB$`));
  return want;
}

test.describe('quantization explorer', () => {
  test('shows what the model files say and what quantization does, in English', async ({ page, problems }) => {
    const explorer = await openExplorer(page, '/labs/quantization-explorer/');
    await expect(page.locator('h1')).toHaveText('Quantization explorer');
    const k = await layerIndex(explorer);
    const floatT = weightTensor(floatModel, k);
    const quantT = weightTensor(uint8Model, k);

    // Default: 8 bits, symmetric, per tensor.
    await expectShown(explorer, floatT, 8, true, false);

    // The official panel shows exactly the uint8 file's scale and zero point for the same layer.
    const official = explorer.getByTestId('qx-official');
    expect(await numbers(official.getByTestId('qx-official-scale'))).toEqual(quantT.tensor.quantization!.scale);
    expect(await numbers(official.getByTestId('qx-official-zp'))).toEqual(quantT.tensor.quantization!.zeroPoint);
    await expect(official).toContainText(quantT.tensor.name);
    await expect(official.getByTestId('qx-official-recomputed')).toHaveAttribute('data-same', 'true');

    // Bits from 8 down to 2 with the keyboard: each step equals the recomputation and SQNR falls.
    const bits = explorer.getByRole('slider', { name: /Bit width/ });
    await bits.focus();
    let previous = Infinity;
    for (let b = 8; b >= 2; b--) {
      if (b < 8) await page.keyboard.press('ArrowLeft');
      const { sqnr } = await expectShown(explorer, floatT, b, true, false);
      expect(sqnr).toBeLessThan(previous);
      previous = sqnr;
    }
    // End back at 8 bits.
    await page.keyboard.press('End');
    await expectShown(explorer, floatT, 8, true, false);

    // Asymmetric and per channel, chosen with the keyboard.
    await explorer.getByRole('radio', { name: /Symmetric/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(explorer.getByRole('radio', { name: /Asymmetric/ })).toBeChecked();
    await expectShown(explorer, floatT, 8, false, false);
    await explorer.getByRole('radio', { name: /^Tensor/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(explorer.getByRole('radio', { name: /Output channel/ })).toBeChecked();
    const perChannel = await expectShown(explorer, floatT, 8, false, true);
    await expect(explorer.getByTestId('qx-channels')).toBeVisible();
    expect(perChannel.scale.length).toBe(floatT.tensor.shape[0]);

    // Per channel is at least as accurate as per tensor (fewer levels wasted on other channels' ranges).
    const perTensor = expected(floatT, 8, false, false);
    expect(perChannel.sqnr).toBeGreaterThanOrEqual(perTensor.sqnr);

    // The number line: the shown integer and value follow from the shown parameters.
    await explorer.getByRole('combobox', { name: /Histogram shows/ }).selectOption('0');
    const x = (await numbers(explorer.getByTestId('qx-steps').locator('[data-value]').first()))[0]!;
    const q = (await numbers(explorer.getByTestId('qx-q')))[0]!;
    const xHat = (await numbers(explorer.getByTestId('qx-xhat')))[0]!;
    const s0 = perChannel.scale[0]!;
    const z0 = perChannel.zp[0]!;
    expect(q).toBe(Math.min(255, Math.max(0, Math.round(x / s0) + z0)));
    expect(xHat).toBeCloseTo((q - z0) * s0, 12);
    expect(Math.abs(xHat - x)).toBeLessThanOrEqual(s0 / 2 + 1e-12);
    // Moving the probe with the keyboard moves the value.
    await explorer.getByRole('slider', { name: /Weight/ }).focus();
    await page.keyboard.press('Home');
    const xMin = (await numbers(explorer.getByTestId('qx-steps').locator('[data-value]').first()))[0]!;
    expect(xMin).toBeLessThan(x);

    // Another layer (a depthwise one) via the keyboard-operable select: numbers follow.
    const layerSelect = explorer.getByRole('combobox', { name: 'Layer' });
    await layerSelect.selectOption('1');
    const dw = weightTensor(floatModel, 1);
    expect(dw.axis).toBe(3);
    await expectShown(explorer, dw, 8, false, true);
    expect(await numbers(official.getByTestId('qx-official-zp'))).toEqual(weightTensor(uint8Model, 1).tensor.quantization!.zeroPoint);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('works in Japanese with the same numbers', async ({ page }) => {
    const explorer = await openExplorer(page, '/ja/labs/quantization-explorer/');
    await expect(page.locator('h1')).toHaveText('量子化エクスプローラー');
    await expect(explorer.getByRole('heading', { name: '公式 8 ビットモデルの同じレイヤー' })).toBeVisible();
    const k = await layerIndex(explorer);
    const floatT = weightTensor(floatModel, k);
    await expectShown(explorer, floatT, 8, true, false);
    const bits = explorer.getByRole('slider', { name: /ビット幅/ });
    await bits.focus();
    await page.keyboard.press('Home');
    await expectShown(explorer, floatT, 2, true, false);
    await explorer.getByRole('radio', { name: /非対称/ }).check();
    await explorer.getByRole('radio', { name: /出力チャネル単位/ }).check();
    await expectShown(explorer, floatT, 2, false, true);
    await expect(explorer.getByTestId('qx-official')).toContainText('TF1');
  });
});

test('a model file that is not a .tflite ends in a clear message, not a crash', async ({ page }) => {
  await page.route('**/models/mobilenet_v1_0.25_224_quant.tflite', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'this is not a flatbuffer' }),
  );
  await page.goto('/labs/quantization-explorer/');
  const explorer = page.getByTestId('quant-explorer');
  await explorer.scrollIntoViewIfNeeded();
  const alert = explorer.getByRole('alert');
  await expect(alert).toContainText('is not a TensorFlow Lite model');
  await expect(alert).toContainText('mobilenet_v1_0.25_224_quant.tflite');
  await expect(explorer).toHaveAttribute('data-ready', 'false');
  // The rest of the page still works.
  await expect(page.locator('h1')).toHaveText('Quantization explorer');
});
