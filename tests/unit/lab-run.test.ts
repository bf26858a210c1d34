// The run lifecycle shared by every lab (src/components/shared/lab-run.ts).
import { describe, expect, it } from 'vitest';
import { LabRun, type LabRunState } from '../../src/components/shared/lab-run.ts';

function harness() {
  const states: LabRunState<string, number>[] = [];
  const run = new LabRun<string, number>((s) => states.push(s), {
    stopped: (reason) => `stopped:${reason}`,
    failed: (err) => `failed:${(err as Error).message}`,
  });
  return { run, states, kinds: () => states.map((s) => (s.kind === 'message' ? s.text : s.kind === 'running' ? `running:${s.progress}` : s.kind)) };
}

/** A task that waits for its signal or for `finish()`. */
function controllable() {
  let finish!: (v: string) => void;
  let seen!: AbortSignal;
  let report!: (p: number) => void;
  const task = (signal: AbortSignal, progress: (p: number) => void) =>
    new Promise<string>((resolve, reject) => {
      seen = signal;
      report = progress;
      finish = resolve;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { task, finish: (v: string) => finish(v), progress: (p: number) => report(p), signal: () => seen };
}

describe('LabRun', () => {
  it('goes running -> progress -> done', async () => {
    const { run, kinds } = harness();
    const c = controllable();
    const done = run.start(c.task);
    expect(run.running).toBe(true);
    c.progress(3);
    c.finish('ok');
    await done;
    expect(kinds()).toEqual(['running:null', 'running:3', 'done']);
    expect(run.current).toEqual({ kind: 'done', result: 'ok' });
    expect(run.running).toBe(false);
  });

  it('cancel gives the stop message, not an error', async () => {
    const { run, states, kinds } = harness();
    const c = controllable();
    const done = run.start(c.task);
    run.stop('cancelled');
    await done;
    expect(kinds()).toEqual(['running:null', 'stopped:cancelled']);
    expect(states.at(-1)).toMatchObject({ alert: false });
  });

  it('a failure becomes an alert with the mapped message', async () => {
    const { run, states } = harness();
    await run.start(async () => {
      throw new Error('boom');
    });
    expect(states.at(-1)).toEqual({ kind: 'message', text: 'failed:boom', alert: true });
  });

  it('a new start stops the old run silently; late progress of the old run is ignored', async () => {
    const { run, kinds } = harness();
    const first = controllable();
    const firstDone = run.start(first.task);
    const second = controllable();
    const secondDone = run.start(second.task);
    await firstDone;
    first.progress(99);
    second.finish('second');
    await secondDone;
    expect(first.signal().reason).toBe('changed');
    expect(kinds()).toEqual(['running:null', 'running:null', 'done']);
  });

  it('after dispose (unmount) nothing is reported, and the task is aborted', async () => {
    const { run, kinds } = harness();
    const c = controllable();
    const done = run.start(c.task);
    run.dispose();
    await done;
    expect(c.signal().reason).toBe('unmounted');
    expect(kinds()).toEqual(['running:null']);
  });
});
