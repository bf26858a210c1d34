// LiteRT.js in a Web Worker, behind the same Engine interface as the in-page adapter (../litert.ts):
// the page sends model bytes and inputs to ./worker.ts and gets outputs back. Inputs are copied once
// by postMessage (callers keep their arrays); outputs are transferred, not copied. The worker times
// the engine's invoke, so everything else (messaging, copies in and out) shows as copyMs.
import { sitePath } from '../../site-path.ts';
import { LITERT_WASM_PATH } from '../litert.ts';
import { RuntimeError, type Engine, type EngineModel, type EngineTensorReport, type RuntimeInfo, type TensorData } from '../types.ts';
import { replyError, transferables, type CompiledReply, type RunReply, type WorkerReply, type WorkerRequest } from './protocol.ts';

/** The bundled worker script (written to public/ by scripts/assets.ts). */
export const LITERT_WORKER_PATH = sitePath('workers/litert-worker.js');

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

class WorkerLink {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      this.pending.delete(data.id);
      if (data.ok) waiting.resolve(data.value);
      else waiting.reject(replyError(data.error));
    };
    // A worker that fails to load or crashes answers nothing: fail every waiting call instead of hanging.
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new RuntimeError(`The LiteRT.js worker failed: ${event.message || 'could not start'}`, 'wasm-load-failed'));
    };
  }

  private failAll(err: Error): void {
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }

  call<T>(request: Request, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }
}

class WorkerModel implements EngineModel {
  readonly info: RuntimeInfo;
  readonly reportedInputs: EngineTensorReport[];
  readonly reportedOutputs: EngineTensorReport[];
  private inputs: TensorData[] = [];
  private outputs: TensorData[] = [];
  private heapBytes: number | null = null;

  constructor(
    private readonly link: WorkerLink,
    private readonly compiled: CompiledReply,
  ) {
    this.info = { ...compiled.info, variant: `${compiled.info.variant}_worker` };
    this.reportedInputs = compiled.reportedInputs;
    this.reportedOutputs = compiled.reportedOutputs;
  }

  setInputs(inputs: readonly TensorData[]): void {
    this.inputs = [...inputs];
  }

  async invoke(): Promise<number> {
    const reply = await this.link.call<RunReply>({ kind: 'run', model: this.compiled.model, inputs: this.inputs });
    this.outputs = reply.outputs;
    this.heapBytes = reply.wasmHeapBytes;
    return reply.inferenceMs;
  }

  readOutputs(): TensorData[] {
    return this.outputs;
  }

  endRun(): void {
    this.inputs = [];
    this.outputs = [];
  }

  profile(): null {
    return null;
  }

  /** The worker's WASM heap as of the last run. */
  wasmHeapBytes(): number | null {
    return this.heapBytes;
  }

  dispose(): void {
    void this.link.call({ kind: 'dispose', model: this.compiled.model }).catch(() => undefined);
  }
}

let linkPromise: Promise<WorkerLink> | null = null;

/** Starts the worker and LiteRT.js inside it, once per page (a failed start may be retried). */
function startWorker(): Promise<WorkerLink> {
  linkPromise ??= (async () => {
    const link = new WorkerLink(new Worker(LITERT_WORKER_PATH, { name: 'litert' }));
    await link.call({ kind: 'init', wasmDir: new URL(LITERT_WASM_PATH, location.href).href });
    return link;
  })().catch((err: unknown) => {
    linkPromise = null;
    throw err instanceof RuntimeError ? err : new RuntimeError(`Could not start the LiteRT.js worker: ${(err as Error).message}`, 'wasm-load-failed');
  });
  return linkPromise;
}

export const liteRtWorkerEngine: Engine = {
  id: 'litert',
  async ready() {
    await startWorker();
  },
  async compile(bytes, options) {
    const link = await startWorker();
    // The worker gets its own copy of the bytes (the caller keeps its array).
    const copy = bytes.slice();
    const compiled = await link.call<CompiledReply>({ kind: 'compile', bytes: copy, options }, transferables([copy]));
    return new WorkerModel(link, compiled);
  },
};
