// One pair on every runtime, one runtime after the other, with the same plan and photo.
import { useId, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import { runtimeIds, runtimeLabels, type RuntimeId } from '../../lib/runtime/index.ts';
import { benchmark, type BenchmarkResult } from '../../lib/bench/benchmark.ts';
import { manifestSource } from '../../lib/inference/source.ts';
import { PlanError, validatePlan, validateThreads } from '../../lib/bench/validate.ts';
import { translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import { describeError } from '../../i18n/errors.ts';
import { presets } from '../../lib/catalog/selection.ts';
import { ms, ratio } from '../shared/format.ts';
import PairSelect from '../shared/PairSelect.tsx';
import RunCancelButtons from '../shared/RunCancelButtons.tsx';
import { useLabRun } from '../shared/useLabRun.ts';
import { standardMessages } from '../shared/lab-run.ts';

interface Props {
  lang: Locale;
  nameOf: (id: string) => string;
  threads: string;
  maxThreads: number;
  warmup: string;
  runs: string;
  busy: boolean;
  onBusyChange: (busy: boolean) => void;
}

export default function RuntimeComparison({ lang, nameOf, threads, maxThreads, warmup, runs, busy, onBusyChange }: Props) {
  const t = translator(benchStrings, lang);
  const uid = useId();
  const all = presets();
  const [pairId, setPairId] = useState(all.find((p) => p.id === 'v2-qat-ptq')?.id ?? all[0]?.id ?? '');
  const [rows, setRows] = useState<BenchmarkResult[]>([]);
  const lab = useLabRun<BenchmarkResult[], string>(standardMessages(t), onBusyChange);
  const { running, state } = lab;
  const status = state.kind === 'running' ? (state.progress ?? '') : '';
  const error = state.kind === 'message' ? state.text : '';

  const run = async () => {
    const pair = all.find((p) => p.id === pairId);
    if (!pair) return;
    let plan;
    let threadCount: number;
    try {
      plan = validatePlan({ warmup, runs });
      threadCount = validateThreads(threads, maxThreads);
    } catch (err) {
      if (err instanceof PlanError) return lab.message(describeError(err, lang).message, true);
      throw err;
    }
    setRows([]);
    await lab.start(async (signal, progress) => {
      const done: BenchmarkResult[] = [];
      for (const runtime of runtimeIds) {
        progress(t('compareRunning', { runtime: runtimeLabels[runtime as RuntimeId] }));
        done.push(await benchmark(pair.ids.map((id) => manifestSource(id)), { runtime, threads: threadCount, plan, signal }));
        setRows([...done]);
      }
      return done;
    });
  };

  const pair = all.find((p) => p.id === pairId);

  return (
    <section class="bl-panel" aria-labelledby={`${uid}-h`} data-testid="bench-compare">
      <h3 id={`${uid}-h`}>{t('compareHeading')}</h3>
      <p>{t('compareIntro')}</p>
      <div class="bl-settings">
        <PairSelect lang={lang} label={t('comparePair')} pairs={all} value={pairId} onChange={setPairId} disabled={running} />
      </div>
      <RunCancelButtons lang={lang} runLabel={t('compareRun')} onRun={run} onCancel={() => lab.stop()} running={running} runDisabled={busy || running}>
        <span aria-live="polite">{status}</span>
      </RunCancelButtons>
      {error ? (
        <p class="bl-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.length > 0 && pair ? (
        <div class="bl-table-wrap responsive-table">
          <table class="bl-table" data-testid="bench-compare-table">
            <thead>
              <tr>
                <th scope="col">{t('compareRuntime')}</th>
                <th scope="col">{nameOf(pair.ids[0])}</th>
                <th scope="col">{nameOf(pair.ids[1])}</th>
                <th scope="col">{t('compareSpeedup')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const q = r.ratios[0]!;
                return (
                  <tr key={r.runtime} data-runtime={r.runtime}>
                    <th scope="row">
                      {runtimeLabels[r.runtime]} <span class="bl-dim">({r.models[0]!.info.variant} · {r.threads})</span>
                    </th>
                    {r.models.slice(0, 2).map((m, i) => (
                      <td key={m.id} data-label={nameOf(pair.ids[i]!)}>
                        <span data-col={i === 0 ? 'median-a' : 'median-b'}>{ms(m.inference.median)} ms</span>{' '}
                        <span class="bl-dim" data-col={i === 0 ? 'p90-a' : 'p90-b'}>(p90 {ms(m.inference.p90)})</span>
                      </td>
                    ))}
                    <td data-col="speedup" data-label={t('compareSpeedup')}>
                      {ratio(q.interval.speedup)}× ({ratio(q.interval.low)}–{ratio(q.interval.high)})
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
