// Adapter for @litertjs/core (LiteRT.js, Google's current web runtime for .tflite models).
// Manual memory: every Tensor it creates is deleted here, every model on dispose().
import type { CompiledModel, Tensor as LiteRtTensor } from '@litertjs/core';
import { sitePath } from '../site-path.ts';
import { modelBytes } from './model-bytes.ts';
import { assertEngineAgrees } from './verify-io.ts';
import { readModelIO } from './model-io.ts';
import { defaultThreads, hasWebGpu, isCrossOriginIsolated } from './environment.ts';
import {
  RuntimeError,
  type InputData,
  type LoadOptions,
  type LoadedModel,
  type RunResult,
  type Runtime,
  type RuntimeInfo,
} from './types.ts';

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
  else console.error(text);
}

/** Loads LiteRT.js and its WASM once per page, threaded when the page is cross-origin isolated. */
function setupLiteRt(): Promise<LiteRtSetup> {
  setupPromise ??= (async () => {
    const mod = await import('@litertjs/core');
    const isolated = isCrossOriginIsolated();
    const relaxedSimd = await mod.supportsFeature('relaxedSimd');
    const threaded = isolated && relaxedSimd && (await mod.supportsFeature('threads'));
    // @litertjs/wasm-utils passes a global `Module` object to the Emscripten factory, if one exists.
    const scope = globalThis as { Module?: Record<string, unknown> };
    scope.Module = { ...scope.Module, print: routeLiteRtLog, printErr: routeLiteRtLog };
    const liteRt = await mod.loadLiteRt(LITERT_WASM_PATH, { threads: threaded });
    const poolThreads = threaded ? liteRt.liteRtWasm.getThreadCount() : 1;
    const variant = threaded ? 'litert_wasm_threaded' : relaxedSimd ? 'litert_wasm' : 'litert_wasm_compat';
    return { mod, variant, threaded, poolThreads };
  })().catch((err: unknown) => {
    setupPromise = null;
    throw new RuntimeError(`Could not load LiteRT.js: ${(err as Error).message}`, 'wasm-load-failed');
  });
  return setupPromise;
}

interface GpuLike {
  requestAdapter(): Promise<{ requestDevice(): Promise<unknown> } | null>;
}

async function ensureWebGpuDevice(mod: LiteRtModule): Promise<void> {
  if (!hasWebGpu()) throw new RuntimeError('WebGPU is not available in this browser', 'unsupported');
  if (mod.getWebGpuDevice()) return;
  const adapter = await (navigator as unknown as { gpu: GpuLike }).gpu.requestAdapter();
  if (!adapter) throw new RuntimeError('The browser has WebGPU but no GPU adapter', 'unsupported');
  mod.setWebGpuDevice((await adapter.requestDevice()) as Parameters<LiteRtModule['setWebGpuDevice']>[0]);
}

class LiteRtModel implements LoadedModel {
  private disposed = false;

  constructor(
    private readonly setup: LiteRtSetup,
    private readonly compiled: CompiledModel,
    readonly inputs: LoadedModel['inputs'],
    readonly outputs: LoadedModel['outputs'],
    readonly info: RuntimeInfo,
    readonly loadMs: number,
  ) {}

  async run(input: InputData): Promise<RunResult> {
    if (this.disposed) throw new RuntimeError('This model was released', 'run-failed');
    if (input instanceof Int8Array) {
      throw new RuntimeError('LiteRT.js 2.x takes float32, int32 or uint8 inputs, not int8', 'unsupported');
    }
    const spec = this.inputs[0]!;
    const created: LiteRtTensor[] = [];
    try {
      const t0 = performance.now();
      // Typed arrays from the image pipeline always live on a plain ArrayBuffer.
      const tensor = new this.setup.mod.Tensor(input as Float32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>, spec.shape);
      created.push(tensor);
      const t1 = performance.now();
      const results = await this.compiled.run([tensor]);
      const t2 = performance.now();
      created.push(...results);
      let first = results[0];
      if (!first) throw new RuntimeError('The model returned no output', 'run-failed');
      if (first.accelerator !== 'wasm') {
        first = await first.copyTo('wasm');
        created.push(first);
      }
      // toTypedArray() copies out of WASM memory.
      const output = first.toTypedArray();
      const t3 = performance.now();
      return { output, inferenceMs: t2 - t1, copyMs: t1 - t0 + (t3 - t2) };
    } catch (err) {
      if (err instanceof RuntimeError) throw err;
      throw new RuntimeError(`LiteRT.js failed to run the model: ${(err as Error).message}`, 'run-failed');
    } finally {
      for (const t of created) if (!t.deleted) t.delete();
    }
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
    if (this.disposed) return;
    this.disposed = true;
    this.compiled.delete();
  }
}

export const liteRtRuntime: Runtime = {
  id: 'litert',
  async load(model, options: LoadOptions = {}) {
    const bytes = await modelBytes(model, options.onProgress);
    const [setup, io] = await Promise.all([setupLiteRt(), readModelIO(bytes)]);
    const accelerator = options.accelerator ?? 'wasm';
    if (accelerator === 'webgpu') await ensureWebGpuDevice(setup.mod);
    const threads = setup.threaded ? Math.max(1, Math.min(options.threads ?? defaultThreads('litert'), setup.poolThreads)) : 1;
    const t0 = performance.now();
    let compiled: CompiledModel;
    try {
      // LiteRT.js keeps a pointer to the bytes it copies into WASM; a private copy keeps ours untouched.
      compiled = await setup.mod.loadAndCompile(bytes.slice(), { accelerator, cpuOptions: { numThreads: threads } });
    } catch (err) {
      throw new RuntimeError(`LiteRT.js could not compile the model: ${(err as Error).message}`, 'model-load-failed');
    }
    const loadMs = performance.now() - t0;
    const info: RuntimeInfo = {
      runtime: 'litert',
      variant: setup.variant,
      threads: accelerator === 'wasm' ? threads : 0,
      accelerator,
      crossOriginIsolated: isCrossOriginIsolated(),
    };
    try {
      const report = (d: { dtype: string; shape: Int32Array }) => ({ dtype: d.dtype, shape: Array.from(d.shape) });
      assertEngineAgrees('LiteRT.js', 'input', io.inputs, compiled.getInputDetails().map(report));
      assertEngineAgrees('LiteRT.js', 'output', io.outputs, compiled.getOutputDetails().map(report));
    } catch (err) {
      compiled.delete();
      throw err;
    }
    return new LiteRtModel(setup, compiled, io.inputs, io.outputs, info, loadMs);
  },
};
