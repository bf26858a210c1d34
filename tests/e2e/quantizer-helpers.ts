// Driving the quantizer lab with a reader's own file (quantizer.spec, accuracy-other-outputs.spec).
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { downloadQuantized } from '../../src/lib/node/quantizer-page.ts';

/**
 * Opens a file as the lab's float model. The lab first loads its default site model: a file set before
 * the island hydrated would be lost, and "ready" would then describe that site model.
 */
export async function openOwnModel(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const modelStatus = page.getByTestId('quantize-model-status');
  await expect(modelStatus).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('quantizer-lab').getByTestId('quantize-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await expect(modelStatus).toContainText(name);
  await expect(modelStatus).toHaveAttribute('data-state', 'ready');
}

/** Opens a file in the lab and runs full integer (float I/O) on 8 dev photos; returns the downloaded result. */
export async function fullIntegerOnFile(page: Page, name: string, bytes: Uint8Array, norm: 'minus-one-to-one' | 'zero-to-one'): Promise<Uint8Array> {
  const lab = page.getByTestId('quantizer-lab');
  const status = page.getByTestId('quantize-status');
  await openOwnModel(page, name, bytes);
  await lab.locator('input[name="mode"][value="int8"]').check();
  await lab.locator(`input[name="norm"][value="${norm}"]`).check();
  await lab.locator('input[name="calibration"]').fill('8');
  await lab.locator('button.bl-primary').click();
  await expect(status).toHaveAttribute('data-state', /done|error/, { timeout: 240_000 });
  expect(await status.getAttribute('data-state'), await status.innerText()).toBe('done');
  return downloadQuantized(page);
}
