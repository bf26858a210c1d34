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
  | { kind: 'fixed'; scale: number; zeroPoint: number };

export interface Int8Rule {
  /** Input slots that carry activations (or constants quantized like activations). Omitted = [0]. */
  activationInputs?: number[] | 'all';
  weights?: { slot: number; axis: number | null };
  bias?: number;
  output: OutputRule;
  version: (options: OperatorOptions, scales: { inputs: number[]; output: number }) => number;
  /** All inputs must share the output's parameters (inputs that differ get a requantizing QUANTIZE). */
  inputsShareOutput?: boolean;
}

const v = (n: number) => () => n;
const calibrated: OutputRule = { kind: 'calibrated' };
const sameAsInput: OutputRule = { kind: 'same-as-input' };

export const INT8_RULES: Record<string, Int8Rule> = {
  CONV_2D: { weights: { slot: 1, axis: 0 }, bias: 2, output: calibrated, version: v(3) },
  DEPTHWISE_CONV_2D: { weights: { slot: 1, axis: 3 }, bias: 2, output: calibrated, version: v(3) },
  // Per tensor: TFLite's quantizer has no per-axis property for FULLY_CONNECTED.
  FULLY_CONNECTED: { weights: { slot: 1, axis: null }, bias: 2, output: calibrated, version: (o) => (o.keep_num_dims === true ? 5 : 4) },
  AVERAGE_POOL_2D: { output: sameAsInput, version: v(2) },
  MAX_POOL_2D: { output: sameAsInput, version: v(2) },
  RESHAPE: { output: sameAsInput, version: v(1) },
  SQUEEZE: { output: sameAsInput, version: v(1) },
  PAD: { output: sameAsInput, version: v(2) },
  PADV2: { output: sameAsInput, version: v(2) },
  RESIZE_BILINEAR: { output: sameAsInput, version: (o) => (o.half_pixel_centers === true ? 3 : 2) },
  RESIZE_NEAREST_NEIGHBOR: { output: sameAsInput, version: (o) => (o.half_pixel_centers === true || o.align_corners === true ? 3 : 2) },
  TRANSPOSE: { output: sameAsInput, version: v(2) },
  SPACE_TO_DEPTH: { output: sameAsInput, version: v(2) },
  CONCATENATION: { activationInputs: 'all', output: calibrated, inputsShareOutput: true, version: v(2) },
  ADD: { activationInputs: [0, 1], output: calibrated, version: v(2) },
  SUB: { activationInputs: [0, 1], output: calibrated, version: v(2) },
  MUL: {
    activationInputs: [0, 1], output: calibrated,
    // Version 3 handles a rescale factor >= 1.
    version: (_, s) => (s.inputs.length === 2 && (s.inputs[0]! * s.inputs[1]!) / s.output >= 1 ? 3 : 2),
  },
  MEAN: { output: calibrated, version: v(2) },
  RELU: { output: calibrated, version: v(2) },
  RELU6: { output: calibrated, version: v(2) },
  HARD_SWISH: { output: calibrated, version: v(1) },
  SOFTMAX: { output: { kind: 'fixed', scale: 1 / 256, zeroPoint: -128 }, version: v(2) },
  LOGISTIC: { output: { kind: 'fixed', scale: 1 / 256, zeroPoint: -128 }, version: v(2) },
  TANH: { output: { kind: 'fixed', scale: 1 / 128, zeroPoint: 0 }, version: v(2) },
  L2_NORMALIZATION: { output: { kind: 'fixed', scale: 1 / 128, zeroPoint: 0 }, version: v(2) },
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
