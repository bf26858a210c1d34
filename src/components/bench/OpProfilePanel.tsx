// Per-op profile of the first two selected models (tfjs-tflite's profiler), summed by operator type.
import { useId } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import type { ModelSource } from '../../lib/inference/source.ts';
import { benchPhoto } from '../../lib/bench/photo.ts';
import { profileModel, type OpProfileResult } from '../../lib/bench/profile-run.ts';
import { translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import { ms, percent } from '../shared/format.ts';
import RunCancelButtons from '../shared/RunCancelButtons.tsx';
import PerOpTable from './PerOpTable.tsx';
import { useLabRun } from '../shared/useLabRun.ts';
import { standardMessages } from '../shared/lab-run.ts';

interface Props {
  lang: Locale;
  sources: ModelSource[];
  nameOf: (id: string) => string;
  threads: string;
  busy: boolean;
  onBusyChange: (busy: boolean) => void;
}

/** Operator names of all results, the one with the largest value in any result first. */
function byLargest(results: OpProfileResult[], entries: (r: OpProfileResult) => [string, number][]): string[] {
  const largest = new Map<string, number>();
  for (const r of results) for (const [op, value] of entries(r)) largest.set(op, Math.max(largest.get(op) ?? 0, value));
  return [...largest.keys()].sort((a, b) => largest.get(b)! - largest.get(a)!);
}

export default function OpProfilePanel({ lang, sources, nameOf, threads, busy, onBusyChange }: Props) {
  const t = translator(benchStrings, lang);
  const uid = useId();
  const lab = useLabRun<OpProfileResult[], string>(standardMessages(t), onBusyChange);
  const { running, state } = lab;
  const results = state.kind === 'done' ? state.result : null;
  const status = state.kind === 'running' ? (state.progress ?? '') : '';
  const error = state.kind === 'message' ? state.text : '';

  const run = () =>
    lab.start(async (signal, progress) => {
      const image = await benchPhoto();
      const out: OpProfileResult[] = [];
      for (const source of sources) {
        progress(t('profileRunning', { model: nameOf(source.id) }));
        out.push(await profileModel(source, { threads: Number(threads) || 1, image, signal }));
      }
      return out;
    });

  const ops = results ? byLargest(results, (r) => r.ops.map((o) => [o.op, o.ms])) : [];
  const workOps = results ? byLargest(results, (r) => r.work.map((w) => [w.op, w.macs])) : [];

  return (
    <section class="bl-panel" aria-labelledby={`${uid}-h`} data-testid="bench-profile">
      <h3 id={`${uid}-h`}>{t('profileHeading')}</h3>
      <p>{t('profileIntro')}</p>
      <RunCancelButtons
        lang={lang}
        runLabel={t('profileRun')}
        onRun={run}
        onCancel={() => lab.stop()}
        running={running}
        runDisabled={busy || running || sources.length === 0}
      >
        <span aria-live="polite">{status}</span>
      </RunCancelButtons>
      {error ? (
        <p class="bl-error" role="alert">
          {error}
        </p>
      ) : null}
      {results ? (
        <>
          {results.filter((r) => r.ops.length === 0).map((r) => (
            <p key={r.id}>{t('profileNone', { model: nameOf(r.id) })}</p>
          ))}
          <h4>{t('profileMeasured', { runs: Math.min(...results.map((r) => r.runs)) })}</h4>
          <PerOpTable
            testId="bench-profile-table"
            opHeader={t('profileOp')}
            columns={results.map((r) => ({ id: r.id, label: t('profileMs', { model: nameOf(r.id) }) }))}
            ops={ops}
            cell={(col, op) => {
              const o = results[col]!.ops.find((x) => x.op === op);
              return o ? { text: ms(o.ms), dim: `(${percent(o.share)})`, share: o.share } : null;
            }}
          />
          <h4>{t('profileWork')}</h4>
          <PerOpTable
            testId="bench-work-table"
            opHeader={t('profileOp')}
            columns={results.map((r) => ({ id: r.id, label: nameOf(r.id) }))}
            ops={workOps}
            cell={(col, op) => {
              const w = results[col]!.work.find((x) => x.op === op);
              return w ? { text: t('profileWorkCell', { count: w.count, macs: (w.macs / 1e6).toFixed(1), share: percent(w.share) }), share: w.share } : null;
            }}
          />
          <p class="bl-note">{t('profileWorkNote')}</p>
        </>
      ) : null}
    </section>
  );
}
