// The live classifier: a float and an 8-bit MobileNet (or any manifest pair) classify the same
// photo side by side in the reader's browser. Thin: state lives in the hooks (useChoice,
// useModelSessions, useClassify), the pipeline in lib/image -> lib/runtime -> lib/classify.
//
// URL parameters: ?pair=<manifest pair id>&runtime=tfjs-tflite|litert&mistake=<classic mistake id>
// &runs=<timed runs per photo, 1..20, default 5>
// Root element carries data-state="loading|ready|busy|error" for tests and styling; the runtime line
// carries data-wasm-heap (engine WASM heap bytes) and data-tfjs-tensors (tfjs-tflite only), read
// after every classification, so bench/classifier-timing.ts can check that memory stays flat.
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { getModel, modelPairs, type Locale } from '../lib/models.ts';
import { decodeImageBlob, videoFrame } from '../lib/image/index.ts';
import { translator } from '../i18n/translate.ts';
import { classifierStrings } from '../i18n/classifier.ts';
import { useChoice } from './classifier/useChoice.ts';
import { useModelSessions } from './classifier/useModelSessions.ts';
import { useClassify } from './classifier/useClassify.ts';
import { useReveal, useAnnouncement, useMemoryReadout } from './classifier/useReveal.ts';
import ImageSources from './classifier/ImageSources.tsx';
import Webcam from './classifier/Webcam.tsx';
import LoadStatus from './classifier/LoadStatus.tsx';
import Answer from './classifier/Answer.tsx';
import MistakePanel from './classifier/MistakePanel.tsx';
import LifePanel from './classifier/LifePanel.tsx';
import RuntimeSelect from './shared/RuntimeSelect.tsx';
import PairSelect from './shared/PairSelect.tsx';
import './shared/lab-card.css';
import './classifier/Classifier.css';

interface Props {
  lang: Locale;
}

export default function Classifier({ lang }: Props) {
  const t = translator(classifierStrings, lang);
  const uid = useId();
  const [choice, choose] = useChoice();
  // Preact does not patch attributes while hydrating, and the server rendered the default choice:
  // re-create the DOM once after hydration so the pickers show what the URL asked for.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const pair = modelPairs.find((p) => p.id === choice.pair) ?? modelPairs[0]!;
  const entries = [getModel(pair.a), getModel(pair.b)];
  const models = useModelSessions(entries, choice.runtime, lang);
  const { outcome, error, setError, classify, clear } = useClassify(models.sessionsRef, models.setPhase, choice.mistake, lang, choice.runs);
  useEffect(clear, [choice.pair, choice.runtime, clear]);
  const [webcam, setWebcam] = useState(false);
  const answerRef = useRef<HTMLElement>(null);
  useReveal(answerRef, outcome);
  const announcement = useAnnouncement(outcome, lang);
  const memory = useMemoryReadout(models.sessions, outcome?.run);

  const onBlob = useCallback((blob: Blob) => (setWebcam(false), void classify(() => decodeImageBlob(blob), 'file')), [classify]);
  const onSample = useCallback(
    (url: string) => (setWebcam(false), void classify(async () => decodeImageBlob(await (await fetch(url)).blob()), 'file')),
    [classify],
  );
  const onFrame = useCallback((video: HTMLVideoElement) => classify(() => videoFrame(video), 'camera'), [classify]);
  const shownError = models.loadError ?? error;
  // The life of one inference follows the pair's 8-bit model (the one with a zero point and a scale).
  const followed = outcome?.models.find((m) => m.session.entry.dtype !== 'float32') ?? outcome?.models[0];
  const { phase } = models;

  return (
    <div key={hydrated ? 'client' : 'server'} data-hydrated={hydrated ? 'true' : undefined} class="clf lab-card not-content" data-state={phase} data-runtime={choice.runtime} data-pair={pair.id} aria-busy={phase === 'loading' || phase === 'busy'}>
      <p class="clf-privacy lab-card-privacy">{t('privacy')}</p>
      <div class="clf-controls">
        <PairSelect lang={lang} label={t('pairLabel')} pairs={modelPairs} value={pair.id} onChange={(id) => choose({ pair: id })} />
        <RuntimeSelect lang={lang} value={choice.runtime} onChange={(runtime) => choose({ runtime })} />
      </div>
      <LoadStatus lang={lang} loading={phase === 'loading'} hydrated={hydrated} progress={models.progress} plan={models.plan} info={models.info} memory={memory} progressId={`${uid}-progress`} />
      {shownError && (
        <div class="clf-error" role="alert" data-testid="error" data-code={shownError.code}>
          <p>{shownError.message}</p>
          {shownError.detail && <p class="clf-error__detail">{shownError.detail}</p>}
          {phase === 'error' && <button type="button" onClick={models.retry}>{t('retry')}</button>}
        </div>
      )}
      <h2 class="clf-heading">{t('chooseImage')}</h2>
      <ImageSources lang={lang} onBlob={onBlob} onSample={onSample} fileInputId={`${uid}-file`} />
      <div class="clf-camera">
        <button type="button" class="clf-camera__toggle" aria-pressed={webcam} onClick={() => setWebcam((w) => !w)}>
          {webcam ? t('webcamStop') : t('webcamStart')}
        </button>
        {webcam && <Webcam lang={lang} onFrame={onFrame} onError={setError} onStop={() => setWebcam(false)} />}
      </div>
      <Answer lang={lang} entries={entries} sessions={models.sessions} outcome={outcome} uid={uid} answerRef={answerRef} />
      <MistakePanel lang={lang} mistake={choice.mistake} onChange={(mistake) => choose({ mistake })} outcome={outcome} uid={uid} />
      {followed && outcome && <LifePanel lang={lang} session={followed.session} result={followed.result} photo={outcome.image} uid={uid} />}
      <p class="sr-only" aria-live="polite" data-testid="announcement">{announcement}</p>
    </div>
  );
}
