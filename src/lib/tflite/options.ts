// Field layout of the builtin options tables the site reads and writes, from the public TFLite
// schema (schema.fbs). One declaration serves both the reader (decode) and the twin writer (encode).
import type { Table } from './flat.ts';
import type { OperatorOptions } from './types.ts';

export const PADDING = ['SAME', 'VALID'] as const;
export const ACTIVATION = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'] as const;
export const TENSOR_TYPES = [
  'float32', 'float16', 'int32', 'uint8', 'int64', 'string', 'bool', 'int16', 'complex64', 'int8',
  'float64', 'complex128', 'uint64', 'resource', 'variant', 'uint32', 'uint16', 'int4', 'bfloat16',
] as const;

export type FieldKind = 'i8' | 'i32' | 'u32' | 'f32' | 'bool' | 'i32[]' | 'i64';

export interface OptionField {
  /** Field name in schema.fbs; the slot is its position in the table's list. */
  name: string;
  kind: FieldKind;
  /** Byte enums are shown by name ('SAME', 'RELU6') instead of number. */
  enumNames?: readonly string[];
  dflt?: number | boolean;
  /** Deprecated fields keep their slot but are neither read nor written. */
  deprecated?: boolean;
}

const f = (name: string, kind: FieldKind, extra: Partial<OptionField> = {}): OptionField => ({ name, kind, ...extra });
const padding = f('padding', 'i8', { enumNames: PADDING });
const activation = f('fused_activation_function', 'i8', { enumNames: ACTIVATION });
// 0 means "not set" here (not float32), so it stays a number.
const biasType = f('quantized_bias_type', 'i8');
/** A skipped (deprecated) field that still occupies its slot. */
const deprecated = (name: string): OptionField => f(name, 'i32', { deprecated: true });

/** Options tables by union name; fields in schema order (index = slot). */
export const OPTION_TABLES: Record<string, readonly OptionField[]> = {
  Conv2DOptions: [padding, f('stride_w', 'i32'), f('stride_h', 'i32'), activation,
    f('dilation_w_factor', 'i32', { dflt: 1 }), f('dilation_h_factor', 'i32', { dflt: 1 }), biasType],
  DepthwiseConv2DOptions: [padding, f('stride_w', 'i32'), f('stride_h', 'i32'), f('depth_multiplier', 'i32'), activation,
    f('dilation_w_factor', 'i32', { dflt: 1 }), f('dilation_h_factor', 'i32', { dflt: 1 })],
  Pool2DOptions: [padding, f('stride_w', 'i32'), f('stride_h', 'i32'), f('filter_width', 'i32'), f('filter_height', 'i32'), activation],
  FullyConnectedOptions: [activation, f('weights_format', 'i8', { enumNames: ['DEFAULT', 'SHUFFLED4x16INT8'] }),
    f('keep_num_dims', 'bool'), f('asymmetric_quantize_inputs', 'bool'), biasType],
  SoftmaxOptions: [f('beta', 'f32')],
  ConcatenationOptions: [f('axis', 'i32'), activation],
  AddOptions: [activation, f('pot_scale_int16', 'bool', { dflt: true })],
  SubOptions: [activation, f('pot_scale_int16', 'bool', { dflt: true })],
  MulOptions: [activation],
  DivOptions: [activation],
  L2NormOptions: [activation],
  ReshapeOptions: [f('new_shape', 'i32[]')],
  SqueezeOptions: [f('squeeze_dims', 'i32[]')],
  ReducerOptions: [f('keep_dims', 'bool')],
  ResizeBilinearOptions: [deprecated('new_height'), deprecated('new_width'), f('align_corners', 'bool'), f('half_pixel_centers', 'bool')],
  ResizeNearestNeighborOptions: [f('align_corners', 'bool'), f('half_pixel_centers', 'bool')],
  LeakyReluOptions: [f('alpha', 'f32')],
  StridedSliceOptions: [f('begin_mask', 'i32'), f('end_mask', 'i32'), f('ellipsis_mask', 'i32'), f('new_axis_mask', 'i32'),
    f('shrink_axis_mask', 'i32'), f('offset', 'bool')],
  GatherOptions: [f('axis', 'i32'), f('batch_dims', 'i32')],
  PackOptions: [f('values_count', 'i32'), f('axis', 'i32')],
  UnpackOptions: [f('num', 'i32'), f('axis', 'i32')],
  SplitOptions: [f('num_splits', 'i32')],
  SplitVOptions: [f('num_splits', 'i32')],
  SpaceToDepthOptions: [f('block_size', 'i32')],
  DepthToSpaceOptions: [f('block_size', 'i32')],
  TransposeConvOptions: [padding, f('stride_w', 'i32'), f('stride_h', 'i32'), activation, biasType],
  CastOptions: [f('in_data_type', 'i8', { enumNames: TENSOR_TYPES }), f('out_data_type', 'i8', { enumNames: TENSOR_TYPES })],
  ArgMaxOptions: [f('output_type', 'i8', { enumNames: TENSOR_TYPES })],
  ArgMinOptions: [f('output_type', 'i8', { enumNames: TENSOR_TYPES })],
  ShapeOptions: [f('out_type', 'i8', { enumNames: TENSOR_TYPES })],
  MirrorPadOptions: [f('mode', 'i8', { enumNames: ['REFLECT', 'SYMMETRIC'] })],
  GeluOptions: [f('approximate', 'bool')],
  BatchMatMulOptions: [f('adj_x', 'bool'), f('adj_y', 'bool'), f('asymmetric_quantize_inputs', 'bool')],
  // Tables without fields: listed so the writer can emit them.
  PadOptions: [], PadV2Options: [], QuantizeOptions: [], DequantizeOptions: [], HardSwishOptions: [], TransposeOptions: [],
  MaximumMinimumOptions: [], ExpOptions: [], LogSoftmaxOptions: [], ExpandDimsOptions: [], SliceOptions: [], TileOptions: [],
  SquaredDifferenceOptions: [], AbsOptions: [], NegOptions: [], SquareOptions: [], SpaceToBatchNDOptions: [], BatchToSpaceNDOptions: [],
};

/** Decodes a known options table; unknown tables give {} (their name is still reported). */
export function decodeOptions(typeName: string, table: Table | null): OperatorOptions {
  const fields = OPTION_TABLES[typeName];
  const out: OperatorOptions = {};
  if (!fields || !table) return out;
  fields.forEach((field, slot) => {
    if (field.deprecated) return;
    out[field.name] = readField(table, slot, field);
  });
  return out;
}

function readField(table: Table, slot: number, field: OptionField): number | string | boolean | number[] {
  const dflt = field.dflt;
  switch (field.kind) {
    case 'bool':
      return table.bool(slot, dflt === true);
    case 'f32':
      return table.f32(slot, typeof dflt === 'number' ? dflt : 0);
    case 'i32[]':
      return table.i32s(slot, field.name);
    case 'i64':
      return table.i64(slot, typeof dflt === 'number' ? dflt : 0);
    case 'u32':
      return table.u32(slot, typeof dflt === 'number' ? dflt : 0);
    case 'i32':
      return table.i32(slot, typeof dflt === 'number' ? dflt : 0);
    case 'i8': {
      const v = table.i8(slot, typeof dflt === 'number' ? dflt : 0);
      return field.enumNames?.[v] ?? v;
    }
  }
}
