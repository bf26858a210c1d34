// The results of one benchmark: table, speed-up with interval, chart, reliability, copy buttons.
import { useMemo, useState } from 'preact/hooks';
import type { BenchmarkResult } from '../../lib/bench/benchmark.ts';
import type { BenchReport } from '../../lib/bench/report.ts';
import { reportToJson, reportToMarkdown } from '../../lib/bench/report.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import type { Locale } from '../../lib/models.ts';
import LatencyChart from './LatencyChart.tsx';
import { ms, ratio } from './format.ts';

interface Props {
  lang: Locale;
  result: BenchmarkResult;
  report: BenchReport;
  nameOf: (id: string) => string;
}

export default function BenchResults({ lang, result, report, nameOf }: Props) {
  const t = translator(benchStrings, lang);
  const [copyNote, setCopyNote] = useState<string>('');
  const json = useMemo(() => reportToJson(report), [report]);
  const markdown = useMemo(() => reportToMarkdown(report), [report]);
  const series = useMemo(() => result.models.map((m) => ({ label: nameOf(m.id), samples: m.samples })), [result, nameOf]);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopyNote(t('copied'));
    } catch {
      setCopyNote(t('copyFailed'));
    }
  };

  const reasons = result.reliability.reasons.map((r) =>
    r === 'hidden' ? t('reasonHidden') : t('reasonGaps', { ms: Math.round(result.reliability.maxGapMs) }),
  );

  return (
    <div class="bl-results" data-testid="bench-results" data-runtime={result.runtime}>
      <h3>{t('resultsHeading')}</h3>
      {result.reliability.unreliable ? (
        <p class="bl-warning" role="alert" data-testid="bench-unreliable">
          {t('unreliable', { reasons: reasons.join('; ') })}
        </p>
      ) : null}
      <div class="bl-table-wrap bl-wide responsive-table">
        <table class="bl-table">
          <thead>
            <tr>
              <th scope="col">{t('colModel')}</th>
              <th scope="col">{t('colMedian')}</th>
              <th scope="col">{t('colP10')}</th>
              <th scope="col">{t('colP90')}</th>
              <th scope="col">{t('colIqr')}</th>
              <th scope="col">{t('colN')}</th>
              <th scope="col">{t('colCopy')}</th>
              <th scope="col">{t('colSize')}</th>
              <th scope="col">{t('colLoad')}</th>
              <th scope="col">{t('colEngine')}</th>
            </tr>
          </thead>
          <tbody>
            {result.models.map((m) => (
              <tr key={m.id} data-model={m.id}>
                <th scope="row">{nameOf(m.id)}</th>
                <td data-col="median" data-label={t('colMedian')}>{ms(m.inference.median)}</td>
                <td data-col="p10" data-label={t('colP10')}>{ms(m.inference.p10)}</td>
                <td data-col="p90" data-label={t('colP90')}>{ms(m.inference.p90)}</td>
                <td data-col="iqr" data-label={t('colIqr')}>{ms(m.inference.iqr)}</td>
                <td data-col="n" data-label={t('colN')}>{m.inference.n}</td>
                <td data-col="copy" data-label={t('colCopy')}>{ms(m.copy.median)}</td>
                <td data-col="size" data-label={t('colSize')} data-bytes={m.sizeBytes}>{formatBytes(m.sizeBytes, lang)}</td>
                <td data-col="load" data-label={t('colLoad')}>{Math.round(m.loadMs)}</td>
                <td data-col="engine" data-label={t('colEngine')}>
                  <code>{m.info.variant}</code> · {m.info.threads}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="bl-ratios">
        {result.ratios.map((q) => {
          const base = result.models.find((m) => m.id === q.baseline)!;
          const cand = result.models.find((m) => m.id === q.candidate)!;
          return (
            <li key={q.candidate} data-testid="bench-ratio" data-baseline={q.baseline} data-candidate={q.candidate}>
              <strong>
                {t('speedup', {
                  baseline: nameOf(q.baseline),
                  candidate: nameOf(q.candidate),
                  ratio: ratio(q.interval.speedup),
                  low: ratio(q.interval.low),
                  high: ratio(q.interval.high),
                })}
              </strong>{' '}
              {cand.sizeBytes < base.sizeBytes ? t('sizeSmaller', { candidate: nameOf(q.candidate), ratio: ratio(base.sizeBytes / cand.sizeBytes) }) : null}
            </li>
          );
        })}
      </ul>
      <p class="bl-note">{t('speedupNote')}</p>
      <p class="bl-note" data-testid="bench-longtask" data-ms={result.longestTaskMs ?? ''}>
        {result.longestTaskMs === null ? null : result.longestTaskMs > 0 ? t('longTask', { ms: Math.round(result.longestTaskMs) }) : t('longTaskNone')}
      </p>
      <h4>{t('chartHeading')}</h4>
      <LatencyChart series={series} axisLabel={t('chartAxis')} ariaLabel={t('chartAlt')} />
      <div class="bl-actions">
        <button type="button" onClick={() => copy(markdown)}>
          {t('copyMarkdown')}
        </button>
        <button type="button" onClick={() => copy(json)}>
          {t('copyJson')}
        </button>
        <span role="status">{copyNote}</span>
      </div>
      <details class="bl-json">
        <summary>{t('jsonSummary')}</summary>
        <pre data-testid="bench-json">{json}</pre>
      </details>
    </div>
  );
}
