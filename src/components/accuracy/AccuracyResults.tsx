// The accuracy lab's results: both models' top-1/top-5 beside the published numbers, agreement,
// and the gallery of photos where their answers differ; the JSON the reader can copy.
import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import { assetUrl, devImages, getModel, type Locale } from '../../lib/models.ts';
import type { AccuracyRun } from '../../lib/eval/dev-set.ts';
import type { ModelSource } from '../../lib/inference/source.ts';
import { publishedTop1 } from '../../lib/catalog/published.ts';
import { labelOf } from '../../lib/classify/labels.ts';
import { translator } from '../../i18n/translate.ts';
import { accuracyLabStrings } from '../../i18n/accuracy-lab.ts';
import { percent } from '../shared/format.ts';

/** The run as JSON, in the field names of bench/results. */
export function accuracyJson(run: AccuracyRun): string {
  const s = run.summary;
  return JSON.stringify(
    {
      runtime: run.runtime,
      n: s.n,
      scored_against_labels: run.indexing,
      models: s.models?.map((m) => ({ id: m.id, top1: m.top1, top5: m.top5, top1_count: m.top1Count, top5_count: m.top5Count })) ?? null,
      agreement: s.agreement,
      agree_count: s.agreeCount,
      mean_abs_delta_p_true: s.meanAbsDeltaPTrue,
      output_diff: s.outputDiff ? { mean_abs: s.outputDiff.mean, max_abs: s.outputDiff.max } : null,
      disagreements: s.disagreements.map((d) => ({ image: d.imageId, true_index: d.trueIndex, answers: d.answers.map((a) => a.top1) })),
      elapsed_ms: Math.round(run.elapsedMs),
      longest_main_thread_task_ms: run.longestTaskMs,
    },
    null,
    2,
  );
}

export default function AccuracyResults({ lang, run, labels, handed }: { lang: Locale; run: AccuracyRun; labels: string[]; handed: ModelSource[] | null }) {
  const t = translator(accuracyLabStrings, lang);
  const json = useMemo(() => accuracyJson(run), [run]);
  const s = run.summary;
  // Handed-over files are not in the manifest: their name and dtype come from the hand-off.
  const entryOf = (id: string) => (handed ? handed.find((h) => h.id === id)?.entry : getModel(id));
  const name = (id: string) => handed?.find((h) => h.id === id)?.name[lang] ?? getModel(id).name[lang];
  const sources = new Map<string, string>();
  // A 1000-way output's index i is line i + 1 of the 1001-line label file ("background" first).
  const labelFor = (index: number) => (run.indexing ? labelOf(labels, index, run.indexing === 'index_1000' ? 1 : 0) : `#${index}`);
  return (
    <div class="bl-results" data-testid="accuracy-results" data-scored={run.indexing ? 'labels' : 'agreement-only'}>
      {s.models ? (
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
      ) : (
        <p data-testid="accuracy-not-imagenet">{t('notImageNet')}</p>
      )}
      <p data-testid="accuracy-agreement" data-count={s.agreeCount} data-n={s.n}>
        {t('agreement', { count: s.agreeCount, n: s.n, percent: percent(s.agreement) })}
      </p>
      {s.meanAbsDeltaPTrue !== null ? <p data-testid="accuracy-delta">{t('deltaP', { value: (s.meanAbsDeltaPTrue * 100).toFixed(2) })}</p> : null}
      {s.outputDiff ? (
        <p data-testid="accuracy-output-diff" data-mean={s.outputDiff.mean} data-max={s.outputDiff.max}>
          {t('outputDiff', { mean: s.outputDiff.mean.toPrecision(3), max: s.outputDiff.max.toPrecision(3) })}
        </p>
      ) : null}
      {s.models ? <p class="bl-note">{t('note', { n: s.n })}</p> : null}
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
                  <dt>{t(d.trueIndex === null ? 'photo' : 'truth')}</dt>
                  <dd>{dev.label_short}</dd>
                  {d.answers.map((a, i) => (
                    <Fragment key={i}>
                      <dt>{entryOf(s.modelIds[i]!)?.dtype ?? name(s.modelIds[i]!)}</dt>
                      {d.trueIndex === null ? (
                        <dd>{t('outputIndex', { index: a.top1, value: a.top1Prob.toPrecision(3) })}</dd>
                      ) : (
                        <dd class={a.top1 === d.trueIndex ? 'bl-right' : 'bl-wrong'}>
                          {labelFor(a.top1)} ({percent(a.top1Prob)}) {a.top1 === d.trueIndex ? `✓ ${t('right')}` : `✗ ${t('wrong')}`}
                        </dd>
                      )}
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
