// What a quantization changed, as data the lab turns into words (codes, not sentences, so both
// languages can say it).
import type { Graph } from './graph.ts';
import type { QuantizeMode } from './errors.ts';

export type NoteCode =
  /** int8 symmetric weights, one scale per output channel. */
  | 'weights-int8-per-channel'
  /** int8 symmetric weights, one scale for the tensor. */
  | 'weights-int8-per-tensor'
  /** Weights stored as float16, a DEQUANTIZE op turns them back into float32. */
  | 'weights-float16'
  /**
   * The file read stored this weight small (detail.from: float16, int8...) behind a DEQUANTIZE: it was
   * expanded back to float32 and the DEQUANTIZE dropped before the mode ran (opIndex: in the file read).
   */
  | 'weights-restored'
  /** Weight range widened so the int32 bias cannot overflow (dead channels with a bias). */
  | 'weights-widened-for-bias'
  /** Bias corrected for the expected shift of the rounded weights (option, beyond TFLite). */
  | 'bias-corrected'
  /** int32 bias, scale = input scale x weight scale. */
  | 'bias-int32'
  /** Output parameters fixed by the int8 kernel (SOFTMAX, LOGISTIC, TANH...). */
  | 'output-fixed'
  /** Output shares the input's scale and zero point. */
  | 'output-same-as-input'
  /** Output parameters from the recorded range. */
  | 'output-calibrated'
  /** An input was requantized to the parameters the op requires (CONCATENATION). */
  | 'input-requantized';

export type SkipCode =
  /** Dynamic range: weights under the converter's 1024-element threshold stay float. */
  | 'small-weights'
  /** Weights shared with an op that has no hybrid kernel stay float. */
  | 'shared-weights'
  /** The op has no hybrid kernel, so it stays float in dynamic range mode. */
  | 'no-hybrid-kernel';

export interface OpNote {
  opIndex: number;
  opcode: string;
  code: NoteCode;
  tensor?: string;
  detail?: Record<string, number | string>;
}

export interface Skipped {
  opIndex: number;
  opcode: string;
  code: SkipCode;
  tensor?: string;
  detail?: Record<string, number | string>;
}

export interface DtypeCount {
  /** Tensors of this dtype. */
  tensors: number;
  /** Of which constants (weights, biases...). */
  constants: number;
  /** Bytes of constant data. */
  bytes: number;
}

export interface GraphSummary {
  bytes: number;
  tensorsByDtype: Record<string, DtypeCount>;
  ops: Record<string, number>;
  /** "CONV_2D v3" -> count: the kernels the runtime will look for. */
  opVersions: Record<string, number>;
}

export interface QuantizeReport {
  mode: QuantizeMode;
  /** Input/output type of the written model. */
  ioType: 'float32' | 'uint8' | 'int8';
  before: GraphSummary;
  after: GraphSummary;
  /** after.bytes / before.bytes */
  sizeRatio: number;
  opsAdded: Record<string, number>;
  opsRemoved: Record<string, number>;
  notes: OpNote[];
  skipped: Skipped[];
}

export function summarize(graph: Graph, bytes: number): GraphSummary {
  const live = new Set<number>([...graph.inputs, ...graph.outputs]);
  for (const op of graph.operators) for (const i of [...op.inputs, ...op.outputs]) if (i >= 0) live.add(i);
  const tensorsByDtype: Record<string, DtypeCount> = {};
  for (const i of live) {
    const t = graph.tensors[i]!;
    const entry = (tensorsByDtype[t.dtype] ??= { tensors: 0, constants: 0, bytes: 0 });
    entry.tensors++;
    if (t.data && t.data.byteLength > 0) {
      entry.constants++;
      entry.bytes += t.data.byteLength;
    }
  }
  const ops: Record<string, number> = {};
  const opVersions: Record<string, number> = {};
  for (const op of graph.operators) {
    ops[op.opcode] = (ops[op.opcode] ?? 0) + 1;
    const key = `${op.opcode} v${op.version}`;
    opVersions[key] = (opVersions[key] ?? 0) + 1;
  }
  return { bytes, tensorsByDtype, ops, opVersions };
}

export function opDifference(before: Record<string, number>, after: Record<string, number>): { added: Record<string, number>; removed: Record<string, number> } {
  const added: Record<string, number> = {};
  const removed: Record<string, number> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[name] ?? 0) - (before[name] ?? 0);
    if (d > 0) added[name] = d;
    if (d < 0) removed[name] = -d;
  }
  return { added, removed };
}
