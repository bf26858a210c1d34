// The layer above the engine adapters (src/lib/runtime/load.ts), with a fake engine: multi-tensor
// I/O in subgraph order, outputs sized by what the engine returns, checks against the file,
// per-run clean-up and the single-tensor convenience.
import { describe, expect, it } from 'vitest';
import { openModel } from '../../src/lib/runtime/load.ts';
import { RuntimeError, type TensorData } from '../../src/lib/runtime/types.ts';
import { fakeEngine, ioOnlyModel } from './helpers/fake-engine.ts';

// Two inputs (float image, int32 count), three outputs like a detector's post-process.
const file = ioOnlyModel(
  [
    { name: 'image', dtype: 'float32', shape: [1, 2, 2, 3] },
    { name: 'count', dtype: 'int32', shape: [1] },
  ],
  [
    { name: 'boxes', dtype: 'float32', shape: [1, 3, 4] },
    { name: 'classes', dtype: 'uint8', shape: [1, 3], quantization: { scale: [0.5], zeroPoint: [2] } },
    { name: 'num', dtype: 'int16', shape: [1] },
  ],
);
const reported = {
  inputs: [{ dtype: 'float32', shape: [1, 2, 2, 3] }, { dtype: 'int32', shape: [1] }],
  outputs: [{ dtype: 'float32', shape: [1, 3, 4] }, { dtype: 'uint8', shape: [1, 3] }, { dtype: 'int16', shape: [1] }],
};
/** Returns only as many detections as `count` asks for: output lengths known only after running. */
const detect = (inputs: readonly TensorData[]): TensorData[] => {
  const n = inputs[1]![0]!;
  const sum = (inputs[0] as Float32Array).reduce((a, b) => a + b, 0);
  return [new Float32Array(n * 4).fill(sum), new Uint8Array(n).fill(7), Int16Array.of(n)];
};

describe('openModel', () => {
  it('takes specs from the file and runs every input/output in subgraph order', async () => {
    const { engine, log } = fakeEngine({ ...reported, compute: detect });
    const model = await openModel(engine, file, { threads: 2 });
    expect(model.inputs.map((s) => s.name)).toEqual(['image', 'count']);
    expect(model.outputs.map((s) => [s.name, s.dtype])).toEqual([['boxes', 'float32'], ['classes', 'uint8'], ['num', 'int16']]);
    expect(model.outputs[1]!.quantization).toEqual({ scale: [0.5], zeroPoint: [2] });
    expect(log.compiled[0]!.options).toEqual({ threads: 2, profiling: false });

    const result = await model.runAll([new Float32Array(12).fill(0.5), Int32Array.of(2)]);
    expect(result.outputs).toHaveLength(3);
    expect(result.outputs[0]).toEqual(new Float32Array(8).fill(6));
    expect(result.outputs[1]).toEqual(new Uint8Array([7, 7]));
    expect(result.outputs[2]).toEqual(Int16Array.of(2));
    expect(result.inferenceMs).toBeGreaterThanOrEqual(0);
    expect(result.copyMs).toBeGreaterThanOrEqual(0);
    expect(log.runs[0]![1]).toEqual(Int32Array.of(2));
    expect(log.endRuns).toBe(1);
  });

  it('run(input) is the first input and first output of runAll', async () => {
    const single = ioOnlyModel([{ name: 'x', dtype: 'int8', shape: [4] }], [{ name: 'y', dtype: 'int8', shape: [4] }, { name: 'z', dtype: 'int8', shape: [1] }]);
    const { engine } = fakeEngine({
      inputs: [{ dtype: 'int8', shape: [4] }],
      outputs: [{ dtype: 'int8', shape: [4] }, { dtype: 'int8', shape: [1] }],
      compute: ([x]) => [Int8Array.from(x!, (v) => -v), Int8Array.of(1)],
    });
    const model = await openModel(engine, single);
    const { output } = await model.run(Int8Array.of(1, -2, 3, -128));
    expect(output).toEqual(Int8Array.of(-1, 2, -3, -128));
  });

  it('refuses a model whose engine view differs from the file, and releases it', async () => {
    const { engine, log } = fakeEngine({
      inputs: reported.inputs,
      outputs: [{ dtype: 'int32', shape: [1, 3, 4] }, ...reported.outputs.slice(1)],
      compute: detect,
    });
    await expect(openModel(engine, file)).rejects.toThrow(/output 0 is float32 \[1, 3, 4\] in the file, int32 \[1, 3, 4\]/);
    expect(log.disposed).toBe(1);
  });

  it('checks the number and length of inputs before touching the engine', async () => {
    const { engine, log } = fakeEngine({ ...reported, compute: detect });
    const model = await openModel(engine, file);
    await expect(model.runAll([new Float32Array(12)])).rejects.toThrow(/takes 2 input\(s\); got 1/);
    await expect(model.runAll([new Float32Array(11), Int32Array.of(1)])).rejects.toThrow(/Input 0 has 11 values; the model expects 12/);
    expect(log.runs).toHaveLength(0);
  });

  it('maps an engine failure to a run-failed RuntimeError and still ends the run', async () => {
    const { engine, log } = fakeEngine({ ...reported, compute: detect, fail: 'invoke' });
    const model = await openModel(engine, file);
    const failure = await model.runAll([new Float32Array(12), Int32Array.of(1)]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RuntimeError);
    expect((failure as RuntimeError).code).toBe('run-failed');
    expect(log.endRuns).toBe(1);
  });

  it('refuses to run after dispose and disposes the engine model once', async () => {
    const { engine, log } = fakeEngine({ ...reported, compute: detect });
    const model = await openModel(engine, file);
    model.dispose();
    model.dispose();
    expect(log.disposed).toBe(1);
    await expect(model.runAll([new Float32Array(12), Int32Array.of(1)])).rejects.toThrow(/released/);
  });
});
