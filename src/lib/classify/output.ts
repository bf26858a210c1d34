// From raw model output to ranked, labelled predictions: dequantize 8-bit outputs with the
// output tensor's own scale and zero point, softmax only when the model outputs logits, top-k.
import { perTensorParams } from '../quant/params.ts';
import { dequantizeTensor } from '../quant/quantize.ts';
import type { RunResult, TensorSpec } from '../runtime/types.ts';

export type OutputKind = 'probabilities' | 'logits';

export interface Prediction {
  /** Index in the model's output (0 is "background" for these 1001-way MobileNets). */
  index: number;
  /** 0..1 */
  prob: number;
}

/** Real values of the output: dequantized ((q - zeroPoint) * scale) for 8-bit tensors. */
export function dequantize(output: RunResult['output'], spec: TensorSpec): Float32Array {
  if (spec.dtype === 'float32' || spec.dtype === 'float16') return Float32Array.from(output);
  const params = perTensorParams(spec.quantization);
  if (!params) throw new Error(`The ${spec.dtype} output "${spec.name}" has no per-tensor scale and zero point`);
  return dequantizeTensor(output, [output.length], { axis: null, scale: [params.scale], zeroPoint: [params.zeroPoint] });
}

/** Numerically stable softmax. */
export function softmax(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp(logits[i]! - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return out;
}

/**
 * Class probabilities from a raw output: dequantize, then softmax only for logits.
 * `dequantizeOutput: false` is the classic mistake of reading an 8-bit output's integers as if
 * they were the values (ignoring its zero point and scale).
 */
export function toProbabilities(output: RunResult['output'], spec: TensorSpec, kind: OutputKind, dequantizeOutput = true): Float32Array {
  const real = dequantizeOutput ? dequantize(output, spec) : Float32Array.from(output);
  return kind === 'logits' ? softmax(real) : real;
}

/** The k highest entries, highest first; ties keep the lower index first. */
export function topK(probs: ArrayLike<number>, k: number): Prediction[] {
  const best: Prediction[] = [];
  for (let index = 0; index < probs.length; index++) {
    const prob = probs[index]!;
    if (best.length === k && prob <= best[k - 1]!.prob) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.prob < prob) at--;
    best.splice(at, 0, { index, prob });
    if (best.length > k) best.pop();
  }
  return best;
}

/** Index of the highest entry (first one on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
