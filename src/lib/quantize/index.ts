// Post-training quantization of a float .tflite in the browser: the four settings of TFLite's
// converter, producing a valid .tflite and a report of what changed.
//   dynamic  = optimizations=[DEFAULT]                       (int8 weights, float activations)
//   float16  = optimizations=[DEFAULT], supported_types=[float16]
//   int8     = + representative_dataset                      (full integer, float I/O)
//   int8-io  = + inference_input_type/inference_output_type  (uint8 or int8 I/O)
// The int8 modes need activation ranges: run makeCalibrationModel()'s model on the representative
// set and feed each run to a RangeRecorder (see calibration.ts for the order).
import { asQuantizeError, QuantizeError, type QuantizeMode } from './errors.ts';
import { toFloatGraph } from './fold.ts';
import { readGraph, writeGraph } from './graph.ts';
import { fullInteger } from './int8.ts';
import type { ActivationRange } from './ranges.ts';
import { opDifference, summarize, type OpNote, type QuantizeReport, type Skipped } from './report.ts';
import { dynamicRange, float16 } from './weight-modes.ts';

export { QuantizeError, type QuantizeErrorCode, type QuantizeMode } from './errors.ts';
export { makeCalibrationModel, type CalibrationModel } from './calibration.ts';
export { RangeRecorder, RANGE_METHODS, type ActivationRange, type RangeMethod } from './ranges.ts';
export type { QuantizeReport, OpNote, Skipped, NoteCode, SkipCode, GraphSummary, DtypeCount } from './report.ts';
export { compareWithReference, rangesFromQuantizedModel, type ReferenceDiff } from './compare.ts';

export const QUANTIZE_MODES: readonly QuantizeMode[] = ['dynamic', 'float16', 'int8', 'int8-io'];

export interface QuantizeOptions {
  mode: QuantizeMode;
  /** Recorded activation ranges by tensor index of the float model (int8 modes). */
  ranges?: Map<number, ActivationRange>;
  /** int8-io only: the type of the model's inputs and outputs (default uint8, as the converter's examples). */
  ioType?: 'uint8' | 'int8';
  /**
   * int8 modes, beyond TFLite (off by default so results match the converter): subtract the expected
   * output shift of the rounded weights from each bias, using the channel means a
   * RangeRecorder.forCalibration() recorder keeps.
   */
  biasCorrection?: boolean;
}

export interface QuantizeResult {
  bytes: Uint8Array;
  report: QuantizeReport;
}

/**
 * Why no setting can quantize this file, or null when some may: the checks every mode makes before
 * its own work (readable single-subgraph graph of built-in ops; after expanding float16 or
 * weight-only int8 weights, float32 left to quantize). The lab asks it when a file is opened, so the
 * reader learns it at step 1 instead of after pressing Quantize.
 */
export function quantizableProblem(floatModel: Uint8Array): QuantizeError | null {
  try {
    toFloatGraph(readGraph(floatModel, 'dynamic').graph, 'dynamic');
    return null;
  } catch (error) {
    return asQuantizeError(error, 'dynamic');
  }
}

export function quantizeModel(floatModel: Uint8Array, options: QuantizeOptions): QuantizeResult {
  try {
    return quantize(floatModel, options);
  } catch (error) {
    throw asQuantizeError(error, options.mode);
  }
}

function quantize(floatModel: Uint8Array, options: QuantizeOptions): QuantizeResult {
  const { mode } = options;
  if (!QUANTIZE_MODES.includes(mode)) throw new QuantizeError(`Unknown mode ${String(mode)}.`, 'bad-options', mode);
  if (options.ioType !== undefined && mode !== 'int8-io') {
    throw new QuantizeError(`ioType applies to int8-io only, not ${mode}.`, 'bad-options', mode);
  }
  const { graph } = readGraph(floatModel, mode);
  // Before: the file as given. A float16 or weight-only int8 file is expanded first (fold.ts).
  const before = summarize(graph, floatModel.byteLength);
  const restored = toFloatGraph(graph, mode);
  let notes: OpNote[];
  let skipped: Skipped[] = [];
  let ioType: QuantizeReport['ioType'] = 'float32';
  if (mode === 'dynamic') ({ notes, skipped } = dynamicRange(graph));
  else if (mode === 'float16') ({ notes, skipped } = float16(graph));
  else {
    if (!options.ranges || options.ranges.size === 0) {
      throw new QuantizeError('Full-integer quantization needs activation ranges from a calibration run.', 'needs-calibration', mode);
    }
    ioType = mode === 'int8-io' ? options.ioType ?? 'uint8' : 'float32';
    ({ notes } = fullInteger(graph, { mode, ranges: options.ranges, ioType, biasCorrection: options.biasCorrection === true }));
  }
  const bytes = writeGraph(graph);
  const after = summarize(graph, bytes.byteLength);
  const { added, removed } = opDifference(before.ops, after.ops);
  return {
    bytes,
    report: { mode, ioType, before, after, sizeRatio: bytes.byteLength / floatModel.byteLength, opsAdded: added, opsRemoved: removed, notes: [...restored, ...notes], skipped },
  };
}
