// The lab's way to quantize: inference for calibration in the runtime's worker (calibrate.ts),
// everything else in a module worker: building the calibration model, decoding and preparing each
// photo, recording ranges (each run's activations are transferred, not copied) and writing the
// model. Where no worker can start (Node, tests) the same steps run in the calling thread.
import { QuantizeError, type QuantizeErrorCode, type QuantizeMode, type QuantizeReport } from '../quantize/index.ts';
import { ImageDecodeError, type ImageErrorCode, type Normalization } from '../image/index.ts';
import type { TensorData, TensorSpec } from '../runtime/types.ts';
import { localBackend, type BackendSetup, type QuantizerBackend } from './backend.ts';
import { runQuantizeJob, type QuantizeJob, type QuantizeOutcome } from './pipeline.ts';

export type WorkerRequest =
  | { kind: 'setup'; setup: BackendSetup }
  | { kind: 'add'; values: ArrayLike<number>[] }
  | { id: number; kind: 'calibration-model' }
  | { id: number; kind: 'prepare'; blob: Blob; spec: TensorSpec; normalization: Normalization }
  | { id: number; kind: 'finish' };

export interface WorkerErrorInfo {
  name: string;
  message: string;
  code?: string;
  op?: string;
  mode?: string;
}

export type WorkerResponse =
  | { id: number; kind: 'calibration-model'; bytes: Uint8Array; tensorIndices: number[] }
  | { id: number; kind: 'prepared'; input: TensorData }
  | { id: number; kind: 'finished'; bytes: Uint8Array; report: QuantizeReport }
  | { id: number; kind: 'error'; error: WorkerErrorInfo };

/** The worker's error as the library class the page's error-to-message layer knows. */
export function reviveError(info: WorkerErrorInfo): Error {
  if (info.name === 'QuantizeError') return new QuantizeError(info.message, info.code as QuantizeErrorCode, info.mode as QuantizeMode, info.op);
  if (info.name === 'ImageDecodeError') return new ImageDecodeError(info.message, info.code as ImageErrorCode);
  const err = new Error(info.message);
  err.name = info.name;
  return err;
}

function workerBackend(worker: Worker, setup: BackendSetup): QuantizerBackend {
  let nextId = 1;
  let failure: Error | null = null;
  const pending = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const r = event.data;
    const call = pending.get(r.id);
    if (r.kind === 'error') {
      const err = reviveError(r.error);
      if (call) {
        pending.delete(r.id);
        call.reject(err);
      } else failAll(err); // an add() failed: the next call reports it
      return;
    }
    pending.delete(r.id);
    call?.resolve(r);
  };
  worker.onerror = (event) => failAll(new Error(`The quantizer's worker failed: ${event.message || 'its script did not load'}`));
  type Call = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
  const request = (call: Call) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...call, id } as WorkerRequest);
    });
  // The float model is copied, not transferred: the page keeps it for the next setting.
  worker.postMessage({ kind: 'setup', setup } satisfies WorkerRequest);
  return {
    async calibrationModel() {
      const r = await request({ kind: 'calibration-model' });
      if (r.kind !== 'calibration-model') throw new Error(`Unexpected answer ${r.kind}`);
      return { bytes: r.bytes, tensorIndices: r.tensorIndices };
    },
    async prepareInput(blob, spec, normalization) {
      const r = await request({ kind: 'prepare', blob, spec, normalization });
      if (r.kind !== 'prepared') throw new Error(`Unexpected answer ${r.kind}`);
      return r.input;
    },
    add(values) {
      if (failure) throw failure;
      const buffers = new Set<ArrayBuffer>();
      for (const v of values) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) buffers.add(v.buffer);
      worker.postMessage({ kind: 'add', values } satisfies WorkerRequest, [...buffers]);
    },
    async finish() {
      const r = await request({ kind: 'finish' });
      if (r.kind !== 'finished') throw new Error(`Unexpected answer ${r.kind}`);
      return { bytes: r.bytes, report: r.report };
    },
    close() {
      worker.terminate();
      failAll(new Error('The quantizer worker was stopped'));
    },
  };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return null;
  try {
    return new Worker(new URL('./quantize-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Quantizes with the heavy steps in a worker where the page can start one. */
export function quantizeInBrowser(job: QuantizeJob): Promise<QuantizeOutcome> {
  return runQuantizeJob(job, (setup) => {
    const worker = startWorker();
    return worker ? workerBackend(worker, setup) : localBackend(setup);
  });
}
