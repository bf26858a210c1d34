// The MobileNet family measured in this browser (latency, dev-set top-1, size) beside the published
// ImageNet table. Hook + view: the measurement is lib/bench/family-run.ts, the run lifecycle
// shared/useLabRun.ts, the chart and table family/.
import { useCallback, useId, useState } from 'preact/hooks';
import { devImages, type Locale } from '../lib/models.ts';
import { DEFAULT_RUNTIME, defaultThreads, type RuntimeId } from '../lib/runtime/index.ts';
import { measureFamily, type FamilyProgress, type FamilyRun } from '../lib/bench/family-run.ts';
import { familyModels } from '../lib/catalog/family.ts';
import { publishedTop1 } from '../lib/catalog/published.ts';
import { translator } from '../i18n/translate.ts';
import { familyChartStrings } from '../i18n/family-chart.ts';
import RuntimeSelect from './shared/RuntimeSelect.tsx';
import RunCancelButtons from './shared/RunCancelButtons.tsx';
import RunStatus from './shared/RunStatus.tsx';
import { standardMessages } from './shared/lab-run.ts';
import { useLabRun } from './shared/useLabRun.ts';
import { useElapsed } from './shared/useElapsed.ts';
import FamilyPlot from './family/FamilyPlot.tsx';
import FamilyTable from './family/FamilyTable.tsx';
import './shared/lab.css';

interface Props {
  lang: Locale;
}

const PLAN = { warmup: 3, runs: 15 };
const STEPS: FamilyProgress['step'][] = ['loading', 'timing', 'accuracy'];

export default function FamilyChart({ lang }: Props) {
  const t = translator(familyChartStrings, lang);
  const uid = useId();
  const family = familyModels();
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const [photos, setPhotos] = useState('100');
  const lab = useLabRun<FamilyRun, FamilyProgress>(standardMessages(t));
  const elapsed = useElapsed(lab.running);
  const name = (id: string) => family.find((m) => m.id === id)?.name[lang] ?? id;
  const short = useCallback((id: string) => {
    const m = family.find((x) => x.id === id)!;
    return `${m.architecture.replace(/^mobilenet_/, '')} ${m.width}/${m.resolution} ${m.dtype}`;
  }, [family]);

  const run = () => {
    const n = Number(photos);
    if (!Number.isInteger(n) || n < 0 || n > devImages.length) return lab.message(t('invalidCount', { max: devImages.length, value: photos }), true);
    return lab.start((signal, onProgress) =>
      measureFamily(family, devImages.slice(0, n), { runtime, threads: defaultThreads(runtime), plan: PLAN, signal, onProgress }),
    );
  };

  const stepText = (p: FamilyProgress) =>
    p.step === 'loading'
      ? t('loading', { model: name(p.modelId) })
      : p.step === 'timing'
        ? t('timing', { done: p.done, total: p.total })
        : t('accuracy', { count: family.length, done: p.done, total: p.total });
  const steps = Number(photos) > 0 ? 3 : 2;
  const done = lab.state.kind === 'done' ? lab.state.result : null;
  const source = family.map((m) => publishedTop1(m)?.source).find((s) => s);

  return (
    <section class="bench-lab not-content" aria-labelledby={`${uid}-h`} data-testid="family-chart">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <div class="bl-settings">
        <RuntimeSelect lang={lang} value={runtime} onChange={setRuntime} disabled={lab.running} />
        <label>
          {t('photos', { max: devImages.length })}
          <input name="photos" type="number" inputMode="numeric" value={photos} onInput={(e) => setPhotos((e.currentTarget as HTMLInputElement).value)} disabled={lab.running} />
        </label>
      </div>
      <RunCancelButtons lang={lang} primary runLabel={t('run')} onRun={run} onCancel={() => lab.stop()} running={lab.running} />
      <RunStatus
        state={lab.state}
        testId="family"
        progress={(p) => ({
          done: p?.done ?? 0,
          total: p?.total ?? 1,
          text: t('step', { step: p ? STEPS.indexOf(p.step) + 1 : 1, steps, elapsed, text: p ? stepText(p) : t('loading', { model: name(family[0]!.id) }) }),
        })}
        done={(r) => (
          <p class="bl-info" data-testid="family-message">
            {t('done', { count: family.length, seconds: (r.elapsedMs / 1000).toFixed(1), runs: r.runs })}
          </p>
        )}
      />
      <FamilyPlot
        run={done}
        labelOf={short}
        text={{ alt: t('chartAlt'), x: t('xAxis'), y: done && done.photos > 0 ? t('yMeasured', { n: done.photos }) : t('yPublished'), legend: t('legend') }}
      />
      <FamilyTable lang={lang} family={family} run={done} />
      {source ? (
        <p class="bl-note">
          {t('note', { source: source.title })} <a href={source.url}>{source.url}</a>
        </p>
      ) : null}
    </section>
  );
}
