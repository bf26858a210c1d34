// Adapter for @tensorflow/tfjs-tflite (TFLite's C++ interpreter compiled to WASM, with XNNPACK).
//
// Why we drive its model runner rather than TFLiteModel.predict(): predict() takes tfjs tensors,
// which have no 8-bit dtype, so 8-bit inputs must be int32 tensors that it converts (and warns
// about) on every call, and it copies outputs into new tensors. The runner underneath
// (`TFLiteModel.modelRunner`, the object predict() itself uses) exposes the input/output buffers in
// WASM memory and a bare infer() call: we write the input in the model's own dtype, time infer()
// alone as the engine's invoke time, and copy the outputs out before the next run. No tfjs tensors
// are created at all, so nothing can leak into tf.memory(). Spec reading, checks and timing: ./load.ts.
import type { TFLiteModel } from '@tensorflow/tfjs-tflite';
import { sitePath } from '../site-path.ts';
import { isCrossOriginIsolated } from './environment.ts';
import { RuntimeError, type Engine, type EngineModel, type EngineTensorReport, type OpProfile, type RuntimeInfo, type TensorData } from './types.ts';

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

/** An owned copy of a runner view; widened dtypes (uint32, float64) become Int32Array/Float32Array. */
function copyOf(view: RunnerArray): TensorData {
  if (view instanceof Uint32Array) return Int32Array.from(view);
  if (view instanceof Float64Array) return Float32Array.from(view);
  return view.slice();
}

const report = (t: RunnerTensorInfo): EngineTensorReport => ({ dtype: t.dataType, shape: t.shape.split(',').filter(Boolean).map(Number) });

class TfjsTfliteModel implements EngineModel {
  readonly reportedInputs: EngineTensorReport[];
  readonly reportedOutputs: EngineTensorReport[];
  private readonly runnerInputs: RunnerTensorInfo[];
  private readonly runnerOutputs: RunnerTensorInfo[];

  constructor(
    private readonly runner: ModelRunner,
    readonly info: RuntimeInfo,
    private readonly profiling: boolean,
  ) {
    this.runnerInputs = runner.getInputs();
    this.runnerOutputs = runner.getOutputs();
    this.reportedInputs = this.runnerInputs.map(report);
    this.reportedOutputs = this.runnerOutputs.map(report);
  }

  setInputs(inputs: readonly TensorData[]): void {
    inputs.forEach((input, i) => {
      const target = this.runnerInputs[i]!.data();
      if (target.length !== input.length) {
        throw new RuntimeError(`Input ${i} has ${input.length} values; the model expects ${target.length}`, 'run-failed');
      }
      target.set(input);
    });
  }

  invoke(): void {
    if (!this.runner.infer()) throw new RuntimeError('The TFLite interpreter failed to run the model', 'run-failed');
  }

  /** The views alias WASM memory that the next infer() overwrites (and are sized after it): copy now. */
  readOutputs(): TensorData[] {
    return this.runnerOutputs.map((o) => copyOf(o.data()));
  }

  profile(): OpProfile[] | null {
    if (!this.profiling) return null;
    return this.runner.getProfilingResults().map((p) => ({ nodeType: p.nodeType, nodeName: p.nodeName, ms: p.nodeExecMs }));
  }

  wasmHeapBytes(): number | null {
    return this.runner.module?.HEAPU8?.buffer.byteLength ?? null;
  }

  tfjsTensorCount(): number | null {
    try {
      return tfTensorCount ? tfTensorCount() : null;
    } catch {
      return null;
    }
  }

  dispose(): void {
    for (const t of [...this.runnerInputs, ...this.runnerOutputs]) t.delete?.();
    this.runner.cleanUp();
  }
}

let features: { simd: boolean; multiThreading: boolean } | null = null;

export const tfjsTfliteEngine: Engine = {
  id: 'tfjs-tflite',
  async ready() {
    const mod = await importTflite();
    features ??= await mod.getWasmFeatures();
  },
  async compile(bytes, options) {
    const mod = await importTflite();
    const { simd, multiThreading } = features ?? (features = await mod.getWasmFeatures());
    const threads = multiThreading ? options.threads : 1;
    const variant = `tflite_web_api_cc${simd ? '_simd' : ''}${multiThreading ? '_threaded' : ''}`;
    let loaded: TFLiteModel;
    try {
      // The library keeps (a view of) the buffer: hand it its own copy.
      loaded = await mod.loadTFLiteModel(bytes.slice().buffer, { numThreads: threads, enableProfiling: options.profiling });
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
    const runner = (loaded as unknown as { modelRunner?: ModelRunner }).modelRunner;
    if (!runner || typeof runner.infer !== 'function') {
      throw new RuntimeError('This version of tfjs-tflite does not expose its model runner', 'unsupported');
    }
    const info: RuntimeInfo = { runtime: 'tfjs-tflite', variant, threads, crossOriginIsolated: isCrossOriginIsolated() };
    return new TfjsTfliteModel(runner, info, options.profiling);
  },
};
