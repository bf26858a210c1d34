// One benchmark in the browser: load every chosen model into one runtime, prepare the same photo
// for each, run the interleaved loop, summarise, and release every engine object afterwards.
// The lab page and `npm run bench` (which drives the lab page) both go through this file.
import { loadModel, type LoadedModel, type RuntimeId, type RuntimeInfo, type InputData } from '../runtime/index.ts';
import { fetchModelBytes } from '../inference/model-file.ts';
import { decodeImageBlob, prepareInput, type DecodedImage } from '../image/index.ts';
import { runInterleaved, type Progress } from './loop.ts';
import { summarize, type Summary } from './stats.ts';
import { speedupInterval, type RatioInterval } from './bootstrap.ts';
import type { RunPlan } from './validate.ts';
import type { Reliability } from './throttle.ts';
import { LongTaskWatch } from './longtask.ts';
import { benchPhotoUrl, type BenchModelSource } from './subjects.ts';

export type BenchStatus =
  | { kind: 'loading'; modelId: string }
  | { kind: 'preparing' }
  | ({ kind: 'running' } & Progress);

export class BenchError extends Error {
  override name = 'BenchError';
  constructor(
    message: string,
    readonly code: 'load-failed' | 'run-failed' | 'photo-failed',
    readonly modelId?: string,
  ) {
    super(message);
  }
}

export interface ModelResult {
  id: string;
  inference: Summary;
  copy: Summary;
  /** Every timed inference, ms, in run order. */
  samples: number[];
  loadMs: number;
  sizeBytes: number;
  /** Input preparation (crop, resize, convert) for this model's input size, ms; done once, not timed per run. */
  prepMs: number;
  info: RuntimeInfo;
  /** The engine's WASM heap after the run, bytes (shared by its models; flat across repeated runs unless something leaks). */
  wasmHeapBytes: number | null;
}

export interface RatioResult {
  baseline: string;
  candidate: string;
  interval: RatioInterval;
}

export interface BenchmarkResult {
  runtime: RuntimeId;
  threads: number;
  warmup: number;
  runs: number;
  stoppedByBudget: boolean;
  elapsedMs: number;
  models: ModelResult[];
  ratios: RatioResult[];
  reliability: Reliability;
  /** Longest main-thread task once the models were loaded, ms; null where unmeasurable. */
  longestTaskMs: number | null;
}

export interface BenchmarkOptions {
  runtime: RuntimeId;
  threads: number;
  plan: RunPlan;
  signal?: AbortSignal;
  onStatus?: (status: BenchStatus) => void;
}

let photo: Promise<DecodedImage> | null = null;

/** The benchmark photo, decoded once per page. */
export function benchPhoto(): Promise<DecodedImage> {
  photo ??= (async () => {
    const res = await fetch(benchPhotoUrl());
    if (!res.ok) throw new BenchError(`Could not download the benchmark photo: HTTP ${res.status}`, 'photo-failed');
    return decodeImageBlob(await res.blob());
  })();
  photo.catch(() => (photo = null));
  return photo;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Loads one model and builds its input from the benchmark photo. The caller disposes `loaded`. */
export async function loadSubject(
  source: BenchModelSource,
  runtime: RuntimeId,
  threads: number,
  options: { profiling?: boolean; image: DecodedImage; bytes?: Uint8Array },
): Promise<{ loaded: LoadedModel; input: InputData; prepMs: number }> {
  let loaded: LoadedModel;
  try {
    const bytes = options.bytes ?? source.bytes ?? (await fetchModelBytes(source.entry!));
    loaded = await loadModel(runtime, bytes, { threads, profiling: options.profiling ?? false });
  } catch (err) {
    throw new BenchError(message(err), 'load-failed', source.id);
  }
  try {
    const spec = loaded.inputs[0];
    if (!spec) throw new Error('The model has no input');
    const prepared = prepareInput(options.image, spec, source.normalization);
    return { loaded, input: prepared.input, prepMs: prepared.ms };
  } catch (err) {
    loaded.dispose();
    throw new BenchError(message(err), 'load-failed', source.id);
  }
}

export async function benchmark(sources: readonly BenchModelSource[], options: BenchmarkOptions): Promise<BenchmarkResult> {
  const { runtime, threads, plan, signal } = options;
  options.onStatus?.({ kind: 'preparing' });
  const image = await benchPhoto();
  const loaded: { source: BenchModelSource; loaded: LoadedModel; input: InputData; prepMs: number }[] = [];
  const watch = new LongTaskWatch();
  try {
    for (const source of sources) {
      signal?.throwIfAborted();
      options.onStatus?.({ kind: 'loading', modelId: source.id });
      loaded.push({ source, ...(await loadSubject(source, runtime, threads, { image })) });
    }
    signal?.throwIfAborted();
    watch.start();
    const loop = await runInterleaved(
      loaded.map((m) => ({
        id: m.source.id,
        run: async () => {
          try {
            const r = await m.loaded.run(m.input);
            return { inferenceMs: r.inferenceMs, copyMs: r.copyMs };
          } catch (err) {
            throw new BenchError(message(err), 'run-failed', m.source.id);
          }
        },
      })),
      plan,
      { signal, onProgress: (p) => options.onStatus?.({ kind: 'running', ...p }) },
    );
    const longTasks = watch.stop();
    const models = loop.subjects.map((s, i): ModelResult => {
      const m = loaded[i]!;
      return {
        id: s.id,
        inference: summarize(s.inferenceMs),
        copy: summarize(s.copyMs),
        samples: s.inferenceMs,
        loadMs: m.loaded.loadMs,
        sizeBytes: m.source.sizeBytes,
        prepMs: m.prepMs,
        info: m.loaded.info,
        wasmHeapBytes: m.loaded.wasmHeapBytes?.() ?? null,
      };
    });
    const base = loop.subjects[0]!;
    const ratios = loop.subjects.slice(1).map((c) => ({
      baseline: base.id,
      candidate: c.id,
      interval: speedupInterval(base.inferenceMs, c.inferenceMs),
    }));
    return {
      runtime,
      threads: loaded[0]!.loaded.info.threads,
      warmup: loop.warmup,
      runs: loop.runs,
      stoppedByBudget: loop.stoppedByBudget,
      elapsedMs: loop.elapsedMs,
      models,
      ratios,
      reliability: loop.reliability,
      longestTaskMs: longTasks.longestMs,
    };
  } finally {
    watch.stop();
    for (const m of loaded) m.loaded.dispose();
  }
}
