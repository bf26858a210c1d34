// Stores a model file the way the inspector's "Send this file to the benchmark" does
// (contract in src/lib/tflite/handoff.ts), so a lab opened with ?handoff=inspector picks it up.
import type { Page } from '@playwright/test';

/** `source` is a same-origin URL to fetch in the page, or the file's bytes. */
export async function storeHandoff(page: Page, name: string, source: string | Uint8Array): Promise<void> {
  const payload: { url?: string; data?: number[] } = typeof source === 'string' ? { url: source } : { data: [...source] };
  await page.evaluate(
    async ({ name, payload }) => {
      const bytes = payload.url ? await (await fetch(payload.url)).arrayBuffer() : new Uint8Array(payload.data ?? []).buffer;
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tflite-lab', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('handoff');
        open.onsuccess = () => {
          const tx = open.result.transaction('handoff', 'readwrite');
          tx.objectStore('handoff').put({ name, bytes, savedAt: Date.now() }, 'inspector-model');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
    },
    { name, payload },
  );
}

