// Small float models written with the project's own writer, for the quantizer's unit and fuzz tests.
import { BUILTIN_OPERATORS } from '../../src/lib/tflite/opcodes.ts';
import type { OperatorOptions, TensorQuantization, TfliteDtype } from '../../src/lib/tflite/types.ts';
import { writeTflite, type WritableTensor } from '../../src/lib/tflite/writer.ts';
import { seededRandom, type RandomSource } from '../../src/lib/random.ts';

interface Op {
  opcode: string;
  inputs: number[];
  outputs: number[];
  optionsType: string;
  options: OperatorOptions;
}

/** Builds a single-subgraph model step by step. */
export class ModelBuilder {
  private tensors: WritableTensor[] = [];
  private buffers: (Uint8Array | null)[] = [null];
  private ops: Op[] = [];

  /** `signature`: the shape with its open dimensions (-1), as converters write a dynamic batch. */
  activation(name: string, shape: number[], dtype: TfliteDtype = 'float32', signature: number[] | null = null): number {
    this.tensors.push({ name, shape, dtype, buffer: 0, quantization: null, isVariable: false, shapeSignature: signature });
    return this.tensors.length - 1;
  }

  constant(name: string, shape: number[], values: ArrayLike<number>, dtype: 'float32' | 'int32' = 'float32'): number {
    const typed = dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values);
    this.buffers.push(new Uint8Array(typed.buffer));
    this.tensors.push({ name, shape, dtype, buffer: this.buffers.length - 1, quantization: null, isVariable: false, shapeSignature: null });
    return this.tensors.length - 1;
  }

  /** A constant of any type from its raw little-endian bytes (float16, int8 weights...). */
  storedConstant(name: string, shape: number[], dtype: TfliteDtype, bytes: Uint8Array, quantization: TensorQuantization | null = null): number {
    this.buffers.push(bytes);
    this.tensors.push({ name, shape, dtype, buffer: this.buffers.length - 1, quantization, isVariable: false, shapeSignature: null });
    return this.tensors.length - 1;
  }

  op(opcode: string, inputs: number[], outputs: number[], optionsType = 'NONE', options: OperatorOptions = {}): void {
    this.ops.push({ opcode, inputs, outputs, optionsType, options });
  }

  build(inputs: number[], outputs: number[], signature = false): Uint8Array {
    const codes = [...new Set(this.ops.map((o) => o.opcode))];
    return writeTflite({
      version: 3,
      description: 'test model',
      operatorCodes: codes.map((name) => ({ builtinCode: BUILTIN_OPERATORS.indexOf(name), customCode: null, version: 1 })),
      subgraphs: [{
        name: 'main', tensors: this.tensors, inputs, outputs,
        operators: this.ops.map((o) => ({ opcodeIndex: codes.indexOf(o.opcode), inputs: o.inputs, outputs: o.outputs, optionsType: o.optionsType, options: o.options })),
      }],
      buffers: this.buffers,
      metadata: [],
      signatureDefs: signature
        ? [{ key: 'serving_default', subgraphIndex: 0, inputs: inputs.map((t, i) => ({ name: `in${i}`, tensorIndex: t })), outputs: outputs.map((t, i) => ({ name: `out${i}`, tensorIndex: t })) }]
        : [],
    });
  }
}

const convOptions = (activation: string): OperatorOptions => ({
  padding: 'SAME', stride_w: 1, stride_h: 1, fused_activation_function: activation, dilation_w_factor: 1, dilation_h_factor: 1,
});

export interface ConvNetOptions {
  size?: number;
  channels?: number;
  classes?: number;
  signature?: boolean;
  /** Channels of the input image: 3 (RGB, default) or 1 (a grayscale model). */
  inputChannels?: number;
  /** Batch left open in the input's shape signature ([-1, H, W, C]), as Keras exports write it. */
  dynamicBatch?: boolean;
}

/**
 * input [1,H,W,C] -> CONV_2D -> DEPTHWISE_CONV_2D -> ADD (residual) -> AVERAGE_POOL_2D -> RESHAPE
 * -> FULLY_CONNECTED -> SOFTMAX, with random weights (a few channels dead) and random sizes.
 */
export function randomConvNet(random: RandomSource, options: ConvNetOptions = {}): Uint8Array {
  const size = options.size ?? 2 + Math.floor(random() * 6);
  const c = options.channels ?? 1 + Math.floor(random() * 40);
  const classes = options.classes ?? 2 + Math.floor(random() * 20);
  const values = (n: number, deadEvery = 0, width = 1) =>
    Array.from({ length: n }, (_, i) => (deadEvery && Math.floor(i / width) % deadEvery === 0 ? 0 : (random() - 0.5) * 2 * random()));
  const b = new ModelBuilder();
  const k = options.inputChannels ?? 3;
  const input = b.activation('input', [1, size, size, k], 'float32', options.dynamicBatch ? [-1, size, size, k] : null);
  const convW = b.constant('conv/weights', [c, 3, 3, k], values(c * 9 * k, 7, 9 * k));
  const convB = b.constant('conv/bias', [c], values(c));
  const conv = b.activation('conv/out', [1, size, size, c]);
  b.op('CONV_2D', [input, convW, convB], [conv], 'Conv2DOptions', convOptions('RELU6'));
  const dwW = b.constant('dw/weights', [1, 3, 3, c], values(9 * c));
  const dwB = b.constant('dw/bias', [c], values(c));
  const dw = b.activation('dw/out', [1, size, size, c]);
  b.op('DEPTHWISE_CONV_2D', [conv, dwW, dwB], [dw], 'DepthwiseConv2DOptions', { ...convOptions('NONE'), depth_multiplier: 1 });
  const sum = b.activation('add/out', [1, size, size, c]);
  b.op('ADD', [conv, dw], [sum], 'AddOptions', { fused_activation_function: 'NONE' });
  const pooled = b.activation('pool/out', [1, 1, 1, c]);
  b.op('AVERAGE_POOL_2D', [sum], [pooled], 'Pool2DOptions', { padding: 'VALID', stride_w: 1, stride_h: 1, filter_width: size, filter_height: size, fused_activation_function: 'NONE' });
  const shape = b.constant('reshape/shape', [2], [1, c], 'int32');
  const flat = b.activation('reshape/out', [1, c]);
  b.op('RESHAPE', [pooled, shape], [flat], 'ReshapeOptions', { new_shape: [1, c] });
  const fcW = b.constant('fc/weights', [classes, c], values(classes * c));
  const fcB = b.constant('fc/bias', [classes], values(classes));
  const logits = b.activation('fc/out', [1, classes]);
  b.op('FULLY_CONNECTED', [flat, fcW, fcB], [logits], 'FullyConnectedOptions', { fused_activation_function: 'NONE', weights_format: 'DEFAULT', keep_num_dims: false });
  const probs = b.activation('probs', [1, classes]);
  b.op('SOFTMAX', [logits], [probs], 'SoftmaxOptions', { beta: 1 });
  return b.build([input], [probs], options.signature === true);
}

/** A model with an op TFLite has no int8 kernel for (SIN), after a convolution big enough for dynamic range. */
export function modelWithSin(): Uint8Array {
  const b = new ModelBuilder();
  const input = b.activation('input', [1, 4, 4, 16]);
  const w = b.constant('conv/weights', [64, 1, 1, 16], Array.from({ length: 1024 }, (_, i) => Math.sin(i)));
  const bias = b.constant('conv/bias', [64], Array.from({ length: 64 }, (_, i) => i / 64));
  const conv = b.activation('conv/out', [1, 4, 4, 64]);
  b.op('CONV_2D', [input, w, bias], [conv], 'Conv2DOptions', convOptions('NONE'));
  const out = b.activation('sin/out', [1, 4, 4, 64]);
  b.op('SIN', [conv], [out]);
  return b.build([input], [out]);
}

/**
 * A small image model through the operators beyond MobileNet that full integer handles: the outputs of
 * a SPLIT, MAXIMUM and LEAKY_RELU joined by CONCATENATION, PADV2 with a padding value, STRIDED_SLICE,
 * TRANSPOSE_CONV (per-channel weights, int32 bias), MEAN, FULLY_CONNECTED, then three heads:
 * LOG_SOFTMAX (fixed output parameters), GATHER of some logits, ARG_MAX (int32, not a real number).
 */
export function opZooNet(random: RandomSource = seededRandom(0x200e)): Uint8Array {
  const values = (n: number) => Array.from({ length: n }, () => (random() - 0.5) * 2);
  const b = new ModelBuilder();
  const input = b.activation('input', [1, 8, 8, 3]);
  const conv = b.activation('conv/out', [1, 8, 8, 8]);
  b.op('CONV_2D', [input, b.constant('conv/weights', [8, 3, 3, 3], values(216)), b.constant('conv/bias', [8], values(8))], [conv], 'Conv2DOptions', convOptions('RELU'));
  const halves = [b.activation('split/0', [1, 8, 8, 4]), b.activation('split/1', [1, 8, 8, 4])];
  b.op('SPLIT', [b.constant('split/axis', [], [3], 'int32'), conv], halves, 'SplitOptions', { num_splits: 2 });
  const max = b.activation('max/out', [1, 8, 8, 4]);
  b.op('MAXIMUM', halves, [max], 'MaximumMinimumOptions', {});
  const leaky = b.activation('leaky/out', [1, 8, 8, 4]);
  b.op('LEAKY_RELU', [halves[1]!], [leaky], 'LeakyReluOptions', { alpha: 0.2 });
  const joined = b.activation('concat/out', [1, 8, 8, 8]);
  b.op('CONCATENATION', [max, leaky], [joined], 'ConcatenationOptions', { axis: 3, fused_activation_function: 'NONE' });
  const padded = b.activation('pad/out', [1, 10, 10, 8]);
  b.op('PADV2', [joined, b.constant('pad/paddings', [4, 2], [0, 0, 1, 1, 1, 1, 0, 0], 'int32'), b.constant('pad/value', [], [0.25])], [padded], 'PadV2Options', {});
  const sliced = b.activation('slice/out', [1, 8, 8, 8]);
  b.op('STRIDED_SLICE', [padded, b.constant('slice/begin', [4], [0, 1, 1, 0], 'int32'), b.constant('slice/end', [4], [1, 9, 9, 8], 'int32'), b.constant('slice/strides', [4], [1, 1, 1, 1], 'int32')],
    [sliced], 'StridedSliceOptions', { begin_mask: 0, end_mask: 0, ellipsis_mask: 0, new_axis_mask: 0, shrink_axis_mask: 0, offset: false });
  const up = b.activation('deconv/out', [1, 16, 16, 4]);
  b.op('TRANSPOSE_CONV', [b.constant('deconv/shape', [4], [1, 16, 16, 4], 'int32'), b.constant('deconv/weights', [4, 3, 3, 8], values(288)), sliced, b.constant('deconv/bias', [4], values(4))],
    [up], 'TransposeConvOptions', { padding: 'SAME', stride_w: 2, stride_h: 2, fused_activation_function: 'NONE' });
  const mean = b.activation('mean/out', [1, 4]);
  b.op('MEAN', [up, b.constant('mean/axes', [2], [1, 2], 'int32')], [mean], 'ReducerOptions', { keep_dims: false });
  const logits = b.activation('fc/out', [1, 5]);
  b.op('FULLY_CONNECTED', [mean, b.constant('fc/weights', [5, 4], values(20)), b.constant('fc/bias', [5], values(5))], [logits], 'FullyConnectedOptions',
    { fused_activation_function: 'NONE', weights_format: 'DEFAULT', keep_num_dims: false });
  const logProbs = b.activation('log_probs', [1, 5]);
  b.op('LOG_SOFTMAX', [logits], [logProbs], 'LogSoftmaxOptions', {});
  const some = b.activation('some_logits', [1, 3]);
  b.op('GATHER', [logits, b.constant('gather/indices', [3], [0, 2, 4], 'int32')], [some], 'GatherOptions', { axis: 1, batch_dims: 0 });
  const best = b.activation('best', [1], 'int32');
  b.op('ARG_MAX', [logits, b.constant('argmax/axis', [1], [1], 'int32')], [best], 'ArgMaxOptions', { output_type: 'int32' });
  return b.build([input], [logProbs, some, best]);
}
