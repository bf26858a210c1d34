// The model inspector in a real browser: site models, a user's file, bad files, the checklist.
// What the page shows is checked against the file itself (parsed here in Node) and against the
// models' documentation (../shared/assets/README.md).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openLab } from './fixtures.ts';
import { parseTflite, inputTensors, outputTensors } from '../../src/lib/tflite/reader.ts';
import { HANDOFF_DB, HANDOFF_KEY, HANDOFF_STORE } from '../../src/lib/tflite/handoff.ts';

const file = (path: string) => readFileSync(`public/${path}`);

const openInspector = (page: Page, path = '/labs/inspector/') => openLab(page, path, 'inspector');

/** The rows of the I/O table as [dtype, shape, scale / zero point]. */
async function ioRow(page: Page, kind: 'input' | 'output') {
  const row = page.getByTestId(`io-${kind}`).first();
  return [await row.getByTestId('dtype').innerText(), await row.getByTestId('shape').innerText(), await row.getByTestId('quant').innerText()];
}

const shape = (s: number[]) => `[${s.join(', ')}]`;

test('shows a site model: dtype, shape and quantization as stored in the file', async ({ page, problems }) => {
  await openInspector(page);
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.getByTestId('status')).toContainText('mobilenet_v1_0.25_224_quant.tflite');
  // README: uint8 [1,224,224,3], scale 1/128, zero point 128; output uint8 [1,1001], scale 1/256, zero point 0.
  expect(await ioRow(page, 'input')).toEqual(['uint8', '[1, 224, 224, 3]', '0.0078125 / 128']);
  expect(await ioRow(page, 'output')).toEqual(['uint8', '[1, 1001]', '0.00390625 / 0']);
  await expect(page.getByTestId('io-input')).toContainText('(q − 128) / 128');
  await expect(page.getByTestId('normalization')).toHaveAttribute('data-source', 'metadata');
  await expect(page.getByTestId('feed')).toContainText('raw 0–255 pixels');
  await expect(page.getByTestId('labels')).toContainText('1001 labels');
  await expect(page.getByTestId('run-classifier')).toHaveAttribute('href', /\/labs\/classifier\/\?pair=v1-025$/);
  // Compared with its own pair (issue 12), not with an unrelated default.
  await expect(page.getByTestId('run-benchmark')).toHaveAttribute('href', /\/labs\/benchmark\/\?model=mobilenet_v1_0.25_224_uint8&model=mobilenet_v1_0.25_224_float$/);

  // Another site model, compared with the same file parsed in Node.
  await page.getByTestId('site-model').selectOption('mobilenet_v2_1.0_224_int8');
  await expect(page.getByTestId('status')).toContainText('tf2_mobilenet_v2_1.0_224_ptq.tflite');
  const model = parseTflite(new Uint8Array(file('models/tf2_mobilenet_v2_1.0_224_ptq.tflite')));
  const input = inputTensors(model)[0]!;
  const output = outputTensors(model)[0]!;
  expect(await ioRow(page, 'input')).toEqual([input.dtype, shape(input.shape), `${Number(input.quantization!.scale[0]!.toPrecision(7))} / ${input.quantization!.zeroPoint[0]}`]);
  expect(await ioRow(page, 'output')).toEqual([output.dtype, shape(output.shape), `${output.quantization!.scale[0]} / ${output.quantization!.zeroPoint[0]}`]);
  await expect(page.getByTestId('io-input')).toContainText('(q − 127) / 127.5');
  // The output's QUANTIZE is looked through: the numbers come from the softmax.
  await expect(page.getByTestId('advice-output')).toContainText('SOFTMAX');

  // The derived float32 twin: float in, float out, no quantization.
  await page.getByTestId('site-model').selectOption('mobilenet_v2_1.0_224_float_twin');
  await expect(page.getByTestId('status')).toContainText('mobilenet_v2_1.0_224_float_twin.tflite');
  expect(await ioRow(page, 'input')).toEqual(['float32', '[1, 224, 224, 3]', '—']);
  expect(await ioRow(page, 'output')).toEqual(['float32', '[1, 1001]', '—']);
  await expect(page.getByTestId('normalization')).toHaveAttribute('data-source', 'site');
  await expect(page.getByTestId('site-model').locator('option:checked')).toContainText('derived twin');
  void problems;
});

test('reads a dropped file and hands it to the benchmark', async ({ page, problems }) => {
  await openInspector(page);
  await expect(page.getByTestId('report')).toBeVisible();
  const name = 'mobilenet_v1_0.25_224_1_metadata_1.tflite';
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: file(`models/${name}`) });
  await expect(page.getByTestId('status')).toContainText(name);
  expect(await ioRow(page, 'input')).toEqual(['float32', '[1, 224, 224, 3]', '—']);
  expect(await ioRow(page, 'output')).toEqual(['float32', '[1, 1001]', '—']);
  await expect(page.getByTestId('normalization')).toHaveAttribute('data-source', 'metadata');
  await expect(page.getByTestId('feed')).toContainText('(pixel − 127.5) / 127.5');
  await expect(page.getByTestId('labels')).toContainText('1001 labels are embedded in the file as “labels.txt”');
  await expect(page.getByTestId('site-model')).toHaveValue('');

  // A file without metadata: normalisation cannot be known, and the inspector says so.
  const plain = 'mobilenet_v1_0.25_224_1_default_1.tflite';
  await page.getByTestId('file-input').setInputFiles({ name: plain, mimeType: 'application/octet-stream', buffer: file(`models/${plain}`) });
  await expect(page.getByTestId('status')).toContainText(plain);
  await expect(page.getByTestId('normalization')).toHaveAttribute('data-source', 'unknown');
  await expect(page.getByTestId('labels')).toContainText('No label file is embedded');

  await page.getByTestId('send-benchmark').click();
  await page.waitForURL(/\/labs\/benchmark\/\?handoff=inspector$/);
  const stored = await page.evaluate(
    ([db, store, key]) =>
      new Promise<{ name: string; size: number }>((resolve, reject) => {
        const open = indexedDB.open(db!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(store!).objectStore(store!).get(key!);
          get.onsuccess = () => resolve({ name: get.result.name, size: (get.result.bytes as ArrayBuffer).byteLength });
          get.onerror = () => reject(get.error);
        };
      }),
    [HANDOFF_DB, HANDOFF_STORE, HANDOFF_KEY],
  );
  expect(stored).toEqual({ name: plain, size: file(`models/${plain}`).length });
  void problems;
});

test('bad files get a specific message and the inspector keeps working', async ({ page, problems }) => {
  await openInspector(page);
  await expect(page.getByTestId('report')).toBeVisible();
  const input = page.getByTestId('file-input');
  const status = page.getByTestId('status');

  await input.setInputFiles({ name: 'photo.tflite', mimeType: 'application/octet-stream', buffer: file('images/grace_hopper.jpg') });
  await expect(status).toContainText('“photo.tflite” is not a TensorFlow Lite model');
  await expect(page.getByTestId('report')).toHaveCount(0);

  const model = file('models/mobilenet_v1_0.25_224_quant.tflite');
  await input.setInputFiles({ name: 'cut.tflite', mimeType: 'application/octet-stream', buffer: model.subarray(0, 4000) });
  await expect(status).toContainText('“cut.tflite” looks like a TensorFlow Lite model, but it is truncated or damaged');

  await input.setInputFiles({ name: 'tiny.tflite', mimeType: 'application/octet-stream', buffer: Buffer.from([1, 2, 3]) });
  await expect(status).toContainText('“tiny.tflite” is too small');

  // Still working: a good file right after.
  await input.setInputFiles({ name: 'good.tflite', mimeType: 'application/octet-stream', buffer: model });
  await expect(page.getByTestId('report')).toBeVisible();
  expect(await ioRow(page, 'input')).toEqual(['uint8', '[1, 224, 224, 3]', '0.0078125 / 128']);
  void problems;
});

test('Japanese page: messages in Japanese, and the next steps stay in Japanese', async ({ page, problems }) => {
  await openInspector(page, '/ja/labs/inspector/');
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.getByTestId('feed')).toContainText('そのまま渡します');
  await expect(page.getByTestId('run-benchmark')).toHaveAttribute('href', /^\/ja\/labs\/benchmark\/\?model=/);
  await expect(page.getByTestId('run-classifier')).toHaveAttribute('href', /^\/ja\/labs\/classifier\/\?pair=/);
  // A dropped file is handed to the Japanese benchmark lab.
  const name = 'mobilenet_v1_0.25_224_1_default_1.tflite';
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: file(`models/${name}`) });
  await expect(page.getByTestId('status')).toContainText(name);
  await page.getByTestId('send-benchmark').click();
  await page.waitForURL(/\/ja\/labs\/benchmark\/\?handoff=inspector$/);
  await openInspector(page, '/ja/labs/inspector/');
  await expect(page.getByTestId('report')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles({ name: 'photo.tflite', mimeType: 'application/octet-stream', buffer: file('images/grace_hopper.jpg') });
  await expect(page.getByTestId('status')).toContainText('「photo.tflite」は TensorFlow Lite モデルではありません');
  void problems;
});

test('the handoff checklist copies as Markdown', async ({ page, context, problems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openInspector(page);
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.locator('[data-testid="runtime-trials"] li[data-status="pending"]')).toHaveCount(0);
  const markdown = await page.getByTestId('checklist').innerText();
  expect(markdown).toMatch(/^## Handoff: mobilenet_v1_0\.25_224_quant\.tflite/);
  expect(markdown).toContain('- [ ] Kind: Image classifier (certain)');
  expect(markdown).toContain('- [ ] Input 0 `input` uint8 [1, 224, 224, 3]: Resize to 224 × 224 pixels');
  expect(markdown).toContain('- [ ] Output 0 `MobilenetV1/Predictions/Reshape_1` uint8 [1, 1001]: 1001 class probabilities (SOFTMAX inside the model)');
  expect(markdown).toContain('real value = q / 256');
  expect(markdown).toContain('1001 labels are embedded in the file as “labels.txt”');
  expect(markdown).toMatch(/- \[ \] Browser: LiteRT\.js \(@litertjs\/core\): loads \(\d+ ms\) and runs on generated inputs\./);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe(markdown.trim());
  void problems;
});
