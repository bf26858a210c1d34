// Every converter setting against the float model, measured in this browser: quantize the float
// model with dynamic range, float16 and full integer, then time all four interleaved in each runtime
// (the benchmark lab's own loop), with the speed-up of each setting over float and its interval.
// A runtime that refuses one of the files is reported with its reason; the others are still timed.
import { benchmark, BenchError, type BenchStatus, type ModelResult, type RatioResult } from '../bench/benchmark.ts';
import { bytesSource, type ModelSource } from '../inference/source.ts';
import type { RunPlan } from '../bench/validate.ts';
import type { RuntimeId } from '../runtime/index.ts';
import type { Normalization } from '../image/input.ts';
import type { QuantizeMode } from '../quantize/index.ts';
import type { QuantizeStage } from './pipeline.ts';
import { quantizeInBrowser } from './quantize-client.ts';
import type { CalibrationPhoto } from './photos.ts';

export const COMPARED_MODES = ['dynamic', 'float16', 'int8'] as const satisfies readonly QuantizeMode[];
export type ComparedSetting = 'float' | (typeof COMPARED_MODES)[number];

export type ComparisonStatus =
  | ({ step: 'quantizing'; mode: QuantizeMode } & { stage: QuantizeStage })
  | ({ step: 'timing'; runtime: RuntimeId } & { status: BenchStatus });

export interface SettingTiming {
  model: ModelResult;
  /** Against float; absent for float itself. */
  ratio?: RatioResult;
}

export interface RuntimeComparison {
  runtime: RuntimeId;
  timings: Partial<Record<ComparedSetting, SettingTiming>>;
  /** Settings this runtime would not load or run, with its own reason. */
  refused: Partial<Record<ComparedSetting, string>>;
  threads: number;
}

export interface SettingsComparison {
  sizes: Record<ComparedSetting, number>;
  runtimes: RuntimeComparison[];
  quantizeMs: Record<(typeof COMPARED_MODES)[number], number>;
}

export interface ComparisonOptions {
  floatModel: Uint8Array;
  normalization: Normalization;
  photos: readonly CalibrationPhoto[];
  runtimes: readonly RuntimeId[];
  /** Threads for each runtime (its own default: tfjs-tflite degrades with more than half the cores). */
  threads: (runtime: RuntimeId) => number;
  plan: RunPlan;
  signal?: AbortSignal;
  onStatus?: (status: ComparisonStatus) => void;
}

async function timeInRuntime(sources: ModelSource[], runtime: RuntimeId, options: ComparisonOptions): Promise<RuntimeComparison> {
  const refused: RuntimeComparison['refused'] = {};
  let remaining = sources;
  while (remaining.length >= 2) {
    try {
      const result = await benchmark(remaining, {
        runtime,
        threads: options.threads(runtime),
        plan: options.plan,
        signal: options.signal,
        onStatus: (status) => options.onStatus?.({ step: 'timing', runtime, status }),
      });
      const timings: RuntimeComparison['timings'] = {};
      for (const model of result.models) {
        timings[model.id as ComparedSetting] = { model, ratio: result.ratios.find((r) => r.candidate === model.id) };
      }
      return { runtime, timings, refused, threads: result.threads };
    } catch (err) {
      // A file this runtime refuses: note why, time the others without it. Float itself failing ends it.
      if (!(err instanceof BenchError) || !err.modelId || err.modelId === 'float') throw err;
      refused[err.modelId as ComparedSetting] = err.message;
      remaining = remaining.filter((s) => s.id !== err.modelId);
    }
  }
  return { runtime, timings: {}, refused, threads: options.threads(runtime) };
}

export async function compareSettings(options: ComparisonOptions): Promise<SettingsComparison> {
  const files: Partial<Record<ComparedSetting, Uint8Array>> = { float: options.floatModel };
  const quantizeMs = {} as SettingsComparison['quantizeMs'];
  for (const mode of COMPARED_MODES) {
    const outcome = await quantizeInBrowser({
      floatModel: options.floatModel,
      mode,
      photos: options.photos,
      normalization: options.normalization,
      runtime: options.runtimes[0] ?? 'litert',
      threads: options.threads(options.runtimes[0] ?? 'litert'),
      signal: options.signal,
      onStage: (stage) => options.onStatus?.({ step: 'quantizing', mode, stage }),
    });
    files[mode] = outcome.bytes;
    quantizeMs[mode] = outcome.timings.totalMs;
  }
  const settings = ['float', ...COMPARED_MODES] as const;
  const sources = settings.map((s) => ({ ...bytesSource(s, s, files[s]!), normalization: options.normalization }));
  const runtimes: RuntimeComparison[] = [];
  for (const runtime of options.runtimes) runtimes.push(await timeInRuntime(sources, runtime, options));
  const sizes = Object.fromEntries(settings.map((s) => [s, files[s]!.length])) as Record<ComparedSetting, number>;
  return { sizes, runtimes, quantizeMs };
}
