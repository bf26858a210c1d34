// Whether each browser runtime can run a file, found out by loading it and running it once on
// generated inputs (not guessed from the op list). The first runtime that runs it (LiteRT.js
// first) stays loaded for "Run it here".
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_RUNTIME, loadModel, runtimeIds, type LoadedModel, type RuntimeId } from '../../lib/runtime/index.ts';
import { syntheticInputs } from '../../lib/tryit/synthetic-inputs.ts';
import { inTurn } from './engine-turns.ts';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Loads the file, then runs it once on generated inputs: loading alone does not prove it runs. */
async function tryRuntime(id: RuntimeId, bytes: Uint8Array): Promise<{ trial: Trial; loaded: LoadedModel | null }> {
  let t0 = 0;
  let loaded: LoadedModel;
  try {
    loaded = await inTurn(() => {
      t0 = performance.now();
      return loadModel(id, bytes);
    });
  } catch (error) {
    return { trial: { status: 'failed', detail: message(error) }, loaded: null };
  }
  const ms = Math.round(performance.now() - t0);
  let inputs;
  try {
    inputs = syntheticInputs(loaded.inputs);
  } catch {
    return { trial: { status: 'ok', ms, ran: false }, loaded };
  }
  try {
    await inTurn(() => loaded.runAll(inputs));
    return { trial: { status: 'ok', ms, ran: true }, loaded };
  } catch (error) {
    try {
      loaded.dispose();
    } catch {
      // An engine that crashed may not release its model; nothing more to do here.
    }
    return { trial: { status: 'run-failed', ms, detail: message(error) }, loaded: null };
  }
}

export type Trial =
  | { status: 'pending' }
  /** Loaded, and one run on generated inputs went through (`ran` false when inputs cannot be generated). */
  | { status: 'ok'; ms: number; ran: boolean }
  /** Loaded, but the run failed: the runtime accepts the file but cannot execute it. */
  | { status: 'run-failed'; ms: number; detail: string }
  | { status: 'failed'; detail: string };

/** LiteRT.js (the site's default) first: the model kept for running is the best one available. */
const ORDER: readonly RuntimeId[] = [DEFAULT_RUNTIME, ...runtimeIds.filter((id) => id !== DEFAULT_RUNTIME)];

export function useRuntimeTrials(bytes: Uint8Array | null) {
  const [trials, setTrials] = useState<Record<string, Trial>>({});
  const [model, setModel] = useState<{ runtime: RuntimeId; loaded: LoadedModel } | null>(null);

  useEffect(() => {
    setModel(null);
    if (!bytes) {
      setTrials({});
      return;
    }
    let live = true;
    let kept: LoadedModel | null = null;
    setTrials(Object.fromEntries(ORDER.map((id) => [id, { status: 'pending' }])));
    (async () => {
      // One after the other: two WASM engines compiling at once would double the peak memory.
      for (const id of ORDER) {
        if (!live) return;
        const { trial, loaded } = await tryRuntime(id, bytes);
        if (loaded && live && !kept) {
          kept = loaded;
          setModel({ runtime: id, loaded });
        } else {
          loaded?.dispose();
        }
        if (live) setTrials((all) => ({ ...all, [id]: trial }));
      }
    })();
    return () => {
      live = false;
      kept?.dispose();
    };
  }, [bytes]);

  return { trials, model };
}
