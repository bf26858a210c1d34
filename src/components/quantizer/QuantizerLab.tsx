// Quantizer lab: a float .tflite (the site's or the reader's), one of the converter's four
// post-training settings, the equivalent Python, and the result: sizes, what changed, a download,
// whether it runs in each runtime, and hand-offs to the inspector, benchmark and accuracy labs.
// Hook + view: state and the run live in useQuantizerLab.ts; calibration and quantization in lib/calibration and lib/quantize.
import { useId } from 'preact/hooks';
import type { Locale } from '../../lib/models.ts';
import type { QuantizeMode } from '../../lib/quantize/index.ts';
import ModeSettings from './ModeSettings.tsx';
import ModelPicker from './ModelPicker.tsx';
import QuantizeStatus from './QuantizeStatus.tsx';
import ResultView from './ResultView.tsx';
import RuntimeSelect from '../shared/RuntimeSelect.tsx';
import RunCancelButtons from '../shared/RunCancelButtons.tsx';
import { useQuantizerLab } from './useQuantizerLab.ts';
import '../shared/lab.css';
import './quantizer.css';

export type { FloatSource } from './useFloatSource.ts';

interface Props {
  lang: Locale;
  /** Setting selected at first (lessons embed the lab on one setting). */
  initialMode?: QuantizeMode;
  /** Manifest id of the float model selected at first. */
  initialModel?: string;
}

export default function QuantizerLab({ lang, initialMode = 'dynamic', initialModel }: Props) {
  const uid = useId();
  const q = useQuantizerLab(lang, initialMode, initialModel);
  const { t, settings: s, set, lab, done } = q;
  const running = lab.running;
  const modeName = (m: string): string =>
    ({ dynamic: t('modeDynamic'), float16: t('modeFloat16'), int8: t('modeInt8'), 'int8-io': t('modeInt8Io') })[m] ?? m;

  return (
    <section class="bench-lab quantizer not-content" aria-labelledby={`${uid}-h`} data-testid="quantizer-lab">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <p class="q-privacy">{t('privacy')}</p>
      <ModelPicker t={t} lang={lang} floats={q.floats} siteId={q.model.siteId} onSiteId={set.siteId} onFile={q.model.openFile} modelState={q.model.modelState} disabled={running} />
      <ModeSettings
        t={t}
        lang={lang}
        disabled={running}
        mode={s.mode}
        onMode={set.mode}
        ioType={s.ioType}
        onIoType={set.ioType}
        photoSource={s.photoSource}
        onPhotoSource={set.photoSource}
        count={s.count}
        onCount={set.count}
        ownPhotos={s.ownPhotos}
        onOwnPhotos={set.ownPhotos}
        grayscale={q.grayscale}
        rangeMethod={s.rangeMethod}
        onRangeMethod={set.rangeMethod}
        biasCorrection={s.biasCorrection}
        onBiasCorrection={set.biasCorrection}
        origin={q.model.source?.origin ?? null}
        normChoice={s.normChoice}
        onNormChoice={set.normChoice}
        runtimePicker={<RuntimeSelect lang={lang} label={t('calibrationRuntime')} value={s.runtime} onChange={set.runtime} disabled={running} />}
      />
      <details class="q-python" open>
        <summary>{t('python')}</summary>
        {/* tabIndex: the full-integer code scrolls sideways, and a keyboard must be able to scroll it too. */}
        <pre data-testid="quantize-python" tabIndex={0}><code>{q.python}</code></pre>
        <p class="bl-hint">{t('pythonNote')}</p>
      </details>
      <RunCancelButtons lang={lang} primary runLabel={t('run')} onRun={q.run} onCancel={q.cancel} running={running} runDisabled={running || !q.model.source} />
      <QuantizeStatus t={t} state={lab.state} errorDetail={q.errorDetail} modelRefused={q.model.modelState.kind === 'error'} />
      {done ? (
        <ResultView
          t={t}
          lang={lang}
          modeName={modeName(done.mode)}
          mode={done.mode}
          outcome={done.outcome}
          source={done.source}
          normalization={done.normalization}
          url={q.url}
          fileName={done.fileName}
        />
      ) : null}
    </section>
  );
}
