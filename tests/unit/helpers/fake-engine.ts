// A fake engine for unit tests of everything above the adapters: it "runs" a model by calling a
// function of the inputs, reports the tensor specs it is given, and records what happened.
import type { Engine, EngineModel, EngineTensorReport, LoadOptions, OpProfile, TensorData } from '../../../src/lib/runtime/types.ts';
import { writeTflite, type WritableTensor } from '../../../src/lib/tflite/writer.ts';
import type { TfliteDtype } from '../../../src/lib/tflite/types.ts';

export interface FakeTensor {
  name: string;
  dtype: TfliteDtype;
  shape: number[];
  quantization?: { scale: number[]; zeroPoint: number[] };
}

/** A .tflite file with the given inputs and outputs and no operators (enough for the reader). */
export function ioOnlyModel(inputs: FakeTensor[], outputs: FakeTensor[]): Uint8Array {
  const tensors: WritableTensor[] = [...inputs, ...outputs].map((t) => ({
    name: t.name,
    shape: t.shape,
    dtype: t.dtype,
    buffer: 0,
    quantization: t.quantization ? { ...t.quantization, axis: 0 } : null,
    isVariable: false,
    shapeSignature: null,
  }));
  return writeTflite({
    version: 3,
    description: 'fake',
    operatorCodes: [],
    subgraphs: [{ name: 'main', tensors, inputs: inputs.map((_, i) => i), outputs: outputs.map((_, i) => inputs.length + i), operators: [] }],
    buffers: [null],
    metadata: [],
    signatureDefs: [],
  });
}

export interface FakeEngineLog {
  compiled: { bytes: number; options: Required<LoadOptions> }[];
  runs: TensorData[][];
  endRuns: number;
  disposed: number;
}

export function fakeEngine(options: {
  inputs: EngineTensorReport[];
  outputs: EngineTensorReport[];
  compute: (inputs: readonly TensorData[]) => TensorData[];
  fail?: 'compile' | 'invoke';
  /** What the engine's profiler reports (every node of every run so far). */
  profile?: () => OpProfile[];
}): { engine: Engine; log: FakeEngineLog } {
  const log: FakeEngineLog = { compiled: [], runs: [], endRuns: 0, disposed: 0 };
  const engine: Engine = {
    id: 'litert',
    ready: async () => {},
    async compile(bytes, compileOptions) {
      if (options.fail === 'compile') throw new Error('fake compile failure');
      log.compiled.push({ bytes: bytes.byteLength, options: compileOptions });
      let pending: readonly TensorData[] = [];
      let results: TensorData[] = [];
      const model: EngineModel = {
        info: { runtime: 'litert', variant: 'fake', threads: compileOptions.threads, crossOriginIsolated: false },
        reportedInputs: options.inputs,
        reportedOutputs: options.outputs,
        setInputs: (inputs) => {
          pending = inputs.map((x) => x.slice());
        },
        invoke: () => {
          if (options.fail === 'invoke') throw new Error('fake invoke failure');
          log.runs.push([...pending]);
          results = options.compute(pending);
        },
        readOutputs: () => results.map((r) => r.slice()),
        profile: options.profile,
        endRun: () => {
          log.endRuns++;
        },
        dispose: () => {
          log.disposed++;
        },
      };
      return model;
    },
  };
  return { engine, log };
}
