// The classifier's view of the inference API (lib/inference): a manifest model loaded with its
// labels and warmed up, and the labelled top-k answer for a prepared image.
import type { ModelEntry } from '../models.ts';
import type { RuntimeId } from '../runtime/index.ts';
import type { ProgressCallback } from '../fetch-with-progress.ts';
import { closeImageModel, loadImageModel, type ImageModel } from '../inference/image-model.ts';
import { manifestSource } from '../inference/source.ts';

export { classify as classifyImage, type Classification, type LabelledPrediction } from '../inference/answer.ts';
export { prepareImage, type PreparedImage } from '../inference/prepared-image.ts';

export type ModelSession = ImageModel & { entry: ModelEntry; labels: string[] };

export async function openModelSession(
  runtime: RuntimeId,
  entry: ModelEntry,
  options: { threads?: number; onProgress?: ProgressCallback } = {},
): Promise<ModelSession> {
  const model = await loadImageModel(manifestSource(entry), runtime, { ...options, labels: true, warmUp: true });
  return { ...model, entry, labels: model.labels ?? [] };
}

export const closeModelSession: (session: ModelSession | null | undefined) => void = closeImageModel;
