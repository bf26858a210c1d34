// Loads both models of the chosen pair into the chosen runtime, with one progress figure that
// covers the runtime's WASM and the models (WASM files counted as they finish, from the
// browser's resource timing; models byte by byte), and states the true download up front.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale, ModelEntry } from '../../lib/models.ts';
import { isCrossOriginIsolated, type RuntimeId, type RuntimeInfo } from '../../lib/runtime/index.ts';
import { closeModelSession, openModelSession, type ModelSession } from '../../lib/classify/session.ts';
import { downloadPlan, loadDownloadSizes, runtimeDownloadFiles, type DownloadPlan, type DownloadSizes } from '../../lib/classify/download.ts';
import { describeError, type ErrorText } from '../../i18n/errors.ts';

export type Phase = 'loading' | 'ready' | 'busy' | 'error';

/** Runtimes whose WASM this page has already downloaded (a second pair costs the models only). */
const loadedRuntimes = new Set<RuntimeId>();

let sizesPromise: Promise<DownloadSizes | null> | null = null;

export interface ModelSessions {
  phase: Phase;
  setPhase: (update: (p: Phase) => Phase) => void;
  progress: { loaded: number; total: number };
  plan: DownloadPlan | null;
  info: RuntimeInfo | null;
  sessions: ModelSession[];
  sessionsRef: { current: Promise<ModelSession[]> | null };
  loadError: ErrorText | null;
  retry: () => void;
}

/** Bytes of WASM files finished so far, from resource timing entries under /wasm/. */
function watchWasm(files: string[], sizes: DownloadSizes | null, onBytes: (bytes: number) => void): () => void {
  if (typeof PerformanceObserver === 'undefined' || !sizes) return () => undefined;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const file = files.find((f) => e.name.endsWith(`/${f}`));
      if (file) onBytes(sizes[file]?.bytes ?? 0);
    }
  });
  observer.observe({ type: 'resource', buffered: false });
  return () => observer.disconnect();
}

export function useModelSessions(entries: ModelEntry[], runtime: RuntimeId, lang: Locale): ModelSessions {
  const [phase, setPhase] = useState<Phase>('loading');
  const [progress, setProgress] = useState({ loaded: 0, total: 0 });
  const [plan, setPlan] = useState<DownloadPlan | null>(null);
  const [info, setInfo] = useState<RuntimeInfo | null>(null);
  const [sessions, setSessions] = useState<ModelSession[]>([]);
  const [loadError, setLoadError] = useState<ErrorText | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sessionsRef = useRef<Promise<ModelSession[]> | null>(null);
  const key = entries.map((e) => e.id).join('+');

  useEffect(() => {
    let cancelled = false;
    setPhase('loading');
    setLoadError(null);
    setInfo(null);
    const threaded = isCrossOriginIsolated();
    const runtimeLoaded = loadedRuntimes.has(runtime);
    const modelBytes = entries.map(() => 0);
    let wasmBytes = 0;
    let total = entries.reduce((sum, e) => sum + e.bytes, 0);
    const report = () => !cancelled && setProgress({ loaded: wasmBytes + modelBytes.reduce((a, b) => a + b, 0), total });
    setProgress({ loaded: 0, total });
    let unwatch = () => undefined as void;
    sizesPromise ??= loadDownloadSizes();
    void sizesPromise.then((sizes) => {
      if (cancelled || !sizes) return;
      const p = downloadPlan(sizes, runtime, threaded, entries.map((e) => e.file), runtimeLoaded);
      setPlan(p);
      total = p.total.bytes;
      if (!runtimeLoaded) unwatch = watchWasm(runtimeDownloadFiles(runtime, threaded), sizes, (b) => ((wasmBytes += b), report()));
      report();
    });
    const opening = Promise.all(
      entries.map((entry, i) => openModelSession(runtime, entry, { onProgress: (loaded) => ((modelBytes[i] = loaded), report()) })),
    );
    sessionsRef.current = opening;
    opening.then(
      (opened) => {
        unwatch();
        if (cancelled) return opened.forEach(closeModelSession);
        loadedRuntimes.add(runtime);
        setSessions(opened);
        setInfo(opened[0]!.model.info);
        setPhase('ready');
      },
      (err: unknown) => {
        unwatch();
        if (cancelled) return;
        setLoadError(describeError(err, lang));
        setPhase('error');
      },
    );
    return () => {
      cancelled = true;
      unwatch();
      opening.then((opened) => opened.forEach(closeModelSession), () => undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, runtime, attempt]);

  return { phase, setPhase, progress, plan, info, sessions, sessionsRef, loadError, retry: () => setAttempt((n) => n + 1) };
}
