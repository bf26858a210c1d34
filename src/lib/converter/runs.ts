// Does a produced model load and run in a runtime? One timed inference (after one untimed) on a
// mid-grey image, or on synthetic inputs for a model that takes no photo; a refusal is reported with the runtime's own reason rather than hidden.
import { loadModel, type RuntimeId } from '../runtime/index.ts';
import { greyInput, type Normalization } from '../image/input.ts';
import type { TensorData, TensorSpec } from '../runtime/types.ts';
import { isPhotoInput, syntheticInputs } from '../tryit/synthetic-inputs.ts';

export type RunCheck = { runtime: RuntimeId; ok: true; inferenceMs: number; loadMs: number } | { runtime: RuntimeId; ok: false; reason: string };

/**
 * Inputs of the model's own dtypes and shapes: a mid-grey photo for a model that takes one, the
 * benchmark lab's synthetic inputs otherwise (token ids, audio, several inputs).
 */
/** Whether the run check feeds this model a grey photo (one photo-shaped input) rather than synthetic inputs. */
export function checksWithPhoto(specs: readonly TensorSpec[]): boolean {
  return specs.length === 1 && isPhotoInput(specs[0]);
}

function neutralInputs(specs: readonly TensorSpec[], norm: Normalization): TensorData[] {
  const [first] = specs;
  if (first && checksWithPhoto(specs)) return [greyInput(first, norm)];
  return syntheticInputs(specs);
}

export async function checkRuns(runtime: RuntimeId, bytes: Uint8Array, norm: Normalization, threads?: number): Promise<RunCheck> {
  let model;
  try {
    model = await loadModel(runtime, bytes, { threads });
  } catch (err) {
    return { runtime, ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  try {
    if (model.inputs.length === 0) return { runtime, ok: false, reason: 'the model has no input' };
    const inputs = neutralInputs(model.inputs, norm);
    // The first invoke pays one-off set-up (weight packing, memory planning): time the second.
    await model.runAll(inputs);
    const result = await model.runAll(inputs);
    return { runtime, ok: true, inferenceMs: result.inferenceMs, loadMs: model.loadMs };
  } catch (err) {
    return { runtime, ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    model.dispose();
  }
}
