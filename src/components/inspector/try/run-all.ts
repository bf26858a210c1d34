// Every output of one run. TEMPORARY bridge until LoadedModel.runAll (multi-tensor I/O, helper
// "structure") is on main: then this file goes and callers use loaded.runAll directly. Until then a
// model with one input runs through run() and only its first output is returned.
import type { LoadedModel } from '../../../lib/runtime/index.ts';
import type { SyntheticTensor } from '../../../lib/tryit/synthetic-inputs.ts';

export type TensorData = SyntheticTensor;

interface RunAllResult {
  outputs: TensorData[];
  inferenceMs: number;
}

export async function runAll(loaded: LoadedModel, inputs: TensorData[]): Promise<RunAllResult> {
  const withRunAll = loaded as LoadedModel & { runAll?: (inputs: TensorData[]) => Promise<RunAllResult> };
  if (typeof withRunAll.runAll === 'function') return withRunAll.runAll(inputs);
  if (inputs.length !== 1) throw new Error(`This runtime runs one input at a time; the model has ${inputs.length}`);
  const { output, inferenceMs } = await loaded.run(inputs[0] as Parameters<LoadedModel['run']>[0]);
  return { outputs: [output], inferenceMs };
}
