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
  /** `shape_signature` (-1 marks a dynamic dimension), or null when the file has none. */
  shapeSignature: number[] | null;
  /** True when the tensor carries sparsity parameters (stored compressed). */
  sparse: boolean;
}

/** Option values of an operator: numbers, enum names ('SAME', 'RELU6'), flags, int lists. */
export type OperatorOptions = Record<string, number | string | boolean | number[]>;

export interface OperatorCode {
  /** max(deprecated_builtin_code, builtin_code), as the runtime reads it. */
  builtinCode: number;
  /** Builtin name ('CONV_2D'), or the custom code for custom ops. */
  name: string;
  customCode: string | null;
  version: number;
}

export interface TfliteOperator {
  index: number;
  /** Builtin operator name, e.g. 'CONV_2D', or the custom code for custom ops. */
  opcode: string;
  inputs: number[];
  outputs: number[];
  /** Options the site uses (e.g. stride, padding, fused activation), by name. */
  options: OperatorOptions;
  /** Index into the model's operatorCodes. */
  opcodeIndex: number;
  /** BuiltinOperator number (32 = CUSTOM). */
  builtinCode: number;
  /** Operator version from its OperatorCode (kernels are chosen by op and version). */
  version: number;
  /** Name of the builtin options table, e.g. 'Conv2DOptions', or 'NONE'. */
  optionsType: string;
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
  minParserVersion?: string;
  /** Metadata of the main subgraph's inputs and outputs (same order as the subgraph's). */
  inputs?: TensorMetadataInfo[];
  outputs?: TensorMetadataInfo[];
  /** Every AssociatedFile entry the metadata declares (model, subgraph and tensor level). */
  associatedFileInfo?: AssociatedFileInfo[];
  /** Tokenizers declared for the whole subgraph's input (SubGraphMetadata.input_process_units). */
  inputTokenizers?: TokenizerInfo[];
}

/** A tokenizer the metadata declares (BertTokenizer, SentencePiece or Regex process unit). */
export interface TokenizerInfo {
  kind: 'bert' | 'sentencepiece' | 'regex';
  /** Names of the vocabulary (and SentencePiece model) files it uses. */
  files: string[];
  /** RegexTokenizerOptions.delim_regex_pattern. */
  pattern?: string;
}

export type AssociatedFileType =
  | 'UNKNOWN' | 'DESCRIPTIONS' | 'TENSOR_AXIS_LABELS' | 'TENSOR_VALUE_LABELS' | 'TENSOR_AXIS_SCORE_CALIBRATION' | 'VOCABULARY'
  | 'SCANN_INDEX_FILE';

export interface AssociatedFileInfo {
  name: string;
  description?: string;
  type: AssociatedFileType;
  locale?: string;
}

export interface TensorMetadataInfo {
  name?: string;
  description?: string;
  /** The ContentProperties union member, when given. */
  content?: 'feature' | 'image' | 'bounding-box' | 'audio';
  /** ImageProperties.color_space: 'RGB' | 'GRAYSCALE' | 'UNKNOWN'. */
  colorSpace?: string;
  /** ImageProperties.default_size (for inputs of dynamic size). */
  imageSize?: { width: number; height: number };
  /** AudioProperties. */
  audio?: { sampleRate: number; channels: number };
  /** BoundingBoxProperties: which of the last axis's 4 values is which, and their unit. */
  boundingBox?: { index: number[]; type: 'UNKNOWN' | 'BOUNDARIES' | 'UPPER_LEFT' | 'CENTER'; coordinateType: 'RATIO' | 'PIXEL' };
  /** Content.range: the dimensions the content spans (e.g. boxes over axis 1..2). */
  range?: { min: number; max: number };
  dimensionNames?: string[];
  /** ScoreCalibrationOptions (the calibration file is a TENSOR_AXIS_SCORE_CALIBRATION associated file). */
  scoreCalibration?: { transformation: 'IDENTITY' | 'LOG' | 'INVERSE_LOGISTIC'; defaultScore: number };
  /** ScoreThresholdingOptions.global_score_threshold. */
  scoreThreshold?: number;
  tokenizer?: TokenizerInfo;
  normalization?: { mean: number[]; std: number[] };
  stats?: { min: number[]; max: number[] };
  associatedFiles: AssociatedFileInfo[];
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
  /** OperatorCode table (operators refer to it by opcodeIndex). */
  operatorCodes: OperatorCode[];
  /** Number of entries in the model's buffers table (entry 0 is the empty sentinel). */
  bufferCount: number;
  /** Non-fatal problems found while reading (e.g. an unreadable appended zip). */
  warnings: string[];
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
