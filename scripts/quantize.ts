// `npm run quantize`: post-training quantization of a float .tflite from the command line. It drives
// the site's own quantizer lab in headless Chromium (the same lib/calibration + lib/quantize code a
// reader's browser runs, calibrating in the same WASM runtime) and saves the file the lab produces.
// Run `npm run quantize -- --help`.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../src/lib/node/chromium.ts';
import { downloadQuantized } from '../src/lib/node/quantizer-page.ts';
import { devImages, models } from '../src/lib/models.ts';
import { runtimeIds } from '../src/lib/runtime/index.ts';
import { isQuantizeMode, quantizeModes } from '../src/lib/calibration/modes.ts';
import { ensureBuilt, freePort, hydrated, siteIsUp, startPreview, stopPreview } from '../src/lib/node/site.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const floatIds = models.filter((m) => m.dtype === 'float32').map((m) => m.id);
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp', '.avif']);

const HELP = `npm run quantize -- --model <id or path> --mode <mode> --out <file> [options]
  --model id|path       a float model of the site (${floatIds.join(', ')}) or a float .tflite file
  --mode m              ${quantizeModes.join(' | ')}
  --out file            where to write the quantized .tflite
  --calibration n|dir   full-integer modes: the first n of the ${devImages.length} dev photos (default ${devImages.length}),
                        or a folder of your own photos
  --range method        how each activation's range is chosen (default minmax, as TensorFlow's converter)
  --io uint8|int8       int8-io only: input/output type (default uint8)
  --bias-correction     full integer: correct biases for the rounding of weights (beyond TFLite; off by default)
  --runtime r           runtime that runs the calibration: ${runtimeIds.join(', ')} (default litert)
  --json file           also write the lab's report (sizes, timings, runtime checks) as JSON
  --port n              port for the site's preview server (default: a free one)
Needs a built site in $ASTRO_OUT_DIR (default dist); runs \`npm run build\` when it is missing.`;

const { values: args } = parseArgs({
  options: {
    model: { type: 'string' },
    mode: { type: 'string' },
    out: { type: 'string' },
    calibration: { type: 'string' },
    range: { type: 'string' },
    io: { type: 'string' },
    'bias-correction': { type: 'boolean', default: false },
    runtime: { type: 'string', default: 'litert' },
    json: { type: 'string' },
    port: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`quantize: ${message}`);
  process.exit(2);
}
const log = (line: string) => console.log(`quantize: ${line}`);

if (args.help) {
  console.log(HELP);
  process.exit(0);
}
if (!args.model) fail('give --model (a site model id or a .tflite path). See --help.');
if (!isQuantizeMode(args.mode)) fail(`--mode must be one of ${quantizeModes.join(', ')}, got "${args.mode ?? ''}"`);
if (!args.out) fail('give --out <file>');
if (!(runtimeIds as string[]).includes(args.runtime!)) fail(`--runtime must be one of ${runtimeIds.join(', ')}`);
if (args.io !== undefined && args.io !== 'uint8' && args.io !== 'int8') fail('--io must be uint8 or int8');
const mode = args.mode;
const siteModel = floatIds.includes(args.model) ? args.model : null;
const modelPath = siteModel ? null : resolve(args.model);
if (modelPath) {
  try {
    if (!statSync(modelPath).isFile()) fail(`${args.model} is not a file`);
  } catch {
    fail(`"${args.model}" is neither a float model of the site (${floatIds.join(', ')}) nor a file`);
  }
}
let calibrationCount: number | null = null;
let calibrationFiles: string[] | null = null;
if (args.calibration !== undefined) {
  if (/^\d+$/.test(args.calibration)) {
    calibrationCount = Number(args.calibration);
    if (calibrationCount < 1 || calibrationCount > devImages.length) fail(`--calibration n must be from 1 to ${devImages.length}`);
  } else {
    const dir = resolve(args.calibration);
    try {
      calibrationFiles = readdirSync(dir)
        .filter((f) => IMAGE_EXTENSIONS.has(extname(f).toLowerCase()))
        .sort()
        .map((f) => join(dir, f));
    } catch {
      fail(`--calibration: "${args.calibration}" is neither a number nor a readable folder`);
    }
    if (calibrationFiles.length === 0) fail(`--calibration: no photos (${[...IMAGE_EXTENSIONS].join(' ')}) in ${dir}`);
  }
}

async function runLab(page: Page, base: string): Promise<void> {
  const q = new URLSearchParams({ mode, runtime: args.runtime! });
  if (siteModel) q.set('model', siteModel);
  if (calibrationCount !== null) q.set('calibration', String(calibrationCount));
  if (args.range) q.set('range', args.range);
  if (args.io) q.set('io', args.io);
  if (args['bias-correction']) q.set('bias', '1');
  // A site model with dev photos runs by itself (?autorun=1); a file or own photos are given through the page's inputs.
  const auto = siteModel !== null && calibrationFiles === null;
  if (auto) q.set('autorun', '1');
  await page.goto(`${base}/labs/quantizer/?${q}`);
  await hydrated(page, 'quantizer-lab');
  const lab = page.getByTestId('quantizer-lab');
  if (modelPath) await lab.getByTestId('quantize-file').setInputFiles(modelPath);
  if (!auto) {
    await lab.locator('[data-testid="quantize-model-status"][data-state="ready"], [data-testid="quantize-model-status"][data-state="error"]').waitFor({ timeout: 120_000 });
    const status = lab.getByTestId('quantize-model-status');
    if ((await status.getAttribute('data-state')) === 'error') fail(await status.innerText());
    if (args.range && !(await lab.locator(`select[name="range"] option[value="${args.range}"]`).count()) && calibrationFiles === null && mode.startsWith('int8')) {
      fail(`--range "${args.range}" is not offered by the lab`);
    }
    if (calibrationFiles) {
      await lab.locator('input[name="photos"][value="own"]').check();
      await lab.getByTestId('calibration-files').setInputFiles(calibrationFiles);
      if (args.range) await lab.locator('select[name="range"]').selectOption(args.range);
    }
    await lab.locator('button.bl-primary').click();
  }
  const status = lab.locator('[data-testid="quantize-status"][data-state="done"], [data-testid="quantize-status"][data-state="error"]');
  await status.waitFor({ timeout: 15 * 60_000 });
  if ((await status.getAttribute('data-state')) === 'error') fail(await status.innerText());
}

async function main(): Promise<void> {
  ensureBuilt(root, join('labs', 'quantizer'), log);
  const port = args.port ? Number(args.port) : await freePort();
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, got "${args.port}"`);
  const base = `http://127.0.0.1:${port}`;
  // A site already served on --port (e.g. by a test run) is used as it is.
  const preview = args.port && (await siteIsUp(port)) ? null : await startPreview(root, port);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (err) => console.error(`quantize: page error: ${err.message}`));
    const source = siteModel ?? basename(modelPath!);
    log(`${source}: ${mode}${mode.startsWith('int8') ? `, calibrating on ${calibrationFiles ? `${calibrationFiles.length} of your photos` : `${calibrationCount ?? devImages.length} dev photos`} with ${args.runtime}` : ''}…`);
    const t0 = Date.now();
    await runLab(page, base);
    const bytes = await downloadQuantized(page);
    writeFileSync(resolve(args.out!), bytes);
    const result = page.getByTestId('quantize-result');
    const sizeBefore = Number(await result.getAttribute('data-size-before'));
    const timing = page.getByTestId('quantize-timing');
    const report = {
      model: source,
      mode,
      out: resolve(args.out!),
      size_before: sizeBefore,
      size_after: bytes.length,
      ratio: Number((bytes.length / sizeBefore).toFixed(4)),
      total_ms: Number(await timing.getAttribute('data-total-ms')),
      calibration_ms: Number(await timing.getAttribute('data-calibration-ms')),
      wall_ms: Date.now() - t0,
      runtime_checks: await runtimeChecks(page),
      python: await page.getByTestId('quantize-python').innerText(),
    };
    log(`wrote ${report.out}: ${report.size_after} bytes (${report.ratio}x of ${report.size_before}) in ${(report.total_ms / 1000).toFixed(1)} s in the page`);
    for (const c of report.runtime_checks) log(`  ${c.runtime}: ${c.text}`);
    if (args.json) writeFileSync(resolve(args.json), JSON.stringify(report, null, 2) + '\n');
  } finally {
    await browser.close();
    if (preview) stopPreview(preview);
  }
}

async function runtimeChecks(page: Page): Promise<{ runtime: string; state: string; ms: number | null; text: string }[]> {
  const items = page.getByTestId('runtime-check');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="runtime-check"]')].every((e) => e.getAttribute('data-state') !== 'running'), null, { timeout: 120_000 });
  const out = [];
  for (const item of await items.all()) {
    const ms = await item.getAttribute('data-ms');
    out.push({ runtime: (await item.getAttribute('data-runtime')) ?? '', state: (await item.getAttribute('data-state')) ?? '', ms: ms ? Number(ms) : null, text: await item.innerText() });
  }
  return out;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
