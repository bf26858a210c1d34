// A model whose weights are stored small and expanded when it loads (the converter's float16 output:
// float16 constant -> DEQUANTIZE -> float32 weight; weight-only int8: int8 constant -> DEQUANTIZE)
// is a float model in disguise. The converter would start from the SavedModel's float32 weights; the
// nearest this page has is the stored values expanded once: each such DEQUANTIZE becomes the float32
// constant it computes, and every mode then runs as on any float model. The float32 tensor keeps its
// index, so calibration ranges recorded on one folded graph key the other.
import { constantTensorValues } from '../tflite/dequantize.ts';
import { QuantizeError, type QuantizeMode } from './errors.ts';
import { bytesOf, isFloatConstant, type Graph, type GraphOp } from './graph.ts';
import type { OpNote } from './report.ts';

/** Stored types a DEQUANTIZE of a constant expands (integers only with quantization parameters). */
const FLOAT_STORED = new Set(['float16']);
const INT_STORED = new Set(['int8', 'uint8', 'int16']);

function isFoldable(graph: Graph, op: GraphOp): boolean {
  if (op.opcode !== 'DEQUANTIZE' || op.inputs.length !== 1 || op.outputs.length !== 1) return false;
  const source = graph.tensors[op.inputs[0]!];
  const target = graph.tensors[op.outputs[0]!];
  if (!source?.data || source.data.byteLength === 0 || !target || target.dtype !== 'float32' || target.data) return false;
  // A model output that is a constant would give the runtime nothing to compute: leave it as it is.
  if (graph.outputs.includes(op.outputs[0]!)) return false;
  if (FLOAT_STORED.has(source.dtype)) return true;
  return INT_STORED.has(source.dtype) && !!source.quantization && source.quantization.scale.length > 0;
}

/**
 * Turns every DEQUANTIZE of a constant into the float32 constant it outputs and drops the op.
 * Returns one 'weights-restored' note per restored tensor (opIndex: the DEQUANTIZE in the file read).
 */
export function foldConstantDequantize(graph: Graph): OpNote[] {
  const notes: OpNote[] = [];
  const kept: GraphOp[] = [];
  graph.operators.forEach((op, opIndex) => {
    if (!isFoldable(graph, op)) {
      kept.push(op);
      return;
    }
    const source = graph.tensors[op.inputs[0]!]!;
    const target = graph.tensors[op.outputs[0]!]!;
    target.data = bytesOf(constantTensorValues(source));
    target.quantization = null;
    notes.push({ opIndex, opcode: op.opcode, code: 'weights-restored', tensor: target.name, detail: { from: source.dtype } });
  });
  graph.operators = kept;
  return notes;
}

/**
 * A model with nothing float32 left, or one that computes in integers (quantized activations) and
 * keeps no float32 weight, is already quantized, even with float input and output: the converter
 * starts from a float model.
 */
function refuseQuantizedModel(graph: Graph, mode: QuantizeMode): void {
  if (!graph.tensors.some((t) => t.dtype === 'float32')) {
    throw new QuantizeError('The model has no float32 tensors: it is already quantized.', 'not-float', mode);
  }
  const produced = new Set(graph.operators.flatMap((op) => op.outputs));
  const integerActivation = [...produced].some((i) => {
    const t = graph.tensors[i];
    return !!t && !t.data && INT_STORED.has(t.dtype) && !!t.quantization && t.quantization.scale.length > 0;
  });
  if (integerActivation && !graph.tensors.some(isFloatConstant)) {
    throw new QuantizeError('The model computes in integers and has no float32 weights: it is already quantized.', 'not-float', mode);
  }
}

/**
 * What every setting does first, and the calibration model too (so both graphs keep the same tensor
 * indices): expand stored weights, then refuse a model that is already quantized.
 */
export function toFloatGraph(graph: Graph, mode: QuantizeMode): OpNote[] {
  const restored = foldConstantDequantize(graph);
  refuseQuantizedModel(graph, mode);
  return restored;
}
