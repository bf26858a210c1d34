// Per-op profile of the first two selected models (tfjs-tflite's profiler), summed by operator type.
import { useId, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import type { BenchModelSource } from '../../lib/bench/subjects.ts';
import { benchPhoto } from '../../lib/bench/session.ts';
import { profileModel, type OpProfileResult } from '../../lib/bench/profile-run.ts';
import { translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import { ms, percent } from './format.ts';

interface Props {
  lang: Locale;
  sources: BenchModelSource[];
  nameOf: (id: string) => string;
  threads: string;
  busy: boolean;
  onBusyChange: (busy: boolean) => void;
}

export default function OpProfilePanel({ lang, sources, nameOf, threads, busy, onBusyChange }: Props) {
  const t = translator(benchStrings, lang);
  const uid = useId();
  const [results, setResults] = useState<OpProfileResult[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const run = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    onBusyChange(true);
    setError('');
    setResults(null);
    try {
      const image = await benchPhoto();
      const out: OpProfileResult[] = [];
      for (const source of sources) {
        setStatus(t('profileRunning', { model: nameOf(source.id) }));
        out.push(await profileModel(source, { threads: Number(threads) || 1, image, signal: abort.signal }));
      }
      setResults(out);
      setStatus('');
    } catch (err) {
      setStatus('');
      setError(abort.signal.aborted ? t('cancelled') : t('failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setRunning(false);
      onBusyChange(false);
      controller.current = null;
    }
  };

  const ops = results ? [...new Set(results.flatMap((r) => r.ops.map((o) => o.op)))] : [];
  ops.sort((a, b) => Math.max(...(results ?? []).map((r) => r.ops.find((o) => o.op === b)?.ms ?? 0)) - Math.max(...(results ?? []).map((r) => r.ops.find((o) => o.op === a)?.ms ?? 0)));

  const workOps = results ? [...new Set(results.flatMap((r) => r.work.map((w) => w.op)))] : [];
  workOps.sort((a, b) => Math.max(...(results ?? []).map((r) => r.work.find((w) => w.op === b)?.macs ?? 0)) - Math.max(...(results ?? []).map((r) => r.work.find((w) => w.op === a)?.macs ?? 0)));

  return (
    <section class="bl-panel" aria-labelledby={`${uid}-h`} data-testid="bench-profile">
      <h3 id={`${uid}-h`}>{t('profileHeading')}</h3>
      <p>{t('profileIntro')}</p>
      <div class="bl-actions">
        <button type="button" onClick={run} disabled={(busy && !running) || running || sources.length === 0}>
          {t('profileRun')}
        </button>
        <button type="button" onClick={() => controller.current?.abort('cancelled')} disabled={!running}>
          {t('cancel')}
        </button>
        <span aria-live="polite">{status}</span>
      </div>
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
          <div class="bl-table-wrap">
            <table class="bl-table" data-testid="bench-profile-table">
              <thead>
                <tr>
                  <th scope="col">{t('profileOp')}</th>
                  {results.map((r) => (
                    <th scope="col" key={r.id}>
                      {t('profileMs', { model: nameOf(r.id) })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ops.map((op) => (
                  <tr key={op}>
                    <th scope="row">
                      <code>{op}</code>
                    </th>
                    {results.map((r) => {
                      const o = r.ops.find((x) => x.op === op);
                      return (
                        <td key={r.id}>
                          {o ? (
                            <>
                              {ms(o.ms)} <span class="bl-dim">({percent(o.share)})</span>
                              <span class="bl-bar" style={{ width: `${Math.round(o.share * 100)}%` }} aria-hidden="true" />
                            </>
                          ) : (
                            '–'
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{t('profileWork')}</h4>
          <div class="bl-table-wrap">
            <table class="bl-table" data-testid="bench-work-table">
              <thead>
                <tr>
                  <th scope="col">{t('profileOp')}</th>
                  {results.map((r) => (
                    <th scope="col" key={r.id}>
                      {nameOf(r.id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {workOps.map((op) => (
                  <tr key={op}>
                    <th scope="row">
                      <code>{op}</code>
                    </th>
                    {results.map((r) => {
                      const w = r.work.find((x) => x.op === op);
                      return (
                        <td key={r.id}>
                          {w ? (
                            <>
                              {t('profileWorkCell', { count: w.count, macs: (w.macs / 1e6).toFixed(1), share: percent(w.share) })}
                              <span class="bl-bar" style={{ width: `${Math.round(w.share * 100)}%` }} aria-hidden="true" />
                            </>
                          ) : (
                            '–'
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="bl-note">{t('profileWorkNote')}</p>
        </>
      ) : null}
    </section>
  );
}
