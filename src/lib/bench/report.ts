// The one result format shared by the lab's "copy" buttons and `npm run bench`:
// JSON as specified in issue 5, and the same rows as a Markdown table.

export interface BenchEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  date: string;
  [key: string]: unknown;
}

export interface BenchRunRow {
  model: string;
  runtime: 'tfjs-tflite' | 'litert';
  threads: number;
  /** WASM build that ran, e.g. tflite_web_api_cc_simd_threaded. */
  variant?: string;
  median_ms: number;
  p10_ms: number;
  p90_ms: number;
  n: number;
  size_bytes: number;
  load_ms: number;
  /** Fraction (0-1) of the dev photos whose top-1 / top-5 contains the true class; null when not measured. */
  top1_dev: number | null;
  top5_dev: number | null;
  [key: string]: unknown;
}

export interface RatioRow {
  baseline: string;
  candidate: string;
  runtime: 'tfjs-tflite' | 'litert';
  threads: number;
  speedup: number;
  ci_low: number;
  ci_high: number;
}

export interface BenchReport {
  environment: BenchEnvironment;
  runs: BenchRunRow[];
  ratios: RatioRow[];
  [key: string]: unknown;
}

export function browserEnvironment(): BenchEnvironment {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return {
    userAgent: nav?.userAgent ?? 'unknown',
    hardwareConcurrency: nav?.hardwareConcurrency ?? 0,
    crossOriginIsolated: typeof crossOriginIsolated === 'undefined' ? false : crossOriginIsolated,
    date: new Date().toISOString(),
  };
}

/** Rounds for display and for the JSON (sub-microsecond digits are noise). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const pct = (x: number | null) => (x === null ? '–' : `${round(x * 100, 1)}%`);
const mb = (bytes: number) => `${round(bytes / 1e6, 2)} MB`;

export function reportToMarkdown(report: BenchReport): string {
  const lines = [
    '| model | runtime | threads | median (ms) | p10 (ms) | p90 (ms) | n | speedup vs baseline (95% CI) | size | load (ms) | top-1 dev | top-5 dev |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
  ];
  for (const r of report.runs) {
    const ratio = report.ratios.find((q) => q.candidate === r.model && q.runtime === r.runtime && q.threads === r.threads);
    const ratioText = ratio ? `${ratio.speedup.toFixed(2)}× (${ratio.ci_low.toFixed(2)}–${ratio.ci_high.toFixed(2)}) vs ${ratio.baseline}` : '';
    lines.push(
      `| ${r.model} | ${r.runtime} | ${r.threads} | ${r.median_ms.toFixed(2)} | ${r.p10_ms.toFixed(2)} | ${r.p90_ms.toFixed(2)} | ${r.n} | ${ratioText} | ${mb(r.size_bytes)} | ${Math.round(r.load_ms)} | ${pct(r.top1_dev)} | ${pct(r.top5_dev)} |`,
    );
  }
  const env = report.environment;
  lines.push('', `Environment: ${env.userAgent}; hardwareConcurrency ${env.hardwareConcurrency}; crossOriginIsolated ${env.crossOriginIsolated}; ${env.date}`);
  return lines.join('\n');
}

export function reportToJson(report: BenchReport): string {
  return JSON.stringify(report, null, 2);
}
