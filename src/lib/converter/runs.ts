// Does a produced model load and run in a runtime, and does it still compute what the float model
// computes? One timed inference (after one untimed) on a photo calibration never uses (a test
// pattern if it cannot be fetched), or on synthetic inputs for a model that takes no photo; then the
// float model on the same input, outputs compared. A refusal is reported with the runtime's own
// reason rather than hidden.
import { loadModel, type LoadedModel, type RuntimeId } from '../runtime/index.ts';
import { buildInput, imageInputSize, type Normalization } from '../image/input.ts';
import { decodeImageBlob } from '../image/index.ts';
import { prepareImage, type PreparedImage } from '../inference/prepared-image.ts';
import type { TensorData, TensorSpec } from '../runtime/types.ts';
import { isPhotoInput, syntheticInputs } from '../tryit/synthetic-inputs.ts';
import { compareOutputs, type OutputAgreement } from './output-agreement.ts';
import { assetUrl, sampleImages } from '../models.ts';
import { loadPhoto } from '../calibration/photos.ts';

/** The classifier's sample photo of Grace Hopper: real, and never among the calibration photos. */
export const PROBE_PHOTO_ID = 'grace_hopper';

/** The probe photo's file, or undefined when it cannot be fetched (the test pattern is used then). */
export async function loadProbePhoto(): Promise<Blob | undefined> {
  const entry = sampleImages.find((i) => i.id === PROBE_PHOTO_ID);
  if (!entry) return undefined;
  return loadPhoto({ name: entry.id, source: assetUrl(entry) }).catch(() => undefined);
}

/** Why the outputs were not compared: the inputs cannot be the same, or the float model failed here. */
export type NotCompared = { code: 'inputs-differ' } | { code: 'failed'; detail: string };

export type RunCheck =
  | {
      runtime: RuntimeId; ok: true; inferenceMs: number; loadMs: number;
      /** Against the float model on the same input; null when not compared (see `notCompared`). */
      agreement: OutputAgreement | null;
      notCompared?: NotCompared;
    }
  | { runtime: RuntimeId; ok: false; reason: string };

/**
 * A smooth colour pattern (RGB bytes 0-255): unlike a flat grey, it gives every channel and
 * position different values, so most of the network's paths are exercised.
 */
export function testPattern(height: number, width: number): Float32Array {
  const out = new Float32Array(height * width * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const v = 0.5 + 0.5 * Math.sin((6 * x) / width + 2.1 * c) * Math.cos((5 * y) / height - c);
        out[(y * width + x) * 3 + c] = Math.round(255 * v);
      }
    }
  }
  return out;
}

/** Whether the run check feeds this model a photo (one photo-shaped input) rather than synthetic inputs. */
export function checksWithPhoto(specs: readonly TensorSpec[]): boolean {
  return specs.length === 1 && isPhotoInput(specs[0]!);
}

/**
 * Inputs of the model's own dtypes and shapes: for a photo model the given photo (the classifier's
 * own crop and resize) or else the test pattern; synthetic inputs for any other model.
 */
function probeInputs(specs: readonly TensorSpec[], norm: Normalization, photo: PreparedImage | null): TensorData[] {
  const [first] = specs;
  if (first && checksWithPhoto(specs)) {
    if (photo) return [photo.inputFor(first, norm).input];
    const { height, width } = imageInputSize(first);
    return [buildInput(testPattern(height, width), first, norm)];
  }
  return syntheticInputs(specs);
}

/** The same input means the same photo, or the same synthetic arrays of the same dtypes. */
function sameProbe(a: readonly TensorSpec[], b: readonly TensorSpec[]): boolean {
  if (checksWithPhoto(a) && checksWithPhoto(b)) return true;
  return a.length === b.length && a.every((s, i) => s.dtype === b[i]!.dtype && s.shape.join() === b[i]!.shape.join());
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function agreementWithFloat(runtime: RuntimeId, reference: Uint8Array, quantized: LoadedModel, outputs: TensorData[], norm: Normalization, photo: PreparedImage | null, threads?: number): Promise<{ agreement: OutputAgreement | null; notCompared?: NotCompared }> {
  let float: LoadedModel;
  try {
    float = await loadModel(runtime, reference, { threads });
  } catch (err) {
    return { agreement: null, notCompared: { code: 'failed', detail: message(err) } };
  }
  try {
    if (!sameProbe(float.inputs, quantized.inputs)) return { agreement: null, notCompared: { code: 'inputs-differ' } };
    const result = await float.runAll(probeInputs(float.inputs, norm, photo));
    return { agreement: compareOutputs({ specs: float.outputs, outputs: result.outputs }, { specs: quantized.outputs, outputs }) };
  } catch (err) {
    return { agreement: null, notCompared: { code: 'failed', detail: message(err) } };
  } finally {
    float.dispose();
  }
}

export interface CheckOptions {
  threads?: number;
  /** The float model: run on the same input, outputs compared. */
  reference?: Uint8Array;
  /** A photo for a model that takes one (a test pattern is used without it, or when it cannot be decoded). */
  photo?: Blob;
}

export async function checkRuns(runtime: RuntimeId, bytes: Uint8Array, norm: Normalization, options: CheckOptions = {}): Promise<RunCheck> {
  const { threads, reference } = options;
  let model;
  try {
    model = await loadModel(runtime, bytes, { threads });
  } catch (err) {
    return { runtime, ok: false, reason: message(err) };
  }
  const decoded = options.photo ? await decodeImageBlob(options.photo).catch(() => null) : null;
  try {
    if (model.inputs.length === 0) return { runtime, ok: false, reason: 'the model has no input' };
    const photo = decoded ? prepareImage(decoded) : null;
    const inputs = probeInputs(model.inputs, norm, photo);
    // The first invoke pays one-off set-up (weight packing, memory planning): time the second.
    await model.runAll(inputs);
    const result = await model.runAll(inputs);
    const compared = reference ? await agreementWithFloat(runtime, reference, model, result.outputs, norm, photo, threads) : { agreement: null };
    return { runtime, ok: true, inferenceMs: result.inferenceMs, loadMs: model.loadMs, ...compared };
  } catch (err) {
    return { runtime, ok: false, reason: message(err) };
  } finally {
    decoded?.close();
    model.dispose();
  }
}

let previousCheck: Promise<unknown> = Promise.resolve();

/**
 * checkRuns, one at a time for the whole page: a new result's checks wait for the last one still
 * running. Overlapping checks loaded several models into LiteRT.js at once, and the tab crashed.
 */
export function checkRunsInTurn(...args: Parameters<typeof checkRuns>): Promise<RunCheck> {
  const next = previousCheck.then(() => checkRuns(...args));
  previousCheck = next.catch(() => undefined);
  return next;
}
