// What the .tflite reader returns: a plain, read-only description of the model.
// Weight bytes are views into the original buffer (never copied).

export type TfliteDtype =
  | 'float32' | 'float16' | 'int32' | 'uint8' | 'int64' | 'string' | 'bool' | 'int16'
  | 'complex64' | 'int8' | 'float64' | 'complex128' | 'uint64' | 'resource' | 'variant'
  | 'uint32' | 'uint16' | 'int4' | 'bfloat16';

export interface TensorQuantization {
  scale: number[];
  zeroPoint: number[];
  /** Channel axis for per-channel quantization (`quantized_dimension`); 0 when per-tensor. */
  axis: number;
  min?: number[];
  max?: number[];
}

export interface TfliteTensor {
  index: number;
  name: string;
  shape: number[];
  dtype: TfliteDtype;
  /** Index into the model's buffers; 0 means no data (an activation). */
  bufferIndex: number;
  /** Constant data (weights/biases) as a view into the file, or null for activations. */
  data: Uint8Array | null;
  quantization: TensorQuantization | null;
  isVariable: boolean;
}

export interface TfliteOperator {
  index: number;
  /** Builtin operator name, e.g. 'CONV_2D', or the custom code for custom ops. */
  opcode: string;
  inputs: number[];
  outputs: number[];
  /** Options the site uses (e.g. stride, padding, fused activation), by name. */
  options: Record<string, number | string | boolean>;
}

export interface TfliteSubgraph {
  name: string;
  tensors: TfliteTensor[];
  operators: TfliteOperator[];
  inputs: number[];
  outputs: number[];
}

export interface SignatureDef {
  key: string;
  subgraphIndex: number;
  inputs: { name: string; tensorIndex: number }[];
  outputs: { name: string; tensorIndex: number }[];
}

export interface ModelMetadata {
  name?: string;
  description?: string;
  version?: string;
  author?: string;
  license?: string;
  /** Per-input normalisation from NormalizationOptions: real = (pixel - mean) / std. */
  inputNormalization?: { mean: number[]; std: number[] }[];
  /** Files of the zip appended to the model (e.g. labels.txt), by name. */
  associatedFiles: Record<string, Uint8Array>;
}

export interface TfliteModel {
  version: number;
  description: string;
  subgraphs: TfliteSubgraph[];
  signatureDefs: SignatureDef[];
  /** Raw metadata entries (name -> bytes view), e.g. 'TFLITE_METADATA', 'min_runtime_version'. */
  metadataBuffers: Record<string, Uint8Array>;
  metadata: ModelMetadata | null;
  byteLength: number;
}

export class TfliteParseError extends Error {
  override name = 'TfliteParseError';
  constructor(
    message: string,
    readonly code: 'too-small' | 'bad-identifier' | 'out-of-bounds' | 'malformed' | 'too-large',
  ) {
    super(message);
  }
}
