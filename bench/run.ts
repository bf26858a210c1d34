// `npm run bench`: drives the site's own benchmark lab page in headless Chromium (the same lib code
// a reader's browser runs), adds an independent bare-loop reference, optionally the accuracy lab,
// and writes bench/results/latest.{json,md} plus timestamped copies. Run `npm run bench -- --help`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../src/lib/node/chromium.ts';
import { bundlePageScript } from '../src/lib/node/page-script.ts';
import { ensureBuilt, freePort, hydrated, startPreview, stopPreview } from '../src/lib/node/site.ts';
import { models } from '../src/lib/models.ts';
import { runtimeIds } from '../src/lib/runtime/index.ts';
import { medianOf } from '../src/lib/bench/stats.ts';
import { reportToMarkdown, type BenchReport, type BenchRunRow, type RatioRow } from '../src/lib/bench/report.ts';
import { presets } from '../src/lib/catalog/selection.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `npm run bench -- [options]
  --models a,b          manifest model ids, first is the baseline (default: the lab's default pair)
  --runtimes r1,r2      ${runtimeIds.join(', ')} (default: all)
  --threads n           WASM threads (default: the lab's default for this machine)
  --runs n              timed runs per model (default 30)
  --warmup n            warm-up runs per model, not timed (default 5)
  --accuracy            also run the accuracy lab on the first two models (dev photos)
  --photos n            photos for --accuracy (default 100)
  --no-bare             skip the bare-loop reference
  --bare-rounds n       lab and bare loop alternate n times for the comparison (default 3)
  --launches n          fresh browser launches, each measuring everything (default 3)
  --litert where        LiteRT.js in the lab runs in a 'worker' or in the 'page' (the site's default)
  --out dir             results folder (default bench/results)
Needs a built site in $ASTRO_OUT_DIR (default dist); runs \`npm run build\` when it is missing.`;

const { values: args } = parseArgs({
  options: {
    models: { type: 'string' },
    runtimes: { type: 'string' },
    threads: { type: 'string' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    accuracy: { type: 'boolean', default: false },
    photos: { type: 'string', default: '100' },
    'no-bare': { type: 'boolean', default: false },
    'bare-rounds': { type: 'string', default: '3' },
    launches: { type: 'string', default: '3' },
    litert: { type: 'string' },
    out: { type: 'string', default: join(root, 'bench', 'results') },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const modelIds = args.models ? args.models.split(',').map((s) => s.trim()).filter(Boolean) : [...(presets()[0]?.ids ?? [])];
for (const id of modelIds) if (!models.some((m) => m.id === id)) fail(`unknown model "${id}". Known: ${models.map((m) => m.id).join(', ')}`);
if (new Set(modelIds).size < 2) fail('give at least two different models');
const runtimes = args.runtimes ? args.runtimes.split(',').map((s) => s.trim()) : [...runtimeIds];
for (const r of runtimes) if (!(runtimeIds as string[]).includes(r)) fail(`unknown runtime "${r}". Known: ${runtimeIds.join(', ')}`);
const intArg = (name: string, value: string | undefined, min: number, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
};
const runs = intArg('runs', args.runs, 3, 2000);
const warmup = intArg('warmup', args.warmup, 0, 200);
const photos = intArg('photos', args.photos, 1, 100);
const bareRounds = intArg('bare-rounds', args['bare-rounds'], 1, 20);
if (args.litert !== undefined && args.litert !== 'page' && args.litert !== 'worker') fail(`--litert takes page or worker, not "${args.litert}"`);
const launches = intArg('launches', args.launches, 1, 20);
const threadsArg = args.threads === undefined ? undefined : intArg('threads', args.threads, 1, 64);

interface LabRun {
  report: BenchReport;
  wallMs: number;
}

async function runLab(page: Page, base: string, runtime: string, closeAfter = false): Promise<LabRun> {
  const q = new URLSearchParams();
  for (const id of modelIds) q.append('model', id);
  q.set('runtime', runtime);
  if (args.litert) q.set('litert', args.litert);
  if (threadsArg !== undefined) q.set('threads', String(threadsArg));
  q.set('runs', String(runs));
  q.set('warmup', String(warmup));
  await page.goto(`${base}/labs/benchmark/?${q}`);
  await hydrated(page, 'benchmark-lab');
  const t0 = Date.now();
  await page.getByTestId('benchmark-lab').getByRole('button', { name: 'Run benchmark' }).click();
  await page.getByTestId('bench-done').or(page.getByTestId('bench-message')).waitFor({ timeout: 10 * 60_000 });
  const wallMs = Date.now() - t0;
  if (await page.getByTestId('bench-message').count()) fail(`${runtime}: ${await page.getByTestId('bench-message').innerText()}`);
  const report = JSON.parse((await page.getByTestId('bench-json').textContent()) ?? '') as BenchReport;
  if (closeAfter) await page.close();
  return { report, wallMs };
}

interface AccuracyJson {
  runtime: string;
  n: number;
  models: { id: string; top1: number; top5: number; top1_count: number; top5_count: number }[];
  agreement: number;
  mean_abs_delta_p_true: number;
  elapsed_ms: number;
  longest_main_thread_task_ms: number | null;
}

async function runAccuracy(page: Page, base: string, runtime: string): Promise<AccuracyJson | null> {
  const [a, b] = modelIds;
  const pair = presets().find((p) => p.ids[0] === a && p.ids[1] === b) ?? presets().find((p) => p.ids.includes(a!) && p.ids.includes(b!));
  if (!pair) {
    console.warn(`bench: no manifest pair for ${a} and ${b}; skipping accuracy`);
    return null;
  }
  await page.goto(`${base}/labs/accuracy/?pair=${pair.id}&runtime=${runtime}&photos=${photos}`);
  await hydrated(page, 'accuracy-lab');
  await page.getByTestId('accuracy-lab').getByRole('button', { name: 'Run on the photos' }).click();
  await page.getByTestId('accuracy-done').or(page.getByTestId('accuracy-message')).waitFor({ timeout: 10 * 60_000 });
  if (await page.getByTestId('accuracy-message').count()) fail(`accuracy on ${runtime}: ${await page.getByTestId('accuracy-message').innerText()}`);
  return JSON.parse((await page.getByTestId('accuracy-json').textContent()) ?? '') as AccuracyJson;
}

const pctDiff = (lab: number, bare: number) => (100 * (lab - bare)) / bare;

interface BareRow {
  runtime: string;
  model: string;
  rounds: number;
  bare_median_ms: number;
  lab_median_ms: number;
  diff_pct: number;
  lab_medians_ms: number[];
  bare_medians_ms: number[];
}

interface LoadSample {
  /** /proc/loadavg's 1-minute average just before the launch. */
  loadavg_1m: number | null;
  /** Share of all CPU time that was busy during one second just before the launch (other processes), %. */
  cpu_busy_pct: number | null;
}

interface LaunchResult {
  launch: number;
  load: LoadSample;
  labs: LabRun[];
  bare: BareRow[];
  accuracy: AccuracyJson[];
  cold_start: { runtime: string; ms: number }[];
  seconds: number;
}

/** Background CPU load before a launch, from /proc (Linux); null elsewhere. */
async function sampleLoad(): Promise<LoadSample> {
  const stat = () => {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    return { idle, total: cpu.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = stat();
    await new Promise((r) => setTimeout(r, 1000));
    const b = stat();
    const loadavg = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
    return { loadavg_1m: loadavg, cpu_busy_pct: round((100 * (b.total - a.total - (b.idle - a.idle))) / Math.max(1, b.total - a.total), 1) };
  } catch {
    return { loadavg_1m: null, cpu_busy_pct: null };
  }
}

/**
 * Cold start: a fresh browser context (empty HTTP cache), navigation to the classifier with this
 * runtime, the first sample photo clicked as soon as the models are ready, until its results show.
 */
async function coldStart(browser: Browser, base: string, runtime: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/labs/classifier/?runtime=${runtime}`);
    await page.locator('.clf').waitFor({ state: 'attached' });
    await page.evaluate(() => document.querySelector('.clf')?.scrollIntoView());
    await page.locator('.clf[data-state="ready"]').waitFor({ timeout: 120_000 });
    await page.locator('.clf button[data-sample]').first().click();
    await page.waitForFunction(() => {
      const results = [...document.querySelectorAll<HTMLElement>('[data-testid="result"]')];
      return results.length > 0 && results.every((r) => Number(r.dataset.run) > 0 && r.querySelector('[data-testid="prediction"]'));
    }, null, { timeout: 120_000 });
    return Date.now() - t0;
  } finally {
    await context.close();
  }
}

async function runLaunch(launch: number, base: string, bareScript: string | null, withAccuracy: boolean): Promise<LaunchResult> {
  const load = await sampleLoad();
  console.log(`bench: launch ${launch}/${launches}: background load ${load.loadavg_1m ?? '?'} (1-min avg), CPU ${load.cpu_busy_pct ?? '?'}% busy before start`);
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const cold: { runtime: string; ms: number }[] = [];
    for (const runtime of runtimes) {
      const ms = await coldStart(browser, base, runtime);
      cold.push({ runtime, ms });
      console.log(`bench: launch ${launch}: ${runtime}: cold start ${(ms / 1000).toFixed(2)} s (navigation to first result)`);
    }
    const context = await browser.newContext();
    // The bare loop is injected as an inline script, which the site's CSP forbids (rightly); its
    // pages bypass the CSP. The labs run under the real policy.
    const bareContext = await browser.newContext({ bypassCSP: true });
    const labs: LabRun[] = [];
    const bare: BareRow[] = [];
    const accuracy: AccuracyJson[] = [];
    for (const runtime of runtimes) {
      const page = await context.newPage();
      console.log(`bench: launch ${launch}: ${runtime}: ${modelIds.join(' vs ')}, ${warmup} warm-up + ${runs} timed runs each…`);
      const lab = await runLab(page, base, runtime);
      labs.push(lab);
      const used = lab.report.runs[0]!.threads;
      if (threadsArg !== undefined && used !== threadsArg) console.warn(`bench: ${runtime}: asked for ${threadsArg} threads, the page allowed ${used}`);
      console.log(`bench: launch ${launch}: ${runtime}: lab run took ${(lab.wallMs / 1000).toFixed(1)} s`);
      if (withAccuracy) {
        const acc = await runAccuracy(page, base, runtime);
        if (acc) {
          accuracy.push(acc);
          console.log(`bench: ${runtime}: accuracy on ${acc.n} photos took ${(acc.elapsed_ms / 1000).toFixed(1)} s`);
        }
      }
      await page.close();
      if (bareScript) {
        // Lab and bare loop alternate for a few rounds so a change in machine load hits both alike;
        // the comparison uses the median over rounds of each side's median.
        const threads = lab.report.runs[0]!.threads;
        const labMedians = new Map<string, number[]>(modelIds.map((id) => [id, []]));
        const bareMedians = new Map<string, number[]>(modelIds.map((id) => [id, []]));
        for (let round = 0; round < bareRounds; round++) {
          const labReport = round === 0 ? lab.report : (await runLab(await context.newPage(), base, runtime, true)).report;
          for (const row of labReport.runs) labMedians.get(row.model)!.push(row.median_ms);
          // A fresh page with no lab on it: only the runtime, the photo and a for-loop.
          const barePage = await bareContext.newPage();
          await barePage.goto(`${base}/`);
          await barePage.addScriptTag({ content: bareScript });
          const results = (await barePage.evaluate(
            (opts) => (globalThis as unknown as { __bareLoop: (o: unknown) => Promise<unknown> }).__bareLoop(opts),
            { runtime, models: modelIds, threads, warmup, runs },
          )) as { model: string; median_ms: number }[];
          for (const r of results) bareMedians.get(r.model)!.push(r.median_ms);
          await barePage.close();
        }
        for (const id of modelIds) {
          const labMs = medianOf(labMedians.get(id)!);
          const bareMs = medianOf(bareMedians.get(id)!);
          bare.push({
            runtime,
            model: id,
            rounds: bareRounds,
            lab_median_ms: round(labMs),
            bare_median_ms: round(bareMs),
            diff_pct: round(pctDiff(labMs, bareMs), 1),
            lab_medians_ms: labMedians.get(id)!.map((x) => round(x)),
            bare_medians_ms: bareMedians.get(id)!.map((x) => round(x)),
          });
        }
      }
    }
    return { launch, load, labs, bare, accuracy, cold_start: cold, seconds: round((Date.now() - started) / 1000, 1) };
  } finally {
    await browser.close();
  }
}

/** Launch medians of one model in one runtime differing by more than this (max-min over median) get a warning. */
const DISAGREE_PCT = 15;

async function main(): Promise<void> {
  ensureBuilt(root, join('labs', 'benchmark'), (line) => console.log(`bench: ${line}`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const preview = await startPreview(root, port);
  const started = Date.now();
  try {
    const bareScript = args['no-bare'] ? null : await bundlePageScript(root, join(root, 'bench', 'bare-loop.ts'));
    const results: LaunchResult[] = [];
    // Each launch is a fresh browser: V8 sometimes never fully optimises the hot WASM path in one
    // launch (NOTES.md), so one launch is not a measurement. Accuracy is deterministic: once.
    for (let i = 1; i <= launches; i++) results.push(await runLaunch(i, base, bareScript, args.accuracy && i === 1));

    // Per runtime and model: every launch's median and p90, their spread, and the launch in the middle.
    const warnings: string[] = [];
    const acrossLaunches = results[0]!.labs.flatMap((lab) =>
      lab.report.runs.map((row) => {
        const rows = results.map((r) => r.labs.flatMap((l) => l.report.runs).find((x) => x.runtime === row.runtime && x.model === row.model)!);
        const medians = rows.map((x) => x.median_ms);
        const mid = medianOf(medians);
        const spread = (100 * (Math.max(...medians) - Math.min(...medians))) / mid;
        if (launches > 1 && spread > DISAGREE_PCT) {
          warnings.push(`${row.runtime} ${row.model}: launch medians ${medians.map((m) => m.toFixed(2)).join(', ')} ms differ by ${spread.toFixed(0)}% (> ${DISAGREE_PCT}%)`);
        }
        return {
          runtime: row.runtime,
          model: row.model,
          threads: row.threads,
          median_of_launch_medians_ms: round(mid),
          launch_medians_ms: medians.map((m) => round(m)),
          launch_p90_ms: rows.map((x) => round(x.p90_ms)),
          spread_pct: round(spread, 1),
          middle_row: rows[medians.indexOf([...medians].sort((a, b) => a - b)[(medians.length - 1) >> 1]!)]!,
        };
      }),
    );
    for (const w of warnings) console.warn(`bench: WARNING launches disagree: ${w}`);

    const accuracy = results.flatMap((r) => r.accuracy);
    const runsRows: BenchRunRow[] = acrossLaunches.map((a) => a.middle_row);
    for (const row of runsRows) {
      const acc = accuracy.find((a) => a.runtime === row.runtime)?.models.find((m) => m.id === row.model);
      row.top1_dev = acc ? acc.top1 : null;
      row.top5_dev = acc ? acc.top5 : null;
    }
    const middleLaunchOf = (runtime: string) => {
      const first = acrossLaunches.find((a) => a.runtime === runtime)!;
      return results[first.launch_medians_ms.indexOf(round(first.middle_row.median_ms))] ?? results[0]!;
    };
    const ratios: RatioRow[] = runtimes.flatMap((rt) => middleLaunchOf(rt).labs.find((l) => l.report.runs[0]?.runtime === rt)?.report.ratios ?? []);
    const bare: BareRow[] = runtimes.flatMap((rt) =>
      modelIds.map((id) => {
        const rows = results.map((r) => r.bare.find((b) => b.runtime === rt && b.model === id)).filter((b): b is BareRow => !!b);
        const labAll = rows.flatMap((b) => b.lab_medians_ms);
        const bareAll = rows.flatMap((b) => b.bare_medians_ms);
        const labMs = labAll.length ? medianOf(labAll) : NaN;
        const bareMs = bareAll.length ? medianOf(bareAll) : NaN;
        return { runtime: rt, model: id, rounds: labAll.length, lab_median_ms: round(labMs), bare_median_ms: round(bareMs), diff_pct: round(pctDiff(labMs, bareMs), 1), lab_medians_ms: labAll, bare_medians_ms: bareAll };
      }),
    ).filter((b) => b.rounds > 0);
    const coldStart = runtimes.map((rt) => {
      const ms = results.map((r) => r.cold_start.find((c) => c.runtime === rt)!.ms);
      return { runtime: rt, median_ms: medianOf(ms), launches_ms: ms };
    });
    const allLabs = results.flatMap((r) => r.labs);
    const env = results[0]!.labs[0]!.report.environment;
    const longest = Math.max(...allLabs.map((r) => Number(r.report.environment.longest_main_thread_task_ms ?? 0)), ...accuracy.map((a) => a.longest_main_thread_task_ms ?? 0));
    const report: BenchReport = {
      environment: {
        ...env,
        longest_main_thread_task_ms: longest,
        unreliable: allLabs.flatMap((r) => (r.report.environment.unreliable as unknown[]) ?? []),
        runs_requested: runs,
        launches,
        background_load: results.map((r) => ({ launch: r.launch, ...r.load })),
        node: process.version,
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      },
      runs: runsRows,
      ratios,
      launches: acrossLaunches.map(({ middle_row: _row, ...rest }) => rest),
      launch_warnings: warnings,
      cold_start: coldStart,
      bare_loop: bare,
      accuracy,
      targets: {
        lab_within_10pct_of_bare_loop: bare.length ? bare.every((b) => Math.abs(b.diff_pct) <= 10) : null,
        candidate_faster_in_every_runtime: ratios.length ? ratios.every((q) => q.ci_low > 1) : null,
        launches_agree_within_pct: launches > 1 ? warnings.length === 0 : null,
        lab_run_seconds: allLabs.map((r) => ({ runtime: r.report.runs[0]?.runtime, seconds: round(r.wallMs / 1000, 1) })),
        default_run_under_30s: allLabs.every((r) => r.wallMs < 30_000),
        accuracy_seconds: accuracy.map((a) => ({ runtime: a.runtime, seconds: round(a.elapsed_ms / 1000, 1) })),
        accuracy_under_60s: accuracy.length ? accuracy.every((a) => a.elapsed_ms < 60_000) : null,
        longest_main_thread_task_ms: longest,
        no_task_over_200ms: longest <= 200,
      },
      total_seconds: round((Date.now() - started) / 1000, 1),
    };
    const md = [
      `# Benchmark ${env.date}`,
      '',
      `${launches} fresh browser launch(es); the table shows, per row, the launch whose median is the median of the launches.`,
      '',
      reportToMarkdown(report),
      '',
      `## Across launches (median inference, ms; p90 in brackets)`,
      '',
      `| runtime | model | threads | median of launches | ${results.map((r) => `launch ${r.launch}`).join(' | ')} | spread |`,
      `|---|---|---:|---:|${results.map(() => '---:').join('|')}|---:|`,
      ...acrossLaunches.map(
        (a) =>
          `| ${a.runtime} | ${a.model} | ${a.threads} | ${a.median_of_launch_medians_ms.toFixed(2)} | ${a.launch_medians_ms.map((m, i) => `${m.toFixed(2)} (${a.launch_p90_ms[i]!.toFixed(1)})`).join(' | ')} | ${a.spread_pct.toFixed(1)}% |`,
      ),
      '',
      `Background load before each launch: ${results.map((r) => `launch ${r.launch}: loadavg ${r.load.loadavg_1m ?? '?'}, CPU ${r.load.cpu_busy_pct ?? '?'}% busy`).join('; ')}.`,
      ...(warnings.length ? ['', `**Launches disagree** (spread > ${DISAGREE_PCT}%): ${warnings.join('; ')}. Compare ratios within one launch, or re-run on a quieter machine.`] : []),
      '',
      '## Cold start (navigation to the first result in the classifier, empty cache)',
      '',
      '| runtime | median (s) | per launch (s) |',
      '|---|---:|---|',
      ...coldStart.map((c) => `| ${c.runtime} | ${(c.median_ms / 1000).toFixed(2)} | ${c.launches_ms.map((m) => (m / 1000).toFixed(2)).join(', ')} |`),
      '',
      ...(bare.length
        ? [
            `## Lab vs bare loop (median inference, ms; median over ${bareRounds} alternating rounds × ${launches} launches)`,
            '',
            '| runtime | model | lab | bare loop | difference | lab per round | bare per round |',
            '|---|---|---:|---:|---:|---|---|',
            ...bare.map(
              (b) =>
                `| ${b.runtime} | ${b.model} | ${b.lab_median_ms.toFixed(2)} | ${b.bare_median_ms.toFixed(2)} | ${b.diff_pct > 0 ? '+' : ''}${b.diff_pct.toFixed(1)}% | ${b.lab_medians_ms.map((x) => x.toFixed(1)).join(', ')} | ${b.bare_medians_ms.map((x) => x.toFixed(1)).join(', ')} |`,
            ),
            '',
          ]
        : []),
      '## Targets',
      '',
      '```json',
      JSON.stringify(report.targets, null, 2),
      '```',
      '',
    ].join('\n');
    mkdirSync(args.out!, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const json = JSON.stringify(report, null, 2) + '\n';
    for (const name of ['latest', stamp]) {
      writeFileSync(join(args.out!, `${name}.json`), json);
      writeFileSync(join(args.out!, `${name}.md`), md);
    }
    console.log('\n' + md);
    console.log(`bench: wrote ${join(args.out!, 'latest.json')} and ${stamp}.json (+ .md)`);
  } finally {
    stopPreview(preview);
  }
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
