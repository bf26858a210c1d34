// Model inspector ("bring your own model"): open a site model, a test model of another kind, or
// any .tflite file, and see what an app needs to ship it. State: inspector/useInspector.ts.
import { useId } from 'preact/hooks';
import { byoModels, models, type Locale } from '../lib/models.ts';
import { formatBytes, translator } from '../i18n/translate.ts';
import { inspectorStrings } from '../i18n/inspector.ts';
import ReportView from './inspector/ReportView.tsx';
import Actions from './inspector/Actions.tsx';
import TryIt from './inspector/try/TryIt.tsx';
import { useInspector } from './inspector/useInspector.ts';
import { useRuntimeTrials } from './inspector/useRuntimeTrials.ts';
import { useFileDrop } from './shared/useFileDrop.ts';
import type { T } from './inspector/format.ts';
import './shared/lab-card.css';
import './inspector/Inspector.css';

interface Props {
  lang: Locale;
  /** Manifest id of the model shown first; '' starts empty. */
  initialModel?: string;
}

export default function Inspector({ lang, initialModel = 'mobilenet_v1_0.25_224_uint8' }: Props) {
  const t: T = translator(inspectorStrings, lang);
  const id = useId();
  const { state, siteId, setSiteId, openFile, handoff, sendToBenchmark } = useInspector(t, lang, initialModel);
  const { trials, model } = useRuntimeTrials(state.phase === 'ready' ? state.bytes : null);
  const { dragging, handlers: dropHandlers } = useFileDrop((files) => openFile(files?.[0]));
  const status =
    state.phase === 'idle' ? t('idle')
    : state.phase === 'ready' ? t('ready', { name: state.name, size: formatBytes(state.report.byteLength, lang) })
    : state.message;

  return (
    <section class="not-content insp lab-card" aria-labelledby={`${id}-h`} data-testid="inspector">
      <h2 id={`${id}-h`} class="insp-heading">{t('heading')}</h2>
      <p class="insp-privacy lab-card-privacy">{t('privacy')}</p>
      <div class="insp-pickers">
        <label class="insp-field">
          <span>{t('siteModelLabel')}</span>
          <select value={siteId} data-testid="site-model" onChange={(e) => setSiteId((e.target as HTMLSelectElement).value)}>
            <option value="">{t('siteModelNone')}</option>
            <optgroup label={t('siteModelGroup')}>
              {models.map((m) => <option key={m.id} value={m.id}>{m.name[lang]}{m.derived_from ? ` · ${t('derivedTag')}` : ''}</option>)}
            </optgroup>
            <optgroup label={t('byoModelGroup')}>
              {byoModels.map((m) => <option key={m.id} value={m.id}>{m.name[lang]}</option>)}
            </optgroup>
          </select>
        </label>
        <div class={`insp-drop${dragging ? ' insp-drop-active' : ''}`} {...dropHandlers}>
          <label class="insp-field">
            <span>{t('fileLabel')}</span>
            <input type="file" accept=".tflite,application/octet-stream" data-testid="file-input" onChange={(e) => {
              const input = e.target as HTMLInputElement;
              openFile(input.files?.[0]);
              input.value = '';
            }} />
          </label>
          <span class="insp-drop-hint">{dragging ? t('dropActive') : t('dropHint')}</span>
        </div>
      </div>
      <p class={`insp-status${state.phase === 'error' ? ' insp-error' : ''}`} role={state.phase === 'error' ? 'alert' : 'status'} aria-live="polite" data-testid="status">
        {status}
        {state.phase === 'error' && state.detail ? <span class="insp-error-detail">{state.detail}</span> : null}
      </p>
      {state.phase === 'ready' && (
        <ReportView report={state.report} name={state.name} t={t} lang={lang} trials={trials}>
          <TryIt report={state.report} model={model} trials={trials} t={t} lang={lang} />
          <section aria-labelledby="insp-next">
            <h3 id="insp-next">{t('nextHeading')}</h3>
            <Actions state={state} handoff={handoff} send={sendToBenchmark} t={t} lang={lang} />
          </section>
        </ReportView>
      )}
    </section>
  );
}
