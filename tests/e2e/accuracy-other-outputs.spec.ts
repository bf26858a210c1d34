// The accuracy lab with a pair that is not an ImageNet classifier: a 10-class image model built with
// the project's writer, quantized to full integer in the quantizer lab and handed over. Both files run
// on the dev photos (real Chromium, real WASM); the lab reports how often their top-1 agree and how far
// apart their outputs are, and claims no accuracy against the photos' ImageNet labels.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { seededRandom } from '../../src/lib/random.ts';
import { randomConvNet } from '../unit/quantize-fixtures.ts';
import { fullIntegerOnFile } from './quantizer-helpers.ts';

const PHOTOS = 20;
/** input [1, 28, 28, 3] -> CONV_2D ... FULLY_CONNECTED -> SOFTMAX [1, 10]: ten scores, not ImageNet's 1001. */
const tenClasses = () => randomConvNet(seededRandom(10), { size: 28, channels: 8, classes: 10 });

test.beforeEach(({ problems }) => {
  problems.allowConsole.push(/XNNPACK|NPU accelerator|WebGPU|GPU adapter|Blocking on the main thread/);
});

async function quantizeAndEvaluate(page: Page, lang: '' | 'ja/') {
  await page.goto(`${lang}labs/quantizer/`);
  await fullIntegerOnFile(page, 'digits_10.tflite', tenClasses(), 'zero-to-one');
  await page.getByTestId('to-accuracy').click();
  // The hand-off keeps the reader's language.
  await page.waitForURL(new RegExp(`/${lang}labs/accuracy/\\?handoff=quantizer`));
  await expect(page.getByTestId('accuracy-handoff')).toContainText('digits_10.tflite', { timeout: 60_000 });
  const lab = page.getByTestId('accuracy-lab');
  await lab.locator('input[name="photos"]').fill(String(PHOTOS));
  await lab.locator('button.bl-primary').click();
  await expect(page.getByTestId('accuracy-done').or(page.getByTestId('accuracy-message'))).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('accuracy-message')).toHaveCount(0);
  const results = page.getByTestId('accuracy-results');
  await expect(results).toHaveAttribute('data-scored', 'agreement-only');
  // Agreement between the two models, on every photo asked for.
  const agreement = page.getByTestId('accuracy-agreement');
  expect(Number(await agreement.getAttribute('data-n'))).toBe(PHOTOS);
  const count = Number(await agreement.getAttribute('data-count'));
  expect(count).toBeGreaterThanOrEqual(0);
  expect(count).toBeLessThanOrEqual(PHOTOS);
  // The disagreement gallery lists exactly the photos where they differ.
  expect(await results.locator('.bl-gallery li').count()).toBe(PHOTOS - count);
  // How far apart the outputs are: softmax outputs, so 0 <= mean <= max <= 1; 8 bits move them a little.
  const diff = page.getByTestId('accuracy-output-diff');
  const mean = Number(await diff.getAttribute('data-mean'));
  const max = Number(await diff.getAttribute('data-max'));
  expect(mean).toBeGreaterThanOrEqual(0);
  expect(max).toBeGreaterThanOrEqual(mean);
  expect(max).toBeLessThanOrEqual(1);
  // No accuracy against the photos' labels: no top-1/top-5 table, no true-class delta, no "right/wrong".
  await expect(results.locator('[data-col="top1"], [data-col="top5"], [data-col="published"]')).toHaveCount(0);
  await expect(page.getByTestId('accuracy-delta')).toHaveCount(0);
  await expect(results.locator('.bl-right, .bl-wrong')).toHaveCount(0);
  const json = JSON.parse((await page.getByTestId('accuracy-json').textContent())!);
  expect(json).toMatchObject({ scored_against_labels: null, models: null, n: PHOTOS, agree_count: count, mean_abs_delta_p_true: null });
  expect(json.output_diff.max_abs).toBe(max);
  return page.getByTestId('accuracy-not-imagenet');
}

test('a 10-class model and its full-integer copy: agreement and output difference, no ImageNet accuracy claimed', async ({ page }) => {
  test.setTimeout(360_000);
  const note = await quantizeAndEvaluate(page, '');
  await expect(note).toHaveText(/labelled with ImageNet classes and this model’s outputs are not those classes, so only the agreement between the two models is measured/);
});

test('(ja) the same, said in Japanese', async ({ page }) => {
  test.setTimeout(360_000);
  const note = await quantizeAndEvaluate(page, 'ja/');
  await expect(note).toContainText('このモデルの出力はそのクラスではありません');
  await expect(page.getByTestId('accuracy-agreement')).toContainText(`${PHOTOS} 枚中`);
});
