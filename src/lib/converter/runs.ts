// Does a produced model load and run in a runtime? One timed inference on a mid-grey image (after one
// untimed); a refusal is reported with the runtime's own reason rather than hidden.
import { loadModel, type RuntimeId } from '../runtime/index.ts';
import { buildInput, imageInputSize, type Normalization } from '../image/input.ts';
import type { InputData, TensorSpec } from '../runtime/types.ts';

export type RunCheck = { runtime: RuntimeId; ok: true; inferenceMs: number; loadMs: number } | { runtime: RuntimeId; ok: false; reason: string };

/** A neutral input of the model's own dtype: mid-grey for images, zeros otherwise. */
function neutralInput(spec: TensorSpec, norm: Normalization): InputData {
  try {
    const { height, width } = imageInputSize(spec);
    return buildInput(new Float32Array(height * width * 3).fill(127.5), spec, norm);
  } catch {
    const n = spec.shape.reduce((a, b) => a * Math.max(1, b), 1);
    if (spec.dtype === 'uint8') return new Uint8Array(n);
    if (spec.dtype === 'int8') return new Int8Array(n);
    return new Float32Array(n);
  }
}

export async function checkRuns(runtime: RuntimeId, bytes: Uint8Array, norm: Normalization, threads?: number): Promise<RunCheck> {
  let model;
  try {
    model = await loadModel(runtime, bytes, { threads });
  } catch (err) {
    return { runtime, ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  try {
    const spec = model.inputs[0];
    if (!spec) return { runtime, ok: false, reason: 'the model has no input' };
    const input = neutralInput(spec, norm);
    // The first invoke pays one-off set-up (weight packing, memory planning): time the second.
    await model.run(input);
    const result = await model.run(input);
    return { runtime, ok: true, inferenceMs: result.inferenceMs, loadMs: model.loadMs };
  } catch (err) {
    return { runtime, ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    model.dispose();
  }
}
