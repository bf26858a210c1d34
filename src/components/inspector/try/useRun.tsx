// One run of the loaded model at a time, with its result or a message in the reader's language.
import { useState } from 'preact/hooks';
import type { Locale } from '../../../lib/models.ts';
import type { LoadedModel, TensorData } from '../../../lib/runtime/index.ts';
import { describeError } from '../../../i18n/errors.ts';
import { inTurn } from '../engine-turns.ts';

export type RunState<R> =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; result: R; ms: number }
  | { phase: 'error'; message: string; detail: string };

/** `prepare` builds the inputs; `read` turns the outputs into what the view shows. */
export function useRun<R>(loaded: LoadedModel, lang: Locale) {
  const [state, setState] = useState<RunState<R>>({ phase: 'idle' });
  const run = async (prepare: () => Promise<TensorData[]>, read: (outputs: TensorData[]) => R) => {
    setState({ phase: 'running' });
    try {
      const inputs = await prepare();
      const { outputs, inferenceMs } = await inTurn(() => loaded.runAll(inputs));
      setState({ phase: 'done', result: read(outputs), ms: inferenceMs });
    } catch (error) {
      const { message, detail } = describeError(error, lang);
      setState({ phase: 'error', message, detail });
    }
  };
  return { state, run };
}

export function RunError({ state }: { state: RunState<unknown> }) {
  if (state.phase !== 'error') return null;
  return (
    <p class="insp-error" role="alert" data-testid="try-error">
      {state.message}
      {state.detail && <span class="insp-error-detail">{state.detail}</span>}
    </p>
  );
}
