// Where the arithmetic is, per operator type, computed from the graph in the .tflite file:
// multiply-adds of every convolution and fully connected layer from its tensor shapes.
// The profiler cannot split XNNPACK's work by op type (it reports one delegate node), so this
// static count is what tells the reader which layers dominate; it is labelled as computed, not timed.
import type { TfliteModel, TfliteSubgraph } from '../tflite/types.ts';

export interface OpTypeWork {
  op: string;
  count: number;
  /** Multiply-adds per inference (0 for ops that do no multiply-adds worth counting). */
  macs: number;
  share: number;
}

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

function macsOf(graph: TfliteSubgraph, opIndex: number): number {
  const op = graph.operators[opIndex]!;
  const shape = (i: number | undefined) => (i === undefined || i < 0 ? null : graph.tensors[i]?.shape ?? null);
  const out = shape(op.outputs[0]);
  const weights = shape(op.inputs[1]);
  if (!out || !weights) return 0;
  switch (op.opcode) {
    case 'CONV_2D': {
      // weights [out_c, kh, kw, in_c]; every output element needs kh*kw*in_c multiply-adds.
      const [, kh = 1, kw = 1, inC = 1] = weights;
      return product(out) * kh * kw * inC;
    }
    case 'DEPTHWISE_CONV_2D': {
      // weights [1, kh, kw, out_c]; one kh*kw window per output element.
      const [, kh = 1, kw = 1] = weights;
      return product(out) * kh * kw;
    }
    case 'FULLY_CONNECTED': {
      // weights [units, in]
      return product(out) * (weights[weights.length - 1] ?? 1);
    }
    default:
      return 0;
  }
}

export function workByOpType(model: TfliteModel, subgraph = 0): OpTypeWork[] {
  const graph = model.subgraphs[subgraph];
  if (!graph) return [];
  const byType = new Map<string, { count: number; macs: number }>();
  graph.operators.forEach((op, i) => {
    const t = byType.get(op.opcode) ?? { count: 0, macs: 0 };
    t.count++;
    t.macs += macsOf(graph, i);
    byType.set(op.opcode, t);
  });
  const total = [...byType.values()].reduce((s, t) => s + t.macs, 0);
  return [...byType.entries()]
    .map(([op, t]) => ({ op, count: t.count, macs: t.macs, share: total > 0 ? t.macs / total : 0 }))
    .sort((a, b) => b.macs - a.macs || b.count - a.count);
}
