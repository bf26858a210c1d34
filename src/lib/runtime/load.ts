// What every engine shares, written once above the adapters: read the tensor specs from the file
// with the site's own reader, check the engine agrees with them, check inputs before each run, and
// time the copy-in, invoke and copy-out steps the same way for every engine.
import { readModelIO, type ModelIO } from './model-io.ts';
import { assertEngineAgrees } from './verify-io.ts';
import { defaultThreads } from './environment.ts';
import {
  RuntimeError,
  type Engine,
  type EngineModel,
  type LoadOptions,
  type LoadedModel,
  type RunAllResult,
  type TensorData,
  type TensorSpec,
} from './types.ts';

/** Number of values a tensor of `shape` holds, or null when a dimension is unknown (-1). */
function elementCount(shape: readonly number[]): number | null {
  return shape.every((d) => d >= 0) ? shape.reduce((n, d) => n * d, 1) : null;
}

function checkInputs(specs: readonly TensorSpec[], inputs: readonly TensorData[]): void {
  if (inputs.length !== specs.length) {
    throw new RuntimeError(`The model takes ${specs.length} input(s); got ${inputs.length}`, 'run-failed');
  }
  specs.forEach((spec, i) => {
    const expected = elementCount(spec.shape);
    const got = inputs[i]!.length;
    if (expected !== null && got !== expected) {
      throw new RuntimeError(`Input ${i} has ${got} values; the model expects ${expected}`, 'run-failed');
    }
  });
}

class Model implements LoadedModel {
  private disposed = false;

  constructor(
    private readonly engine: EngineModel,
    readonly inputs: TensorSpec[],
    readonly outputs: TensorSpec[],
    readonly loadMs: number,
  ) {}

  get info() {
    return this.engine.info;
  }

  async runAll(inputs: readonly TensorData[]): Promise<RunAllResult> {
    if (this.disposed) throw new RuntimeError('This model was released', 'run-failed');
    checkInputs(this.inputs, inputs);
    try {
      const t0 = performance.now();
      this.engine.setInputs(inputs);
      const t1 = performance.now();
      const remoteMs = await this.engine.invoke();
      const t2 = performance.now();
      const outputs = this.engine.readOutputs();
      const t3 = performance.now();
      const inferenceMs = typeof remoteMs === 'number' ? remoteMs : t2 - t1;
      return { outputs, inferenceMs, copyMs: t3 - t0 - inferenceMs };
    } catch (err) {
      if (err instanceof RuntimeError) throw err;
      throw new RuntimeError(`${this.info.runtime} failed to run the model: ${(err as Error).message}`, 'run-failed');
    } finally {
      this.engine.endRun?.();
    }
  }

  async run(input: TensorData) {
    const { outputs, inferenceMs, copyMs } = await this.runAll([input]);
    const output = outputs[0];
    if (!output) throw new RuntimeError('The model returned no output', 'run-failed');
    return { output, inferenceMs, copyMs };
  }

  profile() {
    return this.disposed ? null : (this.engine.profile?.() ?? null);
  }

  wasmHeapBytes() {
    return this.engine.wasmHeapBytes?.() ?? null;
  }

  tfjsTensorCount() {
    return this.engine.tfjsTensorCount?.() ?? null;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.engine.dispose();
  }
}

/**
 * Loads model bytes into `engine`; throws RuntimeError when the engine and the file disagree.
 * Pass `io` when the caller has already parsed the file, so it is parsed once.
 */
export async function openModel(engine: Engine, bytes: Uint8Array, options: LoadOptions = {}, io?: ModelIO): Promise<LoadedModel> {
  const [specs] = await Promise.all([io ?? readModelIO(bytes), engine.ready()]);
  const t0 = performance.now();
  const compiled = await engine.compile(bytes, {
    threads: Math.max(1, options.threads ?? defaultThreads(engine.id)),
    profiling: options.profiling ?? false,
  });
  const loadMs = performance.now() - t0;
  try {
    assertEngineAgrees(engine.id, 'input', specs.inputs, compiled.reportedInputs);
    assertEngineAgrees(engine.id, 'output', specs.outputs, compiled.reportedOutputs);
  } catch (err) {
    compiled.dispose();
    throw err;
  }
  return new Model(compiled, specs.inputs, specs.outputs, loadMs);
}
