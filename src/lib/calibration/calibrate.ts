// Calibration: run the calibration variant of a float model (its outputs are every activation to
// observe) in the site's WASM runtime over a representative set of photos, and feed each run's
// outputs to a range recorder. One photo at a time, yielding to the page between photos, so the
// run can be cancelled at any photo. Inference runs in a Web Worker where the runtime can (LiteRT.js):
// on the page, calibrating v2 blocked the main thread for up to 721 ms on a loaded machine; in the
// worker, with photos prepared in the quantizer's worker, no task over 50 ms (scripts/quantize-measure.ts time).
import { loadModelOffMainThread, runsOffMainThread, type LoadedModel, type RuntimeId } from '../runtime/index.ts';
import { imageInputSize, ImageDecodeError, InputSpecError, type Normalization } from '../image/index.ts';
import type { TensorData, TensorSpec } from '../runtime/types.ts';
import { yieldToPage } from '../page/yield.ts';
import { loadPhoto, type CalibrationPhoto } from './photos.ts';

/** Where calibration's CPU work other than inference happens (the quantizer's backend: a worker in the lab). */
export interface CalibrationSink {
  /** A photo as the model's input (prepare-photo.ts); throws ImageDecodeError for an unusable file. */
  prepareInput(blob: Blob, spec: TensorSpec, normalization: Normalization): Promise<TensorData>;
  /**
   * Receives one calibration run (a RangeRecorder of lib/quantize): the model's outputs in order,
   * followed by the input it was fed (the input's range is recorded too). May take ownership of the arrays.
   */
  add(values: ArrayLike<number>[]): void;
}

export interface CalibrationProgress {
  done: number;
  total: number;
  /** The photo just processed. */
  photo: string;
}

export interface CalibrationOptions {
  runtime: RuntimeId;
  threads?: number;
  normalization: Normalization;
  signal?: AbortSignal;
  onProgress?: (progress: CalibrationProgress) => void;
}

export interface SkippedPhoto {
  name: string;
  /** What was thrown (FetchError, ImageDecodeError...), for the page's error-to-message layer. */
  error: unknown;
  /** The library's English message. */
  reason: string;
  /** ImageDecodeError code ('not-image', 'svg', 'corrupt', ...) or 'download'. */
  code: string;
}

export interface CalibrationRun {
  /** Photos whose activations were recorded. */
  used: number;
  skipped: SkippedPhoto[];
  /** Load + compile of the calibration model, ms. */
  loadMs: number;
  /** Sum of the engine's invoke times, ms. */
  inferenceMs: number;
  elapsedMs: number;
  /** Whether inference ran in a Web Worker (false: on the page, where the runtime has no worker). */
  inWorker: boolean;
}

export type CalibrationErrorCode = 'no-photos' | 'no-usable-photos' | 'not-image-input' | 'load-failed' | 'run-failed';

export class CalibrationError extends Error {
  override name = 'CalibrationError';
  constructor(
    message: string,
    readonly code: CalibrationErrorCode,
    /** For 'not-image-input': the input as "float32 [1, 15600]". */
    readonly input?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Loads the calibration model and checks it takes one float32 image. The caller disposes it. */
async function loadCalibrationModel(bytes: Uint8Array, options: CalibrationOptions): Promise<LoadedModel> {
  let model: LoadedModel;
  try {
    model = await loadModelOffMainThread(options.runtime, bytes, { threads: options.threads });
  } catch (err) {
    throw new CalibrationError(`The calibration model did not load: ${message(err)}`, 'load-failed');
  }
  const spec = model.inputs[0];
  const describe = spec ? `${spec.dtype} [${spec.shape.join(', ')}]` : 'none';
  try {
    if (model.inputs.length !== 1 || !spec || spec.dtype !== 'float32') throw new InputSpecError(describe);
    imageInputSize(spec);
  } catch {
    model.dispose();
    throw new CalibrationError(`Calibration feeds photos; the model's input is ${describe}`, 'not-image-input', describe);
  }
  return model;
}

/**
 * Runs `calibrationModel` on every photo and hands each run's outputs to `sink`. Photos that cannot
 * be read or decoded are skipped and listed; if none is usable, throws CalibrationError.
 * Cancelling (`signal`) throws the signal's reason.
 */
export async function runCalibration(
  calibrationModel: Uint8Array,
  photos: readonly CalibrationPhoto[],
  sink: CalibrationSink,
  options: CalibrationOptions,
): Promise<CalibrationRun> {
  if (photos.length === 0) throw new CalibrationError('No calibration photos were given', 'no-photos');
  const started = performance.now();
  const { signal } = options;
  signal?.throwIfAborted();
  const model = await loadCalibrationModel(calibrationModel, options);
  const skipped: SkippedPhoto[] = [];
  let used = 0;
  let inferenceMs = 0;
  try {
    signal?.throwIfAborted();
    const spec = model.inputs[0]!;
    for (const [i, photo] of photos.entries()) {
      signal?.throwIfAborted();
      let blob: Blob;
      try {
        blob = await loadPhoto(photo, signal);
      } catch (err) {
        signal?.throwIfAborted();
        skipped.push({ name: photo.name, error: err, reason: message(err), code: 'download' });
        options.onProgress?.({ done: i + 1, total: photos.length, photo: photo.name });
        continue;
      }
      let input;
      try {
        input = await sink.prepareInput(blob, spec, options.normalization);
      } catch (err) {
        signal?.throwIfAborted();
        // Only a file that is not a usable image is skipped; a failing worker or canvas ends the run.
        if (!(err instanceof ImageDecodeError)) throw err;
        skipped.push({ name: photo.name, error: err, reason: message(err), code: err.code });
        options.onProgress?.({ done: i + 1, total: photos.length, photo: photo.name });
        await yieldToPage();
        continue;
      }
      signal?.throwIfAborted();
      let result;
      try {
        result = await model.runAll([input]);
      } catch (err) {
        throw new CalibrationError(`The calibration model failed on ${photo.name}: ${message(err)}`, 'run-failed');
      }
      inferenceMs += result.inferenceMs;
      sink.add([...result.outputs, input]);
      used++;
      options.onProgress?.({ done: i + 1, total: photos.length, photo: photo.name });
      await yieldToPage();
    }
    if (used === 0) throw new CalibrationError(`None of the ${photos.length} photos could be used`, 'no-usable-photos');
    return {
      used,
      skipped,
      loadMs: model.loadMs,
      inferenceMs,
      elapsedMs: performance.now() - started,
      inWorker: runsOffMainThread(options.runtime),
    };
  } finally {
    model.dispose();
  }
}
