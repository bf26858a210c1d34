// Per-op profile of one model with tfjs-tflite's profiler (the only runtime here that has one),
// beside the multiply-adds per op type computed from the file. Profiling adds overhead per node,
// so these runs are separate from the timed benchmark. The file is downloaded and parsed once:
// the same parse gives the graph's work and the tensor specs the runtime layer checks.
import { modelIO, type ModelLoader, type OpProfile } from '../runtime/index.ts';
import { parseTflite } from '../tflite/reader.ts';
import { closeImageModel } from '../inference/image-model.ts';
import { sourceBytes, type ModelSource } from '../inference/source.ts';
import type { PreparedImage } from '../inference/prepared-image.ts';
import { yieldToPage } from '../page/yield.ts';
import { BenchError, messageOf } from './errors.ts';
import { loadWithInput } from './benchmark.ts';
import { byOpType, sliceLastRun, type OpTypeTime } from './profile.ts';
import { workByOpType, type OpTypeWork } from './graph-work.ts';

export interface OpProfileResult {
  id: string;
  /** Measured: mean ms per inference by node type, as the profiler reports nodes. */
  ops: OpTypeTime[];
  /** Computed from the graph: op count and multiply-adds by op type. */
  work: OpTypeWork[];
  /** Sum of the profiled node times per inference, ms. */
  totalMs: number;
  runs: number;
}

export async function profileModel(
  source: ModelSource,
  options: { threads: number; image: PreparedImage; warmup?: number; runs?: number; signal?: AbortSignal; loader?: ModelLoader },
): Promise<OpProfileResult> {
  let bytes: Uint8Array;
  let parsed: ReturnType<typeof parseTflite>;
  try {
    bytes = await sourceBytes(source);
    parsed = parseTflite(bytes);
  } catch (err) {
    throw new BenchError(messageOf(err), 'load-failed', source.id);
  }
  const work = workByOpType(parsed);
  const { model, inputs } = await loadWithInput(source, options.image, {
    runtime: 'tfjs-tflite',
    threads: options.threads,
    profiling: true,
    bytes,
    io: modelIO(parsed),
    loader: options.loader,
  });
  const loaded = model.model;
  try {
    for (let i = 0; i < (options.warmup ?? 2); i++) {
      options.signal?.throwIfAborted();
      await loaded.runAll(inputs);
    }
    let seen = loaded.profile()?.length ?? 0;
    const runs: OpProfile[][] = [];
    for (let i = 0; i < (options.runs ?? 10); i++) {
      options.signal?.throwIfAborted();
      await loaded.runAll(inputs);
      const all = loaded.profile() ?? [];
      const last = sliceLastRun(all, seen);
      seen = all.length;
      if (last.length > 0) runs.push(last);
      await yieldToPage();
    }
    const ops = byOpType(runs);
    return { id: source.id, ops, work, totalMs: ops.reduce((s, o) => s + o.ms, 0), runs: runs.length };
  } finally {
    closeImageModel(model);
  }
}
