// Per-op profile of one model with tfjs-tflite's profiler (the only runtime here that has one),
// beside the multiply-adds per op type computed from the file. Profiling adds overhead per node,
// so these runs are separate from the timed benchmark.
import { fetchModelBytes } from '../inference/model-file.ts';
import type { DecodedImage } from '../image/index.ts';
import { parseTflite } from '../tflite/reader.ts';
import type { OpProfile } from '../runtime/types.ts';
import { loadSubject } from './session.ts';
import type { BenchModelSource } from './subjects.ts';
import { byOpType, sliceLastRun, type OpTypeTime } from './profile.ts';
import { workByOpType, type OpTypeWork } from './graph-work.ts';
import { yieldToPage } from './yield.ts';

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
  source: BenchModelSource,
  options: { threads: number; image: DecodedImage; warmup?: number; runs?: number; signal?: AbortSignal },
): Promise<OpProfileResult> {
  const bytes = source.bytes ?? (source.entry ? await fetchModelBytes(source.entry) : undefined);
  const work = bytes ? workByOpType(parseTflite(bytes)) : [];
  const { loaded, input } = await loadSubject(source, 'tfjs-tflite', options.threads, { profiling: true, image: options.image, bytes });
  try {
    for (let i = 0; i < (options.warmup ?? 2); i++) {
      options.signal?.throwIfAborted();
      await loaded.run(input);
    }
    let seen = loaded.profile()?.length ?? 0;
    const runs: OpProfile[][] = [];
    for (let i = 0; i < (options.runs ?? 10); i++) {
      options.signal?.throwIfAborted();
      await loaded.run(input);
      const all = loaded.profile() ?? [];
      const last = sliceLastRun(all, seen);
      seen = all.length;
      if (last.length > 0) runs.push(last);
      await yieldToPage();
    }
    const ops = byOpType(runs);
    return { id: source.id, ops, work, totalMs: ops.reduce((s, o) => s + o.ms, 0), runs: runs.length };
  } finally {
    loaded.dispose();
  }
}
