// Whether a model the reader opens can be quantized at all, checked when the file is opened so the
// reader learns it at step 1 instead of after pressing Quantize: the model must have float32
// tensors (the converter starts from a float model) and a graph this page can rewrite (one
// subgraph, built-in operators). The quantize passes keep the same checks.
import { QuantizeError, rewriteProblem } from '../quantize/index.ts';
import type { TfliteModel } from '../tflite/types.ts';

/** The reason no setting can quantize this model, or null when some setting may. */
export function floatModelProblem(model: TfliteModel): QuantizeError | null {
  // In the order the quantizer meets them: reading the graph, then looking for float work.
  const rewrite = rewriteProblem(model, 'dynamic');
  if (rewrite) return rewrite;
  const hasFloat = model.subgraphs.some((g) => g.tensors.some((t) => t.dtype === 'float32'));
  return hasFloat ? null : new QuantizeError('The model has no float32 tensors: it is already quantized.', 'not-float', 'dynamic');
}
