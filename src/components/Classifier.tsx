// The live classifier: a float and an 8-bit MobileNet (or any manifest pair) classify the same
// photo side by side in the reader's browser. Thin: state and rendering; the pipeline is
// lib/image (decode, crop, resize, input) -> lib/runtime (run) -> lib/classify (output, labels).
//
// URL parameters: ?pair=<manifest pair id>&runtime=tfjs-tflite|litert
// Root element carries data-state="loading|ready|busy|error" for tests and styling; the runtime line
// carries data-wasm-heap (engine WASM heap bytes) and data-tfjs-tensors (tfjs-tflite only), read
// after every classification, so bench/classifier-timing.ts can check that memory stays flat.
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { getModel, modelPairs, type Locale } from '../lib/models.ts';
import { DEFAULT_RUNTIME, runtimeIds, isRuntimeId, isCrossOriginIsolated, type RuntimeId, type RuntimeInfo } from '../lib/runtime/index.ts';
import { decodeImageBlob, videoFrame, type DecodedImage } from '../lib/image/index.ts';
import {
  classifyImage,
  closeModelSession,
  openModelSession,
  sessionInputSize,
  type Classification,
  type ModelSession,
} from '../lib/classify/session.ts';
import { formatBytes, translator } from '../i18n/translate.ts';
import { classifierStrings } from '../i18n/classifier.ts';
import ModelResult from './classifier/ModelResult.tsx';
import ImageSources from './classifier/ImageSources.tsx';
import Webcam from './classifier/Webcam.tsx';
import { describeError, type ErrorText } from '../i18n/errors.ts';
import RuntimeSelect from './shared/RuntimeSelect.tsx';
import PairSelect from './shared/PairSelect.tsx';
import './shared/lab-card.css';
import './classifier/Classifier.css';

interface Props {
  lang: Locale;
}

type Phase = 'loading' | 'ready' | 'busy' | 'error';

const DEFAULT_PAIR = modelPairs[0]!.id;

function initialChoice(): { pair: string; runtime: RuntimeId } {
  const params = typeof location !== 'undefined' ? new URLSearchParams(location.search) : new URLSearchParams();
  const pair = params.get('pair');
  const runtime = params.get('runtime');
  return {
    pair: modelPairs.some((p) => p.id === pair) ? pair! : DEFAULT_PAIR,
    runtime: isRuntimeId(runtime) ? runtime : DEFAULT_RUNTIME,
  };
}

/** Draws the model's view of the image (RGB floats 0..255) into a canvas. */
function drawRgb(canvas: HTMLCanvasElement | null, rgb: Float32Array, size: number): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  canvas.width = size;
  canvas.height = size;
  const image = ctx.createImageData(size, size);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    image.data[j] = rgb[i]!;
    image.data[j + 1] = rgb[i + 1]!;
    image.data[j + 2] = rgb[i + 2]!;
    image.data[j + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

export default function Classifier({ lang }: Props) {
  const t = translator(classifierStrings, lang);
  const uid = useId();
  // Read on the client's first render, so that a ?runtime= link never loads the default runtime first.
  const [choice, setChoice] = useState<{ pair: string; runtime: RuntimeId }>(initialChoice);
  // Preact does not patch attributes while hydrating, and the server rendered the default choice:
  // re-create the DOM once after hydration so the pickers show what the URL asked for.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [phase, setPhase] = useState<Phase>('loading');
  const [progress, setProgress] = useState<{ loaded: number; total: number }>({ loaded: 0, total: 0 });
  const [info, setInfo] = useState<RuntimeInfo | null>(null);
  const [sessions, setSessions] = useState<ModelSession[]>([]);
  const [results, setResults] = useState<Classification[] | null>(null);
  const [run, setRun] = useState(0);
  const [error, setError] = useState<ErrorText | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [webcam, setWebcam] = useState(false);
  const [source, setSource] = useState<'file' | 'camera'>('file');
  const [previewSize, setPreviewSize] = useState<number | null>(null);
  const [memory, setMemory] = useState<{ heap: number | null; tensors: number | null }>({ heap: null, tensors: null });
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sessionsRef = useRef<Promise<ModelSession[]> | null>(null);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const requestRef = useRef(0);

  const pair = modelPairs.find((p) => p.id === choice.pair) ?? modelPairs[0]!;
  const entries = [getModel(pair.a), getModel(pair.b)];

  // Load (or reload) both models whenever the pair or runtime changes.
  const [loadAttempt, setLoadAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setPhase('loading');
    setError(null);
    setResults(null);
    setInfo(null);
    const total = entries.reduce((sum, e) => sum + e.bytes, 0);
    const loadedBy = entries.map(() => 0);
    setProgress({ loaded: 0, total });
    const opening = Promise.all(
      entries.map((entry, i) =>
        openModelSession(choice.runtime, entry, {
          onProgress: (loaded) => {
            loadedBy[i] = loaded;
            if (!cancelled) setProgress({ loaded: loadedBy.reduce((a, b) => a + b, 0), total });
          },
        }),
      ),
    );
    sessionsRef.current = opening;
    opening.then(
      (opened) => {
        if (cancelled) {
          opened.forEach(closeModelSession);
          return;
        }
        setSessions(opened);
        setInfo(opened[0]!.model.info);
        setPhase('ready');
      },
      (err: unknown) => {
        if (cancelled) return;
        setError(describeError(err, lang));
        setPhase('error');
      },
    );
    return () => {
      cancelled = true;
      opening.then((opened) => opened.forEach(closeModelSession), () => undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choice.pair, choice.runtime, loadAttempt]);

  // Keep the URL in step with the choice, so a link reproduces what the reader sees.
  useEffect(() => {
    if (typeof history === 'undefined') return;
    const url = new URL(location.href);
    url.searchParams.set('pair', choice.pair);
    url.searchParams.set('runtime', choice.runtime);
    history.replaceState(history.state, '', url);
  }, [choice.pair, choice.runtime]);

  /** Runs both models on one image; images arriving meanwhile queue, and only the newest shows. */
  const classify = useCallback(
    (getImage: () => Promise<DecodedImage> | DecodedImage, from: 'file' | 'camera'): Promise<void> => {
      const request = ++requestRef.current;
      const job = queueRef.current.then(async () => {
        if (request !== requestRef.current && from === 'file') return; // superseded by a newer photo
        let image: DecodedImage | null = null;
        try {
          setPhase((p) => (p === 'ready' ? 'busy' : p));
          image = await getImage();
          const opened = await sessionsRef.current!;
          const shared: { rgb?: Float32Array } = {};
          const out: Classification[] = [];
          let firstView: Float32Array | undefined;
          for (const session of opened) {
            out.push(await classifyImage(session, image, 5, shared));
            firstView ??= shared.rgb;
          }
          const size = sessionInputSize(opened[0]!).width;
          if (firstView) drawRgb(canvasRef.current, firstView, size);
          setPreviewSize(size);
          setResults(out);
          try {
            const engine = opened[0]!.model;
            setMemory({ heap: engine.wasmHeapBytes?.() ?? null, tensors: engine.tfjsTensorCount?.() ?? null });
          } catch {
            // A diagnostic readout must never break classification.
          }
          setSource(from);
          setError(null);
          setRun((n) => n + 1);
          if (from === 'file') {
            setAnnouncement(
              out
                .map((r, i) => {
                  const top = r.predictions[0]!;
                  return t('announce', { model: opened[i]!.entry.name[lang], label: top.label, pct: (top.prob * 100).toFixed(0), ms: r.inferenceMs.toFixed(0) });
                })
                .join(' '),
            );
          }
        } catch (err) {
          setError(describeError(err, lang));
          if (from === 'file') setResults(null);
        } finally {
          image?.close();
          setPhase((p) => (p === 'busy' ? 'ready' : p));
        }
      });
      queueRef.current = job.catch(() => undefined);
      return job;
    },
    [lang],
  );

  const onBlob = useCallback(
    (blob: Blob) => {
      setWebcam(false);
      void classify(() => decodeImageBlob(blob), 'file');
    },
    [classify],
  );
  const onSample = useCallback(
    (url: string) => {
      setWebcam(false);
      void classify(async () => decodeImageBlob(await (await fetch(url)).blob()), 'file');
    },
    [classify],
  );
  const onFrame = useCallback((video: HTMLVideoElement) => classify(() => videoFrame(video), 'camera'), [classify]);

  const [a, b] = results ?? [];
  const disagree = a && b && a.predictions[0]!.index !== b.predictions[0]!.index;
  const topSet = (r?: Classification) => (r ? new Set(r.predictions.map((p) => p.index)) : null);
  const pct = progress.total > 0 ? Math.min(100, (progress.loaded / progress.total) * 100) : 0;

  return (
    <div key={hydrated ? 'client' : 'server'} data-hydrated={hydrated ? 'true' : undefined} class="clf lab-card not-content" data-state={phase} data-runtime={choice.runtime} data-pair={pair.id} aria-busy={phase === 'loading' || phase === 'busy'}>
      <p class="clf-privacy lab-card-privacy">{t('privacy')}</p>

      <div class="clf-controls">
        <PairSelect lang={lang} label={t('pairLabel')} pairs={modelPairs} value={pair.id} onChange={(id) => setChoice((c) => ({ ...c, pair: id }))} />
        <RuntimeSelect lang={lang} value={choice.runtime} onChange={(runtime) => setChoice((c) => ({ ...c, runtime }))} />
      </div>

      <div class="clf-status" data-testid="status">
        {phase === 'loading' && (
          <div class="clf-progress">
            <label for={`${uid}-progress`}>
              {progress.loaded < progress.total
                ? t('loadingModels', { loaded: formatBytes(progress.loaded, lang), total: formatBytes(progress.total, lang) })
                : t('loadingRuntime')}
            </label>
            <progress id={`${uid}-progress`} max={100} value={pct} aria-label={t('progressLabel')} />
          </div>
        )}
        {info && (
          <p
            class="clf-runtime"
            data-testid="runtime-info"
            data-variant={info.variant}
            data-threads={info.threads}
            data-wasm-heap={memory.heap ?? undefined}
            data-tfjs-tensors={memory.tensors ?? undefined}
          >
            {t('runtimeInfo', { variant: info.variant, threads: info.threads })}
          </p>
        )}
        {!isCrossOriginIsolated() && phase !== 'loading' && (
          <p class="clf-note" data-testid="not-isolated">
            {t('notIsolated')}
          </p>
        )}
      </div>

      {error && (
        <div class="clf-error" role="alert" data-testid="error" data-code={error.code}>
          <p>{error.message}</p>
          {error.detail && <p class="clf-error__detail">{error.detail}</p>}
          {phase === 'error' && (
            <button type="button" onClick={() => setLoadAttempt((n) => n + 1)}>
              {t('retry')}
            </button>
          )}
        </div>
      )}

      <h3 class="clf-heading">{t('chooseImage')}</h3>
      <ImageSources lang={lang} onBlob={onBlob} onSample={onSample} fileInputId={`${uid}-file`} />
      <div class="clf-camera">
        <button type="button" class="clf-camera__toggle" aria-pressed={webcam} onClick={() => setWebcam((w) => !w)}>
          {webcam ? t('webcamStop') : t('webcamStart')}
        </button>
        {webcam && <Webcam lang={lang} onFrame={onFrame} onError={setError} onStop={() => setWebcam(false)} />}
      </div>

      <div class="clf-output">
        <figure class="clf-input" hidden={!results}>
          <canvas ref={canvasRef} width={224} height={224} role="img" aria-label={t('modelInputAlt', { size: previewSize ?? 224 })} />
          <figcaption>{t('modelInput', { size: previewSize ?? 224 })}</figcaption>
        </figure>
        <div class="clf-results">
          {results && (
            <p class={disagree ? 'clf-verdict clf-verdict--disagree' : 'clf-verdict'} data-testid="verdict" data-agree={disagree ? 'false' : 'true'}>
              {disagree ? t('disagree', { a: a!.predictions[0]!.label, b: b!.predictions[0]!.label }) : t('agree', { label: a!.predictions[0]!.label })}
            </p>
          )}
          <div class="clf-models">
            {entries.map((entry, i) => (
              <ModelResult
                key={entry.id}
                lang={lang}
                entry={entry}
                input={sessions[i]?.model.inputs[0] ?? null}
                result={results?.[i] ?? null}
                otherTop={topSet(results?.[1 - i])}
                run={run}
                headingId={`${uid}-m${i}`}
              />
            ))}
          </div>
        </div>
      </div>
      <p class="sr-only" aria-live="polite" data-testid="announcement">
        {source === 'file' ? announcement : ''}
      </p>
    </div>
  );
}
