// What a run of an image model produced, read by the model's kind: top classes, detections, a
// class mask, an embedding, or (for anything else) the raw tensors.
import { topK } from '../classify/output.ts';
import type { TensorSpec } from '../runtime/types.ts';
import type { KindReport } from '../tflite/kind.ts';
import { classMask, detectionsFromPostProcess, realValues, tensorStats, type Detection, type OutputArray, type TensorStats } from './outputs.ts';

export type ImageRunResult =
  | { kind: 'scores'; top: { index: number; score: number }[]; classes: number }
  | { kind: 'detections'; detections: Detection[]; threshold: number }
  | { kind: 'mask'; mask: Uint16Array; height: number; width: number; shares: Map<number, number> }
  | { kind: 'embedding'; stats: TensorStats }
  | { kind: 'raw'; outputs: OutputArray[] };

export const DETECTION_THRESHOLD = 0.5;

export function interpretImageOutputs(kind: KindReport, outputs: OutputArray[], specs: readonly TensorSpec[], k = 5): ImageRunResult {
  const real = outputs.map((o, i) => (specs[i] ? realValues(o, specs[i]!) : Float32Array.from(o)));
  const at = (role: string) => kind.outputs.findIndex((o) => o.role === role);
  const [boxes, classes, scores, count] = ['detection-boxes', 'detection-classes', 'detection-scores', 'detection-count'].map(at);
  if (kind.kind === 'object-detector' && boxes! >= 0 && classes! >= 0 && scores! >= 0 && count! >= 0) {
    const detections = detectionsFromPostProcess(real[boxes!]!, real[classes!]!, real[scores!]!, real[count!]!, DETECTION_THRESHOLD);
    return { kind: 'detections', detections, threshold: DETECTION_THRESHOLD };
  }
  const seg = kind.outputs.findIndex((o) => o.role === 'segmentation');
  const segRole = kind.outputs[seg];
  if (kind.kind === 'image-segmenter' && segRole?.role === 'segmentation') {
    const { mask, shares } = classMask(real[seg]!, segRole.height, segRole.width, segRole.classes);
    return { kind: 'mask', mask, height: segRole.height, width: segRole.width, shares };
  }
  const scoreAt = at('class-scores');
  if (kind.kind === 'image-classifier' && scoreAt >= 0) {
    const values = real[scoreAt]!;
    return { kind: 'scores', top: topK(values, k).map((p) => ({ index: p.index, score: p.prob })), classes: values.length };
  }
  const embAt = at('embedding');
  if (kind.kind === 'image-embedder' && embAt >= 0) return { kind: 'embedding', stats: tensorStats(real[embAt]!) };
  return { kind: 'raw', outputs };
}
