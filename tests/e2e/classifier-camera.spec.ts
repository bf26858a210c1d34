// Live webcam classification with Chromium's fake camera (a separate file: it needs its own browser flags).
import { test, expect } from './fixtures.ts';
import { classifyFile, currentRun, openClassifier } from './classifier-helpers.ts';
import { chromiumArgs, chromiumExecutable } from '../../src/lib/node/chromium.ts';

test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('camera: classifies frames continuously, shows the frame rate, and stops', async ({ page }) => {
  await openClassifier(page);
  await page.getByRole('button', { name: 'Use the camera' }).click();
  const first = await currentRun(page);
  await expect(page.locator('[data-testid="fps"]')).toHaveText(/\d+(\.\d)? frames per second/, { timeout: 30_000 });
  await expect.poll(() => currentRun(page), { timeout: 30_000 }).toBeGreaterThan(first + 5);
  await page.getByRole('button', { name: 'Stop the camera' }).click();
  await expect(page.locator('.clf-webcam')).toHaveCount(0);
  expect(Object.keys(await classifyFile(page, 'public/images/grace_hopper.jpg'))).toHaveLength(2);
});
