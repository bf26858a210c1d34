// The real dtype, shape, scale and zero point of a model's inputs and outputs, read from the
// .tflite file itself (runtimes report int32 for 8-bit tensors and no quantization at all).
import type { TfliteDtype, TfliteModel, TfliteTensor } from '../tflite/types.ts';
import type { TensorDtype, TensorSpec } from './types.ts';

export interface ModelIO {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

const KNOWN_DTYPES: readonly TensorDtype[] = ['float32', 'float16', 'int32', 'uint8', 'int8', 'int16', 'int64', 'bool', 'string'];

function toTensorDtype(dtype: TfliteDtype): TensorDtype {
  return (KNOWN_DTYPES as readonly string[]).includes(dtype) ? (dtype as TensorDtype) : 'unknown';
}

export function tensorSpec(tensor: TfliteTensor): TensorSpec {
  const spec: TensorSpec = { name: tensor.name, dtype: toTensorDtype(tensor.dtype), shape: [...tensor.shape] };
  const q = tensor.quantization;
  if (q && q.scale.length > 0) {
    spec.quantization = { scale: [...q.scale], zeroPoint: [...q.zeroPoint] };
    if (q.scale.length > 1) spec.quantization.axis = q.axis;
  }
  return spec;
}

/** Inputs and outputs of the model's main (first) subgraph, in the model's own order. */
export function modelIO(model: TfliteModel): ModelIO {
  const graph = model.subgraphs[0];
  if (!graph) throw new Error('The model has no subgraph');
  const at = (index: number): TensorSpec => {
    const tensor = graph.tensors[index];
    if (!tensor) throw new Error(`The model refers to tensor ${index}, which does not exist`);
    return tensorSpec(tensor);
  };
  return { inputs: graph.inputs.map(at), outputs: graph.outputs.map(at) };
}

/** Parses the file with the site's .tflite reader and returns its input/output specs. */
export async function readModelIO(bytes: Uint8Array): Promise<ModelIO> {
  const { parseTflite } = await import('../tflite/reader.ts');
  return modelIO(parseTflite(bytes));
}
