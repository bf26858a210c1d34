// How close a quantized model's outputs are to its float model's on the same input: the run check's
// quick answer to "does it still compute the same thing?" for any kind of model, not only the
// ImageNet classifiers the accuracy lab scores.
import type { TensorData, TensorSpec } from '../runtime/types.ts';
import { argmax, dequantize } from '../classify/output.ts';
import { outputDiff } from '../eval/accuracy.ts';

export interface OutputAgreement {
  /**
   * Largest |quantized - float| over the real-valued outputs, as a share of the float output's
   * range (max - min): 0.02 = within 2 % of the range. null when no output is real-valued.
   */
  maxRelativeDiff: number | null;
  /** For the output with that largest share: the difference itself and the float output's own span. */
  worst: { diff: number; min: number; max: number } | null;
  /** Integer outputs (indices, classes): how many values are equal, of how many. */
  integersEqual: { equal: number; total: number } | null;
  /** The index of the highest value of the first real output with several values (a classifier's top class), in each model. */
  top: { float: number; quantized: number } | null;
}

const isReal = (spec: TensorSpec) => spec.dtype === 'float32' || spec.dtype === 'float16' || ((spec.dtype === 'uint8' || spec.dtype === 'int8') && !!spec.quantization);

export class OutputMismatchError extends Error {
  override name = 'OutputMismatchError';
}

/** Compares outputs in order; throws OutputMismatchError when the two models' outputs do not line up. */
export function compareOutputs(
  float: { specs: readonly TensorSpec[]; outputs: readonly TensorData[] },
  quantized: { specs: readonly TensorSpec[]; outputs: readonly TensorData[] },
): OutputAgreement {
  if (float.outputs.length !== quantized.outputs.length) {
    throw new OutputMismatchError(`The float model has ${float.outputs.length} outputs, the quantized one ${quantized.outputs.length}`);
  }
  let worst: number | null = null;
  let worstDetail: OutputAgreement['worst'] = null;
  let equal = 0;
  let total = 0;
  let top: OutputAgreement['top'] = null;
  float.outputs.forEach((f, i) => {
    const q = quantized.outputs[i]!;
    const fSpec = float.specs[i]!;
    const qSpec = quantized.specs[i]!;
    if (f.length !== q.length) throw new OutputMismatchError(`Output ${i} has ${f.length} values in the float model, ${q.length} in the quantized one`);
    if (isReal(fSpec) && isReal(qSpec)) {
      const a = dequantize(f, fSpec);
      const b = dequantize(q, qSpec);
      if (!top && a.length > 1) top = { float: argmax(a), quantized: argmax(b) };
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of a) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      // The accuracy lab's measure of two outputs' distance (same sizes, checked above).
      const diff = outputDiff(a, b)?.maxAbs ?? 0;
      // A constant output has no range: measure against its magnitude instead.
      const scale = hi > lo ? hi - lo : Math.max(Math.abs(hi), Number.MIN_VALUE);
      const relative = diff === 0 ? 0 : diff / scale;
      if (worst === null || relative > worst) {
        worst = relative;
        worstDetail = { diff, min: lo, max: hi };
      }
    } else if (!isReal(fSpec) && !isReal(qSpec)) {
      for (let k = 0; k < f.length; k++) if (f[k] === q[k]) equal++;
      total += f.length;
    } else {
      throw new OutputMismatchError(`Output ${i} is ${fSpec.dtype} in the float model but ${qSpec.dtype} without scale in the quantized one`);
    }
  });
  return { maxRelativeDiff: worst, worst: worstDetail, integersEqual: total > 0 ? { equal, total } : null, top };
}
