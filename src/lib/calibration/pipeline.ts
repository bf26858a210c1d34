// One post-training quantization, as the converter does it: for the full-integer settings, build
// the calibration model, run it in the site's WASM runtime over the representative photos and record
// the ranges; then write the quantized model. Inference runs in the runtime's own worker where it has
// one (calibrate.ts); the bookkeeping runs in the backend (a worker in the lab, see quantize-client.ts).
import type { QuantizeMode, QuantizeReport, RangeMethod } from '../quantize/index.ts';
import type { RuntimeId } from '../runtime/index.ts';
import type { Normalization } from '../image/input.ts';
import { LongTaskWatch } from '../page/longtask.ts';
import { runCalibration, type CalibrationProgress, type CalibrationRun } from './calibrate.ts';
import type { CalibrationPhoto } from './photos.ts';
import { needsCalibration, type IoType } from './modes.ts';
import type { BackendSetup, QuantizerBackend } from './backend.ts';

export { isQuantizeMode, needsCalibration, quantizeModes, type IoType } from './modes.ts';

export interface QuantizeJob {
  floatModel: Uint8Array;
  mode: QuantizeMode;
  /** int8-io only (default uint8, as the reference files). */
  ioType?: IoType;
  /** Representative set (full-integer settings). */
  photos?: readonly CalibrationPhoto[];
  normalization?: Normalization;
  rangeMethod?: RangeMethod;
  /** Full-integer settings: fold the rounded weights' expected shift into the biases (beyond TFLite). */
  biasCorrection?: boolean;
  runtime: RuntimeId;
  threads?: number;
  signal?: AbortSignal;
  onStage?: (stage: QuantizeStage) => void;
}

export type QuantizeStage =
  | { kind: 'preparing' }
  | ({ kind: 'calibrating' } & CalibrationProgress)
  | { kind: 'writing' };

export interface QuantizeOutcome {
  bytes: Uint8Array;
  report: QuantizeReport;
  calibration: CalibrationRun | null;
  /** Activations (and inputs) whose ranges were recorded. */
  observedTensors: number;
  timings: { calibrationModelMs: number; calibrationMs: number; writeMs: number; totalMs: number };
  /** Longest main-thread task while the job ran, ms (null where the browser cannot tell). */
  longestTaskMs: number | null;
}

export async function runQuantizeJob(job: QuantizeJob, makeBackend: (setup: BackendSetup) => QuantizerBackend): Promise<QuantizeOutcome> {
  const t0 = performance.now();
  const { signal } = job;
  signal?.throwIfAborted();
  const watch = new LongTaskWatch();
  watch.start();
  const backend = makeBackend({ floatModel: job.floatModel, mode: job.mode, ioType: job.ioType, rangeMethod: job.rangeMethod, biasCorrection: job.biasCorrection });
  const onAbort = () => backend.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let calibration: CalibrationRun | null = null;
    let calibrationModelMs = 0;
    let observedTensors = 0;
    if (needsCalibration(job.mode)) {
      if (!job.photos || !job.normalization) throw new Error('Full-integer quantization needs calibration photos and a normalisation');
      job.onStage?.({ kind: 'preparing' });
      const made = await backend.calibrationModel();
      calibrationModelMs = performance.now() - t0;
      calibration = await runCalibration(made.bytes, job.photos, backend, {
        runtime: job.runtime,
        threads: job.threads,
        normalization: job.normalization,
        signal,
        onProgress: (p) => job.onStage?.({ kind: 'calibrating', ...p }),
      });
      observedTensors = made.tensorIndices.length;
    }
    signal?.throwIfAborted();
    job.onStage?.({ kind: 'writing' });
    const t1 = performance.now();
    const { bytes, report } = await backend.finish();
    signal?.throwIfAborted();
    const t2 = performance.now();
    return {
      bytes,
      report,
      calibration,
      observedTensors,
      timings: { calibrationModelMs, calibrationMs: calibration?.elapsedMs ?? 0, writeMs: t2 - t1, totalMs: t2 - t0 },
      longestTaskMs: watch.stop().longestMs,
    };
  } finally {
    watch.stop();
    signal?.removeEventListener('abort', onAbort);
    backend.close();
  }
}
