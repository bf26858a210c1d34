// Whether each browser runtime can run a file, found out by loading it (not guessed from the op
// list). The first runtime that loads it (LiteRT.js first) stays loaded for "Run it here".
import { useEffect, useState } from 'preact/hooks';
import { loadRuntime, runtimeIds, type LoadedModel, type RuntimeId } from '../../lib/runtime/index.ts';

export type Trial =
  | { status: 'pending' }
  | { status: 'ok'; ms: number }
  | { status: 'failed'; detail: string };

/** LiteRT.js (the site's default) first: the model kept for running is the best one available. */
const ORDER: readonly RuntimeId[] = ['litert', ...runtimeIds.filter((id) => id !== 'litert')];

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
        const t0 = performance.now();
        let trial: Trial;
        try {
          const loaded = await (await loadRuntime(id)).load(bytes);
          trial = { status: 'ok', ms: Math.round(performance.now() - t0) };
          if (live && !kept) {
            kept = loaded;
            setModel({ runtime: id, loaded });
          } else {
            loaded.dispose();
          }
        } catch (error) {
          trial = { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
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
