// Accuracy lab: a float model and its 8-bit twin over the labelled dev photos, side by side with the
// published ImageNet numbers, and a gallery of the photos where their answers differ.
// Hook + view: the run lifecycle is shared/useLabRun.ts, the evaluation lib/eval, the results accuracy/.
import { useEffect, useId, useState } from 'preact/hooks';
import { devImages, getModel, models, type Locale } from '../lib/models.ts';
import { DEFAULT_RUNTIME, isRuntimeId, defaultThreads, type RuntimeId } from '../lib/runtime/index.ts';
import { evaluateOnDevSet, type AccuracyRun } from '../lib/eval/dev-set.ts';
import { manifestSource, type ModelSource } from '../lib/inference/source.ts';
import { loadLabels } from '../lib/classify/labels.ts';
import { presets } from '../lib/catalog/selection.ts';
import { translator } from '../i18n/translate.ts';
import { accuracyLabStrings } from '../i18n/accuracy-lab.ts';
import { handedOverSources } from './shared/handoff-source.ts';
import RuntimeSelect from './shared/RuntimeSelect.tsx';
import PairSelect from './shared/PairSelect.tsx';
import RunCancelButtons from './shared/RunCancelButtons.tsx';
import RunStatus from './shared/RunStatus.tsx';
import { standardMessages } from './shared/lab-run.ts';
import { useLabRun } from './shared/useLabRun.ts';
import AccuracyResults from './accuracy/AccuracyResults.tsx';
import './shared/lab.css';

interface Props {
  lang: Locale;
}

const pairs = presets();

/** Pair, runtime and photo count, from the URL on the client; the quantizer's pair when handed over. */
function useAccuracySettings() {
  const [pairId, setPairId] = useState(pairs[0]?.id ?? '');
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const [count, setCount] = useState(String(devImages.length));
  /** The quantizer's float + quantized pair, when the page was opened with `?handoff=quantizer`. */
  const [handed, setHanded] = useState<ModelSource[] | null>(null);
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    handedOverSources(params).then((h) => h.length === 2 && setHanded(h));
    const pair = params.get('pair');
    if (pair && pairs.some((p) => p.id === pair)) setPairId(pair);
    const rt = params.get('runtime');
    if (isRuntimeId(rt)) setRuntime(rt);
    if (params.get('photos')) setCount(params.get('photos')!);
  }, []);
  const pair = pairs.find((p) => p.id === pairId);
  const sources = handed ? ([handed[0]!, handed[1]!] as const) : pair ? ([manifestSource(pair.ids[0]), manifestSource(pair.ids[1])] as const) : null;
  return { pairId, setPairId, runtime, setRuntime, count, setCount, handed, sources };
}

export default function AccuracyLab({ lang }: Props) {
  const t = translator(accuracyLabStrings, lang);
  const uid = useId();
  const s = useAccuracySettings();
  const lab = useLabRun<{ run: AccuracyRun; labels: string[] }, { done: number; total: number }>(standardMessages(t));
  const running = lab.running;

  const run = () => {
    const n = Number(s.count);
    if (!Number.isInteger(n) || n < 1 || n > devImages.length) return lab.message(t('invalidCount', { max: devImages.length, value: s.count }), true);
    const sources = s.sources;
    if (!sources) return;
    return lab.start(async (signal, progress) => {
      progress({ done: 0, total: n });
      const [result, labels] = await Promise.all([
        evaluateOnDevSet(sources, devImages.slice(0, n), { runtime: s.runtime, threads: defaultThreads(s.runtime), signal, onProgress: (done, total) => progress({ done, total }) }),
        // Every site model shares the ImageNet labels of the dev photos.
        loadLabels(sources.find((x) => x.entry)?.entry ?? getModel(models[0]!.id)),
      ]);
      return { run: result, labels };
    });
  };

  return (
    <section class="bench-lab not-content" aria-labelledby={`${uid}-h`} data-testid="accuracy-lab">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <div class="bl-settings">
        {s.handed ? (
          <p data-testid="accuracy-handoff">{t('handoffPair', { a: s.handed[0]!.name[lang], b: s.handed[1]!.name[lang] })}</p>
        ) : (
          <PairSelect lang={lang} label={t('pair')} name="pair" pairs={pairs} value={s.pairId} onChange={s.setPairId} disabled={running} />
        )}
        <RuntimeSelect lang={lang} value={s.runtime} onChange={s.setRuntime} disabled={running} />
        <label>
          {t('photos', { max: devImages.length })}
          <input name="photos" type="number" inputMode="numeric" value={s.count} onInput={(e) => s.setCount((e.currentTarget as HTMLInputElement).value)} disabled={running} />
        </label>
      </div>
      <RunCancelButtons lang={lang} primary runLabel={t('run')} onRun={run} onCancel={() => lab.stop()} running={running} />
      <RunStatus
        state={lab.state}
        testId="accuracy"
        progress={(p) => ({ done: p?.done ?? 0, total: p?.total ?? 1, text: !p || p.done === 0 ? t('loading') : t('progress', { done: p.done, total: p.total }) })}
        done={({ run: r }) => <p data-testid="accuracy-done">{t('done', { n: r.summary.n, seconds: (r.elapsedMs / 1000).toFixed(1) })}</p>}
      />
      {lab.state.kind === 'done' ? <AccuracyResults lang={lang} run={lab.state.result.run} labels={lab.state.result.labels} handed={s.handed} /> : null}
    </section>
  );
}
