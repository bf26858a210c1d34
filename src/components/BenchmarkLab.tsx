// Benchmark lab: pick models, runtime and threads, run the interleaved benchmark with progress and
// cancel, and show the results. State and rendering only; the measuring lives in lib/bench.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { models, type Locale } from '../lib/models.ts';
import { DEFAULT_RUNTIME, runtimeLabels, isRuntimeId, isCrossOriginIsolated, defaultThreads, type RuntimeId } from '../lib/runtime/index.ts';
import { benchmark, BenchError, type BenchStatus, type BenchmarkResult } from '../lib/bench/benchmark.ts';
import { manifestSource, type ModelSource } from '../lib/inference/source.ts';
import { PlanError, validateModelCount, validatePlan, validateThreads } from '../lib/bench/validate.ts';
import { browserEnvironment, type BenchReport } from '../lib/bench/report.ts';
import { reportFrom } from '../lib/bench/rows.ts';
import { translator } from '../i18n/translate.ts';
import { benchStrings } from '../i18n/bench.ts';
import BenchResults from './bench/BenchResults.tsx';
import OpProfilePanel from './bench/OpProfilePanel.tsx';
import RuntimeComparison from './bench/RuntimeComparison.tsx';
import { describeError } from '../i18n/errors.ts';
import { defaultSelection, presets, selectionFromQuery } from '../lib/catalog/selection.ts';
import { HANDOFF_SOURCE_ID, handedOverSources } from './bench/handoff-source.ts';
import RuntimeSelect from './shared/RuntimeSelect.tsx';
import RunCancelButtons from './shared/RunCancelButtons.tsx';
import './bench/BenchmarkLab.css';

interface Props {
  lang: Locale;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; status: BenchStatus | null }
  | { kind: 'done'; result: BenchmarkResult; report: BenchReport }
  | { kind: 'message'; text: string; alert: boolean };

const MAX_THREADS = 8;

export default function BenchmarkLab({ lang }: Props) {
  const t = translator(benchStrings, lang);
  const uid = useId();
  const [extra, setExtra] = useState<ModelSource[]>([]);
  const [selected, setSelected] = useState<string[]>(defaultSelection);
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const [maxThreads, setMaxThreads] = useState(1);
  // Whether the page is cross-origin isolated is known only in the browser: say nothing about it before.
  const [isolationKnown, setIsolationKnown] = useState(false);
  const [threads, setThreads] = useState('1');
  const [warmup, setWarmup] = useState('5');
  const [runs, setRuns] = useState('30');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  /** A profile or runtime comparison is running: one measurement at a time, or they skew each other. */
  const [panelBusy, setPanelBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const sources = useMemo(() => {
    const all = models.map((m) => manifestSource(m.id));
    // A handed-over site model (the quantizer's float input) is already in the list.
    return [...all, ...extra.filter((e) => !all.some((a) => a.id === e.id))];
  }, [extra]);
  const sourceOf = useCallback((id: string) => sources.find((s) => s.id === id), [sources]);
  const nameOf = useCallback((id: string) => sourceOf(id)?.name[lang] ?? id, [sourceOf, lang]);

  // Browser-only settings: thread limits, the query string and the inspector's hand-over.
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
      controller.current?.abort('unmounted');
    };
  }, []);

  /** Any change of what is measured stops a run in progress: its numbers would describe the old choice. */
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    if (controller.current) controller.current.abort('changed');
    set(v);
  };

  const toggle = change((id: string) =>
    setSelected((sel) => (sel.includes(id) ? sel.filter((s) => s !== id) : [...sel, id])),
  );

  const run = async () => {
    let plan;
    let threadCount: number;
    try {
      validateModelCount(selected);
      plan = validatePlan({ warmup, runs });
      threadCount = validateThreads(threads, maxThreads);
    } catch (err) {
      if (err instanceof PlanError) {
        setPhase({ kind: 'message', text: describeError(err, lang).message, alert: true });
        return;
      }
      throw err;
    }
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'running', status: null });
    const chosen = selected.map((id) => sourceOf(id)).filter((s): s is ModelSource => !!s);
    try {
      const result = await benchmark(chosen, {
        runtime,
        threads: threadCount,
        plan,
        signal: abort.signal,
        onStatus: (status) => setPhase({ kind: 'running', status }),
      });
      const report = reportFrom([result], browserEnvironment());
      setPhase({ kind: 'done', result, report });
    } catch (err) {
      if (abort.signal.aborted) {
        if (abort.signal.reason === 'unmounted') return;
        setPhase({ kind: 'message', text: abort.signal.reason === 'changed' ? t('changed') : t('cancelled'), alert: false });
      } else if (err instanceof BenchError && err.modelId) {
        const key = err.code === 'load-failed' ? 'loadFailed' : 'runFailed';
        setPhase({ kind: 'message', text: t(key, { model: nameOf(err.modelId), runtime: runtimeLabels[runtime], message: err.message }), alert: true });
      } else {
        setPhase({ kind: 'message', text: t('failed', { message: err instanceof Error ? err.message : String(err) }), alert: true });
      }
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const running = phase.kind === 'running';
  const status = phase.kind === 'running' ? phase.status : null;
  const statusText =
    status === null
      ? ''
      : status.kind === 'loading'
        ? t('loading', { model: nameOf(status.modelId) })
        : status.kind === 'preparing'
          ? t('preparing')
          : t(status.phase === 'warmup' ? 'warming' : 'timing', { done: status.done, total: status.total });

  return (
    <section class="bench-lab not-content" aria-labelledby={`${uid}-h`} data-testid="benchmark-lab">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <fieldset class="bl-models">
        <legend>{t('models')}</legend>
        <p class="bl-hint">{t('modelsHint')}</p>
        <div class="bl-presets" role="group" aria-label={t('presets')}>
          {presets().map((p) => (
            <button type="button" key={p.id} class="bl-chip" onClick={() => change(setSelected)([...p.ids])}>
              {p.name[lang]}
            </button>
          ))}
        </div>
        <ul class="bl-model-list">
          {sources.map((s) => {
            const position = selected.indexOf(s.id);
            return (
              <li key={s.id}>
                <label>
                  <input type="checkbox" name="model" value={s.id} checked={position >= 0} onChange={() => toggle(s.id)} />{' '}
                  {extra.includes(s) ? t(s.id === HANDOFF_SOURCE_ID ? 'handoff' : 'handoffQuantizer', { name: s.name[lang] }) : s.name[lang]}
                  {position === 0 ? <span class="bl-badge"> {t('baseline')}</span> : null}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div class="bl-settings">
        <RuntimeSelect lang={lang} value={runtime} onChange={change(setRuntime)} />
        <label>
          {maxThreads > 1 || !isolationKnown ? t('threads') : t('threadsSingle')}
          <select name="threads" value={threads} onChange={(e) => change(setThreads)((e.currentTarget as HTMLSelectElement).value)}>
            {Array.from({ length: maxThreads }, (_, i) => (
              <option value={String(i + 1)} key={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('warmup')}
          <input name="warmup" type="number" inputMode="numeric" value={warmup} onInput={(e) => setWarmup((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('runs')}
          <input name="runs" type="number" inputMode="numeric" value={runs} onInput={(e) => setRuns((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <RunCancelButtons
        lang={lang}
        primary
        runLabel={t('run')}
        onRun={run}
        onCancel={() => controller.current?.abort('cancelled')}
        running={running}
        runDisabled={running || panelBusy}
      />
      <div class="bl-status" aria-live="polite" data-testid="bench-status">
        {running ? (
          <>
            <progress
              data-testid="bench-progress"
              max={status?.kind === 'running' ? status.total : 1}
              value={status?.kind === 'running' ? status.done : undefined}
              aria-label={statusText || t('preparing')}
            />
            <span>{statusText}</span>
          </>
        ) : phase.kind === 'message' ? (
          <p class={phase.alert ? 'bl-error' : 'bl-info'} role={phase.alert ? 'alert' : undefined} data-testid="bench-message">
            {phase.text}
          </p>
        ) : phase.kind === 'done' ? (
          <p data-testid="bench-done">{t('done', { runs: phase.result.runs, seconds: (phase.result.elapsedMs / 1000).toFixed(1) })}</p>
        ) : null}
      </div>
      {phase.kind === 'done' ? <BenchResults lang={lang} result={phase.result} report={phase.report} nameOf={nameOf} /> : null}
      <OpProfilePanel
        lang={lang}
        sources={selected.slice(0, 2).map((id) => sourceOf(id)).filter((s): s is ModelSource => !!s)}
        nameOf={nameOf}
        threads={threads}
        busy={running || panelBusy}
        onBusyChange={setPanelBusy}
      />
      <RuntimeComparison
        lang={lang}
        nameOf={nameOf}
        threads={threads}
        maxThreads={maxThreads}
        warmup={warmup}
        runs={runs}
        busy={running || panelBusy}
        onBusyChange={setPanelBusy}
      />
    </section>
  );
}
