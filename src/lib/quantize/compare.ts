// Our quantized model against TFLite's own output for the same float model: a structured diff of
// ops, tensor types, weights (level by level), biases, activation parameters and size. Tensors are
// matched by name (both keep the float model's names; the converter adds "_int8" at the edges).
import { dtypeRange, roundHalfAwayFromZero } from '../quant/params.ts';
import { parseTflite } from '../tflite/reader.ts';
import type { TfliteModel, TfliteTensor } from '../tflite/types.ts';
import type { ActivationRange } from './ranges.ts';

export interface ValueDiff {
  tensors: number;
  elements: number;
  equal: number;
  /** Elements one integer level apart (a rounding tie broken the other way). */
  offByOne: number;
  /** Elements further apart. */
  worse: number;
  maxAbsDiff: number;
  /** Tensors with elements further apart than one level, worst first. */
  worst: { name: string; maxAbsDiff: number; count: number }[];
}

export interface ParamDiff {
  name: string;
  ours: { scale: number; zeroPoint: number };
  ref: { scale: number; zeroPoint: number };
  scaleRelDiff: number;
  zeroPointDiff: number;
}

export interface ReferenceDiff {
  ops: { ours: string[]; ref: string[]; same: boolean; differences: { index: number; ours: string | null; ref: string | null }[] };
  tensors: { matched: number; typeMismatches: { name: string; ours: string; ref: string }[]; onlyInOurs: string[]; onlyInRef: string[] };
  weights: ValueDiff;
  /** Compared as real values, in levels of the reference's bias scale (see biasLevels). */
  biases: ValueDiff;
  /** Per-channel weight scales (relative). */
  weightScaleMaxRelDiff: number;
  activations: { tensors: number; maxScaleRelDiff: number; maxZeroPointDiff: number; outside: ParamDiff[] };
  size: { ours: number; ref: number; relDiff: number };
  /** The targets: same ops and types, weights within one level, scales within 1 %, zero points within 1, size within 2 %. */
  withinTargets: boolean;
}

const asModel = (m: Uint8Array | TfliteModel): TfliteModel => (m instanceof Uint8Array ? parseTflite(m) : m);

function integers(t: TfliteTensor): number[] | null {
  const data = t.data;
  if (!data) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  switch (t.dtype) {
    case 'int8': return Array.from(new Int8Array(data.buffer, data.byteOffset, data.byteLength));
    case 'uint8': return Array.from(data);
    case 'int32': return Array.from({ length: data.byteLength / 4 }, (_, i) => view.getInt32(4 * i, true));
    default: return null;
  }
}

function emptyValueDiff(): ValueDiff {
  return { tensors: 0, elements: 0, equal: 0, offByOne: 0, worse: 0, maxAbsDiff: 0, worst: [] };
}

/**
 * int32 biases as real values in units of the reference's scale (rounded): their integers follow the
 * input scale, which moves with the recorded ranges, so equal real values can be far apart as integers.
 */
function biasLevels(values: number[], scale: readonly number[], unit: readonly number[]): number[] {
  const at = (s: readonly number[], i: number) => s[s.length > 1 ? i : 0] ?? 1;
  return values.map((q, i) => (at(unit, i) > 0 ? roundHalfAwayFromZero((q * at(scale, i)) / at(unit, i)) : q));
}

function addValues(diff: ValueDiff, name: string, a: number[], b: number[]): void {
  diff.tensors++;
  let worse = 0;
  let max = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = Math.abs(a[i]! - b[i]!);
    diff.elements++;
    if (d === 0) diff.equal++;
    else if (d === 1) diff.offByOne++;
    else worse++;
    max = Math.max(max, d);
  }
  diff.worse += worse;
  diff.maxAbsDiff = Math.max(diff.maxAbsDiff, max);
  if (worse > 0) diff.worst.push({ name, maxAbsDiff: max, count: worse });
}

const opList = (m: TfliteModel) => m.subgraphs[0]?.operators.map((op) => `${op.opcode} v${op.version}`) ?? [];

function byName(m: TfliteModel): Map<string, TfliteTensor> {
  const map = new Map<string, TfliteTensor>();
  for (const t of m.subgraphs[0]?.tensors ?? []) if (!map.has(t.name)) map.set(t.name, t);
  return map;
}

const relDiff = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

export function compareWithReference(oursInput: Uint8Array | TfliteModel, refInput: Uint8Array | TfliteModel): ReferenceDiff {
  const ours = asModel(oursInput);
  const ref = asModel(refInput);
  const oursOps = opList(ours);
  const refOps = opList(ref);
  const differences: ReferenceDiff['ops']['differences'] = [];
  for (let i = 0; i < Math.max(oursOps.length, refOps.length); i++) {
    if (oursOps[i] !== refOps[i]) differences.push({ index: i, ours: oursOps[i] ?? null, ref: refOps[i] ?? null });
  }

  const oursByName = byName(ours);
  const refByName = byName(ref);
  const typeMismatches: ReferenceDiff['tensors']['typeMismatches'] = [];
  const weights = emptyValueDiff();
  const biases = emptyValueDiff();
  const outside: ParamDiff[] = [];
  let weightScaleMaxRelDiff = 0;
  let activationTensors = 0;
  let maxScaleRelDiff = 0;
  let maxZeroPointDiff = 0;
  let matched = 0;
  for (const [name, a] of oursByName) {
    const b = refByName.get(name);
    if (!b) continue;
    matched++;
    if (a.dtype !== b.dtype) {
      typeMismatches.push({ name, ours: a.dtype, ref: b.dtype });
      continue;
    }
    const qa = a.quantization;
    const qb = b.quantization;
    if (a.data && b.data) {
      const ia = integers(a);
      const ib = integers(b);
      if (ia && ib && a.dtype === 'int32' && qa && qb) addValues(biases, name, biasLevels(ia, qa.scale, qb.scale), biasLevels(ib, qb.scale, qb.scale));
      else if (ia && ib) addValues(weights, name, ia, ib);
      if (qa && qb && a.dtype !== 'int32') {
        qa.scale.forEach((s, c) => (weightScaleMaxRelDiff = Math.max(weightScaleMaxRelDiff, relDiff(s, qb.scale[c] ?? NaN))));
      }
    } else if (qa && qb && qa.scale.length === 1 && qb.scale.length === 1) {
      activationTensors++;
      const d: ParamDiff = {
        name,
        ours: { scale: qa.scale[0]!, zeroPoint: qa.zeroPoint[0] ?? 0 },
        ref: { scale: qb.scale[0]!, zeroPoint: qb.zeroPoint[0] ?? 0 },
        scaleRelDiff: relDiff(qa.scale[0]!, qb.scale[0]!),
        zeroPointDiff: Math.abs((qa.zeroPoint[0] ?? 0) - (qb.zeroPoint[0] ?? 0)),
      };
      maxScaleRelDiff = Math.max(maxScaleRelDiff, d.scaleRelDiff);
      maxZeroPointDiff = Math.max(maxZeroPointDiff, d.zeroPointDiff);
      if (d.scaleRelDiff > 0.01 || d.zeroPointDiff > 1) outside.push(d);
    }
  }
  const onlyInOurs = [...oursByName.keys()].filter((n) => !refByName.has(n));
  const onlyInRef = [...refByName.keys()].filter((n) => !oursByName.has(n));
  const size = { ours: ours.byteLength, ref: ref.byteLength, relDiff: (ours.byteLength - ref.byteLength) / ref.byteLength };
  const same = differences.length === 0;
  return {
    ops: { ours: oursOps, ref: refOps, same, differences },
    tensors: { matched, typeMismatches, onlyInOurs, onlyInRef },
    weights,
    biases,
    weightScaleMaxRelDiff,
    activations: { tensors: activationTensors, maxScaleRelDiff, maxZeroPointDiff, outside },
    size,
    withinTargets: same && typeMismatches.length === 0 && weights.worse === 0 && maxScaleRelDiff <= 0.01 && maxZeroPointDiff <= 1 && Math.abs(size.relDiff) <= 0.02,
  };
}

/**
 * The activation ranges a quantized model was made from, keyed by the float model's tensor indices:
 * the stored min/max where the file keeps them, otherwise the interval its scale and zero point span.
 */
export function rangesFromQuantizedModel(quantizedInput: Uint8Array | TfliteModel, floatInput: Uint8Array | TfliteModel): Map<number, ActivationRange> {
  const quantized = asModel(quantizedInput);
  const float = asModel(floatInput);
  const q = byName(quantized);
  const out = new Map<number, ActivationRange>();
  for (const t of float.subgraphs[0]?.tensors ?? []) {
    if (t.data || t.dtype !== 'float32') continue;
    const match = q.get(`${t.name}_int8`) ?? q.get(t.name);
    const p = match?.quantization;
    if (!match || !p || p.scale.length !== 1) continue;
    if (p.min?.length === 1 && p.max?.length === 1) {
      out.set(t.index, { min: p.min[0]!, max: p.max[0]! });
      continue;
    }
    const range = dtypeRange(match.dtype);
    if (!range) continue;
    const zp = p.zeroPoint[0] ?? 0;
    out.set(t.index, { min: (range.qmin - zp) * p.scale[0]!, max: (range.qmax - zp) * p.scale[0]! });
  }
  return out;
}
