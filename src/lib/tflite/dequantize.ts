// Real values of constant tensors: float data as is, quantized data as (q - zero_point) * scale,
// per channel along `quantized_dimension` where the tensor has one scale per channel.
import { dequantizeTensor } from '../quant/quantize.ts';
import { TfliteParseError, type TfliteDtype, type TfliteModel, type TfliteTensor } from './types.ts';

const BYTE_SIZES: Partial<Record<TfliteDtype, number>> = {
  float32: 4, float16: 2, int32: 4, uint8: 1, int64: 8, bool: 1, int16: 2, complex64: 8, int8: 1,
  float64: 8, complex128: 16, uint64: 8, uint32: 4, uint16: 2, int4: 0.5, bfloat16: 2,
};

/** Bytes per element (0.5 for int4); undefined for variable-size types (string, resource...). */
export function dtypeByteSize(dtype: TfliteDtype): number | undefined {
  return BYTE_SIZES[dtype];
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * Math.max(d, 0), 1);
}

/** Reads one element of a little-endian integer or float tensor as a JS number. */
function elementReader(dtype: TfliteDtype, view: DataView): ((i: number) => number) | null {
  switch (dtype) {
    case 'float32': return (i) => view.getFloat32(4 * i, true);
    case 'float64': return (i) => view.getFloat64(8 * i, true);
    case 'float16': return (i) => float16ToNumber(view.getUint16(2 * i, true));
    case 'bfloat16': return (i) => bfloat16ToNumber(view.getUint16(2 * i, true));
    case 'int8': return (i) => view.getInt8(i);
    case 'uint8': return (i) => view.getUint8(i);
    case 'int16': return (i) => view.getInt16(2 * i, true);
    case 'uint16': return (i) => view.getUint16(2 * i, true);
    case 'int32': return (i) => view.getInt32(4 * i, true);
    case 'uint32': return (i) => view.getUint32(4 * i, true);
    case 'int64': return (i) => Number(view.getBigInt64(8 * i, true));
    default: return null;
  }
}

export function float16ToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

function bfloat16ToNumber(b: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, b << 16);
  return view.getFloat32(0);
}

/** What reading a constant's values needs (a parsed tensor, or the quantizer's editable copy). */
export type ConstantTensor = Pick<TfliteTensor, 'name' | 'shape' | 'dtype' | 'data' | 'quantization'>;

/**
 * The real values of a constant tensor as float32: dequantized when the tensor is quantized,
 * converted otherwise. Throws TfliteParseError when the tensor has no data or its data does not
 * match its shape. Accepts (tensor) or (model, tensor).
 */
export function constantTensorValues(tensor: ConstantTensor): Float32Array;
export function constantTensorValues(model: TfliteModel, tensor: ConstantTensor): Float32Array;
export function constantTensorValues(a: ConstantTensor | TfliteModel, b?: ConstantTensor): Float32Array {
  const tensor = b ?? (a as ConstantTensor);
  const { data, dtype, shape, quantization } = tensor;
  if (!data) throw new TfliteParseError(`Tensor "${tensor.name}" has no constant data (it is an activation).`, 'malformed');
  const size = dtypeByteSize(dtype);
  const count = elementCount(shape);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const read = size === undefined || size < 1 ? null : elementReader(dtype, view);
  if (!read || size === undefined) throw new TfliteParseError(`Tensor "${tensor.name}" has type ${dtype}, which has no numeric reading here.`, 'malformed');
  if (data.byteLength !== count * size) {
    throw new TfliteParseError(`Tensor "${tensor.name}" holds ${data.byteLength} bytes, but shape [${shape.join(', ')}] of ${dtype} needs ${count * size}.`, 'malformed');
  }
  const raw = new Float32Array(count);
  for (let i = 0; i < count; i++) raw[i] = read(i);
  const isFloat = dtype === 'float32' || dtype === 'float16' || dtype === 'float64' || dtype === 'bfloat16';
  if (!quantization || quantization.scale.length === 0 || isFloat) return raw;
  const { scale, axis } = quantization;
  // A missing zero point means 0 (the schema's default); one zero point may serve every channel.
  const zeroPoint = scale.map((_, c) => quantization.zeroPoint[c] ?? quantization.zeroPoint[0] ?? 0);
  if (scale.length === 1) return dequantizeTensor(raw, shape, { axis: null, scale, zeroPoint });
  const channels = shape[axis];
  if (channels !== scale.length) {
    throw new TfliteParseError(
      `Tensor "${tensor.name}" has ${scale.length} scales along axis ${axis}, but that axis has ${channels ?? 'no'} entries.`, 'malformed');
  }
  return dequantizeTensor(raw, shape, { axis, scale, zeroPoint });
}
