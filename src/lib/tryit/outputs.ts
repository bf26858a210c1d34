// Turning raw output tensors into what a reader can look at: detections, a class mask, summary
// statistics. Pure functions over typed arrays; the inspector's "Run it here" draws the results.
import { perTensorParams } from '../quant/params.ts';
import type { TensorSpec } from '../runtime/types.ts';

export type OutputArray = ArrayLike<number> & { length: number };

/** Real values: (q - zeroPoint) * scale for quantized outputs, a float copy otherwise. */
export function realValues(values: OutputArray, spec: TensorSpec): Float32Array {
  const params = spec.dtype === 'float32' || spec.dtype === 'float16' ? null : perTensorParams(spec.quantization);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = params ? (values[i]! - params.zeroPoint) * params.scale : values[i]!;
  return out;
}

export interface Detection {
  /** Fractions of the input image, 0..1, clamped. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  classId: number;
  score: number;
}

/**
 * Rows of TFLite_Detection_PostProcess output: boxes [N,4] as [ymin, xmin, ymax, xmax], class ids,
 * scores, and the count of valid rows. Keeps rows scoring at least `threshold`, best first.
 */
export function detectionsFromPostProcess(
  boxes: OutputArray, classes: OutputArray, scores: OutputArray, count: OutputArray, threshold: number,
): Detection[] {
  const valid = Math.min(Math.max(0, Math.round(count[0] ?? 0)), scores.length, classes.length, Math.floor(boxes.length / 4));
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const found: Detection[] = [];
  for (let i = 0; i < valid; i++) {
    const score = scores[i]!;
    if (!(score >= threshold)) continue;
    found.push({
      top: clamp(boxes[4 * i]!), left: clamp(boxes[4 * i + 1]!), bottom: clamp(boxes[4 * i + 2]!), right: clamp(boxes[4 * i + 3]!),
      classId: Math.round(classes[i]!), score,
    });
  }
  return found.sort((a, b) => b.score - a.score);
}

/** Per-pixel argmax of [H, W, C] scores: a class index per pixel, and each class's share of pixels. */
export function classMask(scores: OutputArray, height: number, width: number, classes: number): { mask: Uint16Array; shares: Map<number, number> } {
  const pixels = height * width;
  if (scores.length < pixels * classes) throw new Error(`Expected ${pixels * classes} scores, got ${scores.length}`);
  const mask = new Uint16Array(pixels);
  const counts = new Map<number, number>();
  for (let p = 0; p < pixels; p++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (scores[p * classes + c]! > scores[p * classes + best]!) best = c;
    // One channel: a binary mask scored 0..1 (or a logit around 0).
    if (classes === 1) best = scores[p]! > 0.5 ? 1 : 0;
    mask[p] = best;
    counts.set(best, (counts.get(best) ?? 0) + 1);
  }
  const shares = new Map([...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => [c, n / pixels]));
  return { mask, shares };
}

export interface TensorStats {
  length: number;
  first: number[];
  min: number;
  max: number;
  /** Euclidean norm (useful for embeddings). */
  norm: number;
}

export function tensorStats(values: OutputArray, firstCount = 8): TensorStats {
  let min = Infinity;
  let max = -Infinity;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (v < min) min = v;
    if (v > max) max = v;
    sq += v * v;
  }
  const first = Array.from({ length: Math.min(firstCount, values.length) }, (_, i) => Number(values[i]));
  return { length: values.length, first, min: values.length ? min : NaN, max: values.length ? max : NaN, norm: Math.sqrt(sq) };
}
