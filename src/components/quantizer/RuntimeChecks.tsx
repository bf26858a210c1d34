// Whether each runtime runs the quantized file, measured here: one runtime after the other, since
// loading both at once would skew the times and double the memory.
import { useEffect, useState } from 'preact/hooks';
import { runtimeIds, runtimeLabels, defaultThreads } from '../../lib/runtime/index.ts';
import type { Normalization } from '../../lib/image/input.ts';
import { checkRuns, type RunCheck } from '../../lib/converter/runs.ts';
import type { QuantizerT } from './errors.ts';

interface Props {
  t: QuantizerT;
  bytes: Uint8Array;
  normalization: Normalization;
  /** The check feeds a grey photo (else synthetic inputs of the model's own types): the heading says which. */
  withPhoto: boolean;
}

function useRunChecks(bytes: Uint8Array, normalization: Normalization): (RunCheck | null)[] {
  const [checks, setChecks] = useState<(RunCheck | null)[]>(runtimeIds.map(() => null));
  useEffect(() => {
    let live = true;
    (async () => {
      for (const [i, id] of runtimeIds.entries()) {
        const result = await checkRuns(id, bytes, normalization, defaultThreads());
        if (!live) return;
        setChecks((c) => c.map((x, k) => (k === i ? result : x)));
      }
    })();
    return () => {
      live = false;
    };
  }, [bytes, normalization]);
  return checks;
}

export default function RuntimeChecks({ t, bytes, normalization, withPhoto }: Props) {
  const checks = useRunChecks(bytes, normalization);
  return (
    <>
      <p class="q-subheading">{t(withPhoto ? 'checkHeading' : 'checkHeadingSynthetic')}</p>
      <ul class="q-checks">
        {runtimeIds.map((id, i) => {
          const c = checks[i] ?? null;
          return (
            <li key={id} data-testid="runtime-check" data-runtime={id} data-state={c === null ? 'running' : c.ok ? 'ok' : 'refused'} data-ms={c?.ok ? c.inferenceMs.toFixed(2) : undefined}>
              {c === null
                ? t('checkRunning', { runtime: runtimeLabels[id] })
                : c.ok
                  ? t('checkOk', { runtime: runtimeLabels[id], ms: c.inferenceMs.toFixed(1) })
                  : t('checkRefused', { runtime: runtimeLabels[id], reason: c.reason })}
            </li>
          );
        })}
      </ul>
    </>
  );
}
