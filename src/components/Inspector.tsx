// Model inspector ("bring your own model"): open a site model or any .tflite file and see what an
// app needs to ship it. Parsing and every derived fact live in lib/tflite; this island holds state.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { assetUrl, modelPairs, models, type Locale, type ModelEntry } from '../lib/models.ts';
import { fetchWithProgress } from '../lib/fetch-with-progress.ts';
import { MAX_MODEL_BYTES, parseTflite } from '../lib/tflite/reader.ts';
import { describeModel, type ModelReport } from '../lib/tflite/describe.ts';
import { benchmarkHandoffUrl, HANDOFF_PARAM, loadQuantizerHandoff, QUANTIZER_HANDOFF_VALUE, saveHandoffModel } from '../lib/tflite/handoff.ts';
import { formatBytes, translator } from '../i18n/translate.ts';
import { inspectorStrings } from '../i18n/inspector.ts';
import { describeError } from '../i18n/errors.ts';
import ReportView from './inspector/ReportView.tsx';
import { useFileDrop } from './shared/useFileDrop.ts';
import type { T } from './inspector/format.ts';
import './shared/lab-card.css';
import './inspector/Inspector.css';

interface Props {
  lang: Locale;
  /** Manifest id of the model shown first; '' starts empty. */
  initialModel?: string;
}

type State =
  | { phase: 'idle' }
  | { phase: 'loading'; message: string }
  | { phase: 'error'; message: string; detail?: string }
  | { phase: 'ready'; report: ModelReport; name: string; site: ModelEntry | null; bytes: Uint8Array };

export default function Inspector({ lang, initialModel = 'mobilenet_v1_0.25_224_uint8' }: Props) {
  const t: T = translator(inspectorStrings, lang);
  const id = useId();
  const base = import.meta.env.BASE_URL;
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [siteId, setSiteId] = useState(initialModel);
  const [handoff, setHandoff] = useState<string>('');
  const request = useRef(0);

  const show = (bytes: Uint8Array, name: string, site: ModelEntry | null, ticket: number) => {
    if (ticket !== request.current) return;
    try {
      const model = parseTflite(bytes);
      const report = describeModel(model, site ? { siteNormalization: site.normalization } : {});
      setState({ phase: 'ready', report, name, site, bytes });
    } catch (error) {
      const { message, detail } = describeError(error, lang, { fileName: name });
      setState({ phase: 'error', message, detail });
    }
  };

  // Site models: download (HTTP-cached) and parse whenever the choice changes.
  useEffect(() => {
    const entry = models.find((m) => m.id === siteId);
    if (!entry) return;
    const ticket = ++request.current;
    const controller = new AbortController();
    setState({ phase: 'loading', message: t('loadingSite', { name: entry.name[lang] }) });
    fetchWithProgress(assetUrl(entry), undefined, { expectedBytes: entry.bytes, signal: controller.signal }).then(
      (bytes) => show(bytes, entry.file.split('/').pop() ?? entry.id, entry, ticket),
      (error: unknown) => {
        if (ticket === request.current && !controller.signal.aborted) {
          const { message, detail } = describeError(error, lang);
          setState({ phase: 'error', message, detail });
        }
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteId]);

  // `?handoff=quantizer`: open the model the quantizer lab just made (kept in this browser's IndexedDB).
  useEffect(() => {
    if (new URLSearchParams(location.search).get(HANDOFF_PARAM) !== QUANTIZER_HANDOFF_VALUE) return;
    const ticket = ++request.current;
    setSiteId('');
    loadQuantizerHandoff().then(
      (pair) => pair && show(new Uint8Array(pair.quantized.bytes), pair.quantized.name, null, ticket),
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const openFile = (file: File | undefined) => {
    if (!file) return;
    const ticket = ++request.current;
    setSiteId('');
    setHandoff('');
    // Refuse huge files before reading them into memory.
    if (file.size > MAX_MODEL_BYTES) {
      setState({ phase: 'error', message: t('errTooLarge', { name: file.name, size: formatBytes(file.size, lang), limit: formatBytes(MAX_MODEL_BYTES, lang) }) });
      return;
    }
    setState({ phase: 'loading', message: t('reading', { name: file.name }) });
    file.arrayBuffer().then(
      (buffer) => show(new Uint8Array(buffer), file.name, null, ticket),
      () => ticket === request.current && setState({ phase: 'error', message: t('errRead', { name: file.name }) }),
    );
  };

  const { dragging, handlers: dropHandlers } = useFileDrop((files) => openFile(files?.[0]));

  const sendToBenchmark = (bytes: Uint8Array, name: string) => {
    setHandoff(t('sending'));
    saveHandoffModel(name, bytes).then(
      () => location.assign(benchmarkHandoffUrl(base)),
      (error: unknown) => setHandoff(t('sendFailed', { detail: (error as Error).message })),
    );
  };

  const actions = (s: Extract<State, { phase: 'ready' }>) => {
    if (s.site) {
      const pair = modelPairs.find((p) => p.a === s.site!.id || p.b === s.site!.id);
      return (
        <>
          <a class="insp-button" data-testid="run-benchmark" href={`${base.replace(/\/?$/, '/')}labs/benchmark/?model=${encodeURIComponent(s.site.id)}`}>
            {t('runBenchmark')}
          </a>
          {pair && s.report.looksLikeImageClassifier && (
            <a class="insp-button" data-testid="run-classifier" href={`${base.replace(/\/?$/, '/')}labs/classifier/?pair=${encodeURIComponent(pair.id)}`}>
              {t('runClassifier')}
            </a>
          )}
        </>
      );
    }
    return (
      <>
        <button type="button" class="insp-button" data-testid="send-benchmark" onClick={() => sendToBenchmark(s.bytes, s.name)}>
          {t('sendBenchmark')}
        </button>
        <span role="status" aria-live="polite">{handoff}</span>
      </>
    );
  };

  const status =
    state.phase === 'idle' ? t('idle')
    : state.phase === 'loading' ? state.message
    : state.phase === 'error' ? state.message
    : t('ready', { name: state.name, size: formatBytes(state.report.byteLength, lang) });

  return (
    <section class="not-content insp lab-card" aria-labelledby={`${id}-h`} data-testid="inspector">
      <h2 id={`${id}-h`} class="insp-heading">{t('heading')}</h2>
      <p class="insp-privacy lab-card-privacy">{t('privacy')}</p>
      <div class="insp-pickers">
        <label class="insp-field">
          <span>{t('siteModelLabel')}</span>
          <select value={siteId} data-testid="site-model" onChange={(e) => setSiteId((e.target as HTMLSelectElement).value)}>
            <option value="">{t('siteModelNone')}</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name[lang]}
                {m.derived_from ? ` · ${t('derivedTag')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <div
          class={`insp-drop${dragging ? ' insp-drop-active' : ''}`}
          {...dropHandlers}
        >
          <label class="insp-field">
            <span>{t('fileLabel')}</span>
            <input
              type="file"
              accept=".tflite,application/octet-stream"
              data-testid="file-input"
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                openFile(input.files?.[0]);
                input.value = '';
              }}
            />
          </label>
          <span class="insp-drop-hint">{dragging ? t('dropActive') : t('dropHint')}</span>
        </div>
      </div>
      <p class={`insp-status${state.phase === 'error' ? ' insp-error' : ''}`} role={state.phase === 'error' ? 'alert' : 'status'} aria-live="polite" data-testid="status">
        {status}
        {state.phase === 'error' && state.detail ? <span class="insp-error-detail">{state.detail}</span> : null}
      </p>
      {state.phase === 'ready' && <ReportView report={state.report} name={state.name} t={t} lang={lang} actions={actions(state)} />}
    </section>
  );
}
