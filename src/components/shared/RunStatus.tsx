// The status line under a lab's Run button: a progress bar while running, the outcome's message
// (an alert for failures), or a done line. Announced politely to screen readers.
import type { ComponentChildren } from 'preact';
import type { LabRunState } from './lab-run.ts';

interface Props<R, P> {
  state: LabRunState<R, P>;
  testId: string;
  /** Progress bar while running: done/total (undefined = indeterminate) and its text. */
  progress: (progress: P | null) => { done?: number; total: number; text: string };
  done?: (result: R) => ComponentChildren;
}

export default function RunStatus<R, P>({ state, testId, progress, done }: Props<R, P>) {
  let body: ComponentChildren = null;
  if (state.kind === 'running') {
    const p = progress(state.progress);
    body = (
      <>
        <progress data-testid={`${testId}-progress`} max={p.total} value={p.done} aria-label={p.text} />
        <span>{p.text}</span>
      </>
    );
  } else if (state.kind === 'message') {
    body = (
      <p class={state.alert ? 'bl-error' : 'bl-info'} role={state.alert ? 'alert' : undefined} data-testid={`${testId}-message`}>
        {state.text}
      </p>
    );
  } else if (state.kind === 'done' && done) {
    body = done(state.result);
  }
  return (
    <div class="bl-status" aria-live="polite" data-testid={`${testId}-status`}>
      {body}
    </div>
  );
}
