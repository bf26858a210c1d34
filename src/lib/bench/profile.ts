// Per-op profiles summed by operator type: which kinds of layers the time goes to.
import type { OpProfile } from '../runtime/types.ts';

export interface OpTypeTime {
  op: string;
  /** Mean time per inference, ms. */
  ms: number;
  /** Fraction of the model's total profiled time. */
  share: number;
  nodes: number;
}

/** Sums each profiled inference by node type and averages over the inferences given. */
export function byOpType(runs: readonly OpProfile[][]): OpTypeTime[] {
  if (runs.length === 0) return [];
  const totals = new Map<string, { ms: number; nodes: Set<string> }>();
  for (const run of runs) {
    for (const node of run) {
      const t = totals.get(node.nodeType) ?? { ms: 0, nodes: new Set<string>() };
      t.ms += node.ms;
      t.nodes.add(node.nodeName);
      totals.set(node.nodeType, t);
    }
  }
  const all = [...totals.values()].reduce((s, t) => s + t.ms, 0);
  return [...totals.entries()]
    .map(([op, t]) => ({ op, ms: t.ms / runs.length, share: all > 0 ? t.ms / all : 0, nodes: t.nodes.size }))
    .sort((a, b) => b.ms - a.ms);
}

/**
 * tfjs-tflite's profiler appends every invocation's nodes to one buffer: the last run is the
 * entries added since the previous read (`previousLength`). Empty when the buffer stopped growing.
 */
export function sliceLastRun(all: readonly OpProfile[], previousLength: number): OpProfile[] {
  return all.length > previousLength ? all.slice(previousLength) : [];
}
