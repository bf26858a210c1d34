// Lesson island: dynamic range, float16 and full integer against float, quantized and timed in the
// reader's browser in both runtimes. State and rendering only; lib/calibration/compare-settings.ts
// does the work with the quantizer and the benchmark lab's loop.
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { assetUrl, devImages, type Locale } from '../../lib/models.ts';
import { fetchWithProgress } from '../../lib/fetch-with-progress.ts';
import { defaultThreads, runtimeIds, runtimeLabels } from '../../lib/runtime/index.ts';
import { devPhotoSet } from '../../lib/calibration/photos.ts';
import { compareSettings, COMPARED_MODES, type ComparedSetting, type ComparisonStatus, type SettingsComparison as Result } from '../../lib/calibration/compare-settings.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { quantizerStrings } from '../../i18n/quantizer.ts';
import { quantizeErrorText, type QuantizerT } from './errors.ts';
import { floatModels } from './params.ts';
import RunCancelButtons from '../shared/RunCancelButtons.tsx';
import '../shared/lab.css';
import './quantizer.css';

interface Props {
  lang: Locale;
}

const PLAN = { warmup: 5, runs: 30 };

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; status: ComparisonStatus | null }
  | { kind: 'done'; result: Result; seconds: number }
  | { kind: 'message'; text: string; alert: boolean };

export default function SettingsComparison({ lang }: Props) {
  const t: QuantizerT = translator(quantizerStrings, lang);
  const uid = useId();
  const floats = useMemo(floatModels, []);
  const [modelId, setModelId] = useState(floats[0]?.id ?? '');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const settingName = (s: ComparedSetting) =>
    s === 'float' ? t('cmpFloat') : { dynamic: t('modeDynamic'), float16: t('modeFloat16'), int8: t('modeInt8') }[s];

  const run = async () => {
    const entry = floats.find((m) => m.id === modelId);
    if (!entry) return;
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'running', status: null });
    const started = performance.now();
    try {
      const floatModel = await fetchWithProgress(assetUrl(entry), undefined, { expectedBytes: entry.bytes, signal: abort.signal });
      const result = await compareSettings({
        floatModel,
        normalization: entry.normalization,
        photos: devPhotoSet(devImages.length),
        runtimes: runtimeIds,
        threads: defaultThreads,
        plan: PLAN,
        signal: abort.signal,
        onStatus: (status) => controller.current === abort && setPhase({ kind: 'running', status }),
      });
      setPhase({ kind: 'done', result, seconds: (performance.now() - started) / 1000 });
    } catch (err) {
      if (abort.signal.aborted) {
        if (abort.signal.reason !== 'unmounted') setPhase({ kind: 'message', text: t('cancelled'), alert: false });
        return;
      }
      setPhase({ kind: 'message', text: quantizeErrorText(err, entry.name[lang], lang).message, alert: true });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const status = phase.kind === 'running' ? phase.status : null;
  const statusText = !status
    ? t('statusPreparing')
    : status.step === 'quantizing'
      ? status.stage.kind === 'calibrating'
        ? t('cmpCalibrating', { done: status.stage.done, total: status.stage.total })
        : t('cmpQuantizing', { mode: settingName(status.mode as ComparedSetting) })
      : status.status.kind === 'running'
        ? t('cmpTiming', { runtime: runtimeLabels[status.runtime], phase: t(status.status.phase === 'warmup' ? 'cmpWarmup' : 'cmpTimed'), done: status.status.done, total: status.status.total })
        : t('cmpLoading', { runtime: runtimeLabels[status.runtime], model: status.status.kind === 'loading' ? settingName(status.status.modelId as ComparedSetting) : '' });

  const settings: ComparedSetting[] = ['float', ...COMPARED_MODES];
  return (
    <section class="bench-lab quantizer not-content" aria-labelledby={`${uid}-h`} data-testid="settings-comparison">
      <h2 id={`${uid}-h`}>{t('cmpHeading')}</h2>
      <p class="bl-hint">{t('cmpIntro', { photos: devImages.length, warmup: PLAN.warmup, runs: PLAN.runs })}</p>
      <div class="bl-settings">
        <label>
          <span>{t('cmpModel')}</span>
          <select name="model" value={modelId} disabled={phase.kind === 'running'} onChange={(e) => setModelId(e.currentTarget.value)}>
            {floats.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name[lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <RunCancelButtons lang={lang} primary runLabel={t('cmpRun')} onRun={run} onCancel={() => controller.current?.abort('cancelled')} running={phase.kind === 'running'} />
      <div class="bl-status" aria-live="polite" data-testid="comparison-status" data-state={phase.kind}>
        {phase.kind === 'running' ? (
          <>
            <progress max={status?.step === 'timing' && status.status.kind === 'running' ? status.status.total : 1} value={status?.step === 'timing' && status.status.kind === 'running' ? status.status.done : undefined} aria-label={statusText} />
            <span>{statusText}</span>
          </>
        ) : phase.kind === 'message' ? (
          <p class={phase.alert ? 'bl-error' : 'bl-info'} role={phase.alert ? 'alert' : undefined}>
            {phase.text}
          </p>
        ) : phase.kind === 'done' ? (
          <p>{t('cmpDone', { seconds: phase.seconds.toFixed(0) })}</p>
        ) : null}
      </div>
      {phase.kind === 'done' ? (
        <div class="bl-results">
          <div class="bl-table-wrap responsive-table">
            <table class="bl-table" data-testid="comparison-table">
              <thead>
                <tr>
                  <th scope="col">{t('cmpSetting')}</th>
                  <th scope="col">{t('cmpSize')}</th>
                  {phase.result.runtimes.map((r) => [
                    <th scope="col" key={`${r.runtime}-m`}>{t('cmpMedian', { runtime: runtimeLabels[r.runtime] })}</th>,
                    <th scope="col" key={`${r.runtime}-s`}>{t('cmpSpeedup', { runtime: runtimeLabels[r.runtime] })}</th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {settings.map((s) => (
                  <tr key={s} data-setting={s}>
                    <th scope="row">{settingName(s)}</th>
                    <td data-label={t('cmpSize')}>{formatBytes(phase.result.sizes[s], lang)}</td>
                    {phase.result.runtimes.map((r) => {
                      const timing = r.timings[s];
                      const medianLabel = t('cmpMedian', { runtime: runtimeLabels[r.runtime] });
                      const speedLabel = t('cmpSpeedup', { runtime: runtimeLabels[r.runtime] });
                      if (!timing) {
                        return [
                          <td key={`${r.runtime}-m`} data-label={medianLabel} data-runtime={r.runtime}>{t('cmpRefused')}</td>,
                          <td key={`${r.runtime}-s`} data-label={speedLabel}>—</td>,
                        ];
                      }
                      const i = timing.ratio?.interval;
                      return [
                        <td key={`${r.runtime}-m`} data-label={medianLabel} data-runtime={r.runtime} data-median={timing.model.inference.median.toFixed(3)}>
                          {timing.model.inference.median.toFixed(1)} ms
                        </td>,
                        <td key={`${r.runtime}-s`} data-label={speedLabel} data-speedup={i ? i.speedup.toFixed(3) : undefined}>
                          {i ? t('cmpInterval', { value: i.speedup.toFixed(2), low: i.low.toFixed(2), high: i.high.toFixed(2) }) : '1'}
                        </td>,
                      ];
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {phase.result.runtimes.flatMap((r) =>
            Object.entries(r.refused).map(([s, reason]) => (
              <p class="bl-hint" key={`${r.runtime}-${s}`}>
                {t('cmpRefusedNote', { runtime: runtimeLabels[r.runtime], setting: settingName(s as ComparedSetting), reason: reason ?? '' })}
              </p>
            )),
          )}
          <p class="bl-note">
            {phase.result.runtimes.map((r) => t('cmpThreads', { runtime: runtimeLabels[r.runtime], threads: r.threads })).join(' ')} {t('cmpNote')}
          </p>
        </div>
      ) : null}
    </section>
  );
}
