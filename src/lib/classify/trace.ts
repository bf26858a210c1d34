// "The life of one inference": the real numbers of one photo on its way through one model, from
// the photo's size to the label, for the diagram (components/classifier/InferenceLife.tsx).
// Pure: it reads what the classification already produced (bytes, input tensor, raw output).
import { centerCropToSquare } from '../image/crop.ts';
import { rawByteOffset, type Normalization } from '../image/input.ts';
import { perTensorParams } from '../quant/params.ts';
import type { TensorSpec } from '../runtime/types.ts';

export interface InferenceTrace {
  photo: { width: number; height: number };
  crop: { x: number; y: number; size: number };
  inputSize: number;
  /** The centre pixel of the resized image. */
  pixel: { row: number; col: number; rgb: [number, number, number] };
  input: {
    dtype: string;
    /** The red channel of that pixel as the tensor holds it. */
    value: number;
    /** 8-bit: the input's scale and zero point and the real value (q - zp) x scale; float: null. */
    quant: { scale: number; zeroPoint: number; real: number; rawBytes: boolean } | null;
    /** Float: the normalisation that produced `value`. */
    norm: { mean: number; std: number } | null;
  };
  operators: { total: number; top: [string, number][] } | null;
  output: {
    dtype: string;
    index: number;
    raw: number;
    quant: { scale: number; zeroPoint: number } | null;
    prob: number;
  };
  label: { line: number; text: string };
}

export interface TraceSource {
  photo: { width: number; height: number };
  inputSpec: TensorSpec;
  outputSpec: TensorSpec;
  normalization: Normalization;
  rgb: ArrayLike<number>;
  input: ArrayLike<number>;
  output: ArrayLike<number>;
  top: { index: number; prob: number; label: string };
  operators: Record<string, number> | null;
}

export function inferenceTrace(s: TraceSource): InferenceTrace {
  const size = s.inputSpec.shape[1]!;
  const row = size >> 1;
  const at = (row * size + row) * 3;
  const inQ = perTensorParams(s.inputSpec.quantization);
  const value = s.input[at]!;
  const outQ = perTensorParams(s.outputSpec.quantization);
  const ops = s.operators ? Object.entries(s.operators).sort((a, b) => b[1] - a[1]) : null;
  return {
    photo: s.photo,
    crop: (({ sx, sy, size: side }) => ({ x: sx, y: sy, size: side }))(centerCropToSquare(s.photo.width, s.photo.height)),
    inputSize: size,
    pixel: { row, col: row, rgb: [s.rgb[at]!, s.rgb[at + 1]!, s.rgb[at + 2]!] },
    input: {
      dtype: s.inputSpec.dtype,
      value,
      quant: inQ ? { ...inQ, real: (value - inQ.zeroPoint) * inQ.scale, rawBytes: rawByteOffset(s.inputSpec, s.normalization) !== null } : null,
      norm: inQ ? null : { mean: s.normalization.mean[0]!, std: s.normalization.std[0]! },
    },
    operators: ops ? { total: ops.reduce((n, [, c]) => n + c, 0), top: ops.slice(0, 4) } : null,
    output: { dtype: s.outputSpec.dtype, index: s.top.index, raw: s.output[s.top.index]!, quant: outQ, prob: s.top.prob },
    label: { line: s.top.index + 1, text: s.top.label },
  };
}
