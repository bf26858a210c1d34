// The MobileNet family measured in this browser (latency, dev-set top-1, size) beside the published
// ImageNet table. Timing is one interleaved benchmark of all models; accuracy one pass over the photos.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { devImages, type Locale } from '../lib/models.ts';
import { DEFAULT_RUNTIME, defaultThreads, type RuntimeId } from '../lib/runtime/index.ts';
import { benchmark, type BenchmarkResult, type BenchStatus } from '../lib/bench/benchmark.ts';
import { classifyDevSet } from '../lib/eval/dev-set.ts';
import { manifestSource } from '../lib/inference/source.ts';
import { familyModels } from '../lib/catalog/family.ts';
import { publishedTop1 } from '../lib/catalog/published.ts';
import { formatBytes, translator } from '../i18n/translate.ts';
import { familyChartStrings } from '../i18n/family-chart.ts';
import { plotStyle } from './shared/plot.ts';
import { usePlot } from './shared/usePlot.ts';
import { ms } from './bench/format.ts';
import RuntimeSelect from './shared/RuntimeSelect.tsx';
import RunCancelButtons from './shared/RunCancelButtons.tsx';
import './bench/BenchmarkLab.css';

interface Props {
  lang: Locale;
}

interface Point {
  id: string;
  name: string;
  /** Short chart label from the manifest fields, e.g. "v1 0.25/224 uint8". */
  short: string;
  sizeBytes: number;
  medianMs: number;
  p90Ms: number;
  measuredTop1: number | null;
  publishedTop1: number | null;
  exact: boolean;
}

const PLAN = { warmup: 3, runs: 15 };

export default function FamilyChart({ lang }: Props) {
  const t = translator(familyChartStrings, lang);
  const uid = useId();
  const family = familyModels();
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const [photos, setPhotos] = useState('100');
  const [status, setStatus] = useState('');
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [points, setPoints] = useState<Point[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [photoCount, setPhotoCount] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort('unmounted'), []);

  const run = async () => {
    const n = Number(photos);
    if (!Number.isInteger(n) || n < 0 || n > devImages.length) {
      setMessage({ text: t('invalidCount', { max: devImages.length, value: photos }), alert: true });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setMessage(null);
    setPoints(null);
    setProgress({ done: 0, total: 1 });
    const sources = family.map((m) => manifestSource(m.id));
    const name = (id: string) => family.find((m) => m.id === id)!.name[lang];
    try {
      const timed: BenchmarkResult = await benchmark(sources, {
        runtime,
        threads: defaultThreads(runtime),
        plan: PLAN,
        signal: abort.signal,
        onStatus: (s: BenchStatus) => {
          if (s.kind === 'loading') setStatus(t('loading', { model: name(s.modelId) }));
          if (s.kind === 'running') {
            setStatus(t('timing', { done: s.done, total: s.total }));
            setProgress({ done: s.done, total: s.total });
          }
        },
      });
      let top1 = new Map<string, number>();
      if (n > 0) {
        setStatus(t('accuracy', { count: family.length, done: 0, total: n }));
        const answers = await classifyDevSet(sources, devImages.slice(0, n), {
          runtime,
          threads: defaultThreads(runtime),
          signal: abort.signal,
          onProgress: (done, total) => {
            setProgress({ done, total });
            setStatus(t('accuracy', { count: family.length, done, total }));
          },
        });
        top1 = new Map(sources.map((s, i) => [s.id, (100 * answers.outcomes.filter((o) => o.answers[i]!.rank === 0).length) / answers.outcomes.length]));
      }
      setPhotoCount(n);
      setPoints(
        family.map((m) => {
          const pub = publishedTop1(m);
          return {
            id: m.id,
            name: m.name[lang],
            short: `${m.architecture.replace(/^mobilenet_/, '')} ${m.width}/${m.resolution} ${m.dtype}`,
            sizeBytes: m.bytes,
            medianMs: timed.models.find((r) => r.id === m.id)!.inference.median,
            p90Ms: timed.models.find((r) => r.id === m.id)!.inference.p90,
            measuredTop1: top1.get(m.id) ?? null,
            publishedTop1: pub?.top1 ?? null,
            exact: pub?.exact ?? false,
          };
        }),
      );
      setMessage({ text: t('done', { count: family.length, seconds: (timed.elapsedMs / 1000).toFixed(1), runs: timed.runs }), alert: false });
    } catch (err) {
      if (abort.signal.reason === 'unmounted') return;
      setMessage({ text: abort.signal.aborted ? t('cancelled') : t('failed', { message: err instanceof Error ? err.message : String(err) }), alert: !abort.signal.aborted });
    } finally {
      setStatus('');
      setProgress(null);
      if (controller.current === abort) controller.current = null;
    }
  };

  const { box, error: plotError } = usePlot(
    (Plot, width) => {
      if (!points) return null;
      const measured = points.some((p) => p.measuredTop1 !== null);
      const y = (p: Point) => (measured ? p.measuredTop1 : p.publishedTop1);
      const data = points.filter((p) => y(p) !== null);
      return Plot.plot({
        width,
        height: Math.round(Math.min(420, Math.max(260, width * 0.55))),
        marginLeft: 48,
        marginRight: 24,
        marginTop: 36,
        marginBottom: 40,
        style: plotStyle,
        ariaLabel: t('chartAlt'),
        x: { type: 'log', label: t('xAxis'), labelAnchor: 'center', labelArrow: 'none', grid: true, insetLeft: 24, insetRight: 48 },
        y: { labelAnchor: 'top', label: measured ? t('yMeasured', { n: photoCount }) : t('yPublished'), labelArrow: 'none', grid: true },
        r: { range: [3, 18] },
        marks: [
          Plot.dot(data, { x: 'medianMs', y, r: 'sizeBytes', fill: 'var(--sl-color-accent)', fillOpacity: 0.45, stroke: 'var(--sl-color-text)' }),
          Plot.text(data, { x: 'medianMs', y, text: 'short', dy: -16, fontSize: 10, fill: 'var(--sl-color-gray-2)' }),
        ],
      });
    },
    [points, photoCount, lang],
  );

  const running = progress !== null;
  const source = family.map((m) => publishedTop1(m)?.source).find((s) => s);

  return (
    <section class="bench-lab not-content" aria-labelledby={`${uid}-h`} data-testid="family-chart">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <div class="bl-settings">
        <RuntimeSelect lang={lang} value={runtime} onChange={setRuntime} disabled={running} />
        <label>
          {t('photos', { max: devImages.length })}
          <input name="photos" type="number" inputMode="numeric" value={photos} onInput={(e) => setPhotos((e.currentTarget as HTMLInputElement).value)} disabled={running} />
        </label>
      </div>
      <RunCancelButtons lang={lang} primary runLabel={t('run')} onRun={run} onCancel={() => controller.current?.abort('cancelled')} running={running} />
      <div class="bl-status" aria-live="polite">
        {running ? (
          <>
            <progress max={progress.total} value={progress.done} aria-label={status} />
            <span>{status}</span>
          </>
        ) : message ? (
          <p class={message.alert ? 'bl-error' : 'bl-info'} role={message.alert ? 'alert' : undefined} data-testid="family-message">
            {message.text}
          </p>
        ) : null}
      </div>
      <div class="bl-chart" ref={box} data-testid="family-plot" />
      {plotError ? (
        <p class="bl-error" role="alert">
          {t('chartFailed', { message: plotError })}
        </p>
      ) : null}
      <div class="bl-table-wrap responsive-table">
        <table class="bl-table" data-testid="family-table">
          <thead>
            <tr>
              <th scope="col">{t('colModel')}</th>
              <th scope="col">{t('colSize')}</th>
              <th scope="col">{t('colMedian')}</th>
              <th scope="col">{t('colTop1')}</th>
              <th scope="col">{t('colPublished')}</th>
              <th scope="col">{t('colFloat')}</th>
            </tr>
          </thead>
          <tbody>
            {family.map((m) => {
              const p = points?.find((x) => x.id === m.id);
              return (
                <tr key={m.id} data-model={m.id}>
                  <th scope="row">{m.name[lang]}</th>
                  <td data-label={t('colSize')}>{formatBytes(m.bytes, lang)}</td>
                  <td data-col="median" data-label={t('colMedian')}>{p ? `${ms(p.medianMs)} (p90 ${ms(p.p90Ms)})` : t('notMeasured')}</td>
                  <td data-col="top1" data-label={t('colTop1')}>{p?.measuredTop1 != null ? `${p.measuredTop1.toFixed(0)}%` : t('notMeasured')}</td>
                  <td data-label={t('colPublished')}>{m.published ? `${m.published.top1}%` : t('notMeasured')}</td>
                  <td data-label={t('colFloat')}>{m.published ? `${m.published.float_top1}%` : t('notMeasured')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {source ? (
        <p class="bl-note">
          {t('note', { source: source.title })} <a href={source.url}>{source.url}</a>
        </p>
      ) : null}
    </section>
  );
}
