// Measurements of the live classifier for the report (a script, not a test: timings are never asserted).
//   1. Click on a sample photo -> both results on screen, cold (fresh browser profile: models and
//      WASM downloaded) and warm (same profile, HTTP cache), default pair, median of 5 each.
//   2. Site overhead per inference: (input copy + output copy + dequantize/softmax/top-k) relative to
//      the engine's own invoke time, as the island reports them (preprocessing reported apart).
//   3. Memory over 300 webcam-style classifications (Chromium's fake camera): WASM heap and tfjs
//      tensor count, read by the island after every classification.
// Usage: start a preview of a built site, then
//   CLASSIFIER_URL=http://127.0.0.1:4402 npx tsx bench/classifier-timing.ts [--runtime tfjs-tflite|litert] [--pair <pair id>]
import { chromium, type Browser, type Page } from '@playwright/test';
import { parseArgs } from 'node:util';
import { median } from 'simple-statistics';
import { chromiumArgs, chromiumExecutable } from '../src/lib/node/chromium.ts';
import { modelPairs } from '../src/lib/models.ts';

const { values: args } = parseArgs({
  options: { runtime: { type: 'string', default: 'tfjs-tflite' }, pair: { type: 'string', default: modelPairs[0]!.id }, repeats: { type: 'string', default: '5' }, frames: { type: 'string', default: '300' } },
});
const base = process.env.CLASSIFIER_URL ?? 'http://127.0.0.1:4402';
const url = `${base}/labs/classifier/?runtime=${args.runtime}&pair=${args.pair}`;
const repeats = Number(args.repeats);

async function launch(extra: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, ...extra] });
}

/** Navigates, clicks the grace_hopper sample as soon as the island is hydrated, returns ms to results. */
async function clickToResults(page: Page): Promise<number> {
  await page.goto(url);
  await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
  // Hydrated when the island has re-created its DOM (key switch) and the buttons respond.
  await page.locator('.clf[data-hydrated="true"] button[data-sample="grace_hopper"]').waitFor({ timeout: 60_000 });
  // A string, so that tsx's helper-injection (__name) does not reach the browser.
  return page.evaluate(`new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no results within 120 s')), 120000);
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      const results = [...document.querySelectorAll('[data-testid="result"]')];
      if (results.length === 2 && results.every((r) => Number(r.dataset.run) > 0 && r.querySelector('[data-testid="prediction"]'))) {
        observer.disconnect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(document.querySelector('.clf').parentElement, { subtree: true, attributes: true, childList: true });
    document.querySelector('button[data-sample="grace_hopper"]').click();
  })`);
}

async function coldWarm() {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const browser = await launch();
    const context = await browser.newContext();
    cold.push(await clickToResults(await context.newPage()));
    warm.push(await clickToResults(await context.newPage()));
    await browser.close();
  }
  return { cold_ms: median(cold), warm_ms: median(warm), cold_all: cold.map(Math.round), warm_all: warm.map(Math.round) };
}

async function overhead() {
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
  await page.locator('.clf[data-state="ready"]').waitFor({ timeout: 120_000 });
  const rows: Record<string, { inference: number[]; overhead: number[]; preprocess: number[] }> = {};
  for (let i = 0; i < 40; i++) {
    const before = Number(await page.locator('[data-testid="result"]').first().getAttribute('data-run'));
    await page.locator('button[data-sample="grace_hopper"]').click();
    await page.waitForFunction((n) => [...document.querySelectorAll<HTMLElement>('[data-testid="result"]')].every((r) => Number(r.dataset.run) > n), before);
    if (i < 5) continue; // warm-up
    const stats = (await page.evaluate(`[...document.querySelectorAll('[data-testid="result"]')].map((e) => ({ id: e.dataset.model, inf: Number(e.dataset.inferenceMs), copy: Number(e.dataset.copyMs), pre: Number(e.dataset.preprocessMs), post: Number(e.dataset.postprocessMs) }))`)) as { id: string; inf: number; copy: number; pre: number; post: number }[];
    for (const s of stats) {
      rows[s.id] ??= { inference: [], overhead: [], preprocess: [] };
      rows[s.id]!.inference.push(s.inf);
      rows[s.id]!.overhead.push(s.copy + s.post);
      rows[s.id]!.preprocess.push(s.pre);
    }
  }
  const info = await page.locator('[data-testid="runtime-info"]').textContent();
  await browser.close();
  return {
    runtime_info: info,
    models: Object.fromEntries(
      Object.entries(rows).map(([id, r]) => [
        id,
        {
          invoke_median_ms: +median(r.inference).toFixed(2),
          site_overhead_median_ms: +median(r.overhead).toFixed(3),
          overhead_pct_of_invoke: +((100 * median(r.overhead)) / median(r.inference)).toFixed(1),
          preprocess_median_ms: +median(r.preprocess).toFixed(2),
          n: r.inference.length,
        },
      ]),
    ),
  };
}

async function memory() {
  const browser = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  const context = await browser.newContext({ permissions: ['camera'] });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
  await page.locator('.clf[data-state="ready"]').waitFor({ timeout: 120_000 });
  await page.locator('button[data-sample="grace_hopper"]').click();
  await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="result"]')?.dataset.run) >= 1);
  const read = () =>
    page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="runtime-info"]');
      const run = Number(document.querySelector('[data-testid="result"]').dataset.run);
      return { run, heap: Number(el.dataset.wasmHeap), tensors: el.dataset.tfjsTensors === undefined ? null : Number(el.dataset.tfjsTensors), jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null };
    })()`) as Promise<{ run: number; heap: number; tensors: number | null; jsHeap: number | null }>;
  await page.getByRole('button', { name: 'Use the camera' }).click();
  const frames = Number(args.frames);
  await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="result"]')?.dataset.run) >= 20, null, { timeout: 120_000 });
  const start = await read();
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-testid="result"]')?.dataset.run) >= n, start.run + frames, { timeout: 600_000 });
  const end = await read();
  const fps = await page.locator('[data-testid="fps"]').textContent();
  await browser.close();
  return { classifications: end.run - start.run, start, end, fps };
}

const result = { url, date: new Date().toISOString(), click_to_results: await coldWarm(), overhead: await overhead(), memory: await memory() };
console.log(JSON.stringify(result, null, 2));
