// The results of one benchmark: the plain verdict first, then the detail (table, speed-up with its
// interval, chart, reliability) and the copy buttons.
import { useMemo, useState } from 'preact/hooks';
import type { BenchmarkResult } from '../../lib/bench/benchmark.ts';
import type { BenchReport } from '../../lib/bench/report.ts';
import { reportToJson, reportToMarkdown } from '../../lib/bench/report.ts';
import { translator } from '../../i18n/translate.ts';
import { benchStrings } from '../../i18n/bench.ts';
import type { Locale } from '../../lib/models.ts';
import LatencyChart from './LatencyChart.tsx';
import BenchTable from './BenchTable.tsx';
import BenchVerdict from './BenchVerdict.tsx';
import { ratio } from '../shared/format.ts';

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
      <BenchVerdict result={result} nameOf={nameOf} t={t} />
      {result.reliability.unreliable ? (
        <p class="bl-warning" role="alert" data-testid="bench-unreliable">
          {t('unreliable', { reasons: reasons.join('; ') })}
        </p>
      ) : null}
      <h4>{t('detailHeading')}</h4>
      <BenchTable lang={lang} result={result} nameOf={nameOf} />
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
