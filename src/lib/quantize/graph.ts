// An editable copy of a single-subgraph float model: tensors keep their indices (new ones are
// appended, as TFLite's quantizer does), operators name their op, and writing rebuilds the
// operator-code and buffer tables. Weight bytes stay views until a pass replaces them.
import { BUILTIN_OPERATORS } from '../tflite/opcodes.ts';
import { appendedZip } from '../tflite/metadata.ts';
import { OPTION_TABLES } from '../tflite/options.ts';
import { parseTflite } from '../tflite/reader.ts';
import { TfliteParseError, type OperatorOptions, type SignatureDef, type TensorQuantization, type TfliteDtype, type TfliteModel } from '../tflite/types.ts';
import { metadataEntries, writableTensor, writeTflite, type WritableModel } from '../tflite/writer.ts';
import { QuantizeError, type QuantizeMode } from './errors.ts';

export interface GraphTensor {
  name: string;
  shape: number[];
  dtype: TfliteDtype;
  data: Uint8Array | null;
  quantization: TensorQuantization | null;
  isVariable: boolean;
  shapeSignature: number[] | null;
}

export interface GraphOp {
  opcode: string;
  version: number;
  inputs: number[];
  outputs: number[];
  optionsType: string;
  options: OperatorOptions;
}

export interface Graph {
  tensors: GraphTensor[];
  operators: GraphOp[];
  inputs: number[];
  outputs: number[];
  /** Model-level data carried over unchanged. */
  description: string;
  version: number;
  subgraphName: string;
  metadata: Record<string, Uint8Array>;
  signatureDefs: SignatureDef[];
  /** The zip of associated files (labels...) appended after the FlatBuffer, carried over as is. */
  appendedZip: Uint8Array | null;
}

const CUSTOM = 'CUSTOM';

/**
 * Why no setting can rewrite this parsed model (one subgraph, builtin ops whose options the writer
 * copies, dense tensors), or null.
 */
function rewriteProblem(model: TfliteModel, mode: QuantizeMode): QuantizeError | null {
  if (model.subgraphs.length !== 1) {
    return new QuantizeError(`The model has ${model.subgraphs.length} subgraphs; only single-subgraph models can be quantized here.`, 'unsupported-model', mode);
  }
  const sg = model.subgraphs[0]!;
  for (const op of sg.operators) {
    if (op.builtinCode === 32) {
      return new QuantizeError(`Operator ${op.index} is the custom op ${op.opcode}; custom ops cannot be rewritten.`, 'custom-op', mode, op.opcode);
    }
    if (BUILTIN_OPERATORS.indexOf(op.opcode) !== op.builtinCode) {
      return new QuantizeError(`Operator ${op.index} has an unknown operator code ${op.builtinCode}.`, 'custom-op', mode, op.opcode);
    }
    if (op.optionsType !== 'NONE' && !OPTION_TABLES[op.optionsType]) {
      return new QuantizeError(`Operator ${op.index} (${op.opcode}) has ${op.optionsType}, which the writer cannot copy.`, 'custom-op', mode, op.opcode);
    }
  }
  const sparse = sg.tensors.find((t) => t.sparse);
  return sparse ? new QuantizeError(`Tensor "${sparse.name}" is sparse; sparse tensors are not supported.`, 'unsupported-model', mode) : null;
}

/** Parses and checks what every mode needs: one subgraph, builtin ops, dense tensors. */
export function readGraph(bytes: Uint8Array, mode: QuantizeMode): { graph: Graph; model: TfliteModel } {
  let model: TfliteModel;
  try {
    model = parseTflite(bytes);
  } catch (error) {
    const message = error instanceof TfliteParseError ? error.message : String(error);
    throw new QuantizeError(`The file is not a readable .tflite model: ${message}`, 'bad-model', mode);
  }
  const problem = rewriteProblem(model, mode);
  if (problem) throw problem;
  const sg = model.subgraphs[0]!;
  const graph: Graph = {
    tensors: sg.tensors.map((t) => ({
      name: t.name, shape: [...t.shape], dtype: t.dtype, data: t.data, quantization: t.quantization,
      isVariable: t.isVariable, shapeSignature: t.shapeSignature,
    })),
    operators: sg.operators.map((op) => ({
      opcode: op.opcode, version: op.version, inputs: [...op.inputs], outputs: [...op.outputs], optionsType: op.optionsType, options: op.options,
    })),
    inputs: [...sg.inputs],
    outputs: [...sg.outputs],
    description: model.description,
    version: model.version,
    subgraphName: sg.name,
    metadata: model.metadataBuffers,
    signatureDefs: model.signatureDefs,
    appendedZip: model.metadata ? safeAppendedZip(bytes) : null,
  };
  return { graph, model };
}

function safeAppendedZip(bytes: Uint8Array): Uint8Array | null {
  try {
    return appendedZip(bytes);
  } catch {
    return null; // an unreadable zip is already a warning of the reader; the model itself is fine
  }
}

export function addTensor(graph: Graph, tensor: GraphTensor): number {
  graph.tensors.push(tensor);
  return graph.tensors.length - 1;
}

/** Every op that reads tensor t, with the input slot. */
export function consumers(graph: Graph, t: number): { op: GraphOp; slot: number }[] {
  const out: { op: GraphOp; slot: number }[] = [];
  for (const op of graph.operators) op.inputs.forEach((i, slot) => i === t && out.push({ op, slot }));
  return out;
}

export function isFloatConstant(t: GraphTensor | undefined): t is GraphTensor & { data: Uint8Array } {
  return !!t && t.dtype === 'float32' && !!t.data && t.data.byteLength > 0;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** Float32 values of a constant (copied: file bytes need not be 4-byte aligned). */
export function floatData(t: GraphTensor): Float32Array {
  const data = t.data!;
  const out = new Float32Array(data.byteLength / 4);
  new Uint8Array(out.buffer).set(data);
  return out;
}

export function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** Drops tensors no op, input or output refers to (keeping the order of the rest). */
function liveTensors(graph: Graph): number[] {
  const used = new Set<number>([...graph.inputs, ...graph.outputs]);
  for (const op of graph.operators) for (const i of [...op.inputs, ...op.outputs]) if (i >= 0) used.add(i);
  for (const sig of graph.signatureDefs) for (const m of [...sig.inputs, ...sig.outputs]) used.add(m.tensorIndex);
  return graph.tensors.map((_, i) => i).filter((i) => used.has(i));
}

/** Writes the graph as a .tflite file. Identical graphs give identical bytes. */
export function writeGraph(graph: Graph): Uint8Array {
  const keep = liveTensors(graph);
  const newIndex = new Map<number, number>(keep.map((old, i) => [old, i]));
  const remap = (i: number) => (i < 0 ? i : newIndex.get(i)!);
  const codes: WritableModel['operatorCodes'] = [];
  const codeIndex = new Map<string, number>();
  const operators = graph.operators.map((op) => {
    const builtinCode = BUILTIN_OPERATORS.indexOf(op.opcode);
    if (builtinCode < 0 || op.opcode === CUSTOM) throw new Error(`Unknown builtin operator ${op.opcode}`);
    const key = `${builtinCode}:${op.version}`;
    let index = codeIndex.get(key);
    if (index === undefined) {
      index = codes.length;
      codes.push({ builtinCode, customCode: null, version: op.version });
      codeIndex.set(key, index);
    }
    return { opcodeIndex: index, inputs: op.inputs.map(remap), outputs: op.outputs.map(remap), optionsType: op.optionsType, options: op.options };
  });
  const buffers: (Uint8Array | null)[] = [null];
  const tensors = keep.map((i) => writableTensor(graph.tensors[i]!, buffers));
  const metadata = metadataEntries(graph.metadata, buffers);
  const flat = writeTflite({
    version: graph.version,
    description: graph.description,
    operatorCodes: codes,
    subgraphs: [{ name: graph.subgraphName, tensors, inputs: graph.inputs.map(remap), outputs: graph.outputs.map(remap), operators }],
    buffers,
    metadata,
    signatureDefs: graph.signatureDefs.map((sig) => ({
      ...sig,
      inputs: sig.inputs.map((m) => ({ ...m, tensorIndex: remap(m.tensorIndex) })),
      outputs: sig.outputs.map((m) => ({ ...m, tensorIndex: remap(m.tensorIndex) })),
    })),
  });
  if (!graph.appendedZip) return flat;
  const out = new Uint8Array(flat.length + graph.appendedZip.length);
  out.set(flat);
  out.set(graph.appendedZip, flat.length);
  return out;
}
