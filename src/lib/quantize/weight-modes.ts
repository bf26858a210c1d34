// The two modes that change only constants.
// - dynamic range (optimizations=[DEFAULT], no dataset): weights of the ops the converter quantizes
//   become int8, symmetric (per channel where the op has a quantization axis); activations stay float.
//   Ops with a hybrid kernel read the int8 weights directly (the op version selects that kernel,
//   which quantizes the float input on every run); the others get a DEQUANTIZE in front.
// - float16 (supported_types=[float16]): every float32 constant becomes float16, and a DEQUANTIZE op
//   turns it back into the float32 tensor the op reads.
import { expandVerySmallRanges, quantizeWeightsSymmetric, toFloat16Bytes } from '../quant/converter.ts';
import { channelRanges } from '../quant/params.ts';
import { addTensor, bytesOf, consumers, elementCount, floatData, isFloatConstant, type Graph, type GraphOp, type GraphTensor } from './graph.ts';
import { QuantizeError } from './errors.ts';
import { DEQUANTIZE_INT8_VERSION, DYNAMIC_MIN_ELEMENTS, DYNAMIC_RULES, type DynamicRule } from './op-rules.ts';
import type { OpNote, Skipped } from './report.ts';

export interface PassResult {
  notes: OpNote[];
  skipped: Skipped[];
}

/** The int8 copy of a float weight tensor, scaled as the converter's MLIR quantizer does (no zero scales). */
function int8Weights(weights: GraphTensor, rule: DynamicRule): { tensor: GraphTensor; axis: number | null } {
  const axis = rule.axis !== null && rule.axis < weights.shape.length ? rule.axis : null;
  const values = floatData(weights);
  const q = quantizeWeightsSymmetric(values, weights.shape, axis, expandVerySmallRanges(channelRanges(values, weights.shape, axis)));
  return {
    axis,
    tensor: {
      name: weights.name, shape: [...weights.shape], dtype: 'int8', data: bytesOf(q.values),
      quantization: { scale: q.scale, zeroPoint: q.scale.map(() => 0), axis: axis ?? 0 },
      isVariable: false, shapeSignature: weights.shapeSignature,
    },
  };
}

export function dynamicRange(graph: Graph): PassResult {
  const notes: OpNote[] = [];
  const skipped: Skipped[] = [];
  const dequantizeOps: GraphOp[] = [];
  // Weights already quantized for an earlier reader: their axis (readers share one copy).
  const done = new Map<number, number | null>();
  graph.operators.forEach((op, opIndex) => {
    const rule = DYNAMIC_RULES[op.opcode];
    const weightIndex = rule ? op.inputs[rule.slot] : undefined;
    if (!rule || weightIndex === undefined || weightIndex < 0) {
      const constant = op.inputs.find((i) => i >= 0 && isFloatConstant(graph.tensors[i]) && elementCount(graph.tensors[i]!.shape) >= DYNAMIC_MIN_ELEMENTS);
      if (constant !== undefined) skipped.push({ opIndex, opcode: op.opcode, code: 'no-hybrid-kernel', tensor: graph.tensors[constant]!.name });
      return;
    }
    const weights = graph.tensors[weightIndex]!;
    if (!done.has(weightIndex)) {
      if (!isFloatConstant(weights)) return;
      const elements = elementCount(weights.shape);
      if (elements < DYNAMIC_MIN_ELEMENTS) {
        skipped.push({ opIndex, opcode: op.opcode, code: 'small-weights', tensor: weights.name, detail: { elements, threshold: DYNAMIC_MIN_ELEMENTS } });
        return;
      }
      if (consumers(graph, weightIndex).some((r) => r.op.opcode !== op.opcode || r.slot !== rule.slot)) {
        skipped.push({ opIndex, opcode: op.opcode, code: 'shared-weights', tensor: weights.name });
        return;
      }
      const { tensor, axis } = int8Weights(weights, rule);
      if (rule.kind === 'hybrid') {
        graph.tensors[weightIndex] = tensor;
      } else {
        // The float32 tensor keeps its index and name and becomes the DEQUANTIZE's output.
        const int8 = addTensor(graph, { ...tensor, name: `${weights.name}_int8` });
        graph.tensors[weightIndex] = { ...weights, data: null };
        const version = axis === null ? DEQUANTIZE_INT8_VERSION.perTensor : DEQUANTIZE_INT8_VERSION.perChannel;
        dequantizeOps.push({ opcode: 'DEQUANTIZE', version, inputs: [int8], outputs: [weightIndex], optionsType: 'NONE', options: {} });
      }
      done.set(weightIndex, axis);
    }
    const axis = done.get(weightIndex)!;
    if (rule.kind === 'hybrid') {
      // Versions are cumulative: keep a higher float version (dilation, keep_num_dims) if there is one.
      op.version = Math.max(op.version, axis === null ? rule.perTensorVersion! : rule.version!);
      if (rule.asymmetricInputs) op.options = { ...op.options, asymmetric_quantize_inputs: true };
    }
    notes.push({
      opIndex, opcode: op.opcode, code: axis === null ? 'weights-int8-per-tensor' : 'weights-int8-per-channel', tensor: weights.name,
      detail: { channels: axis === null ? 1 : weights.shape[axis]!, elements: elementCount(weights.shape), kernel: rule.kind === 'hybrid' ? 'hybrid' : 'dequantize' },
    });
  });
  // DEQUANTIZE ops run first, so every float32 weight exists before it is read.
  graph.operators.unshift(...dequantizeOps);
  for (const note of notes) note.opIndex += dequantizeOps.length;
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
