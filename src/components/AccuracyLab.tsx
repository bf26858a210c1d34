// Accuracy lab: a float model and its 8-bit twin over the labelled dev photos, side by side with the
// published ImageNet numbers, and a gallery of the photos where their answers differ.
import { Fragment } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { assetUrl, devImages, getModel, models, type Locale } from '../lib/models.ts';
import { DEFAULT_RUNTIME, isRuntimeId, defaultThreads, type RuntimeId } from '../lib/runtime/index.ts';
import { evaluateOnDevSet, type AccuracyRun } from '../lib/eval/dev-set.ts';
import { manifestSource, type ModelSource } from '../lib/inference/source.ts';
import { handedOverSources } from './bench/handoff-source.ts';
import { publishedTop1 } from '../lib/catalog/published.ts';
import { loadLabels, labelOf } from '../lib/classify/labels.ts';
import { translator } from '../i18n/translate.ts';
import { accuracyLabStrings } from '../i18n/accuracy-lab.ts';
import { presets } from '../lib/catalog/selection.ts';
import { percent } from './bench/format.ts';
import RuntimeSelect from './shared/RuntimeSelect.tsx';
import PairSelect from './shared/PairSelect.tsx';
import RunCancelButtons from './shared/RunCancelButtons.tsx';
import './bench/BenchmarkLab.css';

interface Props {
  lang: Locale;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; run: AccuracyRun; labels: string[] }
  | { kind: 'message'; text: string; alert: boolean };

export default function AccuracyLab({ lang }: Props) {
  const t = translator(accuracyLabStrings, lang);
  const uid = useId();
  const pairs = presets();
  const [pairId, setPairId] = useState(pairs[0]?.id ?? '');
  const [runtime, setRuntime] = useState<RuntimeId>(DEFAULT_RUNTIME);
  const [count, setCount] = useState(String(devImages.length));
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  /** The quantizer's float + quantized pair, when the page was opened with `?handoff=quantizer`. */
  const [handed, setHanded] = useState<ModelSource[] | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const params = new URLSearchParams(location.search);
    handedOverSources(params).then((h) => h.length === 2 && setHanded(h));
    const pair = params.get('pair');
    if (pair && pairs.some((p) => p.id === pair)) setPairId(pair);
    const rt = params.get('runtime');
    if (isRuntimeId(rt)) setRuntime(rt);
    if (params.get('photos')) setCount(params.get('photos')!);
    return () => controller.current?.abort('unmounted');
  }, []);

  const pair = pairs.find((p) => p.id === pairId);

  const run = async () => {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > devImages.length) {
      setPhase({ kind: 'message', text: t('invalidCount', { max: devImages.length, value: count }), alert: true });
      return;
    }
    if (!pair && !handed) return;
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'running', done: 0, total: n });
    try {
      const sources = handed ? ([handed[0]!, handed[1]!] as const) : ([manifestSource(pair!.ids[0]), manifestSource(pair!.ids[1])] as const);
      const [result, labels] = await Promise.all([
        evaluateOnDevSet(sources, devImages.slice(0, n), {
          runtime,
          threads: defaultThreads(runtime),
          signal: abort.signal,
          onProgress: (done, total) => setPhase({ kind: 'running', done, total }),
        }),
        // Every site model shares the ImageNet labels of the dev photos.
        loadLabels(sources.find((s) => s.entry)?.entry ?? getModel(pair?.ids[0] ?? models[0]!.id)),
      ]);
      setPhase({ kind: 'done', run: result, labels });
    } catch (err) {
      if (abort.signal.aborted) {
        if (abort.signal.reason !== 'unmounted') setPhase({ kind: 'message', text: t('cancelled'), alert: false });
      } else {
        setPhase({ kind: 'message', text: t('failed', { message: err instanceof Error ? err.message : String(err) }), alert: true });
      }
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const running = phase.kind === 'running';
  const json = useMemo(() => {
    if (phase.kind !== 'done') return '';
    const s = phase.run.summary;
    return JSON.stringify(
      {
        runtime: phase.run.runtime,
        n: s.n,
        models: s.models.map((m) => ({ id: m.id, top1: m.top1, top5: m.top5, top1_count: m.top1Count, top5_count: m.top5Count })),
        agreement: s.agreement,
        agree_count: s.agreeCount,
        mean_abs_delta_p_true: s.meanAbsDeltaPTrue,
        disagreements: s.disagreements.map((d) => ({ image: d.imageId, true_index: d.trueIndex, answers: d.answers.map((a) => a.top1) })),
        elapsed_ms: Math.round(phase.run.elapsedMs),
        longest_main_thread_task_ms: phase.run.longestTaskMs,
      },
      null,
      2,
    );
  }, [phase]);

  return (
    <section class="bench-lab not-content" aria-labelledby={`${uid}-h`} data-testid="accuracy-lab">
      <h2 id={`${uid}-h`}>{t('heading')}</h2>
      <div class="bl-settings">
        {handed ? (
          <p data-testid="accuracy-handoff">{t('handoffPair', { a: handed[0]!.name[lang], b: handed[1]!.name[lang] })}</p>
        ) : (
          <PairSelect lang={lang} label={t('pair')} name="pair" pairs={pairs} value={pairId} onChange={setPairId} disabled={running} />
        )}
        <RuntimeSelect lang={lang} value={runtime} onChange={setRuntime} disabled={running} />
        <label>
          {t('photos', { max: devImages.length })}
          <input name="photos" type="number" inputMode="numeric" value={count} onInput={(e) => setCount((e.currentTarget as HTMLInputElement).value)} disabled={running} />
        </label>
      </div>
      <RunCancelButtons lang={lang} primary runLabel={t('run')} onRun={run} onCancel={() => controller.current?.abort('cancelled')} running={running} />
      <div class="bl-status" aria-live="polite" data-testid="accuracy-status">
        {phase.kind === 'running' ? (
          <>
            <progress data-testid="accuracy-progress" max={phase.total} value={phase.done} aria-label={t('progress', { done: phase.done, total: phase.total })} />
            <span>{phase.done === 0 ? t('loading') : t('progress', { done: phase.done, total: phase.total })}</span>
          </>
        ) : phase.kind === 'message' ? (
          <p class={phase.alert ? 'bl-error' : 'bl-info'} role={phase.alert ? 'alert' : undefined} data-testid="accuracy-message">
            {phase.text}
          </p>
        ) : phase.kind === 'done' ? (
          <p data-testid="accuracy-done">{t('done', { n: phase.run.summary.n, seconds: (phase.run.elapsedMs / 1000).toFixed(1) })}</p>
        ) : null}
      </div>
      {phase.kind === 'done' ? <AccuracyResults lang={lang} run={phase.run} labels={phase.labels} json={json} handed={handed} /> : null}
    </section>
  );
}

function AccuracyResults({ lang, run, labels, json, handed }: { lang: Locale; run: AccuracyRun; labels: string[]; json: string; handed: ModelSource[] | null }) {
  const t = translator(accuracyLabStrings, lang);
  const s = run.summary;
  // Handed-over files are not in the manifest: their name and dtype come from the hand-off.
  const entryOf = (id: string) => (handed ? handed.find((h) => h.id === id)?.entry : getModel(id));
  const name = (id: string) => handed?.find((h) => h.id === id)?.name[lang] ?? getModel(id).name[lang];
  const sources = new Map<string, string>();
  return (
    <div class="bl-results" data-testid="accuracy-results">
      <div class="bl-table-wrap responsive-table">
        <table class="bl-table">
          <thead>
            <tr>
              <th scope="col">{t('colModel')}</th>
              <th scope="col">{t('colTop1')}</th>
              <th scope="col">{t('colTop5')}</th>
              <th scope="col">{t('colPublished')}</th>
            </tr>
          </thead>
          <tbody>
            {s.models.map((m) => {
              const entry = entryOf(m.id);
              const pub = entry ? publishedTop1(entry) : null;
              if (pub) sources.set(pub.source.url, pub.source.title);
              return (
                <tr key={m.id} data-model={m.id}>
                  <th scope="row">{name(m.id)}</th>
                  <td data-col="top1" data-label={t('colTop1')} data-count={m.top1Count} data-n={m.n}>
                    {percent(m.top1)} <span class="bl-dim">({t('count', { count: m.top1Count, n: m.n })})</span>
                  </td>
                  <td data-col="top5" data-label={t('colTop5')} data-count={m.top5Count} data-n={m.n}>
                    {percent(m.top5)} <span class="bl-dim">({t('count', { count: m.top5Count, n: m.n })})</span>
                  </td>
                  <td data-col="published" data-label={t('colPublished')}>
                    {pub ? (
                      <a href={pub.source.url}>{pub.exact ? `${pub.top1}%` : t(pub.ofFloatOriginal ? 'relativeFloat' : 'relative', { value: pub.top1, model: name(pub.modelId) })}</a>
                    ) : (
                      t('noPublished')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p data-testid="accuracy-agreement" data-count={s.agreeCount} data-n={s.n}>
        {t('agreement', { count: s.agreeCount, n: s.n, percent: percent(s.agreement) })}
      </p>
      <p data-testid="accuracy-delta">{t('deltaP', { value: (s.meanAbsDeltaPTrue * 100).toFixed(2) })}</p>
      <p class="bl-note">{t('note', { n: s.n })}</p>
      {[...sources.entries()].map(([url, title]) => (
        <p class="bl-note" key={url}>
          {t('source', { title })}: <a href={url}>{url}</a>
        </p>
      ))}
      {run.longestTaskMs !== null ? (
        <p class="bl-note">{run.longestTaskMs > 0 ? t('longTask', { ms: Math.round(run.longestTaskMs) }) : t('longTaskNone')}</p>
      ) : null}
      <h3>{t('galleryHeading', { count: s.disagreements.length })}</h3>
      {s.disagreements.length === 0 ? (
        <p>{t('galleryNone')}</p>
      ) : (
        <ul class="bl-gallery" data-testid="accuracy-gallery">
          {s.disagreements.map((d) => {
            const dev = devImages.find((x) => x.id === d.imageId)!;
            return (
              <li key={d.imageId}>
                <img src={assetUrl(dev)} alt={dev.label_full} loading="lazy" width={176} height={176} />
                <dl>
                  <dt>{t('truth')}</dt>
                  <dd>{dev.label_short}</dd>
                  {d.answers.map((a, i) => (
                    <Fragment key={i}>
                      <dt>{entryOf(s.models[i]!.id)?.dtype ?? name(s.models[i]!.id)}</dt>
                      <dd class={a.top1 === d.trueIndex ? 'bl-right' : 'bl-wrong'}>
                        {labelOf(labels, a.top1)} ({percent(a.top1Prob)}) {a.top1 === d.trueIndex ? `✓ ${t('right')}` : `✗ ${t('wrong')}`}
                      </dd>
                    </Fragment>
                  ))}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      <details class="bl-json">
        <summary>{t('jsonSummary')}</summary>
        <pre data-testid="accuracy-json">{json}</pre>
      </details>
    </div>
  );
}
