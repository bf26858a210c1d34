// The benchmark loop: warm-up runs (not recorded), then timed runs interleaved across models
// (A B A B ...) so slow drifts of the machine hit every model alike. Each run reports the engine's
// own invoke time and the copy time separately; input preparation happens once, before the loop.
import type { RunPlan } from './validate.ts';
import { MIN_RUNS } from './validate.ts';
import { ThrottleMonitor, type Reliability } from './throttle.ts';
import { yieldToPage } from '../page/yield.ts';

export interface RunTiming {
  inferenceMs: number;
  copyMs: number;
}

export interface BenchSubject {
  id: string;
  /** One inference on an already prepared input. */
  run(): Promise<RunTiming>;
}

export interface Progress {
  phase: 'warmup' | 'timed';
  done: number;
  total: number;
}

export interface SubjectSamples {
  id: string;
  inferenceMs: number[];
  copyMs: number[];
  /** Wall time around the whole run() call, ms. */
  wallMs: number[];
}

export interface LoopResult {
  subjects: SubjectSamples[];
  warmup: number;
  /** Timed runs per model actually done (fewer than planned when the budget ran out). */
  runs: number;
  stoppedByBudget: boolean;
  elapsedMs: number;
  reliability: Reliability;
}

export interface LoopOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  yieldToPage?: () => Promise<void>;
  now?: () => number;
  monitor?: ThrottleMonitor;
}

export async function runInterleaved(subjects: readonly BenchSubject[], plan: RunPlan, options: LoopOptions = {}): Promise<LoopResult> {
  if (subjects.length === 0) throw new RangeError('nothing to benchmark');
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToPage ?? yieldToPage;
  const monitor = options.monitor ?? new ThrottleMonitor();
  const total = (plan.warmup + plan.runs) * subjects.length;
  const samples: SubjectSamples[] = subjects.map((s) => ({ id: s.id, inferenceMs: [], copyMs: [], wallMs: [] }));
  let done = 0;
  let lastEnd: number | null = null;

  const step = async (record: boolean): Promise<void> => {
    for (let i = 0; i < subjects.length; i++) {
      options.signal?.throwIfAborted();
      const start = now();
      if (lastEnd !== null && record) monitor.noteGap(start - lastEnd);
      const timing = await subjects[i]!.run();
      const end = now();
      lastEnd = end;
      if (record) {
        const s = samples[i]!;
        s.inferenceMs.push(timing.inferenceMs);
        s.copyMs.push(timing.copyMs);
        s.wallMs.push(end - start);
      }
      done++;
      options.onProgress?.({ phase: record ? 'timed' : 'warmup', done, total });
      await pause();
    }
  };

  monitor.start();
  const started = now();
  try {
    for (let w = 0; w < plan.warmup; w++) await step(false);
    const timedStart = now();
    lastEnd = null;
    let runs = 0;
    let stoppedByBudget = false;
    while (runs < plan.runs) {
      if (plan.budgetMs !== undefined && runs >= MIN_RUNS && now() - timedStart > plan.budgetMs) {
        stoppedByBudget = true;
        break;
      }
      await step(true);
      runs++;
    }
    options.signal?.throwIfAborted();
    return { subjects: samples, warmup: plan.warmup, runs, stoppedByBudget, elapsedMs: now() - started, reliability: monitor.verdict() };
  } finally {
    monitor.stop();
  }
}
