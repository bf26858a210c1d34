// Reads a .tflite file (a FlatBuffer with identifier "TFL3") into a plain TfliteModel.
// Every offset is bounds-checked (see flat.ts); weight bytes are views into `bytes`, never copies.
import { FlatBuffer, type Table } from './flat.ts';
import { parseModelMetadata, readAppendedZip } from './metadata.ts';
import { builtinOperatorName, builtinOptionsName } from './opcodes.ts';
import { decodeOptions, TENSOR_TYPES } from './options.ts';
import {
  BufferF, FILE_IDENTIFIER, MetadataF, ModelF, OperatorCodeF, OperatorF, QuantizationF, SignatureDefF, SubGraphF,
  TensorF, TensorMapF, TFLITE_METADATA,
} from './schema.ts';
import {
  TfliteParseError, type ModelMetadata, type OperatorCode, type SignatureDef, type TensorQuantization, type TfliteDtype,
  type TfliteModel, type TfliteOperator, type TfliteSubgraph, type TfliteTensor,
} from './types.ts';

/** Files above this are refused before parsing (browsers and phones cannot hold much more). */
export const MAX_MODEL_BYTES = 512 * 1024 * 1024;

export interface ParseOptions {
  /** Size limit in bytes (default MAX_MODEL_BYTES). */
  maxBytes?: number;
}

/**
 * Parses a .tflite model. Throws TfliteParseError (with a machine-readable `code`) for anything
 * that is not a readable TFLite FlatBuffer: wrong identifier, truncation, offsets out of bounds.
 */
export function parseTflite(bytes: Uint8Array, options: ParseOptions = {}): TfliteModel {
  const maxBytes = options.maxBytes ?? MAX_MODEL_BYTES;
  if (bytes.length > maxBytes) {
    throw new TfliteParseError(`The file is ${bytes.length} bytes; the limit is ${maxBytes} bytes.`, 'too-large');
  }
  try {
    return readModel(bytes);
  } catch (error) {
    if (error instanceof TfliteParseError) throw error;
    // Anything else means a check is missing; still report it as a bad file, never crash the caller.
    throw new TfliteParseError(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`, 'malformed');
  }
}

function readModel(bytes: Uint8Array): TfliteModel {
  if (bytes.length < 8) throw new TfliteParseError(`The file is only ${bytes.length} bytes long.`, 'too-small');
  const fb = new FlatBuffer(bytes);
  const root = fb.root(FILE_IDENTIFIER);
  const warnings: string[] = [];

  const operatorCodes = root.tables(ModelF.operator_codes, 'operator codes').map(readOperatorCode);
  const buffers = root.tables(ModelF.buffers, 'buffers').map((b, i) => readBuffer(fb, b, i));
  const subgraphs = root.tables(ModelF.subgraphs, 'subgraphs').map((sg, i) => readSubgraph(sg, i, buffers, operatorCodes));

  const metadataBuffers: Record<string, Uint8Array> = {};
  for (const entry of root.tables(ModelF.metadata, 'metadata')) {
    const name = entry.string(MetadataF.name, 'name') ?? '';
    const index = entry.u32(MetadataF.buffer);
    if (index >= buffers.length) throw malformed(`Metadata "${name}" refers to buffer ${index}, but the model has ${buffers.length}.`);
    metadataBuffers[name] = buffers[index] ?? new Uint8Array(0);
  }

  const signatureDefs = root.tables(ModelF.signature_defs, 'signature defs').map((sig) => readSignature(sig, subgraphs));

  return {
    version: root.u32(ModelF.version),
    description: root.string(ModelF.description, 'description') ?? '',
    subgraphs,
    signatureDefs,
    metadataBuffers,
    metadata: readMetadata(bytes, metadataBuffers[TFLITE_METADATA], warnings),
    byteLength: bytes.length,
    operatorCodes,
    bufferCount: buffers.length,
    warnings,
  };
}

function readOperatorCode(t: Table): OperatorCode {
  // Old files only have the byte field; new ones put codes >= 127 in the int32 field.
  const builtinCode = Math.max(t.i8(OperatorCodeF.deprecated_builtin_code), t.i32(OperatorCodeF.builtin_code));
  const customCode = t.string(OperatorCodeF.custom_code, 'custom code');
  const name = customCode !== null && builtinCode === 32 ? customCode : builtinOperatorName(builtinCode);
  return { builtinCode, name, customCode, version: t.i32(OperatorCodeF.version, 1) };
}

function readBuffer(fb: FlatBuffer, t: Table, index: number): Uint8Array | null {
  const data = t.bytes(BufferF.data, `buffer ${index} data`);
  if (data && data.length > 0) return data;
  // Models over 2 GB keep data outside the FlatBuffer; offset is from the file start, valid if > 1.
  const offset = t.u64(BufferF.offset);
  const size = t.u64(BufferF.size);
  if (offset > 1) {
    fb.check(offset, size, `Buffer ${index} (stored after the FlatBuffer)`);
    return fb.bytes.subarray(offset, offset + size);
  }
  return null;
}

function readSubgraph(t: Table, index: number, buffers: (Uint8Array | null)[], codes: OperatorCode[]): TfliteSubgraph {
  const where = `subgraph ${index}`;
  const tensors = t.tables(SubGraphF.tensors, 'tensors').map((tensor, i) => readTensor(tensor, i, buffers));
  const tensorIndex = (i: number, what: string, optional: boolean): number => {
    if (i >= tensors.length || i < (optional ? -1 : 0)) {
      throw malformed(`${what} in ${where} refers to tensor ${i}, but there are ${tensors.length}.`);
    }
    return i;
  };
  const operators = t.tables(SubGraphF.operators, 'operators').map((op, i): TfliteOperator => {
    const opcodeIndex = op.u32(OperatorF.opcode_index);
    const code = codes[opcodeIndex];
    if (!code) throw malformed(`Operator ${i} in ${where} uses operator code ${opcodeIndex}, but there are ${codes.length}.`);
    const optionsType = builtinOptionsName(op.u8(OperatorF.builtin_options_type));
    return {
      index: i,
      opcode: code.name,
      opcodeIndex,
      builtinCode: code.builtinCode,
      version: code.version,
      inputs: op.i32s(OperatorF.inputs, 'inputs').map((x) => tensorIndex(x, `Operator ${i}`, true)),
      outputs: op.i32s(OperatorF.outputs, 'outputs').map((x) => tensorIndex(x, `Operator ${i}`, false)),
      optionsType,
      options: decodeOptions(optionsType, op.table(OperatorF.builtin_options, optionsType)),
    };
  });
  return {
    name: t.string(SubGraphF.name, 'name') ?? '',
    tensors,
    operators,
    inputs: t.i32s(SubGraphF.inputs, 'inputs').map((x) => tensorIndex(x, 'An input', false)),
    outputs: t.i32s(SubGraphF.outputs, 'outputs').map((x) => tensorIndex(x, 'An output', false)),
  };
}

function readTensor(t: Table, index: number, buffers: (Uint8Array | null)[]): TfliteTensor {
  const typeCode = t.i8(TensorF.type);
  const dtype = TENSOR_TYPES[typeCode] as TfliteDtype | undefined;
  if (!dtype) throw malformed(`Tensor ${index} has unknown type ${typeCode}.`);
  const bufferIndex = t.u32(TensorF.buffer);
  if (bufferIndex >= buffers.length) throw malformed(`Tensor ${index} refers to buffer ${bufferIndex}, but there are ${buffers.length}.`);
  const q = t.table(TensorF.quantization, 'quantization parameters');
  return {
    index,
    name: t.string(TensorF.name, 'name') ?? '',
    shape: t.i32s(TensorF.shape, 'shape'),
    dtype,
    bufferIndex,
    data: buffers[bufferIndex] ?? null,
    quantization: q ? readQuantization(q) : null,
    isVariable: t.bool(TensorF.is_variable),
    shapeSignature: t.has(TensorF.shape_signature) ? t.i32s(TensorF.shape_signature, 'shape signature') : null,
    sparse: t.has(TensorF.sparsity),
  };
}

function readQuantization(q: Table): TensorQuantization | null {
  const scale = q.f32s(QuantizationF.scale, 'scale');
  const zeroPoint = q.i64s(QuantizationF.zero_point, 'zero point');
  const min = q.f32s(QuantizationF.min, 'min');
  const max = q.f32s(QuantizationF.max, 'max');
  // Float tensors often carry a table without scales (at most a min/max range): not quantized.
  if (scale.length === 0) return null;
  const out: TensorQuantization = { scale, zeroPoint, axis: q.i32(QuantizationF.quantized_dimension) };
  if (min.length) out.min = min;
  if (max.length) out.max = max;
  return out;
}

function readSignature(t: Table, subgraphs: TfliteSubgraph[]): SignatureDef {
  const subgraphIndex = t.u32(SignatureDefF.subgraph_index);
  const subgraph = subgraphs[subgraphIndex];
  if (!subgraph) throw malformed(`A signature refers to subgraph ${subgraphIndex}, but there are ${subgraphs.length}.`);
  const map = (slot: number, what: string) =>
    t.tables(slot, what).map((m) => {
      const tensorIndex = m.u32(TensorMapF.tensor_index);
      if (tensorIndex >= subgraph.tensors.length) throw malformed(`Signature ${what} refers to tensor ${tensorIndex}.`);
      return { name: m.string(TensorMapF.name, 'name') ?? '', tensorIndex };
    });
  return {
    key: t.string(SignatureDefF.signature_key, 'signature key') ?? '',
    subgraphIndex,
    inputs: map(SignatureDefF.inputs, 'inputs'),
    outputs: map(SignatureDefF.outputs, 'outputs'),
  };
}

/** Metadata problems do not make the model unreadable: they become warnings. */
function readMetadata(bytes: Uint8Array, buffer: Uint8Array | undefined, warnings: string[]): ModelMetadata | null {
  if (!buffer) return null;
  let files: Record<string, Uint8Array> = {};
  try {
    files = readAppendedZip(bytes) ?? {};
  } catch (error) {
    warnings.push(`The zip of associated files appended to the model could not be read (${describe(error)}).`);
  }
  try {
    return parseModelMetadata(buffer, files);
  } catch (error) {
    warnings.push(`The TFLITE_METADATA entry could not be read (${describe(error)}).`);
    return null;
  }
}

function malformed(message: string): TfliteParseError {
  return new TfliteParseError(message, 'malformed');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- Small helpers for consumers ----

export function mainSubgraph(model: TfliteModel): TfliteSubgraph {
  const sg = model.subgraphs[0];
  if (!sg) throw new TfliteParseError('The model has no subgraph.', 'malformed');
  return sg;
}

export function tensorByName(model: TfliteModel, name: string, subgraph = 0): TfliteTensor | undefined {
  return model.subgraphs[subgraph]?.tensors.find((t) => t.name === name);
}

export function inputTensors(model: TfliteModel, subgraph = 0): TfliteTensor[] {
  const sg = model.subgraphs[subgraph];
  return sg ? sg.inputs.map((i) => sg.tensors[i]!) : [];
}

export function outputTensors(model: TfliteModel, subgraph = 0): TfliteTensor[] {
  const sg = model.subgraphs[subgraph];
  return sg ? sg.outputs.map((i) => sg.tensors[i]!) : [];
}

/** Count of each operator name in a subgraph, e.g. { CONV_2D: 15, DEPTHWISE_CONV_2D: 13 }. */
export function operatorHistogram(model: TfliteModel, subgraph = 0): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const op of model.subgraphs[subgraph]?.operators ?? []) counts[op.opcode] = (counts[op.opcode] ?? 0) + 1;
  return counts;
}

/**
 * The label list embedded in the metadata (the output's TENSOR_AXIS_LABELS file, preferring one
 * without a locale), one label per line; null when the model embeds none.
 */
export function embeddedLabels(model: TfliteModel): { file: string; labels: string[] } | null {
  const meta = model.metadata;
  if (!meta) return null;
  const candidates = (meta.associatedFileInfo ?? []).filter((f) => f.type === 'TENSOR_AXIS_LABELS' && meta.associatedFiles[f.name]);
  const chosen = candidates.find((f) => !f.locale) ?? candidates[0];
  if (!chosen) return null;
  const text = new TextDecoder().decode(meta.associatedFiles[chosen.name]);
  const labels = text.split(/\r?\n/);
  if (labels.at(-1) === '') labels.pop();
  return { file: chosen.name, labels };
}

export { constantTensorValues, dtypeByteSize, elementCount } from './dequantize.ts';
