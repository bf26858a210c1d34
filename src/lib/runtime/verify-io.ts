// The adapters take tensor specs from our own .tflite reader (the engines hide int8 vs uint8 and
// quantization). This cross-check makes every load prove that the reader and the engine agree
// on what the file says: same number of inputs/outputs, same shapes, same dtypes. Dimensions the
// file leaves open (-1), and output shapes it leaves empty because an op sizes them when it runs
// (TFLite_Detection_PostProcess), match whatever the engine reports.
import { RuntimeError, type TensorSpec } from './types.ts';

export interface EngineTensorReport {
  dtype: string;
  shape: readonly number[];
}

function describe(t: { dtype: string; shape: readonly number[] }): string {
  return `${t.dtype} [${t.shape.join(', ')}]`;
}

/** Throws a RuntimeError naming both views when the engine's report differs from the file's specs. */
export function assertEngineAgrees(engine: string, role: 'input' | 'output', fromFile: readonly TensorSpec[], reported: readonly EngineTensorReport[]): void {
  const mismatch = (detail: string) =>
    new RuntimeError(`${engine} and the model file disagree about the ${role}s: ${detail}`, 'model-load-failed');
  if (fromFile.length !== reported.length) throw mismatch(`the file has ${fromFile.length}, ${engine} reports ${reported.length}`);
  fromFile.forEach((spec, i) => {
    const engineView = reported[i]!;
    const sizedAtRun = role === 'output' && spec.shape.length === 0;
    const sameShape =
      sizedAtRun ||
      (spec.shape.length === engineView.shape.length && spec.shape.every((d, k) => d < 0 || d === engineView.shape[k]));
    if (!sameShape || spec.dtype !== engineView.dtype) {
      throw mismatch(`${role} ${i} is ${describe(spec)} in the file, ${describe(engineView)} in ${engine}`);
    }
  });
}
