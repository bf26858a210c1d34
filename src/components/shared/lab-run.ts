// The lifecycle every lab and panel run shares, as a small state machine without Preact so it can be
// unit-tested: start (aborting any run in progress), progress, done, cancel with a reason, unmount
// (no more updates), and errors turned into a message. useLabRun.ts binds it to component state.

export type LabRunState<R, P> =
  | { kind: 'idle' }
  | { kind: 'running'; progress: P | null }
  | { kind: 'done'; result: R }
  | { kind: 'message'; text: string; alert: boolean };

/** Why a run stopped before it finished. 'unmounted' is silent; the others get a message. */
export type StopReason = 'cancelled' | 'changed' | 'unmounted';

export interface LabRunMessages {
  /** Text for a run stopped by the reader ('cancelled') or by a change of settings ('changed'). */
  stopped(reason: Exclude<StopReason, 'unmounted'>): string;
  /** Text for a failure. */
  failed(error: unknown): string;
}

export class LabRun<R, P> {
  private controller: AbortController | null = null;
  private state: LabRunState<R, P> = { kind: 'idle' };
  private dead = false;

  constructor(
    private readonly onChange: (state: LabRunState<R, P>) => void,
    private readonly messages: LabRunMessages,
  ) {}

  get current(): LabRunState<R, P> {
    return this.state;
  }

  get running(): boolean {
    return this.controller !== null;
  }

  private set(state: LabRunState<R, P>): void {
    if (this.dead) return;
    this.state = state;
    this.onChange(state);
  }

  /** Runs `task`; resolves when it has settled (never rejects). A run already in progress is stopped as 'changed'. */
  async start(task: (signal: AbortSignal, progress: (p: P) => void) => Promise<R>): Promise<void> {
    this.stop('changed');
    const abort = new AbortController();
    this.controller = abort;
    const mine = () => this.controller === abort && !abort.signal.aborted;
    this.set({ kind: 'running', progress: null });
    try {
      const result = await task(abort.signal, (p) => mine() && this.set({ kind: 'running', progress: p }));
      if (mine()) this.set({ kind: 'done', result });
    } catch (err) {
      if (abort.signal.aborted) {
        const reason = abort.signal.reason as StopReason;
        // A run replaced by a newer one says nothing: the newer run owns the state now.
        if (reason !== 'unmounted' && this.controller === abort) this.set({ kind: 'message', text: this.messages.stopped(reason), alert: false });
      } else if (this.controller === abort) {
        this.set({ kind: 'message', text: this.messages.failed(err), alert: true });
      }
    } finally {
      if (this.controller === abort) this.controller = null;
    }
  }

  /** Stops the run in progress, if any. */
  stop(reason: StopReason = 'cancelled'): void {
    this.controller?.abort(reason);
  }

  /** A message that is not the outcome of a run (e.g. invalid settings). */
  message(text: string, alert: boolean): void {
    this.set({ kind: 'message', text, alert });
  }

  reset(): void {
    this.set({ kind: 'idle' });
  }

  /** The component went away: stop, and never call onChange again. */
  dispose(): void {
    this.stop('unmounted');
    this.dead = true;
  }
}

/** The usual messages from a lab's own strings: 'cancelled', 'failed' ({message}), and 'changed' if it has one. */
export function standardMessages(t: (key: 'cancelled' | 'failed', vars?: Record<string, string | number>) => string, changed?: string): LabRunMessages {
  return {
    stopped: (reason) => (reason === 'changed' && changed ? changed : t('cancelled')),
    failed: (err) => t('failed', { message: err instanceof Error ? err.message : String(err) }),
  };
}
