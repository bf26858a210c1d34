// Field slots (position in the table, 0-based) of the TFLite model schema subset the site reads
// and writes, taken from the public schema.fbs (tensorflow/compiler/mlir/lite/schema/schema.fbs).
// A union field takes two slots: its type tag, then the table.

export const FILE_IDENTIFIER = 'TFL3';

export const ModelF = {
  version: 0, operator_codes: 1, subgraphs: 2, description: 3, buffers: 4, metadata_buffer: 5, metadata: 6, signature_defs: 7,
} as const;

export const OperatorCodeF = { deprecated_builtin_code: 0, custom_code: 1, version: 2, builtin_code: 3 } as const;

export const SubGraphF = { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 } as const;

export const TensorF = {
  shape: 0, type: 1, buffer: 2, name: 3, quantization: 4, is_variable: 5, sparsity: 6, shape_signature: 7, has_rank: 8,
  variant_tensors: 9,
} as const;

export const QuantizationF = {
  min: 0, max: 1, scale: 2, zero_point: 3, details_type: 4, details: 5, quantized_dimension: 6,
} as const;

export const OperatorF = {
  opcode_index: 0, inputs: 1, outputs: 2, builtin_options_type: 3, builtin_options: 4, custom_options: 5,
  custom_options_format: 6, mutating_variable_inputs: 7, intermediates: 8, large_custom_options_offset: 9,
  large_custom_options_size: 10, builtin_options_2_type: 11, builtin_options_2: 12,
} as const;

export const BufferF = { data: 0, offset: 1, size: 2 } as const;

export const MetadataF = { name: 0, buffer: 1 } as const;

export const TensorMapF = { name: 0, tensor_index: 1 } as const;

export const SignatureDefF = { inputs: 0, outputs: 1, signature_key: 2, deprecated_tag: 3, subgraph_index: 4 } as const;

/** Name of the metadata entry that holds the TFLite Support metadata FlatBuffer. */
export const TFLITE_METADATA = 'TFLITE_METADATA';
