// TFLite metadata: the 'TFLITE_METADATA' buffer (a second FlatBuffer, identifier "M001", schema
// tensorflow_lite_support/metadata/metadata_schema.fbs) and the zip of associated files
// (labels.txt...) that the metadata populator appends after the model.
import { unzipSync } from 'fflate';
import { FlatBuffer, type Table } from './flat.ts';
import type { AssociatedFileInfo, AssociatedFileType, ModelMetadata, TensorMetadataInfo } from './types.ts';

const FILE_TYPES: readonly AssociatedFileType[] = [
  'UNKNOWN', 'DESCRIPTIONS', 'TENSOR_AXIS_LABELS', 'TENSOR_VALUE_LABELS', 'TENSOR_AXIS_SCORE_CALIBRATION', 'VOCABULARY',
];
const CONTENT_TYPES = [undefined, 'feature', 'image', 'bounding-box'] as const;
const COLOR_SPACES = ['UNKNOWN', 'RGB', 'GRAYSCALE'];
/** ProcessUnitOptions union tag of NormalizationOptions. */
const NORMALIZATION_OPTIONS = 1;

// Slots (field order) of the metadata schema's tables.
const ModelMetadataF = { name: 0, description: 1, version: 2, subgraph_metadata: 3, author: 4, license: 5, associated_files: 6, min_parser_version: 7 };
const SubGraphMetadataF = { name: 0, description: 1, input_tensor_metadata: 2, output_tensor_metadata: 3, associated_files: 4 };
const TensorMetadataF = { name: 0, description: 1, dimension_names: 2, content: 3, process_units: 4, stats: 5, associated_files: 6 };
const AssociatedFileF = { name: 0, description: 1, type: 2, locale: 3 };
const ContentF = { content_properties_type: 0, content_properties: 1, range: 2 };
const ImagePropertiesF = { color_space: 0, default_size: 1 };
const ProcessUnitF = { options_type: 0, options: 1 };
const NormalizationOptionsF = { mean: 0, std: 1 };
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
  };
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
  const content = t.table(TensorMetadataF.content, 'content');
  if (content) {
    const tag = content.u8(ContentF.content_properties_type);
    info.content = CONTENT_TYPES[tag];
    const props = content.table(ContentF.content_properties, 'content properties');
    if (info.content === 'image' && props) info.colorSpace = COLOR_SPACES[props.i8(ImagePropertiesF.color_space)] ?? 'UNKNOWN';
  }
  for (const unit of t.tables(TensorMetadataF.process_units, 'process units')) {
    if (unit.u8(ProcessUnitF.options_type) !== NORMALIZATION_OPTIONS) continue;
    const options = unit.table(ProcessUnitF.options, 'normalization options');
    if (options) info.normalization = { mean: options.f32s(NormalizationOptionsF.mean, 'mean'), std: options.f32s(NormalizationOptionsF.std, 'std') };
  }
  const stats = t.table(TensorMetadataF.stats, 'stats');
  if (stats) info.stats = { min: stats.f32s(StatsF.min, 'min'), max: stats.f32s(StatsF.max, 'max') };
  return info;
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
