// What each operator needs in each mode, after TFLite's quantizer (tools/optimize/operator_property.cc)
// and its op versioning (tools/versioning/op_version.cc): which input is a weight and along which
// axis it is per channel, where the bias is, how the int8 output's parameters are chosen, and the
// version the runtimes dispatch the quantized kernel by.
import type { OperatorOptions } from '../tflite/types.ts';

export type OutputRule =
  /** From the recorded range of the output tensor. */
  | { kind: 'calibrated' }
  /** The input's scale and zero point (pooling, reshapes, padding: values are only moved). */
  | { kind: 'same-as-input' }
  /** Fixed by the int8 kernel. */
  | { kind: 'fixed'; scale: number; zeroPoint: number }
  /** Not a real number (indices, booleans, shapes): the output keeps its type; only the inputs become int8. */
  | { kind: 'not-real' };

export interface Int8Rule {
  /** Input slots that carry activations (or constants quantized like activations). Omitted = [0]. */
  activationInputs?: number[] | 'all';
  weights?: { slot: number; axis: number | null };
  bias?: number;
  output: OutputRule;
  /** The version of the int8 kernel; the op keeps a higher one its options already need. */
  version: (options: OperatorOptions, scales: { inputs: number[]; output: number }, inputs: readonly number[]) => number;
  /** All inputs must share the output's parameters (inputs that differ get a requantizing QUANTIZE). */
  inputsShareOutput?: boolean;
  /** Constant inputs the kernel reads with the output's parameters (PADV2's padding value). */
  constantsLikeOutput?: number[];
}

const v = (n: number) => () => n;
const calibrated: OutputRule = { kind: 'calibrated' };
const sameAsInput: OutputRule = { kind: 'same-as-input' };
const notReal: OutputRule = { kind: 'not-real' };
/** Ops that only move or select values: the output carries the input's parameters. */
const moves = (version: number, activationInputs?: number[]): Int8Rule => ({ activationInputs, output: sameAsInput, version: v(version) });
/** Several inputs requantized to the output's calibrated parameters (TFLite's arbitrary_inputs + same scale). */
const joins = (version: number): Int8Rule => ({ activationInputs: 'all', output: calibrated, inputsShareOutput: true, version: v(version) });
const elementwise = (version: number, activationInputs?: number[]): Int8Rule => ({ activationInputs, output: calibrated, version: v(version) });
const compares = (version: number): Int8Rule => ({ activationInputs: [0, 1], output: notReal, version: v(version) });

export const INT8_RULES: Record<string, Int8Rule> = {
  CONV_2D: { weights: { slot: 1, axis: 0 }, bias: 2, output: calibrated, version: v(3) },
  DEPTHWISE_CONV_2D: { weights: { slot: 1, axis: 3 }, bias: 2, output: calibrated, version: v(3) },
  // Per tensor: TFLite's quantizer has no per-axis property for FULLY_CONNECTED.
  FULLY_CONNECTED: { weights: { slot: 1, axis: null }, bias: 2, output: calibrated, version: (o) => (o.keep_num_dims === true ? 5 : 4) },
  // Input 0 is the output shape; the bias (slot 3) is optional.
  TRANSPOSE_CONV: {
    activationInputs: [2], weights: { slot: 1, axis: 0 }, bias: 3, output: calibrated,
    version: (o, _, inputs) => (o.fused_activation_function && o.fused_activation_function !== 'NONE' ? 4 : (inputs[3] ?? -1) >= 0 ? 3 : 2),
  },
  // Both operands are activations (a constant one is quantized like an activation).
  BATCH_MATMUL: elementwise(2, [0, 1]),
  AVERAGE_POOL_2D: moves(2),
  MAX_POOL_2D: moves(2),
  RESHAPE: moves(1),
  SQUEEZE: moves(1),
  EXPAND_DIMS: moves(1),
  PAD: moves(2),
  PADV2: { output: sameAsInput, constantsLikeOutput: [2], version: v(2) },
  MIRROR_PAD: moves(2),
  RESIZE_BILINEAR: { output: sameAsInput, version: (o) => (o.half_pixel_centers === true ? 3 : 2) },
  RESIZE_NEAREST_NEIGHBOR: { output: sameAsInput, version: (o) => (o.half_pixel_centers === true || o.align_corners === true ? 3 : 2) },
  TRANSPOSE: moves(2),
  SPACE_TO_DEPTH: moves(2),
  DEPTH_TO_SPACE: moves(2),
  SPACE_TO_BATCH_ND: moves(2),
  BATCH_TO_SPACE_ND: moves(2),
  STRIDED_SLICE: moves(2),
  SLICE: moves(2),
  TILE: moves(3),
  BROADCAST_TO: moves(3),
  REVERSE_V2: moves(3),
  REDUCE_MAX: moves(2),
  REDUCE_MIN: moves(2),
  // The gathered table (often a constant embedding) is quantized like an activation.
  GATHER: moves(2),
  GATHER_ND: moves(1),
  // Input 0 of SPLIT is the axis; every output shares the input's parameters.
  SPLIT: moves(2, [1]),
  SPLIT_V: moves(2),
  UNPACK: moves(2),
  CONCATENATION: joins(2),
  PACK: joins(2),
  MAXIMUM: joins(2),
  MINIMUM: joins(2),
  ADD: elementwise(2, [0, 1]),
  SUB: elementwise(2, [0, 1]),
  SQUARED_DIFFERENCE: elementwise(2, [0, 1]),
  MUL: {
    activationInputs: [0, 1], output: calibrated,
    // Version 3 handles a rescale factor >= 1.
    version: (_, s) => (s.inputs.length === 2 && (s.inputs[0]! * s.inputs[1]!) / s.output >= 1 ? 3 : 2),
  },
  MEAN: elementwise(2),
  SUM: elementwise(2),
  REDUCE_PROD: elementwise(2),
  RELU: elementwise(2),
  RELU6: elementwise(2),
  RELU_N1_TO_1: elementwise(1),
  LEAKY_RELU: elementwise(1),
  // The slope is quantized like an activation.
  PRELU: elementwise(1, [0, 1]),
  HARD_SWISH: elementwise(1),
  GELU: elementwise(2),
  ABS: elementwise(2),
  SQRT: elementwise(2),
  RSQRT: elementwise(2),
  EXP: elementwise(2),
  LOG: elementwise(2),
  SOFTMAX: { output: { kind: 'fixed', scale: 1 / 256, zeroPoint: -128 }, version: v(2) },
  LOG_SOFTMAX: { output: { kind: 'fixed', scale: 16 / 256, zeroPoint: 127 }, version: v(2) },
  LOGISTIC: { output: { kind: 'fixed', scale: 1 / 256, zeroPoint: -128 }, version: v(2) },
  TANH: { output: { kind: 'fixed', scale: 1 / 128, zeroPoint: 0 }, version: v(2) },
  L2_NORMALIZATION: { output: { kind: 'fixed', scale: 1 / 128, zeroPoint: 0 }, version: v(2) },
  ARG_MAX: { output: notReal, version: v(2) },
  SHAPE: { output: notReal, version: v(1) },
  EQUAL: compares(2),
  NOT_EQUAL: compares(2),
  GREATER: compares(2),
  GREATER_EQUAL: compares(2),
  LESS: compares(2),
  LESS_EQUAL: compares(2),
};

/**
 * Dynamic range (optimizations=[DEFAULT], no dataset), as TensorFlow 2.21's converter writes it (MLIR
 * pass prepare_quantize_dynamic_range.cc, op properties in tfl_ops.td, its tests
 * quantize-dynamic-range.mlir; versions from tools/versioning/op_version.cc). Weights are int8,
 * symmetric on [-127, 127], per channel where the op declares a quantization axis.
 * - hybrid: the op reads the int8 weights itself and quantizes its float input on every run;
 *   `version` selects that kernel (per channel), `perTensorVersion` the per-tensor one.
 * - weightOnly: ops without a hybrid kernel get int8 weights plus a DEQUANTIZE that turns them back
 *   into float32; the op itself stays float.
 */
export interface DynamicRule {
  kind: 'hybrid' | 'weightOnly';
  /** Input slot of the weights. */
  slot: number;
  /** Per-channel axis, or null for one scale per tensor. */
  axis: number | null;
  version?: number;
  perTensorVersion?: number;
  /** The kernel quantizes its input asymmetrically (builtin option asymmetric_quantize_inputs). */
  asymmetricInputs?: boolean;
}

export const DYNAMIC_RULES: Record<string, DynamicRule> = {
  CONV_2D: { kind: 'hybrid', slot: 1, axis: 0, version: 5, perTensorVersion: 2 },
  DEPTHWISE_CONV_2D: { kind: 'hybrid', slot: 1, axis: 3, version: 6, perTensorVersion: 4 },
  // Per channel since the converter gave FULLY_CONNECTED a quantization axis (version 12);
  // older converters wrote one scale per tensor (version 9).
  FULLY_CONNECTED: { kind: 'hybrid', slot: 1, axis: 0, version: 12, perTensorVersion: 9, asymmetricInputs: true },
  // Only a constant right-hand side is a weight; BATCH_MATMUL has no quantization axis.
  BATCH_MATMUL: { kind: 'hybrid', slot: 1, axis: null, version: 4, perTensorVersion: 4, asymmetricInputs: true },
  TRANSPOSE_CONV: { kind: 'weightOnly', slot: 1, axis: 0 },
  GATHER: { kind: 'weightOnly', slot: 0, axis: null },
  EMBEDDING_LOOKUP: { kind: 'weightOnly', slot: 1, axis: null },
};

/** DEQUANTIZE of int8 weights: version 2 per tensor, 5 per channel (op_version.cc). */
export const DEQUANTIZE_INT8_VERSION = { perTensor: 2, perChannel: 5 } as const;

/** Dynamic range leaves smaller weights in float, as the converter does (its minimum_elements_for_weights, 1024 by default). */
export const DYNAMIC_MIN_ELEMENTS = 1024;

/** The real interval a fused activation clamps to. */
export function activationBounds(options: OperatorOptions): [number, number] {
  switch (options.fused_activation_function) {
    case 'RELU': return [0, Infinity];
    case 'RELU6': return [0, 6];
    case 'RELU_N1_TO_1': return [-1, 1];
    default: return [-Infinity, Infinity];
  }
}

/** Standalone activation ops clamp the same way. */
export function opBounds(opcode: string, options: OperatorOptions): [number, number] {
  if (opcode === 'RELU') return [0, Infinity];
  if (opcode === 'RELU6') return [0, 6];
  return activationBounds(options);
}
