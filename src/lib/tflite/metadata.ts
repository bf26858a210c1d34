// TFLite metadata: the 'TFLITE_METADATA' buffer (a second FlatBuffer, identifier "M001", schema
// tensorflow_lite_support/metadata/metadata_schema.fbs) and the zip of associated files
// (labels.txt...) that the metadata populator appends after the model.
import { unzipSync } from 'fflate';
import { FlatBuffer, type Table } from './flat.ts';
import type { AssociatedFileInfo, AssociatedFileType, ModelMetadata, TensorMetadataInfo, TokenizerInfo } from './types.ts';

const FILE_TYPES: readonly AssociatedFileType[] = [
  'UNKNOWN', 'DESCRIPTIONS', 'TENSOR_AXIS_LABELS', 'TENSOR_VALUE_LABELS', 'TENSOR_AXIS_SCORE_CALIBRATION', 'VOCABULARY',
  'SCANN_INDEX_FILE',
];
/** ContentProperties union tags, in schema order (0 = NONE). */
const CONTENT_TYPES = [undefined, 'feature', 'image', 'bounding-box', 'audio'] as const;
const COLOR_SPACES = ['UNKNOWN', 'RGB', 'GRAYSCALE'];
const BOX_TYPES = ['UNKNOWN', 'BOUNDARIES', 'UPPER_LEFT', 'CENTER'] as const;
const COORDINATE_TYPES = ['RATIO', 'PIXEL'] as const;
const SCORE_TRANSFORMS = ['IDENTITY', 'LOG', 'INVERSE_LOGISTIC'] as const;
/** ProcessUnitOptions union tags. */
const Unit = { normalization: 1, scoreCalibration: 2, scoreThresholding: 3, bert: 4, sentencePiece: 5, regex: 6 };

// Slots (field order) of the metadata schema's tables.
const ModelMetadataF = { name: 0, description: 1, version: 2, subgraph_metadata: 3, author: 4, license: 5, associated_files: 6, min_parser_version: 7 };
const SubGraphMetadataF = { name: 0, description: 1, input_tensor_metadata: 2, output_tensor_metadata: 3, associated_files: 4, input_process_units: 5 };
const TensorMetadataF = { name: 0, description: 1, dimension_names: 2, content: 3, process_units: 4, stats: 5, associated_files: 6 };
const AssociatedFileF = { name: 0, description: 1, type: 2, locale: 3 };
const ContentF = { content_properties_type: 0, content_properties: 1, range: 2 };
const ImagePropertiesF = { color_space: 0, default_size: 1 };
const ImageSizeF = { width: 0, height: 1 };
const AudioPropertiesF = { sample_rate: 0, channels: 1 };
const BoundingBoxPropertiesF = { index: 0, type: 1, coordinate_type: 2 };
const ValueRangeF = { min: 0, max: 1 };
const ProcessUnitF = { options_type: 0, options: 1 };
const NormalizationOptionsF = { mean: 0, std: 1 };
const ScoreCalibrationOptionsF = { score_transformation: 0, default_score: 1 };
const ScoreThresholdingOptionsF = { global_score_threshold: 0 };
const BertTokenizerOptionsF = { vocab_file: 0 };
const SentencePieceTokenizerOptionsF = { sentencePiece_model: 0, vocab_file: 1 };
const RegexTokenizerOptionsF = { delim_regex_pattern: 0, vocab_file: 1 };
const StatsF = { max: 0, min: 1 };

/** Parses the ModelMetadata FlatBuffer; throws TfliteParseError on a broken one. */
export function parseModelMetadata(bytes: Uint8Array, associatedFiles: Record<string, Uint8Array>): ModelMetadata {
  const root = new FlatBuffer(bytes).root('M001');
  const subgraphs = root.tables(ModelMetadataF.subgraph_metadata, 'subgraph metadata');
  const main = subgraphs[0];
  const inputs = main ? main.tables(SubGraphMetadataF.input_tensor_metadata, 'input tensor metadata').map(readTensorMetadata) : [];
  const outputs = main ? main.tables(SubGraphMetadataF.output_tensor_metadata, 'output tensor metadata').map(readTensorMetadata) : [];
  const fileInfo = [
    ...root.tables(ModelMetadataF.associated_files, 'associated files').map(readAssociatedFile),
    ...subgraphs.flatMap((sg) => sg.tables(SubGraphMetadataF.associated_files, 'associated files').map(readAssociatedFile)),
    ...inputs.flatMap((t) => t.associatedFiles),
    ...outputs.flatMap((t) => t.associatedFiles),
  ];
  const inputNormalization = inputs.flatMap((t) => (t.normalization ? [t.normalization] : []));
  const inputTokenizers = main
    ? main.tables(SubGraphMetadataF.input_process_units, 'input process units').flatMap((u) => {
        const tokenizer = readTokenizer(u);
        return tokenizer ? [tokenizer] : [];
      })
    : [];
  return {
    name: root.string(ModelMetadataF.name, 'name') ?? undefined,
    description: root.string(ModelMetadataF.description, 'description') ?? undefined,
    version: root.string(ModelMetadataF.version, 'version') ?? undefined,
    author: root.string(ModelMetadataF.author, 'author') ?? undefined,
    license: root.string(ModelMetadataF.license, 'license') ?? undefined,
    minParserVersion: root.string(ModelMetadataF.min_parser_version, 'min parser version') ?? undefined,
    inputNormalization: inputNormalization.length ? inputNormalization : undefined,
    associatedFiles,
    inputs,
    outputs,
    associatedFileInfo: fileInfo,
    inputTokenizers,
  };
}

function fileNames(t: Table, slot: number): string[] {
  return t.tables(slot, 'tokenizer files').map((f) => readAssociatedFile(f).name);
}

/** The tokenizer a process unit declares, or null when it declares something else. */
function readTokenizer(unit: Table): TokenizerInfo | null {
  const tag = unit.u8(ProcessUnitF.options_type);
  const options = unit.table(ProcessUnitF.options, 'process unit options');
  if (!options) return null;
  if (tag === Unit.bert) return { kind: 'bert', files: fileNames(options, BertTokenizerOptionsF.vocab_file) };
  if (tag === Unit.sentencePiece) {
    return {
      kind: 'sentencepiece',
      files: [...fileNames(options, SentencePieceTokenizerOptionsF.sentencePiece_model), ...fileNames(options, SentencePieceTokenizerOptionsF.vocab_file)],
    };
  }
  if (tag === Unit.regex) {
    return {
      kind: 'regex',
      files: fileNames(options, RegexTokenizerOptionsF.vocab_file),
      pattern: options.string(RegexTokenizerOptionsF.delim_regex_pattern, 'regex pattern') ?? undefined,
    };
  }
  return null;
}

function readAssociatedFile(t: Table): AssociatedFileInfo {
  return {
    name: t.string(AssociatedFileF.name, 'file name') ?? '',
    description: t.string(AssociatedFileF.description, 'file description') ?? undefined,
    type: FILE_TYPES[t.i8(AssociatedFileF.type)] ?? 'UNKNOWN',
    locale: t.string(AssociatedFileF.locale, 'locale') ?? undefined,
  };
}

function readTensorMetadata(t: Table): TensorMetadataInfo {
  const info: TensorMetadataInfo = {
    name: t.string(TensorMetadataF.name, 'tensor name') ?? undefined,
    description: t.string(TensorMetadataF.description, 'tensor description') ?? undefined,
    associatedFiles: t.tables(TensorMetadataF.associated_files, 'associated files').map(readAssociatedFile),
  };
  const dimensionNames = t.strings(TensorMetadataF.dimension_names, 'dimension names');
  if (dimensionNames.length) info.dimensionNames = dimensionNames;
  const content = t.table(TensorMetadataF.content, 'content');
  if (content) readContent(content, info);
  for (const unit of t.tables(TensorMetadataF.process_units, 'process units')) {
    const tag = unit.u8(ProcessUnitF.options_type);
    const options = unit.table(ProcessUnitF.options, 'process unit options');
    if (!options) continue;
    if (tag === Unit.normalization) {
      info.normalization = { mean: options.f32s(NormalizationOptionsF.mean, 'mean'), std: options.f32s(NormalizationOptionsF.std, 'std') };
    } else if (tag === Unit.scoreCalibration) {
      info.scoreCalibration = {
        transformation: SCORE_TRANSFORMS[options.i8(ScoreCalibrationOptionsF.score_transformation)] ?? 'IDENTITY',
        defaultScore: options.f32(ScoreCalibrationOptionsF.default_score),
      };
    } else if (tag === Unit.scoreThresholding) {
      info.scoreThreshold = options.f32(ScoreThresholdingOptionsF.global_score_threshold);
    } else {
      info.tokenizer = readTokenizer(unit) ?? undefined;
    }
  }
  const stats = t.table(TensorMetadataF.stats, 'stats');
  if (stats) info.stats = { min: stats.f32s(StatsF.min, 'min'), max: stats.f32s(StatsF.max, 'max') };
  return info;
}

function readContent(content: Table, info: TensorMetadataInfo): void {
  info.content = CONTENT_TYPES[content.u8(ContentF.content_properties_type)];
  const props = content.table(ContentF.content_properties, 'content properties');
  if (props && info.content === 'image') {
    info.colorSpace = COLOR_SPACES[props.i8(ImagePropertiesF.color_space)] ?? 'UNKNOWN';
    const size = props.table(ImagePropertiesF.default_size, 'default image size');
    if (size) info.imageSize = { width: size.u32(ImageSizeF.width), height: size.u32(ImageSizeF.height) };
  } else if (props && info.content === 'audio') {
    info.audio = { sampleRate: props.u32(AudioPropertiesF.sample_rate), channels: props.u32(AudioPropertiesF.channels) };
  } else if (props && info.content === 'bounding-box') {
    info.boundingBox = {
      index: props.u32s(BoundingBoxPropertiesF.index, 'box index'),
      type: BOX_TYPES[props.i8(BoundingBoxPropertiesF.type)] ?? 'UNKNOWN',
      coordinateType: COORDINATE_TYPES[props.i8(BoundingBoxPropertiesF.coordinate_type)] ?? 'RATIO',
    };
  }
  const range = content.table(ContentF.range, 'value range');
  if (range) info.range = { min: range.i32(ValueRangeF.min), max: range.i32(ValueRangeF.max) };
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_DIR_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
/** Largest associated file we inflate: guards against a corrupted size field asking for gigabytes. */
const MAX_ASSOCIATED_FILE = 64 * 1024 * 1024;

/**
 * Finds the zip appended to the model by its end-of-central-directory record and returns its files
 * (views/copies made by fflate), or null when the file has no zip. Throws on a broken zip.
 */
export function readAppendedZip(bytes: Uint8Array): Record<string, Uint8Array> | null {
  const zip = appendedZip(bytes);
  if (!zip) return null;
  return unzipSync(zip, {
    filter: (file) => file.originalSize <= MAX_ASSOCIATED_FILE && file.size <= bytes.length,
  });
}

/** The bytes of the zip appended after the FlatBuffer (self-contained: its offsets start at its first byte), or null. */
export function appendedZip(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - 0xffff);
  for (let pos = bytes.length - EOCD_SIZE; pos >= lowest; pos--) {
    if (view.getUint32(pos, true) !== EOCD_SIGNATURE) continue;
    // A real record's comment runs exactly to the end of the file.
    if (pos + EOCD_SIZE + view.getUint16(pos + 20, true) !== bytes.length) continue;
    const cdSize = view.getUint32(pos + 12, true);
    const cdOffset = view.getUint32(pos + 16, true);
    const cdStart = pos - cdSize;
    if (cdStart < 0 || cdSize < 4 || view.getUint32(cdStart, true) !== CENTRAL_DIR_SIGNATURE) continue;
    // Offsets inside the zip are relative to where the zip begins (after the model).
    const zipStart = cdStart - cdOffset;
    if (zipStart < 0) throw new Error('the appended zip records offsets outside the file');
    return bytes.subarray(zipStart);
  }
  return null;
}
