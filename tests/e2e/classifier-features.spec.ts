// The classifier as a newcomer meets it (issue 12) and its teaching features (issue 11): the
// answer in view after a pick, side by side models, timing as median + range, readable runtime
// names, the incomplete-image warning, the legend, every classic mistake and the life of one
// inference. Real models, real WASM, real photos.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { CLASSIFIER, classifyFile, currentRun, openClassifier, readResults, waitForRun } from './classifier-helpers.ts';
import { mistakeIds } from '../../src/lib/classify/mistakes.ts';
import { getPair } from '../../src/lib/models.ts';
import type { Page } from '@playwright/test';

const GRACE = 'public/images/grace_hopper.jpg';

async function pickSample(page: Page, id = 'grace_hopper'): Promise<void> {
  const before = await currentRun(page);
  await page.locator(`button[data-sample="${id}"]`).click();
  await waitForRun(page, before);
}

/** The verdict's box lies inside the viewport (after the island's scroll has settled). */
async function expectVerdictInView(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  await expect
    .poll(async () => {
      const box = await page.getByTestId('verdict').boundingBox();
      return !!box && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
    }, { timeout: 10_000 })
    .toBe(true);
}

for (const [width, height] of [[1280, 800], [1920, 1080], [390, 844]] as const) {
  test(`${width}x${height}: after picking a sample the verdict is in view, focused and announced`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openClassifier(page);
    // Scroll back so the picker is where the reader's eye is, as after reading the page top-down.
    await page.locator('button[data-sample="grace_hopper"]').scrollIntoViewIfNeeded();
    await pickSample(page);
    await expectVerdictInView(page);
    await expect(page.getByTestId('answer')).toBeFocused();
    await expect(page.getByTestId('announcement')).not.toBeEmpty();
  });
}

test('models side by side from 1024 px; stacked on a phone', async ({ page }) => {
  for (const [width, sideBySide] of [[1024, true], [390, false]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await openClassifier(page);
    await pickSample(page);
    const [a, b] = await page.getByTestId('result').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(Math.abs(a!.y - b!.y) < 2, `width ${width}`).toBe(sideBySide);
    if (sideBySide) expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
  }
});

test('timing is the median of 5 runs with its range; the runtime is named in words; the legend explains the marker', async ({ page }) => {
  await openClassifier(page);
  await pickSample(page);
  for (const result of await page.getByTestId('result').all()) {
    await expect(result).toHaveAttribute('data-inference-runs', '5');
    await expect(result.getByTestId('inference-ms')).toHaveText(/ms \(median of 5 runs, [\d.]+–[\d.]+ ms\)/);
  }
  const runtime = page.getByTestId('runtime-info');
  await expect(runtime).toHaveText(/^Running on LiteRT\.js .*WebAssembly (with|without) SIMD.*thread/);
  await expect(runtime).not.toHaveText(/_/);
  // The ◆ marker appears exactly when a class is missing from the other model's top 5, with a visible legend.
  const results = Object.values(await readResults(page));
  const missing = results.some((top, i) => top.some((p) => !results[1 - i]!.some((o) => o.index === p.index)));
  await expect(page.locator('.clf-pred__flag')).toHaveCount(missing ? await page.locator('.clf-pred--only').count() : 0);
  if (missing) await expect(page.getByTestId('legend')).toContainText('◆ marks a class that is not in the other model’s top 5');
  // The "8-bit slower here" note appears exactly when the 8-bit model's median is the higher one.
  const pair = getPair('v1-025')!;
  const median = async (id: string) => Number(await page.locator(`[data-testid="result"][data-model="${id}"]`).getAttribute('data-inference-ms'));
  const slower = (await median(pair.b)) > (await median(pair.a));
  await expect(page.getByTestId('slower-note')).toHaveCount(slower ? 1 : 0);
  if (slower) await expect(page.getByTestId('slower-note')).toContainText('depends on the runtime and the CPU');
  // A single run says so.
  await openClassifier(page, { runs: '1' });
  await pickSample(page);
  await expect(page.getByTestId('inference-ms').first()).toHaveText(/ms \(one run\)/);
});

test('ties and the unsure cue follow what is shown', async ({ page }) => {
  const seen = { tie: 0, noTie: 0, unsure: 0, sure: 0 };
  const cases = [
    ['v2-qat-ptq', [GRACE, 'public/imagenet-dev/n02391049_zebra.JPEG', 'public/images/multi_objects.jpg']],
    ['v1-025', ['public/images/sunflower.bmp', 'public/images/owl.jpg']],
  ] as const;
  for (const [pair, photos] of cases) {
    await openClassifier(page, { pair, runs: '1' });
    for (const photo of photos) {
      await classifyFile(page, photo);
      const shown = await page.getByTestId('result').evaluateAll((els) => els.map((e) => [...e.querySelectorAll('.clf-pred__pct')].map((p) => p.textContent)));
      const tie = shown.some((pcts) => new Set(pcts).size < pcts.length);
      await expect(page.getByTestId('tie-note'), photo).toHaveCount(tie ? 1 : 0);
      const tops = Object.values(await readResults(page)).map((t) => t[0]!.prob);
      const unsure = tops.some((p) => p < 0.5);
      await expect(page.getByTestId('unsure-note'), photo).toHaveCount(unsure ? 1 : 0);
      await expect(page.locator('[data-testid="result"][data-unsure="true"]')).toHaveCount(tops.filter((p) => p < 0.5).length);
      seen[tie ? 'tie' : 'noTie']++;
      seen[unsure ? 'unsure' : 'sure']++;
    }
  }
  // Both sides of each cue were exercised (on this machine: zebra ties at 0.0%, sunflower does not).
  for (const [side, count] of Object.entries(seen)) expect(count, side).toBeGreaterThan(0);
});

test('a truncated JPEG is classified with a warning, never silently; the complete file has none', async ({ page }) => {
  await openClassifier(page);
  const full = readFileSync(GRACE);
  for (const keep of [0.5, 0.9]) {
    await classifyFile(page, { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: full.subarray(0, Math.floor(full.length * keep)) });
    await expect(page.getByTestId('incomplete-warning')).toContainText('incomplete');
    await expect(page.getByTestId('announcement')).toContainText('incomplete');
  }
  await classifyFile(page, GRACE);
  await expect(page.getByTestId('incomplete-warning')).toHaveCount(0);
  // Japanese page: the same warning in Japanese.
  await openClassifier(page, {}, `/ja${CLASSIFIER}`);
  await classifyFile(page, { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: full.subarray(0, full.length >> 1) });
  await expect(page.getByTestId('incomplete-warning')).toContainText('途中で切れています');
});

test.describe('classic mistakes', () => {
  for (const id of mistakeIds) {
    test(`?mistake=${id} changes the predictions of the models it applies to`, async ({ page }) => {
      await openClassifier(page, { mistake: id });
      await expect(page.locator('select[name="mistake"]')).toHaveValue(id);
      await pickSample(page);
      await expect(page.getByTestId('mistake-what')).not.toBeEmpty();
      const models = page.locator('[data-testid="mistake-model"]');
      await expect(models).toHaveCount(2);
      const pair = getPair('v1-025')!;
      let changed = 0;
      for (const model of await models.all()) {
        const read = (testId: string) =>
          model.locator(`[data-testid="${testId}"]`).evaluateAll((li) => li.map((l) => `${(l as HTMLElement).dataset.classIndex}|${(l as HTMLElement).dataset.label}|${(l as HTMLElement).dataset.prob}`));
        if ((await model.getAttribute('data-applies')) === 'false') {
          // Only the output zero point cannot be forgotten, and only on the float32 model.
          expect(id).toBe('zero-point');
          await expect(model).toHaveAttribute('data-model', pair.a);
          continue;
        }
        const correct = await read('correct-prediction');
        const broken = await read('mistake-prediction');
        expect(correct).toHaveLength(3);
        expect(broken).toHaveLength(3);
        if (JSON.stringify(correct) !== JSON.stringify(broken)) changed++;
      }
      expect(changed, id).toBeGreaterThan(0);
      // The main results stay those of the correct pipeline.
      const results = await readResults(page);
      expect(results[pair.a]![0]!.prob).toBeLessThanOrEqual(1);
    });
  }

  test('other pairs (TF1 uint8, TF2 int8, float32 twin): each applicable model answers differently with a mistake', async ({ page }) => {
    for (const [pair, id] of [['v2-qat-ptq', 'normalization'], ['v2-twin-int8', 'zero-point'], ['v2-twin-int8', 'input-size']] as const) {
      await openClassifier(page, { pair, mistake: id });
      await pickSample(page, 'parrot');
      const models = await page.locator('[data-testid="mistake-model"]').evaluateAll((els) =>
        els.map((m) => ({
          applies: (m as HTMLElement).dataset.applies === 'true',
          correct: [...m.querySelectorAll<HTMLElement>('[data-testid="correct-prediction"]')].map((l) => `${l.dataset.classIndex}|${l.dataset.prob}`),
          broken: [...m.querySelectorAll<HTMLElement>('[data-testid="mistake-prediction"]')].map((l) => `${l.dataset.classIndex}|${l.dataset.prob}`),
        })),
      );
      expect(models, `${pair} ${id}`).toHaveLength(2);
      for (const m of models.filter((x) => x.applies)) expect(m.broken, `${pair} ${id}`).not.toEqual(m.correct);
      expect(models.filter((x) => x.applies).length, `${pair} ${id}`).toBe(id === 'zero-point' ? 1 : 2);
    }
  });

  test('choosing a mistake re-runs the shown photo and updates the URL; "none" clears it', async ({ page }) => {
    await openClassifier(page);
    await pickSample(page);
    await page.locator('select[name="mistake"]').selectOption('labels-off-by-one');
    await expect(page.locator('[data-testid="mistake-prediction"]').first()).toBeVisible();
    // The URL follows the choice in an effect after the render: poll rather than read it once.
    await expect.poll(() => new URL(page.url()).searchParams.get('mistake')).toBe('labels-off-by-one');
    // Same class indices, labels shifted by one line.
    const pairs = await page.locator('[data-testid="mistake-model"]').first().evaluate((m) => ({
      correct: [...m.querySelectorAll<HTMLElement>('[data-testid="correct-prediction"]')].map((l) => l.dataset.classIndex),
      broken: [...m.querySelectorAll<HTMLElement>('[data-testid="mistake-prediction"]')].map((l) => l.dataset.classIndex),
    }));
    expect(pairs.broken).toEqual(pairs.correct);
    await page.locator('select[name="mistake"]').selectOption('');
    await expect(page.locator('[data-testid="mistake-prediction"]')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.has('mistake')).toBe(false);
  });
});

test('the life of one inference shows this photo’s real numbers, in both languages', async ({ page }) => {
  for (const path of [CLASSIFIER, `/ja${CLASSIFIER}`]) {
    await openClassifier(page, {}, path);
    await pickSample(page);
    const life = page.getByTestId('inference-life');
    await expect(life.locator('[data-step]')).toHaveCount(10); // 8-bit model: both dequantization steps
    const pair = getPair('v1-025')!;
    const top = (await readResults(page))[pair.b]![0]!;
    const label = await page.locator(`[data-model="${pair.b}"] [data-testid="prediction"]`).first().getAttribute('data-label');
    await expect(life.locator('[data-step="lifeLabel"]')).toContainText(`${top.index + 1}`);
    await expect(life.locator('[data-step="lifeLabel"]')).toContainText(label!);
    await expect(life.locator('[data-step="lifeDequantOut"]')).toContainText(Number(top.prob.toPrecision(4)).toString());
    await expect(life.locator('[data-step="lifePhoto"]')).toContainText('517 × 606');
    await expect(life.locator('[data-step="lifeOps"]')).toContainText('CONV_2D');
  }
});

test('the server-rendered page says nothing about cross-origin isolation before the island knows', async ({ request }) => {
  for (const path of [CLASSIFIER, `/ja${CLASSIFIER}`]) {
    const html = await (await request.get(path)).text();
    expect(html).not.toContain('data-testid="not-isolated"');
    expect(html).not.toContain('not cross-origin isolated');
  }
});

test('the standalone life of one inference (quantization lesson): real numbers, another photo, both languages', async ({ page }) => {
  for (const path of ['/lessons/quantization/', '/ja/lessons/quantization/']) {
    await page.goto(path);
    const demo = page.getByTestId('inference-life-demo');
    await demo.scrollIntoViewIfNeeded();
    await expect(demo).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    await expect(demo.locator('[data-step]')).toHaveCount(10);
    await expect(demo.locator('[data-step="lifePhoto"]')).toContainText('517 × 606'); // grace_hopper
    const before = await demo.locator('[data-step="lifeBytes"]').textContent();
    await demo.locator('select').selectOption('parrot');
    await expect(demo.locator('[data-step="lifeBytes"]')).not.toHaveText(before!);
    await expect(demo.locator('[data-step="lifeDequantOut"]')).toContainText('×');
  }
});
