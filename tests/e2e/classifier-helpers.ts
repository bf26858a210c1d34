// Drives the classifier island as a reader would (file input, sample buttons), through its
// stable test hooks: data-testid="result"/"prediction", data-run, data-state.
import { expect, type Page } from '@playwright/test';

export const CLASSIFIER = '/labs/classifier/';

export interface Top {
  index: number;
  prob: number;
}

export async function openClassifier(page: Page, query: Record<string, string> = {}, path = CLASSIFIER): Promise<void> {
  const params = new URLSearchParams(query).toString();
  await page.goto(params ? `${path}?${params}` : path);
  // client:visible hydrates the island when it scrolls into view (the island re-creates its DOM once
  // after hydration, so scroll with a plain DOM call rather than a locator action).
  await page.locator('.clf').waitFor({ state: 'attached' });
  await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
  await expect(page.locator('.clf')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
}

export async function currentRun(page: Page): Promise<number> {
  return Number((await page.locator('[data-testid="result"]').first().getAttribute('data-run')) ?? 0);
}

/** Waits until the results are from run > `after`, or an error is shown for this attempt. */
export async function waitForRun(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const results = [...document.querySelectorAll<HTMLElement>('[data-testid="result"]')];
      const root = document.querySelector<HTMLElement>('.clf');
      return results.length > 0 && results.every((r) => Number(r.dataset.run) > n) && root?.dataset.state === 'ready';
    },
    after,
    { timeout: 60_000 },
  );
}

/** Top-k of every model on screen, by manifest id, in rank order. */
export async function readResults(page: Page): Promise<Record<string, Top[]>> {
  return page.evaluate(() => {
    const out: Record<string, { index: number; prob: number }[]> = {};
    for (const result of document.querySelectorAll<HTMLElement>('[data-testid="result"]')) {
      out[result.dataset.model!] = [...result.querySelectorAll<HTMLElement>('[data-testid="prediction"]')].map((li) => ({
        index: Number(li.dataset.classIndex),
        prob: Number(li.dataset.prob),
      }));
    }
    return out;
  });
}

/** Chooses a file through the island's file input and returns the results. */
export async function classifyFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<Record<string, Top[]>> {
  const before = await currentRun(page);
  await page.locator('.clf input[type=file]').setInputFiles(file);
  await waitForRun(page, before);
  return readResults(page);
}

/** Waits for the island to settle after a deliberately bad input and returns the error code shown. */
export async function expectError(page: Page, code: string): Promise<string> {
  const error = page.locator('[data-testid="error"]');
  await expect(error).toHaveAttribute('data-code', code);
  await expect(page.locator('.clf')).toHaveAttribute('data-state', 'ready');
  return (await error.textContent()) ?? '';
}
