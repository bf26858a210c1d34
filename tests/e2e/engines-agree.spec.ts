// Every model the site serves loads in both runtimes, and each engine's own report of the inputs
// and outputs (dtype, shape) equals what our .tflite reader read from the file: the adapters
// refuse to load on any disagreement (src/lib/runtime/verify-io.ts), so a run that completes for
// every model is the check.
// (All models of the manifest, in groups; the benchmark lab is the island that loads any model.)
import manifest from '../../assets.manifest.json' with { type: 'json' };
import { expect, test } from './fixtures.ts';

const all = [...manifest.models, ...manifest.derived].map((m) => m.id);
// The lab compares at most six models per run (LIMITS.maxModels): two runs cover them all.
const half = Math.ceil(all.length / 2);
const groups = [all.slice(0, half), all.slice(half)];

for (const runtime of ['tfjs-tflite', 'litert']) for (const [g, ids] of groups.entries()) {
  test(`models ${g + 1}/${groups.length} (${ids.length}) load in ${runtime} and the engine agrees with the reader`, async ({ page }) => {
    const query = ids.map((id) => `model=${id}`).join('&');
    await page.goto(`/labs/benchmark/?${query}&runtime=${runtime}&runs=3&warmup=0`);
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' }).click();
    await expect(page.getByTestId('bench-done')).toBeVisible({ timeout: 120_000 });
    for (const id of ids) {
      await expect(page.locator(`[data-testid="bench-results"] tr[data-model="${id}"]`), id).toHaveCount(1);
    }
  });
}

test('more models than one run allows gives a clear message', async ({ page }) => {
  await page.goto(`/labs/benchmark/?${all.map((id) => `model=${id}`).join('&')}&runs=3&warmup=0`);
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  await page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' }).click();
  await expect(page.getByTestId('benchmark-lab')).toContainText(`compare at most 6 models in one run (${all.length} are selected)`);
});
