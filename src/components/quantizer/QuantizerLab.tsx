// Quantizer lab: a float .tflite (the site's or the reader's), one of the converter's four
// post-training settings, the equivalent Python, and the result: sizes, what changed, a download,
// whether it runs in each runtime, and hand-offs to the inspector, benchmark and accuracy labs.
// State and rendering only: calibration and quantization live in lib/calibration and lib/quantize.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { assetUrl, devImages, type Locale, type ModelEntry } from '../../lib/models.ts';
import { fetchWithProgress } from '../../lib/fetch-with-progress.ts';
import { MAX_MODEL_BYTES, parseTflite, inputTensors } from '../../lib/tflite/reader.ts';
import { TfliteParseError, type TfliteModel } from '../../lib/tflite/types.ts';
import { DEFAULT_RUNTIME, defaultThreads, type RuntimeId } from '../../lib/runtime/index.ts';
import type { Normalization } from '../../lib/image/input.ts';
import { needsCalibration, type IoType, type QuantizeOutcome, type QuantizeStage } from '../../lib/calibration/pipeline.ts';
import { quantizeInBrowser } from '../../lib/calibration/quantize-client.ts';
import { devPhotoSet, filePhotoSet, type CalibrationPhoto } from '../../lib/calibration/photos.ts';
import { CalibrationError } from '../../lib/calibration/calibrate.ts';
import { modelNormalization, NORMALIZATION_CHOICES, type NormalizationChoice, type NormalizationOrigin } from '../../lib/calibration/normalization.ts';
import { converterCode } from '../../lib/converter/python.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { quantizerStrings } from '../../i18n/quantizer.ts';
import { quantizeErrorText, type ErrorText, type QuantizerT } from './errors.ts';
import { floatModels, photoCount, readParams } from './params.ts';
import { RANGE_METHODS, type QuantizeMode, type RangeMethod } from '../../lib/quantize/index.ts';
import ModeSettings from './ModeSettings.tsx';
import ResultView from './ResultView.tsx';
import RuntimeSelect from '../shared/RuntimeSelect.tsx';
import RunCancelButtons from '../shared/RunCancelButtons.tsx';
import { useFileDrop } from '../shared/useFileDrop.ts';
import '../shared/lab.css';
import './quantizer.css';

interface Props {
  lang: Locale;
  /** Setting selected at first (lessons embed the lab on one setting). */
  initialMode?: QuantizeMode;
  /** Manifest id of the float model selected at first. */
  initialModel?: string;
}

/** The float model the lab works on. */
export interface FloatSource {
  name: string;
  bytes: Uint8Array;
  model: TfliteModel;
  site: ModelEntry | null;
  origin: NormalizationOrigin;
}

type ModelState = { kind: 'loading'; name: string } | { kind: 'ready'; source: FloatSource } | { kind: 'error'; error: ErrorText };

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; stage: QuantizeStage | null }
  | { kind: 'done'; outcome: QuantizeOutcome; source: FloatSource; mode: QuantizeMode; normalization: Normalization; url: string; fileName: string }
  | { kind: 'error'; error: ErrorText }
  | { kind: 'cancelled' };

const describeInput = (model: TfliteModel) => {
  const input = inputTensors(model)[0];
  return input ? `${input.dtype} [${input.shape.join(', ')}]` : '—';
};

export default function QuantizerLab({ lang, initialMode = 'dynamic', initialModel }: Props) {
  const t: QuantizerT = translator(quantizerStrings, lang);
  const uid = useId();
  const floats = useMemo(floatModels, []);
  const [siteId, setSiteId] = useState(initialModel ?? floats[0]?.id ?? '');
  const [modelState, setModelState] = useState<ModelState>({ kind: 'loading', name: '' });
  const [mode, setMode] = useState<QuantizeMode>(initialMode);
  const [ioType, setIoType] = useState<IoType>('uint8');
  const [photoSource, setPhotoSource] = useState<'dev' | 'own'>('dev');
  const [count, setCount] = useState(String(devImages.length));
  const [ownPhotos, setOwnPhotos] = useState<File[]>([]);
  const [rangeMethod, setRangeMethod] = useState<string>(RANGE_METHODS[0]!);
  const [biasCorrection, setBiasCorrection] = useState(false);
  const [normChoice, setNormChoice] = useState<NormalizationChoice>('minus-one-to-one');
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const request = useRef(0);
  const autorun = useRef(false);
  /** Dev photos skipped before the calibration set (`?offset=`, for held-out checks). */
  const offset = useRef(0);

  const modeName = (m: string): string =>
    ({ dynamic: t('modeDynamic'), float16: t('modeFloat16'), int8: t('modeInt8'), 'int8-io': t('modeInt8Io') })[m] ?? m;

  const openBytes = (bytes: Uint8Array, name: string, site: ModelEntry | null, ticket: number) => {
    if (ticket !== request.current) return;
    try {
      const model = parseTflite(bytes);
      setModelState({ kind: 'ready', source: { name, bytes, model, site, origin: modelNormalization(model, site?.normalization) } });
    } catch (err) {
      setModelState({ kind: 'error', error: quantizeErrorText(err, name, lang) });
    }
  };

  // URL parameters (tests, `npm run quantize`), once, in the browser.
  useEffect(() => {
    const p = readParams(location.search);
    if (p.model) setSiteId(p.model);
    if (p.mode) setMode(p.mode);
    if (p.calibration) setCount(p.calibration);
    if (p.io) setIoType(p.io);
    if (p.range && (RANGE_METHODS as readonly string[]).includes(p.range)) setRangeMethod(p.range);
    if (p.runtime) setRuntime(p.runtime);
    setBiasCorrection(p.bias);
    autorun.current = p.autorun;
    offset.current = p.offset;
    return () => controller.current?.abort('unmounted');
  }, []);

  // Site models: download (HTTP-cached) whenever the choice changes.
  useEffect(() => {
    const entry = floats.find((m) => m.id === siteId);
    if (!entry) return;
    const ticket = ++request.current;
    const abort = new AbortController();
    controller.current?.abort('changed');
    setPhase({ kind: 'idle' });
    setModelState({ kind: 'loading', name: entry.name[lang] });
    fetchWithProgress(assetUrl(entry), undefined, { expectedBytes: entry.bytes, signal: abort.signal }).then(
      (bytes) => openBytes(bytes, entry.file.split('/').pop() ?? entry.id, entry, ticket),
      (err: unknown) => {
        if (ticket !== request.current || abort.signal.aborted) return;
        setModelState({ kind: 'error', error: quantizeErrorText(err, entry.name[lang], lang) });
      },
    );
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [siteId]);

  const openFile = (file: File | undefined) => {
    if (!file) return;
    const ticket = ++request.current;
    controller.current?.abort('changed');
    setSiteId('');
    setPhase({ kind: 'idle' });
    if (file.size > MAX_MODEL_BYTES) {
      setModelState({ kind: 'error', error: quantizeErrorText(new TfliteParseError(`${file.size} bytes`, 'too-large'), file.name, lang) });
      return;
    }
    setModelState({ kind: 'loading', name: file.name });
    file.arrayBuffer().then(
      (buffer) => openBytes(new Uint8Array(buffer), file.name, null, ticket),
      () => ticket === request.current && setModelState({ kind: 'error', error: { message: t('errRead', { name: file.name }) } }),
    );
  };
  const { dragging, handlers: dropHandlers } = useFileDrop((files) => openFile(files?.[0]));

  const source = modelState.kind === 'ready' ? modelState.source : null;
  const normalization: Normalization =
    source && source.origin.kind !== 'unknown' ? source.origin.normalization : NORMALIZATION_CHOICES[normChoice];
  const inputSide = source ? (inputTensors(source.model)[0]?.shape[1] ?? 224) : 224;
  const calibrationCount = photoSource === 'dev' ? (photoCount(count) ?? devImages.length) : ownPhotos.length;
  const python = converterCode({ mode, ioType, inputSize: inputSide, normalization, photoCount: calibrationCount, rangeMethod, biasCorrection });

  // Release the download URL of an earlier result.
  useEffect(() => () => void (phase.kind === 'done' && URL.revokeObjectURL(phase.url)), [phase]);

  const change = <V,>(set: (v: V) => void) => (v: V) => {
    controller.current?.abort('changed');
    set(v);
  };

  const run = async () => {
    if (!source) return;
    let photos: CalibrationPhoto[] | undefined;
    if (needsCalibration(mode)) {
      if (photoSource === 'dev') {
        const n = photoCount(count);
        if (n === null) {
          setPhase({ kind: 'error', error: { message: t('errCount', { max: devImages.length, value: count }) } });
          return;
        }
        photos = devPhotoSet(n, offset.current);
      } else {
        if (ownPhotos.length === 0) {
          setPhase({ kind: 'error', error: quantizeErrorText(new CalibrationError('No photos chosen', 'no-photos'), source.name, lang) });
          return;
        }
        photos = filePhotoSet(ownPhotos);
      }
    }
    controller.current?.abort('changed');
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'running', stage: null });
    try {
      const outcome = await quantizeInBrowser({
        floatModel: source.bytes,
        mode,
        ioType,
        photos,
        normalization,
        rangeMethod: rangeMethod as RangeMethod,
        biasCorrection,
        runtime,
        threads: defaultThreads(runtime),
        signal: abort.signal,
        onStage: (stage) => controller.current === abort && setPhase({ kind: 'running', stage }),
      });
      const stem = source.name.replace(/\.tflite$/i, '');
      const fileName = `${stem}_${mode.replace('-', '_')}${mode === 'int8-io' ? `_${ioType}` : ''}.tflite`;
      const url = URL.createObjectURL(new Blob([outcome.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      if (controller.current !== abort) {
        URL.revokeObjectURL(url);
        return;
      }
      setPhase({ kind: 'done', outcome, source, mode, normalization, url, fileName });
    } catch (err) {
      if (abort.signal.aborted) {
        if (abort.signal.reason === 'cancelled') setPhase({ kind: 'cancelled' });
        return;
      }
      setPhase({ kind: 'error', error: quantizeErrorText(err, source.name, lang) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  // ?autorun=1: run once, as soon as the model is ready.
  useEffect(() => {
    if (autorun.current && source) {
      autorun.current = false;
      void run();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  const running = phase.kind === 'running';
  const stage = phase.kind === 'running' ? phase.stage : null;
  const state = phase.kind === 'running' ? 'running' : phase.kind === 'done' ? 'done' : phase.kind === 'error' ? 'error' : 'idle';
  const statusText =
    phase.kind === 'running'
      ? !stage || stage.kind === 'preparing'
        ? t('statusPreparing')
        : stage.kind === 'calibrating'
          ? t('statusCalibrating', { done: stage.done, total: stage.total })
          : t('statusWriting')
      : phase.kind === 'done'
        ? t('statusDone', { seconds: (phase.outcome.timings.totalMs / 1000).toFixed(1) })
        : phase.kind === 'cancelled'
          ? t('cancelled')
          : phase.kind === 'error'
            ? phase.error.message
            : t('statusIdle');

  return (
    <section class="bench-lab quantizer not-content" aria-labelledby={`${uid}-h`} data-testid="quantizer-lab">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <p class="q-privacy">{t('privacy')}</p>

      <fieldset class="q-model">
        <legend>{t('step1')}</legend>
        <div class="q-pickers">
          <label class="q-field">
            <span>{t('siteModel')}</span>
            <select name="model" data-testid="quantize-model" value={siteId} disabled={running} onChange={(e) => change(setSiteId)(e.currentTarget.value)}>
              <option value="">{t('siteModelNone')}</option>
              {floats.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name[lang]}
                </option>
              ))}
            </select>
          </label>
          <div class={`q-drop${dragging ? ' q-drop-active' : ''}`} {...dropHandlers}>
            <label class="q-field">
              <span>{t('fileLabel')}</span>
              <input
                type="file"
                accept=".tflite,application/octet-stream"
                data-testid="quantize-file"
                disabled={running}
                onChange={(e) => {
                  const input = e.currentTarget;
                  openFile(input.files?.[0]);
                  input.value = '';
                }}
              />
            </label>
            <span class="bl-hint">{dragging ? t('dropActive') : t('dropHint')}</span>
          </div>
        </div>
        <p class={modelState.kind === 'error' ? 'bl-error' : 'bl-hint'} role={modelState.kind === 'error' ? 'alert' : 'status'} data-testid="quantize-model-status" data-state={modelState.kind}>
          {modelState.kind === 'loading'
            ? t('loadingModel', { name: modelState.name })
            : modelState.kind === 'error'
              ? modelState.error.message
              : t('modelReady', { name: modelState.source.name, size: formatBytes(modelState.source.bytes.length, lang), input: describeInput(modelState.source.model) })}
          {modelState.kind === 'error' && modelState.error.detail ? <span class="q-detail">{modelState.error.detail}</span> : null}
        </p>
      </fieldset>

      <ModeSettings
        t={t}
        lang={lang}
        disabled={running}
        mode={mode}
        onMode={change(setMode)}
        ioType={ioType}
        onIoType={change(setIoType)}
        photoSource={photoSource}
        onPhotoSource={change(setPhotoSource)}
        count={count}
        onCount={setCount}
        ownPhotos={ownPhotos}
        onOwnPhotos={change(setOwnPhotos)}
        rangeMethod={rangeMethod}
        onRangeMethod={change(setRangeMethod)}
        biasCorrection={biasCorrection}
        onBiasCorrection={change(setBiasCorrection)}
        origin={source?.origin ?? null}
        normChoice={normChoice}
        onNormChoice={change(setNormChoice)}
        runtimePicker={<RuntimeSelect lang={lang} value={runtime} onChange={change(setRuntime)} disabled={running} />}
      />

      <details class="q-python" open>
        <summary>{t('python')}</summary>
        <pre data-testid="quantize-python"><code>{python}</code></pre>
        <p class="bl-hint">{t('pythonNote')}</p>
      </details>

      <RunCancelButtons lang={lang} primary runLabel={t('run')} onRun={run} onCancel={() => controller.current?.abort('cancelled')} running={running} runDisabled={running || !source} />
      <div class="bl-status" aria-live="polite">
        {running ? (
          <progress
            max={stage?.kind === 'calibrating' ? stage.total : 1}
            value={stage?.kind === 'calibrating' ? stage.done : undefined}
            aria-label={statusText}
            data-testid="quantize-progress"
          />
        ) : null}
        <p class={phase.kind === 'error' ? 'bl-error' : undefined} role={phase.kind === 'error' ? 'alert' : undefined} data-testid="quantize-status" data-state={state}>
          {statusText}
          {phase.kind === 'error' && phase.error.detail ? <span class="q-detail">{phase.error.detail}</span> : null}
        </p>
      </div>
      {phase.kind === 'done' ? (
        <ResultView
          t={t}
          lang={lang}
          modeName={modeName(phase.mode)}
          mode={phase.mode}
          outcome={phase.outcome}
          source={phase.source}
          normalization={phase.normalization}
          url={phase.url}
          fileName={phase.fileName}
        />
      ) : null}
    </section>
  );
}
