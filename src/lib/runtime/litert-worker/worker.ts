// The LiteRT.js worker: the page's own LiteRT.js adapter (../litert.ts), run off the main thread.
// A classic worker (bundled into an IIFE by scripts/assets.ts), because @litertjs/wasm-utils loads
// its WASM glue with importScripts(), which module workers refuse. Requests run one at a time.
import { createLiteRtEngine } from '../litert.ts';
import type { Engine, EngineModel } from '../types.ts';
import { errorReply, transferables, type CompiledReply, type RunReply, type WorkerRequest } from './protocol.ts';

const scope = self as unknown as {
  Module?: Record<string, unknown>;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

let engine: Engine | null = null;
const models = new Map<number, EngineModel>();
let nextModel = 1;

async function handle(req: WorkerRequest): Promise<[unknown, Transferable[]]> {
  switch (req.kind) {
    case 'init': {
      // In a worker the Emscripten glue looks for its .wasm beside the worker script, and starts its
      // thread pool's workers from the worker script (this bundle, which would never answer them):
      // point both at the WASM folder.
      scope.Module = {
        ...scope.Module,
        locateFile: (file: string) => req.wasmDir + file,
        mainScriptUrlOrBlob: `${req.wasmDir}litert_wasm_threaded_internal.js`,
      };
      engine = createLiteRtEngine(req.wasmDir);
      await engine.ready();
      return [null, []];
    }
    case 'compile': {
      if (!engine) throw new Error('LiteRT.js worker used before init');
      const model = await engine.compile(req.bytes, req.options);
      const id = nextModel++;
      models.set(id, model);
      const reply: CompiledReply = { model: id, info: model.info, reportedInputs: [...model.reportedInputs], reportedOutputs: [...model.reportedOutputs] };
      return [reply, []];
    }
    case 'run': {
      const model = models.get(req.model);
      if (!model) throw new Error('This model was released');
      try {
        model.setInputs(req.inputs);
        const t0 = performance.now();
        await model.invoke();
        const inferenceMs = performance.now() - t0;
        const outputs = model.readOutputs();
        const reply: RunReply = { outputs, inferenceMs, wasmHeapBytes: model.wasmHeapBytes?.() ?? null };
        return [reply, transferables(outputs)];
      } finally {
        model.endRun?.();
      }
    }
    case 'dispose': {
      models.get(req.model)?.dispose();
      models.delete(req.model);
      return [null, []];
    }
  }
}

let queue: Promise<void> = Promise.resolve();
scope.onmessage = ({ data }) => {
  queue = queue.then(async () => {
    try {
      const [value, transfer] = await handle(data);
      scope.postMessage({ id: data.id, ok: true, value }, transfer);
    } catch (err) {
      scope.postMessage(errorReply(data.id, err));
    }
  });
};
