// What an app engineer needs from a .tflite file, computed from the parsed model: what each input
// and output number means, the preprocessing the app must do, labels, ops, where the bytes go.
// Pure data; the inspector island turns it into words in the reader's language.
import { dtypeRange } from '../quant/params.ts';
import { dequantizeValue } from '../quant/quantize.ts';
import { dtypeByteSize, elementCount } from './dequantize.ts';
import { embeddedLabels, mainSubgraph, operatorHistogram } from './reader.ts';
import { customOpInfo, type CustomOpInfo } from './custom-ops.ts';
import { detectKind, meaningfulProducer, type KindReport } from './kind.ts';
import type { TfliteDtype, TfliteModel, TfliteTensor } from './types.ts';

export type TensorMeaning =
  | { kind: 'float'; dtype: TfliteDtype }
  /** real = (q - zeroPoint) * scale; `divisor` is 1/scale when that is a round number (128, 127.5, 256). */
  | { kind: 'affine'; dtype: TfliteDtype; qmin: number; qmax: number; scale: number; zeroPoint: number; divisor: number | null; realMin: number; realMax: number }
  | { kind: 'per-channel'; dtype: TfliteDtype; channels: number; axis: number }
  | { kind: 'integer'; dtype: TfliteDtype }
  | { kind: 'other'; dtype: TfliteDtype };

export interface TensorSummary {
  index: number;
  name: string;
  dtype: TfliteDtype;
  shape: number[];
  /** -1 entries are dynamic dimensions (from shape_signature). */
  shapeSignature: number[] | null;
  scale: number[];
  zeroPoint: number[];
  meaning: TensorMeaning;
}

/** 1/scale when it is a whole or half number (the usual 128, 127.5, 256), else null. */
export function roundDivisor(scale: number): number | null {
  if (!(scale > 0)) return null;
  const inverse = 1 / scale;
  const half = Math.round(inverse * 2) / 2;
  return Math.abs(inverse - half) <= 1e-5 * inverse ? half : null;
}

export function tensorMeaning(t: TfliteTensor): TensorMeaning {
  const q = t.quantization;
  const range = dtypeRange(t.dtype);
  if (t.dtype === 'float32' || t.dtype === 'float16' || t.dtype === 'float64' || t.dtype === 'bfloat16') return { kind: 'float', dtype: t.dtype };
  if (q && q.scale.length > 1) return { kind: 'per-channel', dtype: t.dtype, channels: q.scale.length, axis: q.axis };
  if (q && q.scale.length === 1 && range) {
    const scale = q.scale[0]!;
    const zeroPoint = q.zeroPoint[0] ?? 0;
    return {
      kind: 'affine', dtype: t.dtype, qmin: range.qmin, qmax: range.qmax, scale, zeroPoint, divisor: roundDivisor(scale),
      realMin: dequantizeValue(range.qmin, scale, zeroPoint), realMax: dequantizeValue(range.qmax, scale, zeroPoint),
    };
  }
  if (range) return { kind: 'integer', dtype: t.dtype };
  return { kind: 'other', dtype: t.dtype };
}

function summarize(t: TfliteTensor): TensorSummary {
  return {
    index: t.index, name: t.name, dtype: t.dtype, shape: t.shape, shapeSignature: t.shapeSignature,
    scale: t.quantization?.scale ?? [], zeroPoint: t.quantization?.zeroPoint ?? [], meaning: tensorMeaning(t),
  };
}

export type NormalizationSource = 'metadata' | 'quantization' | 'site' | 'unknown';

/**
 * What the app feeds for an image input with 0-255 pixels x:
 *  - 'float': (x - mean) / std as float32;
 *  - 'pixels': the integer pixel plus `offset` (0 = raw pixels), when the input quantization
 *    already encodes the normalisation (to within one quantization step);
 *  - 'quantize': q = round((x - mean) / std / scale + zeroPoint), the general case.
 */
export type InputFeed =
  | { kind: 'float' }
  | { kind: 'pixels'; offset: number; dtype: TfliteDtype }
  | { kind: 'quantize'; scale: number; zeroPoint: number; dtype: TfliteDtype }
  | { kind: 'unknown' };

export interface InputRecipe {
  /** real = (pixel - mean) / std, per channel (one value = all channels). */
  normalization: { source: NormalizationSource; mean: number[]; std: number[] };
  feed: InputFeed;
  /** Image input [1, H, W, C]: height, width, channels; null if the input is not image-shaped. */
  image: { height: number; width: number; channels: number } | null;
  /** From metadata ImageProperties, when present. */
  colorSpace: string | null;
}

export interface SizeShare {
  /** A dtype, or 'metadata' / 'structure' (graph, names, appended files). */
  key: string;
  bytes: number;
  tensors: number;
  elements: number;
}

export interface ModelReport {
  byteLength: number;
  version: number;
  description: string;
  metadataName: string | null;
  metadataDescription: string | null;
  author: string | null;
  license: string | null;
  subgraphCount: number;
  tensorCount: number;
  operatorCount: number;
  parameterCount: number;
  inputs: TensorSummary[];
  outputs: TensorSummary[];
  /** Image preparation for the first input; null when it is not an image. */
  input: InputRecipe | null;
  /** The op producing each output, looking through QUANTIZE/RESHAPE ('SOFTMAX', 'LOGISTIC'...). */
  outputProducers: (string | null)[];
  /** `declared`: named as the output's label file by the metadata (else only found in the appended zip). */
  labels: { file: string; count: number; first: string[]; text: string; declared: boolean } | null;
  operators: { name: string; count: number; versions: number[] }[];
  customOps: CustomOpInfo[];
  /** What kind of model this is, how sure, and why. */
  kind: KindReport;
  sizes: SizeShare[];
  signatures: string[];
  warnings: string[];
}

export interface DescribeOptions {
  /** Normalisation documented by the site for its own models (used when the file has no metadata). */
  siteNormalization?: { mean: number[]; std: number[] };
}

export function describeModel(model: TfliteModel, options: DescribeOptions = {}): ModelReport {
  const sg = mainSubgraph(model);
  const inputs = sg.inputs.map((i) => summarize(sg.tensors[i]!));
  const outputs = sg.outputs.map((i) => summarize(sg.tensors[i]!));
  const histogram = operatorHistogram(model);
  const versions = new Map<string, Set<number>>();
  for (const op of sg.operators) {
    if (!versions.has(op.opcode)) versions.set(op.opcode, new Set());
    versions.get(op.opcode)!.add(op.version);
  }
  const operators = Object.entries(histogram)
    .map(([name, count]) => ({ name, count, versions: [...(versions.get(name) ?? [])].sort((a, b) => a - b) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const kind = detectKind(model);
  const labels = labelList(model, kind);
  const meta = model.metadata;
  const in0 = inputs[0];
  return {
    byteLength: model.byteLength,
    version: model.version,
    description: model.description,
    metadataName: meta?.name ?? null,
    metadataDescription: meta?.description ?? null,
    author: meta?.author ?? null,
    license: meta?.license ?? null,
    subgraphCount: model.subgraphs.length,
    tensorCount: sg.tensors.length,
    operatorCount: sg.operators.length,
    parameterCount: sg.tensors.reduce((n, t) => n + (t.data ? elementCount(t.shape) : 0), 0),
    inputs,
    outputs,
    input: in0 && kind.inputs[0]?.role === 'image' ? inputRecipe(model, sg.tensors[in0.index]!, options) : null,
    outputProducers: sg.outputs.map((o) => meaningfulProducer(sg, o)?.opcode ?? null),
    labels,
    operators,
    customOps: model.operatorCodes.filter((c) => c.builtinCode === 32).map((c) => customOpInfo(c.name)),
    kind,
    sizes: sizeShares(model),
    signatures: model.signatureDefs.map((s) => s.key),
    warnings: model.warnings,
  };
}

/**
 * The labels the metadata declares; else a lone .txt in the appended zip whose line count matches
 * the class count (files whose metadata lost its subgraph part still carry labels.txt).
 */
function labelList(model: TfliteModel, kind: KindReport): ModelReport['labels'] {
  const pack = (file: string, labels: string[], declared: boolean) => ({
    file, count: labels.length, first: labels.slice(0, 5), text: labels.join('\n') + '\n', declared,
  });
  const declared = embeddedLabels(model);
  if (declared) return pack(declared.file, declared.labels, true);
  const classes = kind.outputs.find((o) => o.role === 'class-scores');
  const texts = Object.entries(model.metadata?.associatedFiles ?? {}).filter(([name]) => name.endsWith('.txt'));
  if (!classes || classes.role !== 'class-scores' || texts.length !== 1) return null;
  const [file, bytes] = texts[0]!;
  const labels = new TextDecoder().decode(bytes).split(/\r?\n/);
  if (labels.at(-1) === '') labels.pop();
  return labels.length === classes.classes ? pack(file, labels, false) : null;
}

function inputRecipe(model: TfliteModel, t: TfliteTensor, options: DescribeOptions): InputRecipe {
  const metaInput = model.metadata?.inputs?.[0];
  const image = t.shape.length === 4 ? { height: t.shape[1]!, width: t.shape[2]!, channels: t.shape[3]! } : null;
  const meaning = tensorMeaning(t);
  let normalization: InputRecipe['normalization'];
  if (metaInput?.normalization && metaInput.normalization.mean.length && metaInput.normalization.std.length) {
    normalization = { source: 'metadata', ...metaInput.normalization };
  } else if (meaning.kind === 'affine') {
    // Without metadata, the quantization itself says what a raw pixel means: (q - zp) * scale.
    normalization = { source: 'quantization', mean: [meaning.zeroPoint], std: [1 / meaning.scale] };
  } else if (options.siteNormalization) {
    normalization = { source: 'site', ...options.siteNormalization };
  } else {
    normalization = { source: 'unknown', mean: [], std: [] };
  }
  return { normalization, feed: inputFeed(meaning, normalization), image, colorSpace: metaInput?.colorSpace ?? null };
}

function inputFeed(meaning: TensorMeaning, norm: InputRecipe['normalization']): InputFeed {
  if (meaning.kind === 'float') return norm.source === 'unknown' ? { kind: 'unknown' } : { kind: 'float' };
  if (meaning.kind !== 'affine' || norm.source === 'unknown') return { kind: 'unknown' };
  const mean = norm.mean[0]!;
  const std = norm.std[0]!;
  const { scale, zeroPoint, qmin, qmax, dtype } = meaning;
  // Can the app feed pixels (plus a fixed offset) directly? Only if every pixel lands within one
  // quantization step of its normalised value, and inside the integer range.
  const wanted = (x: number) => (x - mean) / std;
  const base = Math.round(zeroPoint - mean * (1 / (std * scale)));
  for (const offset of [base, base - 1, base + 1, 0]) {
    if (0 + offset < qmin || 255 + offset > qmax) continue;
    const error = Math.max(...[0, 128, 255].map((x) => Math.abs((x + offset - zeroPoint) * scale - wanted(x))));
    if (error <= 1.01 * scale) return { kind: 'pixels', offset, dtype };
  }
  return { kind: 'quantize', scale, zeroPoint, dtype };
}

function sizeShares(model: TfliteModel): SizeShare[] {
  const byType = new Map<string, SizeShare>();
  let counted = 0;
  for (const sg of model.subgraphs) {
    for (const t of sg.tensors) {
      if (!t.data) continue;
      const share = byType.get(t.dtype) ?? { key: t.dtype, bytes: 0, tensors: 0, elements: 0 };
      share.bytes += t.data.byteLength;
      share.tensors += 1;
      share.elements += elementCount(t.shape);
      byType.set(t.dtype, share);
      counted += t.data.byteLength;
    }
  }
  const shares = [...byType.values()].sort((a, b) => b.bytes - a.bytes);
  const metadataBytes = Object.values(model.metadataBuffers).reduce((n, b) => n + b.byteLength, 0);
  if (metadataBytes) shares.push({ key: 'metadata', bytes: metadataBytes, tensors: 0, elements: 0 });
  shares.push({ key: 'structure', bytes: Math.max(0, model.byteLength - counted - metadataBytes), tensors: 0, elements: 0 });
  return shares;
}

/** Bytes per element of a dtype, for display ('0.5' for int4); null when variable. */
export function bytesPerElement(dtype: TfliteDtype): number | null {
  return dtypeByteSize(dtype) ?? null;
}
