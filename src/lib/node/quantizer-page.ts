// Driving the quantizer lab from Node (E2E tests, npm run quantize, scripts/quantize-measure.ts).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * The lab's result, downloaded the way a reader downloads it: a click on its
 * `[data-testid="quantize-download"]` link (the page's CSP does not let scripts fetch blob: URLs).
 */
export async function downloadQuantized(page: Page): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quantize-download').click()]);
  const path = await download.path();
  if (!path) throw new Error(`The download failed: ${await download.failure()}`);
  return new Uint8Array(readFileSync(path));
}

/**
 * Stores two files the way the quantizer lab hands float + quantized over (`?handoff=quantizer`,
 * contract in src/lib/tflite/handoff.ts), e.g. TFLite's reference file and ours.
 */
export async function storeQuantizerHandoff(
  page: Page,
  float: { name: string; bytes: Uint8Array | number[] },
  quantized: { name: string; bytes: Uint8Array | number[]; mode?: string },
): Promise<void> {
  await page.evaluate(
    async ({ float, quantized }) => {
      const savedAt = Date.now();
      const value = {
        float: { name: float.name, bytes: new Uint8Array(float.data).buffer, savedAt },
        quantized: { name: quantized.name, bytes: new Uint8Array(quantized.data).buffer, savedAt, mode: quantized.mode },
        normalization: { mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] },
        savedAt,
      };
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tflite-lab', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('handoff');
        open.onsuccess = () => {
          const tx = open.result.transaction('handoff', 'readwrite');
          tx.objectStore('handoff').put(value, 'quantizer-models');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
    },
    {
      float: { name: float.name, data: [...float.bytes] },
      quantized: { name: quantized.name, data: [...quantized.bytes], mode: quantized.mode ?? 'int8' },
    },
  );
}
