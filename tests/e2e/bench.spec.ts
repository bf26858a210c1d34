// The benchmark and accuracy labs, run for real with small counts: every number shown must be
// present and consistent with the others (ratios with medians, percentages with counts).
import type { Page } from '@playwright/test';
import manifest from '../../assets.manifest.json' with { type: 'json' };
import { expect, test } from './fixtures.ts';

const V1_PAIR = 'model=mobilenet_v1_0.25_224_float&model=mobilenet_v1_0.25_224_uint8';

async function openLab(page: Page, path: string, testId: string) {
  await page.goto(path);
  await expect(page.getByTestId(testId)).toBeVisible();
  // The island is interactive once Astro has hydrated it (the `ssr` attribute goes away).
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}

const num = (s: string | null) => Number((s ?? '').replace(/[^0-9.\-]/g, ''));

test.describe('benchmark lab', () => {
  test('a small run shows consistent medians, percentiles, ratio, sizes and JSON', async ({ page, problems }) => {
    await openLab(page, `/labs/benchmark/?${V1_PAIR}&runs=6&warmup=1`, 'benchmark-lab');
    const lab = page.getByTestId('benchmark-lab');
    await lab.getByRole('button', { name: 'Run benchmark' }).click();
    await expect(page.getByTestId('bench-done')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('bench-progress')).toHaveCount(0);

    const medians: Record<string, number> = {};
    for (const id of ['mobilenet_v1_0.25_224_float', 'mobilenet_v1_0.25_224_uint8']) {
      const row = page.locator(`[data-testid="bench-results"] tr[data-model="${id}"]`);
      const cell = async (col: string) => (await row.locator(`[data-col="${col}"]`).textContent())?.trim() ?? '';
      const [median, p10, p90, iqr, n] = [num(await cell('median')), num(await cell('p10')), num(await cell('p90')), num(await cell('iqr')), num(await cell('n'))];
      expect(median, id).toBeGreaterThan(0);
      expect(p10).toBeLessThanOrEqual(median);
      expect(p90).toBeGreaterThanOrEqual(median);
      expect(iqr).toBeGreaterThanOrEqual(0);
      expect(n).toBe(6);
      expect(num(await cell('load'))).toBeGreaterThan(0);
      expect(await cell('engine')).toMatch(/tflite_web_api_cc\w* · \d/);
      const bytes = manifest.models.find((m) => m.id === id)!.bytes;
      expect(Number(await row.locator('[data-col="size"]').getAttribute('data-bytes'))).toBe(bytes);
      expect(await cell('size')).toMatch(/\d(\.\d+)? (KB|MB)/);
      medians[id] = median;
    }

    // The ratio shown equals the quotient of the medians shown, within their rounding (2 decimals).
    const ratioText = (await page.getByTestId('bench-ratio').textContent()) ?? '';
    const shown = /: (\d+\.\d\d)× the speed \(95% interval (\d+\.\d\d)–(\d+\.\d\d)×\)/.exec(ratioText);
    expect(shown, ratioText).not.toBeNull();
    const [ratio, low, high] = shown!.slice(1).map(Number);
    const a = medians['mobilenet_v1_0.25_224_float']!;
    const b = medians['mobilenet_v1_0.25_224_uint8']!;
    expect(ratio).toBeGreaterThanOrEqual((a - 0.005) / (b + 0.005) - 0.005);
    expect(ratio).toBeLessThanOrEqual((a + 0.005) / (b - 0.005) + 0.005);
    expect(low!).toBeLessThanOrEqual(ratio!);
    expect(high!).toBeGreaterThanOrEqual(ratio!);

    // The JSON the reader can copy says the same.
    const json = JSON.parse((await page.getByTestId('bench-json').textContent()) ?? '{}');
    expect(json.environment.hardwareConcurrency).toBeGreaterThan(0);
    expect(json.environment.userAgent).toContain('Chrome');
    expect(json.runs).toHaveLength(2);
    for (const run of json.runs) {
      expect(Math.abs(run.median_ms - medians[run.model]!)).toBeLessThanOrEqual(0.0051);
      expect(run.n).toBe(6);
    }
    expect(Math.abs(json.ratios[0].speedup - ratio!)).toBeLessThanOrEqual(0.0051);
    // A chart was drawn with Observable Plot.
    await expect(page.getByTestId('bench-chart').locator('svg').first()).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  test('cancel mid-run leaves no progress bar, and changing the runtime mid-run says why it stopped', async ({ page }) => {
    await openLab(page, `/labs/benchmark/?${V1_PAIR}&runs=2000&warmup=0`, 'benchmark-lab');
    const lab = page.getByTestId('benchmark-lab');
    const run = lab.getByRole('button', { name: 'Run benchmark' });
    await run.click();
    await expect(page.getByTestId('bench-status')).toContainText('Timed run', { timeout: 60_000 });
    await lab.getByRole('button', { name: 'Cancel' }).first().click();
    await expect(page.getByTestId('bench-message')).toContainText('Cancelled');
    await expect(page.getByTestId('bench-progress')).toHaveCount(0);
    await expect(run).toBeEnabled();

    await run.click();
    await expect(page.getByTestId('bench-status')).toContainText('Timed run', { timeout: 60_000 });
    await lab.locator('select[name="runtime"]').selectOption('litert');
    await expect(page.getByTestId('bench-message')).toContainText('selection changed');
    await expect(page.getByTestId('bench-progress')).toHaveCount(0);
  });

  test('zero, negative and absurd run counts are refused with a clear message, in both languages', async ({ page }) => {
    await openLab(page, `/labs/benchmark/?${V1_PAIR}`, 'benchmark-lab');
    const lab = page.getByTestId('benchmark-lab');
    const runs = lab.locator('input[name="runs"]');
    const warmup = lab.locator('input[name="warmup"]');
    const message = page.getByTestId('bench-message');
    for (const [value, text] of [
      ['0', 'at least 3 timed runs'],
      ['-5', 'at least 3 timed runs'],
      ['1000000', 'at most 2000 timed runs'],
      ['', 'whole number'],
    ] as const) {
      await runs.fill(value);
      await lab.getByRole('button', { name: 'Run benchmark' }).click();
      await expect(message).toContainText(text);
      await expect(message).toHaveAttribute('role', 'alert');
      await expect(page.getByTestId('bench-progress')).toHaveCount(0);
    }
    await runs.fill('10');
    await warmup.fill('-1');
    await lab.getByRole('button', { name: 'Run benchmark' }).click();
    await expect(message).toContainText('cannot be negative');
    await warmup.fill('5');
    // One model is not a comparison.
    await lab.locator('input[name="model"][value="mobilenet_v1_0.25_224_float"]').uncheck();
    await lab.getByRole('button', { name: 'Run benchmark' }).click();
    await expect(message).toContainText('at least two different models');

    await openLab(page, `/ja/labs/benchmark/?${V1_PAIR}&runs=0`, 'benchmark-lab');
    await page.getByRole('button', { name: 'ベンチマークを実行' }).click();
    await expect(page.getByTestId('bench-message')).toContainText('3 回以上');
  });

  test('a model that fails to load gives a message naming it', async ({ page, problems }) => {
    problems.allowConsole.push(/.*/); // the engines log their own parse errors
    await page.route('**/models/mobilenet_v1_0.25_224_quant.tflite', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.alloc(508786, 7) }),
    );
    await openLab(page, `/labs/benchmark/?${V1_PAIR}&runs=3&warmup=0`, 'benchmark-lab');
    await page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' }).click();
    const message = page.getByTestId('bench-message');
    await expect(message).toContainText('MobileNet v1 0.25 224 (uint8, QAT) could not be loaded', { timeout: 60_000 });
    await expect(page.getByTestId('bench-progress')).toHaveCount(0);
    await expect(page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' })).toBeEnabled();
  });
});

test.describe('accuracy lab', () => {
  test('on a subset of photos, percentages equal the counts shown and the gallery lists every disagreement', async ({ page }) => {
    await openLab(page, '/labs/accuracy/?pair=v1-025&photos=12', 'accuracy-lab');
    await page.getByTestId('accuracy-lab').getByRole('button', { name: 'Run on the photos' }).click();
    await expect(page.getByTestId('accuracy-done')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('accuracy-progress')).toHaveCount(0);
    for (const col of ['top1', 'top5']) {
      const cells = page.locator(`[data-testid="accuracy-results"] td[data-col="${col}"]`);
      await expect(cells).toHaveCount(2);
      for (const cell of await cells.all()) {
        const count = Number(await cell.getAttribute('data-count'));
        const n = Number(await cell.getAttribute('data-n'));
        expect(n).toBe(12);
        const text = (await cell.textContent()) ?? '';
        expect(text).toContain(`${count} / 12`);
        expect(text).toContain(`${Math.round((100 * count) / n)}%`);
      }
    }
    const agreement = page.getByTestId('accuracy-agreement');
    const agree = Number(await agreement.getAttribute('data-count'));
    await expect(agreement).toContainText(`${agree} of 12`);
    const gallery = page.getByTestId('accuracy-gallery').locator('li');
    await expect(gallery).toHaveCount(12 - agree);
    // Published numbers are cited with their source.
    await expect(page.locator('[data-testid="accuracy-results"] td[data-col="published"] a').first()).toHaveAttribute('href', /^https:\/\//);
    const json = JSON.parse((await page.getByTestId('accuracy-json').textContent()) ?? '{}');
    expect(json.n).toBe(12);
    expect(json.agree_count).toBe(agree);
  });
});
