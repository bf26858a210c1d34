// The weight tensors of a parsed .tflite model, and their values and stored quantization parameters.
// Tensor names differ between a float model and its quantized twin, so layers are matched by the
// position of their operator among the weight-carrying operators, and checked by shape.
import type { TfliteDtype, TfliteModel, TfliteTensor } from '../tflite/types.ts';
import { dtypeRange } from './params.ts';

/** Operators whose input 1 is a weight tensor, and the output-channel axis of that tensor. */
const WEIGHT_OPS: Record<string, number> = {
  CONV_2D: 0, // [out, h, w, in]
  DEPTHWISE_CONV_2D: 3, // [1, h, w, in * multiplier]
  FULLY_CONNECTED: 0, // [out, in]
};

export interface WeightLayer {
  /** 0-based position among the weight-carrying operators of the subgraph. */
  position: number;
  opIndex: number;
  opcode: string;
  tensor: TfliteTensor;
  /** Output-channel axis (the one TFLite uses for per-channel weights). */
  channelAxis: number;
}

export function weightLayers(model: TfliteModel, subgraphIndex = 0): WeightLayer[] {
  const subgraph = model.subgraphs[subgraphIndex];
  if (!subgraph) return [];
  const layers: WeightLayer[] = [];
  for (const op of subgraph.operators) {
    const axis = WEIGHT_OPS[op.opcode];
    const tensorIndex = op.inputs[1];
    if (axis === undefined || tensorIndex === undefined || tensorIndex < 0) continue;
    const tensor = subgraph.tensors[tensorIndex];
    if (!tensor?.data) continue; // weights fed at run time are not constants we can show
    layers.push({ position: layers.length, opIndex: op.index, opcode: op.opcode, tensor, channelAxis: axis });
  }
  return layers;
}

export interface LayerPair {
  float: WeightLayer;
  /** The same layer in the quantized model, or null when the position or shape does not match. */
  quantized: WeightLayer | null;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function matchLayers(floatModel: TfliteModel, quantModel: TfliteModel): LayerPair[] {
  const quantLayers = weightLayers(quantModel);
  return weightLayers(floatModel).map((float) => {
    const candidate = quantLayers[float.position];
    const ok = candidate && candidate.opcode === float.opcode && sameShape(candidate.tensor.shape, float.tensor.shape);
    return { float, quantized: ok ? candidate : null };
  });
}

function elementCount(tensor: TfliteTensor): number {
  return tensor.shape.reduce((a, b) => a * b, 1);
}

function requireData(tensor: TfliteTensor, dtype: TfliteDtype, bytesPer: number): Uint8Array {
  if (tensor.dtype !== dtype) throw new TypeError(`Tensor "${tensor.name}" is ${tensor.dtype}, not ${dtype}`);
  const data = tensor.data;
  if (!data) throw new TypeError(`Tensor "${tensor.name}" has no constant data`);
  if (data.byteLength !== elementCount(tensor) * bytesPer) {
    throw new RangeError(`Tensor "${tensor.name}" has ${data.byteLength} bytes for shape [${tensor.shape.join(', ')}]`);
  }
  return data;
}

/** The float32 values of a constant tensor (copied: the file's bytes need not be 4-byte aligned). */
export function floatValues(tensor: TfliteTensor): Float32Array {
  const data = requireData(tensor, 'float32', 4);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Float32Array(data.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** The stored integers of a uint8 or int8 constant tensor. */
export function integerValues(tensor: TfliteTensor): Int32Array {
  if (tensor.dtype === 'uint8') return Int32Array.from(requireData(tensor, 'uint8', 1));
  const data = requireData(tensor, 'int8', 1);
  return Int32Array.from(new Int8Array(data.buffer, data.byteOffset, data.byteLength));
}

export interface StoredParams {
  dtype: TfliteDtype;
  /** Null when per-tensor (one scale), else the channel axis stored in the file. */
  axis: number | null;
  scale: number[];
  zeroPoint: number[];
  min?: number[];
  max?: number[];
}

/** Scale and zero point exactly as the file stores them (no recomputation). */
export function storedParams(tensor: TfliteTensor): StoredParams | null {
  const q = tensor.quantization;
  if (!q || q.scale.length === 0) return null;
  return {
    dtype: tensor.dtype,
    axis: q.scale.length > 1 ? q.axis : null,
    scale: [...q.scale],
    zeroPoint: [...q.zeroPoint],
    ...(q.min ? { min: [...q.min] } : {}),
    ...(q.max ? { max: [...q.max] } : {}),
  };
}

/** The real interval [(qmin - zp)·scale, (qmax - zp)·scale] a stored channel can represent. */
export function representableRange(params: StoredParams, channel = 0): [number, number] | null {
  const range = dtypeRange(params.dtype);
  const scale = params.scale[channel];
  const zp = params.zeroPoint[channel] ?? 0;
  if (!range || scale === undefined) return null;
  return [(range.qmin - zp) * scale, (range.qmax - zp) * scale];
}

/** TF1 QAT stores uint8 weights on the narrow range 1..255 (verified against the official files). */
export const TF1_WEIGHT_RANGE = { qmin: 1, qmax: 255 } as const;
