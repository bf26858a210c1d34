// Whether each runtime runs the quantized file, measured here: one runtime after the other, since
// loading both at once would skew the times and double the memory.
import { useEffect, useState } from 'preact/hooks';
import { runtimeIds, runtimeLabels, defaultThreads } from '../../lib/runtime/index.ts';
import type { Normalization } from '../../lib/image/input.ts';
import { checkRunsInTurn, loadProbePhoto, type RunCheck } from '../../lib/converter/runs.ts';
import type { QuantizerT } from './errors.ts';

interface Props {
  t: QuantizerT;
  bytes: Uint8Array;
  /** The float model, run on the same input for comparison. */
  reference: Uint8Array;
  normalization: Normalization;
  /** The check feeds a photo (else synthetic inputs of the model's own types): the hint says which. */
  withPhoto: boolean;
}

function useRunChecks(bytes: Uint8Array, reference: Uint8Array, normalization: Normalization): (RunCheck | null)[] {
  const [checks, setChecks] = useState<(RunCheck | null)[]>(runtimeIds.map(() => null));
  useEffect(() => {
    let live = true;
    (async () => {
      const photo = await loadProbePhoto();
      for (const [i, id] of runtimeIds.entries()) {
        if (!live) return; // a newer result replaced this one
        const result = await checkRunsInTurn(id, bytes, normalization, { threads: defaultThreads(), reference, photo });
        if (!live) return;
        setChecks((c) => c.map((x, k) => (k === i ? result : x)));
      }
    })();
    return () => {
      live = false;
    };
  }, [bytes, reference, normalization]);
  return checks;
}

/** Three significant digits; values within 1e-4 of 0 (softmax tails) read as 0. */
const short = (x: number) => (Math.abs(x) < 1e-4 ? '0' : x.toPrecision(3));

/** The comparison with the float model, in one line. */
function agreementLine(t: QuantizerT, c: Extract<RunCheck, { ok: true }>): string {
  const a = c.agreement;
  if (!a) {
    if (!c.notCompared) return '';
    return t('checkNotCompared', { reason: c.notCompared.code === 'inputs-differ' ? t('checkInputsDiffer') : c.notCompared.detail });
  }
  const parts: string[] = [];
  if (a.worst) parts.push(t('checkAgreement', { diff: short(a.worst.diff), min: short(a.worst.min), max: short(a.worst.max) }));
  if (a.top) parts.push(t(a.top.float === a.top.quantized ? 'checkTopSame' : 'checkTopDiffers', a.top));
  if (a.integersEqual) parts.push(t('checkIntegers', a.integersEqual));
  return parts.join(' ');
}

export default function RuntimeChecks({ t, bytes, reference, normalization, withPhoto }: Props) {
  const checks = useRunChecks(bytes, reference, normalization);
  return (
    <>
      <p class="q-subheading">{t('checkHeading')}</p>
      <p class="bl-hint">{t(withPhoto ? 'checkHint' : 'checkHintSynthetic')}</p>
      <ul class="q-checks">
        {runtimeIds.map((id, i) => {
          const c = checks[i] ?? null;
          return (
            <li
              key={id} data-testid="runtime-check" data-runtime={id} data-state={c === null ? 'running' : c.ok ? 'ok' : 'refused'} data-ms={c?.ok ? c.inferenceMs.toFixed(2) : undefined}
              data-max-relative-diff={c?.ok && c.agreement?.maxRelativeDiff != null ? c.agreement.maxRelativeDiff.toFixed(5) : undefined}
              data-top-same={c?.ok && c.agreement?.top ? String(c.agreement.top.float === c.agreement.top.quantized) : undefined}
              data-integers-equal={c?.ok && c.agreement?.integersEqual ? `${c.agreement.integersEqual.equal}/${c.agreement.integersEqual.total}` : undefined}
            >
              {c === null
                ? t('checkRunning', { runtime: runtimeLabels[id] })
                : c.ok
                  ? `${t('checkOk', { runtime: runtimeLabels[id], ms: c.inferenceMs.toFixed(1) })} ${agreementLine(t, c)}`
                  : t('checkRefused', { runtime: runtimeLabels[id], reason: c.reason })}
            </li>
          );
        })}
      </ul>
    </>
  );
}
