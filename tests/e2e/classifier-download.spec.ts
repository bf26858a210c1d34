// First visit, measured over the wire: every response from navigation to the first result on the
// default pair with the default runtime, each body's gzip -9 size (what a static host that
// compresses sends; never more than the raw body), must stay under 6 MB. Also: the WASM files the
// runtime fetched are the ones the page's download statement counts.
import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures.ts';
import { CLASSIFIER } from './classifier-helpers.ts';
import { runtimeDownloadFiles } from '../../src/lib/classify/download.ts';
import { DEFAULT_RUNTIME } from '../../src/lib/runtime/index.ts';
import type { Response } from '@playwright/test';

const LIMIT = 6_000_000;

test('first visit to the first result: under 6 MB over the wire (gzip -9 of every response)', async ({ page, context }) => {
  test.setTimeout(180_000);
  const responses: Response[] = [];
  let recording = true;
  // Context-wide, so that a service worker's own fetches count too; a response the page got from
  // the service worker is the same bytes again and is skipped.
  context.on('response', (res) => {
    if (recording && !res.fromServiceWorker() && res.request().method() === 'GET') responses.push(res);
  });
  await page.goto(CLASSIFIER);
  await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
  await page.locator('.clf[data-hydrated="true"][data-state="ready"] button[data-sample="grace_hopper"]').click({ timeout: 90_000 });
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-testid="result"]')].every((r) => Number(r.dataset.run) > 0), null, { timeout: 60_000 });
  recording = false;

  const rows: { url: string; raw: number; wire: number }[] = [];
  let cacheHits = 0;
  for (const res of responses) {
    if (res.status() >= 300 && res.status() < 400) continue;
    // A body served from the browser's HTTP cache (a worker loading the same script, a second
    // fetch of a model file) did not cross the wire.
    if ((await res.request().sizes()).responseBodySize === 0) {
      cacheHits++;
      continue;
    }
    const body = await res.body().catch(() => null);
    if (!body) continue;
    rows.push({ url: new URL(res.url()).pathname, raw: body.length, wire: Math.min(body.length, gzipSync(body, { level: 9 }).length) });
  }
  const total = rows.reduce((n, r) => n + r.wire, 0);
  const raw = rows.reduce((n, r) => n + r.raw, 0);
  rows.sort((a, b) => b.wire - a.wire);
  console.log(`[download] ${rows.length} responses (${cacheHits} more from the HTTP cache), ${(raw / 1e6).toFixed(2)} MB raw, ${(total / 1e6).toFixed(2)} MB gzip -9 before the first result (${DEFAULT_RUNTIME})`);
  for (const r of rows.slice(0, 8)) console.log(`[download]   ${(r.wire / 1e6).toFixed(3)} MB (raw ${(r.raw / 1e6).toFixed(3)})  ${r.url}`);
  expect(total).toBeLessThan(LIMIT);

  // The runtime's files are the ones the download statement counts, and it counts them all.
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const wasm = [...new Set(rows.filter((r) => r.url.includes('/wasm/')).map((r) => r.url.replace(/^.*?\/(wasm\/)/, '$1')))].sort();
  expect(wasm).toEqual([...runtimeDownloadFiles(DEFAULT_RUNTIME, isolated)].sort());
  const plan = page.getByTestId('download-plan');
  const stated = Number(await plan.getAttribute('data-bytes'));
  const unique = new Map(rows.filter((r) => /\/(wasm|models)\//.test(r.url)).map((r) => [r.url, r.raw]));
  const fetched = [...unique.values()].reduce((n, b) => n + b, 0);
  expect(stated).toBe(fetched);
  // The gallery shows thumbnails: no full-size sample photo but the one picked.
  const photos = rows.filter((r) => r.url.includes('/images/'));
  expect(photos.map((p) => p.url)).toEqual(['/images/grace_hopper.jpg']);
  for (const thumb of rows.filter((r) => r.url.includes('/thumbs/'))) expect(thumb.raw, thumb.url).toBeLessThan(10_000);
});

test('the progress bar counts the WASM engine and the models, as the download statement says', async ({ page }) => {
  // Hold the engine back a little, so the loading state can be read.
  await page.route('**/wasm/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(CLASSIFIER);
  await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
  const plan = page.getByTestId('download-plan');
  await expect(plan).toHaveAttribute('data-bytes', /\d+/);
  const stated = Number(await plan.getAttribute('data-bytes'));
  const total = `${(stated / 1e6).toFixed(1)} MB`; // formatBytes: one decimal from 10 MB up
  await expect(page.locator('.clf-progress label')).toContainText(`of ${total}`);
  await expect(page.locator('.clf')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await expect(page.locator('.clf-progress')).toHaveCount(0);
});
