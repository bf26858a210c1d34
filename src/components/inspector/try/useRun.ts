// One run of the loaded model at a time, with its result or a message in the reader's language.
import { useState } from 'preact/hooks';
import type { LoadedModel } from '../../../lib/runtime/index.ts';
import { runAll, type TensorData } from './run-all.ts';

export type RunState<R> =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; result: R; ms: number }
  | { phase: 'error'; message: string };

/** `prepare` builds the inputs (may throw a message for the reader); `read` turns outputs into a result. */
export function useRun<R>(loaded: LoadedModel) {
  const [state, setState] = useState<RunState<R>>({ phase: 'idle' });
  const run = async (prepare: () => Promise<TensorData[]>, read: (outputs: TensorData[]) => R, failed: (detail: string) => string) => {
    setState({ phase: 'running' });
    try {
      const inputs = await prepare();
      const { outputs, inferenceMs } = await runAll(loaded, inputs);
      setState({ phase: 'done', result: read(outputs), ms: inferenceMs });
    } catch (error) {
      setState({ phase: 'error', message: failed(error instanceof Error ? error.message : String(error)) });
    }
  };
  return { state, run, setState };
}
