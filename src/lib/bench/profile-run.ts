// Per-op profile of one model with tfjs-tflite's profiler (the only runtime here that has one).
// Profiling adds overhead per node, so these runs are separate from the timed benchmark.
import type { OpProfile } from '../runtime/types.ts';
import type { DecodedImage } from '../image/index.ts';
import { loadSubject } from './session.ts';
import type { BenchModelSource } from './subjects.ts';
import { byOpType, type OpTypeTime } from './profile.ts';

export interface OpProfileResult {
  id: string;
  ops: OpTypeTime[];
  /** Sum of the profiled node times per inference, ms. */
  totalMs: number;
  runs: number;
}

export async function profileModel(
  source: BenchModelSource,
  options: { threads: number; image: DecodedImage; warmup?: number; runs?: number; signal?: AbortSignal; base?: string },
): Promise<OpProfileResult> {
  const { loaded, input } = await loadSubject(source, 'tfjs-tflite', options.threads, { profiling: true, image: options.image, base: options.base });
  try {
    for (let i = 0; i < (options.warmup ?? 2); i++) {
      options.signal?.throwIfAborted();
      await loaded.run(input);
    }
    const runs: OpProfile[][] = [];
    for (let i = 0; i < (options.runs ?? 5); i++) {
      options.signal?.throwIfAborted();
      await loaded.run(input);
      // The profiler reports the last invocation's nodes.
      const profile = loaded.profile();
      if (profile && profile.length > 0) runs.push(profile);
      await new Promise((r) => setTimeout(r, 0));
    }
    const ops = byOpType(runs);
    return { id: source.id, ops, totalMs: ops.reduce((s, o) => s + o.ms, 0), runs: runs.length };
  } finally {
    loaded.dispose();
  }
}
