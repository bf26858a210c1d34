// Messages between the page and the LiteRT.js worker (./worker.ts), and the pure helpers both sides
// share. Every request carries an id; the worker answers each with a reply of the same id.
import { RuntimeError, type EngineTensorReport, type LoadOptions, type RuntimeInfo, type TensorData } from '../types.ts';

export type WorkerRequest =
  | { kind: 'init'; id: number; wasmDir: string }
  | { kind: 'compile'; id: number; bytes: Uint8Array; options: Required<LoadOptions> }
  | { kind: 'run'; id: number; model: number; inputs: TensorData[] }
  | { kind: 'dispose'; id: number; model: number };

export interface CompiledReply {
  model: number;
  info: RuntimeInfo;
  reportedInputs: EngineTensorReport[];
  reportedOutputs: EngineTensorReport[];
}

export interface RunReply {
  outputs: TensorData[];
  /** The engine's invoke, timed inside the worker. */
  inferenceMs: number;
  wasmHeapBytes: number | null;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; code: RuntimeError['code'] } };

/** The buffers to transfer with `arrays` (each once), so they move instead of being copied. */
export function transferables(arrays: readonly TensorData[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}

/** Any error thrown in the worker, as a message that can cross postMessage. */
export function errorReply(id: number, err: unknown): WorkerReply {
  const code = err instanceof RuntimeError ? err.code : 'run-failed';
  return { id, ok: false, error: { message: err instanceof Error ? err.message : String(err), code } };
}

/** The error a failed reply stands for, rebuilt on the page's side. */
export function replyError(error: { message: string; code: RuntimeError['code'] }): RuntimeError {
  return new RuntimeError(error.message, error.code);
}
