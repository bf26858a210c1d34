// Full integer quantization, after TFLite's post-training quantizer (tools/optimize/quantize_model.cc):
// every float activation becomes int8 (asymmetric, per tensor, from its recorded range), weights int8
// symmetric (per channel for convolutions), biases int32 with scale = input scale x weight scale;
// QUANTIZE at the inputs and DEQUANTIZE at the outputs (or uint8/int8 I/O). Tensors keep their indices
// (int8 ones get an "_int8" suffix at the model's edges, as the converter names them).
import { activationParams, adjustWeightRangesForBias, quantizeBias, quantizeWeightsSymmetric, shiftZeroPoint } from '../quant/converter.ts';
import { channelRanges } from '../quant/params.ts';
import { dequantizeTensor, quantizeValue } from '../quant/quantize.ts';
import { correctedBias } from '../quant/bias-correction.ts';
import type { TensorQuantization } from '../tflite/types.ts';
import { QuantizeError, type QuantizeMode } from './errors.ts';
import { addTensor, bytesOf, floatData, isFloatConstant, type Graph, type GraphOp, type GraphTensor } from './graph.ts';
import { INT8_RULES, opBounds, type Int8Rule } from './op-rules.ts';
import type { OpNote } from './report.ts';
import type { ActivationRange } from './ranges.ts';

interface Params {
  scale: number;
  zeroPoint: number;
  min: number;
  max: number;
}

export interface Int8Options {
  mode: QuantizeMode;
  ranges: Map<number, ActivationRange>;
  /** Type of the model's inputs and outputs. */
  ioType: 'float32' | 'uint8' | 'int8';
  /** Fold the expected shift of rounded weights into the bias (needs recorded channel means). */
  biasCorrection?: boolean;
}

const MEAN_PRESERVING = new Set(['AVERAGE_POOL_2D', 'RESHAPE', 'SQUEEZE', 'MEAN']);

const BIAS_CORRECTION_KIND: Record<string, 'conv' | 'depthwise' | 'fully-connected'> = {
  CONV_2D: 'conv', DEPTHWISE_CONV_2D: 'depthwise', FULLY_CONNECTED: 'fully-connected',
};

const isActivation = (graph: Graph, i: number) => i >= 0 && graph.tensors[i]!.dtype === 'float32' && !isFloatConstant(graph.tensors[i]);

/** Ops with no float tensor (shape arithmetic on int32, say) are left as they are, as TFLite's quantizer does. */
const touchesFloat = (graph: Graph, op: GraphOp) => [...op.inputs, ...op.outputs].some((i) => i >= 0 && graph.tensors[i]!.dtype === 'float32');

function activationInputSlots(rule: Int8Rule, op: GraphOp): number[] {
  const slots = rule.activationInputs ?? [0];
  return slots === 'all' ? op.inputs.map((_, s) => s) : slots.filter((s) => s < op.inputs.length);
}

/** Checks every op before anything changes, so a refusal names the first op it cannot handle. */
export function checkInt8Support(graph: Graph, mode: QuantizeMode): void {
  graph.operators.forEach((op, i) => {
    if (!touchesFloat(graph, op)) return;
    const rule = INT8_RULES[op.opcode];
    if (!rule) {
      throw new QuantizeError(`Operator ${i} is ${op.opcode}, which full-integer quantization here does not support.`, 'unsupported-op', mode, op.opcode);
    }
    if (rule.output.kind !== 'not-real' && op.outputs.some((o) => graph.tensors[o]!.dtype !== 'float32')) {
      throw new QuantizeError(`Operator ${i} (${op.opcode}) has a non-float output; the model is not a float model.`, 'not-float', mode, op.opcode);
    }
  });
}

/** The tensors whose recorded range full-integer quantization reads: float inputs and calibrated outputs. */
export function tensorsNeedingRanges(graph: Graph): number[] {
  const out: number[] = graph.inputs.filter((i) => isActivation(graph, i));
  for (const op of graph.operators) {
    const rule = INT8_RULES[op.opcode];
    if (!touchesFloat(graph, op) || (rule && rule.output.kind !== 'calibrated')) continue;
    for (const o of op.outputs) if (isActivation(graph, o) && !out.includes(o)) out.push(o);
  }
  return out;
}

function rangeOf(ranges: Map<number, ActivationRange>, t: number, graph: Graph, mode: QuantizeMode, bounds: [number, number] = [-Infinity, Infinity]): Params {
  const r = ranges.get(t);
  if (!r || !Number.isFinite(r.min) || !Number.isFinite(r.max) || r.min > r.max) {
    throw new QuantizeError(`No usable recorded range for tensor ${t} ("${graph.tensors[t]!.name}"); run calibration first.`, 'needs-calibration', mode);
  }
  // A fused activation clamps the values, so the range never needs to extend beyond it.
  const min = Math.max(r.min, bounds[0]);
  const max = Math.min(r.max, bounds[1]);
  return activationParams(min, Math.max(min, max));
}

/** Recorded ranges are stored next to the parameters, as the converter does; fixed ones have none. */
function toQuantization(p: Params): TensorQuantization {
  const q: TensorQuantization = { scale: [p.scale], zeroPoint: [p.zeroPoint], axis: 0 };
  if (Number.isFinite(p.min) && Number.isFinite(p.max)) {
    q.min = [p.min];
    q.max = [p.max];
  }
  return q;
}

/** A float constant read like an activation: int8 with the given parameters. */
function quantizeConstant(t: GraphTensor, p: Params): void {
  const values = floatData(t);
  const q = new Int8Array(values.length);
  for (let k = 0; k < values.length; k++) q[k] = quantizeValue(values[k]!, p.scale, p.zeroPoint, -128, 127);
  t.dtype = 'int8';
  t.data = bytesOf(q);
  t.quantization = toQuantization(p);
}

export function fullInteger(graph: Graph, options: Int8Options): { notes: OpNote[] } {
  const { mode, ranges } = options;
  checkInt8Support(graph, mode);
  const notes: OpNote[] = [];
  const params = new Map<number, Params>();
  const originalOps = [...graph.operators];
  // Channel means carried through ops that keep them (global pooling, reshapes), for bias correction.
  const means = new Map<number, number[]>();
  for (const [t, r] of ranges) if (r.mean) means.set(t, r.mean);
  const newOps: GraphOp[] = [];

  for (const i of graph.inputs) if (isActivation(graph, i)) params.set(i, rangeOf(ranges, i, graph, mode));

  originalOps.forEach((op, opIndex) => {
    if (!touchesFloat(graph, op)) {
      newOps.push(op);
      return;
    }
    const rule = INT8_RULES[op.opcode]!;
    const slots = activationInputSlots(rule, op);
    // Constant inputs in activation slots (an ADD with a constant operand) get their own range.
    for (const s of slots) {
      const i = op.inputs[s]!;
      if (i < 0 || params.has(i)) continue;
      const t = graph.tensors[i]!;
      if (isFloatConstant(t)) {
        const values = floatData(t);
        let lo = 0;
        let hi = 0;
        for (const x of values) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        const p = activationParams(lo, hi);
        quantizeConstant(t, p);
        params.set(i, p);
      } else if (t.dtype === 'float32') {
        throw new QuantizeError(`Tensor ${i} ("${t.name}") reaches ${op.opcode} before anything produces it.`, 'bad-model', mode, op.opcode);
      }
    }

    // Output parameters.
    const out = op.outputs[0]!;
    const input0 = params.get(op.inputs[slots[0] ?? 0] ?? -1);
    if (rule.output.kind === 'not-real') {
      const inputScales = slots.map((s) => params.get(op.inputs[s]!)?.scale ?? 1);
      op.version = Math.max(op.version, rule.version(op.options, { inputs: inputScales, output: 1 }, op.inputs));
      newOps.push(op);
      return;
    }
    let outParams: Params;
    if (rule.output.kind === 'fixed') {
      const { scale, zeroPoint } = rule.output;
      outParams = { scale: Math.fround(scale), zeroPoint, min: NaN, max: NaN };
      notes.push({ opIndex, opcode: op.opcode, code: 'output-fixed', detail: { scale, zeroPoint } });
    } else if (rule.output.kind === 'same-as-input' && input0) {
      outParams = input0;
      notes.push({ opIndex, opcode: op.opcode, code: 'output-same-as-input' });
    } else {
      outParams = rangeOf(ranges, out, graph, mode, opBounds(op.opcode, op.options));
      notes.push({ opIndex, opcode: op.opcode, code: 'output-calibrated', tensor: graph.tensors[out]!.name, detail: { min: outParams.min, max: outParams.max } });
    }
    for (const o of op.outputs) params.set(o, outParams);
    const inMean = means.get(op.inputs[0] ?? -1);
    if (inMean && MEAN_PRESERVING.has(op.opcode) && !means.has(out) && graph.tensors[out]!.shape.at(-1) === inMean.length) means.set(out, inMean);

    for (const s of rule.constantsLikeOutput ?? []) {
      const t = graph.tensors[op.inputs[s] ?? -1];
      if (isFloatConstant(t)) quantizeConstant(t, outParams);
    }

    // Inputs that must share the output's parameters get a requantizing QUANTIZE in front.
    if (rule.inputsShareOutput) {
      for (const s of slots) {
        const i = op.inputs[s]!;
        const p = params.get(i);
        if (!p || (p.scale === outParams.scale && p.zeroPoint === outParams.zeroPoint)) continue;
        const requantized = addTensor(graph, { ...graph.tensors[i]!, name: `${graph.tensors[i]!.name}_requantized`, data: null, dtype: 'int8', quantization: toQuantization(outParams) });
        newOps.push({ opcode: 'QUANTIZE', version: 1, inputs: [i], outputs: [requantized], optionsType: 'NONE', options: {} });
        op.inputs[s] = requantized;
        notes.push({ opIndex, opcode: op.opcode, code: 'input-requantized', tensor: graph.tensors[i]!.name });
      }
    }

    // Weights and bias. A bias that would overflow int32 widens its channel's weight range first.
    const biasIndex = rule.bias === undefined ? -1 : op.inputs[rule.bias] ?? -1;
    const biasTensor = biasIndex >= 0 ? graph.tensors[biasIndex] : undefined;
    const biasValues = isFloatConstant(biasTensor) && input0 ? floatData(biasTensor) : null;
    let weightScales: number[] | null = null;
    let correctedValues: Float32Array | null = null;
    if (rule.weights) {
      const w = op.inputs[rule.weights.slot];
      const tensor = w === undefined || w < 0 ? undefined : graph.tensors[w];
      if (!isFloatConstant(tensor)) {
        throw new QuantizeError(`Operator ${opIndex} (${op.opcode}) has weights that are not float32 constants.`, 'unsupported-op', mode, op.opcode);
      }
      const axis = rule.weights.axis !== null && tensor.shape.length === 4 ? rule.weights.axis : null;
      const values = floatData(tensor);
      let weightRanges = channelRanges(values, tensor.shape, axis);
      if (biasValues && input0) {
        const adjusted = adjustWeightRangesForBias(weightRanges, biasValues, input0.scale);
        weightRanges = adjusted;
        if (adjusted.adjusted > 0) {
          notes.push({ opIndex, opcode: op.opcode, code: 'weights-widened-for-bias', tensor: tensor.name, detail: { channels: adjusted.adjusted } });
        }
      }
      const q = quantizeWeightsSymmetric(values, tensor.shape, axis, weightRanges);
      tensor.dtype = 'int8';
      tensor.data = bytesOf(q.values);
      tensor.quantization = { scale: q.scale, zeroPoint: q.scale.map(() => 0), axis: axis ?? 0, min: q.min, max: q.max };
      weightScales = q.scale;
      const inputMean = means.get(op.inputs[slots[0] ?? 0] ?? -1);
      const kind = BIAS_CORRECTION_KIND[op.opcode];
      if (options.biasCorrection && biasValues && inputMean && kind) {
        const dequantized = dequantizeTensor(q.values, tensor.shape, { axis, scale: q.scale, zeroPoint: q.scale.map(() => 0) });
        correctedValues = correctedBias(biasValues, values, dequantized, tensor.shape, kind, inputMean);
        notes.push({ opIndex, opcode: op.opcode, code: 'bias-corrected', tensor: biasTensor!.name });
      }
      notes.push({
        opIndex, opcode: op.opcode, code: axis === null ? 'weights-int8-per-tensor' : 'weights-int8-per-channel', tensor: tensor.name,
        detail: { channels: q.scale.length },
      });
    }
    if (biasTensor && biasValues && weightScales && input0) {
      const q = quantizeBias(correctedValues ?? biasValues, input0.scale, weightScales);
      biasTensor.dtype = 'int32';
      biasTensor.data = bytesOf(q.values);
      biasTensor.quantization = { scale: q.scale, zeroPoint: q.scale.map(() => 0), axis: 0 };
      notes.push({ opIndex, opcode: op.opcode, code: 'bias-int32', tensor: biasTensor.name });
    }
    const inputScales = slots.map((s) => params.get(op.inputs[s]!)?.scale ?? 1);
    op.version = Math.max(op.version, rule.version(op.options, { inputs: inputScales, output: outParams.scale }, op.inputs));
    newOps.push(op);
  });

  // Activations become int8 with their parameters.
  for (const [i, p] of params) {
    const t = graph.tensors[i]!;
    if (t.data) continue; // constants were written above
    t.dtype = 'int8';
    t.quantization = toQuantization(p);
  }
  graph.operators = newOps;
  rewireEdges(graph, options.ioType, params);
  checkNoFloatLeft(graph, mode);
  return { notes };
}

/** A float tensor left inside the integer graph would give a file no runtime loads: refuse, naming the op. */
function checkNoFloatLeft(graph: Graph, mode: QuantizeMode): void {
  graph.operators.forEach((op, i) => {
    if (op.opcode === 'QUANTIZE' || op.opcode === 'DEQUANTIZE') return;
    const left = [...op.inputs, ...op.outputs].find((t) => t >= 0 && graph.tensors[t]!.dtype === 'float32');
    if (left !== undefined) {
      throw new QuantizeError(`Operator ${i} (${op.opcode}) would keep the float tensor "${graph.tensors[left]!.name}"; full-integer quantization here does not handle it.`, 'unsupported-op', mode, op.opcode);
    }
  });
}

/** QUANTIZE in front of each float input, DEQUANTIZE (or QUANTIZE to uint8) after each output. */
function rewireEdges(graph: Graph, ioType: Int8Options['ioType'], params: Map<number, Params>): void {
  if (ioType === 'int8') return; // the int8 tensors are the model's inputs and outputs
  const front: GraphOp[] = [];
  const back: GraphOp[] = [];
  const edgeTensor = (i: number) => {
    const t = graph.tensors[i]!;
    const p = params.get(i)!;
    const name = t.name;
    t.name = `${name}_int8`;
    const quantization = ioType === 'uint8'
      ? { scale: [p.scale], zeroPoint: [shiftZeroPoint(p.zeroPoint, 'int8', 'uint8')], axis: 0 }
      : null;
    return addTensor(graph, { ...t, name, dtype: ioType, data: null, quantization, shape: [...t.shape] });
  };
  const replaced = new Map<number, number>();
  graph.inputs = graph.inputs.map((i) => {
    if (!params.has(i) || graph.tensors[i]!.dtype !== 'int8') return i;
    const outer = edgeTensor(i);
    replaced.set(i, outer);
    front.push({ opcode: 'QUANTIZE', version: 1, inputs: [outer], outputs: [i], optionsType: 'NONE', options: {} });
    return outer;
  });
  graph.outputs = graph.outputs.map((i) => {
    if (!params.has(i) || graph.tensors[i]!.dtype !== 'int8') return i;
    const outer = edgeTensor(i);
    replaced.set(i, outer);
    back.push(ioType === 'uint8'
      ? { opcode: 'QUANTIZE', version: 1, inputs: [i], outputs: [outer], optionsType: 'NONE', options: {} }
      : { opcode: 'DEQUANTIZE', version: 2, inputs: [i], outputs: [outer], optionsType: 'NONE', options: {} });
    return outer;
  });
  graph.operators = [...front, ...graph.operators, ...back];
  graph.signatureDefs = graph.signatureDefs.map((sig) => ({
    ...sig,
    inputs: sig.inputs.map((m) => ({ ...m, tensorIndex: replaced.get(m.tensorIndex) ?? m.tensorIndex })),
    outputs: sig.outputs.map((m) => ({ ...m, tensorIndex: replaced.get(m.tensorIndex) ?? m.tensorIndex })),
  }));
}
