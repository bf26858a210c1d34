// Benchmark lab: pick models, runtime and threads, run the interleaved benchmark with progress and
// cancel, and show the results. Hook + view: settings in bench/useBenchmarkSettings.ts, the run
// lifecycle in shared/useLabRun.ts, the measuring in lib/bench.
import { useId, useState } from 'preact/hooks';
import type { Locale } from '../lib/models.ts';
import { runtimeLabels } from '../lib/runtime/index.ts';
import { benchmark, BenchError, type BenchStatus, type BenchmarkResult } from '../lib/bench/benchmark.ts';
import { PlanError, validateModelCount, validatePlan, validateThreads } from '../lib/bench/validate.ts';
import { browserEnvironment, type BenchReport } from '../lib/bench/report.ts';
import { reportFrom } from '../lib/bench/rows.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { benchStrings } from '../i18n/bench.ts';
import { describeError } from '../i18n/errors.ts';
import BenchResults from './bench/BenchResults.tsx';
import OpProfilePanel from './bench/OpProfilePanel.tsx';
import RuntimeComparison from './bench/RuntimeComparison.tsx';
import ModelPicker from './bench/ModelPicker.tsx';
import PlanSettings from './bench/PlanSettings.tsx';
import { useBenchmarkSettings, type BenchmarkSettings } from './bench/useBenchmarkSettings.ts';
import RunCancelButtons from './shared/RunCancelButtons.tsx';
import RunStatus from './shared/RunStatus.tsx';
import { standardMessages } from './shared/lab-run.ts';
import { useLabRun } from './shared/useLabRun.ts';
import './shared/lab.css';

interface Props {
  lang: Locale;
}

type Done = { result: BenchmarkResult; report: BenchReport };
type T = Translator<typeof benchStrings>;

function statusText(t: T, s: BenchmarkSettings, status: BenchStatus | null): string {
  if (status === null) return '';
  if (status.kind === 'loading') return t('loading', { model: s.nameOf(status.modelId) });
  if (status.kind === 'preparing') return t('preparing');
  return t(status.phase === 'warmup' ? 'warming' : 'timing', { done: status.done, total: status.total });
}

/** Failures naming the model and runtime when one model is to blame. */
function failedText(t: T, s: BenchmarkSettings, err: unknown): string {
  if (err instanceof BenchError && err.modelId) {
    return t(err.code === 'load-failed' ? 'loadFailed' : 'runFailed', { model: s.nameOf(err.modelId), runtime: runtimeLabels[s.runtime], message: err.message });
  }
  return standardMessages(t).failed(err);
}

export default function BenchmarkLab({ lang }: Props) {
  const t = translator(benchStrings, lang);
  const uid = useId();
  const s = useBenchmarkSettings(lang);
  /** A profile or runtime comparison is running: one measurement at a time, or they skew each other. */
  const [panelBusy, setPanelBusy] = useState(false);
  const lab = useLabRun<Done, BenchStatus>({ ...standardMessages(t, t('changed')), failed: (err) => failedText(t, s, err) });

  /** Any change of what is measured stops a run in progress: its numbers would describe the old choice. */
  const change = <V,>(set: (v: V) => void) => (v: V) => {
    lab.stop('changed');
    set(v);
  };

  const run = () => {
    let plan;
    let threads: number;
    try {
      validateModelCount(s.selected);
      plan = validatePlan({ warmup: s.warmup, runs: s.runs });
      threads = validateThreads(s.threads, s.maxThreads);
    } catch (err) {
      if (err instanceof PlanError) return lab.message(describeError(err, lang).message, true);
      throw err;
    }
    return lab.start(async (signal, progress) => {
      const result = await benchmark(s.chosen, { runtime: s.runtime, threads, plan, signal, onStatus: progress });
      return { result, report: reportFrom([result], browserEnvironment()) };
    });
  };

  const busy = lab.running || panelBusy;
  return (
    <section class="bench-lab not-content" aria-labelledby={`${uid}-h`} data-testid="benchmark-lab">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <ModelPicker lang={lang} settings={s} change={change} />
      <PlanSettings lang={lang} settings={s} change={change} />
      <RunCancelButtons lang={lang} primary runLabel={t('run')} onRun={run} onCancel={() => lab.stop()} running={lab.running} runDisabled={busy} />
      <RunStatus
        state={lab.state}
        testId="bench"
        progress={(status) => ({
          done: status?.kind === 'running' ? status.done : undefined,
          total: status?.kind === 'running' ? status.total : 1,
          text: statusText(t, s, status) || t('preparing'),
        })}
        done={({ result }) => <p data-testid="bench-done">{t('done', { runs: result.runs, seconds: (result.elapsedMs / 1000).toFixed(1) })}</p>}
      />
      {lab.state.kind === 'done' ? <BenchResults lang={lang} result={lab.state.result.result} report={lab.state.result.report} nameOf={s.nameOf} /> : null}
      <OpProfilePanel lang={lang} sources={s.chosen.slice(0, 2)} nameOf={s.nameOf} threads={s.threads} busy={busy} onBusyChange={setPanelBusy} />
      <RuntimeComparison
        lang={lang}
        nameOf={s.nameOf}
        threads={s.threads}
        maxThreads={s.maxThreads}
        warmup={s.warmup}
        runs={s.runs}
        busy={busy}
        onBusyChange={setPanelBusy}
      />
    </section>
  );
}
