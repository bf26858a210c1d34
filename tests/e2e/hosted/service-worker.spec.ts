// A host that sends no isolation headers (tests/e2e/static-server.mjs): the service worker makes
// the pages cross-origin isolated (one reload), the runtime uses threads, and pages, WASM and
// models once fetched keep working offline.
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { classifyFile } from '../classifier-helpers.ts';
import { openIsolated } from './isolated.ts';

const GRACE = 'public/images/grace_hopper.jpg';

async function classifierReady(page: Page): Promise<void> {
  await page.locator('.clf').waitFor({ state: 'attached' });
  await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
  await expect(page.locator('.clf')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
}

test('without host headers, the service worker isolates the page: threads in use, and it says so', async ({ page }) => {
  const first = await openIsolated(page, 'labs/classifier/');
  expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined();
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
  await page.getByTestId('site-status').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('isolation-mode')).toHaveAttribute('data-mode', 'service-worker');
  await expect(page.getByTestId('isolation-mode')).toContainText('service worker adds them');
  await classifierReady(page);
  await expect(page.getByTestId('runtime-info')).toHaveAttribute('data-variant', /threaded/);
  await expect(page.getByTestId('runtime-info')).toContainText(/[2-9] thread/);
  const results = await classifyFile(page, GRACE);
  expect(Object.values(results).every((top) => top.length === 5)).toBe(true);
});

test('offline: the classifier and a lesson reload from the service worker’s cache', async ({ page, context }) => {
  await openIsolated(page, 'labs/classifier/');
  await classifierReady(page);
  const online = await classifyFile(page, GRACE);
  await page.goto('lessons/tensorflow-and-keras/');
  await expect(page.locator('h1').first()).toBeVisible();
  await page.goto('reference/credits/');
  await page.getByTestId('site-status').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('offline-copies')).toHaveAttribute('data-files', /^[1-9]\d+$/);

  await context.setOffline(true);
  await page.goto('labs/classifier/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await classifierReady(page);
  const offline = await classifyFile(page, GRACE);
  for (const [id, top] of Object.entries(online)) expect(offline[id]!.map((p) => p.index), id).toEqual(top.map((p) => p.index));
  await page.reload();
  await classifierReady(page);
  await page.goto('lessons/tensorflow-and-keras/');
  await expect(page.locator('h1').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('h1').first()).toBeVisible();
  await context.setOffline(false);
});

test('the credits page shows the offline copies in both languages and deletes them', async ({ page }) => {
  await openIsolated(page, 'ja/reference/credits/');
  await page.goto('ja/labs/classifier/');
  await classifierReady(page);
  await page.goto('ja/reference/credits/');
  const copies = page.getByTestId('offline-copies');
  await page.getByTestId('site-status').scrollIntoViewIfNeeded();
  await expect(copies).toContainText('オフラインでも使えるように保存しています');
  await expect(copies).toHaveAttribute('data-files', /^[1-9]\d+$/);
  await copies.getByRole('button', { name: 'オフライン用のコピーを削除' }).click();
  await expect(copies).toHaveAttribute('data-files', '0');
  await expect(copies.getByRole('status')).toContainText('削除しました');
  await page.goto('reference/credits/');
  await page.getByTestId('site-status').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('offline-copies').getByRole('button', { name: 'Delete the offline copies' })).toBeVisible();
});
