// Adapter for @litertjs/core (LiteRT.js, Google's current web runtime for .tflite models).
// Manual memory: every Tensor a run creates is deleted in endRun(), every model on dispose().
// Spec reading, checks and timing live above the adapters (./load.ts). CPU (WASM) only: no UI
// selects WebGPU, and headless Chromium here has no GPU adapter.
import type { CompiledModel, Tensor as LiteRtTensor } from '@litertjs/core';
import { sitePath } from '../site-path.ts';
import { isCrossOriginIsolated } from './environment.ts';
import { RuntimeError, type Engine, type EngineModel, type EngineTensorReport, type RuntimeInfo, type TensorData } from './types.ts';

export const LITERT_WASM_PATH = sitePath('wasm/litert/');

type LiteRtModule = typeof import('@litertjs/core');

interface LiteRtSetup {
  mod: LiteRtModule;
  /** Which WASM build loaded (fixed for the page: LiteRT.js loads once). */
  variant: string;
  threaded: boolean;
  /** Size of the worker pool the threaded build started. */
  poolThreads: number;
}

let setupPromise: Promise<LiteRtSetup> | null = null;

/**
 * LiteRT's WASM prints its INFO log lines through Emscripten's printErr, which defaults to
 * console.error: route them by severity instead, so real errors still stand out.
 */
function routeLiteRtLog(...args: unknown[]): void {
  const text = args.map(String).join(' ');
  if (/^(INFO|VERBOSE|DEBUG)\b/.test(text)) console.debug(text);
  else if (/^WARNING\b/.test(text)) console.warn(text);
  else {
    engineErrors.push(text);
    console.error(text);
  }
}

/** ERROR lines of the engine since the last check. */
let engineErrors: string[] = [];
/**
 * LiteRT.js 2.5 reports an op it cannot prepare (a Flex op, say) only in its log, and its run()
 * then resolves with outputs nothing computed: such a log line is a failure.
 */
function throwOnPrepareFailure(when: string, code: 'model-load-failed' | 'run-failed'): void {
  const failures = engineErrors.filter((line) => /failed to prepare|Failed to allocate tensors|not supported by this interpreter/i.test(line));
  engineErrors = [];
  if (failures.length) throw new RuntimeError(`LiteRT.js ${when}: ${failures.join(' ')}`, code);
}

/**
 * Loads LiteRT.js and its WASM once per page (or worker), threaded when cross-origin isolated.
 * The first caller's `wasmDir` wins: LiteRT.js loads once.
 */
function setupLiteRt(wasmDir: string): Promise<LiteRtSetup> {
  setupPromise ??= (async () => {
    const mod = await import('@litertjs/core');
    const isolated = isCrossOriginIsolated();
    const relaxedSimd = await mod.supportsFeature('relaxedSimd');
    const threaded = isolated && relaxedSimd && (await mod.supportsFeature('threads'));
    // @litertjs/wasm-utils passes a global `Module` object to the Emscripten factory, if one exists.
    const scope = globalThis as { Module?: Record<string, unknown> };
    scope.Module = { ...scope.Module, print: routeLiteRtLog, printErr: routeLiteRtLog };
    const liteRt = await mod.loadLiteRt(wasmDir, { threads: threaded });
    const poolThreads = threaded ? liteRt.liteRtWasm.getThreadCount() : 1;
    const variant = threaded ? 'litert_wasm_threaded' : relaxedSimd ? 'litert_wasm' : 'litert_wasm_compat';
    return { mod, variant, threaded, poolThreads };
  })().catch((err: unknown) => {
    setupPromise = null;
    throw new RuntimeError(`Could not load LiteRT.js: ${(err as Error).message}`, 'wasm-load-failed');
  });
  return setupPromise;
}

/** LiteRT.js 2.x builds tensors from these three typed arrays only. */
function engineArray(input: TensorData, i: number): Float32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> {
  if (input instanceof Float32Array || input instanceof Int32Array || input instanceof Uint8Array) {
    // Typed arrays from the site's pipelines live on plain ArrayBuffers.
    return input as Float32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
  }
  throw new RuntimeError(`LiteRT.js 2.x takes float32, int32 or uint8 inputs, not ${input.constructor.name} (input ${i})`, 'unsupported');
}

class LiteRtModel implements EngineModel {
  readonly reportedInputs: EngineTensorReport[];
  readonly reportedOutputs: EngineTensorReport[];
  /** Engine tensors of the run in progress, deleted by endRun(). */
  private live: LiteRtTensor[] = [];
  private inputTensors: LiteRtTensor[] = [];
  private results: LiteRtTensor[] = [];
  private readonly shapes: number[][];

  constructor(
    private readonly setup: LiteRtSetup,
    private readonly compiled: CompiledModel,
    readonly info: RuntimeInfo,
  ) {
    const report = (d: { dtype: string; shape: Int32Array }) => ({ dtype: d.dtype, shape: Array.from(d.shape) });
    this.reportedInputs = compiled.getInputDetails().map(report);
    this.reportedOutputs = compiled.getOutputDetails().map(report);
    this.shapes = compiled.getInputDetails().map((d) => Array.from(d.shape));
  }

  setInputs(inputs: readonly TensorData[]): void {
    this.inputTensors = inputs.map((input, i) => {
      const tensor = new this.setup.mod.Tensor(engineArray(input, i), this.shapes[i]);
      this.live.push(tensor);
      return tensor;
    });
  }

  async invoke(): Promise<void> {
    engineErrors = [];
    // LiteRT.js 2.5 cannot wrap output buffers that an op sizes only when it runs (SSD's
    // TFLite_Detection_PostProcess). Tried in the inspector: run() threw a TypeError, or crashed the
    // WASM ("memory access out of bounds") and left the engine hanging for the rest of the page, or
    // resolved; so such models are refused before run() instead of risking the engine.
    if (this.reportedOutputs.some((o) => o.shape.length === 0)) {
      throw new RuntimeError('LiteRT.js cannot return outputs whose size is only known after the run; tfjs-tflite can run this model', 'unsupported');
    }
    this.results = await this.compiled.run(this.inputTensors);
    this.live.push(...this.results);
    throwOnPrepareFailure('could not run the model', 'run-failed');
  }

  /** toTypedArray() copies out of WASM memory, sized as the engine produced it. */
  readOutputs(): TensorData[] {
    return this.results.map((t) => t.toTypedArray());
  }

  endRun(): void {
    for (const t of this.live) if (!t.deleted) t.delete();
    this.live = [];
    this.inputTensors = [];
    this.results = [];
  }

  profile(): null {
    return null; // LiteRT.js 2.5 has no per-op profiler in its public API.
  }

  wasmHeapBytes(): number | null {
    try {
      return this.setup.mod.getGlobalLiteRt().liteRtWasm.HEAPU8.buffer.byteLength;
    } catch {
      return null;
    }
  }

  dispose(): void {
    this.compiled.delete();
  }
}

/** The LiteRT.js engine of this page or worker, loading its WASM from `wasmDir` (an absolute URL in a worker). */
export const createLiteRtEngine = (wasmDir: string): Engine => ({
  id: 'litert',
  async ready() {
    await setupLiteRt(wasmDir);
  },
  async compile(bytes, options) {
    const setup = await setupLiteRt(wasmDir);
    const threads = setup.threaded ? Math.min(options.threads, setup.poolThreads) : 1;
    let compiled: CompiledModel;
    try {
      // LiteRT.js keeps a pointer to the bytes it copies into WASM; a private copy keeps ours untouched.
      engineErrors = [];
      compiled = await setup.mod.loadAndCompile(bytes.slice(), { accelerator: 'wasm', cpuOptions: { numThreads: threads } });
    } catch (err) {
      throw new RuntimeError(`LiteRT.js could not compile the model: ${(err as Error).message}`, 'model-load-failed');
    }
    try {
      throwOnPrepareFailure('could not prepare the model', 'model-load-failed');
    } catch (err) {
      compiled.delete();
      throw err;
    }
    const info: RuntimeInfo = { runtime: 'litert', variant: setup.variant, threads, crossOriginIsolated: isCrossOriginIsolated() };
    return new LiteRtModel(setup, compiled, info);
  },
});

export const liteRtEngine: Engine = createLiteRtEngine(LITERT_WASM_PATH);
