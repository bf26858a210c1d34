// What the benchmark lab measures: the models (manifest + handed-over files), the selection, the
// runtime, threads and plan, read once from the URL and the hand-over on the client.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { models, type Locale } from '../../lib/models.ts';
import { DEFAULT_RUNTIME, defaultThreads, isCrossOriginIsolated, isRuntimeId, type RuntimeId } from '../../lib/runtime/index.ts';
import { manifestSource, type ModelSource } from '../../lib/inference/source.ts';
import { defaultSelection, selectionFromQuery } from '../../lib/catalog/selection.ts';
import { handedOverSources } from '../shared/handoff-source.ts';

const MAX_THREADS = 8;

export function useBenchmarkSettings(lang: Locale) {
  const [extra, setExtra] = useState<ModelSource[]>([]);
  const [selected, setSelected] = useState<string[]>(defaultSelection);
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const [maxThreads, setMaxThreads] = useState(1);
  // Whether the page is cross-origin isolated is known only in the browser: say nothing about it before.
  const [isolationKnown, setIsolationKnown] = useState(false);
  const [threads, setThreads] = useState('1');
  const [warmup, setWarmup] = useState('5');
  const [runs, setRuns] = useState('30');

  const sources = useMemo(() => {
    const all = models.map((m) => manifestSource(m));
    // A handed-over site model (the quantizer's float input) is already in the list.
    return [...all, ...extra.filter((e) => !all.some((a) => a.id === e.id))];
  }, [extra]);
  const sourceOf = useCallback((id: string) => sources.find((s) => s.id === id), [sources]);
  const nameOf = useCallback((id: string) => sourceOf(id)?.name[lang] ?? id, [sourceOf, lang]);
  const chosen = useMemo(() => selected.map((id) => sourceOf(id)).filter((s): s is ModelSource => !!s), [selected, sourceOf]);

  // Browser-only settings: thread limits, the query string and the inspector's or quantizer's hand-over.
  useEffect(() => {
    const max = isCrossOriginIsolated() ? Math.max(1, Math.min(MAX_THREADS, navigator.hardwareConcurrency || 1)) : 1;
    setMaxThreads(max);
    setIsolationKnown(true);
    const params = new URLSearchParams(location.search);
    const fromQuery = selectionFromQuery(params.getAll('model'), (id) => models.some((m) => m.id === id));
    if (fromQuery) setSelected(fromQuery);
    const rt = params.get('runtime');
    if (isRuntimeId(rt)) setRuntime(rt);
    const th = Number(params.get('threads'));
    setThreads(String(Number.isInteger(th) && th >= 1 && th <= max ? th : Math.min(max, defaultThreads(isRuntimeId(rt) ? rt : DEFAULT_RUNTIME))));
    if (params.get('runs')) setRuns(params.get('runs')!);
    if (params.get('warmup')) setWarmup(params.get('warmup')!);
    let live = true;
    handedOverSources(params).then((handed) => {
      if (!live || handed.length === 0) return;
      setExtra(handed);
      // The quantizer's pair: float (baseline) vs quantized. The inspector's file: vs the default baseline.
      setSelected(handed.length > 1 ? handed.map((h) => h.id) : [handed[0]!.id, ...defaultSelection().slice(0, 1)]);
    });
    return () => {
      live = false;
    };
  }, []);

  const toggle = (id: string) => setSelected((sel) => (sel.includes(id) ? sel.filter((s) => s !== id) : [...sel, id]));

  return {
    sources, extra, selected, setSelected, toggle, chosen, sourceOf, nameOf,
    runtime, setRuntime, maxThreads, isolationKnown, threads, setThreads, warmup, setWarmup, runs, setRuns,
  };
}

export type BenchmarkSettings = ReturnType<typeof useBenchmarkSettings>;
