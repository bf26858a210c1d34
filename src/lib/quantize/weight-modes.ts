// The two modes that change only constants.
// - dynamic range (optimizations=[DEFAULT], no dataset): weights of ops with hybrid kernels become
//   int8 symmetric (per channel for convolutions); activations stay float; the op version tells the
//   runtime to pick the hybrid kernel, which quantizes activations on the fly.
// - float16 (supported_types=[float16]): every float32 constant becomes float16, and a DEQUANTIZE op
//   turns it back into the float32 tensor the op reads.
import { quantizeWeightsSymmetric, toFloat16Bytes } from '../quant/converter.ts';
import { addTensor, bytesOf, consumers, elementCount, floatData, isFloatConstant, type Graph, type GraphOp } from './graph.ts';
import { QuantizeError } from './errors.ts';
import { DYNAMIC_MIN_ELEMENTS, HYBRID_RULES } from './op-rules.ts';
import type { OpNote, Skipped } from './report.ts';

/** Hybrid kernels with one weight scale per tensor. */
const PER_TENSOR_HYBRID_VERSION: Record<string, number> = { CONV_2D: 2, DEPTHWISE_CONV_2D: 4, FULLY_CONNECTED: 3 };

export interface PassResult {
  notes: OpNote[];
  skipped: Skipped[];
}

function hasFloatWork(graph: Graph): boolean {
  return graph.tensors.some((t) => t.dtype === 'float32');
}

export function dynamicRange(graph: Graph): PassResult {
  if (!hasFloatWork(graph)) throw new QuantizeError('The model has no float32 tensors: it is already quantized.', 'not-float', 'dynamic');
  const notes: OpNote[] = [];
  const skipped: Skipped[] = [];
  const done = new Set<number>();
  graph.operators.forEach((op, opIndex) => {
    const rule = HYBRID_RULES[op.opcode];
    const weightIndex = rule ? op.inputs[rule.slot] : undefined;
    if (!rule || weightIndex === undefined || weightIndex < 0) {
      const constant = op.inputs.find((i) => i >= 0 && isFloatConstant(graph.tensors[i]) && elementCount(graph.tensors[i]!.shape) >= DYNAMIC_MIN_ELEMENTS);
      if (constant !== undefined) skipped.push({ opIndex, opcode: op.opcode, code: 'no-hybrid-kernel', tensor: graph.tensors[constant]!.name });
      return;
    }
    const weights = graph.tensors[weightIndex]!;
    if (!isFloatConstant(weights)) return;
    const elements = elementCount(weights.shape);
    if (elements < DYNAMIC_MIN_ELEMENTS) {
      skipped.push({ opIndex, opcode: op.opcode, code: 'small-weights', tensor: weights.name, detail: { elements, threshold: DYNAMIC_MIN_ELEMENTS } });
      return;
    }
    const readers = consumers(graph, weightIndex);
    if (readers.some((r) => HYBRID_RULES[r.op.opcode]?.slot !== r.slot)) {
      skipped.push({ opIndex, opcode: op.opcode, code: 'shared-weights', tensor: weights.name });
      return;
    }
    const axis = rule.axis !== null && weights.shape.length === 4 ? rule.axis : null;
    if (!done.has(weightIndex)) {
      const q = quantizeWeightsSymmetric(floatData(weights), weights.shape, axis);
      weights.dtype = 'int8';
      weights.data = bytesOf(q.values);
      weights.quantization = { scale: q.scale, zeroPoint: q.scale.map(() => 0), axis: axis ?? 0 };
      done.add(weightIndex);
    }
    // Versions are cumulative: keep a higher float version (dilation, keep_num_dims) if there is one.
    op.version = Math.max(op.version, axis === null && !rule.asymmetricInputs ? PER_TENSOR_HYBRID_VERSION[op.opcode] ?? rule.version : rule.version);
    if (rule.asymmetricInputs) op.options = { ...op.options, asymmetric_quantize_inputs: true };
    notes.push({
      opIndex, opcode: op.opcode, code: axis === null ? 'weights-int8-per-tensor' : 'weights-int8-per-channel', tensor: weights.name,
      detail: { channels: axis === null ? 1 : weights.shape[axis]!, elements },
    });
  });
  return { notes, skipped };
}

export function float16(graph: Graph): PassResult {
  const notes: OpNote[] = [];
  const constants = new Set<number>();
  graph.operators.forEach((op) => op.inputs.forEach((i) => i >= 0 && isFloatConstant(graph.tensors[i]) && constants.add(i)));
  if (constants.size === 0) throw new QuantizeError('The model has no float32 constants to store as float16.', 'not-float', 'float16');
  const dequantizeOps: GraphOp[] = [];
  // In order of first use, so the DEQUANTIZE ops come out in a stable order at the start of the graph.
  const order: number[] = [];
  for (const op of graph.operators) for (const i of op.inputs) if (constants.has(i) && !order.includes(i)) order.push(i);
  for (const t of order) {
    const tensor = graph.tensors[t]!;
    const half = addTensor(graph, {
      name: `${tensor.name}_fp16`, shape: [...tensor.shape], dtype: 'float16', data: toFloat16Bytes(floatData(tensor)),
      quantization: null, isVariable: false, shapeSignature: tensor.shapeSignature,
    });
    // The float32 tensor keeps its index and name; it is now DEQUANTIZE's output.
    tensor.data = null;
    dequantizeOps.push({ opcode: 'DEQUANTIZE', version: 3, inputs: [half], outputs: [t], optionsType: 'NONE', options: {} });
  }
  graph.operators.forEach((op, opIndex) => {
    for (const i of op.inputs) {
      if (constants.has(i)) notes.push({ opIndex: opIndex + dequantizeOps.length, opcode: op.opcode, code: 'weights-float16', tensor: graph.tensors[i]!.name });
    }
  });
  graph.operators.unshift(...dequantizeOps);
  return { notes, skipped: [] };
}
