// One measurement of a side panel (per-op profile, runtime comparison): running flag, live status,
// error line and cancel, and the lab told it is busy so no two measurements skew each other.
import { useRef, useState } from 'preact/hooks';
import type { Dictionary, Translator } from '../../i18n/translate.ts';

type Messages = Translator<Dictionary<'cancelled' | 'failed'>>;

export function usePanelRun(onBusyChange: (busy: boolean) => void, t: Messages) {
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const controller = useRef<AbortController | null>(null);

  const start = async (task: (signal: AbortSignal) => Promise<void>) => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    onBusyChange(true);
    setError('');
    try {
      await task(abort.signal);
    } catch (err) {
      setError(abort.signal.aborted ? t('cancelled') : t('failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setStatus('');
      setRunning(false);
      onBusyChange(false);
      controller.current = null;
    }
  };
  const cancel = () => controller.current?.abort('cancelled');

  return { running, status, setStatus, error, setError, start, cancel };
}
