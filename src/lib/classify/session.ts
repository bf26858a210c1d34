// One model ready to classify images: the runtime's loaded model + its labels + its manifest entry.
// The classifier island, the accuracy lab, tests and the benchmark all go through classifyImage(),
// so a number measured in one place means the same everywhere.
import type { ModelEntry } from '../models.ts';
import { loadModel, type InputData, type LoadOptions, type LoadedModel, type RunResult, type RuntimeId } from '../runtime/index.ts';
import type { ProgressCallback } from '../fetch-with-progress.ts';
import { fetchModelBytes } from '../inference/model-file.ts';
import { buildInput, imageInputSize, prepareInput, type DecodedImage } from '../image/index.ts';
import { loadLabels, labelOf } from './labels.ts';
import { toProbabilities, topK, type Prediction } from './output.ts';
import { CORRECT_PIPELINE, type Pipeline } from './mistakes.ts';

export interface ModelSession {
  entry: ModelEntry;
  model: LoadedModel;
  labels: string[];
}

export interface LabelledPrediction extends Prediction {
  label: string;
}

export interface Classification {
  modelId: string;
  /** Top-k, highest first. */
  predictions: LabelledPrediction[];
  /** Engine invoke time (the runtime's own time), ms. */
  inferenceMs: number;
  /** Input copy in + output copy out, ms. */
  copyMs: number;
  /** Crop + resize + dtype conversion, ms (the resize is skipped when a shared one fits). */
  preprocessMs: number;
  /** Dequantize + softmax + top-k, ms. */
  postprocessMs: number;
  /** What the engine got and gave: the RGB bytes, the input tensor and the raw output. */
  trace: { rgb: Float32Array; input: InputData; output: RunResult['output'] };
}

/** Fetches the model and its labels and loads the model into runtime `runtimeId`. */
export async function openModelSession(
  runtimeId: RuntimeId,
  entry: ModelEntry,
  options: LoadOptions & { onProgress?: ProgressCallback } = {},
): Promise<ModelSession> {
  const load = async () => loadModel(runtimeId, await fetchModelBytes(entry, options.onProgress), options);
  const [model, labels] = await Promise.all([load(), loadLabels(entry)]);
  if (labels.length !== model.outputs[0]?.shape.at(-1)) {
    model.dispose();
    throw new Error(`${entry.id}: ${labels.length} labels for ${model.outputs[0]?.shape.at(-1)} outputs`);
  }
  await warmUp(model, entry);
  return { entry, model, labels };
}

/**
 * One untimed run on a mid-grey image: the engine's first invoke pays one-off set-up (XNNPACK
 * packs the weights, memory is planned), which would otherwise be reported as the first photo's time.
 */
async function warmUp(model: LoadedModel, entry: ModelEntry): Promise<void> {
  const spec = model.inputs[0]!;
  const { height, width } = imageInputSize(spec);
  await model.run(buildInput(new Float32Array(height * width * 3).fill(127.5), spec, entry.normalization));
}

/** Input size a session wants, e.g. 224 (square MobileNet inputs). */
export function sessionInputSize(session: ModelSession): { height: number; width: number } {
  return imageInputSize(session.model.inputs[0]!);
}

/**
 * Classifies one decoded image. Pass the same `shared` object to several sessions to resize the
 * image once for models with the same input size (and the same pipeline). `pipeline` is the
 * correct one unless the classifier shows a classic mistake (./mistakes.ts).
 */
export async function classifyImage(
  session: ModelSession,
  image: DecodedImage,
  k = 5,
  shared: { rgb?: Float32Array } = {},
  pipeline: Pipeline = CORRECT_PIPELINE,
): Promise<Classification> {
  const inputSpec = session.model.inputs[0]!;
  const prepared = prepareInput(image, inputSpec, session.entry.normalization, shared.rgb, pipeline.steps);
  shared.rgb = prepared.rgb;
  const result = await session.model.run(prepared.input);
  const t0 = performance.now();
  const probs = toProbabilities(result.output, session.model.outputs[0]!, session.entry.output, pipeline.dequantize);
  const predictions = topK(probs, k).map((p) => ({ ...p, label: labelOf(session.labels, p.index, pipeline.labelsDropped) }));
  const postprocessMs = performance.now() - t0;
  return {
    modelId: session.entry.id,
    predictions,
    inferenceMs: result.inferenceMs,
    copyMs: result.copyMs,
    preprocessMs: prepared.ms,
    postprocessMs,
    trace: { rgb: prepared.rgb, input: prepared.input, output: result.output },
  };
}

export function closeModelSession(session: ModelSession | null | undefined): void {
  session?.model.dispose();
}
