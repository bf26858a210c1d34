// Entry point of the inference layer. Everything heavy (the runtimes and their WASM) is loaded by
// dynamic import only when a demo asks for it, so pages without demos never download it.
//
// API (stable; the classifier, the accuracy lab and `npm run bench` all use it):
//   runtimeIds                         every runtime the site offers, in display order
//   runtimeLabels[id]                  human-readable name of a runtime
//   isRuntimeId(value)                 type guard for query params and <select> values
//   loadRuntime(id)                    Promise<Runtime>; imports the adapter once per page
//   fetchModelBytes(entry, onProgress) Promise<Uint8Array>: a manifest model's bytes (HTTP-cached)
//   loadModel(id, entry, options)      Promise<LoadedModel>: fetch + load + describe in one call;
//                                      inputs/outputs carry the file's real dtype/scale/zero point
//   readModelIO(bytes), modelIO(model) the input/output TensorSpecs of a .tflite file
//   isCrossOriginIsolated(), defaultThreads(), hasWebGpu()   what the page allows
//   fetchWithProgress(url, onProgress) generic byte download with progress
// A LoadedModel has run(input) -> {output, inferenceMs (engine invoke only), copyMs}, profile(),
// wasmHeapBytes(), tfjsTensorCount() (tfjs-tflite), dispose(). Types are re-exported from ./types.ts.
import { assetUrl, type ModelEntry } from '../models.ts';
import { fetchWithProgress, type ProgressCallback } from '../fetch-with-progress.ts';
import type { LoadOptions, LoadedModel, Runtime, RuntimeId } from './types.ts';

export * from './types.ts';
export { fetchWithProgress, FetchError, type ProgressCallback } from '../fetch-with-progress.ts';
export { modelIO, readModelIO, type ModelIO } from './model-io.ts';
export { DEFAULT_RUNTIME, defaultThreads, hasWebGpu, isCrossOriginIsolated } from './environment.ts';

/** The adapters, as data: id -> dynamic import of its module. Display order: the default (LiteRT.js) first. */
const registry: Record<RuntimeId, { label: string; load: () => Promise<Runtime> }> = {
  litert: {
    label: 'LiteRT.js (@litertjs/core)',
    load: () => import('./litert.ts').then((m) => m.liteRtRuntime),
  },
  'tfjs-tflite': {
    label: 'TensorFlow Lite for the web (@tensorflow/tfjs-tflite)',
    load: () => import('./tfjs-tflite.ts').then((m) => m.tfjsTfliteRuntime),
  },
};

export const runtimeIds = Object.keys(registry) as RuntimeId[];

export const runtimeLabels: Record<RuntimeId, string> = Object.fromEntries(
  runtimeIds.map((id) => [id, registry[id].label]),
) as Record<RuntimeId, string>;

export function isRuntimeId(value: unknown): value is RuntimeId {
  return typeof value === 'string' && (runtimeIds as string[]).includes(value);
}

const runtimes = new Map<RuntimeId, Promise<Runtime>>();

/** The runtime adapter for `id`, imported on first use. */
export function loadRuntime(id: RuntimeId): Promise<Runtime> {
  let runtime = runtimes.get(id);
  if (!runtime) {
    runtime = registry[id].load();
    runtime.catch(() => runtimes.delete(id));
    runtimes.set(id, runtime);
  }
  return runtime;
}

/** Downloads a manifest model's file; the browser's HTTP cache serves repeat visits. */
export function fetchModelBytes(entry: ModelEntry, onProgress?: ProgressCallback, base = '/'): Promise<Uint8Array> {
  return fetchWithProgress(assetUrl(entry, base), onProgress, { expectedBytes: entry.bytes });
}

/** Fetches a manifest model and loads it into runtime `id`. */
export async function loadModel(
  id: RuntimeId,
  entry: ModelEntry,
  options: LoadOptions & { base?: string; bytes?: Uint8Array } = {},
): Promise<LoadedModel> {
  const [runtime, bytes] = await Promise.all([
    loadRuntime(id),
    options.bytes ? Promise.resolve(options.bytes) : fetchModelBytes(entry, options.onProgress, options.base),
  ]);
  return runtime.load(bytes, options);
}
