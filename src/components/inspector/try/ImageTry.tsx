// Image models: a sample photo or the reader's own, prepared as the file says, run, and drawn.
import { useMemo, useState } from 'preact/hooks';
import { assetUrl, sampleImages, type Locale } from '../../../lib/models.ts';
import { decodeImageBlob, type DecodedImage } from '../../../lib/image/decode.ts';
import { CORRECT_STEPS } from '../../../lib/image/prepare.ts';
import { prepareImage } from '../../../lib/inference/prepared-image.ts';
import type { LoadedModel } from '../../../lib/runtime/index.ts';
import type { ModelReport } from '../../../lib/tflite/describe.ts';
import { interpretImageOutputs, type ImageRunResult } from '../../../lib/tryit/interpret.ts';
import type { T } from '../format.ts';
import ImageResultView from './ImageResultView.tsx';
import PhotoCanvas, { type Overlay } from './PhotoCanvas.tsx';
import { RunError, useRun } from './useRun.tsx';

/** Used only when the file states no normalisation (and the reader is told so). */
const ASSUMED = { mean: [127.5], std: [127.5] };

export default function ImageTry({ report, loaded, t, lang }: { report: ModelReport; loaded: LoadedModel; t: T; lang: Locale }) {
  const detector = report.kind.kind === 'object-detector';
  const fit = detector ? 'squash' : 'crop';
  const [sample, setSample] = useState(detector ? 'multi_objects' : 'grace_hopper');
  const [image, setImage] = useState<DecodedImage | null>(null);
  const { state, run } = useRun<ImageRunResult>(loaded, lang);
  const known = report.input && report.input.normalization.source !== 'unknown';
  const norm = known ? report.input!.normalization : ASSUMED;
  const labels = useMemo(() => report.labels?.text.split('\n') ?? [], [report]);
  const labelOf = (i: number) => labels[i] || t('tryClassId', { id: i });

  const go = (load: () => Promise<Blob>) =>
    run(
      async () => {
        const decoded = await decodeImageBlob(await load());
        setImage((previous) => {
          previous?.close();
          return decoded;
        });
        return [prepareImage(decoded).inputFor(loaded.inputs[0]!, norm, { ...CORRECT_STEPS, fit }).input];
      },
      (outputs) => interpretImageOutputs(report.kind, outputs, loaded.outputs),
    );
  const runSample = () => {
    const entry = sampleImages.find((s) => s.id === sample);
    if (entry) go(() => fetch(assetUrl(entry)).then((r) => r.blob()));
  };

  const result = state.phase === 'done' ? state.result : null;
  const overlay: Overlay = {
    boxes: result?.kind === 'detections' ? result.detections.map((d) => ({ detection: d, label: `${labelOf(d.classId)} ${Math.round(100 * d.score)}%` })) : undefined,
    mask: result?.kind === 'mask' ? result : undefined,
  };
  return (
    <div data-testid="try-image">
      {!known && <p class="insp-note">{t('tryNormAssumed')}</p>}
      <div class="insp-pickers">
        <label class="insp-field">
          <span>{t('trySample')}</span>
          <select value={sample} data-testid="try-sample" onChange={(e) => setSample((e.target as HTMLSelectElement).value)}>
            {sampleImages.map((s) => <option key={s.id} value={s.id}>{s.name[lang]}</option>)}
          </select>
        </label>
        <button type="button" class="insp-button" data-testid="try-run" disabled={state.phase === 'running'} onClick={runSample}>
          {state.phase === 'running' ? t('tryRunning') : t('tryRun')}
        </button>
        <label class="insp-field">
          <span>{t('tryOwnPhoto')}</span>
          <input type="file" accept="image/*" data-testid="try-photo" onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) go(async () => file);
            input.value = '';
          }} />
        </label>
      </div>
      <RunError state={state} />
      {state.phase === 'done' && image && (
        <div class="insp-try-result">
          <PhotoCanvas image={image} fit={fit} overlay={overlay} label={t('tryHeading')} />
          <div>
            <p class="insp-note">{t('tryMs', { ms: state.ms.toFixed(1) })}</p>
            <ImageResultView result={state.result} labelOf={labelOf} hasLabels={labels.length > 0} specs={loaded.outputs} t={t} />
          </div>
        </div>
      )}
    </div>
  );
}
