// "The life of one inference" on its own, for lessons: one 8-bit model (default: the official
// MobileNet v1 0.25 224 uint8) classifies a sample photo in the reader's browser, and the diagram
// follows that photo from its pixels to its label with the real numbers. The reader can pick
// another sample photo. Same inference path as the classifier (lib/classify/session.ts).
import { useEffect, useId, useState } from 'preact/hooks';
import { assetUrl, getModel, sampleImages, type Locale } from '../lib/models.ts';
import { DEFAULT_RUNTIME } from '../lib/runtime/index.ts';
import { decodeImageBlob } from '../lib/image/index.ts';
import { classifyImage, closeModelSession, openModelSession, prepareImage, type Classification, type ModelSession } from '../lib/classify/session.ts';
import { describeError, type ErrorText } from '../i18n/errors.ts';
import { translator } from '../i18n/translate.ts';
import { classifierStrings } from '../i18n/classifier.ts';
import LifePanel from './classifier/LifePanel.tsx';
import './shared/lab-card.css';
import './classifier/Classifier.css';

interface Props {
  lang: Locale;
  /** Manifest model id to follow. */
  model?: string;
  /** Sample photo id shown first. */
  photo?: string;
}

interface Shown {
  session: ModelSession;
  result: Classification;
  photo: { width: number; height: number };
}

export default function InferenceLifeDemo({ lang, model = 'mobilenet_v1_0.25_224_uint8', photo = 'grace_hopper' }: Props) {
  const t = translator(classifierStrings, lang);
  const uid = useId();
  const [photoId, setPhotoId] = useState(photo);
  const [session, setSession] = useState<ModelSession | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  useEffect(() => {
    let opened: ModelSession | null = null;
    let live = true;
    openModelSession(DEFAULT_RUNTIME, getModel(model)).then(
      (s) => (live ? setSession((opened = s)) : closeModelSession(s)),
      (err: unknown) => live && setError(describeError(err, lang)),
    );
    return () => {
      live = false;
      closeModelSession(opened);
    };
  }, [model, lang]);

  useEffect(() => {
    if (!session) return;
    let live = true;
    const sample = sampleImages.find((s) => s.id === photoId) ?? sampleImages[0]!;
    (async () => {
      const image = await decodeImageBlob(await (await fetch(assetUrl(sample))).blob());
      try {
        const result = await classifyImage(session, prepareImage(image));
        if (live) setShown({ session, result, photo: { width: image.originalWidth, height: image.originalHeight } });
      } finally {
        image.close();
      }
    })().catch((err: unknown) => live && setError(describeError(err, lang)));
    return () => {
      live = false;
    };
  }, [session, photoId, lang]);

  return (
    <div class="clf lab-card not-content" data-testid="inference-life-demo" data-state={shown ? 'ready' : error ? 'error' : 'loading'}>
      <label class="clf-mistakes__pick">
        <span>{t('samplesLegend')}</span>
        <select value={photoId} onChange={(e) => setPhotoId(e.currentTarget.value)}>
          {sampleImages.map((s) => (
            <option key={s.id} value={s.id}>{s.name[lang]}</option>
          ))}
        </select>
      </label>
      {error && <p class="clf-error" role="alert" data-code={error.code}>{error.message}</p>}
      {!shown && !error && <p class="clf-cue" aria-live="polite">{t('loadingRuntime')}</p>}
      {shown && <LifePanel lang={lang} session={shown.session} result={shown.result} photo={shown.photo} uid={uid} />}
    </div>
  );
}
