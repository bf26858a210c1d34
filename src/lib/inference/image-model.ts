// Loading: a model source into one runtime, ready to answer. Loading is one step; preparing an
// image for it (./prepared-image.ts) is another, so nothing downloads a photo to load a model.
import { loadModel, type LoadedModel, type ModelLoader, type ModelIO, type RuntimeId } from '../runtime/index.ts';
import type { ProgressCallback } from '../fetch-with-progress.ts';
import { greyInput } from '../image/input.ts';
import { loadLabels } from '../classify/labels.ts';
import { sourceBytes, type ModelSource } from './source.ts';

/** The one shape of "a loaded model" above the runtime layer. */
export interface ImageModel {
  source: ModelSource;
  model: LoadedModel;
  /** Class names (line i = output index i), when asked for and the source has a label file. */
  labels: string[] | null;
}

export interface LoadImageModelOptions {
  threads?: number;
  profiling?: boolean;
  onProgress?: ProgressCallback;
  /** Fetch and check the label file (manifest models only). */
  labels?: boolean;
  /** One untimed run on a grey image, so the first real answer does not pay one-off set-up. */
  warmUp?: boolean;
  /** Bytes already in hand (e.g. downloaded to parse them too). */
  bytes?: Uint8Array;
  /** Tensor specs already read from those bytes, so the file is parsed once. */
  io?: ModelIO;
  /** The runtime seam; unit tests pass one built on a fake engine. */
  loader?: ModelLoader;
}

export async function loadImageModel(source: ModelSource, runtime: RuntimeId, options: LoadImageModelOptions = {}): Promise<ImageModel> {
  const load = async () => {
    const bytes = options.bytes ?? (await sourceBytes(source, options.onProgress));
    return (options.loader ?? loadModel)(runtime, bytes, { threads: options.threads, profiling: options.profiling }, options.io);
  };
  const [model, labels] = await Promise.all([load(), options.labels && source.entry ? loadLabels(source.entry) : null]);
  try {
    const classes = model.outputs[0]?.shape.at(-1);
    if (labels && labels.length !== classes) throw new Error(`${source.id}: ${labels.length} labels for ${classes} outputs`);
    if (options.warmUp) await warmUp(model, source);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return { source, model, labels };
}

/**
 * The engine's first invoke pays one-off set-up (XNNPACK packs the weights, memory is planned),
 * which would otherwise be reported as the first photo's time.
 */
async function warmUp(model: LoadedModel, source: ModelSource): Promise<void> {
  await model.run(greyInput(model.inputs[0]!, source.normalization));
}

export function closeImageModel(model: ImageModel | null | undefined): void {
  model?.model.dispose();
}
