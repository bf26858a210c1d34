// Answering: a loaded model + a prepared image -> class probabilities, or labelled top-k.
// The classifier, the accuracy lab and the tests all go through here, so a number measured in one
// place means the same everywhere (the benchmark times the same inputs with LoadedModel.run).
import { toProbabilities, topK, type Prediction } from '../classify/output.ts';
import { labelOf } from '../classify/labels.ts';
import { CORRECT_PIPELINE, type Pipeline } from '../classify/mistakes.ts';
import type { TensorData } from '../runtime/types.ts';
import type { ImageModel } from './image-model.ts';
import type { PreparedImage } from './prepared-image.ts';

export interface ImageAnswer {
  /** Class probabilities (dequantized, softmaxed when the model outputs logits). */
  probs: Float32Array;
  /** Engine invoke time, ms. */
  inferenceMs: number;
  /** Input copy in + output copy out, ms. */
  copyMs: number;
  /** Crop + resize (when not shared) + dtype conversion, ms. */
  preprocessMs: number;
  /** Dequantize + softmax, ms. */
  postprocessMs: number;
  /** What the engine got and gave: the bytes, the input tensor and the raw output. */
  trace: { rgb: Float32Array; input: TensorData; output: TensorData };
}

/** Runs one model on one prepared image. `pipeline` is the correct one unless a classic mistake is shown. */
export async function answerImage(model: ImageModel, image: PreparedImage, pipeline: Pipeline = CORRECT_PIPELINE): Promise<ImageAnswer> {
  const spec = model.model.inputs[0]!;
  const prepared = image.inputFor(spec, model.source.normalization, pipeline.steps);
  const result = await model.model.run(prepared.input);
  const t0 = performance.now();
  const probs = toProbabilities(result.output, model.model.outputs[0]!, model.source.output, pipeline.dequantize);
  return {
    probs,
    inferenceMs: result.inferenceMs,
    copyMs: result.copyMs,
    preprocessMs: prepared.ms,
    postprocessMs: performance.now() - t0,
    trace: { rgb: prepared.rgb, input: prepared.input, output: result.output },
  };
}

export interface LabelledPrediction extends Prediction {
  label: string;
}

export interface Classification extends ImageAnswer {
  modelId: string;
  /** Top-k, highest first. */
  predictions: LabelledPrediction[];
}

/** Top-k labelled answer (the model must have been loaded with labels). */
export async function classify(model: ImageModel, image: PreparedImage, k = 5, pipeline: Pipeline = CORRECT_PIPELINE): Promise<Classification> {
  const answer = await answerImage(model, image, pipeline);
  const t0 = performance.now();
  const labels = model.labels ?? [];
  const predictions = topK(answer.probs, k).map((p) => ({ ...p, label: labelOf(labels, p.index, pipeline.labelsDropped) }));
  return { ...answer, modelId: model.source.id, predictions, postprocessMs: answer.postprocessMs + performance.now() - t0 };
}
