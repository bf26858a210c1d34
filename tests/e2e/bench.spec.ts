// The benchmark and accuracy labs, run for real with small counts: every number shown must be
// present and consistent with the others (ratios with medians, percentages with counts).
import manifest from '../../assets.manifest.json' with { type: 'json' };
import { expect, openLab, test } from './fixtures.ts';
import { storeHandoff } from './handoff.ts';

const V1_PAIR = 'model=mobilenet_v1_0.25_224_float&model=mobilenet_v1_0.25_224_uint8';

const num = (s: string | null) => Number((s ?? '').replace(/[^0-9.-]/g, ''));

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
      expect(await cell('engine')).toMatch(/litert_wasm\w* · \d/); // the default runtime
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
    // The plain verdict comes first and follows the interval: no claim when it includes 1 or is very wide.
    const verdict = page.getByTestId('bench-verdict');
    if (low! <= 1 && high! >= 1) await expect(verdict).toContainText('No clear difference');
    else if (high! / low! > 1.5) await expect(verdict).toContainText('No clear size of difference');
    else await expect(verdict).toContainText(ratio! >= 1 ? 'faster than' : 'slower than');
    const [verdictBox, tableBox] = [await verdict.boundingBox(), await page.locator('[data-testid="bench-results"] table').first().boundingBox()];
    expect(verdictBox!.y).toBeLessThan(tableBox!.y);

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

  test('cancel mid-run leaves no progress bar, and changing the runtime mid-run says why it stopped', async ({ page, problems }) => {
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
    expect(problems.consoleErrors).toEqual([]);
  });

  test('zero, negative and absurd run counts are refused with a clear message, in both languages', async ({ page, problems }) => {
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
    expect(problems.consoleErrors).toEqual([]);
  });

  test('a model that fails to load gives a message naming it', async ({ page, problems }) => {
    await page.route('**/models/mobilenet_v1_0.25_224_quant.tflite', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.alloc(508786, 7) }),
    );
    await openLab(page, `/labs/benchmark/?${V1_PAIR}&runs=3&warmup=0`, 'benchmark-lab');
    await page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' }).click();
    const message = page.getByTestId('bench-message');
    await expect(message).toContainText('MobileNet v1 0.25 224 (uint8, QAT) could not be loaded', { timeout: 60_000 });
    await expect(page.getByTestId('bench-progress')).toHaveCount(0);
    await expect(page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' })).toBeEnabled();
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe('accuracy lab', () => {
  test('on a subset of photos, percentages equal the counts shown and the gallery lists every disagreement', async ({ page, problems }) => {
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
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe('benchmark lab, reliability', () => {
  test('a tab hidden during the run is flagged as unreliable', async ({ page, problems }) => {
    test.setTimeout(240_000);
    // Enough runs that the timed phase lasts seconds even on an idle machine (60 runs took 0.4 s, too
    // short for the status to be seen before the run ended).
    await openLab(page, `/labs/benchmark/?${V1_PAIR}&runs=1000&warmup=0`, 'benchmark-lab');
    await page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' }).click();
    await expect(page.getByTestId('bench-status')).toContainText('Timed run', { timeout: 60_000 });
    // Headless pages never go to the background on their own: simulate what a tab switch does.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(page.getByTestId('bench-done')).toBeVisible({ timeout: 180_000 });
    await expect(page.getByTestId('bench-unreliable')).toContainText('unreliable');
    await expect(page.getByTestId('bench-unreliable')).toContainText('background');
    const json = JSON.parse((await page.getByTestId('bench-json').textContent()) ?? '{}');
    expect(json.environment.unreliable[0].reasons).toContain('hidden');
    expect(problems.consoleErrors).toEqual([]);
  });

  test('ten repeated runs release their models: the WASM heap stays flat', async ({ page, problems }) => {
    await openLab(page, `/labs/benchmark/?${V1_PAIR}&runs=3&warmup=0&runtime=litert`, 'benchmark-lab');
    const heaps: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' }).click();
      await expect(page.getByTestId('bench-done')).toBeVisible({ timeout: 60_000 });
      const json = JSON.parse((await page.getByTestId('bench-json').textContent()) ?? '{}');
      heaps.push(json.runs[0].wasm_heap_bytes);
      await expect(page.getByTestId('bench-results')).toBeVisible();
    }
    expect(heaps.every((h) => h > 0)).toBe(true);
    // Two models of ~2.4 MB are loaded per run: a leak would add that much heap every time.
    expect(heaps[9]! - heaps[2]!, heaps.join(', ')).toBeLessThan(2_000_000);
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe('benchmark lab panels and the family chart', () => {
  test('per-op profile and the runtime comparison show consistent numbers', async ({ page, problems }) => {
    await openLab(page, `/labs/benchmark/?${V1_PAIR}&runs=5&warmup=1`, 'benchmark-lab');
    const profile = page.getByTestId('bench-profile');
    await profile.getByRole('button', { name: 'Profile per op' }).click();
    await expect(page.getByTestId('bench-work-table')).toBeVisible({ timeout: 60_000 });
    // Measured: whatever node types the profiler reports, with times; computed: the conv layers' share.
    await expect(page.getByTestId('bench-profile-table').locator('tbody tr').first()).toContainText(/\d+\.\d\d/);
    const conv = page.getByTestId('bench-work-table').locator('tr', { hasText: /^CONV_2D/ });
    await expect(conv).toContainText('15× · 36.7 M');

    const compare = page.getByTestId('bench-compare');
    await compare.locator('select').selectOption('v1-025');
    await compare.getByRole('button', { name: 'Compare runtimes' }).click();
    const rows = page.getByTestId('bench-compare-table').locator('tbody tr');
    await expect(rows).toHaveCount(2, { timeout: 90_000 });
    for (const row of await rows.all()) {
      const a = num(await row.locator('[data-col="median-a"]').textContent());
      const b = num(await row.locator('[data-col="median-b"]').textContent());
      const m = /(\d+\.\d\d)× \((\d+\.\d\d)–(\d+\.\d\d)\)/.exec((await row.locator('[data-col="speedup"]').textContent()) ?? '');
      expect(m).not.toBeNull();
      const ratio = Number(m![1]);
      expect(ratio).toBeGreaterThanOrEqual((a - 0.005) / (b + 0.005) - 0.005);
      expect(ratio).toBeLessThanOrEqual((a + 0.005) / (b - 0.005) + 0.005);
    }
    await expect(page.getByTestId('bench-compare-table').locator('tr[data-runtime="litert"]')).toContainText('litert_wasm');
    expect(problems.consoleErrors).toEqual([]);
  });

  test('the family chart measures every model and cites the published table', async ({ page, problems }) => {
    await openLab(page, '/labs/model-family/', 'family-chart');
    const chart = page.getByTestId('family-chart');
    await chart.locator('input[name="photos"]').fill('3');
    await chart.getByRole('button', { name: 'Measure the family' }).click();
    await expect(page.getByTestId('family-message')).toContainText('Measured', { timeout: 120_000 });
    const rows = page.getByTestId('family-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    for (const row of await rows.all()) {
      // "median (p90 x)": both measured, p90 not below the median.
      const cell = /^\s*([\d.]+) \(p90 ([\d.]+)\)/.exec((await row.locator('[data-col="median"]').textContent()) ?? '');
      expect(cell).not.toBeNull();
      expect(Number(cell![1])).toBeGreaterThan(0);
      expect(Number(cell![2])).toBeGreaterThanOrEqual(Number(cell![1]));
      // 3 photos: top-1 is 0, 33, 67 or 100 %.
      expect(['0%', '33%', '67%', '100%']).toContain((await row.locator('[data-col="top1"]').textContent())?.trim());
    }
    // The chart itself (the legend's swatches are small svgs of their own).
    await expect(page.getByTestId('family-plot').locator('figure > svg')).toBeVisible();
    await expect(chart.locator('a[href^="https://www.tensorflow.org/lite/guide/hosted_models"]')).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe('benchmark lab, hand-over from the inspector', () => {
  test('a file handed over through IndexedDB is listed, selected and benchmarked', async ({ page, problems }) => {
    await page.goto('/labs/benchmark/');
    await storeHandoff(page, 'my_model.tflite', '/models/mobilenet_v1_0.25_128_quant.tflite');
    await openLab(page, '/labs/benchmark/?handoff=inspector&runs=4&warmup=1', 'benchmark-lab');
    const lab = page.getByTestId('benchmark-lab');
    const handed = lab.locator('input[name="model"][value="inspector"]');
    await expect(handed).toBeChecked();
    await expect(lab.locator('label', { has: page.locator('input[value="inspector"]') })).toContainText('From the inspector: my_model.tflite');
    await lab.getByRole('button', { name: 'Run benchmark' }).click();
    await expect(page.getByTestId('bench-done')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-testid="bench-results"] tr[data-model="inspector"] [data-col="n"]')).toHaveText('4');
    expect(problems.consoleErrors).toEqual([]);
  });
});
