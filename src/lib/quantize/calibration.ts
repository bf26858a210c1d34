// The calibration variant of a float model: the same graph whose outputs are also every float
// activation full-integer quantization needs a range for, so one run in the real WASM runtime
// yields all of them. Tensor indices are unchanged, so a recorded range keys the float model too.
import { asQuantizeError, QuantizeError } from './errors.ts';
import { toFloatGraph } from './fold.ts';
import { readGraph, writeGraph, type Graph } from './graph.ts';
import { checkInt8Support, tensorsNeedingRanges } from './int8.ts';

export interface CalibrationModel {
  bytes: Uint8Array;
  /**
   * What RangeRecorder.add() takes, in order: the calibration model's outputs (the original outputs
   * first, then the intermediates), followed by the float inputs fed to the run.
   */
  tensorIndices: number[];
  /** Size of the last axis (channels) of each tensor in tensorIndices, for RangeRecorder.forCalibration. */
  channels: number[];
  /** How many of tensorIndices are outputs of the calibration model (the rest are its inputs). */
  outputCount: number;
  /**
   * [input, output] tensor pairs whose memory TFLite's interpreter shares during its own calibration
   * (an ADD overwrites an input that nothing else reads): its calibrator then records the input's
   * range as the union of both. RangeRecorder.forCalibration reproduces that for 'minmax'.
   */
  sharedRanges: [number, number][];
  /** Number of outputs of the original model (they come first, so output 0 is still the prediction). */
  originalOutputCount: number;
}

export function makeCalibrationModel(floatModel: Uint8Array): CalibrationModel {
  try {
    return calibrationModel(floatModel);
  } catch (error) {
    throw asQuantizeError(error, 'int8');
  }
}

function calibrationModel(floatModel: Uint8Array): CalibrationModel {
  const { graph } = readGraph(floatModel, 'int8');
  // As quantize() does, so both graphs have the same tensors at the same indices.
  toFloatGraph(graph, 'int8');
  checkInt8Support(graph, 'int8');
  const needed = tensorsNeedingRanges(graph);
  const inputs = graph.inputs.filter((i) => needed.includes(i));
  const extra = needed.filter((i) => !graph.inputs.includes(i) && !graph.outputs.includes(i));
  const originalOutputCount = graph.outputs.length;
  const sharedRanges = inplacePairs(graph, needed);
  graph.outputs = [...graph.outputs, ...extra];
  // Signatures would list only the original outputs; without them runtimes return subgraph outputs.
  graph.signatureDefs = [];
  if (graph.outputs.length === 0) throw new QuantizeError('The model has no outputs.', 'bad-model', 'int8');
  const tensorIndices = [...graph.outputs, ...inputs];
  const channels = tensorIndices.map((t) => graph.tensors[t]!.shape.at(-1) ?? 1);
  return { bytes: writeGraph(graph), tensorIndices, channels, sharedRanges, outputCount: graph.outputs.length, originalOutputCount };
}

/** Ops TFLite runs in place when an input is read by nothing else (measured on the reference: ADD). */
const IN_PLACE = new Set(['ADD']);

function inplacePairs(graph: Graph, recorded: number[]): [number, number][] {
  const readers = new Map<number, number>();
  for (const op of graph.operators) for (const i of op.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  const edges = new Set([...graph.inputs, ...graph.outputs]);
  const pairs: [number, number][] = [];
  for (const op of graph.operators) {
    if (!IN_PLACE.has(op.opcode)) continue;
    const out = op.outputs[0]!;
    const shared = op.inputs.find((i) => recorded.includes(i) && readers.get(i) === 1 && !edges.has(i) && !graph.tensors[i]!.data);
    if (shared !== undefined && recorded.includes(out)) pairs.push([shared, out]);
  }
  return pairs;
}
