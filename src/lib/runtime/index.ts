// Entry point of the inference layer's engines. Everything heavy (the engines and their WASM) is
// loaded by dynamic import only when a demo asks for it, so pages without demos never download it.
// This layer knows nothing about the site's catalog: it turns model bytes into a LoadedModel.
//
// API:
//   runtimeIds, runtimeLabels[id], isRuntimeId(value)   the runtimes the site offers
//   loadEngine(id, placement?)         Promise<Engine>; imports the adapter once per page
//   loadModel(id, bytes, options, io?) Promise<LoadedModel>: specs read from the file, checked against
//                                      the engine; runAll(inputs) / run(input) -> outputs + timings
//   loadModelOffMainThread(...)        the same, in a Web Worker where the runtime can run in one
//   runsOffMainThread(id)              whether it can (LiteRT.js: yes; tfjs-tflite: only in the page)
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

/**
 * The adapters, as data: id -> dynamic import of its module, in the page and (where the runtime can)
 * in a Web Worker. Display order: the default (LiteRT.js) first.
 */
const registry: Record<RuntimeId, { label: string; page: () => Promise<Engine>; worker?: () => Promise<Engine> }> = {
  litert: {
    label: 'LiteRT.js (@litertjs/core)',
    page: () => import('./litert.ts').then((m) => m.liteRtEngine),
    worker: () => import('./litert-worker/client.ts').then((m) => m.liteRtWorkerEngine),
  },
  // No worker adapter for the unmaintained tfjs-tflite alpha: it stays the in-page comparison.
  'tfjs-tflite': {
    label: 'TensorFlow Lite for the web (@tensorflow/tfjs-tflite)',
    page: () => import('./tfjs-tflite.ts').then((m) => m.tfjsTfliteEngine),
  },
};

export const runtimeIds = Object.keys(registry) as RuntimeId[];

export const runtimeLabels: Record<RuntimeId, string> = Object.fromEntries(
  runtimeIds.map((id) => [id, registry[id].label]),
) as Record<RuntimeId, string>;

export function isRuntimeId(value: unknown): value is RuntimeId {
  return typeof value === 'string' && (runtimeIds as string[]).includes(value);
}

const engines = new Map<string, Promise<Engine>>();

/** Where an engine runs: 'default' is the page, or LiteRT.js's worker with `?litert=worker` (DEFAULT_LITERT_PLACEMENT). */
export type EnginePlacement = 'default' | 'page' | 'worker';

/** Whether runtime `id` can run in a Web Worker here. */
export function runsOffMainThread(id: RuntimeId): boolean {
  return registry[id].worker !== undefined && typeof Worker !== 'undefined';
}

function resolvePlacement(id: RuntimeId, placement: EnginePlacement): 'page' | 'worker' {
  if (placement === 'default') {
    return id === 'litert' ? liteRtPlacement(globalThis.location?.search ?? '', typeof Worker !== 'undefined') : 'page';
  }
  return placement === 'worker' && runsOffMainThread(id) ? 'worker' : 'page';
}

/** The engine adapter for `id`, imported on first use (a worker placement falls back to the page where the runtime has none). */
export function loadEngine(id: RuntimeId, placement: EnginePlacement = 'default'): Promise<Engine> {
  const where = resolvePlacement(id, placement);
  const key = `${id}:${where}`;
  let engine = engines.get(key);
  if (!engine) {
    const entry = registry[id];
    engine = (where === 'worker' ? entry.worker! : entry.page)();
    engine.catch(() => engines.delete(key));
    engines.set(key, engine);
  }
  return engine;
}

/** Loads model bytes into runtime `id`. */
export async function loadModel(id: RuntimeId, bytes: Uint8Array, options: LoadOptions = {}, io?: ModelIO): Promise<LoadedModel> {
  return openModel(await loadEngine(id), bytes, options, io);
}

/**
 * Loads model bytes into runtime `id` in a Web Worker where it can run in one (runsOffMainThread), so
 * long runs never block the page; in the page otherwise.
 */
export async function loadModelOffMainThread(id: RuntimeId, bytes: Uint8Array, options: LoadOptions = {}, io?: ModelIO): Promise<LoadedModel> {
  return openModel(await loadEngine(id, 'worker'), bytes, options, io);
}

/** Loads a model into some runtime: the seam orchestrators take, so unit tests can pass a fake engine. */
export type ModelLoader = (id: RuntimeId, bytes: Uint8Array, options?: LoadOptions, io?: ModelIO) => Promise<LoadedModel>;
