// Adapter for @tensorflow/tfjs-tflite (TFLite's C++ interpreter compiled to WASM, with XNNPACK).
//
// Why we drive its model runner rather than TFLiteModel.predict(): predict() takes tfjs tensors,
// which have no 8-bit dtype, so 8-bit inputs must be int32 tensors that it converts (and warns
// about) on every call, and it copies outputs into new tensors. The runner underneath
// (`TFLiteModel.modelRunner`, the object predict() itself uses) exposes the input/output buffers in
// WASM memory and a bare infer() call: we write the input in the model's own dtype, time infer()
// alone as the engine's invoke time, and copy the output out before the next run. No tfjs tensors
// are created at all, so nothing can leak into tf.memory().
import type { TFLiteModel } from '@tensorflow/tfjs-tflite';
import { sitePath } from '../site-path.ts';
import { modelBytes } from './model-bytes.ts';
import { readModelIO } from './model-io.ts';
import { assertEngineAgrees } from './verify-io.ts';
import { defaultThreads, isCrossOriginIsolated } from './environment.ts';
import {
  RuntimeError,
  type InputData,
  type LoadOptions,
  type LoadedModel,
  type OpProfile,
  type RunResult,
  type Runtime,
  type RuntimeInfo,
} from './types.ts';

export const TFJS_TFLITE_WASM_PATH = sitePath('wasm/tfjs-tflite/');

type RunnerArray = Int8Array | Uint8Array | Int16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** One input/output of the runner; `data()` is a fresh view into WASM memory each call. */
interface RunnerTensorInfo {
  id: number;
  dataType: string;
  name: string;
  shape: string;
  data(): RunnerArray;
  delete?: () => void;
}

interface ModelRunner {
  getInputs(): RunnerTensorInfo[];
  getOutputs(): RunnerTensorInfo[];
  infer(): boolean;
  getProfilingResults(): { nodeType: string; nodeName: string; nodeExecMs: number }[];
  cleanUp(): void;
  /** The Emscripten module (for the WASM heap size readout). */
  module?: { HEAPU8?: Uint8Array };
}

type TfliteModule = typeof import('@tensorflow/tfjs-tflite');

let modulePromise: Promise<TfliteModule> | null = null;
/**
 * Live tfjs tensors, from tfjs-core's engine state (loaded with the library, which depends on it).
 * Not tf.memory(): that needs a registered backend, and this adapter never needs one.
 */
let tfTensorCount: (() => number) | null = null;
/** Bumped after a failed WASM download so that a retry gets a fresh loader (see wasmPath()). */
let wasmAttempt = 0;

/**
 * The library caches its WASM loader per path, including a failed one. After a failure we point it
 * at an equivalent path ('/wasm/tfjs-tflite/./') so that "try again" really downloads again.
 */
function wasmPath(): string {
  return TFJS_TFLITE_WASM_PATH + './'.repeat(wasmAttempt);
}

/** Imports the library once per page and points it at the site's own copy of its WASM files. */
function importTflite(): Promise<TfliteModule> {
  modulePromise ??= Promise.all([import('@tensorflow/tfjs-tflite'), import('@tensorflow/tfjs-core')])
    .then(([mod, core]) => {
      mod.setWasmPath(wasmPath());
      tfTensorCount = () => core.engine().state.numTensors;
      return mod;
    })
    .catch((err: unknown) => {
      modulePromise = null;
      throw new RuntimeError(`Could not load @tensorflow/tfjs-tflite: ${(err as Error).message}`, 'wasm-load-failed');
    });
  return modulePromise;
}

/** After a failed load: was it the WASM loader script that could not be fetched? */
async function wasmUnreachable(variant: string): Promise<boolean> {
  try {
    const res = await fetch(`${TFJS_TFLITE_WASM_PATH}${variant}.js`, { method: 'HEAD' });
    return !res.ok;
  } catch {
    return true;
  }
}

function copyOf(view: RunnerArray): Float32Array | Uint8Array | Int8Array | Int32Array {
  if (view instanceof Float32Array || view instanceof Uint8Array || view instanceof Int8Array || view instanceof Int32Array) {
    return view.slice();
  }
  return Float32Array.from(view);
}

function heapBytes(runner: ModelRunner): number | null {
  return runner.module?.HEAPU8?.buffer.byteLength ?? null;
}

class TfjsTfliteModel implements LoadedModel {
  private readonly input: RunnerTensorInfo;
  private readonly output: RunnerTensorInfo;
  private readonly tensorInfos: RunnerTensorInfo[];
  private disposed = false;

  constructor(
    private readonly runner: ModelRunner,
    readonly inputs: LoadedModel['inputs'],
    readonly outputs: LoadedModel['outputs'],
    readonly info: RuntimeInfo,
    readonly loadMs: number,
    private readonly profiling: boolean,
  ) {
    const runnerInputs = runner.getInputs();
    const runnerOutputs = runner.getOutputs();
    if (runnerInputs.length !== 1 || runnerOutputs.length < 1) {
      throw new RuntimeError(`Expected one input and at least one output, got ${runnerInputs.length} and ${runnerOutputs.length}`, 'unsupported');
    }
    const report = (t: RunnerTensorInfo) => ({ dtype: t.dataType, shape: t.shape.split(',').map(Number) });
    assertEngineAgrees('tfjs-tflite', 'input', inputs, runnerInputs.map(report));
    assertEngineAgrees('tfjs-tflite', 'output', outputs, runnerOutputs.map(report));
    this.input = runnerInputs[0]!;
    this.output = runnerOutputs[0]!;
    this.tensorInfos = [...runnerInputs, ...runnerOutputs];
  }

  async run(input: InputData): Promise<RunResult> {
    if (this.disposed) throw new RuntimeError('This model was released', 'run-failed');
    const t0 = performance.now();
    const target = this.input.data();
    if (target.length !== input.length) {
      throw new RuntimeError(`Input has ${input.length} values; the model expects ${target.length}`, 'run-failed');
    }
    target.set(input);
    const t1 = performance.now();
    const ok = this.runner.infer();
    const t2 = performance.now();
    if (!ok) throw new RuntimeError('The TFLite interpreter failed to run the model', 'run-failed');
    // The view aliases WASM memory that the next infer() overwrites: copy it out now.
    const output = copyOf(this.output.data());
    const t3 = performance.now();
    return { output, inferenceMs: t2 - t1, copyMs: t1 - t0 + (t3 - t2) };
  }

  profile(): OpProfile[] | null {
    if (!this.profiling || this.disposed) return null;
    return this.runner.getProfilingResults().map((p) => ({ nodeType: p.nodeType, nodeName: p.nodeName, ms: p.nodeExecMs }));
  }

  wasmHeapBytes(): number | null {
    return heapBytes(this.runner);
  }

  tfjsTensorCount(): number | null {
    try {
      return tfTensorCount ? tfTensorCount() : null;
    } catch {
      return null;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const info of this.tensorInfos) info.delete?.();
    this.runner.cleanUp();
  }
}

export const tfjsTfliteRuntime: Runtime = {
  id: 'tfjs-tflite',
  async load(model, options: LoadOptions = {}) {
    const bytes = await modelBytes(model, options.onProgress);
    const [mod, io] = await Promise.all([importTflite(), readModelIO(bytes)]);
    const features = await mod.getWasmFeatures();
    const threaded = features.multiThreading;
    const threads = threaded ? Math.max(1, options.threads ?? defaultThreads('tfjs-tflite')) : 1;
    const variant = `tflite_web_api_cc${features.simd ? '_simd' : ''}${threaded ? '_threaded' : ''}`;
    const t0 = performance.now();
    let loaded: TFLiteModel;
    try {
      // The library keeps (a view of) the buffer: hand it its own copy.
      const buffer = bytes.slice().buffer;
      loaded = await mod.loadTFLiteModel(buffer, { numThreads: threads, enableProfiling: options.profiling ?? false });
    } catch (err) {
      const message = (err as Error | undefined)?.message ?? String(err);
      // When the WASM script fails to load, the library resolves its loader with undefined and
      // fails later with a TypeError; ask the server directly to tell the two cases apart.
      if (await wasmUnreachable(variant)) {
        wasmAttempt++;
        mod.setWasmPath(wasmPath());
        throw new RuntimeError(`tfjs-tflite could not download its WASM files: ${message}`, 'wasm-load-failed');
      }
      throw new RuntimeError(`tfjs-tflite could not load the model: ${message}`, 'model-load-failed');
    }
    const loadMs = performance.now() - t0;
    const runner = (loaded as unknown as { modelRunner?: ModelRunner }).modelRunner;
    if (!runner || typeof runner.infer !== 'function') {
      throw new RuntimeError('This version of tfjs-tflite does not expose its model runner', 'unsupported');
    }
    const info: RuntimeInfo = {
      runtime: 'tfjs-tflite',
      variant,
      threads,
      accelerator: 'wasm',
      crossOriginIsolated: isCrossOriginIsolated(),
    };
    try {
      return new TfjsTfliteModel(runner, io.inputs, io.outputs, info, loadMs, options.profiling ?? false);
    } catch (err) {
      runner.cleanUp();
      throw err;
    }
  },
};
