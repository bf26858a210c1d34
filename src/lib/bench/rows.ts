// Turns measured benchmark (and accuracy) results into the report rows of report.ts.
import type { BenchmarkResult } from './benchmark.ts';
import type { BenchEnvironment, BenchReport, BenchRunRow, RatioRow } from './report.ts';
import { round } from './report.ts';

export interface DevAccuracy {
  top1: number;
  top5: number;
}

export function reportFrom(
  results: readonly BenchmarkResult[],
  environment: BenchEnvironment,
  accuracy: (modelId: string, runtime: BenchmarkResult['runtime']) => DevAccuracy | undefined = () => undefined,
): BenchReport {
  const runs: BenchRunRow[] = [];
  const ratios: RatioRow[] = [];
  for (const r of results) {
    for (const m of r.models) {
      const acc = accuracy(m.id, r.runtime);
      runs.push({
        model: m.id,
        runtime: r.runtime,
        threads: m.info.threads,
        variant: m.info.variant,
        median_ms: round(m.inference.median, 3),
        p10_ms: round(m.inference.p10, 3),
        p90_ms: round(m.inference.p90, 3),
        iqr_ms: round(m.inference.iqr, 3),
        n: m.inference.n,
        copy_median_ms: round(m.copy.median, 3),
        size_bytes: m.sizeBytes,
        load_ms: round(m.loadMs, 1),
        wasm_heap_bytes: m.wasmHeapBytes,
        top1_dev: acc ? acc.top1 : null,
        top5_dev: acc ? acc.top5 : null,
      });
    }
    for (const q of r.ratios) {
      ratios.push({
        baseline: q.baseline,
        candidate: q.candidate,
        runtime: r.runtime,
        threads: r.threads,
        speedup: round(q.interval.speedup, 3),
        ci_low: round(q.interval.low, 3),
        ci_high: round(q.interval.high, 3),
      });
    }
  }
  const unreliable = results.filter((r) => r.reliability.unreliable).map((r) => ({ runtime: r.runtime, reasons: r.reliability.reasons }));
  const longest = results.map((r) => r.longestTaskMs).filter((x): x is number => x !== null);
  return {
    environment: {
      ...environment,
      warmup: results[0]?.warmup,
      longest_main_thread_task_ms: longest.length ? round(Math.max(...longest), 1) : null,
      unreliable,
    },
    runs,
    ratios,
  };
}
