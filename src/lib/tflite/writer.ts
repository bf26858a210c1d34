// Writes a .tflite FlatBuffer with the `flatbuffers` Builder, using the same field slots as the
// reader (schema.ts, options.ts). Output depends only on the input: same model in, same bytes out.
import { Builder } from 'flatbuffers';
import { builtinOptionsTag, PLACEHOLDER_FOR_GREATER_OP_CODES } from './opcodes.ts';
import { OPTION_TABLES, TENSOR_TYPES, type OptionField } from './options.ts';
import {
  BufferF, FILE_IDENTIFIER, MetadataF, ModelF, OperatorCodeF, OperatorF, QuantizationF, SignatureDefF, SubGraphF,
  TensorF, TensorMapF,
} from './schema.ts';
import type { OperatorOptions, SignatureDef, TensorQuantization, TfliteDtype } from './types.ts';

export interface WritableTensor {
  name: string;
  shape: number[];
  dtype: TfliteDtype;
  /** Index into WritableModel.buffers (0 = no data). */
  buffer: number;
  quantization: TensorQuantization | null;
  isVariable: boolean;
  shapeSignature: number[] | null;
}

export interface WritableOperator {
  opcodeIndex: number;
  inputs: number[];
  outputs: number[];
  /** Builtin options table name ('Conv2DOptions'), or 'NONE'. */
  optionsType: string;
  options: OperatorOptions;
}

export interface WritableSubgraph {
  name: string;
  tensors: WritableTensor[];
  inputs: number[];
  outputs: number[];
  operators: WritableOperator[];
}

export interface WritableModel {
  version: number;
  description: string;
  operatorCodes: { builtinCode: number; customCode: string | null; version: number }[];
  subgraphs: WritableSubgraph[];
  /** Entry 0 must be the empty sentinel (null). */
  buffers: (Uint8Array | null)[];
  metadata: { name: string; buffer: number }[];
  signatureDefs: SignatureDef[];
}

/** BuiltinOperator CUSTOM. */
const CUSTOM_OP = 32;

export class TfliteWriteError extends Error {
  override name = 'TfliteWriteError';
}

/** Tables hold offsets to children, so children are written first (FlatBuffers builds back to front). */
export function writeTflite(model: WritableModel): Uint8Array {
  const dataBytes = model.buffers.reduce((n, b) => n + (b?.length ?? 0), 0);
  const b = new Builder(dataBytes + 64 * 1024);

  // Weight data first: they are the bulk, each aligned to 16 bytes as the schema asks (force_align).
  const bufferOffsets = model.buffers.map((data) => {
    let dataOffset = 0;
    if (data && data.length > 0) {
      b.prep(16, data.length);
      dataOffset = b.createByteVector(data);
    }
    b.startObject(3);
    if (dataOffset) b.addFieldOffset(BufferF.data, dataOffset, 0);
    return b.endObject();
  });
  const buffersVec = createOffsetVector(b, bufferOffsets);

  const codesVec = createOffsetVector(b, model.operatorCodes.map((code) => {
    const custom = code.customCode !== null ? b.createString(code.customCode) : 0;
    b.startObject(4);
    b.addFieldInt8(OperatorCodeF.deprecated_builtin_code, Math.min(code.builtinCode, PLACEHOLDER_FOR_GREATER_OP_CODES), 0);
    if (custom) b.addFieldOffset(OperatorCodeF.custom_code, custom, 0);
    b.addFieldInt32(OperatorCodeF.version, code.version, 1);
    b.addFieldInt32(OperatorCodeF.builtin_code, code.builtinCode, 0);
    return b.endObject();
  }));

  const subgraphsVec = createOffsetVector(b, model.subgraphs.map((sg) => writeSubgraph(b, sg)));
  const description = b.createString(model.description);

  const metadataVec = createOffsetVector(b, model.metadata.map((m) => {
    const name = b.createString(m.name);
    b.startObject(2);
    b.addFieldOffset(MetadataF.name, name, 0);
    b.addFieldInt32(MetadataF.buffer, m.buffer, 0);
    return b.endObject();
  }));

  const signaturesVec = createOffsetVector(b, model.signatureDefs.map((sig) => {
    const tensorMap = (entries: { name: string; tensorIndex: number }[]) => createOffsetVector(b, entries.map((e) => {
      const name = b.createString(e.name);
      b.startObject(2);
      b.addFieldOffset(TensorMapF.name, name, 0);
      b.addFieldInt32(TensorMapF.tensor_index, e.tensorIndex, 0);
      return b.endObject();
    }));
    const inputs = tensorMap(sig.inputs);
    const outputs = tensorMap(sig.outputs);
    const key = b.createString(sig.key);
    b.startObject(5);
    b.addFieldOffset(SignatureDefF.inputs, inputs, 0);
    b.addFieldOffset(SignatureDefF.outputs, outputs, 0);
    b.addFieldOffset(SignatureDefF.signature_key, key, 0);
    b.addFieldInt32(SignatureDefF.subgraph_index, sig.subgraphIndex, 0);
    return b.endObject();
  }));

  b.startObject(8);
  b.addFieldInt32(ModelF.version, model.version, 0);
  b.addFieldOffset(ModelF.operator_codes, codesVec, 0);
  b.addFieldOffset(ModelF.subgraphs, subgraphsVec, 0);
  b.addFieldOffset(ModelF.description, description, 0);
  b.addFieldOffset(ModelF.buffers, buffersVec, 0);
  if (model.metadata.length) b.addFieldOffset(ModelF.metadata, metadataVec, 0);
  if (model.signatureDefs.length) b.addFieldOffset(ModelF.signature_defs, signaturesVec, 0);
  b.finish(b.endObject(), FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}

function writeSubgraph(b: Builder, sg: WritableSubgraph): number {
  const tensors = createOffsetVector(b, sg.tensors.map((t) => writeTensor(b, t)));
  const inputs = createInt32Vector(b, sg.inputs);
  const outputs = createInt32Vector(b, sg.outputs);
  const operators = createOffsetVector(b, sg.operators.map((op) => writeOperator(b, op)));
  const name = b.createString(sg.name);
  b.startObject(5);
  b.addFieldOffset(SubGraphF.tensors, tensors, 0);
  b.addFieldOffset(SubGraphF.inputs, inputs, 0);
  b.addFieldOffset(SubGraphF.outputs, outputs, 0);
  b.addFieldOffset(SubGraphF.operators, operators, 0);
  b.addFieldOffset(SubGraphF.name, name, 0);
  return b.endObject();
}

function writeTensor(b: Builder, t: WritableTensor): number {
  const typeCode = TENSOR_TYPES.indexOf(t.dtype);
  if (typeCode < 0) throw new TfliteWriteError(`Tensor "${t.name}" has unknown type ${t.dtype}.`);
  const shape = createInt32Vector(b, t.shape);
  const name = b.createString(t.name);
  const quantization = t.quantization ? writeQuantization(b, t.quantization) : 0;
  const signature = t.shapeSignature ? createInt32Vector(b, t.shapeSignature) : 0;
  b.startObject(8);
  b.addFieldOffset(TensorF.shape, shape, 0);
  b.addFieldInt8(TensorF.type, typeCode, 0);
  b.addFieldInt32(TensorF.buffer, t.buffer, 0);
  b.addFieldOffset(TensorF.name, name, 0);
  if (quantization) b.addFieldOffset(TensorF.quantization, quantization, 0);
  b.addFieldInt8(TensorF.is_variable, t.isVariable ? 1 : 0, 0);
  if (signature) b.addFieldOffset(TensorF.shape_signature, signature, 0);
  return b.endObject();
}

function writeQuantization(b: Builder, q: TensorQuantization): number {
  const min = q.min ? createFloat32Vector(b, q.min) : 0;
  const max = q.max ? createFloat32Vector(b, q.max) : 0;
  const scale = createFloat32Vector(b, q.scale);
  b.startVector(8, q.zeroPoint.length, 8);
  for (let i = q.zeroPoint.length - 1; i >= 0; i--) b.addInt64(BigInt(q.zeroPoint[i]!));
  const zeroPoint = b.endVector();
  b.startObject(7);
  if (min) b.addFieldOffset(QuantizationF.min, min, 0);
  if (max) b.addFieldOffset(QuantizationF.max, max, 0);
  b.addFieldOffset(QuantizationF.scale, scale, 0);
  b.addFieldOffset(QuantizationF.zero_point, zeroPoint, 0);
  b.addFieldInt32(QuantizationF.quantized_dimension, q.axis, 0);
  return b.endObject();
}

function writeOperator(b: Builder, op: WritableOperator): number {
  const inputs = createInt32Vector(b, op.inputs);
  const outputs = createInt32Vector(b, op.outputs);
  const options = op.optionsType === 'NONE' ? 0 : writeOptions(b, op.optionsType, op.options);
  b.startObject(5);
  b.addFieldInt32(OperatorF.opcode_index, op.opcodeIndex, 0);
  b.addFieldOffset(OperatorF.inputs, inputs, 0);
  b.addFieldOffset(OperatorF.outputs, outputs, 0);
  if (options) {
    b.addFieldInt8(OperatorF.builtin_options_type, builtinOptionsTag(op.optionsType), 0);
    b.addFieldOffset(OperatorF.builtin_options, options, 0);
  }
  return b.endObject();
}

function writeOptions(b: Builder, typeName: string, values: OperatorOptions): number {
  const fields = OPTION_TABLES[typeName];
  if (!fields) throw new TfliteWriteError(`Writing ${typeName} is not supported.`);
  // Vectors are children: they must exist before the table starts.
  const vectors = fields.map((field) => {
    const v = values[field.name];
    return field.kind === 'i32[]' && Array.isArray(v) && !field.deprecated ? createInt32Vector(b, v) : 0;
  });
  b.startObject(fields.length);
  fields.forEach((field, slot) => {
    if (field.deprecated) return;
    const value = values[field.name];
    if (value === undefined) return;
    writeField(b, slot, field, value, vectors[slot] ?? 0, typeName);
  });
  return b.endObject();
}

function writeField(b: Builder, slot: number, field: OptionField, value: OperatorOptions[string], vector: number, table: string): void {
  const dflt = typeof field.dflt === 'number' ? field.dflt : field.dflt ? 1 : 0;
  switch (field.kind) {
    case 'i32[]':
      if (vector) b.addFieldOffset(slot, vector, 0);
      return;
    case 'bool':
      b.addFieldInt8(slot, value === true ? 1 : 0, dflt);
      return;
    case 'f32':
      b.addFieldFloat32(slot, Number(value), dflt);
      return;
    case 'i64':
      b.addFieldInt64(slot, BigInt(Number(value)), BigInt(dflt));
      return;
    case 'i32':
    case 'u32':
      b.addFieldInt32(slot, Number(value), dflt);
      return;
    case 'i8': {
      const code = typeof value === 'string' ? (field.enumNames ?? []).indexOf(value) : Number(value);
      if (code < 0) throw new TfliteWriteError(`${table}.${field.name} has unknown value ${String(value)}.`);
      b.addFieldInt8(slot, code, dflt);
    }
  }
}

function createOffsetVector(b: Builder, offsets: number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

function createInt32Vector(b: Builder, values: readonly number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  return b.endVector();
}

function createFloat32Vector(b: Builder, values: readonly number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]!);
  return b.endVector();
}

/**
 * The writer's input for an unchanged copy of a parsed model: one buffer per constant tensor,
 * then one per metadata entry. Parsed fields the reader does not keep (custom options,
 * sparsity, intermediates) are not carried over, so such models are refused.
 */
export function toWritableModel(model: import('./types.ts').TfliteModel): WritableModel {
  const buffers: (Uint8Array | null)[] = [null];
  const subgraphs = model.subgraphs.map((sg): WritableSubgraph => ({
    name: sg.name,
    inputs: sg.inputs,
    outputs: sg.outputs,
    operators: sg.operators.map((op) => {
      if (op.builtinCode === CUSTOM_OP) {
        throw new TfliteWriteError(`Operator ${op.index} (${op.opcode}) is a custom op; custom options are not carried over.`);
      }
      return { opcodeIndex: op.opcodeIndex, inputs: op.inputs, outputs: op.outputs, optionsType: op.optionsType, options: op.options };
    }),
    tensors: sg.tensors.map((t) => {
      if (t.sparse) throw new TfliteWriteError(`Tensor "${t.name}" is sparse; sparse tensors are not supported.`);
      return writableTensor(t, buffers);
    }),
  }));
  const metadata = metadataEntries(model.metadataBuffers, buffers);
  return {
    version: model.version,
    description: model.description,
    operatorCodes: model.operatorCodes.map((c) => ({ builtinCode: c.builtinCode, customCode: c.customCode, version: c.version })),
    subgraphs,
    buffers,
    metadata,
    signatureDefs: model.signatureDefs,
  };
}

type TensorFields = Pick<import('./types.ts').TfliteTensor, 'name' | 'shape' | 'dtype' | 'data' | 'quantization' | 'isVariable' | 'shapeSignature'>;

/** A tensor for the writer; its constant data (if any) is appended to `buffers`. */
export function writableTensor(t: TensorFields, buffers: (Uint8Array | null)[]): WritableTensor {
  let buffer = 0;
  if (t.data && t.data.byteLength > 0) {
    buffer = buffers.length;
    buffers.push(t.data);
  }
  return { name: t.name, shape: t.shape, dtype: t.dtype, buffer, quantization: t.quantization, isVariable: t.isVariable, shapeSignature: t.shapeSignature };
}

/** Metadata entries (name -> bytes), each appended to `buffers`. */
export function metadataEntries(metadata: Record<string, Uint8Array>, buffers: (Uint8Array | null)[]): WritableModel['metadata'] {
  return Object.entries(metadata).map(([name, data]) => {
    buffers.push(data);
    return { name, buffer: buffers.length - 1 };
  });
}
