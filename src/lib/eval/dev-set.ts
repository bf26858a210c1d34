// Accuracy on the labelled dev photos: every photo through every model in one runtime. Each photo
// is decoded once and resized once per input size, shared by the models. Nothing here times
// inference (that is lib/bench); it only records answers.
import { assetUrl, type DevImage } from '../models.ts';
import type { ModelLoader, RuntimeId } from '../runtime/index.ts';
import { decodeImageBlob } from '../image/decode.ts';
import { closeImageModel, loadImageModel, type ImageModel } from '../inference/image-model.ts';
import { prepareImage, type PreparedImage } from '../inference/prepared-image.ts';
import { answerImage } from '../inference/answer.ts';
import type { ModelSource } from '../inference/source.ts';
import { BenchError, messageOf } from '../bench/errors.ts';
import { LongTaskWatch } from '../page/longtask.ts';
import { yieldToPage } from '../page/yield.ts';
import { answerFor, outputDiff, sharedIndexing, summarizeAccuracy, trueIndexOf, type AccuracySummary, type DevIndexing, type ModelAnswer, type OutputDiff, type PhotoOutcome } from './accuracy.ts';

export interface AccuracyRun {
  runtime: RuntimeId;
  /** How the photos' labels index the outputs; null when the outputs are not the ImageNet classes. */
  indexing: DevIndexing | null;
  summary: AccuracySummary;
  outcomes: PhotoOutcome[];
  elapsedMs: number;
  longestTaskMs: number | null;
}

/** A dev photo, decoded and ready to prepare; `close()` releases the decoded bitmap. */
export interface OpenPhoto {
  image: PreparedImage;
  close(): void;
}

export interface AccuracyOptions {
  runtime: RuntimeId;
  threads: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  loader?: ModelLoader;
  /** Fetches and decodes one dev photo; the browser's by default (unit tests pass their own). */
  openPhoto?: (dev: DevImage) => Promise<OpenPhoto>;
}

async function fetchPhoto(dev: DevImage): Promise<OpenPhoto> {
  const res = await fetch(assetUrl(dev));
  if (!res.ok) throw new BenchError(`Could not download ${dev.file}: HTTP ${res.status}`, 'photo-failed');
  const decoded = await decodeImageBlob(await res.blob());
  return { image: prepareImage(decoded), close: () => decoded.close() };
}

/** Two models compared photo by photo (the accuracy lab). */
export async function evaluateOnDevSet(
  pair: readonly [ModelSource, ModelSource],
  images: readonly DevImage[],
  options: AccuracyOptions,
): Promise<AccuracyRun> {
  const run = await classifyDevSet(pair, images, options);
  const outcomes = run.outcomes.map((o) => ({ ...o, answers: [o.answers[0]!, o.answers[1]!] as [ModelAnswer, ModelAnswer] }));
  return { runtime: options.runtime, indexing: run.indexing, summary: summarizeAccuracy([pair[0].id, pair[1].id], outcomes), outcomes, elapsedMs: run.elapsedMs, longestTaskMs: run.longestTaskMs };
}

export interface DevSetAnswers {
  indexing: DevIndexing | null;
  /** `diff`: the first two models' outputs compared (null with one model or sizes that differ). */
  outcomes: { imageId: string; trueIndex: number | null; answers: ModelAnswer[]; diff: OutputDiff | null }[];
  elapsedMs: number;
  longestTaskMs: number | null;
}

/** Every model's answer on every photo, one runtime. */
export async function classifyDevSet(
  sources: readonly ModelSource[],
  images: readonly DevImage[],
  options: AccuracyOptions,
): Promise<DevSetAnswers> {
  if (images.length === 0) throw new RangeError('no photos to evaluate');
  const started = performance.now();
  const openPhoto = options.openPhoto ?? fetchPhoto;
  const loaded: ImageModel[] = [];
  const watch = new LongTaskWatch();
  try {
    for (const source of sources) {
      options.signal?.throwIfAborted();
      try {
        loaded.push(await loadImageModel(source, options.runtime, { threads: options.threads, loader: options.loader }));
      } catch (err) {
        throw new BenchError(messageOf(err), 'load-failed', source.id);
      }
    }
    // Scored against the labels only when every model's output is the same ImageNet classes.
    const indexing = sharedIndexing(loaded.map((m) => m.model.outputs[0]?.shape.at(-1)));
    watch.start();
    const outcomes: DevSetAnswers['outcomes'] = [];
    for (const [i, dev] of images.entries()) {
      options.signal?.throwIfAborted();
      const photo = await openPhoto(dev);
      try {
        const trueIndex = trueIndexOf(dev, indexing);
        const answers: ModelAnswer[] = [];
        const outputs: Float32Array[] = [];
        for (const model of loaded) {
          let probs: Float32Array;
          try {
            probs = (await answerImage(model, photo.image)).probs;
          } catch (err) {
            throw new BenchError(messageOf(err), 'run-failed', model.source.id);
          }
          answers.push(answerFor(probs, trueIndex));
          outputs.push(probs);
        }
        const diff = outputs.length >= 2 ? outputDiff(outputs[0]!, outputs[1]!) : null;
        outcomes.push({ imageId: dev.id, trueIndex, answers, diff });
      } finally {
        photo.close();
      }
      options.onProgress?.(i + 1, images.length);
      await yieldToPage();
    }
    const longTasks = watch.stop();
    return { indexing, outcomes, elapsedMs: performance.now() - started, longestTaskMs: longTasks.longestMs };
  } finally {
    watch.stop();
    for (const m of loaded) closeImageModel(m);
  }
}
