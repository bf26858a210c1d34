// One interface for every inference engine; each engine gets one adapter file beside this one.

export type TensorDtype = 'float32' | 'float16' | 'int32' | 'uint8' | 'int8' | 'int16' | 'int64' | 'bool' | 'string' | 'unknown';

export interface QuantizationParams {
  /** One scale per tensor, or one per channel along `axis`. */
  scale: number[];
  zeroPoint: number[];
  axis?: number;
}

export interface TensorSpec {
  name: string;
  /** The model's own dtype (int8 vs uint8 read from the file, not the runtime's int32 view). */
  dtype: TensorDtype;
  shape: number[];
  quantization?: QuantizationParams;
}

export type RuntimeId = 'tfjs-tflite' | 'litert';

export interface LoadOptions {
  /** Worker threads; capped by the runtime to what the page allows. */
  threads?: number;
  profiling?: boolean;
  /** LiteRT.js only: 'wasm' (CPU) or 'webgpu' where the browser has it. */
  accelerator?: 'wasm' | 'webgpu';
  /** Called with bytes received while the model downloads. */
  onProgress?: (loaded: number, total: number) => void;
}

export interface RuntimeInfo {
  runtime: RuntimeId;
  /** e.g. 'tflite_web_api_cc_simd_threaded' or 'litert_wasm_threaded'. */
  variant: string;
  threads: number;
  accelerator: 'wasm' | 'webgpu';
  crossOriginIsolated: boolean;
}

/** Input in the model's own dtype: Float32Array for float models, Uint8Array/Int8Array for 8-bit ones. */
export type InputData = Float32Array | Uint8Array | Int8Array;

export interface RunResult {
  /** Raw output copied out of the engine (safe to keep after the next run). */
  output: Float32Array | Uint8Array | Int8Array | Int32Array;
  /** Time spent inside the engine's invoke call, ms. */
  inferenceMs: number;
  /** Time to copy input in and output out, ms (the site's own overhead). */
  copyMs: number;
}

export interface OpProfile {
  nodeType: string;
  nodeName: string;
  ms: number;
}

export interface LoadedModel {
  readonly inputs: TensorSpec[];
  readonly outputs: TensorSpec[];
  readonly info: RuntimeInfo;
  /** Load + compile time, ms. */
  readonly loadMs: number;
  run(input: InputData): Promise<RunResult>;
  /** Per-op times of the last run, where the engine supports profiling. */
  profile(): OpProfile[] | null;
  /** Current size of the engine's WASM heap in bytes (shared by all its models), where readable. */
  wasmHeapBytes?(): number | null;
  /** tfjs tensors alive in the page (tfjs-core's tf.memory().numTensors), for runtimes built on tfjs. */
  tfjsTensorCount?(): number | null;
  /** Releases every engine object this model allocated. */
  dispose(): void;
}

export interface Runtime {
  readonly id: RuntimeId;
  load(model: string | ArrayBuffer | Uint8Array, options?: LoadOptions): Promise<LoadedModel>;
}

export class RuntimeError extends Error {
  override name = 'RuntimeError';
  constructor(
    message: string,
    /** Machine-readable reason so the UI can show a message in the reader's language. */
    readonly code: 'wasm-load-failed' | 'model-load-failed' | 'run-failed' | 'unsupported',
  ) {
    super(message);
  }
}
