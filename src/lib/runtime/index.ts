// Entry point of the inference layer's engines. Everything heavy (the engines and their WASM) is
// loaded by dynamic import only when a demo asks for it, so pages without demos never download it.
// This layer knows nothing about the site's catalog: it turns model bytes into a LoadedModel.
//
// API:
//   runtimeIds, runtimeLabels[id], isRuntimeId(value)   the runtimes the site offers
//   loadEngine(id)                     Promise<Engine>; imports the adapter once per page
//   loadModel(id, bytes, options, io?) Promise<LoadedModel>: specs read from the file, checked against
//                                      the engine; runAll(inputs) / run(input) -> outputs + timings
//   openModel(engine, bytes, options)  the same with any Engine (tests pass a fake one)
//   readModelIO(bytes), modelIO(model) the input/output TensorSpecs of a .tflite file
//   isCrossOriginIsolated(), defaultThreads(id), DEFAULT_RUNTIME   what the page allows, the default
//   liteRtPlacement(search, hasWorker)  LiteRT.js in a Web Worker or in the page (`?litert=worker`)
// Types are re-exported from ./types.ts.
import { openModel } from './load.ts';
import type { ModelIO } from './model-io.ts';
import type { Engine, LoadOptions, LoadedModel, RuntimeId } from './types.ts';
import { liteRtPlacement } from './environment.ts';

export * from './types.ts';
export { openModel } from './load.ts';
export { modelIO, readModelIO, type ModelIO } from './model-io.ts';
export { DEFAULT_RUNTIME, defaultThreads, isCrossOriginIsolated, liteRtPlacement, type LiteRtPlacement } from './environment.ts';

/** The adapters, as data: id -> dynamic import of its module. Display order: the default (LiteRT.js) first. */
const registry: Record<RuntimeId, { label: string; load: () => Promise<Engine> }> = {
  litert: {
    label: 'LiteRT.js (@litertjs/core)',
    // In the page, or in a Web Worker with `?litert=worker` (see DEFAULT_LITERT_PLACEMENT).
    load: () =>
      liteRtPlacement(globalThis.location?.search ?? '', typeof Worker !== 'undefined') === 'worker'
        ? import('./litert-worker/client.ts').then((m) => m.liteRtWorkerEngine)
        : import('./litert.ts').then((m) => m.liteRtEngine),
  },
  'tfjs-tflite': {
    label: 'TensorFlow Lite for the web (@tensorflow/tfjs-tflite)',
    load: () => import('./tfjs-tflite.ts').then((m) => m.tfjsTfliteEngine),
  },
};

export const runtimeIds = Object.keys(registry) as RuntimeId[];

export const runtimeLabels: Record<RuntimeId, string> = Object.fromEntries(
  runtimeIds.map((id) => [id, registry[id].label]),
) as Record<RuntimeId, string>;

export function isRuntimeId(value: unknown): value is RuntimeId {
  return typeof value === 'string' && (runtimeIds as string[]).includes(value);
}

const engines = new Map<RuntimeId, Promise<Engine>>();

/** The engine adapter for `id`, imported on first use. */
export function loadEngine(id: RuntimeId): Promise<Engine> {
  let engine = engines.get(id);
  if (!engine) {
    engine = registry[id].load();
    engine.catch(() => engines.delete(id));
    engines.set(id, engine);
  }
  return engine;
}

/** Loads model bytes into runtime `id`. */
export async function loadModel(id: RuntimeId, bytes: Uint8Array, options: LoadOptions = {}, io?: ModelIO): Promise<LoadedModel> {
  return openModel(await loadEngine(id), bytes, options, io);
}

/** Loads a model into some runtime: the seam orchestrators take, so unit tests can pass a fake engine. */
export type ModelLoader = (id: RuntimeId, bytes: Uint8Array, options?: LoadOptions, io?: ModelIO) => Promise<LoadedModel>;
