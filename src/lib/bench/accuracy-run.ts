// The accuracy lab's loop: every dev photo through two models in one runtime, then the summary.
// Decoding and resizing happen once per photo and size, shared by both models.
import { assetUrl, type DevImage } from '../models.ts';
import type { LoadedModel, RuntimeId } from '../runtime/index.ts';
import { decodeImageBlob, prepareInput } from '../image/index.ts';
import { toProbabilities } from '../classify/output.ts';
import { answerFor, summarizeAccuracy, type AccuracySummary, type ModelAnswer, type PhotoOutcome } from './accuracy.ts';
import { benchPhoto, BenchError, loadSubject } from './session.ts';
import type { BenchModelSource } from './subjects.ts';
import { LongTaskWatch } from './longtask.ts';
import { yieldToPage } from './yield.ts';

export interface AccuracyRun {
  runtime: RuntimeId;
  summary: AccuracySummary;
  outcomes: PhotoOutcome[];
  elapsedMs: number;
  longestTaskMs: number | null;
}

export interface AccuracyOptions {
  runtime: RuntimeId;
  threads: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Two models compared photo by photo (the accuracy lab). */
export async function evaluateOnDevSet(
  pair: readonly [BenchModelSource, BenchModelSource],
  images: readonly DevImage[],
  options: AccuracyOptions,
): Promise<AccuracyRun> {
  const run = await classifyDevSet(pair, images, options);
  const outcomes = run.outcomes.map((o) => ({ ...o, answers: [o.answers[0]!, o.answers[1]!] as [ModelAnswer, ModelAnswer] }));
  return { runtime: options.runtime, summary: summarizeAccuracy([pair[0].id, pair[1].id], outcomes), outcomes, elapsedMs: run.elapsedMs, longestTaskMs: run.longestTaskMs };
}

export interface DevSetAnswers {
  outcomes: { imageId: string; trueIndex: number; answers: ModelAnswer[] }[];
  elapsedMs: number;
  longestTaskMs: number | null;
}

/** Every model's answer on every photo, one runtime. */
export async function classifyDevSet(
  sources: readonly BenchModelSource[],
  images: readonly DevImage[],
  options: AccuracyOptions,
): Promise<DevSetAnswers> {
  if (images.length === 0) throw new RangeError('no photos to evaluate');
  const started = performance.now();
  const loaded: LoadedModel[] = [];
  const watch = new LongTaskWatch();
  try {
    // loadSubject needs a photo for the benchmark input; the input it builds is not used here.
    const image = await benchPhoto();
    for (const source of sources) {
      options.signal?.throwIfAborted();
      loaded.push((await loadSubject(source, options.runtime, options.threads, { image })).loaded);
    }
    watch.start();
    const outcomes: DevSetAnswers['outcomes'] = [];
    for (const [i, dev] of images.entries()) {
      options.signal?.throwIfAborted();
      const res = await fetch(assetUrl(dev));
      if (!res.ok) throw new BenchError(`Could not download ${dev.file}: HTTP ${res.status}`, 'photo-failed');
      const decoded = await decodeImageBlob(await res.blob());
      try {
        let rgb: Float32Array | undefined;
        const answers: ModelAnswer[] = [];
        for (const [m, model] of loaded.entries()) {
          const source = sources[m]!;
          const prepared = prepareInput(decoded, model.inputs[0]!, source.normalization, rgb);
          rgb = prepared.rgb;
          let result;
          try {
            result = await model.run(prepared.input);
          } catch (err) {
            throw new BenchError(err instanceof Error ? err.message : String(err), 'run-failed', source.id);
          }
          const probs = toProbabilities(result.output, model.outputs[0]!, source.entry?.output ?? 'probabilities');
          answers.push(answerFor(probs, dev.index_1001));
        }
        outcomes.push({ imageId: dev.id, trueIndex: dev.index_1001, answers });
      } finally {
        decoded.close();
      }
      options.onProgress?.(i + 1, images.length);
      await yieldToPage();
    }
    const longTasks = watch.stop();
    return { outcomes, elapsedMs: performance.now() - started, longestTaskMs: longTasks.longestMs };
  } finally {
    watch.stop();
    for (const m of loaded) m.dispose();
  }
}
