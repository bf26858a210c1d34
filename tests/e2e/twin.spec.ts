// The derived float32 twin of the int8 MobileNet v2 in both runtimes, on the 100 labelled dev
// photos, driven through the accuracy lab exactly as a reader would use it: the twin must agree
// with the int8 model on top-1 for at least 95% of the photos. Its own top-1 is reported.
import { test, expect } from './fixtures.ts';
import { devImages, getPair } from '../../src/lib/models.ts';

const PAIR = 'v2-twin-int8';
const TWIN = 'mobilenet_v2_1.0_224_float_twin';
const INT8 = 'mobilenet_v2_1.0_224_int8';

test.describe.configure({ timeout: 300_000 });

test('the twin pair exists in the manifest', () => {
  expect(getPair(PAIR)).toMatchObject({ a: TWIN, b: INT8 });
});

for (const runtime of ['tfjs-tflite', 'litert']) {
  test(`float32 twin vs int8 on ${devImages.length} dev photos in ${runtime}`, async ({ page, problems }) => {
    await page.goto(`/labs/accuracy/?pair=${PAIR}&runtime=${runtime}&photos=${devImages.length}`);
    const lab = page.getByTestId('accuracy-lab');
    await expect(lab.locator('select[name="pair"]')).toHaveValue(PAIR);
    await expect(lab.locator('select[name="runtime"]')).toHaveValue(runtime);
    await lab.getByRole('button', { name: 'Run on the photos' }).click();
    const agreement = page.getByTestId('accuracy-agreement');
    await expect(agreement).toBeVisible({ timeout: 280_000 });

    const n = Number(await agreement.getAttribute('data-n'));
    const agree = Number(await agreement.getAttribute('data-count'));
    const top1 = async (id: string) => Number(await page.locator(`tr[data-model="${id}"] td[data-col="top1"]`).getAttribute('data-count'));
    const twinTop1 = await top1(TWIN);
    const int8Top1 = await top1(INT8);
    const summary = `${runtime}: twin/int8 top-1 agreement ${agree}/${n}; top-1 twin ${twinTop1}/${n}, int8 ${int8Top1}/${n}`;
    console.log(summary);
    test.info().annotations.push({ type: 'measured', description: summary });

    expect(n).toBe(devImages.length);
    expect(agree / n).toBeGreaterThanOrEqual(0.95);
    // Same weights, float arithmetic: the twin should not be clearly worse than the int8 model.
    expect(twinTop1).toBeGreaterThanOrEqual(int8Top1 - 5);
    void problems;
  });
}
