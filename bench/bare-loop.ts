// The independent reference for `npm run bench`: a bare loop that calls each runtime's own API
// back to back on the same input the lab builds (same photo, same image code), with no lab code
// in between: no yielding, no progress, no statistics until the end. Bundled by esbuild and
// injected into a page of the built site (same origin, so the same WASM files and isolation).
import * as tflite from '@tensorflow/tfjs-tflite';
import * as litert from '@litertjs/core';
import { assetUrl, getModel } from '../src/lib/models.ts';
import { readModelIO } from '../src/lib/runtime/model-io.ts';
import { decodeImageBlob, prepareInput } from '../src/lib/image/index.ts';
import { benchPhotoUrl } from '../src/lib/bench/subjects.ts';

interface BareOptions {
  runtime: 'tfjs-tflite' | 'litert';
  models: string[];
  threads: number;
  warmup: number;
  runs: number;
}

interface BareResult {
  model: string;
  median_ms: number;
  n: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

let liteRtReady: Promise<unknown> | null = null;

async function bareLoop(opts: BareOptions): Promise<BareResult[]> {
  const photo = await decodeImageBlob(await (await fetch(benchPhotoUrl())).blob());
  const out: BareResult[] = [];
  for (const id of opts.models) {
    const entry = getModel(id);
    const bytes = new Uint8Array(await (await fetch(assetUrl(entry))).arrayBuffer());
    const io = await readModelIO(bytes);
    const spec = io.inputs[0]!;
    const { input } = prepareInput(photo, spec, entry.normalization);
    const times: number[] = [];
    if (opts.runtime === 'tfjs-tflite') {
      tflite.setWasmPath('/wasm/tfjs-tflite/');
      const model = await tflite.loadTFLiteModel(bytes.slice().buffer, { numThreads: opts.threads });
      // The interpreter's own runner: write the input once, then invoke back to back.
      const runner = (model as unknown as { modelRunner: { getInputs(): { data(): { set(a: ArrayLike<number>): void } }[]; infer(): boolean; cleanUp(): void } }).modelRunner;
      runner.getInputs()[0]!.data().set(input);
      for (let i = 0; i < opts.warmup + opts.runs; i++) {
        const t0 = performance.now();
        runner.infer();
        const t1 = performance.now();
        if (i >= opts.warmup) times.push(t1 - t0);
      }
      runner.cleanUp();
    } else {
      liteRtReady ??= litert.loadLiteRt('/wasm/litert/', { threads: crossOriginIsolated });
      await liteRtReady;
      const model = await litert.loadAndCompile(bytes.slice(), { accelerator: 'wasm', cpuOptions: { numThreads: opts.threads } });
      const tensor = new litert.Tensor(input as Float32Array | Uint8Array, spec.shape);
      for (let i = 0; i < opts.warmup + opts.runs; i++) {
        const t0 = performance.now();
        const results = await model.run([tensor]);
        const t1 = performance.now();
        for (const r of results) r.delete();
        if (i >= opts.warmup) times.push(t1 - t0);
      }
      tensor.delete();
      model.delete();
    }
    out.push({ model: id, median_ms: median(times), n: times.length });
  }
  photo.close();
  return out;
}

(globalThis as unknown as { __bareLoop: typeof bareLoop }).__bareLoop = bareLoop;
