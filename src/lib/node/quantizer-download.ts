// The quantizer lab's result, downloaded the way a reader downloads it (Node only: tests and npm run quantize): a click on its
// `[data-testid="quantize-download"]` link (the page's CSP does not let scripts fetch blob: URLs).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export async function downloadQuantized(page: Page): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quantize-download').click()]);
  const path = await download.path();
  if (!path) throw new Error(`The download failed: ${await download.failure()}`);
  return new Uint8Array(readFileSync(path));
}
