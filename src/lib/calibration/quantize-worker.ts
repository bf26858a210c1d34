// The quantizer's worker: the local backend (calibration model, photo preparation, range recording,
// writing the model) behind messages, so that none of it runs on the page's main thread. Page side: quantize-client.ts.
import { localBackend, type QuantizerBackend } from './backend.ts';
import type { WorkerRequest, WorkerResponse } from './quantize-client.ts';

const post = (message: WorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(message, transfer);

let backend: QuantizerBackend | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'setup') {
      backend = localBackend(request.setup);
      return;
    }
    if (!backend) throw new Error('The quantizer worker was not set up');
    if (request.kind === 'add') {
      backend.add(request.values);
    } else if (request.kind === 'prepare') {
      const input = await backend.prepareInput(request.blob, request.spec, request.normalization);
      post({ id: request.id, kind: 'prepared', input }, [input.buffer as ArrayBuffer]);
    } else if (request.kind === 'calibration-model') {
      const made = await backend.calibrationModel();
      post({ id: request.id, kind: 'calibration-model', ...made }, [made.bytes.buffer]);
    } else {
      const written = await backend.finish();
      post({ id: request.id, kind: 'finished', ...written }, [written.bytes.buffer]);
    }
  } catch (err) {
    const e = err as Error & { code?: string; op?: string; mode?: string };
    post({ id: 'id' in request ? request.id : 0, kind: 'error', error: { name: e?.name ?? 'Error', message: e?.message ?? String(err), code: e?.code, op: e?.op, mode: e?.mode } });
  }
};
