// One benchmark in the browser: load every chosen model into one runtime, prepare the benchmark
// photo for each, run the interleaved loop, summarise, and release every engine object afterwards.
// The lab page and `npm run bench` (which drives the lab page) both go through this file.
import type { ModelIO, ModelLoader, RuntimeId, RuntimeInfo, TensorData } from '../runtime/index.ts';
import { closeImageModel, loadImageModel, type ImageModel } from '../inference/image-model.ts';
import type { PreparedImage } from '../inference/prepared-image.ts';
import type { ModelSource } from '../inference/source.ts';
import { LongTaskWatch } from '../page/longtask.ts';
import { isPhotoInput, syntheticInputs } from '../tryit/synthetic-inputs.ts';
import { runInterleaved, type Progress } from './loop.ts';
import { summarize, type Summary } from './stats.ts';
import { speedupInterval, type RatioInterval } from './bootstrap.ts';
import type { RunPlan } from './validate.ts';
import type { Reliability } from './throttle.ts';
import { benchPhoto } from './photo.ts';
import { BenchError, messageOf } from './errors.ts';

export { BenchError } from './errors.ts';

export type BenchStatus =
  | { kind: 'loading'; modelId: string }
  | { kind: 'preparing' }
  | ({ kind: 'running' } & Progress);

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
  /** The image every model is fed; the benchmark photo unless given. */
  image?: PreparedImage;
  loader?: ModelLoader;
}

/**
 * A loaded model with its inputs: built from `image` when it takes one photo, generated (valid
 * values of its own dtypes and shapes) for any other model, audio, text or several inputs: latency
 * does not depend on the values. Load and preparation errors name the model.
 */
export async function loadWithInput(
  source: ModelSource,
  image: PreparedImage,
  options: { runtime: RuntimeId; threads: number; profiling?: boolean; loader?: ModelLoader; bytes?: Uint8Array; io?: ModelIO },
): Promise<{ model: ImageModel; inputs: TensorData[]; prepMs: number }> {
  let model: ImageModel;
  try {
    model = await loadImageModel(source, options.runtime, options);
  } catch (err) {
    throw new BenchError(messageOf(err), 'load-failed', source.id);
  }
  try {
    const spec = model.model.inputs[0];
    if (!spec) throw new Error('The model has no input');
    if (model.model.inputs.length === 1 && isPhotoInput(spec)) {
      const prepared = image.inputFor(spec, source.normalization);
      return { model, inputs: [prepared.input], prepMs: prepared.ms };
    }
    const t0 = performance.now();
    const inputs = syntheticInputs(model.model.inputs);
    return { model, inputs, prepMs: performance.now() - t0 };
  } catch (err) {
    closeImageModel(model);
    throw new BenchError(messageOf(err), 'load-failed', source.id);
  }
}

export async function benchmark(sources: readonly ModelSource[], options: BenchmarkOptions): Promise<BenchmarkResult> {
  const { runtime, threads, plan, signal } = options;
  options.onStatus?.({ kind: 'preparing' });
  const image = options.image ?? (await benchPhoto());
  const loaded: { source: ModelSource; model: ImageModel; inputs: TensorData[]; prepMs: number }[] = [];
  const watch = new LongTaskWatch();
  try {
    for (const source of sources) {
      signal?.throwIfAborted();
      options.onStatus?.({ kind: 'loading', modelId: source.id });
      loaded.push({ source, ...(await loadWithInput(source, image, { runtime, threads, loader: options.loader })) });
    }
    signal?.throwIfAborted();
    watch.start();
    const loop = await runInterleaved(
      loaded.map((m) => ({
        id: m.source.id,
        run: async () => {
          try {
            const r = await m.model.model.runAll(m.inputs);
            return { inferenceMs: r.inferenceMs, copyMs: r.copyMs };
          } catch (err) {
            throw new BenchError(messageOf(err), 'run-failed', m.source.id);
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
        loadMs: m.model.model.loadMs,
        sizeBytes: m.source.sizeBytes,
        prepMs: m.prepMs,
        info: m.model.model.info,
        wasmHeapBytes: m.model.model.wasmHeapBytes(),
      };
    });
    const baseline = loop.subjects[0]!;
    const ratios = loop.subjects.slice(1).map((c) => ({
      baseline: baseline.id,
      candidate: c.id,
      interval: speedupInterval(baseline.inferenceMs, c.inferenceMs),
    }));
    return {
      runtime,
      threads: loaded[0]!.model.model.info.threads,
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
    for (const m of loaded) closeImageModel(m.model);
  }
}
