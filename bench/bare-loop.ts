// The independent reference for `npm run bench`: a bare loop that calls each runtime's own API
// back to back on the same input the lab builds (same photo, same image code), with no lab code
// in between: no yielding, no progress, no statistics until the end. Bundled by esbuild and
// injected into a page of the built site (same origin, so the same WASM files and isolation).
import * as tflite from '@tensorflow/tfjs-tflite';
import * as litert from '@litertjs/core';
import { assetUrl, getModel } from '../src/lib/models.ts';
import { readModelIO } from '../src/lib/runtime/model-io.ts';
import { decodeImageBlob } from '../src/lib/image/index.ts';
import { prepareImage } from '../src/lib/inference/prepared-image.ts';
import { benchPhotoUrl } from '../src/lib/bench/photo.ts';

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

/** One prepared model: a function that runs one inference and returns the engine call's time. */
type Timed = { id: string; once: () => Promise<number>; release: () => void };

async function prepare(id: string, opts: BareOptions, photo: Awaited<ReturnType<typeof decodeImageBlob>>): Promise<Timed> {
  const entry = getModel(id);
  const bytes = new Uint8Array(await (await fetch(assetUrl(entry))).arrayBuffer());
  const spec = (await readModelIO(bytes)).inputs[0]!;
  const { input } = prepareImage(photo).inputFor(spec, entry.normalization);
  if (opts.runtime === 'tfjs-tflite') {
    tflite.setWasmPath('/wasm/tfjs-tflite/');
    const model = await tflite.loadTFLiteModel(bytes.slice().buffer, { numThreads: opts.threads });
    // The interpreter's own runner: write the input once, then invoke.
    const runner = (model as unknown as { modelRunner: { getInputs(): { data(): { set(a: ArrayLike<number>): void } }[]; infer(): boolean; cleanUp(): void } }).modelRunner;
    runner.getInputs()[0]!.data().set(input);
    return {
      id,
      once: async () => {
        const t0 = performance.now();
        runner.infer();
        return performance.now() - t0;
      },
      release: () => runner.cleanUp(),
    };
  }
  liteRtReady ??= litert.loadLiteRt('/wasm/litert/', { threads: crossOriginIsolated });
  await liteRtReady;
  const model = await litert.loadAndCompile(bytes.slice(), { accelerator: 'wasm', cpuOptions: { numThreads: opts.threads } });
  const tensor = new litert.Tensor(input as Float32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>, spec.shape);
  return {
    id,
    once: async () => {
      const t0 = performance.now();
      const results = await model.run([tensor]);
      const ms = performance.now() - t0;
      for (const r of results) r.delete();
      return ms;
    },
    release: () => {
      tensor.delete();
      model.delete();
    },
  };
}

async function bareLoop(opts: BareOptions): Promise<BareResult[]> {
  const photo = await decodeImageBlob(await (await fetch(benchPhotoUrl())).blob());
  const prepared: Timed[] = [];
  for (const id of opts.models) prepared.push(await prepare(id, opts, photo));
  photo.close();
  // Same order as the lab (A B A B ...), so both see the same cache effects; nothing else in between.
  const times = prepared.map(() => [] as number[]);
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    for (const [m, p] of prepared.entries()) {
      const ms = await p.once();
      if (i >= opts.warmup) times[m]!.push(ms);
    }
  }
  for (const p of prepared) p.release();
  return prepared.map((p, m) => ({ model: p.id, median_ms: median(times[m]!), n: times[m]!.length }));
}

(globalThis as unknown as { __bareLoop: typeof bareLoop }).__bareLoop = bareLoop;
