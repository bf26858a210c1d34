// One interface for every inference engine. The site talks to `LoadedModel` (built once, in
// ./load.ts); each engine gets one adapter file beside this one that implements `Engine`, which only
// translates engine calls (load the WASM, compile bytes, copy tensors in, invoke, copy tensors out).

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

/**
 * Tensor values in (or as close as the engine allows to) the model's own dtype. bool tensors come
 * back as Uint8Array; engines that widen a dtype (tfjs-tflite's uint32/float64 views) are copied into
 * Int32Array/Float32Array.
 */
export type TensorData = Float32Array | Int32Array | Uint8Array | Int8Array | Int16Array;

/** Input in the model's own dtype (the single-input convenience of `LoadedModel.run`). */
export type InputData = TensorData;

export interface LoadOptions {
  /** Worker threads; capped by the runtime to what the page allows. */
  threads?: number;
  profiling?: boolean;
}

export interface RuntimeInfo {
  runtime: RuntimeId;
  /** e.g. 'tflite_web_api_cc_simd_threaded' or 'litert_wasm_threaded'. */
  variant: string;
  threads: number;
  crossOriginIsolated: boolean;
}

export interface RunAllResult {
  /** Every output of the model's main subgraph, in its order, copied out of the engine (safe to keep). */
  outputs: TensorData[];
  /** Time spent inside the engine's invoke call, ms. */
  inferenceMs: number;
  /** Time to copy inputs in and outputs out, ms (the site's own overhead). */
  copyMs: number;
}

export interface RunResult {
  /** The first output, copied out of the engine. */
  output: TensorData;
  inferenceMs: number;
  copyMs: number;
}

export interface OpProfile {
  nodeType: string;
  nodeName: string;
  ms: number;
}

export interface LoadedModel {
  /** Read from the .tflite file by the site's reader, checked against the engine at load. */
  readonly inputs: TensorSpec[];
  readonly outputs: TensorSpec[];
  readonly info: RuntimeInfo;
  /** Compile time inside the engine, ms. */
  readonly loadMs: number;
  /** One inference: one array per input, in the subgraph's input order. */
  runAll(inputs: readonly TensorData[]): Promise<RunAllResult>;
  /** Single-input, first-output convenience over runAll. */
  run(input: TensorData): Promise<RunResult>;
  /** Per-op times of every run so far, where the engine supports profiling. */
  profile(): OpProfile[] | null;
  /** Current size of the engine's WASM heap in bytes (shared by all its models), where readable. */
  wasmHeapBytes(): number | null;
  /** tfjs tensors alive in the page (tfjs-core's engine state), for runtimes built on tfjs; else null. */
  tfjsTensorCount(): number | null;
  /** Releases every engine object this model allocated. */
  dispose(): void;
}

/** What an engine reports about one of its tensors, to be checked against the file. */
export interface EngineTensorReport {
  dtype: string;
  shape: readonly number[];
}

/** One compiled model inside an engine. Calls follow the order setInputs -> invoke -> readOutputs -> endRun. */
export interface EngineModel {
  readonly info: RuntimeInfo;
  readonly reportedInputs: readonly EngineTensorReport[];
  readonly reportedOutputs: readonly EngineTensorReport[];
  /** Copies the inputs into the engine (already checked: one per input, right length). */
  setInputs(inputs: readonly TensorData[]): void;
  /**
   * Runs the model. An engine that runs elsewhere (a Web Worker) resolves with the time its own
   * invoke took there, ms, so the messaging around it is counted as copy time, not inference.
   */
  invoke(): Promise<number | void> | number | void;
  /** Copies every output out of the engine; lengths are whatever the engine produced (dynamic shapes). */
  readOutputs(): TensorData[];
  /** Releases per-run engine objects; called after every run, failed or not. */
  endRun?(): void;
  profile?(): OpProfile[] | null;
  wasmHeapBytes?(): number | null;
  tfjsTensorCount?(): number | null;
  dispose(): void;
}

/** An engine adapter: loads its WASM once per page, compiles model bytes. */
export interface Engine {
  readonly id: RuntimeId;
  /** Loads the engine's library and WASM (once per page; a failed attempt may be retried). */
  ready(): Promise<void>;
  compile(bytes: Uint8Array, options: Required<LoadOptions>): Promise<EngineModel>;
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
