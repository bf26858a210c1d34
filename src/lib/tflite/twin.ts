// The float32 twin of a quantized model: same graph, same (dequantized) weights, float arithmetic.
// Every quantized constant becomes (q - zero_point) * scale (per channel where it is per channel),
// activations become float32 without quantization parameters, and QUANTIZE / DEQUANTIZE ops (pure
// changes of representation, identities in float) are removed, so the twin takes float input.
import { constantTensorValues } from './dequantize.ts';
import { parseTflite } from './reader.ts';
import type { OperatorOptions, TfliteModel, TfliteOperator, TfliteTensor } from './types.ts';
import { writeTflite, type WritableModel, type WritableOperator, type WritableTensor } from './writer.ts';

export class TwinError extends Error {
  override name = 'TwinError';
  constructor(
    message: string,
    readonly code: 'unsupported-op' | 'unsupported-tensor' | 'unsupported-model' | 'not-quantized',
  ) {
    super(message);
  }
}

/**
 * Ops with float32 kernels in TFLite whose options the writer knows, and the lowest op version
 * that carries the options in use (float kernels exist from version 1; quantized models often
 * carry higher versions that only mean "int8 support").
 */
const FLOAT_OPS: Record<string, (options: OperatorOptions) => number> = {
  ADD: () => 1,
  SUB: () => 1,
  MUL: () => 1,
  AVERAGE_POOL_2D: () => 1,
  MAX_POOL_2D: () => 1,
  CONV_2D: () => 1,
  // Dilation arrived in version 2.
  DEPTHWISE_CONV_2D: (o) => (o.dilation_w_factor !== 1 || o.dilation_h_factor !== 1 ? 2 : 1),
  // keep_num_dims arrived in version 5.
  FULLY_CONNECTED: (o) => (o.keep_num_dims === true ? 5 : 1),
  SOFTMAX: () => 1,
  RESHAPE: () => 1,
  SQUEEZE: () => 1,
  CONCATENATION: () => 1,
  MEAN: () => 1,
  PAD: () => 1,
  RELU: () => 1,
  RELU6: () => 1,
  LOGISTIC: () => 1,
  TANH: () => 1,
  HARD_SWISH: () => 1,
  // half_pixel_centers arrived in version 3.
  RESIZE_BILINEAR: (o) => (o.half_pixel_centers === true ? 3 : 1),
};

/** Representation changes: identities once every tensor is float. */
const REMOVED_OPS = new Set(['QUANTIZE', 'DEQUANTIZE']);
const FLOAT_TYPES = new Set(['float32', 'float16', 'float64', 'bfloat16']);

export interface TwinReport {
  removedOps: string[];
  /** Constant tensors rewritten as float32. */
  dequantizedConstants: number;
  /** Activation tensors switched to float32. */
  floatActivations: number;
  /**
   * What the source model's quantized input meant: real = (q - mean) / std, read from the input's
   * quantization (before the removed QUANTIZE op). The twin expects those real values.
   */
  sourceInputNormalization: { mean: number; std: number }[];
}

export interface Twin {
  bytes: Uint8Array;
  report: TwinReport;
}

/** Bytes in, bytes out: the asset pipeline's 'float32-twin' derivation. */
export function makeFloatTwin(source: Uint8Array): Twin {
  return dequantizeModel(parseTflite(source));
}

export function dequantizeModel(model: TfliteModel): Twin {
  if (model.subgraphs.length !== 1) {
    throw new TwinError(`The model has ${model.subgraphs.length} subgraphs; the twin supports single-subgraph models.`, 'unsupported-model');
  }
  const sg = model.subgraphs[0]!;
  if (!sg.tensors.some(isQuantized)) throw new TwinError('The model has no quantized tensors: it is already float.', 'not-quantized');

  const graphInputs = new Set(sg.inputs);
  const graphOutputs = new Set(sg.outputs);
  const sourceInputNormalization = sg.inputs.flatMap((i) => {
    const q = sg.tensors[i]?.quantization;
    return q && q.scale.length === 1 ? [{ mean: q.zeroPoint[0] ?? 0, std: 1 / q.scale[0]! }] : [];
  });

  // Removing a representation change makes its output the same tensor as its input.
  const alias = new Map<number, number>();
  const resolve = (i: number): number => {
    let t = i;
    for (let guard = 0; alias.has(t) && guard <= sg.tensors.length; guard++) t = alias.get(t)!;
    return t;
  };
  const kept: TfliteOperator[] = [];
  const removedOps: string[] = [];
  for (const op of sg.operators) {
    if (!REMOVED_OPS.has(op.opcode)) {
      if (!FLOAT_OPS[op.opcode]) {
        throw new TwinError(`Operator ${op.index} is ${op.opcode}, which the float32 twin cannot convert (supported: ${Object.keys(FLOAT_OPS).join(', ')}).`, 'unsupported-op');
      }
      kept.push(op);
      continue;
    }
    const input = resolve(op.inputs[0] ?? -1);
    const output = op.outputs[0];
    if (input < 0 || output === undefined || op.outputs.length !== 1) {
      throw new TwinError(`Operator ${op.index} (${op.opcode}) does not have one input and one output.`, 'unsupported-model');
    }
    removedOps.push(`${op.opcode} #${op.index}`);
    // Keep the graph's own output tensor (its name) when the op feeds a model output.
    if (graphOutputs.has(output) && !graphInputs.has(input) && !graphOutputs.has(input) && !sg.tensors[input]?.data) {
      alias.set(input, output);
    } else {
      alias.set(output, input);
    }
  }

  const inputs = sg.inputs.map(resolve);
  const outputs = sg.outputs.map(resolve);
  const ops = kept.map((op) => ({ op, inputs: op.inputs.map((i) => (i < 0 ? i : resolve(i))), outputs: op.outputs.map(resolve) }));
  const signatureDefs = model.signatureDefs.map((sig) => ({
    ...sig,
    inputs: sig.inputs.map((m) => ({ ...m, tensorIndex: resolve(m.tensorIndex) })),
    outputs: sig.outputs.map((m) => ({ ...m, tensorIndex: resolve(m.tensorIndex) })),
  }));

  // Only tensors still referenced survive, in their original order (deterministic).
  const used = new Set<number>([...inputs, ...outputs, ...ops.flatMap((o) => [...o.inputs, ...o.outputs])]);
  for (const sig of signatureDefs) for (const m of [...sig.inputs, ...sig.outputs]) used.add(m.tensorIndex);
  used.delete(-1);
  const newIndex = new Map<number, number>();
  const buffers: (Uint8Array | null)[] = [null];
  const tensors: WritableTensor[] = [];
  let dequantizedConstants = 0;
  let floatActivations = 0;
  for (const t of sg.tensors) {
    if (!used.has(t.index)) continue;
    const converted = convertTensor(t);
    if (converted.kind === 'constant-float') dequantizedConstants++;
    if (converted.kind === 'activation-float') floatActivations++;
    let buffer = 0;
    if (converted.data) {
      buffer = buffers.length;
      buffers.push(converted.data);
    }
    newIndex.set(t.index, tensors.length);
    tensors.push({
      name: t.name, shape: t.shape, dtype: converted.dtype, buffer, quantization: converted.quantization,
      isVariable: t.isVariable, shapeSignature: t.shapeSignature,
    });
  }
  const remap = (i: number): number => (i < 0 ? i : newIndex.get(i)!);

  // One operator code per (op, float version), in order of first use.
  const codes: WritableModel['operatorCodes'] = [];
  const codeIndex = new Map<string, number>();
  const operators: WritableOperator[] = ops.map(({ op, inputs: ins, outputs: outs }) => {
    const version = FLOAT_OPS[op.opcode]!(op.options);
    const key = `${op.builtinCode}/${version}`;
    if (!codeIndex.has(key)) {
      codeIndex.set(key, codes.length);
      codes.push({ builtinCode: op.builtinCode, customCode: null, version });
    }
    return { opcodeIndex: codeIndex.get(key)!, inputs: ins.map(remap), outputs: outs.map(remap), optionsType: op.optionsType, options: op.options };
  });

  const writable: WritableModel = {
    version: model.version || 3,
    description: `Float32 twin (dequantized weights, float activations) of: ${model.description || 'a quantized model'}`,
    operatorCodes: codes,
    subgraphs: [{ name: sg.name, tensors, inputs: inputs.map(remap), outputs: outputs.map(remap), operators }],
    buffers,
    // Metadata of the source describes its quantized I/O; the twin carries none.
    metadata: [],
    signatureDefs: signatureDefs.map((sig) => ({
      ...sig,
      inputs: sig.inputs.map((m) => ({ ...m, tensorIndex: remap(m.tensorIndex) })),
      outputs: sig.outputs.map((m) => ({ ...m, tensorIndex: remap(m.tensorIndex) })),
    })),
  };
  return {
    bytes: writeTflite(writable),
    report: { removedOps, dequantizedConstants, floatActivations, sourceInputNormalization },
  };
}

function isQuantized(t: TfliteTensor): boolean {
  return (t.quantization?.scale.length ?? 0) > 0 && !FLOAT_TYPES.has(t.dtype);
}

interface ConvertedTensor {
  kind: 'unchanged' | 'constant-float' | 'activation-float';
  dtype: WritableTensor['dtype'];
  data: Uint8Array | null;
  quantization: WritableTensor['quantization'];
}

function convertTensor(t: TfliteTensor): ConvertedTensor {
  if (t.sparse) throw new TwinError(`Tensor "${t.name}" is sparse; the twin does not handle sparse tensors.`, 'unsupported-tensor');
  const quantized = isQuantized(t);
  const isFloat = FLOAT_TYPES.has(t.dtype);
  if (t.data) {
    if (t.dtype === 'float32') return { kind: 'unchanged', dtype: 'float32', data: t.data, quantization: null };
    if (quantized || isFloat) {
      const values = constantTensorValues(t);
      return { kind: 'constant-float', dtype: 'float32', data: new Uint8Array(values.buffer), quantization: null };
    }
    if (t.dtype === 'int8' || t.dtype === 'uint8' || t.dtype === 'int16' || t.dtype === 'int4') {
      throw new TwinError(`Constant tensor "${t.name}" is ${t.dtype} without quantization parameters, so it has no float value.`, 'unsupported-tensor');
    }
    // Integer constants that are not quantized (shapes, axes) stay as they are.
    return { kind: 'unchanged', dtype: t.dtype, data: t.data, quantization: null };
  }
  if (quantized || isFloat) return { kind: quantized || t.dtype !== 'float32' ? 'activation-float' : 'unchanged', dtype: 'float32', data: null, quantization: null };
  if (t.dtype === 'int8' || t.dtype === 'uint8' || t.dtype === 'int16') {
    throw new TwinError(`Tensor "${t.name}" is ${t.dtype} without quantization parameters; the twin cannot give it a float meaning.`, 'unsupported-tensor');
  }
  return { kind: 'unchanged', dtype: t.dtype, data: null, quantization: null };
}

