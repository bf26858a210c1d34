// One run lifecycle for every lab and panel (see lab-run.ts): state, start, cancel, unmount, and
// the lab told it is busy (so two measurements never run at once and skew each other).
import { useEffect, useRef, useState } from 'preact/hooks';
import { LabRun, type LabRunMessages, type LabRunState } from './lab-run.ts';

export function useLabRun<R, P = never>(messages: LabRunMessages, onBusyChange?: (busy: boolean) => void) {
  const [state, setState] = useState<LabRunState<R, P>>({ kind: 'idle' });
  // Latest callbacks without re-creating the run (messages change with the language).
  const latest = useRef({ messages, onBusyChange });
  latest.current = { messages, onBusyChange };
  const run = useRef<LabRun<R, P> | null>(null);
  run.current ??= new LabRun<R, P>(
    (next) => {
      setState(next);
      latest.current.onBusyChange?.(next.kind === 'running');
    },
    { stopped: (reason) => latest.current.messages.stopped(reason), failed: (err) => latest.current.messages.failed(err) },
  );
  useEffect(() => {
    const current = run.current!;
    return () => {
      if (current.running) latest.current.onBusyChange?.(false);
      current.dispose();
    };
  }, []);
  const lab = run.current;
  return {
    state,
    running: state.kind === 'running',
    start: lab.start.bind(lab),
    stop: lab.stop.bind(lab),
    message: lab.message.bind(lab),
    reset: lab.reset.bind(lab),
  };
}
