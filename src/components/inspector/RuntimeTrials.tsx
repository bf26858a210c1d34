// Whether each browser runtime loads the file, as found by trying.
import { runtimeLabels, type RuntimeId } from '../../lib/runtime/index.ts';
import type { Trial } from './useRuntimeTrials.ts';
import type { T } from './format.ts';

/** The outcome in the reader's language, and the engine's own (English) message apart. */
export function trialText(id: string, trial: Trial, t: T): { text: string; detail: string } {
  const runtime = runtimeLabels[id as RuntimeId] ?? id;
  if (trial.status === 'pending') return { text: t('rt:trying', { runtime }), detail: '' };
  if (trial.status === 'ok') return { text: t(trial.ran ? 'rt:ok' : 'rt:loads', { runtime, ms: trial.ms }), detail: '' };
  const detail = t('rt:detail', { detail: trial.detail });
  if (trial.status === 'run-failed') return { text: t('rt:run-failed', { runtime, ms: trial.ms }), detail };
  return { text: t('rt:failed', { runtime }), detail };
}

export default function RuntimeTrials({ trials, t }: { trials: Record<string, Trial>; t: T }) {
  return (
    <div data-testid="runtime-trials">
      <p class="insp-note">{t('runtimesCaption')}</p>
      <ul class="insp-steps">
        {Object.entries(trials).map(([id, trial]) => (
          <li key={id} data-runtime={id} data-status={trial.status} class={trial.status === 'failed' || trial.status === 'run-failed' ? 'insp-warning' : undefined}>
            {trialText(id, trial, t).text}
            {trial.status === 'failed' || trial.status === 'run-failed' ? <span class="insp-error-detail">{trialText(id, trial, t).detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
