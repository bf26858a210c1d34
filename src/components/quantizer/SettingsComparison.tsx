// Lesson island: dynamic range, float16 and full integer against float, quantized and timed in the
// reader's browser in both runtimes. Hook + view: state and the run live in useSettingsComparison.ts;
// lib/calibration/compare-settings.ts does the work with the quantizer and the benchmark lab's loop.
import { useId } from 'preact/hooks';
import { devImages, type Locale } from '../../lib/models.ts';
import RunCancelButtons from '../shared/RunCancelButtons.tsx';
import ComparisonTable from './ComparisonTable.tsx';
import FloatModelSelect from './FloatModelSelect.tsx';
import { PLAN, useSettingsComparison } from './useSettingsComparison.ts';
import '../shared/lab.css';
import './quantizer.css';

interface Props {
  lang: Locale;
}

export default function SettingsComparison({ lang }: Props) {
  const uid = useId();
  const c = useSettingsComparison(lang);
  const { t, lab } = c;
  const state = lab.state;
  return (
    <section class="bench-lab quantizer not-content" aria-labelledby={`${uid}-h`} data-testid="settings-comparison">
      <h2 id={`${uid}-h`}>{t('cmpHeading')}</h2>
      <p class="bl-hint">{t('cmpIntro', { photos: devImages.length, warmup: PLAN.warmup, runs: PLAN.runs })}</p>
      <div class="bl-settings">
        <FloatModelSelect lang={lang} models={c.floats} label={t('cmpModel')} value={c.modelId} disabled={lab.running} onChange={c.setModelId} />
      </div>
      <RunCancelButtons lang={lang} primary runLabel={t('cmpRun')} onRun={c.run} onCancel={c.cancel} running={lab.running} />
      <div class="bl-status" aria-live="polite" data-testid="comparison-status" data-state={state.kind}>
        {state.kind === 'running' ? (
          <>
            <progress max={c.timing ? c.timing.total : 1} value={c.timing ? c.timing.done : undefined} aria-label={c.statusText} />
            <span>{c.statusText}</span>
          </>
        ) : state.kind === 'message' ? (
          <p class={state.alert ? 'bl-error' : 'bl-info'} role={state.alert ? 'alert' : undefined}>
            {state.text}
          </p>
        ) : state.kind === 'done' ? (
          <p>{t('cmpDone', { seconds: state.result.seconds.toFixed(0) })}</p>
        ) : null}
      </div>
      {state.kind === 'done' ? <ComparisonTable t={t} lang={lang} result={state.result.result} settingName={c.settingName} /> : null}
    </section>
  );
}
