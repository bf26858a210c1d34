// The audio classifier on the microphone, with Chromium's fake audio device (a separate file: it
// needs its own browser flags). The fake device plays a beep; the check is that windows of the
// model's length are classified, one after another, and that the microphone stops.
import { test, expect } from './fixtures.ts';
import { chromiumArgs, chromiumExecutable } from '../../src/lib/node/chromium.ts';

test.use({
  permissions: ['microphone'],
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('microphone: top classes over time for YAMNet, then stop', async ({ page, problems }) => {
  await page.goto('/labs/inspector/');
  await page.getByTestId('inspector').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('report')).toBeVisible();
  await page.getByTestId('site-model').selectOption('yamnet_wavin_quantized');
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'audio-classifier');
  const mic = page.getByTestId('try-mic');
  await mic.click();
  await expect(mic).toHaveAttribute('aria-pressed', 'true');
  // A window is 0.975 s at 16 kHz; rows arrive every half second after the first full window.
  await expect.poll(() => page.getByTestId('try-audio-row').count(), { timeout: 30_000 }).toBeGreaterThan(2);
  await expect(page.getByTestId('try-audio-row').first()).toContainText(/class \d+ \d/);
  await mic.click();
  await expect(mic).toHaveAttribute('aria-pressed', 'false');
  void problems;
});
