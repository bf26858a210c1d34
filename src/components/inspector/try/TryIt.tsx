// "Run it here": runs the loaded model the way its kind needs (photo, audio, or generated inputs).
import type { Locale } from '../../../lib/models.ts';
import { runtimeLabels, type LoadedModel, type RuntimeId } from '../../../lib/runtime/index.ts';
import type { ModelReport } from '../../../lib/tflite/describe.ts';
import { isPhotoInput } from '../../../lib/tryit/synthetic-inputs.ts';
import type { Trial } from '../useRuntimeTrials.ts';
import type { T } from '../format.ts';
import AudioTry from './AudioTry.tsx';
import ImageTry from './ImageTry.tsx';
import RawTry from './RawTry.tsx';

interface Props {
  report: ModelReport;
  model: { runtime: RuntimeId; loaded: LoadedModel } | null;
  trials: Record<string, Trial>;
  t: T;
  lang: Locale;
}

const IMAGE_KINDS = new Set(['image-classifier', 'object-detector', 'image-segmenter', 'image-embedder']);

export default function TryIt({ report, model, trials, t, lang }: Props) {
  const pending = Object.values(trials).some((trial) => trial.status === 'pending');
  let body: preact.ComponentChildren;
  if (!model) {
    body = <p data-testid="try-status">{pending ? t('tryNeedsRuntime') : t('tryNoRuntime')}</p>;
  } else {
    const { loaded } = model;
    const kind = report.kind;
    const waveform = kind.inputs[0]?.role === 'waveform' && loaded.inputs.length === 1;
    body = (
      <>
        <p class="insp-note">{t('tryUsing', { runtime: runtimeLabels[model.runtime] })}</p>
        {IMAGE_KINDS.has(kind.kind) && loaded.inputs.length === 1 && isPhotoInput(loaded.inputs[0]) ? (
          <ImageTry report={report} loaded={loaded} t={t} lang={lang} />
        ) : kind.kind === 'audio-classifier' && waveform ? (
          <AudioTry report={report} loaded={loaded} t={t} lang={lang} />
        ) : (
          <RawTry report={report} loaded={loaded} t={t} lang={lang} />
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="insp-try" data-testid="try-it">
      <h3 id="insp-try">{t('tryHeading')}</h3>
      {body}
    </section>
  );
}
