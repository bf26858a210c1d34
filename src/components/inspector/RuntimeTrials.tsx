// Whether each browser runtime loads the file, as found by trying.
import { runtimeLabels, type RuntimeId } from '../../lib/runtime/index.ts';
import type { Trial } from './useRuntimeTrials.ts';
import type { T } from './format.ts';

export function trialText(id: string, trial: Trial, t: T): string {
  const runtime = runtimeLabels[id as RuntimeId] ?? id;
  if (trial.status === 'pending') return t('rt:trying', { runtime });
  if (trial.status === 'ok') return t(trial.ran ? 'rt:ok' : 'rt:loads', { runtime, ms: trial.ms });
  if (trial.status === 'run-failed') return t('rt:run-failed', { runtime, ms: trial.ms, detail: trial.detail });
  return t('rt:failed', { runtime, detail: trial.detail });
}

export default function RuntimeTrials({ trials, t }: { trials: Record<string, Trial>; t: T }) {
  return (
    <div data-testid="runtime-trials">
      <p class="insp-note">{t('runtimesCaption')}</p>
      <ul>
        {Object.entries(trials).map(([id, trial]) => (
          <li key={id} data-runtime={id} data-status={trial.status} class={trial.status === 'failed' || trial.status === 'run-failed' ? 'insp-warning' : undefined}>
            {trialText(id, trial, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
