// `npx tsx scripts/quantize-measure.ts [what…]`: the quantizer's measurements, taken the way a reader
// takes them, through the site's own labs in headless Chromium:
//   time      full integer with 100 calibration photos (quantizer lab, ?autorun=1), per model and
//             runtime: total and calibration time, longest main-thread task
//   heldout   each range method calibrated on dev photos 51-100, top-1 agreement with float on 1-50
//             (quantizer lab ?offset=50&calibration=50, then the accuracy lab on 50 photos)
//   speed     float vs dynamic range vs float16 vs full integer, interleaved, both runtimes
//             (the settings comparison of the how-much-faster lesson)
//   agreement top-1 agreement of each setting with float on the 100 dev photos (accuracy lab)
//   reference ours vs TFLite's reference file, interleaved in the benchmark lab, both runtimes
//             (needs ASSET_MIRROR with reference-quantized/)
// Writes JSON lines to stdout. Needs a built site; --port like `npm run quantize`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../src/lib/node/chromium.ts';
import { downloadQuantized, storeQuantizerHandoff } from '../src/lib/node/quantizer-page.ts';
import { runtimeIds } from '../src/lib/runtime/index.ts';
import { RANGE_METHODS } from '../src/lib/quantize/index.ts';
import { ensureBuilt, freePort, hydrated, siteIsUp, startPreview, stopPreview } from '../src/lib/node/site.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, models: { type: 'string', default: 'mobilenet_v1_0.25_224_float,mobilenet_v2_1.0_224_float_twin' }, runs: { type: 'string', default: '30' } },
});
const what = new Set(positionals.length ? positionals : ['time', 'heldout', 'agreement', 'speed', 'reference']);
const models = args.models!.split(',');
const REFERENCE: Record<string, string> = {
  'mobilenet_v1_0.25_224_float': 'mobilenet_v1_0.25_224_int8_float-io.tflite',
  'mobilenet_v2_1.0_224_float_twin': 'mobilenet_v2_1.0_224_twin_int8_float-io.tflite',
};
const referenceDir = join(resolve(process.env.ASSET_MIRROR ?? '../shared/assets'), 'reference-quantized');
const emit = (record: Record<string, unknown>) => console.log(JSON.stringify(record));

async function quantize(page: Page, base: string, params: Record<string, string>): Promise<void> {
  await page.goto(`${base}/labs/quantizer/?${new URLSearchParams({ ...params, autorun: '1' })}`);
  const status = page.locator('[data-testid="quantize-status"][data-state="done"], [data-testid="quantize-status"][data-state="error"]');
  await status.waitFor({ timeout: 15 * 60_000 });
  if ((await status.getAttribute('data-state')) === 'error') throw new Error(await status.innerText());
}

async function agreement(page: Page, photos: number): Promise<{ count: number; n: number }> {
  await hydrated(page, 'accuracy-lab');
  await page.getByTestId('accuracy-handoff').waitFor();
  await page.locator('input[name="photos"]').fill(String(photos));
  await page.getByTestId('accuracy-lab').locator('button.bl-primary').click();
  await page.getByTestId('accuracy-done').or(page.getByTestId('accuracy-message')).waitFor({ timeout: 15 * 60_000 });
  const a = page.getByTestId('accuracy-agreement');
  return { count: Number(await a.getAttribute('data-count')), n: Number(await a.getAttribute('data-n')) };
}

async function main(): Promise<void> {
  ensureBuilt(root, join('labs', 'quantizer'), (l) => console.error(l));
  const port = args.port ? Number(args.port) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A site already served on --port (e.g. by a test run) is used as it is.
  const preview = args.port && (await siteIsUp(port)) ? null : await startPreview(root, port);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const model of models) {
      if (what.has('time')) {
        for (const runtime of runtimeIds) {
          await quantize(page, base, { model, mode: 'int8', calibration: '100', runtime });
          const timing = page.getByTestId('quantize-timing');
          const attr = (name: string) => timing.getAttribute(name);
          emit({
            what: 'time', model, runtime,
            total_ms: Number(await attr('data-total-ms')), calibration_ms: Number(await attr('data-calibration-ms')),
            longest_task_ms: Number(await attr('data-longest-task-ms')), inference_in_worker: (await attr('data-inference-in-worker')) === 'true',
            text: await timing.innerText(),
            size_before: Number(await page.getByTestId('quantize-result').getAttribute('data-size-before')),
            size_after: Number(await page.getByTestId('quantize-result').getAttribute('data-size-after')),
          });
        }
      }
      if (what.has('heldout')) {
        for (const range of RANGE_METHODS) {
          for (const bias of ['0', '1']) {
            await quantize(page, base, { model, mode: 'int8', calibration: '50', offset: '50', range, bias });
            await page.getByTestId('to-accuracy').click();
            await page.waitForURL(/handoff=quantizer/);
            emit({ what: 'heldout', model, range, bias_correction: bias === '1', calibrated_on: 'dev photos 51-100', evaluated_on: 'dev photos 1-50', ...(await agreement(page, 50)) });
          }
        }
      }
      if (what.has('agreement')) {
        for (const mode of ['dynamic', 'float16', 'int8'] as const) {
          await quantize(page, base, { model, mode, calibration: '100' });
          await page.getByTestId('to-accuracy').click();
          await page.waitForURL(/handoff=quantizer/);
          emit({ what: 'agreement', model, mode, evaluated_on: 'dev photos 1-100', ...(await agreement(page, 100)) });
        }
      }
      if (what.has('reference') && existsSync(referenceDir)) {
        await quantize(page, base, { model, mode: 'int8', calibration: '100' });
        const ours = await downloadQuantized(page);
        const ref = Array.from(readFileSync(join(referenceDir, REFERENCE[model]!)));
        await storeQuantizerHandoff(page, { name: `reference_${REFERENCE[model]}`, bytes: ref }, { name: 'ours_int8.tflite', bytes: ours });
        for (const runtime of runtimeIds) {
          await page.goto(`${base}/labs/benchmark/?handoff=quantizer&runtime=${runtime}&runs=${args.runs}&warmup=5`);
          await hydrated(page, 'benchmark-lab');
          await page.waitForFunction(() => document.querySelectorAll('input[name="model"]:checked').length === 2);
          await page.getByTestId('benchmark-lab').locator('button.bl-primary').click();
          await page.getByTestId('bench-done').or(page.getByTestId('bench-message')).waitFor({ timeout: 15 * 60_000 });
          if (await page.getByTestId('bench-message').count()) throw new Error(await page.getByTestId('bench-message').innerText());
          const report = JSON.parse((await page.getByTestId('bench-json').textContent()) ?? '{}');
          emit({ what: 'reference', model, runtime, runs: report.runs, ratios: report.ratios });
        }
      }
      if (what.has('speed')) {
        await page.goto(`${base}/lessons/how-much-faster/`);
        const lab = page.getByTestId('settings-comparison');
        await lab.scrollIntoViewIfNeeded();
        // Only this island: the lesson's other islands hydrate when they are scrolled to.
        await page.locator('astro-island:not([ssr]) [data-testid="settings-comparison"]').waitFor({ timeout: 60_000 });
        await lab.locator('select[name="model"]').selectOption(model);
        await lab.locator('button.bl-primary').click();
        const status = page.locator('[data-testid="comparison-status"][data-state="done"], [data-testid="comparison-status"][data-state="message"]');
        await status.waitFor({ timeout: 30 * 60_000 });
        const rows = await lab.locator('[data-testid="comparison-table"] tbody tr').evaluateAll((trs) =>
          trs.map((tr) => ({
            setting: tr.getAttribute('data-setting'),
            cells: [...tr.querySelectorAll('td')].map((td) => ({ runtime: td.getAttribute('data-runtime'), median: td.getAttribute('data-median'), speedup: td.getAttribute('data-speedup'), text: td.textContent })),
          })),
        );
        emit({ what: 'speed', model, status: await status.innerText(), rows, notes: await lab.locator('.bl-hint, .bl-note').allInnerTexts() });
      }
    }
  } finally {
    await browser.close();
    if (preview) stopPreview(preview);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
