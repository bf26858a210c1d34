// Screenshots for looking at (not a test of behaviour): /tmp/shots-byo/.
import { readFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { builtModels } from '../fixtures/byo-models.ts';

const shots: [string, () => Buffer, (page: Page) => Promise<void>][] = [
  ['detector', () => readFileSync('public/byo/ssd_mobilenet_v1.tflite'), async (page) => {
    await page.getByTestId('try-sample').selectOption('multi_objects');
    await page.getByTestId('try-run').click();
    await page.getByTestId('try-canvas').waitFor({ timeout: 60000 });
  }],
  ['audio', () => readFileSync('public/byo/yamnet_wavin_quantized_mel_relu6.tflite'), async () => {}],
  ['text', () => readFileSync('public/byo/movie_review.tflite'), async () => {}],
  ['flex', () => Buffer.from(builtModels['test_flex.tflite']!()), async () => {}],
];

for (const lang of ['en', 'ja']) {
  for (const width of [1280, 390]) {
    test(`shots ${lang} ${width}`, async ({ page }) => {
      test.setTimeout(240000);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(lang === 'ja' ? '/ja/labs/inspector/' : '/labs/inspector/');
      await page.getByTestId('inspector').scrollIntoViewIfNeeded();
      await page.getByTestId('report').waitFor();
      for (const [name, bytes, act] of shots) {
        await page.getByTestId('file-input').setInputFiles({ name: `${name}.tflite`, mimeType: 'application/octet-stream', buffer: bytes() });
        await page.getByTestId('status').filter({ hasText: `${name}.tflite` }).waitFor();
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="runtime-trials"] li[data-status="pending"]').length === 0, null, { timeout: 60000 });
        await act(page);
        await page.getByTestId('inspector').screenshot({ path: `/tmp/shots-byo/${name}-${lang}-${width}.png` });
      }
    });
  }
}
