// The quantizer lab's status line: progress while it runs (per calibration photo), then done,
// cancelled or the failure with its detail.
import type { QuantizeStage } from '../../lib/calibration/pipeline.ts';
import type { LabRunState } from '../shared/lab-run.ts';
import type { QuantizerT } from './errors.ts';
import type { Quantized } from './useQuantizerLab.ts';

interface Props {
  t: QuantizerT;
  state: LabRunState<Quantized, QuantizeStage>;
  errorDetail: string | undefined;
  /** Step 1 refused the file: the idle line says what unlocks Quantize instead of asking to press it. */
  modelRefused: boolean;
}

function statusText(t: QuantizerT, state: LabRunState<Quantized, QuantizeStage>, modelRefused: boolean): string {
  if (state.kind === 'running') {
    const stage = state.progress;
    if (!stage || stage.kind === 'preparing') return t('statusPreparing');
    return stage.kind === 'calibrating' ? t('statusCalibrating', { done: stage.done, total: stage.total }) : t('statusWriting');
  }
  if (state.kind === 'done') return t('statusDone', { seconds: (state.result.outcome.timings.totalMs / 1000).toFixed(1) });
  return state.kind === 'message' ? state.text : t(modelRefused ? 'statusNoModel' : 'statusIdle');
}

export default function QuantizeStatus({ t, state, errorDetail, modelRefused }: Props) {
  const stage = state.kind === 'running' ? state.progress : null;
  const error = state.kind === 'message' && state.alert;
  const text = statusText(t, state, modelRefused);
  return (
    <div class="bl-status" aria-live="polite">
      {state.kind === 'running' ? (
        <progress
          max={stage?.kind === 'calibrating' ? stage.total : 1}
          value={stage?.kind === 'calibrating' ? stage.done : undefined}
          aria-label={text}
          data-testid="quantize-progress"
        />
      ) : null}
      <p class={error ? 'bl-error' : undefined} role={error ? 'alert' : undefined} data-testid="quantize-status" data-state={state.kind === 'message' ? (error ? 'error' : 'idle') : state.kind}>
        {text}
        {error && errorDetail ? <span class="q-detail">{errorDetail}</span> : null}
      </p>
    </div>
  );
}
