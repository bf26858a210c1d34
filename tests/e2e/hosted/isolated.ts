import { expect, type Page } from '@playwright/test';

/** Opens a page and waits until the service worker made it cross-origin isolated (after its one reload). */
export async function openIsolated(page: Page, path: string) {
  // 'commit': the page may reload itself (once) before it finishes loading.
  const response = await page.goto(path, { waitUntil: 'commit' });
  await expect
    .poll(() => page.evaluate(() => crossOriginIsolated && !!navigator.serviceWorker.controller).catch(() => false), { timeout: 30_000 })
    .toBe(true);
  await page.waitForLoadState('load');
  return response;
}

